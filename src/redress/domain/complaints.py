"""The rules of the public "Make a complaint" journey, as plain values and functions.

Which questions apply depends on earlier answers: a person complaining for someone else
is asked about that person and their authority; a final-response date is asked only of
someone who has had one. The journey's pages, the check-answers page and the submission
all ask this module, so the three never disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from .categories import Category
from .stages import LabelledEnum

# Evidence files one draft may hold; enough for any real complaint, a limit for abuse.
MAX_DRAFT_FILES = 20
# How long a draft and its "save and come back later" link last.
DRAFT_LIFETIME = dt.timedelta(days=28)
# Submissions accepted from one network address in SUBMISSION_WINDOW.
SUBMISSIONS_PER_ADDRESS = 10
SUBMISSION_WINDOW = dt.timedelta(hours=1)


class Step(LabelledEnum):
    """The questions, in the order they are asked; each value is the page's address."""

    WHO = "who", "Who is complaining"
    ON_BEHALF = "on-behalf", "The person you are complaining for"
    YOUR_NAME = "your-name", "Your name"
    CONTACT = "contact", "How we contact you"
    ADJUSTMENTS = "adjustments", "Help we can give you"
    ORGANISATION = "organisation", "The organisation"
    WHAT_HAPPENED = "what-happened", "What happened"
    IMPACT = "impact", "How it affected you"
    OUTCOME = "outcome", "What you want to happen"
    COMPLAINED = "complained", "Complaining to the organisation"
    FINAL_RESPONSE = "final-response", "The organisation's final response"
    EVIDENCE = "evidence", "Evidence"
    ABOUT = "about", "What the complaint is about"
    CONSENT = "consent", "Privacy and consent"


class Complainer(LabelledEnum):
    MYSELF = "myself", "I am complaining for myself"
    ON_BEHALF = "on_behalf", "I am complaining for someone else"


class Authority(LabelledEnum):
    """How a representative may act for the person: what the scheme asks to see."""

    WRITTEN_CONSENT = "written_consent", "They have agreed in writing that I can act for them"
    ATTORNEY = "attorney", "I have a lasting power of attorney or I am their deputy"
    PARENT = "parent", "I am their parent or guardian and they are under 18"
    ELECTED = "elected", "I am their MP or councillor"
    CANNOT_CONSENT = "cannot_consent", "They cannot agree, and I am acting in their interests"
    OTHER = "other", "Something else"


class ComplainedFirst(LabelledEnum):
    """Whether the organisation has had its chance to put things right."""

    FINAL_RESPONSE = "final_response", "Yes, and I have had its final response"
    WAITING = "waiting", "Yes, but I have not had a final response"
    NOT_YET = "not_yet", "No, not yet"


class ContactMethod(LabelledEnum):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    LETTER = "letter", "Letter"


# Plain words for each category, shown under its label so people can find theirs.
CATEGORY_HINTS: dict[Category, str] = {
    Category.ADULT_CARE: "Care and support for adults, care homes, help at home, paying for care",
    Category.BENEFITS_TAX: "Council tax, housing benefit, council tax reduction, business rates",
    Category.CHILDRENS_CARE: "Children's social care, child protection, fostering, "
    "disabled children",
    Category.EDUCATION: "Special educational needs, school places and admissions, school transport",
    Category.ENVIRONMENT: "Bins and recycling, noise, licensing, trading standards, "
    "antisocial behaviour",
    Category.HIGHWAYS: "Roads and pavements, parking and penalty charges, blue badges, buses",
    Category.HOUSING: "Homelessness, housing applications, temporary accommodation, repairs grants",
    Category.PLANNING: "Planning applications, planning enforcement, building control",
    Category.CORPORATE: "Anything else, including how the organisation handled your complaint",
}

# Words that point to a category when the person is not sure which to choose.
_CATEGORY_WORDS: dict[Category, tuple[str, ...]] = {
    Category.ADULT_CARE: ("care home", "carer", "home care", "social worker", "care package",
                          "direct payment", "safeguarding", "dementia", "elderly"),
    Category.BENEFITS_TAX: ("council tax", "housing benefit", "business rates", "arrears",
                            "bailiff", "enforcement agent", "reduction"),
    Category.CHILDRENS_CARE: ("foster", "child protection", "looked after", "children's services",
                              "special guardianship", "adoption"),
    Category.EDUCATION: ("school", "ehc", "send", "special educational", "admission", "pupil",
                         "exclusion", "tuition"),
    Category.ENVIRONMENT: ("bin", "recycling", "rubbish", "noise", "licence", "license",
                           "antisocial", "fly-tip", "flytip", "pest"),
    Category.HIGHWAYS: ("parking", "pothole", "road", "pavement", "penalty charge", "pcn",
                        "blue badge", "bus", "street light"),
    Category.HOUSING: ("homeless", "housing", "temporary accommodation", "bed and breakfast",
                       "housing register", "disabled facilities grant", "landlord", "eviction"),
    Category.PLANNING: ("planning", "extension", "building control", "enforcement notice",
                        "neighbour's", "planning permission"),
}  # fmt: skip


