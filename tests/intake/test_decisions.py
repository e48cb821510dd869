"""Intake decisions: verdicts on suggestions, the move, the record, the letters."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.casework.models import Case, Person
from redress.casework.services import CaseConflictError
from redress.domain.categories import Category
from redress.domain.complaints import ComplainedFirst
from redress.domain.stages import Outcome, ReasonCode
from redress.intake.decisions import (
    DecisionKind,
    IntakeDecisionError,
    SuggestionVerdict,
    intake_decide,
)
from redress.intake.models import ComplaintDetails, IntakeDecision
from redress.notifications.models import Letter
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _case(team: Team, complained: ComplainedFirst = ComplainedFirst.WAITING, **kw: Any) -> Case:
    case = make_case(team=team, category=Category.HIGHWAYS, **kw)
    ComplaintDetails.objects.create(
        case=case,
        first_knew_on=TODAY - dt.timedelta(days=30),
        injustice="I cannot get to work.",
        complained_first=complained,
    )
    return Case.objects.get(pk=case.pk)


def _decide(case: Case, actor: User, **changes: Any) -> Any:
    args: dict[str, Any] = {
        "case": case,
        "expected_version": case.version,
        "decision": DecisionKind.CLOSE,
        "outcome": Outcome.REFERRED_BACK,
        "reason_codes": [],
        "signposted_to": "",
        "explanation": "The council should have the chance to answer first.",
        "suggestion_verdicts": {"PREMATURE": SuggestionVerdict(accepted=True)},
        "actor": actor,
    }
    return intake_decide(**{**args, **changes})


def test_referring_back_closes_records_and_writes_to_both_parties(
    team: Team, intake_officer: User, council: Organisation
) -> None:
    case = _case(team, organisation=council)
    decision, unsent = _decide(case, intake_officer)
    case.refresh_from_db()
    assert (case.stage, case.outcome, case.reason_codes) == (
        "closed",
        "referred_back",
        ["PREMATURE"],
    )
    assert unsent == []
    assert decision.decided_by == intake_officer
    [entry] = decision.suggestions
    assert (entry["code"], entry["accepted"]) == ("PREMATURE", True)
    assert "have not had its final response" in entry["why"]
    to_person, to_council = Letter.objects.filter(case=case).order_by("id")
    assert to_person.email == case.complainant.email
    assert "How to complain to Wessex County Council" in to_person.body
    assert "complaints@council.example" in to_person.body
    assert "you can come back to us" in to_person.body
    assert to_council.party == "Organisation"
    assert to_council.email == "complaints@council.example"
    assert case.summary in to_council.body


def test_an_override_is_recorded_with_its_reason(team: Team, assessor: User) -> None:
    case = _case(team)
    verdict = SuggestionVerdict(accepted=False, override_reason="They complained 6 months ago.")
    decision, _ = _decide(
        case, assessor, decision=DecisionKind.ASSESSMENT, outcome=None,
        suggestion_verdicts={"PREMATURE": verdict},
    )  # fmt: skip
    case.refresh_from_db()
    assert case.stage == "assessment"
    assert decision.outcome == ""
    assert decision.suggestions[0]["accepted"] is False
    assert decision.suggestions[0]["override_reason"] == "They complained 6 months ago."
    [letter] = Letter.objects.filter(case=case)
    assert "passed it to an assessor" in letter.body
    assert case.next_due_on is not None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"suggestion_verdicts": {}}, "Say whether you accept the 'premature' suggestion"),
        (
            {"suggestion_verdicts": {"PREMATURE": SuggestionVerdict(accepted=False)}},
            "Say why you are overriding",
        ),
        (
            {"decision": DecisionKind.ASSESSMENT, "outcome": None},
            "means not taking the complaint on",
        ),
        ({"outcome": None}, "Choose an outcome"),
        ({"outcome": Outcome.SIGNPOSTED}, "which body"),
        ({"explanation": "  "}, "Explain the decision"),
    ],
)
def test_a_refused_decision_writes_nothing(
    team: Team, intake_officer: User, changes: dict[str, Any], message: str
) -> None:
    case = _case(team)
    with pytest.raises(IntakeDecisionError, match=message):
        _decide(case, intake_officer, **changes)
    case.refresh_from_db()
    assert case.stage == "intake"
    assert not IntakeDecision.objects.exists()
    assert not Letter.objects.exists()


def test_a_stale_version_is_a_conflict_and_writes_nothing(team: Team, intake_officer: User) -> None:
    case = _case(team)
    with pytest.raises(CaseConflictError):
        _decide(case, intake_officer, expected_version=case.version - 1 or 99)
    assert not IntakeDecision.objects.exists()
    assert not Letter.objects.exists()


@pytest.mark.parametrize("persona", ["investigator", "compliance_officer"])
def test_roles_that_do_not_work_intake_cannot_decide(
    request: pytest.FixtureRequest, team: Team, persona: str
) -> None:
    case = _case(team)
    with pytest.raises(PermissionDenied):
        _decide(case, request.getfixturevalue(persona))


def test_a_case_past_intake_cannot_get_an_intake_decision(team: Team, manager: User) -> None:
    case = _case(team)
    Case.objects.filter(pk=case.pk).update(stage="assessment")
    case.refresh_from_db()
    with pytest.raises(PermissionDenied):
        _decide(case, manager)


def test_signposting_names_the_body_and_its_address(team: Team, intake_officer: User) -> None:
    case = _case(team, complained=ComplainedFirst.FINAL_RESPONSE)
    decision, _ = _decide(
        case, intake_officer, outcome=Outcome.SIGNPOSTED, suggestion_verdicts={},
        signposted_to="Housing Ombudsman Service", reason_codes=[ReasonCode.OUT_OF_JURISDICTION],
    )  # fmt: skip
    case.refresh_from_db()
    assert case.reason_codes == ["OUT_OF_JURISDICTION"]
    assert decision.signposted_to == "Housing Ombudsman Service"
    [letter] = Letter.objects.filter(case=case)
    assert "Housing Ombudsman Service may be able to help" in letter.body
    assert "https://www.housing-ombudsman.org.uk" in letter.body


def test_letters_go_to_the_representative_and_say_who_could_not_be_reached(
    team: Team, intake_officer: User
) -> None:
    organisation = Organisation.objects.create(name="Nowhere Council", org_type="district")
    representative = Person.objects.create(
        first_name="Rita", last_name="Rep", address="1 High Street", postcode="AB1 2CD",
        preferred_contact="letter",
    )  # fmt: skip
    case = _case(team, organisation=organisation, representative=representative)
    _, unsent = _decide(case, intake_officer)
    [letter] = Letter.objects.filter(case=case)
    assert (letter.channel, letter.recipient_name, letter.party) == (
        "post",
        "Rita Rep",
        "Representative",
    )
    assert letter.address == "1 High Street\nAB1 2CD"
    assert f"the complaint you made for {case.complainant.full_name}" in letter.body
    assert [u.party for u in unsent] == ["Organisation"]
