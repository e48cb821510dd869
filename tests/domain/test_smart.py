"""The SMART check of a recommended action: each omission gets its own plain message."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redress.domain.findings import InjusticeKind
from redress.domain.remedies import FINANCIAL_KINDS, RemedyKind
from redress.domain.smart import RecommendedAction, is_smart, smart_problems, vague_phrases

DECIDED = dt.date(2025, 1, 31)

APOLOGY = RecommendedAction(
    kind=RemedyKind.APOLOGY,
    action="Apologise in writing to Mrs X for the delay in assessing her care needs",
    responsible="Wessex County Council",
    evidence="A copy of the letter of apology",
    due_on=dt.date(2025, 2, 28),
    decided_on=DECIDED,
)
PAYMENT = dataclasses.replace(
    APOLOGY,
    kind=RemedyKind.SYMBOLIC_PAYMENT,
    action="Pay Mrs X £300 for the distress the delay caused",
    evidence="Proof of payment",
    amount=300,
    payment_for=InjusticeKind.DISTRESS,
)
WIDER = dataclasses.replace(
    APOLOGY,
    kind=RemedyKind.WIDER_INJUSTICE,
    action="Identify everyone whose blue badge renewal was refused without an assessment",
    evidence="A list of the people found and what was done for each",
    due_on=dt.date(2025, 4, 30),
    others_affected=40,
    how_found="Checking its records of every refusal since April 2023",
)
FULLY_SPECIFIED = (APOLOGY, PAYMENT, WIDER)


@pytest.mark.parametrize("action", FULLY_SPECIFIED, ids=lambda a: a.kind.value)
def test_a_fully_specified_action_passes(action: RecommendedAction) -> None:
    assert smart_problems(action) == {}
    assert is_smart(action)


@pytest.mark.parametrize(
    ("base", "changes", "field", "message"),
    [
        (APOLOGY, {"kind": None}, "kind", "Choose the kind of remedy"),
        (APOLOGY, {"action": "  "}, "action", "Say exactly what the organisation will do"),
        (APOLOGY, {"action": "Apologise"}, "action", "Say what will be done and to what"),
        (APOLOGY, {"responsible": ""}, "responsible", "Name the organisation that will do this"),
        (APOLOGY, {"evidence": ""}, "evidence", "Say how the organisation will show"),
        (APOLOGY, {"due_on": None}, "due_on", "Enter the date by which this must be done"),
        (
            APOLOGY,
            {"due_on": dt.date(2025, 1, 30)},
            "due_on",
            "The date this is due cannot be before the decision (31 January 2025)",
        ),
        (APOLOGY, {"amount": 200}, "amount", "Only a payment has an amount"),
        (PAYMENT, {"amount": None}, "amount", "Enter the amount to pay"),
        (PAYMENT, {"amount": 0}, "amount", "Enter the amount to pay"),
        (PAYMENT, {"amount": -50}, "amount", "Enter the amount to pay"),
        (PAYMENT, {"payment_for": None}, "payment_for", "Say what the payment acknowledges"),
        (
            PAYMENT,
            {"payment_for": InjusticeKind.FINANCIAL_LOSS},
            "payment_for",
            "Say what the payment acknowledges",
        ),
        (WIDER, {"others_affected": None}, "others_affected", "Say how many other people"),
        (WIDER, {"others_affected": 0}, "others_affected", "Say how many other people"),
        (WIDER, {"how_found": ""}, "how_found", "Say how the organisation will find"),
        (
            APOLOGY,
            {"evidence": "Something as appropriate"},
            "evidence",
            "Remove “where appropriate” from the evidence",
        ),
    ],
)
def test_each_omission_fails_with_its_own_message(
    base: RecommendedAction, changes: dict, field: str, message: str
) -> None:
    problems = smart_problems(dataclasses.replace(base, **changes))
    assert list(problems) == [field]
    assert problems[field].startswith(message)


def test_considering_a_review_with_no_date_or_evidence_is_not_smart() -> None:
    vague = dataclasses.replace(
        APOLOGY,
        kind=RemedyKind.SERVICE_IMPROVEMENT,
        action="Consider reviewing its procedures",
        evidence="",
        due_on=None,
    )
    problems = smart_problems(vague)
    assert set(problems) == {"action", "evidence", "due_on"}
    assert problems["action"].startswith("Remove “consider”: say exactly what")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Consider reviewing its procedures", ("consider",)),
        ("Review its procedures where appropriate", ("where appropriate",)),
        ("Look into the delays in its SEN team", ("look into",)),
        ("Try to issue the plan soon", ("try to",)),
        ("Issue the EHC plan as soon as possible", ("as soon as possible",)),
        ("Seek to improve communication", ("aim to",)),
        ("Explore training for officers", ("explore",)),
        (
            "Consider looking into this as soon as possible",
            ("consider", "look into", "as soon as possible"),
        ),
        ("Reconsider Mr X's application for a disabled facilities grant", ()),
        ("Pay Mrs X £300 for the distress caused", ()),
        ("Review its policy on school transport appeals", ()),
    ],
)
def test_vague_phrases(text: str, found: tuple[str, ...]) -> None:
    assert vague_phrases(text) == found


def test_several_vague_phrases_are_named_together() -> None:
    problems = smart_problems(
        dataclasses.replace(APOLOGY, action="Consider looking into it as soon as possible")
    )
    assert problems["action"].startswith(
        "Remove “consider”, “look into” and “as soon as possible”: say exactly"
    )


def test_a_due_date_on_the_decision_day_is_allowed() -> None:
    assert is_smart(dataclasses.replace(APOLOGY, due_on=DECIDED))


@pytest.mark.parametrize("kind", sorted(FINANCIAL_KINDS))
def test_every_payment_needs_an_amount(kind: RemedyKind) -> None:
    problems = smart_problems(dataclasses.replace(PAYMENT, kind=kind, amount=None))
    assert "amount" in problems


@given(
    st.sampled_from([f.name for f in dataclasses.fields(RecommendedAction)]),
    st.sampled_from(FULLY_SPECIFIED),
)
def test_blanking_any_required_field_is_reported_on_that_field(
    name: str, base: RecommendedAction
) -> None:
    blank: Any = "" if type(getattr(base, name)) is str else None
    if name == "decided_on" or getattr(base, name) is None or getattr(base, name) == "":
        return  # the decision date is not the investigator's to give; empty fields stay empty
    problems = smart_problems(dataclasses.replace(base, **{name: blank}))
    assert name in problems
    assert problems[name][0].isupper()
