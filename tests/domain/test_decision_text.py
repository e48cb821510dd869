"""The draft decision assembled from the case's facts and findings, in the §7 structure."""

from __future__ import annotations

import pytest

from redress.domain.decision_text import (
    CaseFacts,
    IssueFacts,
    Section,
    assemble_draft,
    name_in_decision,
)
from redress.domain.findings import Causation, Fault, Finding, InjusticeKind
from redress.domain.stages import Outcome

FACTS = CaseFacts(
    complainant="Ms Smith",
    organisation="Wessex County Council",
    summary="The council took four months to decide on my homelessness application.",
    outcome_sought="An apology and a decision",
    not_investigated="The council's later decision on suitability, which she can appeal",
    period="March 2024 to July 2024",
)
DELAY = IssueFacts(
    1,
    "The council delayed deciding the homelessness application",
    Finding(
        "The council took four months.",
        "The Housing Act 1996 and the Code of Guidance say it should decide promptly",
        Fault.YES,
        (InjusticeKind.DISTRESS, InjusticeKind.UNCERTAINTY),
        "She did not know where she would live for months",
        Causation.CAUSED,
    ),
)
LETTERS = IssueFacts(
    2,
    "The council did not answer her letters",
    Finding("The council replied to each letter.", "Its policy: 10 working days", Fault.NO),
)


def test_the_draft_has_the_nine_sections_in_order() -> None:
    draft = assemble_draft(
        facts=FACTS, issues=[DELAY, LETTERS], outcome=Outcome.UPHELD_FAULT_INJUSTICE
    )
    assert list(draft) == list(Section)
    assert [s.label for s in Section] == [
        "Summary",
        "The complaint",
        "What I have and have not investigated",
        "Legal and administrative background",
        "How I considered this complaint",
        "What I found",
        "Conclusions",
        "Agreed action",
        "Final decision",
    ]
    assert all(text.strip() for text in draft.values())


def test_the_draft_is_built_from_the_facts_and_each_finding() -> None:
    draft = assemble_draft(
        facts=FACTS, issues=[DELAY, LETTERS], outcome=Outcome.UPHELD_FAULT_INJUSTICE
    )
    assert "caused injustice to Ms Smith" in draft[Section.SUMMARY]
    assert FACTS.summary in draft[Section.COMPLAINT]
    assert "Ms Smith wants: An apology and a decision." in draft[Section.COMPLAINT]
    scope = draft[Section.SCOPE]
    assert "1. The council delayed deciding the homelessness application." in scope
    assert "from March 2024 to July 2024" in scope
    assert "I have not investigated: The council's later decision" in scope
    assert "Housing Act 1996" in draft[Section.BACKGROUND]
    found = draft[Section.FINDINGS]
    assert "I have found fault by Wessex County Council." in found
    assert "The injustice: distress and uncertainty." in found
    assert "The fault caused this injustice." in found
    assert "I have found no fault by Wessex County Council on this issue." in found
    conclusions = draft[Section.CONCLUSIONS]
    assert "On issue 1, fault by Wessex County Council caused injustice to Ms Smith." in conclusions
    assert "On issue 2, there was no fault" in conclusions
    assert "[For each action: what exactly, who does it" in draft[Section.AGREED_ACTION]


@pytest.mark.parametrize(
    ("outcome", "summary", "action"),
    [
        (Outcome.UPHELD_FAULT_INJUSTICE, "caused injustice", "has agreed to"),
        (Outcome.UPHELD_FAULT_NO_INJUSTICE, "did not cause", "not recommended a personal remedy"),
        (Outcome.NOT_UPHELD, "found no fault", "not recommended any action"),
    ],
)
def test_the_outcome_sets_the_summary_action_and_final_decision(
    outcome: Outcome, summary: str, action: str
) -> None:
    draft = assemble_draft(facts=FACTS, issues=[LETTERS], outcome=outcome)
    assert summary in draft[Section.SUMMARY]
    assert action in draft[Section.AGREED_ACTION]
    assert draft[Section.FINAL_DECISION].startswith("I have completed my investigation")


def test_only_an_investigation_outcome_can_be_drafted() -> None:
    with pytest.raises(ValueError, match="not the outcome of an investigation"):
        assemble_draft(facts=FACTS, issues=[LETTERS], outcome=Outcome.WITHDRAWN)


def test_fault_without_injustice_says_so_or_gives_the_investigator_s_reason() -> None:
    bare = IssueFacts(3, "Delay", Finding("Late", "On time", Fault.PARTLY))
    text = assemble_draft(facts=FACTS, issues=[bare], outcome=Outcome.UPHELD_FAULT_NO_INJUSTICE)
    assert "in part of what happened" in text[Section.FINDINGS]
    assert "This did not cause injustice." in text[Section.FINDINGS]


@pytest.mark.parametrize(
    ("title", "first", "last", "name"),
    [("Ms", "Sam", "Smith", "Ms Smith"), ("", "Sam", "Smith", "Sam Smith")],
)
def test_how_the_decision_names_the_person(title: str, first: str, last: str, name: str) -> None:
    assert name_in_decision(title=title, first_name=first, last_name=last) == name
