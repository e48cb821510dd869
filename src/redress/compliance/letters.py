"""Letters to the organisation's complaints contact about its agreed actions.

Sent only when the organisation has an address on file; a letter that cannot be sent is
not an error here, because the items stay visible in the organisation's portal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from redress.notifications.services import letter_send

if TYPE_CHECKING:
    from redress.accounts.models import User
    from redress.casework.models import Case


def organisation_letter(
    *,
    case: Case,
    subject: str,
    template: str,
    context: Mapping[str, Any],
    actor: User | None,
) -> bool:
    """Send a letter to the organisation's complaints contact; False when there is no
    address to send it to."""
    organisation = case.organisation
    email = organisation.complaints_email
    postal = organisation.complaints_address.strip()
    if not email and not postal:
        return False
    letter_send(
        case=case,
        subject=f"{subject}: our reference {case.reference}",
        template=template,
        context={"organisation": organisation, **context},
        recipient_name=f"Complaints team, {organisation.name}",
        channel="email" if email else "post",
        email=email,
        address="" if email else postal,
        party="Organisation",
        actor=actor,
    )
    return True
