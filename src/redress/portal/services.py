"""Writes for the complainant portal: sign-in links, messages, evidence, and the audit trail.

The audit trail's actor is a member of staff, so portal events are recorded with no actor
and "complainant person <id>" in their detail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import send_mail
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from redress.audit.models import AuditAction
from redress.audit.services import audit_record
from redress.casework.documents import document_add
from redress.casework.models import Case, Contact, Direction, Document, DocumentSource, Person
from redress.casework.services import NewContact, contact_record
from redress.domain.categories import Channel
from redress.domain.portal import (
    LINK_REQUEST_WINDOW,
    SIGN_IN_LINK_LIFETIME,
    LinkState,
    link_request_allowed,
    link_state,
)
from redress.domain.references import parse_reference
from redress.frontend.dates import datetime_uk

from .models import LinkRequest, SignInLink
from .tasks import sign_in_link_send


class TooManyLinkRequestsError(Exception):
    """More sign-in links were asked for than the rate limits allow; nothing was sent."""


class SignInLinkRefusedError(Exception):
    """The link cannot sign anyone in. `state` is None when no such link was ever sent."""

    def __init__(self, state: LinkState | None) -> None:
        super().__init__(state.label if state else "No such link")
        self.state = state


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def _email_digest(email: str) -> str:
    return salted_hmac("redress.portal.link-request", email.strip().lower()).hexdigest()


def _who(person: Person) -> str:
    return f"complainant person {person.pk}"


def _role(person: Person, case: Case) -> str:
    return "Complainant" if case.complainant_id == person.pk else "Representative"


def _party(person: Person, case: Case) -> str:
    return f"{_role(person, case)}: {person.full_name}"[:100]


def _matching_party(email: str, reference: str) -> tuple[Person, Case] | None:
    """The complainant or representative of the case whose email is `email`, if any."""
    try:
        canonical = str(parse_reference(reference))
    except ValueError:
        return None
    case = (
        Case.objects.select_related("complainant", "representative")
        .filter(reference=canonical)
        .first()
    )
    wanted = email.strip().lower()
    if case is None or not wanted:
        return None
    for person in (case.complainant, case.representative):
        if person is not None and person.email and person.email.strip().lower() == wanted:
            return person, case
    return None


def sign_in_link_request(*, email: str, reference: str, address: str | None, site_url: str) -> None:
    """Record a request for a sign-in link and, if the details match, have one sent.

    The caller shows the same page whether or not they matched. Raises
    TooManyLinkRequestsError, recording nothing, when the rate limits are reached.
    """
    now = timezone.now()
    digest = _email_digest(email)
    since = now - LINK_REQUEST_WINDOW
    with transaction.atomic():
        recent = LinkRequest.objects.filter(at__gte=since)
        for_email = recent.filter(email_digest=digest).count()
        for_address = recent.filter(address=address).count() if address else 0
        if not link_request_allowed(recent_for_email=for_email, recent_for_address=for_address):
            raise TooManyLinkRequestsError
        LinkRequest.objects.create(email_digest=digest, address=address, at=now)
        match = _matching_party(email, reference)
        if match is not None:
            person, case = match
            # The token is made by the task, so it is never stored anywhere in plain text,
            # and a request that matches returns about as quickly as one that does not.
            transaction.on_commit(
                lambda: sign_in_link_send.enqueue(person.pk, case.pk, site_url), robust=True
            )


def sign_in_link_issue(*, person_id: int, case_id: int, site_url: str) -> SignInLink | None:
    """Make a one-time link for the person, keep only its hash, and email it to them."""
    person = Person.objects.filter(pk=person_id).first()
    case = Case.objects.filter(pk=case_id).first()
    if person is None or case is None or not person.email:
        return None
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        link = SignInLink.objects.create(
            token_hash=token_hash(token),
            person=person,
            email=person.email,
            created_at=now,
            expires_at=now + SIGN_IN_LINK_LIFETIME,
        )
        audit_record(
            actor=None,
            action=AuditAction.CREATE,
            instance=link,
            case_id=case.pk,
            detail=f"Sign-in link sent to {_who(person)}",
        )
    url = site_url.rstrip("/") + reverse("portal:sign-in", args=[token])
    minutes = int(SIGN_IN_LINK_LIFETIME.total_seconds() // 60)
    send_mail(
        subject=f"Your link to see your complaint ({case.reference})",
        message=(
            f"Dear {person.full_name},\n\n"
            f"Use this link to see your complaint {case.reference} and send us messages "
            f"or evidence:\n\n{url}\n\n"
            f"The link works once and stops working after {minutes} minutes, at "
            f"{datetime_uk(link.expires_at)}. You can ask for a new one at any time.\n\n"
            "If you did not ask for this link, you can ignore this email: nobody can see "
            "your complaint without it.\n\n"
            f"{settings.SCHEME_NAME}\n"
        ),
        from_email=None,
        recipient_list=[person.email],
    )
    return link


def sign_in_link_use(*, token: str) -> Person:
    """Spend a sign-in link: the person it was sent to, or SignInLinkRefusedError."""
    now = timezone.now()
    link = SignInLink.objects.select_related("person").filter(token_hash=token_hash(token)).first()
    if link is None:
        raise SignInLinkRefusedError(None)
    person = link.person
    state = link_state(expires_at=link.expires_at, used_at=link.used_at, now=now)
    if state == LinkState.VALID and link.email.lower() != person.email.strip().lower():
        state = LinkState.EXPIRED  # the person's email address has changed since it was sent
    with transaction.atomic():
        # Spent with a conditional update, so two uses at once cannot both succeed.
        if state == LinkState.VALID and not SignInLink.objects.filter(
            pk=link.pk, used_at__isnull=True
        ).update(used_at=now):
            state = LinkState.USED
        if state == LinkState.VALID:
            audit_record(
                actor=None, action=AuditAction.SIGN_IN, instance=person, detail=_who(person)
            )
        else:
            audit_record(
                actor=None,
                action=AuditAction.SIGN_IN_FAILED,
                instance=link,
                detail=f"{state.label} ({_who(person)})",
            )
    if state != LinkState.VALID:
        raise SignInLinkRefusedError(state)
    return person


def portal_view_record(*, person: Person, instance: models.Model, case: Case | None = None) -> None:
    """Every view of case data through the portal is audited."""
    audit_record(
        actor=None,
        action=AuditAction.VIEW,
        instance=instance,
        case_id=case.pk if case is not None else None,
        detail=f"Viewed in the portal by {_who(person)}",
    )


def portal_message_send(*, person: Person, case: Case, text: str) -> Contact:
    """A message from the complainant's side: an inbound written contact (its clock starts)."""
    return contact_record(
        case=case,
        contact=NewContact(
            direction=Direction.INBOUND,
            channel=Channel.PORTAL,
            party=_party(person, case),
            summary=text.strip(),
            received_at=timezone.now(),
        ),
        recorded_by=None,
        audit_detail=f"Message sent in the portal by {_who(person)}",
    )


def portal_evidence_add(
    *, person: Person, case: Case, files: Sequence[tuple[str, bytes]]
) -> list[Document]:
    """Add files (already checked by content) to the case as the complainant's evidence."""
    description = f"Sent through the portal by the {_role(person, case).lower()}"
    documents = []
    with transaction.atomic():
        for name, content in files:
            document = document_add(
                case=case,
                name=name,
                content=content,
                source=DocumentSource.COMPLAINANT,
                actor=None,
                description=description,
                audit_detail=f"Evidence added in the portal by {_who(person)}",
            )
            documents.append(document)
    return documents


def portal_tidy(*, now: dt.datetime) -> tuple[int, int]:
    """Delete links that can no longer be used and requests the rate limits no longer count."""
    links, _ = SignInLink.objects.filter(expires_at__lt=now - dt.timedelta(days=1)).delete()
    requests, _ = LinkRequest.objects.filter(at__lt=now - LINK_REQUEST_WINDOW).delete()
    return links, requests
