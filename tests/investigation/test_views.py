"""Staff investigation pages: who may open and post each, what they show, junk input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from redress.accounts.models import Team, User
from redress.casework.models import Case, ClockPause, Contact
from redress.domain.clocks import ClockKind
from redress.investigation import services
from redress.investigation.models import (
    ComplaintIssue,
    DelayNotice,
    Enquiry,
    EvidenceItem,
    EvidenceSource,
    StatementOfComplaint,
)
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 4, 11, 0, tzinfo=dt.UTC)
Clients = Callable[[User | None], Client]


def _ref(case: Case) -> str:
    return case.reference.replace(" ", "")


def _url(name: str, case: Case, **kwargs: Any) -> str:
    return reverse(f"investigation:{name}", kwargs={"reference": _ref(case), **kwargs})


def _date(prefix: str, day: dt.date) -> dict[str, str]:
    return {
        f"{prefix}_day": str(day.day),
        f"{prefix}_month": str(day.month),
        f"{prefix}_year": str(day.year),
    }


def _valid_posts(case: Case) -> dict[str, dict[str, Any]]:
    issue = ComplaintIssue.objects.get(case=case)
    return {
        "statement": {
            **_date("period_from", dt.date(2025, 3, 1)),
            **_date("period_to", dt.date(2025, 9, 1)),
            "not_investigated": "",
        },
        "issue-add": {"description": "Complaint handling"},
        "enquiry-add": {"questions": "Why the delay?", "documents_requested": ""},
        "evidence-add": {
            "source": "complainant",
            **_date("received_on", dt.date(2026, 3, 3)),
            "description": "Letters",
            "issues": [str(issue.pk)],
        },
        "pause": {
            "clock": "investigation",
            **_date("started_on", dt.date(2026, 3, 4)),
            "reason": "Court case",
        },
        "delay-notice": {"clock": "investigation", "reason": "we are waiting for records."},
        "update": {
            "parties": ["complainant"],
            "channel": "phone",
            "summary": "Update",
            **_date("sent_on", dt.date(2026, 3, 4)),
        },
    }


@pytest.fixture
def worked_case(case: Case, investigator: User) -> Case:
    with time_machine.travel(NOW, tick=False):
        services.issue_add(case=case, description="Delay in assessment", actor=investigator)
    return case


WRITE_VIEWS = [
    "statement",
    "issue-add",
    "enquiry-add",
    "evidence-add",
    "pause",
    "delay-notice",
    "update",
]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("name", WRITE_VIEWS)
def test_write_pages_work_for_the_investigator(
    worked_case: Case, investigator: User, client_for: Clients, name: str
) -> None:
    client = client_for(investigator)
    assert client.get(_url(name, worked_case)).status_code == 200
    response = client.post(_url(name, worked_case), _valid_posts(worked_case)[name])
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == _url("overview", worked_case)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("name", [*WRITE_VIEWS, "resume"])
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("colleague", 403),
        ("assessor", 403),
        ("intake_officer", 403),
        ("outsider", 404),
        ("council_user", 403),
        ("complainant_user", 403),
    ],
)
def test_write_pages_refuse_everyone_else(  # noqa: PLR0917 - fixtures and parameters
    worked_case: Case,
    client_for: Clients,
    request: pytest.FixtureRequest,
    name: str,
    who: str,
    status: int,
) -> None:
    client = client_for(request.getfixturevalue(who))
    assert client.get(_url(name, worked_case)).status_code == status
    assert (
        client.post(_url(name, worked_case), _valid_posts(worked_case).get(name, {})).status_code
        == status
    )
    assert not Enquiry.objects.exists()
    assert not DelayNotice.objects.exists()
    assert not ClockPause.objects.exists()
    assert not EvidenceItem.objects.exists()


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("name", [*WRITE_VIEWS, "resume", "overview"])
def test_signed_out_people_are_sent_to_sign_in(
    worked_case: Case, client_for: Clients, name: str
) -> None:
    response = client_for(None).get(_url(name, worked_case))
    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]


@time_machine.travel(NOW, tick=False)
def test_a_sensitive_case_is_hidden_from_the_team_but_not_its_investigator(
    worked_case: Case, investigator: User, colleague: User, manager: User, client_for: Clients
) -> None:
    Case.objects.filter(pk=worked_case.pk).update(sensitive=True)
    assert client_for(colleague).get(_url("overview", worked_case)).status_code == 404
    assert (
        client_for(colleague).post(_url("issue-add", worked_case), {"description": "x"}).status_code
        == 404
    )
    assert client_for(investigator).get(_url("overview", worked_case)).status_code == 200
    assert (
        client_for(manager).post(_url("issue-add", worked_case), {"description": "x"}).status_code
        == 302
    )


@time_machine.travel(NOW, tick=False)
def test_issue_edit_and_move_are_permission_checked(
    worked_case: Case, investigator: User, colleague: User, client_for: Clients
) -> None:
    issue = ComplaintIssue.objects.get(case=worked_case)
    edit = _url("issue-edit", worked_case, pk=issue.pk)
    assert client_for(colleague).post(edit, {"description": "Changed"}).status_code == 403
    assert client_for(None).post(edit, {"description": "Changed"}).status_code == 302
    assert (
        client_for(colleague)
        .post(_url("issue-move", worked_case), {"issue": issue.pk, "move": "down"})
        .status_code
        == 403
    )
    assert client_for(investigator).post(edit, {"description": "Changed"}).status_code == 302
    issue.refresh_from_db()
    assert issue.description == "Changed"
    assert (
        client_for(investigator).get(_url("issue-edit", worked_case, pk=999999)).status_code == 404
    )


@time_machine.travel(NOW, tick=False)
def test_moving_an_issue_renumbers_them(
    worked_case: Case, investigator: User, client_for: Clients
) -> None:
    second = services.issue_add(case=worked_case, description="Second", actor=investigator)
    client = client_for(investigator)
    response = client.post(_url("issue-move", worked_case), {"issue": second.pk, "move": "up"})
    assert response.status_code == 302
    assert list(
        ComplaintIssue.objects.filter(case=worked_case).values_list("description", flat=True)
    ) == [
        "Second",
        "Delay in assessment",
    ]
    # Moving the top one up, or junk, changes nothing and does not fail.
    for junk in ({"issue": second.pk, "move": "up"}, {"issue": "x", "move": "sideways"}, {}):
        assert client.post(_url("issue-move", worked_case), junk).status_code == 302


JUNK = ["", " ", "\x00", "31", "-1", "9" * 30, "<script>", "2026-13-45", "é" * 300]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("name", WRITE_VIEWS)
def test_junk_input_gives_an_error_summary_never_a_500(
    worked_case: Case, investigator: User, client_for: Clients, name: str
) -> None:
    client = client_for(investigator)
    fields = _valid_posts(worked_case)[name]
    for junk in JUNK:
        data = dict.fromkeys(fields, junk)
        response = client.post(_url(name, worked_case), data)
        assert response.status_code in (200, 302), (junk, response.status_code)
        if response.status_code == 200:
            assert "There is a problem" in response.content.decode()
    response = client.post(_url(name, worked_case), {})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_a_rule_the_service_refuses_keeps_what_was_typed(
    worked_case: Case, investigator: User, client_for: Clients
) -> None:
    client = client_for(investigator)
    post = {
        "clock": "enquiry_reply",
        **_date("started_on", dt.date(2026, 3, 4)),
        "reason": "Flood at the council",
    }
    response = client.post(_url("pause", worked_case), post)
    # No enquiry is out, so the reply clock is not running and cannot be chosen.
    assert response.status_code == 200
    assert "Flood at the council" in response.content.decode()
    services.statement_save(
        case=worked_case,
        period_from=dt.date(2025, 1, 1),
        period_to=dt.date(2025, 2, 1),
        not_investigated="",
        actor=investigator,
    )
    bad = {
        **_date("period_from", dt.date(2025, 5, 1)),
        **_date("period_to", dt.date(2025, 4, 1)),
        "not_investigated": "Kept",
    }
    response = client.post(_url("statement", worked_case), bad)
    assert "must be the same as or after its start" in response.content.decode()
    assert StatementOfComplaint.objects.get(case=worked_case).period_from == dt.date(2025, 1, 1)


@time_machine.travel(NOW, tick=False)
def test_resume_restarts_a_paused_clock(
    worked_case: Case, investigator: User, client_for: Clients
) -> None:
    services.clock_pause(
        case=worked_case,
        kind=ClockKind.INVESTIGATION,
        started_on=dt.date(2026, 3, 2),
        reason="Court case",
        actor=investigator,
    )
    client = client_for(investigator)
    assert "Paused" in client.get(_url("overview", worked_case)).content.decode()
    response = client.post(
        _url("resume", worked_case),
        {"clock": "investigation", **_date("ended_on", dt.date(2026, 3, 3))},
    )
    assert response.status_code == 302
    # 13 weeks from 2 February is 4 May; two days paused make it 6 May.
    assert worked_case.deadlines.get(kind="investigation").due_on == dt.date(2026, 5, 6)


@time_machine.travel(NOW, tick=False)
def test_the_overview_shows_everything_in_a_fixed_number_of_queries(
    worked_case: Case, investigator: User, client_for: Clients
) -> None:
    client = client_for(investigator)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url("overview", worked_case)).status_code == 200
        return len(queries)

    issue = ComplaintIssue.objects.get(case=worked_case)

    def add(n: int) -> None:
        services.enquiry_send(
            case=worked_case,
            questions=f"Question {n}",
            documents_requested="",
            actor=investigator,
        )
        services.evidence_add(
            case=worked_case,
            source=EvidenceSource.ORGANISATION,
            received_on=dt.date(2026, 3, 3),
            description=f"Item {n}",
            issues=[issue],
            actor=investigator,
        )
        services.issue_add(case=worked_case, description=f"Issue {n}", actor=investigator)
        services.delay_notice_send(
            case=worked_case,
            clock=ClockKind.INVESTIGATION,
            reason=f"we wait {n}.",
            actor=investigator,
        )

    add(0)
    baseline = count()
    for n in range(1, 5):
        add(n)
    assert count() == baseline
    assert count() <= 30
    page = client.get(_url("overview", worked_case)).content.decode()
    for text in ("Question 4", "Item 4", "Issue 4", "we wait 4.", "Update both parties"):
        assert text in page


@time_machine.travel(NOW, tick=False)
def test_the_case_page_links_to_the_investigation(
    worked_case: Case, investigator: User, client_for: Clients
) -> None:
    page = client_for(investigator).get(reverse("casework:case", args=[_ref(worked_case)]))
    assert "Open the investigation" in page.content.decode()


@time_machine.travel(NOW, tick=False)
def test_an_update_is_logged_as_a_contact_per_party(
    worked_case: Case, investigator: User, client_for: Clients
) -> None:
    post = {
        "parties": ["complainant", "organisation"],
        "channel": "phone",
        "summary": "Progress",
        **_date("sent_on", dt.date(2026, 3, 3)),
    }
    assert client_for(investigator).post(_url("update", worked_case), post).status_code == 302
    parties = sorted(Contact.objects.filter(case=worked_case).values_list("party", flat=True))
    assert [p.split(":")[0] for p in parties] == ["Complainant", "Organisation"]


def test_the_case_page_offers_no_investigation_before_it_begins(
    team: Team, investigator: User, client_for: Clients
) -> None:
    early = make_case(team=team, officer=investigator)
    page = client_for(investigator).get(reverse("casework:case", args=[_ref(early)]))
    assert "Open the investigation" not in page.content.decode()
