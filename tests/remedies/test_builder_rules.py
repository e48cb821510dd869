"""The remedy builder's domain rules: due dates left to the default, the words of the
"Agreed action" section, the numbered SMART problems and the search words."""

from __future__ import annotations

import datetime as dt

import pytest

from redress.domain.decision_text import CaseFacts, IssueFacts, Section, assemble_draft
from redress.domain.findings import Causation, Fault, Finding, InjusticeKind
from redress.domain.remedies import OfferRelation, RemedyKind
from redress.domain.remedy_builder import (
    PriorOffer,
    action_sentence,
    agreed_action_section,
    due_in_words,
    final_due_on,
    injustice_for_kind,
    injustice_paid_for,
    numbered_problems,
    search_words,
    with_default_due,
)
from redress.domain.smart import RecommendedAction
from redress.domain.stages import Outcome

DECIDED = dt.date(2026, 1, 31)


def action(kind: RemedyKind = RemedyKind.APOLOGY, **changes: object) -> RecommendedAction:
    values: dict[str, object] = {
        "kind": kind,
        "action": "Apologise in writing to Mrs X for the delay.",
        "responsible": "Wessex County Council",
        "evidence": "A copy of the letter",
        "due_on": None,
        "decided_on": DECIDED,
    }
    values.update(changes)
    return RecommendedAction(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "due"),
    [
        (RemedyKind.APOLOGY, dt.date(2026, 2, 28)),
        (RemedyKind.SYMBOLIC_PAYMENT, dt.date(2026, 2, 28)),
        (RemedyKind.SERVICE_IMPROVEMENT, dt.date(2026, 4, 30)),
        (RemedyKind.WIDER_INJUSTICE, dt.date(2026, 4, 30)),
    ],
)
def test_an_action_without_a_date_falls_due_the_usual_time_after_the_decision(
    kind: RemedyKind, due: dt.date
) -> None:
    assert with_default_due(action(kind)).due_on == due
    assert final_due_on(kind, None, DECIDED) == due
    assert final_due_on(kind, dt.date(2026, 3, 3), DECIDED) == dt.date(2026, 3, 3)


@pytest.mark.parametrize(
    ("kind", "due_on", "words"),
    [
        (RemedyKind.APOLOGY, None, "Within one month of the final decision"),
        (RemedyKind.SERVICE_IMPROVEMENT, None, "Within three months of the final decision"),
        (RemedyKind.APOLOGY, dt.date(2026, 3, 2), "By 2 March 2026"),
    ],
)
def test_when_an_action_is_due_in_words(
    kind: RemedyKind, due_on: dt.date | None, words: str
) -> None:
    assert due_in_words(action(kind, due_on=due_on)) == words


@pytest.mark.parametrize(
    ("kind", "payment_for", "expected"),
    [
        (RemedyKind.REIMBURSEMENT, None, InjusticeKind.FINANCIAL_LOSS),
        (RemedyKind.LOST_SERVICE_PAYMENT, InjusticeKind.DISTRESS, InjusticeKind.LOST_SERVICE),
        (RemedyKind.SYMBOLIC_PAYMENT, InjusticeKind.OUTRAGE, InjusticeKind.OUTRAGE),
        (RemedyKind.APOLOGY, InjusticeKind.DISTRESS, None),
    ],
)
def test_what_a_payment_is_for(
    kind: RemedyKind, payment_for: InjusticeKind | None, expected: InjusticeKind | None
) -> None:
    assert injustice_paid_for(kind, payment_for) == expected


def test_the_injustice_each_kind_of_payment_can_be_for() -> None:
    assert injustice_for_kind(RemedyKind.REIMBURSEMENT) == (InjusticeKind.FINANCIAL_LOSS,)
    assert InjusticeKind.DISTRESS in injustice_for_kind(RemedyKind.SYMBOLIC_PAYMENT)
    assert InjusticeKind.FINANCIAL_LOSS not in injustice_for_kind(RemedyKind.SYMBOLIC_PAYMENT)
    assert injustice_for_kind(RemedyKind.APOLOGY) == ()


