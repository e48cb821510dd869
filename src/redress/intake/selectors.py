"""Reads for the public complaint journey: finding an organisation, finding one's draft.

Organisations in jurisdiction are public information, so anyone may search them. A draft
is found only by its random public id, which only its owner's session (or link) holds.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from redress.organisations.models import Organisation

from .models import ComplaintDraft, DraftFile

SEARCH_LIMIT = 20
_MAX_WORDS = 6
_MAX_WORD_LENGTH = 50


def search_words(text: str) -> list[str]:
    """The words of a search as typed, cleaned: no more than a handful, none absurdly long,
    and no NUL characters (which PostgreSQL refuses in any text)."""
    return [word[:_MAX_WORD_LENGTH] for word in text.replace("\x00", " ").split()][:_MAX_WORDS]


def organisation_search(*, text: str, limit: int = SEARCH_LIMIT) -> list[Organisation]:
    """Organisations whose name (or area) contains every word typed, by name; [] for none."""
    words = search_words(text)
    if not words:
        return []
    organisations = Organisation.objects.only("id", "name", "region", "org_type")
    for word in words:
        organisations = organisations.filter(Q(name__icontains=word) | Q(region__icontains=word))
    return list(organisations.order_by("name")[:limit])


def organisation_named(*, organisation_id: object) -> Organisation | None:
    """The organisation with this id, or None for anything else (a bad or stale id)."""
    try:
        pk = int(str(organisation_id))
    except ValueError:
        return None
    if pk <= 0 or pk > 2**62:
        return None
    return Organisation.objects.filter(pk=pk).first()


def draft_open(*, public_id: str | None) -> ComplaintDraft | None:
    """The draft being written under this id: None once it is sent or has expired."""
    if not public_id:
        return None
    return ComplaintDraft.objects.filter(
        public_id=public_id, case__isnull=True, expires_at__gt=timezone.now()
    ).first()


def draft_sent(*, public_id: str | None) -> ComplaintDraft | None:
    """The draft sent under this id, with its case, for the confirmation page."""
    if not public_id:
        return None
    return (
        ComplaintDraft.objects.select_related(
            "case", "case__organisation", "case__complainant", "case__representative"
        )
        .filter(public_id=public_id, case__isnull=False)
        .first()
    )


def draft_files(*, draft: ComplaintDraft | None, purpose: str | None = None) -> QuerySet[DraftFile]:
    if draft is None:
        return DraftFile.objects.none()
    files = draft.files.all()
    return files.filter(purpose=purpose) if purpose else files
