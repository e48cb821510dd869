"""What caseworkers write: notes, contact summaries and the reasons for each change of stage.

Every text is one line with no tabs or backslashes (the PostgreSQL writer streams them into
COPY unescaped); `all_texts` lists them all for the test that checks so.
"""

from __future__ import annotations

from redress.domain.stages import Outcome, ReasonCode, Stage

from . import complaints

NOTES: dict[str, tuple[str, ...]] = {
    Stage.INTAKE: (
        "Checked the complaint has been through the organisation's complaints procedure; final "
        "response on file.",
        "Called the complainant to clarify what the complaint is about and what outcome is sought.",
        "Complaint form incomplete: asked the complainant for the organisation's final response.",
        "Checked the organisation is in jurisdiction and the complaint is in time.",
    ),
    Stage.ASSESSMENT: (
        "Made initial enquiries of the organisation and asked for its complaint file.",
        "Read the organisation's response. The key question is whether it followed its own policy.",
        "Discussed with the assessment manager: likely fault but the injustice may be limited.",
        "Considered whether a tribunal appeal was reasonably available; it was not in this case.",
        "The complaint is late but there is good reason: the complainant was in hospital.",
    ),
    Stage.INVESTIGATION: (
        "Investigation plan agreed: key documents are the care records and the assessment.",
        "Enquiry letter sent to the organisation with a response due in 20 working days.",
        "Organisation's response received; follow-up questions about the review dates.",
        "Spoke to the complainant to go through the chronology.",
        "Considered the guidance on remedies for distress and time and trouble.",
        "Investigation taking longer than planned: waiting for records from the organisation; "
        "told both parties why.",
    ),
    Stage.DRAFT_DECISION: (
        "Draft decision shared with both parties; comments due in 10 working days.",
        "Complainant asked for more time to comment: agreed an extra week.",
        "Organisation accepts the draft recommendations.",
    ),
    Stage.DECIDED: ("Final decision issued; agreed actions set up for compliance monitoring.",),
    Stage.COMPLIANCE: (
        "Evidence of the apology letter received and checked.",
        "Payment confirmed by the organisation's finance team.",
        "Chased the organisation for evidence of the service improvement.",
        "All agreed actions completed and evidenced.",
    ),
}

# What contacts at each stage say, in the order the planner uses them (see
# plan.CaseFactory._contacts for who each is to or from).
CONTACTS: dict[str, tuple[str, ...]] = {
    Stage.INTAKE: (
        "Acknowledged the complaint and explained what happens next.",
        "Sent the organisation's final complaint response.",
        "Asked how long the assessment will take.",
    ),
    Stage.ASSESSMENT: (
        "Asked for the complaint file and key documents.",
        "Sent the complaint file and a chronology.",
        "Sent further evidence: photographs and letters.",
        "Explained our assessment and the reasons for it.",
    ),
    Stage.INVESTIGATION: (
        "Progress update: still gathering evidence from the organisation.",
        "Progress update and reminder that the response is due.",
        "Response to our enquiries with supporting records.",
        "Asked for an update on the investigation.",
        "Progress update: considering the evidence; decision expected soon.",
    ),
    Stage.DRAFT_DECISION: (
        "Sent the draft decision for comment.",
        "Sent the draft decision and proposed remedy for comment.",
        "Comments on the draft decision.",
        "Accepts the draft decision and the recommendations.",
    ),
    Stage.DECIDED: (
        "Sent the final decision.",
        "Sent the final decision with the agreed actions and dates.",
    ),
    Stage.COMPLIANCE: (
        "Evidence of completed actions.",
        "Reminder: evidence of the agreed actions is due.",
        "Confirms the payment was received.",
    ),
}

CLOSING_LETTER = "Sent our decision letter explaining the outcome."