def test_an_action_reads_as_a_sentence_with_who_what_when_and_evidence() -> None:
    text = action_sentence(action())
    assert text == (
        "Within one month of the final decision, Wessex County Council will apologise in "
        "writing to Mrs X for the delay. It will send us a copy of the letter as evidence."
    )


def test_a_payment_names_its_amount_once() -> None:
    payment = action(
        RemedyKind.SYMBOLIC_PAYMENT,
        action="Pay Mrs X for the distress caused.",
        amount=300,
        payment_for=InjusticeKind.DISTRESS,
    )
    assert "(£300 for distress)" in action_sentence(payment)
    named = action(RemedyKind.SYMBOLIC_PAYMENT, action="Pay Mrs X £300.", amount=300)
    assert action_sentence(named).count("£300") == 1


def test_finding_others_says_how_many_and_how() -> None:
    wider = action(
        RemedyKind.WIDER_INJUSTICE,
        action="Review every homelessness decision made since March 2025.",
        others_affected=12,
        how_found="Checking its records of applications",
    )
    assert "About 12 other people may have been affected" in action_sentence(wider)
    assert "checking its records of applications" in action_sentence(wider)


def test_the_agreed_action_section_numbers_actions_and_states_the_offer() -> None:
    payment = action(RemedyKind.SYMBOLIC_PAYMENT, action="Pay Mrs X £500.", amount=500)
    section = agreed_action_section(
        organisation="the Council",
        actions=[action(), payment],
        offers=[PriorOffer("£200 for the delay", 200, OfferRelation.REPLACES)],
    )
    assert section.startswith("To remedy the injustice caused, the Council has agreed")
    assert "\n1. Within one month" in section
    assert "\n2. Within one month" in section
    assert "Our £500 replaces, not adds to, the £200 the Council offered." in section
    added = agreed_action_section(
        organisation="the Council",
        actions=[action()],
        offers=[PriorOffer("An apology by phone", None, OfferRelation.ADDS_TO)],
    )
    assert "in addition to what the Council offered before: an apology by phone." in added
    assert agreed_action_section(organisation="the Council", actions=[], offers=[]) == ""


def test_the_draft_takes_the_builder_s_section_when_there_is_one() -> None:
    finding = Finding(
        what_happened="Delay.",
        what_should_have_happened="Within 33 days.",
        fault=Fault.YES,
        injustice_kinds=(InjusticeKind.DISTRESS,),
        injustice="Worry.",
        causation=Causation.CAUSED,
    )
    facts = CaseFacts(complainant="Ms Smith", organisation="the Council", summary="Delay.")
    issues = [IssueFacts(1, "Delay", finding)]
    built = assemble_draft(
        facts=facts,
        issues=issues,
        outcome=Outcome.UPHELD_FAULT_INJUSTICE,
        agreed_action="1. Apologise.",
    )
    assert built[Section.AGREED_ACTION] == "1. Apologise."
    plain = assemble_draft(facts=facts, issues=issues, outcome=Outcome.UPHELD_FAULT_INJUSTICE)
    assert "[For each action" in plain[Section.AGREED_ACTION]


def test_smart_problems_are_numbered_and_a_missing_date_is_not_one() -> None:
    vague = action(action="Consider reviewing its letters.", evidence="")
    problems = numbered_problems([action(), vague])
    assert problems
    assert all(line.startswith("Action 2: ") for line in problems)
    assert not any("date" in line for line in problems)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "The Council DELAYED the plan; the plan was late.",
            ("council", "delayed", "plan", "late"),
        ),
        ("a an of to it", ()),
        ('Say "OR" NEAR(x) * -', ("say", "near")),
    ],
)
def test_search_words_are_distinct_telling_and_plain(text: str, words: tuple[str, ...]) -> None:
    assert search_words(text) == words
