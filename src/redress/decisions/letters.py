"""Who a decision's letters go to and how, and sending them in the caller's transaction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from redress.casework.models import Case, ContactPreference
from redress.domain.findings import CommentParty
from redress.notifications.services import letter_send

if TYPE_CHECKING:
    from redress.accounts.models import User


@dataclass(frozen=True)
class Addressee:
    party: str  # as letters record it: "Complainant", "Representative", "Organisation"
    side: CommentParty
    name: str
    channel: Literal["email", "post"] | None  # None: no way to reach them on file
    email: str = ""
    address: str = ""


def complainant_side(case: Case) -> Addressee:
    """The representative if there is one, else the complainant: by email unless they
    asked for letters and gave an address."""
    person = case.representative or case.complainant
    party = "Representative" if case.representative else "Complainant"
    address = "\n".join(p for p in (person.address.strip(), person.postcode.strip()) if p)
    wants_post = person.preferred_contact == ContactPreference.LETTER and address
    if person.email and not wants_post:
        return Addressee(party, CommentParty.COMPLAINANT, person.full_name, "email", person.email)
    if address:
        return Addressee(party, CommentParty.COMPLAINANT, person.full_name, "post", address=address)
    return Addressee(party, CommentParty.COMPLAINANT, person.full_name, None)


def organisation_side(case: Case) -> Addressee:
    organisation = case.organisation
    name = f"Complaints team, {organisation.name}"
    if organisation.complaints_email:
        return Addressee(
            "Organisation", CommentParty.ORGANISATION, name, "email", organisation.complaints_email
        )
    postal = organisation.complaints_address.strip()
    if postal:
        return Addressee("Organisation", CommentParty.ORGANISATION, name, "post", address=postal)
    return Addressee("Organisation", CommentParty.ORGANISATION, name, None)


def both_parties(case: Case) -> list[Addressee]:
    return [complainant_side(case), organisation_side(case)]


def send_to(
    *,
    case: Case,
    to: Addressee,
    subject: str,
    template: str,
    context: Mapping[str, Any],
    actor: User | None,
) -> bool:
    """Send one letter; False (and nothing sent) when there is no way to reach them."""
    if to.channel is None:
        return False
    letter_send(
        case=case,
        subject=subject,
        template=template,
        context={**context, "side": to.side.value},
        recipient_name=to.name,
        channel=to.channel,
        email=to.email,
        address=to.address,
        party=to.party,
        actor=actor,
    )
    return True
