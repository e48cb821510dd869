"""Staff pages for findings, the decision and reviews: who may use them, junk input, and
the whole flow through the pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import User
from redress.audit.models import AuditEvent
from redress.casework.models import Case
from redress.decisions import issuing, services
from redress.decisions.models import Decision, DraftComment, QualityCheck
from redress.decisions.reviews import NewReview, review_record
from redress.domain.categories import Channel
from redress.domain.findings import CommentParty, DecisionStatus
from redress.domain.reviews import ReviewKind
from redress.domain.stages import Stage
from redress.investigation.models import ComplaintIssue

from .conftest import RecordFindings

pytestmark = pytest.mark.django_db


def ref(case: Case) -> str:
    return case.reference.replace(" ", "")


def client_for(user: User | None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def _urls(case: Case) -> dict[str, str]:
    issue = ComplaintIssue.objects.filter(case=case).order_by("number").first()
    assert issue is not None
    r = ref(case)
    return {
        "finding": reverse("decisions:finding", args=[r, issue.pk]),
        "override": reverse("decisions:override", args=[r]),
        "assemble": reverse("decisions:assemble", args=[r]),
        "edit": reverse("decisions:edit", args=[r]),
        "share": reverse("decisions:share", args=[r]),
        "comment-record": reverse("decisions:comment-record", args=[r]),
        "check-request": reverse("decisions:check-request", args=[r]),
        "quality-check": reverse("decisions:quality-check", args=[r]),
        "issue": reverse("decisions:issue", args=[r]),
        "return": reverse("decisions:return", args=[r]),
        "review-record": reverse("decisions:review-record", args=[r]),
    }


WRITE_VIEWS = [
    "finding", "override", "assemble", "edit", "share", "comment-record", "check-request",
    "quality-check", "issue", "return", "review-record",
]  # fmt: skip
MANAGER_ONLY = {"override", "quality-check"}


@pytest.mark.parametrize("name", WRITE_VIEWS)
def test_signed_out_people_are_sent_to_sign_in(shared_case: Case, name: str) -> None:
    response = client_for(None).post(_urls(shared_case)[name], {})
    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]


@pytest.mark.parametrize("name", WRITE_VIEWS)
def test_another_team_sees_nothing(shared_case: Case, outsider: User, name: str) -> None:
    assert client_for(outsider).post(_urls(shared_case)[name], {}).status_code == 404


@pytest.mark.parametrize("name", WRITE_VIEWS)
def test_organisation_users_and_complainants_are_refused(
    shared_case: Case, council_user: User, complainant_user: User, name: str
) -> None:
    for person in (council_user, complainant_user):
        assert client_for(person).post(_urls(shared_case)[name], {}).status_code == 403


@pytest.mark.parametrize("name", [n for n in WRITE_VIEWS if n != "review-record"])
def test_the_wrong_role_or_another_investigator_is_refused(
    shared_case: Case, assessor: User, colleague: User, name: str
) -> None:
    for person in (assessor, colleague):
        assert client_for(person).post(_urls(shared_case)[name], {}).status_code == 403


@pytest.mark.parametrize("name", sorted(MANAGER_ONLY))
def test_only_managers_override_and_check(shared_case: Case, investigator: User, name: str) -> None:
    assert client_for(investigator).post(_urls(shared_case)[name], {}).status_code == 403


@pytest.mark.parametrize("name", WRITE_VIEWS)
def test_a_sensitive_case_is_hidden_from_the_team_s_other_staff(
    shared_case: Case, colleague: User, name: str
) -> None:
    Case.objects.filter(pk=shared_case.pk).update(sensitive=True)
    assert client_for(colleague).post(_urls(shared_case)[name], {}).status_code == 404


def test_the_overview_and_review_decide_are_scoped_too(
    shared_case: Case, outsider: User, colleague: User, investigator: User
) -> None:
    overview = reverse("decisions:overview", args=[ref(shared_case)])
    assert client_for(outsider).get(overview).status_code == 404
    assert client_for(colleague).get(overview).status_code == 200
    decide = reverse("decisions:review-decide", args=[ref(shared_case), 999])
    assert client_for(investigator).post(decide, {}).status_code == 403


JUNK: list[dict[str, Any]] = [
    {},
    {"fault": "maybe", "injustice_kinds": ["nonsense"], "causation": "<script>"},
    {"version": "abc", "case_version": "-1", "comments_due_on_day": "99"},
    {"party": "the mayor", "channel": "pigeon", "received_on_day": "31", "received_on_month": "2"},
    {"result": "shrug", "kind": "x", "outcome": "banana", "reopen_at": "intake"},
    {"text": "x" * 30000, "summary": "\x00", "reason": " "},
]


@pytest.mark.parametrize("junk", JUNK)
@pytest.mark.parametrize(
    "name", ["finding", "override", "edit", "share", "comment-record", "issue", "return",
             "review-record", "quality-check"],
)  # fmt: skip
def test_junk_input_gets_an_error_summary_never_a_500(
    shared_case: Case, manager: User, name: str, junk: dict[str, Any]
) -> None:
    response = client_for(manager).post(_urls(shared_case)[name], junk)
    assert response.status_code in (200, 302, 404), response.content[:500]
    if response.status_code == 200:
        assert b"govuk-error-summary" in response.content or b"cannot" in response.content


def test_every_staff_page_renders(shared_case: Case, investigator: User, manager: User) -> None:
    urls = _urls(shared_case)
    for name in ("finding", "edit", "comment-record", "issue", "return", "review-record"):
        assert client_for(investigator).get(urls[name]).status_code == 200, name
    for name in ("override", "quality-check"):
        assert client_for(manager).get(urls[name]).status_code == 200, name
    overview = client_for(investigator).get(reverse("decisions:overview", args=[ref(shared_case)]))
    assert overview.status_code == 200
    assert b"Upheld: fault causing injustice" in overview.content


def test_the_case_page_links_to_the_decision(shared_case: Case, investigator: User) -> None:
    page = client_for(investigator).get(reverse("casework:case", args=[ref(shared_case)]))
    assert reverse("decisions:overview", args=[ref(shared_case)]).encode() in page.content


def test_the_staff_flow_through_the_pages(
    investigated_case: Case,
    investigator: User,
    manager: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    case = investigated_case
    r = ref(case)
    staff = client_for(investigator)
    for issue in ComplaintIssue.objects.filter(case=case):
        response = staff.post(
            reverse("decisions:finding", args=[r, issue.pk]),
            {
                "what_happened": "It took four months.",
                "what_should_have_happened": "33 working days.",
                "fault": "yes",
                "injustice_kinds": ["distress", "uncertainty"],
                "injustice": "She was worried for months.",
                "causation": "caused",
            },
        )
        assert response.status_code == 302
    overview = staff.get(reverse("decisions:overview", args=[r]))
    assert b"Upheld: fault causing injustice" in overview.content
    assert staff.post(reverse("decisions:assemble", args=[r])).status_code == 302
    decision = Decision.objects.get(case=case)
    data = {section.value: text for section, text in decision.sections}
    data["summary"] = "I found fault which caused injustice."
    data["version"] = str(decision.version)
    assert staff.post(reverse("decisions:edit", args=[r]), data).status_code == 302
    decision.refresh_from_db()
    case.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            reverse("decisions:share", args=[r]),
            {"version": decision.version, "case_version": case.version},
        )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.stage == Stage.DRAFT_DECISION
    for party in ("complainant", "organisation"):
        response = staff.post(
            reverse("decisions:comment-record", args=[r]),
            {"party": party, "channel": "email", "text": f"From the {party}."},
        )
        assert response.status_code == 302
    for comment in DraftComment.objects.all():
        response = staff.post(
            reverse("decisions:comment-respond", args=[r, comment.pk]), {"response": "Noted."}
        )
        assert response.status_code == 302
    # Ask for a check; the manager approves it.
    decision.refresh_from_db()
    staff.post(reverse("decisions:check-request", args=[r]), {"version": decision.version})
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.AWAITING_CHECK
    response = client_for(manager).post(
        reverse("decisions:quality-check", args=[r]),
        {"version": decision.version, "result": "approved", "notes": "Good."},
    )
    assert response.status_code == 302
    assert QualityCheck.objects.get(decision=decision).result == "approved"
    decision.refresh_from_db()
    case.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            reverse("decisions:issue", args=[r]),
            {"version": decision.version, "case_version": case.version},
        )
    assert response.status_code == 302, response.content[:2000]
    case.refresh_from_db()
    assert (case.stage, case.outcome) == ("decided", "upheld_fault_injustice")
    decision.refresh_from_db()
    pdf = staff.get(reverse("decisions:pdf", args=[r, decision.pk, "final"]))
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")  # type: ignore[attr-defined]
    assert AuditEvent.objects.filter(case_id=case.pk, detail="Final decision issued").exists()


def test_an_edit_that_clashes_keeps_what_was_typed(
    investigated_case: Case, investigator: User, record_findings: RecordFindings
) -> None:
    record_findings(investigated_case, investigator)
    decision = services.draft_assemble(case=investigated_case, actor=investigator)
    stale = decision.version
    Decision.objects.filter(pk=decision.pk).update(version=stale + 1)
    response = client_for(investigator).post(
        reverse("decisions:edit", args=[ref(investigated_case)]),
        {"version": stale, "summary": "My careful words."},
    )
    assert response.status_code == 200
    assert b"Someone else saved" in response.content
    assert b"My careful words." in response.content


def _busy(case: Case, investigator: User, extra_issues: int, comments: int) -> None:
    for number in range(3, 3 + extra_issues):
        ComplaintIssue.objects.create(case=case, number=number, description=f"Issue {number}")
    decision = services.open_decision(case)
    assert decision is not None
    for n in range(comments):
        issuing.comment_record(
            decision=decision, party=CommentParty.ORGANISATION, channel=Channel.EMAIL,
            text=f"Comment {n}", received_at=timezone.now(), actor=investigator,
        )  # fmt: skip
        review_record(
            case=case,
            new=NewReview(
                kind=ReviewKind.SERVICE_COMPLAINT, received_on=timezone.localdate(),
                party=CommentParty.COMPLAINANT, channel=Channel.EMAIL, summary=f"Slow {n}",
            ),
            actor=investigator,
        )  # fmt: skip


def test_the_overview_makes_the_same_number_of_queries_however_much_is_on_it(
    shared_case: Case, investigator: User, django_assert_max_num_queries: Any
) -> None:
    client = client_for(investigator)
    url = reverse("decisions:overview", args=[ref(shared_case)])
    _busy(shared_case, investigator, extra_issues=0, comments=1)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _busy(shared_case, investigator, extra_issues=6, comments=6)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
    with django_assert_max_num_queries(20):
        client.get(url)


@pytest.fixture
def commented(shared_case: Case, investigator: User) -> tuple[Case, DraftComment]:
    decision = services.open_decision(shared_case)
    assert decision is not None
    comment = issuing.comment_record(
        decision=decision, party=CommentParty.COMPLAINANT, channel=Channel.LETTER,
        text="The date is wrong.", received_at=timezone.now(), actor=investigator,
    )  # fmt: skip
    return shared_case, comment


def test_responding_to_a_comment_is_for_the_investigator_or_a_manager(
    commented: tuple[Case, DraftComment],
    colleague: User,
    outsider: User,
    council_user: User,
    investigator: User,
) -> None:
    case, comment = commented
    url = reverse("decisions:comment-respond", args=[ref(case), comment.pk])
    assert client_for(None).post(url, {"response": "x"}).status_code == 302
    assert client_for(colleague).post(url, {"response": "x"}).status_code == 403
    assert client_for(outsider).post(url, {"response": "x"}).status_code == 404
    assert client_for(council_user).post(url, {"response": "x"}).status_code == 403
    wrong = reverse("decisions:comment-respond", args=[ref(case), comment.pk + 99])
    assert client_for(investigator).get(wrong).status_code == 404
    junk = client_for(investigator).post(url, {"response": "   "})
    assert junk.status_code == 200
    assert b"govuk-error-summary" in junk.content
    comment.refresh_from_db()
    assert comment.response == ""


def test_deciding_a_review_is_for_managers_and_junk_is_refused_clearly(
    shared_case: Case, investigator: User, manager: User, outsider: User
) -> None:
    review = review_record(
        case=shared_case,
        new=NewReview(
            kind=ReviewKind.SERVICE_COMPLAINT, received_on=timezone.localdate(),
            party=CommentParty.COMPLAINANT, channel=Channel.EMAIL, summary="Rude on the phone.",
        ),
        actor=investigator,
    )  # fmt: skip
    url = reverse("decisions:review-decide", args=[ref(shared_case), review.pk])
    assert client_for(investigator).post(url, {}).status_code == 403
    assert client_for(outsider).post(url, {}).status_code == 404
    for junk in JUNK:
        response = client_for(manager).post(url, junk)
        assert response.status_code == 200
        assert b"govuk-error-summary" in response.content
    assert client_for(manager).get(url).status_code == 200
    done = client_for(manager).post(url, {"outcome": "not_upheld", "reasons": "Calls reviewed."})
    assert done.status_code == 302
    review.refresh_from_db()
    assert review.outcome == "not_upheld"