def guess_category(text: str) -> Category:
    """The category whose words appear most often in `text`; "Corporate and other" if none.

    Used only when the person says they are not sure: staff check it at intake.
    """
    words = " " + re.sub(r"[^a-z0-9'\- ]+", " ", text.lower()) + " "
    scores = {
        category: sum(words.count(f" {term}") for term in terms)
        for category, terms in _CATEGORY_WORDS.items()
    }
    best = max(scores, key=lambda category: scores[category])
    return best if scores[best] > 0 else Category.CORPORATE


def steps_that_apply(answers: Mapping[str, Mapping[str, Any]]) -> list[Step]:
    """The questions this person needs to answer, in order, given what they said so far."""
    who = answers.get(Step.WHO, {}).get("complainer")
    complained = answers.get(Step.COMPLAINED, {}).get("complained")
    skip: set[Step] = set()
    if who != Complainer.ON_BEHALF:
        skip.add(Step.ON_BEHALF)
    if complained != ComplainedFirst.FINAL_RESPONSE:
        skip.add(Step.FINAL_RESPONSE)
    return [step for step in Step if step not in skip]


def first_unanswered(answers: Mapping[str, Mapping[str, Any]]) -> Step | None:
    """The first question that applies and has no answer yet; None when all are answered."""
    for step in steps_that_apply(answers):
        if step.value not in answers:
            return step
    return None


def step_after(step: Step, answers: Mapping[str, Mapping[str, Any]]) -> Step | None:
    """The question after `step` for this person, or None when `step` is the last."""
    return _neighbour(step, steps_that_apply(answers), 1)


def step_before(step: Step, answers: Mapping[str, Mapping[str, Any]]) -> Step | None:
    """The question before `step` for this person, or None when `step` is the first."""
    return _neighbour(step, steps_that_apply(answers), -1)


def _neighbour(step: Step, steps: Sequence[Step], offset: int) -> Step | None:
    order = list(Step)
    # A step that does not apply still has neighbours: those that do, either side of it.
    if offset > 0:
        later = [s for s in steps if order.index(s) > order.index(step)]
        return later[0] if later else None
    earlier = [s for s in steps if order.index(s) < order.index(step)]
    return earlier[-1] if earlier else None


def authority_text(relationship: str, authority: Authority, detail: str = "") -> str:
    """How the representative's authority was given, as recorded on the case (200 chars)."""
    text = f"{relationship.strip()}: {authority.label}" if relationship.strip() else authority.label
    if detail.strip():
        text = f"{text} ({detail.strip()})"
    return text[:200]


def contact_problems(
    method: ContactMethod, *, email: str, phone: str, address: str, postcode: str
) -> dict[str, str]:
    """What is missing for the chosen way of contacting someone, by field name.

    Everyone needs an email address or a postal address, so the reference can reach them.
    """
    problems: dict[str, str] = {}
    if method == ContactMethod.EMAIL and not email:
        problems["email"] = "Enter your email address, or choose another way for us to contact you"
    if method == ContactMethod.PHONE and not phone:
        problems["phone"] = "Enter your phone number, or choose another way for us to contact you"
    if method == ContactMethod.LETTER or (method == ContactMethod.PHONE and not email):
        if not address:
            problems["address"] = (
                "Enter your postal address"
                if method == ContactMethod.LETTER
                else "Enter an email address or a postal address so we can send your reference"
            )
        if not postcode and address:
            problems["postcode"] = "Enter your postcode"
    return problems


def retry_after(
    recent: Iterable[dt.datetime],
    now: dt.datetime,
    *,
    limit: int = SUBMISSIONS_PER_ADDRESS,
    window: dt.timedelta = SUBMISSION_WINDOW,
) -> dt.datetime | None:
    """When the next submission may be made, if `recent` ones already reach the limit.

    `recent` are the times of earlier submissions from the same address. None means a
    submission may be made now.
    """
    inside = sorted(at for at in recent if now - window < at <= now)
    if len(inside) < limit:
        return None
    # The oldest of the last `limit` submissions has to leave the window first.
    return inside[-limit] + window


class AnswersIncompleteError(ValueError):
    """A question that applies has no usable answer; `step` says which."""

    def __init__(self, step: Step) -> None:
        super().__init__(f"The answer to {step.label.lower()} is missing.")
        self.step = step


