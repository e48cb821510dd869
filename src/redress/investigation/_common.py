"""What the investigation's services share: their error, the permission gate, the lock."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied

from redress.casework.models import Case
from redress.notifications.services import LetterError, letter_send

from .letters import Recipient
from .permissions import can_work_investigation

if TYPE_CHECKING:
    from redress.accounts.models import User
    from redress.notifications.models import Letter


class InvestigationError(ValueError):
    """Input the rules reject, with a message fit to show the person who gave it."""


def require_worker(actor: User, case: Case) -> None:
    if not can_work_investigation(actor, case):
        raise PermissionDenied("Only the case's investigator or a manager can do this.")


def lock(case: Case) -> Case:
    """The case row, locked for the rest of the transaction."""
    return (
        Case.objects.select_related("organisation", "complainant", "representative")
        .select_for_update(of=("self",))
        .get(pk=case.pk)
    )


def send_to(
    *,
    case: Case,
    recipient: Recipient,
    subject: str,
    template: str,
    context: dict[str, Any],
    actor: User | None,
) -> Letter:
    if recipient.channel is None:
        raise InvestigationError(
            f"We have no email address or postal address for {recipient.name}. "
            "Add one to the case before sending."
        )
    try:
        return letter_send(
            case=case,
            subject=subject,
            template=template,
            context=context,
            recipient_name=recipient.name,
            channel=recipient.channel,
            email=recipient.email,
            address=recipient.address,
            party=recipient.party,
            actor=actor,
        )
    except LetterError as error:
        raise InvestigationError(str(error)) from error


def save_next_due(case: Case) -> None:
    case.save(update_fields=["next_due_on", "next_due_kind"])
