"""Adding, changing and removing a decision's remedies; offers; the guidance version the
decision records; and the draft's "Agreed action" section."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from redress.accounts.models import User
from redress.audit.models import AuditEvent
from redress.casework.models import Case
from redress.decisions import services as decision_services
from redress.decisions.models import Decision
from redress.domain.findings import DecisionStatus
from redress.domain.remedies import Aggravating, OfferRelation
from redress.remedies import action_services
from redress.remedies.builder_selectors import ActionInput, agreed_action_text
from redress.remedies.models import GuidanceFigure, GuidanceVersion, RemedyAction

from .conftest import AddPast

pytestmark = pytest.mark.django_db


def test_the_first_action_starts_the_decision_and_records_the_guidance_in_force(
    builder_case: Case, investigator: User, apology: ActionInput, version_1: GuidanceVersion
) -> None:
    row = action_services.remedy_action_add(case=builder_case, data=apology, actor=investigator)
    decision = Decision.objects.get(case=builder_case)
    assert row.decision == decision
    assert row.number == 1
    assert decision.guidance_version == version_1
    version_1.refresh_from_db()
    assert version_1.is_used
    assert AuditEvent.objects.filter(object_type="remedies.remedyaction", object_id=str(row.pk))
    second = action_services.remedy_action_add(case=builder_case, data=apology, actor=investigator)
    assert second.number == 2


def test_an_action_that_is_not_smart_is_refused_with_what_is_missing(
    builder_case: Case, investigator: User, apology: ActionInput
) -> None:
    vague = dataclasses.replace(apology, action="Consider apologising", evidence="", responsible="")
    with pytest.raises(action_services.RemedyActionError) as refused:
        action_services.remedy_action_add(case=builder_case, data=vague, actor=investigator)
    assert set(refused.value.problems) == {"action", "evidence", "responsible"}
    assert "“consider”" in refused.value.problems["action"]
    assert not RemedyAction.objects.exists()


def test_a_due_date_before_today_is_refused(
    builder_case: Case, investigator: User, apology: ActionInput
) -> None:
    late = dataclasses.replace(apology, due_on=timezone.localdate() - dt.timedelta(days=1))
    with pytest.raises(action_services.RemedyActionError) as refused:
        action_services.remedy_action_add(case=builder_case, data=late, actor=investigator)
    assert "due_on" in refused.value.problems


def test_a_payment_stores_the_suggested_range_from_the_chosen_figure(
    builder_case: Case, investigator: User, payment: ActionInput, version_1: GuidanceVersion
) -> None:
    distress = GuidanceFigure.objects.get(version=version_1, situation="Distress")
    data = dataclasses.replace(
        payment, figure_id=distress.pk, aggravating=(Aggravating.VULNERABILITY,)
    )
    row = action_services.remedy_action_add(case=builder_case, data=data, actor=investigator)
    assert row.figure == distress
    assert row.suggested_low is not None
    assert row.suggested_high is not None
    assert distress.low is not None
    assert row.suggested_low > distress.low
    assert any("Aggravating" in line for line in row.reasoning_lines)
    assert row.consistency_seen == "There are no similar past decisions to compare with."


def test_a_monthly_figure_needs_the_number_of_months(
    builder_case: Case, investigator: User, payment: ActionInput, version_1: GuidanceVersion
) -> None:
    monthly = GuidanceFigure.objects.get(
        version=version_1, situation="Unsuitable temporary accommodation"
    )
    data = dataclasses.replace(payment, figure_id=monthly.pk)
    with pytest.raises(action_services.RemedyActionError) as refused:
        action_services.remedy_action_add(case=builder_case, data=data, actor=investigator)
    assert "months" in refused.value.problems["periods"]
    row = action_services.remedy_action_add(
        case=builder_case, data=dataclasses.replace(data, periods=5), actor=investigator
    )
    assert monthly.low is not None
    assert row.suggested_low == monthly.low * 5


def test_an_amount_outside_the_usual_range_needs_a_reason(
    builder_case: Case, investigator: User, payment: ActionInput, add_past: AddPast
) -> None:
    for amount in (200, 250, 250, 300, 300, 350):
        add_past(amount)
    high = dataclasses.replace(payment, amount=2000)
    with pytest.raises(action_services.RemedyActionError) as refused:
        action_services.remedy_action_add(case=builder_case, data=high, actor=investigator)
    assert "outside the usual range" in refused.value.problems["outside_reason"]
    row = action_services.remedy_action_add(
        case=builder_case,
        data=dataclasses.replace(high, outside_reason="Two years in one room with a baby."),
        actor=investigator,
    )
    assert row.consistency_outside
    assert row.outside_reason == "Two years in one room with a baby."
    assert "above the usual range" in row.consistency_seen
    inside = action_services.remedy_action_add(
        case=builder_case, data=dataclasses.replace(payment, outside_reason="x"), actor=investigator
    )
    assert not inside.consistency_outside
    assert inside.outside_reason == ""


def test_editing_keeps_the_kind_and_removing_renumbers(
    builder_case: Case, investigator: User, apology: ActionInput, payment: ActionInput
) -> None:
    first = action_services.remedy_action_add(case=builder_case, data=apology, actor=investigator)
    second = action_services.remedy_action_add(case=builder_case, data=payment, actor=investigator)
    third = action_services.remedy_action_add(case=builder_case, data=apology, actor=investigator)
    changed = action_services.remedy_action_edit(
        action=second, data=dataclasses.replace(payment, amount=300), actor=investigator
    )
    assert changed.amount == 300
    with pytest.raises(action_services.RemedyActionError):
        action_services.remedy_action_edit(action=second, data=apology, actor=investigator)
    action_services.remedy_action_remove(action=first, actor=investigator)
    numbers = dict(RemedyAction.objects.values_list("pk", "number"))
    assert numbers == {second.pk: 1, third.pk: 2}


def test_offers_are_recorded_and_stated_in_the_agreed_action(
    builder_case: Case, investigator: User, payment: ActionInput
) -> None:
    action_services.remedy_action_add(case=builder_case, data=payment, actor=investigator)
    with pytest.raises(action_services.RemedyActionError) as refused:
        action_services.offer_record(
            case=builder_case, what=" ", amount=0, relation=OfferRelation.ADDS_TO,
            actor=investigator,
        )  # fmt: skip
    assert set(refused.value.problems) == {"what", "amount"}
    action_services.offer_record(
        case=builder_case, what="£100 for the delay", amount=100,
        relation=OfferRelation.REPLACES, actor=investigator,
    )  # fmt: skip
    decision = Decision.objects.get(case=builder_case)
    text = agreed_action_text(decision, timezone.localdate())
    assert "Our £250 replaces, not adds to, the £100" in text


def test_the_draft_s_agreed_action_comes_from_the_builder(
    builder_case: Case, investigator: User, apology: ActionInput
) -> None:
    action_services.remedy_action_add(case=builder_case, data=apology, actor=investigator)
    decision = decision_services.draft_assemble(case=builder_case, actor=investigator)
    assert decision.agreed_action.startswith("To remedy the injustice caused")
    assert "1. Within one month of the final decision, Wessex County Council will" in (
        decision.agreed_action
    )
    action_services.remedy_action_add(case=builder_case, data=apology, actor=investigator)
    decision.refresh_from_db()
    rewritten = action_services.agreed_action_write(decision=decision, actor=investigator)
    assert "\n2. Within one month" in rewritten.agreed_action


def test_who_may_build_remedies(
    builder_case: Case,
    *,
    apology: ActionInput,
    investigator: User,
    colleague: User,
    assessor: User,
    manager: User,
    council_user: User,
) -> None:
    for person in (colleague, assessor, council_user):
        with pytest.raises(PermissionDenied):
            action_services.remedy_action_add(case=builder_case, data=apology, actor=person)
    assert action_services.remedy_action_add(case=builder_case, data=apology, actor=manager)


def test_nothing_changes_while_the_decision_is_being_checked(
    builder_case: Case, investigator: User, apology: ActionInput
) -> None:
    row = action_services.remedy_action_add(case=builder_case, data=apology, actor=investigator)
    Decision.objects.filter(pk=row.decision_id).update(status=DecisionStatus.AWAITING_CHECK)
    with pytest.raises(PermissionDenied):
        action_services.remedy_action_add(case=builder_case, data=apology, actor=investigator)
    row.refresh_from_db()
    with pytest.raises(PermissionDenied):
        action_services.remedy_action_remove(action=row, actor=investigator)
