"""The only way case data changes: each function checks, writes, audits, in one transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from redress.audit.models import AuditAction, AuditEvent
from redress.audit.services import audit_record, changes_between, snapshot
from redress.domain.categories import (
    WRITTEN_CHANNELS,
    Category,
    Channel,
    subcategory_belongs_to,
)
from redress.domain.clocks import ClockKind, deadline_plan, due_date, keep_in_touch_restarts
from redress.domain.references import format_reference, next_sequence
from redress.domain.stages import (
    Outcome,
    ReasonCode,
    Stage,
    TransitionError,
    TransitionKind,
    TransitionRequest,
    check_transition,
)

from .calendars import scheme_calendar
from .clocks import deadline_meet, deadline_set, keep_in_touch_refresh, refresh_next_due
from .models import (
    Case,
    CaseNote,
    Contact,
    Deadline,
    Direction,
    Person,
    ReferenceCounter,
    StageTransition,
)
from .permissions import can_make_transition, can_write_case

if TYPE_CHECKING:
    from redress.accounts.models import Team, User
    from redress.organisations.models import Organisation


class CaseConflictError(Exception):
    """Someone else saved the case after this person opened it."""

    def __init__(self, current: Case, changed_fields: Sequence[str]) -> None:
        super().__init__("The case was changed by someone else.")
        self.current = current
        self.changed_fields = list(changed_fields)


class CaseValidationError(ValueError):
    """Input the rules reject, with a message fit to show the person who gave it."""


def reference_issue(*, received_on: dt.date) -> str:
    """The next reference in the registration year, under a row lock so none repeats."""
    year = received_on.year
    with transaction.atomic(savepoint=False):
        counter = ReferenceCounter.objects.select_for_update().filter(year=year).first()
        if counter is None:
            try:
                with transaction.atomic():
                    counter = ReferenceCounter.objects.create(year=year, last_sequence=0)
            except IntegrityError:
                # Another registration created the year's counter first: lock theirs.
                counter = ReferenceCounter.objects.select_for_update().get(year=year)
        counter.last_sequence = next_sequence(counter.last_sequence)
        counter.save(update_fields=["last_sequence"])
    return format_reference(year, counter.last_sequence)


def _open_clocks(case: Case) -> dict[str, Deadline]:
    return {d.kind: d for d in case.deadlines.filter(met_at__isnull=True)}


def _apply_clocks(case: Case, entering: Stage, now: dt.datetime, *, reopened: bool = False) -> None:
    today = timezone.localdate(now)
    running = _open_clocks(case)
    plan = deadline_plan(
        entering=entering,
        received_on=case.received_on,
        today=today,
        running=frozenset(ClockKind(k) for k in running),
        calendar=scheme_calendar(today),
        reopened=reopened,
    )
    for kind in plan.stop:
        deadline = running[kind.value]
        deadline.met_at = now
        deadline.save(update_fields=["met_at"])
    for kind, due in plan.start.items():
        deadline_set(case=case, kind=kind, due_on=due)
    refresh_next_due(case)


@dataclass(frozen=True)
class NewCase:
    received_on: dt.date
    channel: Channel
    organisation: Organisation
    category: Category
    summary: str
    complainant: Person
    subcategory: str = ""
    outcome_sought: str = ""
    representative: Person | None = None
    representative_authority: str = ""
    team: Team | None = None
    officer: User | None = None


def case_register(*, new: NewCase, actor: User | None, reference_later: bool = False) -> Case:
    """Register a case at intake with its first transition, clocks and audit row.

    With `reference_later` the case gets a provisional reference and the caller must call
    `case_issue_reference` as the last write of its transaction: the year's counter stays
    locked from issuing a reference until commit, so issuing it last lets concurrent
    registrations overlap everything else.
    """
    if new.received_on > timezone.localdate():
        raise CaseValidationError("The date received cannot be in the future.")
    if new.subcategory and not subcategory_belongs_to(new.subcategory, new.category):
        raise CaseValidationError("Choose a sub-category that belongs to the category.")
    now = timezone.now()
    today = timezone.localdate(now)
    # A new case has no clocks yet: plan them first, so the row is written once.
    plan = deadline_plan(
        entering=Stage.INTAKE,
        received_on=new.received_on,
        today=today,
        running=frozenset(),
        calendar=scheme_calendar(today),
    )
    first_due = min(plan.start.items(), key=lambda item: (item[1], item[0].value), default=None)
    # No savepoint: nothing inside is retried, and a failure fails the caller's transaction.
    with transaction.atomic(savepoint=False):
        case = Case.objects.create(
            reference=(
                provisional_reference()
                if reference_later
                else reference_issue(received_on=new.received_on)
            ),
            received_on=new.received_on,
            channel=new.channel,
            organisation=new.organisation,
            category=new.category,
            subcategory=new.subcategory,
            summary=new.summary,
            outcome_sought=new.outcome_sought,
            complainant=new.complainant,
            representative=new.representative,
            representative_authority=new.representative_authority,
            team=new.team,
            officer=new.officer,
            stage=Stage.INTAKE,
            next_due_on=first_due[1] if first_due else None,
            next_due_kind=first_due[0].value if first_due else "",
        )
        StageTransition.objects.create(
            case=case,
            from_stage="",
            to_stage=Stage.INTAKE,
            reason="Complaint received",
            actor=actor,
            at=now,
        )
        Deadline.objects.bulk_create(
            Deadline(case=case, kind=kind.value, due_on=due) for kind, due in plan.start.items()
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=case,
            case_id=case.pk,
            changes=changes_between({}, snapshot(case, (*_DETAIL_FIELDS, "stage"))),
        )
    return case


def provisional_reference() -> str:
    """A unique placeholder that cannot be mistaken for (or collide with) a real reference."""
    return f"~{uuid.uuid4().hex[:9]}"


def case_issue_reference(*, case: Case) -> str:
    """Give a case registered with `reference_later` its real reference.

    Part of the registration, so not audited on its own: the creation row covers it.
    """
    if not case.reference.startswith("~"):
        raise CaseValidationError("This case already has its reference.")
    case.reference = reference_issue(received_on=case.received_on)
    case.save(update_fields=["reference"])
    return case.reference


def _locked(case_id: int, expected_version: int) -> Case:
    case = Case.objects.select_for_update().get(pk=case_id)
    if case.version != expected_version:
        raise CaseConflictError(case, _changed_since(case, expected_version))
    return case


def _changed_since(case: Case, version: int) -> list[str]:
    """Field names changed by writes after `version`, from the audit trail, for the message."""
    fields: set[str] = set()
    events = AuditEvent.objects.filter(
        case_id=case.pk, object_type="casework.case", action__in=["update", "transition"]
    ).order_by("-at")[: max(case.version - version, 1) * 2]
    for event in events:
        fields.update(event.changes)
    return sorted(fields - {"version"})


def case_move(
    *,
    case: Case,
    expected_version: int,
    target: Stage,
    reason: str,
    actor: User,
    outcome: Outcome | None = None,
    reason_codes: Sequence[ReasonCode] = (),
    post_decision_review_upheld: bool = False,
) -> Case:
    request = TransitionRequest(
        source=Stage(case.stage),
        target=target,
        reason=reason,
        outcome=outcome,
        reason_codes=tuple(reason_codes),
        post_decision_review_upheld=post_decision_review_upheld,
    )
    transition = check_transition(request)
    if not can_make_transition(actor, case, transition):
        raise PermissionDenied("Your role cannot make this change at this stage.")
    now = timezone.now()
    with transaction.atomic():
        locked = _locked(case.pk, expected_version)
        if locked.stage != request.source:
            raise TransitionError("The case has moved stage since you opened it.")
        before = snapshot(locked, ("stage", "outcome", "reason_codes"))
        locked.stage = target
        if transition.kind == TransitionKind.REOPEN:
            # A reopened case is undecided again; its earlier outcome stays in the history.
            locked.outcome, locked.reason_codes = "", []
        if outcome is not None:
            locked.outcome = outcome.value
        if reason_codes:
            locked.reason_codes = [code.value for code in reason_codes]
        locked.version += 1
        StageTransition.objects.create(
            case=locked,
            from_stage=request.source,
            to_stage=target,
            outcome=outcome.value if outcome else "",
            reason_codes=[code.value for code in reason_codes],
            reason=reason.strip(),
            actor=actor,
            at=now,
        )
        _apply_clocks(locked, target, now, reopened=transition.kind == TransitionKind.REOPEN)
        locked.save(
            update_fields=[
                "stage",
                "outcome",
                "reason_codes",
                "version",
                "next_due_on",
                "next_due_kind",
                "updated_at",
            ]
        )
        audit_record(
            actor=actor,
            action=AuditAction.TRANSITION,
            instance=locked,
            case_id=locked.pk,
            changes=changes_between(before, snapshot(locked, before.keys())),
            detail=transition.label,
        )
    return locked


_DETAIL_FIELDS: tuple[str, ...] = (
    "category",
    "subcategory",
    "summary",
    "outcome_sought",
    "organisation",
    "team",
    "officer",
    "sensitive",
    "representative_authority",
)


def case_update_details(
    *, case: Case, expected_version: int, changes: Mapping[str, Any], actor: User
) -> Case:
    """Change a case's details; raises CaseConflictError if it changed since it was opened."""
    if not can_write_case(actor, case):
        raise PermissionDenied("Your role cannot change case details.")
    unknown = set(changes) - set(_DETAIL_FIELDS)
    if unknown:
        raise CaseValidationError(f"These details cannot be changed here: {sorted(unknown)}.")
    category = Category(changes.get("category", case.category))
    subcategory = changes.get("subcategory", case.subcategory)
    if subcategory and not subcategory_belongs_to(subcategory, category):
        raise CaseValidationError("Choose a sub-category that belongs to the category.")
    with transaction.atomic():
        locked = _locked(case.pk, expected_version)
        before = snapshot(locked, changes.keys())
        for name, value in changes.items():
            setattr(locked, name, value)
        after = snapshot(locked, changes.keys())
        diff = changes_between(before, after)
        if not diff:
            return locked
        locked.version += 1
        locked.save(update_fields=[*diff.keys(), "version", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=locked,
            case_id=locked.pk,
            changes=diff,
        )
    return locked


def case_add_note(*, case: Case, text: str, actor: User) -> CaseNote:
    if not can_write_case(actor, case):
        raise PermissionDenied("Your role cannot add notes.")
    if not text.strip():
        raise CaseValidationError("Enter the note.")
    with transaction.atomic():
        note = CaseNote.objects.create(
            case=case, author=actor, text=text.strip(), at=timezone.now()
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=note,
            case_id=case.pk,
            changes={"text": [None, note.text]},
        )
    return note


@dataclass(frozen=True)
class NewContact:
    direction: Direction
    channel: Channel
    party: str
    summary: str
    received_at: dt.datetime
    handled_at: dt.datetime | None = None


def contact_log(*, case: Case, contact: NewContact, actor: User) -> Contact:
    """Record a contact logged by staff (an update sent while investigating restarts
    keep-in-touch)."""
    if not can_write_case(actor, case):
        raise PermissionDenied("Your role cannot log contacts.")
    return contact_record(case=case, contact=contact, recorded_by=actor)


def contact_record(
    *, case: Case, contact: NewContact, recorded_by: User | None, audit_detail: str = ""
) -> Contact:
    """Record a contact the service itself saw: a letter it sent, a portal message received.

    Callers decide who may cause it; staff-facing pages go through `contact_log`.
    `audit_detail` says who caused it when that is not a member of staff.
    """
    now = timezone.now()
    if contact.received_at > now:
        raise CaseValidationError("The date and time of the contact cannot be in the future.")
    if contact.handled_at is not None and contact.handled_at < contact.received_at:
        raise CaseValidationError("It cannot have been handled before it was received.")
    # A received written contact still to answer starts the written-contact clock; a sent
    # one counts towards keep-in-touch while the case is investigated. Anything else moves
    # no clock, and then the case is neither locked nor rewritten. (Keep-in-touch is worked
    # out afresh from every update each time, so a letter that races a move into
    # investigation is counted by the next refresh.)
    awaits_reply = (
        contact.direction == Direction.INBOUND
        and contact.handled_at is None
        and contact.channel in WRITTEN_CHANNELS
    )
    maybe_update = contact.direction == Direction.OUTBOUND and keep_in_touch_restarts(
        Stage(case.stage)
    )
    with transaction.atomic(savepoint=False):
        locked = case
        if awaits_reply or maybe_update:
            locked = Case.objects.select_for_update().get(pk=case.pk)
        row = Contact.objects.create(
            case=locked,
            direction=contact.direction,
            channel=contact.channel,
            party=contact.party.strip(),
            summary=contact.summary.strip(),
            received_at=contact.received_at,
            handled_at=contact.handled_at,
            recorded_by=recorded_by,
        )
        sent_update = contact.direction == Direction.OUTBOUND and keep_in_touch_restarts(
            Stage(locked.stage)
        )
        if awaits_reply or sent_update:
            _contact_clocks(locked, row)
            locked.save(update_fields=["next_due_on", "next_due_kind"])
        audit_record(
            actor=recorded_by,
            action=AuditAction.CREATE,
            instance=row,
            case_id=locked.pk,
            changes=changes_between(
                {}, snapshot(row, ("direction", "channel", "party", "received_at", "handled_at"))
            ),
            detail=audit_detail,
        )
    return row


def _contact_clocks(case: Case, row: Contact) -> None:
    calendar = scheme_calendar()
    if row.direction == Direction.OUTBOUND and keep_in_touch_restarts(Stage(case.stage)):
        keep_in_touch_refresh(case=case, calendar=calendar)
    # The written-contact clock follows the oldest written contact still waiting for a reply.
    waiting = (
        case.contacts.filter(direction=Direction.INBOUND, handled_at__isnull=True)
        .filter(channel__in=[c.value for c in WRITTEN_CHANNELS])
        .order_by("received_at")
        .first()
    )
    if waiting is None:
        deadline_meet(case=case, kind=ClockKind.WRITTEN_CONTACT)
    else:
        received_on = timezone.localdate(waiting.received_at)
        deadline_set(
            case=case,
            kind=ClockKind.WRITTEN_CONTACT,
            due_on=due_date(ClockKind.WRITTEN_CONTACT, received_on, calendar),
        )


def contact_mark_handled(*, contact: Contact, handled_at: dt.datetime, actor: User) -> Contact:
    if not can_write_case(actor, contact.case):
        raise PermissionDenied("Your role cannot update contacts.")
    if handled_at < contact.received_at:
        raise CaseValidationError("It cannot have been handled before it was received.")
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=contact.case_id)
        before = snapshot(contact, ("handled_at",))
        contact.handled_at = handled_at
        contact.save(update_fields=["handled_at"])
        _contact_clocks(case, contact)
        case.save(update_fields=["next_due_on", "next_due_kind"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=contact,
            case_id=case.pk,
            changes=changes_between(before, snapshot(contact, ("handled_at",))),
        )
    return contact


def person_create(*, actor: User | None, **fields: Any) -> Person:
    with transaction.atomic(savepoint=False):
        person = Person.objects.create(**fields)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=person,
            changes=changes_between({}, snapshot(person, fields.keys())),
        )
    return person


def case_record_view(*, case: Case, actor: User) -> None:
    """Every view of a case's personal data is audited."""
    audit_record(actor=actor, action=AuditAction.VIEW, instance=case, case_id=case.pk)


__all__ = [
    "CaseConflictError",
    "CaseValidationError",
    "NewCase",
    "NewContact",
    "case_add_note",
    "case_issue_reference",
    "case_move",
    "case_record_view",
    "case_register",
    "case_update_details",
    "contact_log",
    "contact_mark_handled",
    "contact_record",
    "person_create",
    "reference_issue",
]
