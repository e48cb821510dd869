"""The remedy builder's rules beyond the guidance arithmetic: when an action without a date
of its own falls due, what injustice a payment is for, the words of the "Agreed action"
section, and the SMART problems of a decision's actions in one list.

An action may leave its due date empty: it then falls due the usual time after the final
decision (one month for apologies and payments, three for service improvements and
finding others affected), and the draft says so in words because the final decision has
no date yet. When the final decision is issued the date is fixed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .findings import InjusticeKind
from .remedies import (
    FINANCIAL_KINDS,
    SYMBOLIC_INJUSTICE,
    OfferRelation,
    RemedyKind,
    default_due_months,
    default_due_on,
    lower_first,
    offer_wording,
    pounds,
)
from .smart import RecommendedAction, smart_problems

# The injustice a payment of each kind is for, when the kind alone says it.
_PAID_FOR = {
    RemedyKind.REIMBURSEMENT: InjusticeKind.FINANCIAL_LOSS,
    RemedyKind.LOST_SERVICE_PAYMENT: InjusticeKind.LOST_SERVICE,
}
_MONTHS_IN_WORDS = {1: "one month", 3: "three months"}


def injustice_paid_for(kind: RemedyKind, payment_for: InjusticeKind | None) -> InjusticeKind | None:
    """What injustice a payment acknowledges: the kind's own (a refund is for financial
    loss) or, for a symbolic payment, the one chosen. None for anything not a payment."""
    if kind not in FINANCIAL_KINDS:
        return None
    return _PAID_FOR.get(kind, payment_for)


def with_default_due(action: RecommendedAction) -> RecommendedAction:
    """The action with its due date filled in from the decision's date if it has none, as
    the SMART check and the compliance items need it."""
    if action.due_on is not None or action.kind is None:
        return action
    return replace(action, due_on=default_due_on(action.kind, action.decided_on))


def due_in_words(action: RecommendedAction) -> str:
    """When the action is due, to start its sentence in the decision."""
    if action.due_on is not None:
        return f"By {action.due_on.day} {action.due_on:%B %Y}"
    months = default_due_months(action.kind) if action.kind else 1
    return f"Within {_MONTHS_IN_WORDS.get(months, f'{months} months')} of the final decision"


def _clause(text: str) -> str:
    return lower_first(" ".join(text.split()).rstrip(". "))


def action_sentence(action: RecommendedAction) -> str:
    """One action as the decision states it: when, who, what, and how it will be shown."""
    text = f"{due_in_words(action)}, {action.responsible.strip()} will {_clause(action.action)}"
    if action.amount is not None and pounds(action.amount) not in action.action:
        paid_for = injustice_paid_for(action.kind, action.payment_for) if action.kind else None
        text += f" ({pounds(action.amount)}"
        text += f" for {paid_for.label.lower()})" if paid_for else ")"
    text += "."
    if action.kind == RemedyKind.WIDER_INJUSTICE and action.others_affected:
        people = "person" if action.others_affected == 1 else "people"
        text += (
            f" About {action.others_affected} other {people} may have been affected; "
            f"they will be found by: {_clause(action.how_found)}."
        )
    if action.evidence.strip():
        text += f" It will send us {_clause(action.evidence)} as evidence."
    return text


def injustice_for_kind(kind: RemedyKind) -> tuple[InjusticeKind, ...]:
    """The injustice a payment of this kind can be for, in the vocabulary's order."""
    if kind in _PAID_FOR:
        return (_PAID_FOR[kind],)
    if kind == RemedyKind.SYMBOLIC_PAYMENT:
        return tuple(k for k in InjusticeKind if k in SYMBOLIC_INJUSTICE)
    return ()


@dataclass(frozen=True)
class PriorOffer:
    """What the organisation offered before our decision, and how our remedy stands to it."""

    what: str
    amount: int | None
    relation: OfferRelation


def offer_sentence(offer: PriorOffer, *, ours: int, organisation: str) -> str:
    """How our remedy stands to one earlier offer, in one sentence."""
    if offer.amount is not None and ours > 0:
        return offer_wording(
            ours=ours, offered=offer.amount, relation=offer.relation, organisation=organisation
        )
    what = _clause(offer.what)
    if offer.relation == OfferRelation.REPLACES:
        return f"This remedy replaces what {organisation} offered before: {what}."
    return f"This remedy is in addition to what {organisation} offered before: {what}."


def agreed_action_section(
    *, organisation: str, actions: Sequence[RecommendedAction], offers: Sequence[PriorOffer]
) -> str:
    """The "Agreed action" section of the decision, written from the builder's actions."""
    if not actions:
        return ""
    numbered = "\n".join(
        f"{number}. {action_sentence(action)}" for number, action in enumerate(actions, 1)
    )
    ours = sum(action.amount or 0 for action in actions if action.kind in FINANCIAL_KINDS)
    offered = " ".join(offer_sentence(o, ours=ours, organisation=organisation) for o in offers)
    parts = [
        f"To remedy the injustice caused, {organisation} has agreed to take the following action.",
        numbered,
        offered,
        f"{organisation} should give us evidence it has done these things.",
    ]
    return "\n\n".join(part for part in parts if part)


def numbered_problems(actions: Sequence[RecommendedAction]) -> list[str]:
    """The SMART problems of each action, numbered as the decision numbers them."""
    lines = []
    for number, action in enumerate(actions, 1):
        for message in smart_problems(with_default_due(action)).values():
            lines.append(f"Action {number}: {message}")
    return lines


_WORD = re.compile(r"[a-z0-9]+")
# Words too common in findings to say anything about how alike two injustices are.
_COMMON_WORDS = (
    "the and for was were has had have not but with that this from she her his him "
    "they them their its our you your are been who what when which would should "
    "could will did does into than then there about after before over also any all"
)
_COMMON = frozenset(_COMMON_WORDS.split())
MAX_SEARCH_WORDS = 32


def search_words(text: str) -> tuple[str, ...]:
    """The distinct telling words of a finding, in order, to search similar findings with."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        if len(word) >= 3 and word not in _COMMON:
            seen.setdefault(word, None)
    return tuple(seen)[:MAX_SEARCH_WORDS]


def final_due_on(kind: RemedyKind, due_on: dt.date | None, issued_on: dt.date) -> dt.date:
    """The date an action falls due once the final decision is issued."""
    return due_on if due_on is not None else default_due_on(kind, issued_on)
