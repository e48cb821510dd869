"""Who can reach what in the portal: only your own complaints, by any URL or reference."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from redress.accounts.models import User
from redress.casework.models import Case, Person
from redress.notifications.models import Letter
from redress.testing.factories import make_case

from .conftest import ref
from .test_pages import letter_for

pytestmark = pytest.mark.django_db

SignedIn = Callable[[Person, Case], Client]
CASE_PAGES = ["portal:case", "portal:message", "portal:evidence"]


def _case_urls(case: Case, letter: Letter) -> list[str]:
    urls = [reverse(name, args=[ref(case)]) for name in CASE_PAGES]
    urls += [
        reverse("portal:letter", args=[ref(case), letter.pk]),
        reverse("portal:letter-pdf", args=[ref(case), letter.pk]),
    ]
    return urls


def test_signed_out_people_are_sent_to_ask_for_a_link(pats_case: Case) -> None:
    letter = letter_for(pats_case)
    client = Client()
    for url in [reverse("portal:cases"), *_case_urls(pats_case, letter)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("portal:start")
    response = client.post(reverse("portal:message", args=[ref(pats_case)]), {"text": "Hi"})
    assert response.status_code == 302
    assert not pats_case.contacts.filter(direction="in").exists()


def test_another_persons_case_is_not_found_by_any_url(
    signed_in: SignedIn, pat: Person, pats_case: Case, sams_case: Case
) -> None:
    letter = letter_for(sams_case)
    client = signed_in(pat, pats_case)
    for url in _case_urls(sams_case, letter):
        assert client.get(url).status_code == 404, url
    message = client.post(reverse("portal:message", args=[ref(sams_case)]), {"text": "Hello"})
    assert message.status_code == 404
    assert not sams_case.contacts.filter(direction="in").exists()


def test_a_letter_of_another_case_is_not_found_under_your_own_reference(
    signed_in: SignedIn, pat: Person, pats_case: Case, sams_case: Case
) -> None:
    theirs = letter_for(sams_case)
    client = signed_in(pat, pats_case)
    assert client.get(reverse("portal:letter", args=[ref(pats_case), theirs.pk])).status_code == 404


@pytest.mark.parametrize(
    "reference",
    [
        "not-a-ref",
        "99999999",
        "26 000 001'--",
        "00000000",
        "\uff12\uff16\uff10\uff10\uff10\uff10\uff10\uff11",
    ],
)
def test_guessed_or_malformed_references_are_not_found(
    signed_in: SignedIn, pat: Person, pats_case: Case, reference: str
) -> None:
    client = signed_in(pat, pats_case)
    assert client.get(f"/your-complaint/cases/{reference}/").status_code == 404


def test_guessing_neighbouring_references_finds_nothing(
    signed_in: SignedIn, pat: Person, pats_case: Case
) -> None:
    neighbours = [make_case() for _ in range(3)]
    client = signed_in(pat, pats_case)
    for case in neighbours:
        assert client.get(reverse("portal:case", args=[ref(case)])).status_code == 404
    assert client.get(reverse("portal:case", args=[ref(pats_case)])).status_code == 200


def test_the_list_shows_only_your_complaints(
    signed_in: SignedIn, pat: Person, pats_case: Case, sams_case: Case, rays_case: Case
) -> None:
    body = signed_in(pat, pats_case).get(reverse("portal:cases")).content.decode()
    assert pats_case.reference in body
    assert sams_case.reference not in body
    assert rays_case.reference not in body


def test_a_representative_sees_every_case_they_represent(
    signed_in: SignedIn, rita: Person, pats_case: Case, rays_case: Case, sams_case: Case
) -> None:
    client = signed_in(rita, pats_case)
    body = client.get(reverse("portal:cases")).content.decode()
    assert pats_case.reference in body
    assert rays_case.reference in body
    assert sams_case.reference not in body
    assert client.get(reverse("portal:case", args=[ref(rays_case)])).status_code == 200
    assert client.get(reverse("portal:case", args=[ref(sams_case)])).status_code == 404


def test_a_representative_removed_from_a_case_loses_it_at_once(
    signed_in: SignedIn, rita: Person, pats_case: Case
) -> None:
    client = signed_in(rita, pats_case)
    Case.objects.filter(pk=pats_case.pk).update(representative=None)
    assert client.get(reverse("portal:case", args=[ref(pats_case)])).status_code == 404


def test_staff_signed_in_do_not_get_the_portal(investigator: User, pats_case: Case) -> None:
    client = Client()
    client.force_login(investigator)
    response = client.get(reverse("portal:case", args=[ref(pats_case)]))
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:start")


@pytest.mark.parametrize("letter_id", ["0", "99999999999999999999999999"])
def test_guessed_letter_numbers_are_not_found(
    signed_in: SignedIn, pat: Person, pats_case: Case, letter_id: str
) -> None:
    client = signed_in(pat, pats_case)
    base = f"/your-complaint/cases/{ref(pats_case)}/letters/{letter_id}/"
    assert client.get(base).status_code == 404
    assert client.get(f"{base}pdf/").status_code == 404
