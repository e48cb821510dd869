"""The complainant portal's rules: what each stage means to the person who complained,
when they should next hear from us, and how long a sign-in link and a session last.

Everything here is written for a member of the public: plain English, second person, no
internal words (no "assessment clock", no "keep-in-touch").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .clocks import ClockKind
from .stages import LabelledEnum, Stage

# A sign-in link works once, and only for this long after it was sent.
SIGN_IN_LINK_LIFETIME = dt.timedelta(minutes=30)
# Requests for a link counted over this window...
LINK_REQUEST_WINDOW = dt.timedelta(hours=1)
# ...at most this many for one email address (whether or not it matches a complaint)...
LINK_REQUESTS_PER_EMAIL = 5
# ...and this many from one network address. Higher than per email, because advice
# centres, libraries and MPs' offices send many people's requests from one address.
LINK_REQUESTS_PER_ADDRESS = 20
# A portal session ends after this long without opening a page.
PORTAL_SESSION_IDLE = dt.timedelta(minutes=60)


@dataclass(frozen=True)
class StageExplanation:
    title: str
    what_happens_next: str


_STAGES: dict[Stage, StageExplanation] = {
    Stage.INTAKE: StageExplanation(
        "We are checking your complaint",
        "We check that we have everything we need and that your complaint is one we can "
        "look at. We will contact you if we need more information.",
    ),
    Stage.ASSESSMENT: StageExplanation(
        "We are deciding whether to investigate",
        "We look at what happened and decide whether we should investigate. We will "
        "write to tell you what we decide and why.",
    ),
    Stage.INVESTIGATION: StageExplanation(
        "We are investigating your complaint",
        "We gather information from you and from the organisation, then decide whether it "
        "did something wrong and whether that affected you. We will update you regularly.",
    ),
    Stage.DRAFT_DECISION: StageExplanation(
        "We have shared our draft decision",
        "We have sent our draft decision to you and to the organisation so that you can "
        "comment on it. We will consider any comments before we make our final decision.",
    ),
    Stage.DECIDED: StageExplanation(
        "We have made our final decision",
        "We have sent you our final decision. If we asked the organisation to put things "
        "right, we will check that it does.",
    ),
    Stage.COMPLIANCE: StageExplanation(
        "We are checking the organisation does what it agreed",
        "The organisation agreed to put things right. We check that it does what was "
        "agreed, by the dates agreed, and we will tell you when it has.",
    ),
    Stage.CLOSED: StageExplanation(
        "We have finished looking at your complaint",
        "Your complaint is closed. Our letters to you explain what we decided and why. "
        "If you think we made a mistake, send us a message.",
    ),
}


def explain_stage(stage: Stage) -> StageExplanation:
    return _STAGES[stage]


@dataclass(frozen=True)
class Expectation:
    """Something we have promised to do for the person by a date."""

    kind: ClockKind
    due_on: dt.date
    overdue: bool
    text: str


# For each clock: what we promise while it runs, and what we say once the date has passed
# (the scheme tells people when a timescale cannot be met).
_PROMISES: dict[ClockKind, tuple[str, str]] = {
    ClockKind.ASSESSMENT: (
        "We aim to tell you whether we will investigate by {day}.",
        "We aimed to tell you whether we will investigate by {day}. We are sorry this is "
        "taking longer.",
    ),
    ClockKind.INVESTIGATION: (
        "We aim to finish our investigation by {day}.",
        "We aimed to finish our investigation by {day}. We are sorry it is taking longer, "
        "and we will keep you updated.",
    ),
    ClockKind.KEEP_IN_TOUCH: (
        "We will send you an update by {day}.",
        "We should have sent you an update by {day}. We are sorry: we will be in touch soon.",
    ),
    ClockKind.WRITTEN_CONTACT: (
        "We will reply to your message by {day}.",
        "We should have replied to your message by {day}. We are sorry for the delay.",
    ),
    ClockKind.REVIEW: (
        "We aim to decide on your request for a review by {day}.",
        "We aimed to decide on your request for a review by {day}. We are sorry this is "
        "taking longer.",
    ),
    ClockKind.SERVICE_COMPLAINT: (
        "We will reply to your complaint about our service by {day}.",
        "We should have replied to your complaint about our service by {day}. We are sorry "
        "for the delay.",
    ),
}
# The other clocks wait on someone else (the organisation's reply, comments on a draft).
PROMISED_CLOCKS = frozenset(_PROMISES)


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def expectations(
    open_deadlines: Iterable[tuple[ClockKind, dt.date]], *, today: dt.date
) -> list[Expectation]:
    """What we have promised the person and by when, soonest first.

    `open_deadlines` are the case's running clocks (kind and due date).
    """
    found = []
    for kind, due in open_deadlines:
        if kind not in _PROMISES:
            continue
        on_time, late = _PROMISES[kind]
        overdue = due < today
        found.append(
            Expectation(kind, due, overdue, (late if overdue else on_time).format(day=_day(due)))
        )
    return sorted(found, key=lambda e: (e.due_on, e.kind.value))


def next_contact_by(found: list[Expectation]) -> dt.date | None:
    """The date by which the person should next hear from us: the soonest promise not yet
    past. None if there is none (any late promise carries its own apology)."""
    upcoming = [e.due_on for e in found if not e.overdue]
    return min(upcoming) if upcoming else None


class LinkState(LabelledEnum):
    VALID = "valid", "This link works"
    EXPIRED = "expired", "This link has expired"
    USED = "used", "This link has already been used"


def link_state(
    *, expires_at: dt.datetime, used_at: dt.datetime | None, now: dt.datetime
) -> LinkState:
    """Whether a sign-in link may still be used. A used link stays used, even once expired."""
    if used_at is not None:
        return LinkState.USED
    if now >= expires_at:
        return LinkState.EXPIRED
    return LinkState.VALID


def link_request_allowed(*, recent_for_email: int, recent_for_address: int) -> bool:
    """Whether another link may be sent, given the requests already made in the window."""
    return (
        recent_for_email < LINK_REQUESTS_PER_EMAIL
        and recent_for_address < LINK_REQUESTS_PER_ADDRESS
    )


# The parties a letter can be addressed to that belong to the complainant's side. Letters
# to the organisation (or anyone else) are never shown in the portal.
COMPLAINANT_SIDE_PARTIES = frozenset({"complainant", "representative"})


def letter_is_for_complainant_side(party: str) -> bool:
    """Whether a letter recorded for `party` ("Complainant", "Representative") is theirs."""
    return party.strip().lower() in COMPLAINANT_SIDE_PARTIES
