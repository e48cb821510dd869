"""Keeping a complaint as it is written: drafts, their files and "come back later" links.

These are the journey's writes before a complaint is sent (`intake.services` sends it).
A draft belongs to whoever holds its random public id: their session, or an emailed link.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from redress.domain.complaints import DRAFT_LIFETIME, MAX_DRAFT_FILES, Step
from redress.domain.uploads import check_upload

from ..models import ComplaintDraft, DraftFile, DraftFilePurpose, ResumeLink, SubmissionRecord

PARTIAL = "_partial"


class ResumeLinkError(Exception):
    """A "come back later" link that cannot be used, with the reason: why it failed."""

    UNKNOWN = "unknown"
    EXPIRED = "expired"
    SENT = "sent"

    def __init__(self, reason: str, *, sent_at: dt.datetime | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.sent_at = sent_at


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def draft_create() -> ComplaintDraft:
    """A new, empty draft with a random public id for the person's session."""
    now = timezone.now()
    return ComplaintDraft.objects.create(
        public_id=secrets.token_urlsafe(32),
        answers={},
        created_at=now,
        updated_at=now,
        expires_at=now + DRAFT_LIFETIME,
    )


def _touch(draft: ComplaintDraft, step: Step) -> None:
    now = timezone.now()
    draft.step = step.value
    draft.updated_at = now
    draft.expires_at = max(draft.expires_at, now + DRAFT_LIFETIME)
    draft.save(update_fields=["answers", "step", "updated_at", "expires_at"])


def _write(draft: ComplaintDraft, step: Step, change: Callable[[dict[str, Any]], None]) -> None:
    """Apply `change` to the answers as they are in the database, under a row lock, so two
    tabs saving at once both keep their pages; a sent draft is left alone."""
    with transaction.atomic():
        locked = ComplaintDraft.objects.select_for_update().get(pk=draft.pk)
        if locked.case_id is not None:
            return
        answers = dict(locked.answers)
        change(answers)
        locked.answers = answers
        _touch(locked, step)
    draft.answers, draft.step = locked.answers, locked.step
    draft.updated_at, draft.expires_at = locked.updated_at, locked.expires_at


def draft_save_answers(
    *, draft: ComplaintDraft, step: Step, answers: Mapping[str, Any]
) -> ComplaintDraft:
    """Keep a page's complete answers; what was typed there before is no longer needed."""

    def change(stored: dict[str, Any]) -> None:
        stored[step.value] = dict(answers)
        partial = stored.get(PARTIAL, {})
        stored[PARTIAL] = {k: v for k, v in partial.items() if k != step.value}

    _write(draft, step, change)
    return draft


def draft_save_partial(
    *, draft: ComplaintDraft, step: Step, answers: Mapping[str, Any]
) -> ComplaintDraft:
    """Keep what was typed on a page that is not finished, so it is there on return."""
    kept = {name: value for name, value in answers.items() if value not in ("", None, [], {})}
    if not kept:
        return draft

    def change(stored: dict[str, Any]) -> None:
        partial = dict(stored.get(PARTIAL, {}))
        partial[step.value] = {**partial.get(step.value, {}), **kept}
        stored[PARTIAL] = partial

    _write(draft, step, change)
    return draft


class DraftFullError(ValueError):
    """The draft already holds as many files as one complaint may have."""


def draft_file_add(
    *, draft: ComplaintDraft, purpose: DraftFilePurpose, name: str, content: bytes
) -> DraftFile:
    """Keep one checked file with the draft. Raises UploadRejected or DraftFullError.

    A final response replaces the one uploaded before it: there is only one.
    """
    check_upload(name, len(content), content)
    with transaction.atomic():
        # Lock the draft so two uploads at once cannot both take the last place.
        ComplaintDraft.objects.select_for_update().filter(pk=draft.pk).first()
        replaced: list[DraftFile] = []
        if purpose == DraftFilePurpose.FINAL_RESPONSE:
            replaced = list(draft.files.filter(purpose=purpose))
        elif draft.files.filter(purpose=DraftFilePurpose.EVIDENCE).count() >= MAX_DRAFT_FILES:
            raise DraftFullError(
                f"{name} was not added: you can upload up to {MAX_DRAFT_FILES} files. "
                "Remove one, or send the rest after you get your reference."
            )
        stored = DraftFile(
            draft=draft,
            purpose=purpose,
            original_name=name[:255],
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            uploaded_at=timezone.now(),
        )
        stored.file.save(name, ContentFile(content), save=False)
        try:
            stored.save()
        except Exception:
            stored.file.delete(save=False)
            raise
        for old in replaced:
            _file_delete(old)
        draft.updated_at = timezone.now()
        draft.save(update_fields=["updated_at"])
    return stored


def _file_delete(row: DraftFile) -> None:
    """Remove the row now and the stored file once that is committed."""
    storage, file_name = row.file.storage, row.file.name
    row.delete()
    if file_name:
        transaction.on_commit(lambda: storage.delete(file_name))


def draft_file_remove(*, draft: ComplaintDraft, file_id: int) -> bool:
    """Remove one of the draft's own files; False if it has no such file."""
    with transaction.atomic():
        row = draft.files.filter(pk=file_id).first()
        if row is None:
            return False
        _file_delete(row)
    return True


def resume_link_send(
    *, draft: ComplaintDraft, email: str, link_for: Callable[[str], str]
) -> ResumeLink:
    """Email a link that brings the draft back, valid for 28 days; only its hash is kept.

    `link_for(token)` makes the full address of the link from its token.
    """
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    expires_at = now + DRAFT_LIFETIME
    body = render_to_string(
        "intake/journey/resume_email.txt",
        {"link": link_for(token), "expires_at": expires_at, "scheme_name": settings.SCHEME_NAME},
    )
    subject = f"Your complaint to the {settings.SCHEME_NAME}: continue where you left off"
    with transaction.atomic():
        link = ResumeLink.objects.create(
            draft=draft, token_hash=_token_hash(token), created_at=now, expires_at=expires_at
        )
        draft.expires_at = max(draft.expires_at, expires_at)
        draft.updated_at = now
        draft.save(update_fields=["expires_at", "updated_at"])
        transaction.on_commit(lambda: send_mail(subject, body, None, [email], fail_silently=False))
    return link


def draft_resume(*, token: str) -> ComplaintDraft:
    """The draft a link belongs to. Raises ResumeLinkError if it cannot be used.

    A link can be used again and again until it expires or the complaint is sent.
    """
    link = ResumeLink.objects.select_related("draft").filter(token_hash=_token_hash(token)).first()
    if link is None:
        raise ResumeLinkError(ResumeLinkError.UNKNOWN)
    draft = link.draft
    if draft.case_id is not None:
        raise ResumeLinkError(ResumeLinkError.SENT, sent_at=draft.submitted_at)
    if link.expires_at <= timezone.now() or draft.expires_at <= timezone.now():
        raise ResumeLinkError(ResumeLinkError.EXPIRED)
    return draft


def drafts_purge_expired(*, now: dt.datetime | None = None) -> int:
    """Delete drafts (and their files) past their expiry, and old rate-limit records."""
    now = now or timezone.now()
    removed = 0
    for draft in ComplaintDraft.objects.filter(expires_at__lte=now).iterator():
        with transaction.atomic():
            for row in draft.files.all():
                _file_delete(row)
            draft.delete()
            removed += 1
    SubmissionRecord.objects.filter(at__lt=now - dt.timedelta(days=1)).delete()
    return removed
