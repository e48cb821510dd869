"""The calls, letters, emails and portal messages of a generated case, stage by stage."""

from __future__ import annotations

import random
from collections.abc import Sequence

from . import wording
from .plan import (
    ASSESSMENT,
    CLOSED,
    COMPLIANCE,
    DECIDED,
    DRAFT,
    EMAIL,
    INTAKE,
    INVESTIGATION,
    LETTER,
    PHONE,
    PORTAL,
    WRITTEN,
    Org,
)
from .timeline import Picker, Step, WorkTime

# (received at, direction, channel, party, summary, handled at, recorded by)
ContactRow = tuple[int, str, str, str, str, int | None, int | None]

# Working days to handle a written contact: the promise is three, met about 97% of the time.
_HANDLING_DAYS = Picker([(0, 45), (1, 30), (2, 15), (3, 7), (5, 2), (8, 1)])


def plan_contacts(  # noqa: PLR0912, PLR0915 - stage by stage, as caseworkers log them
    rng: random.Random,
    clock: WorkTime,
    *,
    steps: Sequence[Step],
    intervals: Sequence[tuple[str, int, int]],
    officers: dict[str, tuple[int, int]],
    org: Org,
    represented: bool,
) -> list[ContactRow]:
    """Calls, letters, emails and portal messages, as `contact_log` would record them.

    Inbound written contacts are logged when they arrive and marked handled later,
    mostly within three working days; some recent ones are still waiting.
    """
    now = clock.now
    found: list[ContactRow] = []
    org_party = f"{org.name} (link officer)"[:100]
    complainant = "Representative" if represented and rng.random() < 0.6 else "Complainant"

    def add(t: int, direction: str, channel: str, party: str, text: str, *, by: str) -> None:
        """Log a contact at `t`, recorded by the officer of stage `by`."""
        if t > now:
            return
        recorded_by: int | None = officers[by][1]
        if direction == "out":
            handled: int | None = t
        elif channel in WRITTEN:
            day = _HANDLING_DAYS.pick(rng)
            handled = clock.after(rng, t, day)
            if handled > now:
                handled = None
            if channel == PORTAL:
                recorded_by = None
        else:
            handled = t + 300 + int(rng.random() * 900)
        found.append((t, direction, channel, party, text, handled, recorded_by))

    def inbound_channel(party_is_org: bool) -> str:
        roll = rng.random()
        if party_is_org:
            return EMAIL if roll < 0.6 else PORTAL
        if roll < 0.5:
            return EMAIL
        if roll < 0.8:
            return PHONE
        return LETTER if roll < 0.88 else PORTAL

    outbound_channel = EMAIL if rng.random() < 0.72 else LETTER
    texts = wording.CONTACTS
    for index, (stage, start, end) in enumerate(intervals):
        options = texts.get(stage, ())
        if stage == INTAKE:
            if rng.random() < 0.8:
                add(
                    clock.after(rng, start, int(rng.random() * 2)),
                    "out",
                    outbound_channel,
                    complainant,
                    options[0],
                    by=stage,
                )
            if rng.random() < 0.25:
                add(
                    clock.between(rng, start, end),
                    "in",
                    inbound_channel(False),
                    complainant,
                    options[1 + int(rng.random() * 2)],
                    by=stage,
                )
        elif stage == ASSESSMENT:
            if rng.random() < 0.7:
                asked = clock.after(rng, start, 1 + int(rng.random() * 5))
                if asked < end:
                    add(asked, "out", EMAIL, org_party, options[0], by=stage)
                    if rng.random() < 0.85:
                        answered = clock.after(rng, asked, 5 + int(rng.random() * 15))
                        if answered < end:
                            add(
                                answered,
                                "in",
                                inbound_channel(True),
                                org_party,
                                options[1],
                                by=stage,
                            )
            if rng.random() < 0.3:
                add(
                    clock.between(rng, start, end),
                    "in",
                    inbound_channel(False),
                    complainant,
                    options[2],
                    by=stage,
                )
        elif stage == INVESTIGATION:
            # Updates to both parties, meant to be every 20 working days or sooner.
            t, turn = start, 0
            while True:
                if rng.random() < 0.85:
                    gap = 8 + int(rng.random() * 13)
                else:  # now and then an update is late: the clock goes overdue
                    gap = 21 + int(rng.random() * 12)
                t = clock.after(rng, t, gap)
                if t >= end or t > now:
                    break
                add(
                    t, "out", outbound_channel, complainant, options[0 if turn % 3 else 4], by=stage
                )
                if turn % 2 == 0:
                    add(t + 600, "out", EMAIL, org_party, options[1], by=stage)
                turn += 1
            for _ in range(1 + int(rng.random() * 2)):
                add(
                    clock.between(rng, start, end),
                    "in",
                    inbound_channel(True),
                    org_party,
                    options[2],
                    by=stage,
                )
            if rng.random() < 0.6:
                add(
                    clock.between(rng, start, end),
                    "in",
                    inbound_channel(False),
                    complainant,
                    options[3],
                    by=stage,
                )
        elif stage == DRAFT:
            add(start + 600, "out", outbound_channel, complainant, options[0], by=stage)
            add(start + 900, "out", EMAIL, org_party, options[1], by=stage)
            if rng.random() < 0.7:
                comment = clock.after(rng, start, 3 + int(rng.random() * 8))
                if comment < end:
                    add(comment, "in", inbound_channel(False), complainant, options[2], by=stage)
            if rng.random() < 0.8:
                comment = clock.after(rng, start, 3 + int(rng.random() * 8))
                if comment < end:
                    add(comment, "in", inbound_channel(True), org_party, options[3], by=stage)
        elif stage == DECIDED:
            add(start + 600, "out", outbound_channel, complainant, options[0], by=stage)
            add(start + 900, "out", EMAIL, org_party, options[1], by=stage)
        elif stage == COMPLIANCE:
            for _ in range(1 + int(rng.random() * 2)):
                add(
                    clock.between(rng, start, end),
                    "in",
                    inbound_channel(True),
                    org_party,
                    options[0],
                    by=stage,
                )
            if rng.random() < 0.4:
                add(clock.between(rng, start, end), "out", EMAIL, org_party, options[1], by=stage)
        elif stage == CLOSED and index > 0:
            closing = steps[index]
            if closing.source in (INTAKE, ASSESSMENT):
                add(
                    closing.t + 300,
                    "out",
                    outbound_channel,
                    complainant,
                    wording.CLOSING_LETTER,
                    by=closing.source,
                )
    found.sort()
    return found
