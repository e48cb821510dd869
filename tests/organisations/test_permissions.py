"""Who reaches what: a link officer sees only their own organisation's cases, only what was
shared with it, and never a note, contact or other party's file; the portal is theirs
alone, and the staff pages are not theirs."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import User
from redress.casework.documents import document_add
from redress.casework.models import Case, CaseNote, Contact, Document, DocumentSource
from redress.domain.categories import Channel
from redress.notifications.models import Letter
from redress.organisations.models import Organisation
from redress.organisations.portal_access import organisation_case_or_404

from .conftest import OTHER_SECRET, PASSWORD, letter_to, sign_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


def ref(case: Case) -> str:
    return case.reference.replace(" ", "")


def _case_urls(case: Case, letter: Letter) -> list[str]:
    return [
        reverse("organisation-portal:case", args=[ref(case)]),
        reverse("organisation-portal:upload", args=[ref(case)]),
        reverse("organisation-portal:letter", args=[ref(case), letter.pk]),
        reverse("organisation-portal:letter-pdf", args=[ref(case), letter.pk]),
    ]


def test_signed_out_people_are_sent_to_sign_in(client: Client, shared_case: Case) -> None:
    letter = shared_case.letters.get()
    for url in [reverse("organisation-portal:cases"), *_case_urls(shared_case, letter)]:
        assert client.get(url)["Location"] == reverse("organisation-portal:sign-in"), url
    upload = client.post(
        reverse("organisation-portal:upload", args=[ref(shared_case)]),
        {"documents": SimpleUploadedFile("reply.pdf", PDF)},
    )
    assert upload.status_code == 302
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "persona", ["investigator", "manager", "administrator", "complainant_user"]
)
def test_the_portal_is_forbidden_to_staff_and_complainants(
    client: Client, request: pytest.FixtureRequest, persona: str, shared_case: Case
) -> None:
    user: User = request.getfixturevalue(persona)
    client.force_login(user)
    letter = shared_case.letters.get()
    for url in [reverse("organisation-portal:cases"), *_case_urls(shared_case, letter)]:
        assert client.get(url).status_code == 403, url
    upload = client.post(
        reverse("organisation-portal:upload", args=[ref(shared_case)]),
        {"documents": SimpleUploadedFile("reply.pdf", PDF)},
    )
    assert upload.status_code == 403
    assert not Document.objects.exists()


def test_staff_pages_are_forbidden_to_link_officers(signed_in: Client, shared_case: Case) -> None:
    for url in [
        reverse("casework:workqueue"),
        reverse("casework:case", args=[ref(shared_case)]),
        reverse("intake-staff:queue"),
    ]:
        assert signed_in.get(url).status_code in (403, 404), url
    assert signed_in.get(reverse("casework:workqueue")).status_code == 403


def test_another_organisations_case_is_not_found_by_any_url(
    signed_in: Client, shared_case: Case, mercia_case: Case
) -> None:
    letter = mercia_case.letters.get()
    for url in _case_urls(mercia_case, letter):
        assert signed_in.get(url).status_code == 404, url
    spaced = reverse("organisation-portal:case", args=[mercia_case.reference])
    assert signed_in.get(spaced).status_code == 404
    upload = signed_in.post(
        reverse("organisation-portal:upload", args=[ref(mercia_case)]),
        {"documents": SimpleUploadedFile("reply.pdf", PDF)},
    )
    assert upload.status_code == 404
    assert not Document.objects.exists()
    cases_page = signed_in.get(reverse("organisation-portal:cases")).content.decode()
    assert shared_case.reference in cases_page
    assert mercia_case.reference not in cases_page


def test_each_organisation_sees_only_its_own(
    client: Client, mercia_officer: User, shared_case: Case, mercia_case: Case
) -> None:
    sign_in(client, mercia_officer, OTHER_SECRET)
    page = client.get(reverse("organisation-portal:cases")).content.decode()
    assert mercia_case.reference in page
    assert shared_case.reference not in page
    assert (
        client.get(reverse("organisation-portal:case", args=[ref(shared_case)])).status_code == 404
    )
    assert (
        client.get(reverse("organisation-portal:case", args=[ref(mercia_case)])).status_code == 200
    )


def test_a_letter_of_another_case_is_not_found_under_your_own_reference(
    signed_in: Client, shared_case: Case, mercia_case: Case
) -> None:
    letter = mercia_case.letters.get()
    url = reverse("organisation-portal:letter", args=[ref(shared_case), letter.pk])
    assert signed_in.get(url).status_code == 404


def test_a_letter_to_the_complainant_is_not_the_organisations(
    signed_in: Client, shared_case: Case
) -> None:
    to_complainant = Letter.objects.create(
        case=shared_case, recipient_name="Pat Public", party="Complainant",
        email="pat@example.org", channel="email", subject="Your complaint",
        body="<p>Dear Pat</p>", created_at=timezone.now(),
    )  # fmt: skip
    url = reverse("organisation-portal:letter", args=[ref(shared_case), to_complainant.pk])
    assert signed_in.get(url).status_code == 404
    page = signed_in.get(reverse("organisation-portal:case", args=[ref(shared_case)]))
    assert "Your complaint" not in page.content.decode()


def test_a_case_with_nothing_shared_yet_is_not_found(
    signed_in: Client, unshared_case: Case
) -> None:
    assert (
        signed_in.get(reverse("organisation-portal:case", args=[ref(unshared_case)])).status_code
        == 404
    )
    page = signed_in.get(reverse("organisation-portal:cases")).content.decode()
    assert unshared_case.reference not in page


def test_a_joint_case_is_seen_by_each_organisation_in_it(
    client: Client, mercia_officer: User, shared_case: Case, other_council: Organisation
) -> None:
    shared_case.other_organisations.add(other_council)
    found = organisation_case_or_404(mercia_officer, shared_case.reference)
    assert found.pk == shared_case.pk
    letter_to(shared_case, other_council, subject="Enquiries to Mercia")
    sign_in(client, mercia_officer, OTHER_SECRET)
    page = client.get(reverse("organisation-portal:case", args=[ref(shared_case)])).content.decode()
    assert "Enquiries to Mercia" in page
    wessex_letter = shared_case.letters.get(subject="Our enquiries")
    letter_url = reverse("organisation-portal:letter", args=[ref(shared_case), wessex_letter.pk])
    assert letter_url not in page  # Wessex's letter is Wessex's
    assert client.get(letter_url).status_code == 404


def test_nothing_internal_ever_appears(
    signed_in: Client, shared_case: Case, investigator: User, manager: User
) -> None:
    complainant = shared_case.complainant
    complainant.phone = "07700 900123"
    complainant.address = "1 Secret Lane, Wessex"
    complainant.save(update_fields=["phone", "address"])
    CaseNote.objects.create(
        case=shared_case, author=investigator, text="INTERNAL NOTE: council is stalling",
        at=timezone.now(),
    )  # fmt: skip
    Contact.objects.create(
        case=shared_case, direction="in", channel=Channel.PHONE, party="Complainant",
        summary="CONTACT: rang to chase", received_at=timezone.now(),
    )  # fmt: skip
    document_add(
        case=shared_case, name="complainant-evidence.pdf", content=PDF,
        source=DocumentSource.COMPLAINANT, actor=None,
    )  # fmt: skip
    document_add(
        case=shared_case, name="scheme-working-paper.pdf", content=PDF,
        source=DocumentSource.SCHEME, actor=manager,
    )  # fmt: skip
    letter = shared_case.letters.get()
    pages = [
        signed_in.get(url).content.decode()
        for url in [reverse("organisation-portal:cases"), *_case_urls(shared_case, letter)]
    ]
    for page in pages:
        for secret in [
            "INTERNAL NOTE", "CONTACT: rang", "complainant-evidence.pdf",
            "scheme-working-paper.pdf", complainant.email, "07700 900123", "Secret Lane",
            complainant.last_name,
        ]:  # fmt: skip
            assert secret not in page


def test_the_staff_sign_in_is_unchanged(client: Client, investigator: User) -> None:
    response = client.post(
        reverse("accounts:sign-in"), {"username": investigator.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("casework:workqueue")).status_code == 200


def test_a_sensitive_case_stays_out_of_the_portal(signed_in: Client, shared_case: Case) -> None:
    """Restricted cases are dealt with by letter and email, as `visible_to` says."""
    Case.objects.filter(pk=shared_case.pk).update(sensitive=True)
    assert (
        signed_in.get(reverse("organisation-portal:case", args=[ref(shared_case)])).status_code
        == 404
    )
    upload = signed_in.post(
        reverse("organisation-portal:upload", args=[ref(shared_case)]),
        {"documents": SimpleUploadedFile("reply.pdf", PDF)},
    )
    assert upload.status_code == 404
    assert not Document.objects.filter(case=shared_case).exists()
    assert (
        shared_case.reference
        not in signed_in.get(reverse("organisation-portal:cases")).content.decode()
    )


def test_an_organisation_user_without_an_organisation_is_refused(
    client: Client, council_user: User
) -> None:
    User.objects.filter(pk=council_user.pk).update(organisation=None)
    council_user.refresh_from_db()
    client.force_login(council_user)
    assert client.get(reverse("organisation-portal:cases")).status_code == 403
