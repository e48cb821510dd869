"""The SMART check of a recommended action: specific, evidenced, owned and time-bound.

The scheme's guidance asks for recommendations it can monitor: "has the organisation
carried out the new assessment by date X". An action passes when it says exactly what
will be done (a concrete verb and object, with none of the hedging words that let an
organisation do nothing), who does it, how completion will be shown, and by when.
Payments need an amount and what they are for; actions for others affected need how many
people and how they will be found.

Each failure comes back as a plain-English message keyed by the field it is about, so a
form can put it beside that field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .findings import InjusticeKind
from .remedies import FINANCIAL_KINDS, SYMBOLIC_INJUSTICE, RemedyKind

# Hedging wording that leaves the organisation free to do nothing, with why it fails.
# Matched as whole words, ignoring case; "reconsider the application" is not "consider".
VAGUE_WORDING: tuple[tuple[str, str], ...] = (
    (r"\bconsider(?:s|ing)?\b", "consider"),
    (
        r"(?<!soon )\b(?:where|as|if) (?:appropriate|necessary|possible|practicable)\b",
        "where appropriate",
    ),
    (r"\blook(?:s|ing)? into\b", "look into"),
    (r"\btr(?:y|ies|ying) to\b", "try to"),
    (r"\b(?:as soon as possible|asap|in due course|at some point)\b", "as soon as possible"),
    (r"\b(?:endeavour|seek|aim)s? to\b", "aim to"),
    (r"\b(?:explore|reflect on|think about)\b", "explore"),
)
MIN_ACTION_WORDS = 3


@dataclass(frozen=True)
class RecommendedAction:
    """One action the organisation is asked to take, as the investigator wrote it.

    `amount` is whole pounds. `decided_on` is the date of the decision the action belongs
    to: an action cannot fall due before it.
    """

    kind: RemedyKind | None
    action: str
    responsible: str
    evidence: str
    due_on: dt.date | None
    decided_on: dt.date
    amount: int | None = None
    payment_for: InjusticeKind | None = None
    others_affected: int | None = None
    how_found: str = ""


def vague_phrases(text: str) -> tuple[str, ...]:
    """The hedging phrases in `text`, each named once, in the order of `VAGUE_WORDING`."""
    return tuple(name for pattern, name in VAGUE_WORDING if re.search(pattern, text, re.I))


def _quoted(names: tuple[str, ...]) -> str:
    quoted = [f"“{name}”" for name in names]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def smart_problems(action: RecommendedAction) -> dict[str, str]:
    """What stops the action being SMART, by field; empty when it passes."""
    problems: dict[str, str] = {}
    if action.kind is None:
        problems["kind"] = "Choose the kind of remedy"
    checks = {
        "action": _action_problem(action.action),
        "responsible": (
            None if action.responsible.strip() else "Name the organisation that will do this"
        ),
        "evidence": _evidence_problem(action.evidence),
        "due_on": _due_problem(action.due_on, action.decided_on),
    }
    problems.update({field: message for field, message in checks.items() if message})
    problems.update(_payment_problems(action))
    if action.kind == RemedyKind.WIDER_INJUSTICE:
        problems.update(_wider_problems(action))
    return problems


def _action_problem(action: str) -> str | None:
    text = " ".join(action.split())
    if not text:
        return (
            "Say exactly what the organisation will do, for example “apologise in writing "
            "to Mrs X for the delay in assessing her needs”"
        )
    vague = vague_phrases(text)
    if vague:
        return (
            f"Remove {_quoted(vague)}: say exactly what the organisation will do, not what "
            "it might think about, for example “review its policy on school transport "
            "appeals and send us the revised policy”"
        )
    if len(text.split()) < MIN_ACTION_WORDS:
        return "Say what will be done and to what, for example “pay Mr X £300” rather than “pay”"
    return None


def _evidence_problem(evidence: str) -> str | None:
    if not evidence.strip():
        return (
            "Say how the organisation will show it has done this, for example a copy of "
            "the letter, proof of payment or the revised policy"
        )
    vague = vague_phrases(evidence)
    if vague:
        return f"Remove {_quoted(vague)} from the evidence: say what the organisation will send us"
    return None


def _due_problem(due_on: dt.date | None, decided_on: dt.date) -> str | None:
    if due_on is None:
        return "Enter the date by which this must be done"
    if due_on < decided_on:
        return (
            "The date this is due cannot be before the decision "
            f"({decided_on.day} {decided_on:%B %Y})"
        )
    return None


def _payment_problems(action: RecommendedAction) -> dict[str, str]:
    if action.kind not in FINANCIAL_KINDS:
        if action.amount is not None:
            return {"amount": "Only a payment has an amount: remove it or choose a kind of payment"}
        return {}
    problems = {}
    if action.amount is None or action.amount <= 0:
        problems["amount"] = "Enter the amount to pay, in whole pounds, more than £0"
    if action.kind == RemedyKind.SYMBOLIC_PAYMENT and (
        action.payment_for not in SYMBOLIC_INJUSTICE
    ):
        problems["payment_for"] = (
            "Say what the payment acknowledges: distress, lost opportunity, "
            "uncertainty, time and trouble or outrage"
        )
    return problems


def _wider_problems(action: RecommendedAction) -> dict[str, str]:
    problems = {}
    if action.others_affected is None or action.others_affected < 1:
        problems["others_affected"] = (
            "Say how many other people are likely to be affected; an estimate will do"
        )
    if not action.how_found.strip():
        problems["how_found"] = (
            "Say how the organisation will find the others affected, for example by "
            "checking its records of everyone who applied since a date"
        )
    return problems


def is_smart(action: RecommendedAction) -> bool:
    return not smart_problems(action)
