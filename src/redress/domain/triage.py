"""Triage at intake: what the facts of a complaint suggest, each with its reason in plain words.

Suggestions never decide. An intake officer reads them, accepts or overrides each (an
override needs a reason) and makes the decision; `check_verdicts` says whether the
verdicts fit that decision. Every rule here works from values the caller passes in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .categories import Category, OrganisationType
from .stages import LabelledEnum, Outcome, ReasonCode, Stage

DUPLICATE_WINDOW = dt.timedelta(days=90)
LATE_AFTER_MONTHS = 12
# Share of distinct words two complaints have in common (Jaccard) to call them similar.
SIMILAR_TEXT = 0.35


class SuggestionCode(LabelledEnum):
    OUT_OF_JURISDICTION = ReasonCode.OUT_OF_JURISDICTION.value, "Out of jurisdiction"
    ALT_TRIBUNAL = ReasonCode.ALT_TRIBUNAL.value, "Tribunal available"
    PREMATURE = ReasonCode.PREMATURE.value, "Premature"
    LATE = ReasonCode.LATE.value, "Late"
    DUPLICATE = "DUPLICATE", "Possible duplicate"

    @property
    def reason_code(self) -> ReasonCode | None:
        """The reason code that accepting this suggestion records (a duplicate has none)."""
        return None if self is SuggestionCode.DUPLICATE else ReasonCode(self.value)


# Accepting one of these means the complaint is not taken on now.
NOT_TAKEN_ON = frozenset(
    {SuggestionCode.OUT_OF_JURISDICTION, SuggestionCode.ALT_TRIBUNAL, SuggestionCode.PREMATURE}
)


@dataclass(frozen=True)
class Body:
    """Another body that may help. Reference data, spelled out here for the letters."""

    key: str
    name: str
    url: str


_GOV_UK = "https://www.gov.uk"
HOUSING_OMBUDSMAN = Body(
    "housing", "Housing Ombudsman Service", "https://www.housing-ombudsman.org.uk"
)
PHSO = Body("phso", "Parliamentary and Health Service Ombudsman", "https://www.ombudsman.org.uk")
IOPC = Body("iopc", "Independent Office for Police Conduct", "https://www.policeconduct.gov.uk")
ACAS = Body(
    "acas", "Acas (Advisory, Conciliation and Arbitration Service)", "https://www.acas.org.uk"
)
TRAFFIC_PENALTY_TRIBUNAL = Body(
    "tpt", "Traffic Penalty Tribunal", "https://www.trafficpenaltytribunal.gov.uk"
)
LONDON_TRIBUNALS = Body("london", "London Tribunals", "https://www.londontribunals.gov.uk")
SEND_TRIBUNAL = Body(
    "send",
    "First-tier Tribunal (Special Educational Needs and Disability)",
    f"{_GOV_UK}/courts-tribunals/first-tier-tribunal-special-educational-needs-and-disability",
)
VALUATION_TRIBUNAL = Body(
    "vte", "Valuation Tribunal for England", "https://www.valuationtribunal.gov.uk"
)
BENEFITS_TRIBUNAL = Body(
    "sscs",
    "First-tier Tribunal (Social Security and Child Support)",
    f"{_GOV_UK}/appeal-benefit-decision",
)
BODIES = (
    HOUSING_OMBUDSMAN,
    PHSO,
    IOPC,
    ACAS,
    TRAFFIC_PENALTY_TRIBUNAL,
    LONDON_TRIBUNALS,
    SEND_TRIBUNAL,
    VALUATION_TRIBUNAL,
    BENEFITS_TRIBUNAL,
)
BODIES_BY_NAME = {body.name: body for body in BODIES}


@dataclass(frozen=True)
class Candidate:
    """An earlier case that might be the same complaint, as the caller found it."""

    reference: str
    received_on: dt.date
    same_person: bool
    same_organisation: bool
    similarity: float  # 0 to 1, from `text_similarity`
    stage: Stage = Stage.INTAKE
    outcome: Outcome | None = None
    # Whether the officer may open it; a restricted (sensitive) one they may not see is
    # never named to them, only reported so that they ask a manager.
    visible: bool = True
    restricted: bool = False


@dataclass(frozen=True)
class ComplaintFacts:
    organisation_name: str
    organisation_type: OrganisationType
    category: Category
    subcategory: str  # "<category>.<name>" or ""
    text: str  # what happened and the outcome wanted
    received_on: dt.date
    # None when not known (not asked, or not answered).
    complained_to_organisation: bool | None = None
    final_response_received: bool | None = None
    final_response_on: dt.date | None = None
    first_knew_on: dt.date | None = None
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    code: SuggestionCode
    why: str
    body: Body | None = None  # where to signpost the person, if anywhere
    duplicate_of: str = ""  # the earlier case's reference

    @property
    def key(self) -> str:
        """Names this suggestion on a form and in the record of the decision."""
        if self.duplicate_of:
            return f"{self.code.value}-{re.sub(r'[^0-9]', '', self.duplicate_of)}"
        return f"{self.code.value}-{self.body.key}" if self.body else self.code.value


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` earlier, or the month's last day if it is shorter."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (following - dt.timedelta(days=1)).day))


_WORD = re.compile(r"[a-z0-9]+")
_STOPWORD_TEXT = (
    "a about after all also am an and any are as at be been but by can could did do for from "
    "had has have he her him his how i if in into is it its me my no not of on or our she so "
    "that the their them then there they this to us was we were what when which who will with "
    "would you your"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def _words(text: str) -> frozenset[str]:
    # A light stem (drop a final "s") so "letters" and "letter" count as one word.
    return frozenset(
        w[:-1] if len(w) > 3 and w.endswith("s") else w
        for w in _WORD.findall(text.lower())
        if w not in _STOPWORDS and len(w) > 1
    )


def text_similarity(first: str, second: str) -> float:
    """The share of distinct words the two texts have in common (0 to 1)."""
    a, b = _words(first), _words(second)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _mentions(text: str, *patterns: str) -> bool:
    """Whether any pattern occurs at the start of a word (add a trailing \\b for whole words)."""
    return any(re.search(rf"\b{p}", text, re.IGNORECASE) for p in patterns)


_SOCIAL_LANDLORD = (
    "housing association",
    "council tenant",
    "social (housing|landlord)",
    r"council (flat|house)\b",
)
# Landlord matters count only when no council housing service was named as the sub-category.
_LANDLORD_MATTERS = ("repair", "damp", "mould", "tenancy", "my landlord", "rent arrears")
_NHS = (r"nhs\b", r"gps?\b", "hospital", "doctor'?s surgery", "integrated care board", "ambulance")
_NHS_BODY = (r"nhs\b", "hospital", "surgery", r"medical (centre|practice)", "integrated care board")
_PERSONNEL = (
    "my employer",
    r"my (job|post)\b",
    "my employment",
    "unfair dismissal",
    "dismissed from my",
    "as an employee",
    "my grievance",
)
_DWP_BENEFITS = ("universal credit", r"pip\b", "personal independence payment", r"dwp\b", r"esa\b")


def _jurisdiction(facts: ComplaintFacts, text: str) -> Iterable[Suggestion]:
    code = SuggestionCode.OUT_OF_JURISDICTION
    org = facts.organisation_name
    if _mentions(org, "parish council", "town council"):
        yield Suggestion(
            code,
            f"{org} is a parish or town council, which no ombudsman covers. Complaints about "
            "a parish councillor's conduct go to the district or unitary council's "
            "monitoring officer.",
        )
    landlord_matter = not facts.subcategory and _mentions(text, *_LANDLORD_MATTERS)
    if _mentions(org, "housing (association|trust|group)") or (
        facts.category == Category.HOUSING
        and (_mentions(text, *_SOCIAL_LANDLORD) or landlord_matter)
    ):
        yield Suggestion(
            code,
            "It reads as a complaint about a social landlord managing a home (repairs, "
            "tenancy, rent), which is for the Housing Ombudsman. Homelessness and "
            "allocations stay with us.",
            HOUSING_OMBUDSMAN,
        )
    if _mentions(org, *_NHS_BODY) or _mentions(text, *_NHS):
        why = (
            "It mentions the NHS, a hospital or a GP: complaints about NHS care go to the "
            "Parliamentary and Health Service Ombudsman."
        )
        if facts.category == Category.ADULT_CARE:
            why += (
                " If part is about the council's or a care provider's social care, we can "
                "look at that part, jointly with the PHSO."
            )
        yield Suggestion(code, why, PHSO)
    if _mentions(text, "police") and _mentions(text, "crim", "investigat", "arrest"):
        yield Suggestion(
            code,
            "It is about the police's handling of a crime, which we cannot investigate: the "
            "force's professional standards department, then the IOPC, deal with it.",
            IOPC,
        )
    if _mentions(text, *_PERSONNEL):
        yield Suggestion(
            code,
            "It looks like a personnel matter (employment, discipline, dismissal), which the "
            "law puts outside what we can investigate; Acas and employment tribunals can help.",
            ACAS,
        )


def _tribunals(facts: ComplaintFacts, text: str) -> Iterable[Suggestion]:
    code = SuggestionCode.ALT_TRIBUNAL
    sub = facts.subcategory
    if sub == "highways.parking" or _mentions(
        text, "penalty charge", r"pcn\b", r"parking (ticket|fine)", r"bus lane (fine|penalty)"
    ):
        london = facts.organisation_type == OrganisationType.LONDON_BOROUGH or _mentions(
            facts.organisation_name, "london", "westminster"
        )
        body = LONDON_TRIBUNALS if london else TRAFFIC_PENALTY_TRIBUNAL
        yield Suggestion(
            code,
            f"It is about a parking or traffic penalty: after challenging it with the council, "
            f"the person can appeal to {body.name}.",
            body,
        )
    if sub == "education.special_educational_needs" or _mentions(
        text, r"ehcp?\b", "education, health and care plan"
    ):
        yield Suggestion(
            code,
            "It is about special educational needs. The SEND tribunal hears appeals about "
            "refusals to assess, refusals to issue a plan and what a plan says; delay and "
            "failure to deliver the provision stay with us.",
            SEND_TRIBUNAL,
        )
    taxed = sub in ("benefits_tax.council_tax", "benefits_tax.business_rates")
    if _mentions(text, "council tax (band|reduction|support)", "rateable value") or (
        taxed and _mentions(text, r"band\b", "liab", "exempt", "discount", "valuation")
    ):
        yield Suggestion(
            code,
            "Council tax bands, liability, discounts and council tax reduction can be "
            "appealed to the Valuation Tribunal.",
            VALUATION_TRIBUNAL,
        )
    if (sub == "benefits_tax.housing_benefit" and not _mentions(text, "council tax")) or _mentions(
        text, *_DWP_BENEFITS
    ):
        yield Suggestion(
            code,
            "Benefit decisions (entitlement, amount, overpayments) can be appealed to the "
            "benefits tribunal after a reconsideration.",
            BENEFITS_TRIBUNAL,
        )


def _premature(facts: ComplaintFacts) -> Suggestion | None:
    org = facts.organisation_name
    if facts.complained_to_organisation is False:
        why = f"They say they have not complained to {org} yet."
    elif facts.final_response_received is False:
        why = f"They complained to {org} but have not had its final response."
    else:
        return None
    return Suggestion(
        SuggestionCode.PREMATURE,
        f"{why} It should have the chance to put things right first: refer the complaint "
        "back, telling them how to complain and that they can come back to us. If they "
        "complained long ago and had no reply, it may already have had that chance.",
    )


def _late(facts: ComplaintFacts, today: dt.date) -> Suggestion | None:
    knew = facts.first_knew_on
    limit = months_before(facts.received_on, LATE_AFTER_MONTHS)
    if knew is None or knew > today or knew >= limit:
        return None
    why = (
        f"They first knew of the matter on {_date(knew)}, more than 12 months before we "
        f"received the complaint on {_date(facts.received_on)}. We take it on only for a "
        "good reason."
    )
    response = facts.final_response_on
    if response is not None and limit <= response <= facts.received_on:
        why += (
            f" The organisation's final response came on {_date(response)}: time spent on "
            "its complaints procedure is often a good reason."
        )
    return Suggestion(SuggestionCode.LATE, why)


def _duplicates(facts: ComplaintFacts) -> Iterable[Suggestion]:
    restricted_reported = False
    for c in sorted(facts.candidates, key=lambda c: (c.received_on, c.reference)):
        gap = abs((facts.received_on - c.received_on).days)
        if not (c.same_person and c.same_organisation and c.similarity >= SIMILAR_TEXT):
            continue
        if gap > DUPLICATE_WINDOW.days:
            continue
        if not c.visible and c.restricted:
            if not restricted_reported:
                restricted_reported = True
                yield Suggestion(
                    SuggestionCode.DUPLICATE,
                    "A restricted case you cannot open, from the same person about the same "
                    f"organisation, was received on {_date(c.received_on)} with similar "
                    "words. Ask a manager whether this repeats it.",
                )
            continue
        held = "" if c.visible else ", held by another team,"
        why = (
            f"Case {c.reference}{held} from the same person about the same organisation was "
            f"received on {_date(c.received_on)}, and {round(c.similarity * 100)}% of the "
            "words are the same."
        )
        if c.outcome is Outcome.REFERRED_BACK:
            why += (
                " That case was referred back for local resolution: this may be the person "
                "coming back after the organisation's answer, which is not a duplicate."
            )
        elif c.stage is not Stage.CLOSED:
            why += f" It is still open, at {c.stage.label.lower()}."
        yield Suggestion(SuggestionCode.DUPLICATE, why, duplicate_of=c.reference)


def suggest(facts: ComplaintFacts, *, today: dt.date) -> list[Suggestion]:
    """What the facts suggest, most decisive first; an empty list when nothing stands out."""
    text = facts.text
    found: list[Suggestion] = [*_jurisdiction(facts, text), *_tribunals(facts, text)]
    found += [s for s in (_premature(facts), _late(facts, today)) if s is not None]
    found += _duplicates(facts)
    unique: dict[str, Suggestion] = {}
    for suggestion in found:
        unique.setdefault(suggestion.key, suggestion)
    return list(unique.values())


@dataclass(frozen=True)
class Verdict:
    """What the intake officer made of one suggestion."""

    suggestion: Suggestion
    accepted: bool
    override_reason: str = ""


class VerdictError(ValueError):
    """Verdicts that do not fit the decision, with the reason in plain English."""


def check_verdicts(
    verdicts: Sequence[Verdict], *, pass_to_assessment: bool, reason_codes: Sequence[ReasonCode]
) -> tuple[ReasonCode, ...]:
    """Check the verdicts fit the decision; return the reason codes to record with it.

    An override needs a reason. Accepting a suggestion that means not taking the complaint
    on does not fit passing it to assessment. Closing records the reason codes chosen plus
    those of every suggestion accepted.
    """
    for verdict in verdicts:
        label = verdict.suggestion.code.label.lower()
        if not verdict.accepted and not verdict.override_reason.strip():
            raise VerdictError(f"Say why you are overriding the '{label}' suggestion.")
        if verdict.accepted and pass_to_assessment and verdict.suggestion.code in NOT_TAKEN_ON:
            raise VerdictError(
                f"You accepted the '{label}' suggestion, which means not taking the "
                "complaint on: override it with a reason, or close the case."
            )
    if pass_to_assessment:
        return ()
    accepted = (v.suggestion.code.reason_code for v in verdicts if v.accepted)
    return tuple(dict.fromkeys([*reason_codes, *(c for c in accepted if c is not None)]))
