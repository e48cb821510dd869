"""The first draft of a decision, assembled from the case's facts and the findings.

A decision statement has nine sections in a fixed order (DOMAIN.md §7). The draft is a
starting point written in plain words in the first person ("I found ..."); the
investigator edits every section before it is shared. Placeholders in square brackets
mark what only the investigator can write.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .findings import DECISION_OUTCOMES, Causation, Fault, Finding, issue_outcome
from .stages import LabelledEnum, Outcome


class Section(LabelledEnum):
    SUMMARY = "summary", "Summary"
    COMPLAINT = "complaint", "The complaint"
    SCOPE = "scope", "What I have and have not investigated"
    BACKGROUND = "background", "Legal and administrative background"
    CONSIDERATION = "consideration", "How I considered this complaint"
    FINDINGS = "findings", "What I found"
    CONCLUSIONS = "conclusions", "Conclusions"
    AGREED_ACTION = "agreed_action", "Agreed action"
    FINAL_DECISION = "final_decision", "Final decision"


@dataclass(frozen=True)
class IssueFacts:
    number: int
    description: str
    finding: Finding


@dataclass(frozen=True)
class CaseFacts:
    complainant: str  # as the decision names them, e.g. "Ms Smith"
    organisation: str
    summary: str
    outcome_sought: str = ""
    not_investigated: str = ""
    period: str = ""  # e.g. "March 2024 to January 2025"; empty if not agreed


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else f"{text}."


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


_OUTCOME_SUMMARY = {
    Outcome.UPHELD_FAULT_INJUSTICE: (
        "I have found fault by {org}, which caused injustice to {who}. {org} has agreed "
        "to the action set out at the end of this decision to put things right."
    ),
    Outcome.UPHELD_FAULT_NO_INJUSTICE: (
        "I have found fault by {org}, but it did not cause {who} an injustice that needs a remedy."
    ),
    Outcome.NOT_UPHELD: "I have found no fault by {org}, so I have completed my investigation.",
}

_OUTCOME_FINAL = {
    Outcome.UPHELD_FAULT_INJUSTICE: (
        "I have completed my investigation. There was fault by {org} which caused "
        "injustice to {who}. The action {org} has agreed to take is a suitable remedy."
    ),
    Outcome.UPHELD_FAULT_NO_INJUSTICE: (
        "I have completed my investigation. There was fault by {org}, but it did not "
        "cause {who} an injustice that needs a remedy."
    ),
    Outcome.NOT_UPHELD: (
        "I have completed my investigation. I have not upheld the complaint because I "
        "found no fault by {org}."
    ),
}


def _complaint(facts: CaseFacts) -> str:
    sought = (
        f"{facts.complainant} wants: {_sentence(facts.outcome_sought)}"
        if facts.outcome_sought.strip()
        else ""
    )
    return _paragraphs(f"{facts.complainant} complained that:", facts.summary, sought)


def _scope(facts: CaseFacts, issues: Sequence[IssueFacts]) -> str:
    listed = "\n".join(f"{i.number}. {_sentence(i.description)}" for i in issues)
    period = f"I have looked at what happened from {facts.period}." if facts.period else ""
    not_done = (
        f"I have not investigated: {_sentence(facts.not_investigated)}"
        if facts.not_investigated.strip()
        else ""
    )
    return _paragraphs(
        "I have investigated these parts of the complaint:", listed, period, not_done
    )


def _background(issues: Sequence[IssueFacts]) -> str:
    rules = [f"Issue {i.number}: {_sentence(i.finding.what_should_have_happened)}" for i in issues]
    return _paragraphs(
        "We investigate complaints about 'fault' and decide whether it caused injustice. "
        "We decide on the balance of probabilities: what is more likely than not to have "
        "happened.",
        "The law, guidance and policy that apply:",
        "\n".join(rules),
    )


_CONSIDERATION = (
    "I considered what {who} told us and the information {org} gave in reply to my "
    "enquiries. I also considered the law, guidance and policy set out above.\n\n"
    "{who} and {org} had the chance to comment on my draft decision. I considered any "
    "comments received before making a final decision.\n\n"
    "[Add the documents you considered and anyone you spoke to.]"
)


def _finding_text(issue: IssueFacts, org: str) -> str:
    f = issue.finding
    lines = [
        f"Issue {issue.number}: {_sentence(issue.description)}",
        f"What happened: {_sentence(f.what_happened)}",
        f"What should have happened: {_sentence(f.what_should_have_happened)}",
    ]
    if f.fault == Fault.NO:
        lines.append(f"I have found no fault by {org} on this issue.")
    else:
        partly = " in part of what happened" if f.fault == Fault.PARTLY else ""
        lines.append(f"I have found fault by {org}{partly}.")
        if f.injustice_kinds and f.causation is not None:
            kinds = _join([kind.label.lower() for kind in f.injustice_kinds])
            lines.append(f"The injustice: {kinds}. {_sentence(f.injustice)}")
            lines.append(_CAUSATION[f.causation])
        else:
            lines.append(
                _sentence(f.injustice) if f.injustice.strip() else "This did not cause injustice."
            )
    return "\n".join(lines)


_CAUSATION = {
    Causation.CAUSED: "The fault caused this injustice.",
    Causation.PARTLY_CAUSED: "The fault caused some of this injustice, but not all of it.",
    Causation.NOT_CAUSED: "This injustice was not caused by the fault I found.",
}


def _conclusions(issues: Sequence[IssueFacts], org: str, who: str) -> str:
    paragraphs = []
    for issue in issues:
        outcome = issue_outcome(issue.finding)
        if outcome == Outcome.UPHELD_FAULT_INJUSTICE:
            text = f"fault by {org} caused injustice to {who}"
        elif outcome == Outcome.UPHELD_FAULT_NO_INJUSTICE:
            text = f"there was fault by {org}, but it did not cause {who} injustice"
        else:
            text = f"there was no fault by {org}"
        paragraphs.append(f"On issue {issue.number}, {text}.")
    return "\n".join(paragraphs)


def _agreed_action(outcome: Outcome, org: str) -> str:
    if outcome == Outcome.UPHELD_FAULT_INJUSTICE:
        return _paragraphs(
            f"To remedy the injustice caused, {org} has agreed to:",
            "[For each action: what exactly, who does it, how it will show it has done it, "
            "and by when. Apologies and payments are usually due within one month of the "
            "final decision; service improvements within three months.]",
            f"{org} should give us evidence it has done these things.",
        )
    if outcome == Outcome.UPHELD_FAULT_NO_INJUSTICE:
        return _paragraphs(
            "I have not recommended a personal remedy because the fault did not cause injustice.",
            "[If others could be affected by similar fault, add the service improvement "
            f"{org} has agreed to, with a date.]",
        )
    return "I have not recommended any action because I found no fault."


def assemble_draft(
    *, facts: CaseFacts, issues: Sequence[IssueFacts], outcome: Outcome, agreed_action: str = ""
) -> dict[Section, str]:
    """Every section of the draft decision, in order, as plain text paragraphs.

    `agreed_action` is the section written from the remedy builder's actions, if there
    are any; without it the section is a prompt for the investigator to fill in.
    """
    if outcome not in DECISION_OUTCOMES:
        raise ValueError(f"{outcome.label} is not the outcome of an investigation.")
    org, who = facts.organisation, facts.complainant
    return {
        Section.SUMMARY: _OUTCOME_SUMMARY[outcome].format(org=org, who=who),
        Section.COMPLAINT: _complaint(facts),
        Section.SCOPE: _scope(facts, issues),
        Section.BACKGROUND: _background(issues),
        Section.CONSIDERATION: _CONSIDERATION.format(org=org, who=who),
        Section.FINDINGS: "\n\n".join(_finding_text(issue, org) for issue in issues),
        Section.CONCLUSIONS: _conclusions(issues, org, who),
        Section.AGREED_ACTION: agreed_action.strip() or _agreed_action(outcome, org),
        Section.FINAL_DECISION: _OUTCOME_FINAL[outcome].format(org=org, who=who),
    }


def name_in_decision(*, title: str, first_name: str, last_name: str) -> str:
    """How a decision names the person: "Ms Smith", or "Sam Smith" with no title."""
    if title.strip():
        return f"{title.strip()} {last_name.strip()}"
    return f"{first_name.strip()} {last_name.strip()}".strip()
