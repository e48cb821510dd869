"""The remedies through the decision: the draft cannot go out with an action that is not
SMART; issuing fixes the due dates, adds the payments to the consistency search and opens
a compliance item for each action."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import User
from redress.casework.models import Case
from redress.compliance.models import ComplianceItem
from redress.decisions import issuing
from redress.decisions import services as decision_services
from redress.decisions.models import Decision
from redress.domain.categories import Channel
from redress.domain.findings import CommentParty, DecisionStatus
from redress.domain.remedies import add_months
from redress.domain.stages import Stage
from redress.remedies import action_services
from redress.remedies.builder_selectors import ActionInput
from redress.remedies.models import PastRemedy, RemedyAction

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_on_commit(
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[Any]],
) -> Callable[[], AbstractContextManager[Any]]:
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _share(case: Case, actor: User) -> Decision:
    decision = decision_services.draft_assemble(case=case, actor=actor)
    case.refresh_from_db()
    return decision_services.draft_share(
        decision=decision, expected_version=decision.version, case_version=case.version,
        actor=actor,
    )  # fmt: skip


def test_a_draft_with_an_action_that_is_not_smart_is_not_shared(
    builder_case: Case, investigator: User, apology: ActionInput
) -> None:
    row = action_services.remedy_action_add(case=builder_case, data=apology, actor=investigator)
    # A date that has since passed (set when it was still ahead).
    RemedyAction.objects.filter(pk=row.pk).update(due_on=dt.date(2020, 1, 1), evidence="")
    with pytest.raises(decision_services.DecisionError) as refused:
        _share(builder_case, investigator)
    message = str(refused.value)
    assert message.startswith("Every remedy action must be SMART")
    assert "Action 1: Say how the organisation will show" in message
    assert "Action 1: The date this is due cannot be before the decision" in message
    assert Decision.objects.get(case=builder_case).status == DecisionStatus.DRAFTING


def test_issuing_fixes_due_dates_indexes_payments_and_opens_compliance_items(
    builder_case: Case,
    investigator: User,
    apology: ActionInput,
    payment: ActionInput,
    run_on_commit: Callable[[], AbstractContextManager[Any]],
) -> None:
    action_services.remedy_action_add(case=builder_case, data=apology, actor=investigator)
    action_services.remedy_action_add(case=builder_case, data=payment, actor=investigator)
    with run_on_commit():
        decision = _share(builder_case, investigator)
    for party in CommentParty:
        issuing.comment_record(
            decision=decision, party=party, channel=Channel.EMAIL, text="Seen.",
            received_at=timezone.now(), actor=investigator,
        )  # fmt: skip
    for comment in decision.comments.all():
        issuing.comment_respond(comment=comment, response="Noted.", actor=investigator)
    decision.refresh_from_db()
    builder_case.refresh_from_db()
    with run_on_commit():
        issuing.decision_issue(
            decision=decision, expected_version=decision.version,
            case_version=builder_case.version, actor=investigator,
        )  # fmt: skip
    today = timezone.localdate()
    due = add_months(today, 1)
    assert list(RemedyAction.objects.values_list("due_on", flat=True)) == [due, due]
    past = PastRemedy.objects.get()
    assert (past.amount, past.injustice, past.category) == (250, "distress", builder_case.category)
    assert "bed and breakfast" in past.finding_text
    items = list(ComplianceItem.objects.filter(case=builder_case).order_by("number"))
    assert [(item.number, item.due_on, item.amount) for item in items] == [
        (1, due, None),
        (2, due, 250),
    ]
    case = Case.objects.get(pk=builder_case.pk)
    assert case.stage in (Stage.DECIDED, Stage.COMPLIANCE)


def test_after_the_final_decision_the_remedies_are_read_only(
    builder_case: Case,
    investigator: User,
    apology: ActionInput,
    run_on_commit: Callable[[], AbstractContextManager[Any]],
) -> None:
    action_services.remedy_action_add(case=builder_case, data=apology, actor=investigator)
    with run_on_commit():
        decision = _share(builder_case, investigator)
    Decision.objects.filter(pk=decision.pk).update(comments_due_on=dt.date(2020, 1, 1))
    decision.refresh_from_db()
    builder_case.refresh_from_db()
    with run_on_commit():
        issuing.decision_issue(
            decision=decision, expected_version=decision.version,
            case_version=builder_case.version, actor=investigator,
        )  # fmt: skip
    client = Client()
    client.force_login(investigator)
    reference = builder_case.reference.replace(" ", "")
    page = client.get(reverse("remedies:builder", args=[reference]))
    assert page.status_code == 200
    assert b"the final decision has been issued" in page.content
    assert b"Action 1: Apology" in page.content
    assert b"/remedies/actions/new/" not in page.content
    add = reverse("remedies:action-add", args=[reference, "apology"])
    assert client.post(add, {}).status_code == 403
