"""Who letters about a case go to, and how: one rule for every stage's letters."""

from __future__ import annotations

import pytest

from redress.casework.models import Case, ContactPreference, Person
from redress.notifications.recipients import (
    complainant_side,
    complainant_side_letters,
    organisation_contact,
    person_recipient,
)
from redress.notifications.rendering import letter_body
from redress.organisations.models import Organisation


def _person(name: str, **details: str) -> Person:
    first, last = name.split()
    return Person(first_name=first, last_name=last, **details)


def _case(*, representative: Person | None = None, **organisation: str) -> Case:
    return Case(
        reference="26000123",
        complainant=_person("Cara Complainant", email="cara@example.org"),
        representative=representative,
        organisation=Organisation(name="Hillshire Council", **organisation),
    )


def test_the_complainant_is_written_to_when_there_is_no_representative() -> None:
    [to] = complainant_side(_case())
    assert (to.party, to.name, to.channel, to.email) == (
        "Complainant",
        "Cara Complainant",
        "email",
        "cara@example.org",
    )


def test_only_the_representative_is_written_to_when_there_is_one() -> None:
    representative = _person("Rita Rep", email="rita@example.org")
    [to] = complainant_side(_case(representative=representative))
    assert (to.party, to.name, to.email) == ("Representative", "Rita Rep", "rita@example.org")


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ({"email": "a@example.org"}, ("email", "a@example.org", "")),
        (
            {"email": "a@example.org", "address": "1 High St", "postcode": "AB1 2CD",
             "preferred_contact": ContactPreference.LETTER},
            ("post", "", "1 High St\nAB1 2CD"),
        ),
        (  # asked for letters but gave no address: email is the only way
            {"email": "a@example.org", "preferred_contact": ContactPreference.LETTER},
            ("email", "a@example.org", ""),
        ),
        ({"address": " 1 High St ", "postcode": ""}, ("post", "", "1 High St")),
        ({}, (None, "", "")),
    ],
)  # fmt: skip
def test_how_a_person_is_reached(details: dict[str, str], expected: tuple[object, ...]) -> None:
    to = person_recipient(_person("Ann Other", **details), "Complainant")
    assert (to.channel, to.email, to.address) == expected


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ({"complaints_email": "c@council.example", "complaints_address": "Town Hall"},
         ("email", "c@council.example", "")),
        ({"complaints_address": " Town Hall \n"}, ("post", "", "Town Hall")),
        ({}, (None, "", "")),
    ],
)  # fmt: skip
def test_how_the_organisation_is_reached(
    contact: dict[str, str], expected: tuple[object, ...]
) -> None:
    to = organisation_contact(_case(**contact))
    assert (to.party, to.name) == ("Organisation", "Complaints team, Hillshire Council")
    assert (to.channel, to.email, to.address) == expected


def test_a_planned_letter_tells_its_frame_whom_it_is_to() -> None:
    representative = _person("Rita Rep", email="rita@example.org")
    [letter] = complainant_side_letters(
        _case(representative=representative),
        subject="Your complaint",
        template="example.html",
        context={"explanation": "Why"},
    )
    assert (letter.party, letter.recipient_name, letter.channel) == (
        "Representative",
        "Rita Rep",
        "email",
    )
    assert letter.context == {
        "explanation": "Why",
        "to_representative": True,
        "also_sent_to": [],
    }


def test_the_letter_frame_speaks_to_whoever_it_is_addressed_to() -> None:
    representative = _person("Rita Rep", email="rita@example.org")
    case = _case(representative=representative)
    common = {
        "organisation": case.organisation,
        "complainant": case.complainant,
        "representative": representative,
        "explanation": "",
    }
    to_representative = letter_body(
        case=case,
        template="intake/letters/withdrawn.html",
        context={**common, "to_representative": True, "also_sent_to": []},
        recipient_name="Rita Rep",
    )
    assert "the complaint you made for Cara Complainant" in to_representative
    assert "same letter" not in to_representative
    assert "The intake team" in to_representative
    # A copy to the complainant, should the rule ever send one, says who else has it.
    copy = letter_body(
        case=case,
        template="assessment/letters/closed.html",
        context={**common, "to_representative": False, "also_sent_to": ["Rita Rep"]},
        recipient_name="Cara Complainant",
    )
    assert "your complaint, which Rita Rep made for you," in copy
    assert "We have sent the same letter to Rita Rep." in copy
    assert "The assessment team" in copy
