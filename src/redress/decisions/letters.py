"""Who a decision's letters go to and how, and sending them in the caller's transaction."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from redress.casework.models import Case
from redress.domain.findings import CommentParty
from redress.notifications import recipients
from redress.notifications.recipients import Recipient
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


def _addressee(recipient: Recipient, side: CommentParty) -> Addressee:
    return Addressee(
        recipient.party,
        side,
        recipient.name,
        recipient.channel,
        email=recipient.email,
        address=recipient.address,
    )


def complainant_side(case: Case) -> Addressee:
    """Whom a decision's letters go to on the complainant's side (`notifications.recipients`
    has the rule; today it is always one person)."""
    return _addressee(recipients.complainant_side(case)[0], CommentParty.COMPLAINANT)


def organisation_side(case: Case) -> Addressee:
    return _addressee(recipients.organisation_contact(case), CommentParty.ORGANISATION)


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


def letters_to_both_parties(
    *, case: Case, subject: str, template: str, context: Mapping[str, Any], actor: User | None
) -> None:
    """The same letter to the complainant's side and to the organisation; a side with no
    way to reach it on file is skipped (staff see the case's contact details)."""
    for to in both_parties(case):
        send_to(case=case, to=to, subject=subject, template=template, context=context, actor=actor)
