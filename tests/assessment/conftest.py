"""Cases at assessment, answers and decisions for the assessment tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pytest

from redress.accounts.models import Team, User
from redress.assessment.services import Draft, assessment_save
from redress.casework.models import Case, Person
from redress.casework.services import case_move
from redress.domain.assessment import DISCRETION_TESTS, LEGAL_BARS, Answer, Question
from redress.domain.stages import Stage
from redress.organisations.models import Organisation
from redress.testing.factories import PersonFactory, make_case


def at_assessment(case: Case, actor: User) -> Case:
    """Pass a case from intake to assessment, as an intake decision would."""
    return case_move(
        case=case,
        expected_version=case.version,
        target=Stage.ASSESSMENT,
        reason="Passed to assessment",
        actor=actor,
    )


@pytest.fixture
def assessment_case(team: Team, council: Organisation, manager: User) -> Case:
    """A case of the first team at assessment."""
    return at_assessment(make_case(team=team, organisation=council), manager)


@pytest.fixture
def represented_case(team: Team, council: Organisation, manager: User) -> Case:
    """A case at assessment made by a representative for the complainant."""
    case = make_case(team=team, organisation=council)
    representative = cast(Person, PersonFactory(first_name="Rita", last_name="Rep"))
    Case.objects.filter(pk=case.pk).update(representative=representative)
    case.refresh_from_db()
    return at_assessment(case, manager)


@pytest.fixture
def sensitive_case(team: Team, council: Organisation, manager: User) -> Case:
    return at_assessment(make_case(team=team, organisation=council, sensitive=True), manager)


@pytest.fixture
def other_team_case(other_team: Team, council: Organisation, administrator: User) -> Case:
    return at_assessment(make_case(team=other_team, organisation=council), administrator)


def _clear() -> dict[Question, Draft]:
    return {
        **{q: Draft(Answer.NO, "") for q in LEGAL_BARS},
        **{q: Draft(Answer.YES, f"Reasoning on {q.label.lower()}.") for q in DISCRETION_TESTS},
    }


@pytest.fixture
def clear_drafts() -> dict[Question, Draft]:
    """Every question answered: nothing in the law stops us, and every test favours us."""
    return _clear()


@pytest.fixture
def clear_post() -> Callable[[int], dict[str, str]]:
    """The workspace form filled in as `clear_drafts`, for a given assessment version."""

    def post(version: int) -> dict[str, str]:
        data = {"version": str(version), "notes": "Spoke to the council's link officer."}
        for question, draft in _clear().items():
            data[f"answer_{question.value}"] = draft.answer.value if draft.answer else ""
            data[f"note_{question.value}"] = draft.note
        return data

    return post


@pytest.fixture
def answered(assessment_case: Case, assessor: User) -> Case:
    """The case at assessment with every question answered in favour of taking it on."""
    assessment_save(
        case=assessment_case, expected_version=0, drafts=_clear(), notes="", actor=assessor
    )
    return Case.objects.get(pk=assessment_case.pk)
