"""Who a case's letters go to, and how: the complainant's side and the organisation.

Every stage's letters ask here, so that the scheme writes to the same people the same way
whichever team sends the letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from redress.casework.models import ContactPreference

if TYPE_CHECKING:
    from collections.abc import Mapping

    from redress.casework.models import Case, Person

Channel = Literal["email", "post"]


@dataclass(frozen=True)
class Recipient:
    party: str  # as letters record it: "Complainant", "Representative", "Organisation"
    name: str
    channel: Channel | None  # None: no way to reach them on file
    email: str = ""
    address: str = ""


def postal_address(person: Person) -> str:
    return "\n".join(part for part in (person.address.strip(), person.postcode.strip()) if part)


def person_recipient(person: Person, party: str) -> Recipient:
    """By email unless they asked for letters and gave an address; else by post."""
    address = postal_address(person)
    if person.email and (person.preferred_contact != ContactPreference.LETTER or not address):
        return Recipient(party, person.full_name, "email", email=person.email)
    if address:
        return Recipient(party, person.full_name, "post", address=address)
    return Recipient(party, person.full_name, None)


def complainant_side(case: Case) -> list[Recipient]:
    """Everyone on the complainant's side a letter about the case goes to.

    The rule: when the complainant has a representative, we write to the representative,
    who acts for them and whose authority we hold; the complainant gets a copy as well only
    if they asked for copies. With no representative, we write to the complainant. The case
    does not yet record a request for copies, so today that means one letter: to the
    representative if there is one, else to the complainant. A list, so that copies can be
    added here without changing any caller.
    """
    if case.representative is not None:
        return [person_recipient(case.representative, "Representative")]
    return [person_recipient(case.complainant, "Complainant")]


def organisation_contact(case: Case) -> Recipient:
    """The organisation's complaints contact: by email if it has one, else by post."""
    organisation = case.organisation
    name = f"Complaints team, {organisation.name}"
    if organisation.complaints_email:
        return Recipient("Organisation", name, "email", email=organisation.complaints_email)
    postal = organisation.complaints_address.strip()
    if postal:
        return Recipient("Organisation", name, "post", address=postal)
    return Recipient("Organisation", name, None)


@dataclass(frozen=True)
class PlannedLetter:
    """A letter worked out before it is sent: shown as a preview, then sent as it stands."""

    party: str
    recipient_name: str
    subject: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    channel: Channel | None = None  # None: no way to reach them on file
    email: str = ""
    address: str = ""


def planned_letter(
    to: Recipient, *, subject: str, template: str, context: Mapping[str, Any]
) -> PlannedLetter:
    return PlannedLetter(
        party=to.party,
        recipient_name=to.name,
        subject=subject,
        template=template,
        context=dict(context),
        channel=to.channel,
        email=to.email,
        address=to.address,
    )


def complainant_side_letters(
    case: Case, *, subject: str, template: str, context: Mapping[str, Any]
) -> list[PlannedLetter]:
    """One letter to each person on the complainant's side. The letter's frame is told
    whether it is addressed to the representative, and who else gets the same letter."""
    recipients = complainant_side(case)
    return [
        planned_letter(
            to,
            subject=subject,
            template=template,
            context={
                **context,
                "to_representative": to.party == "Representative",
                "also_sent_to": [other.name for other in recipients if other is not to],
            },
        )
        for to in recipients
    ]
