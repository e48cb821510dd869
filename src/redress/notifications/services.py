"""Sending a letter or email to a party: render it, record it, deliver it after commit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from django.db import transaction
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record
from redress.casework.models import Direction
from redress.casework.services import NewContact, contact_record
from redress.domain.categories import Channel

from .models import Letter, LetterChannel
from .rendering import letter_body
from .tasks import letter_deliver

if TYPE_CHECKING:
    from redress.accounts.models import User
    from redress.casework.models import Case

    from .recipients import PlannedLetter


class LetterError(ValueError):
    """The letter cannot be sent as asked (no email address for an email, say)."""


def letter_send(
    *,
    case: Case,
    subject: str,
    template: str,
    context: Mapping[str, Any],
    recipient_name: str,
    channel: Literal["email", "post"],
    actor: User | None,
    email: str = "",
    address: str = "",
    party: str = "Complainant",
) -> Letter:
    """Record a letter to one party and deliver it once the surrounding transaction commits.

    The body comes from `template` (any app's templates/), rendered with `context`, the case
    and the scheme's name. Each letter is also logged as an outbound written contact.
    """
    letter_channel = LetterChannel(channel)
    if letter_channel == LetterChannel.EMAIL and not email:
        raise LetterError(f"There is no email address for {recipient_name}.")
    if letter_channel == LetterChannel.POST and not address.strip():
        raise LetterError(f"There is no postal address for {recipient_name}.")
    body = letter_body(case=case, template=template, context=context, recipient_name=recipient_name)
    now = timezone.now()
    with transaction.atomic(savepoint=False):
        letter = Letter.objects.create(
            case=case,
            recipient_name=recipient_name,
            party=party,
            email=email,
            address=address,
            channel=letter_channel,
            subject=subject,
            body=body,
            created_at=now,
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
        contact_record(
            case=case,
            contact=NewContact(
                direction=Direction.OUTBOUND,
                channel=Channel.EMAIL if letter_channel == LetterChannel.EMAIL else Channel.LETTER,
                party=f"{party}: {recipient_name}"[:100],
                summary=subject,
                received_at=now,
                handled_at=now,
            ),
            recorded_by=letter.created_by,
        )
        audit_record(
            actor=letter.created_by,
            action=AuditAction.CREATE,
            instance=letter,
            case_id=case.pk,
            changes={"subject": [None, subject], "channel": [None, letter_channel.value]},
        )
        letter_id = letter.pk
        transaction.on_commit(lambda: letter_deliver.enqueue(letter_id))
    return letter


def planned_letters_send(
    *, case: Case, letters: Iterable[PlannedLetter], actor: User | None
) -> list[PlannedLetter]:
    """Send each planned letter there is a way to send, in the caller's transaction.

    Returns the letters that could not be sent (no email or postal address on file), for
    the page to tell staff to reach those people another way.
    """
    unsent = []
    for letter in letters:
        if letter.channel is None:
            unsent.append(letter)
            continue
        letter_send(
            case=case,
            subject=letter.subject,
            template=letter.template,
            context=letter.context,
            recipient_name=letter.recipient_name,
            channel=letter.channel,
            email=letter.email,
            address=letter.address,
            party=letter.party,
            actor=actor,
        )
    return unsent
