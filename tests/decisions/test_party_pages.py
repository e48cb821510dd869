"""The parties' draft pages: each organisation sees only its own drafts, each complainant
only theirs; nobody outside the scheme sees its internal notes."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import User
from redress.casework.models import Case, Person
from redress.decisions import issuing, selectors, services
from redress.decisions.models import Decision, DraftComment
from redress.domain.findings import QualityCheckResult
from redress.domain.roles import Role
from redress.organisations.models import Organisation
from redress.organisations.portal_access import VERIFIED_KEY
from redress.portal.session import EXPIRES_KEY, PERSON_KEY
from redress.testing.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

OVERRIDE_REASON = "Internal: the manager thinks the delay was worse."
CHECK_NOTES = "Internal: tighten paragraph three."


def ref(case: Case) -> str:
    return case.reference.replace(" ", "")


def _decision(case: Case) -> Decision:
    decision = services.open_decision(case)
    assert decision is not None
    return decision


def org_client(user: User, *, verified: bool = True) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    if verified:
        session = client.session
        session[VERIFIED_KEY] = user.pk
        session.save()
    return client


def person_client(person: Person) -> Client:
    client = Client(raise_request_exception=False)
    session = client.session
    session[PERSON_KEY] = person.pk
    session[EXPIRES_KEY] = timezone.now().timestamp() + 3600
    session.save()
    return client


def org_url(case: Case) -> str:
    return reverse("decisions-org:comment", args=[ref(case), _decision(case).pk])


def complainant_url(case: Case) -> str:
    return reverse("decisions-complainant:comment", args=[ref(case), _decision(case).pk])


@pytest.fixture
def mercia_user(other_council: Organisation) -> User:
    return UserFactory(
        username="mercia.link", role=Role.ORGANISATION_USER, organisation=other_council
    )


@pytest.fixture
def with_internal_notes(shared_case: Case, investigator: User, manager: User) -> Case:
    """The shared case with a quality check's notes on it (internal to the scheme)."""
    decision = _decision(shared_case)
    decision = issuing.quality_check_request(
        decision=decision, expected_version=decision.version, actor=investigator
    )
    issuing.quality_check_record(
        decision=decision, expected_version=decision.version,
        result=QualityCheckResult.RETURNED, notes=CHECK_NOTES, actor=manager,
    )  # fmt: skip
    Decision.objects.filter(pk=decision.pk).update(override_reason=OVERRIDE_REASON)
    return shared_case


def test_the_organisation_reads_the_draft_and_comments(
    with_internal_notes: Case, council_user: User
) -> None:
    client = org_client(council_user)
    page = client.get(org_url(with_internal_notes))
    assert page.status_code == 200
    assert b"What I found" in page.content
    assert CHECK_NOTES.encode() not in page.content
    assert OVERRIDE_REASON.encode() not in page.content
    response = client.post(org_url(with_internal_notes), {"text": "Paragraph 4 has a wrong date."})
    assert response.status_code == 302
    comment = DraftComment.objects.get()
    assert (comment.party, comment.channel, comment.recorded_by) == (
        "organisation", "portal", council_user,
    )  # fmt: skip


def test_another_organisation_cannot_see_or_comment(shared_case: Case, mercia_user: User) -> None:
    client = org_client(mercia_user)
    assert client.get(org_url(shared_case)).status_code == 404
    assert client.post(org_url(shared_case), {"text": "Let me in"}).status_code == 404
    assert not DraftComment.objects.exists()
    assert selectors.drafts_for_organisation(case=shared_case, user=mercia_user) == []


def test_drafts_for_organisation_lists_what_was_shared(
    shared_case: Case, council_user: User
) -> None:
    assert selectors.drafts_for_organisation(case=shared_case, user=council_user) == [
        _decision(shared_case)
    ]


def test_the_organisation_portal_needs_the_code_and_refuses_staff(
    shared_case: Case, council_user: User, investigator: User
) -> None:
    unverified = org_client(council_user, verified=False).get(org_url(shared_case))
    assert unverified.status_code == 302
    assert org_client(investigator).get(org_url(shared_case)).status_code == 403
    signed_out = Client().get(org_url(shared_case))
    assert signed_out.status_code == 302


def test_a_sensitive_case_is_not_shown_in_the_organisation_portal(
    shared_case: Case, council_user: User
) -> None:
    Case.objects.filter(pk=shared_case.pk).update(sensitive=True)
    assert org_client(council_user).get(org_url(shared_case)).status_code == 404


def test_an_unshared_draft_is_not_shown(
    investigated_case: Case, council_user: User, investigator: User, record_findings: Any
) -> None:
    record_findings(investigated_case, investigator)
    decision = services.draft_assemble(case=investigated_case, actor=investigator)
    url = reverse("decisions-org:comment", args=[ref(investigated_case), decision.pk])
    assert org_client(council_user).get(url).status_code == 404


def test_the_complainant_reads_the_draft_and_comments(with_internal_notes: Case) -> None:
    client = person_client(with_internal_notes.complainant)
    page = client.get(complainant_url(with_internal_notes))
    assert page.status_code == 200
    assert b"Draft decision" in page.content
    assert CHECK_NOTES.encode() not in page.content
    assert OVERRIDE_REASON.encode() not in page.content
    response = client.post(complainant_url(with_internal_notes), {"text": "The dates are wrong."})
    assert response.status_code == 302
    comment = DraftComment.objects.get()
    assert (comment.party, comment.from_person) == ("complainant", with_internal_notes.complainant)


def test_the_complainant_portal_links_to_the_shared_draft(shared_case: Case) -> None:
    client = person_client(shared_case.complainant)
    page = client.get(reverse("portal:case", args=[ref(shared_case)])).content.decode()
    assert complainant_url(shared_case) in page
    assert "send your comments by" in page


def test_a_complainant_sees_only_their_own_comments_not_the_organisation_s(
    shared_case: Case, council_user: User
) -> None:
    org_client(council_user).post(org_url(shared_case), {"text": "Organisation's private view."})
    page = person_client(shared_case.complainant).get(complainant_url(shared_case))
    assert b"Organisation&#39;s private view." not in page.content
    assert b"private view" not in page.content


def test_someone_else_cannot_see_or_comment_on_the_draft(shared_case: Case) -> None:
    stranger: Person = PersonFactory()
    client = person_client(stranger)
    assert client.get(complainant_url(shared_case)).status_code == 404
    assert client.post(complainant_url(shared_case), {"text": "Hi"}).status_code == 404
    signed_out = Client().get(complainant_url(shared_case))
    assert signed_out.status_code == 302


@pytest.mark.parametrize("junk", [{}, {"text": "  "}, {"text": "x" * 30000}])
def test_junk_comments_get_an_error_summary(
    shared_case: Case, council_user: User, junk: dict[str, Any]
) -> None:
    for client, url in (
        (org_client(council_user), org_url(shared_case)),
        (person_client(shared_case.complainant), complainant_url(shared_case)),
    ):
        response = client.post(url, junk)
        assert response.status_code == 200
        assert b"govuk-error-summary" in response.content
    assert not DraftComment.objects.exists()


def test_the_draft_url_does_not_clash_with_the_portal(shared_case: Case) -> None:
    assert complainant_url(shared_case).startswith(
        f"/your-complaint/cases/{ref(shared_case)}/draft/"
    )
    assert (
        reverse("portal:case", args=[ref(shared_case)])
        == f"/your-complaint/cases/{ref(shared_case)}/"
    )
