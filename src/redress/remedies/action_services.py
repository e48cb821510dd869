"""Writes for the remedy builder: add, change and remove a decision's actions, record the
organisation's earlier offers, and write the "Agreed action" section from them.

Each checks who may act, locks the case, checks the action (SMART, the guidance, similar
past decisions), writes and audits in one transaction. The first action records the
guidance version the decision used and marks it used, so it never changes afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record, changes_between, snapshot
from redress.decisions.models import Decision
from redress.decisions.services import decision_being_written, draft_edit, lock_case
from redress.domain.decision_text import Section
from redress.domain.findings import EDITABLE_STATUSES, DecisionStatus
from redress.domain.remedies import FINANCIAL_KINDS, OfferRelation
from redress.domain.remedy_builder import final_due_on
from redress.domain.smart import RecommendedAction

from .builder_selectors import (
    ActionInput,
    action_assessment,
    agreed_action_text,
    decision_version,
)
from .models import OrganisationOffer, RemedyAction
from .permissions import can_build_remedies
from .search import past_remedies_index
from .services import guidance_version_mark_used

if TYPE_CHECKING:
    from redress.accounts.models import User
    from redress.casework.models import Case

ACTION_FIELDS = (
    "finding",
    "kind",
    "action",
    "responsible",
    "evidence",
    "due_on",
    "amount",
    "payment_for",
    "others_affected",
    "how_found",
    "figure",
    "periods",
    "aggravating",
    "mitigating",
    "suggested_low",
    "suggested_high",
    "consistency_seen",
    "consistency_outside",
    "outside_reason",
)
OFFER_FIELDS = ("what", "amount", "relation")


class RemedyActionError(ValueError):
    """An action the rules refuse; `problems` maps form fields to messages fit to show."""

    def __init__(self, message: str, problems: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.problems = dict(problems or {})


def _removed(before: Mapping[str, Any]) -> dict[str, list[Any]]:
    return {name: [value, None] for name, value in before.items() if value not in (None, "", [])}


def _require_builder(actor: User, case: Case, decision: Decision | None) -> None:
    if not can_build_remedies(actor, case, decision):
        raise PermissionDenied("You cannot change the remedies on this case.")


def _editable(decision: Decision) -> None:
    if DecisionStatus(decision.status) not in EDITABLE_STATUSES:
        raise RemedyActionError(
            f"The remedies cannot change now: {DecisionStatus(decision.status).label.lower()}."
        )


def _apply(
    row: RemedyAction, data: ActionInput, actor: User, case: Case, decision: Decision
) -> None:
    today = timezone.localdate()
    assessment = action_assessment(
        case=case, version=decision_version(decision, today), data=data, today=today
    )
    if assessment.problems:
        raise RemedyActionError("The action is not complete.", assessment.problems)
    financial = data.kind in FINANCIAL_KINDS
    row.finding = assessment.finding
    row.kind = data.kind.value
    row.action = " ".join(data.action.split())
    row.responsible = data.responsible.strip()
    row.evidence = data.evidence.strip()
    row.due_on = data.due_on
    row.amount = data.amount if financial else None
    row.payment_for = data.payment_for.value if financial and data.payment_for else ""
    row.others_affected = data.others_affected
    row.how_found = data.how_found.strip()
    row.figure = assessment.figure
    row.periods = data.periods if assessment.figure is not None else None
    row.aggravating = [factor.value for factor in data.aggravating] if financial else []
    row.mitigating = [factor.value for factor in data.mitigating] if financial else []
    suggested = assessment.suggested
    row.suggested_low = suggested.low if suggested else None
    row.suggested_high = suggested.high if suggested else None
    row.suggested_reasoning = "\n".join(suggested.lines) if suggested else ""
    check = assessment.consistency
    row.consistency_seen = check.message if check else ""
    row.consistency_outside = bool(check and check.outside)
    row.outside_reason = data.outside_reason.strip() if row.consistency_outside else ""
    row.recorded_by = actor
    row.updated_at = timezone.now()


def _record_guidance(decision: Decision, actor: User) -> None:
    """The decision keeps the guidance in force when its first action was added."""
    if decision.guidance_version_id is not None:
        return
    version = decision_version(None, timezone.localdate())
    if version is None:
        return
    decision.guidance_version = version
    decision.save(update_fields=["guidance_version"])
    guidance_version_mark_used(version=version, actor=actor)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=decision,
        case_id=decision.case_id,
        changes={"guidance_version": [None, version.number]},
        detail=f"Remedies use guidance version {version.number}",
    )


def remedy_action_add(*, case: Case, data: ActionInput, actor: User) -> RemedyAction:
    """Add an action to the case's decision (starting the decision if there is none)."""
    _require_builder(actor, case, None)
    with transaction.atomic():
        locked = lock_case(case)
        decision = decision_being_written(locked, actor)
        _require_builder(actor, locked, decision)
        _editable(decision)
        row = RemedyAction(decision=decision)
        _apply(row, data, actor, locked, decision)
        last = RemedyAction.objects.filter(decision=decision).aggregate(last=Max("number"))
        row.number = (last["last"] or 0) + 1
        row.save()
        _record_guidance(decision, actor)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=row,
            case_id=locked.pk,
            changes=changes_between({}, snapshot(row, ACTION_FIELDS)),
            detail=f"Remedy action {row.number} added",
        )
    return row


