"""Cases ready for a decision, and helpers to take them through it.

investigated_case   a case about Wessex County Council at investigation, allocated to
                    `investigator` in `team`, with two numbered issues and no findings
record_findings     record a finding on every issue (fault causing injustice by default)
shared_case         `investigated_case` with findings and its draft shared
run_on_commit       run what waits for the commit (letters, PDFs) as a request would
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from redress.accounts.models import Team, User
from redress.casework.models import Case
from redress.casework.services import case_move
from redress.decisions import services
from redress.decisions.models import Decision
from redress.domain.findings import Causation, Fault, Finding, InjusticeKind
from redress.domain.stages import Stage
from redress.investigation.models import ComplaintIssue, StatementOfComplaint
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

INJUSTICE = Finding(
    what_happened="The council took four months to decide.",
    what_should_have_happened="The Code of Guidance says it should decide within 33 working days.",
    fault=Fault.YES,
    injustice_kinds=(InjusticeKind.DISTRESS,),
    injustice="She did not know where she would live.",
    causation=Causation.CAUSED,
)
NO_FAULT = Finding(
    what_happened="The council answered every letter within a week.",
    what_should_have_happened="Its policy is to answer within 10 working days.",
    fault=Fault.NO,
)


@pytest.fixture(autouse=True)
def files_dir(tmp_path: Path) -> Iterator[Path]:
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


def to_investigation(case: Case, manager: User) -> Case:
    case = case_move(
        case=case, expected_version=case.version, target=Stage.ASSESSMENT,
        reason="Passed to assessment", actor=manager,
    )  # fmt: skip
    return case_move(
        case=case, expected_version=case.version, target=Stage.INVESTIGATION,
        reason="Allocated for investigation", actor=manager,
    )  # fmt: skip


def add_issues(case: Case, author: User) -> list[ComplaintIssue]:
    StatementOfComplaint.objects.create(
        case=case,
        period_from=dt.date(2025, 3, 1),
        period_to=dt.date(2025, 7, 31),
        not_investigated="The later suitability decision, which she can appeal.",
        written_by=author,
    )
    return [
        ComplaintIssue.objects.create(case=case, number=1, description="The council delayed."),
        ComplaintIssue.objects.create(case=case, number=2, description="It ignored her letters."),
    ]


@pytest.fixture
def investigated_case(team: Team, investigator: User, manager: User, council: Organisation) -> Case:
    case = make_case(team=team, officer=investigator, organisation=council)
    case = to_investigation(case, manager)
    add_issues(case, investigator)
    return case


RecordFindings = Callable[..., None]


@pytest.fixture
def record_findings() -> RecordFindings:
    def record(case: Case, actor: User, *findings: Finding) -> None:
        chosen = findings or (INJUSTICE, NO_FAULT)
        for issue, facts in zip(
            ComplaintIssue.objects.filter(case=case).order_by("number"), chosen, strict=False
        ):
            services.finding_record(issue=issue, facts=facts, actor=actor)

    return record


@pytest.fixture
def run_on_commit(
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[Any]],
) -> Callable[[], AbstractContextManager[Any]]:
    return lambda: django_capture_on_commit_callbacks(execute=True)


def share(case: Case, actor: User) -> Decision:
    decision = services.draft_assemble(case=case, actor=actor)
    case.refresh_from_db()
    return services.draft_share(
        decision=decision, expected_version=decision.version, case_version=case.version,
        actor=actor,
    )  # fmt: skip


@pytest.fixture
def shared_case(
    investigated_case: Case,
    investigator: User,
    record_findings: RecordFindings,
    run_on_commit: Callable[[], AbstractContextManager[Any]],
) -> Case:
    record_findings(investigated_case, investigator)
    with run_on_commit():
        share(investigated_case, investigator)
    investigated_case.refresh_from_db()
    return investigated_case
