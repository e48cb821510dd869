"""Who the investigation's letters go to: the rule is `notifications.recipients`, shared by
every stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from redress.notifications import recipients
from redress.notifications.recipients import Recipient, organisation_contact

if TYPE_CHECKING:
    from redress.casework.models import Case

__all__ = ["Recipient", "complainant_side", "organisation_contact"]


def complainant_side(case: Case) -> Recipient:
    """Whom the investigation writes to on the complainant's side (today always one)."""
    return recipients.complainant_side(case)[0]