REASON_RECEIVED = "Complaint received"
REASON_TO_ASSESSMENT = (
    "Complete complaint; the organisation's own procedure has finished. Passed for assessment.",
    "Valid complaint in jurisdiction; passed for assessment.",
)
REASON_TO_INVESTIGATION = (
    "Likely fault causing significant injustice; allocated for investigation.",
    "Initial enquiries suggest fault and the organisation's remedy is not enough; allocated.",
)
REASON_TO_DRAFT = ("Draft decision shared with both parties for comment.",)
REASON_DRAFT_RETURN = ("Comments on the draft raised new evidence; further enquiries needed.",)
REASON_TO_DECIDED = ("Comments considered; final decision issued.",)
REASON_DECIDED_TO_COMPLIANCE = ("Agreed actions set up for monitoring.",)
REASON_DECIDED_CLOSE = ("No agreed actions to monitor.",)
REASON_COMPLIANCE_CLOSE = ("All agreed actions completed and evidenced.",)
REASON_EARLY_RESOLUTION = (
    "The organisation agreed a proportionate remedy without an investigation.",
)
REASON_REOPEN = ("Post-decision review upheld: the decision is to be looked at again.",)

REASON_FOR_OUTCOME: dict[Outcome, str] = {
    Outcome.INCOMPLETE_INVALID: "No response to our request for the information we need.",
    Outcome.ADVICE_GIVEN: "Explained what we can and cannot do and what the person can do next.",
    Outcome.REFERRED_BACK: (
        "The organisation has not had the chance to answer; told the person how to complain "
        "to it and that they can come back to us."
    ),
    Outcome.SIGNPOSTED: "Another body is better placed to help; gave its details.",
    Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES: "Not taken on after initial enquiries.",
    Outcome.UPHELD_REMEDY_PROVIDED: (
        "The organisation accepted fault and has already provided a satisfactory remedy."
    ),
    Outcome.UPHELD_FAULT_INJUSTICE: "Fault causing injustice; remedy agreed.",
    Outcome.UPHELD_FAULT_NO_INJUSTICE: "Fault found but it did not cause injustice.",
    Outcome.NOT_UPHELD: "No fault found.",
    Outcome.WITHDRAWN: "The complainant withdrew the complaint.",
    Outcome.DISCONTINUED: "Further investigation would not achieve anything more.",
}

REASON_CODE_PHRASES: dict[ReasonCode, str] = {
    ReasonCode.LATE: "made more than 12 months after the person knew of it",
    ReasonCode.ALT_TRIBUNAL: "a tribunal appeal is available",
    ReasonCode.ALT_COURT: "the courts are the right place",
    ReasonCode.COURT_PROCEEDINGS: "it is about court proceedings",
    ReasonCode.ALREADY_APPEALED: "the person has already appealed",
    ReasonCode.PREMATURE: "the organisation has not had the chance to respond",
    ReasonCode.NO_FAULT_LIKELY: "not enough evidence of fault",
    ReasonCode.INJUSTICE_NOT_SIGNIFICANT: "the injustice is not significant enough",
    ReasonCode.REMEDY_ALREADY_ADEQUATE: "the organisation's remedy is enough",
    ReasonCode.CANNOT_ACHIEVE: "we cannot achieve the outcome sought",
    ReasonCode.COMPLAINT_HANDLING_ONLY: "it is only about complaint handling",
    ReasonCode.MERITS_ONLY: "it disagrees with a decision properly made",
    ReasonCode.OUT_OF_JURISDICTION: "it is outside our jurisdiction",
}

STAFF_EMAIL_DOMAIN = "ombudsman.example"


def all_texts() -> list[str]:
    """Every fixed text, for the check that none would break a COPY stream."""
    texts: list[str] = []
    for group in (complaints.SUMMARIES, complaints.OUTCOMES_SOUGHT, NOTES):
        for items in group.values():
            texts.extend(items)
    texts.extend(complaints.IMPACTS)
    for contacts in CONTACTS.values():
        texts.extend(contacts)
    texts.extend(REASON_FOR_OUTCOME.values())
    texts.extend(REASON_CODE_PHRASES.values())
    for reasons in (
        REASON_TO_ASSESSMENT,
        REASON_TO_INVESTIGATION,
        REASON_TO_DRAFT,
        REASON_DRAFT_RETURN,
        REASON_TO_DECIDED,
        REASON_DECIDED_TO_COMPLIANCE,
        REASON_DECIDED_CLOSE,
        REASON_COMPLIANCE_CLOSE,
        REASON_EARLY_RESOLUTION,
        REASON_REOPEN,
    ):
        texts.extend(reasons)
    texts.extend((CLOSING_LETTER, REASON_RECEIVED))
    return texts