@dataclass(frozen=True)
class ComplaintAnswers:
    """Everything a complete draft says, read and typed, ready to register."""

    on_behalf: bool
    title: str
    first_name: str
    last_name: str
    contact_method: ContactMethod
    email: str
    phone: str
    address: str
    postcode: str
    adjustments: str
    organisation_id: int
    summary: str
    first_knew_on: dt.date
    injustice: str
    outcome_sought: str
    complained: ComplainedFirst
    final_response_on: dt.date | None
    category: Category
    category_chosen: bool
    # Only when complaining for someone else: that person, and the authority to act.
    person_first_name: str = ""
    person_last_name: str = ""
    relationship: str = ""
    authority: Authority | None = None
    authority_detail: str = ""

    @property
    def representative_authority(self) -> str:
        if self.authority is None:
            return ""
        return authority_text(self.relationship, self.authority, self.authority_detail)


def read_answers(answers: Mapping[str, Mapping[str, Any]]) -> ComplaintAnswers:
    """Read a draft's answers; raises AnswersIncompleteError naming the first gap."""
    missing = first_unanswered(answers)
    if missing is not None:
        raise AnswersIncompleteError(missing)
    reader = _Reader(answers)
    on_behalf = reader.text(Step.WHO, "complainer") == Complainer.ON_BEHALF
    complained = reader.choice(Step.COMPLAINED, "complained", ComplainedFirst)
    about = reader.text(Step.ABOUT, "category")
    if reader.get(Step.CONSENT, "consent") is not True:
        raise AnswersIncompleteError(Step.CONSENT)
    return ComplaintAnswers(
        on_behalf=on_behalf,
        title=reader.text(Step.YOUR_NAME, "title", required=False),
        first_name=reader.text(Step.YOUR_NAME, "first_name"),
        last_name=reader.text(Step.YOUR_NAME, "last_name"),
        contact_method=reader.choice(Step.CONTACT, "contact_method", ContactMethod),
        email=reader.text(Step.CONTACT, "email", required=False),
        phone=reader.text(Step.CONTACT, "phone", required=False),
        address=reader.text(Step.CONTACT, "address", required=False),
        postcode=reader.text(Step.CONTACT, "postcode", required=False),
        adjustments=reader.text(Step.ADJUSTMENTS, "adjustments", required=False),
        organisation_id=reader.number(Step.ORGANISATION, "organisation"),
        summary=reader.text(Step.WHAT_HAPPENED, "summary"),
        first_knew_on=reader.date(Step.WHAT_HAPPENED, "first_knew_on"),
        injustice=reader.text(Step.IMPACT, "injustice"),
        outcome_sought=reader.text(Step.OUTCOME, "outcome_sought"),
        complained=complained,
        final_response_on=(
            reader.date(Step.FINAL_RESPONSE, "final_response_on")
            if complained == ComplainedFirst.FINAL_RESPONSE
            else None
        ),
        category=guess_category(reader.text(Step.WHAT_HAPPENED, "summary"))
        if about == NOT_SURE
        else reader.choice(Step.ABOUT, "category", Category),
        category_chosen=about != NOT_SURE,
        **(_person_answers(reader) if on_behalf else {}),
    )


# The answer to "what is it about" when the person cannot say.
NOT_SURE = "not_sure"


def _person_answers(reader: _Reader) -> dict[str, Any]:
    return {
        "person_first_name": reader.text(Step.ON_BEHALF, "first_name"),
        "person_last_name": reader.text(Step.ON_BEHALF, "last_name"),
        "relationship": reader.text(Step.ON_BEHALF, "relationship"),
        "authority": reader.choice(Step.ON_BEHALF, "authority", Authority),
        "authority_detail": reader.text(Step.ON_BEHALF, "authority_detail", required=False),
    }


_E = TypeVar("_E", bound=LabelledEnum)


class _Reader:
    """Typed access to the answers, each failure naming the step it belongs to."""

    def __init__(self, answers: Mapping[str, Mapping[str, Any]]) -> None:
        self.answers = answers

    def get(self, step: Step, name: str) -> Any:
        page = self.answers.get(step.value)
        return page.get(name) if isinstance(page, Mapping) else None

    def text(self, step: Step, name: str, *, required: bool = True) -> str:
        value = self.get(step, name)
        if not isinstance(value, str) or (required and not value.strip()):
            if required or value is not None:
                raise AnswersIncompleteError(step)
            return ""
        return value.strip()

    def number(self, step: Step, name: str) -> int:
        value = self.get(step, name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswersIncompleteError(step)
        return value

    def date(self, step: Step, name: str) -> dt.date:
        try:
            return dt.date.fromisoformat(self.text(step, name))
        except ValueError:
            raise AnswersIncompleteError(step) from None

    def choice(self, step: Step, name: str, kind: type[_E]) -> _E:
        try:
            return kind(self.text(step, name))
        except ValueError:
            raise AnswersIncompleteError(step) from None
