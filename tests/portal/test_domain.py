"""The portal's pure rules: stage explanations, promises and their dates, links, limits."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redress.domain.clocks import ClockKind
from redress.domain.portal import (
    LINK_REQUESTS_PER_ADDRESS,
    LINK_REQUESTS_PER_EMAIL,
    PROMISED_CLOCKS,
    SIGN_IN_LINK_LIFETIME,
    LinkState,
    expectations,
    explain_stage,
    letter_is_for_complainant_side,
    link_request_allowed,
    link_state,
    next_contact_by,
)
from redress.domain.stages import Stage

TODAY = dt.date(2026, 3, 10)
NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)
STAFF_WORDS = ("clock", "keep-in-touch", "keep in touch", "kpi", "stage", "allocate", "queue")


@pytest.mark.parametrize("stage", list(Stage))
def test_every_stage_is_explained_in_plain_words(stage: Stage) -> None:
    explanation = explain_stage(stage)
    assert explanation.title.startswith("We ")
    assert explanation.what_happens_next.endswith(".")
    for word in STAFF_WORDS:
        assert word not in (explanation.title + explanation.what_happens_next).lower()


def test_each_stage_has_its_own_title() -> None:
    assert explain_stage(Stage.INTAKE).title == "We are checking your complaint"
    assert explain_stage(Stage.ASSESSMENT).title == "We are deciding whether to investigate"
    assert len({explain_stage(stage).title for stage in Stage}) == len(Stage)


@pytest.mark.parametrize(
    ("kind", "due", "text"),
    [
        (ClockKind.ASSESSMENT, dt.date(2026, 3, 31),
         "We aim to tell you whether we will investigate by 31 March 2026."),
        (ClockKind.INVESTIGATION, dt.date(2026, 6, 1),
         "We aim to finish our investigation by 1 June 2026."),
        (ClockKind.KEEP_IN_TOUCH, dt.date(2026, 3, 10),
         "We will send you an update by 10 March 2026."),
        (ClockKind.WRITTEN_CONTACT, dt.date(2026, 3, 12),
         "We will reply to your message by 12 March 2026."),
        (ClockKind.WRITTEN_CONTACT, dt.date(2026, 3, 9),
         "We should have replied to your message by 9 March 2026. We are sorry for the delay."),
        (ClockKind.ASSESSMENT, dt.date(2026, 2, 2),
         "We aimed to tell you whether we will investigate by 2 February 2026. "
         "We are sorry this is taking longer."),
    ],
)  # fmt: skip
def test_promises_are_worded_for_the_person(kind: ClockKind, due: dt.date, text: str) -> None:
    [promise] = expectations([(kind, due)], today=TODAY)
    assert promise.text == text
    assert promise.overdue == (due < TODAY)


def test_promises_come_soonest_first_and_the_next_date_skips_late_ones() -> None:
    found = expectations(
        [
            (ClockKind.INVESTIGATION, dt.date(2026, 6, 1)),
            (ClockKind.KEEP_IN_TOUCH, dt.date(2026, 3, 1)),
            (ClockKind.WRITTEN_CONTACT, dt.date(2026, 3, 12)),
        ],
        today=TODAY,
    )
    assert [p.kind for p in found] == [
        ClockKind.KEEP_IN_TOUCH,
        ClockKind.WRITTEN_CONTACT,
        ClockKind.INVESTIGATION,
    ]
    assert next_contact_by(found) == dt.date(2026, 3, 12)
    assert next_contact_by(found[:1]) is None
    assert next_contact_by([]) is None


@given(
    dues=st.lists(
        st.tuples(
            st.sampled_from(sorted(PROMISED_CLOCKS)),
            st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
        )
    )
)
def test_the_next_date_is_never_in_the_past(dues: list[tuple[ClockKind, dt.date]]) -> None:
    found = expectations(dues, today=TODAY)
    assert len(found) == len(dues)
    nearest = next_contact_by(found)
    assert nearest is None or nearest >= TODAY
    assert [p.due_on for p in found] == sorted(p.due_on for p in found)


@pytest.mark.parametrize(
    ("age", "used", "state"),
    [
        (dt.timedelta(0), False, LinkState.VALID),
        (SIGN_IN_LINK_LIFETIME - dt.timedelta(seconds=1), False, LinkState.VALID),
        (SIGN_IN_LINK_LIFETIME, False, LinkState.EXPIRED),
        (dt.timedelta(days=3), False, LinkState.EXPIRED),
        (dt.timedelta(minutes=1), True, LinkState.USED),
        (dt.timedelta(days=3), True, LinkState.USED),
    ],
)
def test_a_link_works_once_within_its_lifetime(
    age: dt.timedelta, used: bool, state: LinkState
) -> None:
    sent = NOW - age
    used_at = sent + dt.timedelta(seconds=5) if used else None
    assert link_state(expires_at=sent + SIGN_IN_LINK_LIFETIME, used_at=used_at, now=NOW) == state


def test_links_last_thirty_minutes() -> None:
    assert dt.timedelta(minutes=30) == SIGN_IN_LINK_LIFETIME


@pytest.mark.parametrize(
    ("for_email", "for_address", "allowed"),
    [
        (0, 0, True),
        (LINK_REQUESTS_PER_EMAIL - 1, 0, True),
        (LINK_REQUESTS_PER_EMAIL, 0, False),
        (0, LINK_REQUESTS_PER_ADDRESS - 1, True),
        (0, LINK_REQUESTS_PER_ADDRESS, False),
    ],
)
def test_rate_limits(for_email: int, for_address: int, allowed: bool) -> None:
    verdict = link_request_allowed(recent_for_email=for_email, recent_for_address=for_address)
    assert verdict is allowed


@pytest.mark.parametrize(
    ("party", "theirs"),
    [("Complainant", True), (" representative ", True), ("Organisation", False),
     ("", False), ("Complainant's MP", False)],
)  # fmt: skip
def test_only_letters_to_the_complainants_side_are_theirs(party: str, theirs: bool) -> None:
    assert letter_is_for_complainant_side(party) is theirs


def test_clocks_that_wait_on_others_are_not_promised_to_the_complainant() -> None:
    waiting_on_others = [(ClockKind.ENQUIRY_REPLY, TODAY), (ClockKind.DRAFT_COMMENTS, TODAY)]
    assert expectations(waiting_on_others, today=TODAY) == []