def remedy_action_edit(*, action: RemedyAction, data: ActionInput, actor: User) -> RemedyAction:
    """Change an action; its kind stays what it was."""
    decision = action.decision
    _require_builder(actor, decision.case, decision)
    if data.kind.value != action.kind:
        raise RemedyActionError("An action cannot change its kind: remove it and add another.")
    with transaction.atomic():
        locked = lock_case(decision.case)
        decision = Decision.objects.get(pk=decision.pk)
        _editable(decision)
        row = RemedyAction.objects.select_for_update().get(pk=action.pk)
        before = snapshot(row, ACTION_FIELDS)
        _apply(row, data, actor, locked, decision)
        changes = changes_between(before, snapshot(row, ACTION_FIELDS))
        if not changes:
            return row
        row.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=row,
            case_id=locked.pk,
            changes=changes,
            detail=f"Remedy action {row.number} changed",
        )
    return row


def remedy_action_remove(*, action: RemedyAction, actor: User) -> None:
    """Remove an action; the ones after it move up a number."""
    decision = action.decision
    _require_builder(actor, decision.case, decision)
    with transaction.atomic():
        locked = lock_case(decision.case)
        _editable(Decision.objects.get(pk=decision.pk))
        row = RemedyAction.objects.select_for_update().filter(pk=action.pk).first()
        if row is None:
            return
        # The action row goes, so the record of it is kept on the decision.
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=decision,
            case_id=locked.pk,
            changes=_removed(snapshot(row, ACTION_FIELDS)),
            detail=f"Remedy action {row.number} removed",
        )
        number = row.number
        row.delete()
        # One at a time, lowest first, so the unique (decision, number) always holds.
        for later in RemedyAction.objects.filter(decision=decision, number__gt=number).order_by(
            "number"
        ):
            later.number = F("number") - 1
            later.save(update_fields=["number"])


def offer_record(
    *, case: Case, what: str, amount: int | None, relation: OfferRelation, actor: User
) -> OrganisationOffer:
    """Record what the organisation offered before the decision, and whether our remedy
    replaces it or adds to it."""
    _require_builder(actor, case, None)
    problems = {}
    if not what.strip():
        problems["what"] = "Say what the organisation offered"
    if amount is not None and amount <= 0:
        problems["amount"] = (
            "Enter the amount offered in whole pounds, more than £0, or leave it empty"
        )
    if problems:
        raise RemedyActionError("The offer is not complete.", problems)
    with transaction.atomic():
        locked = lock_case(case)
        decision = decision_being_written(locked, actor)
        _require_builder(actor, locked, decision)
        _editable(decision)
        offer = OrganisationOffer.objects.create(
            decision=decision,
            what=" ".join(what.split()),
            amount=amount,
            relation=relation.value,
            recorded_by=actor,
            recorded_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=offer,
            case_id=locked.pk,
            changes=changes_between({}, snapshot(offer, OFFER_FIELDS)),
        )
    return offer


def offer_remove(*, offer: OrganisationOffer, actor: User) -> None:
    decision = offer.decision
    _require_builder(actor, decision.case, decision)
    with transaction.atomic():
        locked = lock_case(decision.case)
        _editable(Decision.objects.get(pk=decision.pk))
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=decision,
            case_id=locked.pk,
            changes=_removed(snapshot(offer, OFFER_FIELDS)),
            detail=f"Offer {offer.pk} removed",
        )
        OrganisationOffer.objects.filter(pk=offer.pk).delete()


def agreed_action_write(*, decision: Decision, actor: User) -> Decision:
    """Write the draft's "Agreed action" section afresh from the actions and offers (the
    old text stays in the audit trail)."""
    _require_builder(actor, decision.case, decision)
    text = agreed_action_text(decision, timezone.localdate())
    if not text:
        raise RemedyActionError("Add an action before writing it into the draft.")
    return draft_edit(
        decision=decision,
        expected_version=decision.version,
        sections={Section.AGREED_ACTION: text},
        actor=actor,
    )


def remedy_actions_finalise(
    *, decision: Decision, issued_on: dt.date, actor: User
) -> list[RecommendedAction]:
    """On issuing the final decision (inside its transaction): fix the due date of every
    action left to the default, add the financial remedies to the consistency search,
    and give back the actions for compliance monitoring."""
    rows = list(
        RemedyAction.objects.select_for_update().filter(decision=decision).order_by("number")
    )
    for row in rows:
        if row.due_on is not None:
            continue
        row.due_on = final_due_on(row.kind_enum, None, issued_on)
        row.save(update_fields=["due_on"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=row,
            case_id=decision.case_id,
            changes={"due_on": [None, row.due_on.isoformat()]},
            detail="Due date fixed by the final decision",
        )
    past_remedies_index(decision=decision, decided_on=issued_on)
    return [row.as_recommended(issued_on) for row in rows]
