"""Who the investigation's letters go to, and how: the complainant's side and the
organisation's complaints contact."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from redress.casework.models import ContactPreference

if TYPE_CHECKING:
    from redress.casework.models import Case, Person


@dataclass(frozen=True)
class Recipient:
    party: str
    name: str
    channel: Literal["email", "post"] | None
    email: str = ""
    address: str = ""


def _postal(person: Person) -> str:
    return "\n".join(part for part in (person.address.strip(), person.postcode.strip()) if part)


def complainant_side(case: Case) -> Recipient:
    """The representative if there is one, else the complainant; email unless they asked
    for letters and we have an address."""
    person = case.representative or case.complainant
    party = "Representative" if case.representative else "Complainant"
    address = _postal(person)
    if person.email and (person.preferred_contact != ContactPreference.LETTER or not address):
        return Recipient(party, person.full_name, "email", email=person.email)
    if address:
        return Recipient(party, person.full_name, "post", address=address)
    return Recipient(party, person.full_name, None)


def organisation_contact(case: Case) -> Recipient:
    organisation = case.organisation
    name = f"Complaints team, {organisation.name}"
    if organisation.complaints_email:
        return Recipient("Organisation", name, "email", email=organisation.complaints_email)
    if organisation.complaints_address.strip():
        return Recipient("Organisation", name, "post", address=organisation.complaints_address)
    return Recipient("Organisation", name, None)
