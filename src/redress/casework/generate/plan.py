"""The shape of a generated caseload: when complaints arrive, what is open, who works it.

The generator knows nothing about databases until `writer`: `factory.CaseFactory` turns
the receipts planned here into plain row tuples whose values are ints, strings or None
(dates and times already ISO text in UTC), in the column order of `writer.tables()`.
Everything is drawn from seeded random generators, so a seed and a moment give one caseload.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from redress.domain.categories import (
    WRITTEN_CHANNELS,
    Category,
    Channel,
    OrganisationType,
)
from redress.domain.stages import Stage

from . import reference_data as ref
from .timeline import DAY, Picker, Step, WorkTime, cut_at, sample_path

# Roughly the LGSCO's mix: education and adult care largest, then planning, housing,
# highways, environment, children's services, benefits and corporate matters.
CATEGORY_MIX: tuple[tuple[str, float], ...] = (
    (Category.EDUCATION.value, 19),
    (Category.ADULT_CARE.value, 17),
    (Category.PLANNING.value, 13),
    (Category.HOUSING.value, 12),
    (Category.HIGHWAYS.value, 10),
    (Category.ENVIRONMENT.value, 9),
    (Category.CHILDRENS_CARE.value, 8),
    (Category.BENEFITS_TAX.value, 7),
    (Category.CORPORATE.value, 5),
)
_CHANNELS = Picker(
    [
        (Channel.ONLINE.value, 68),
        (Channel.PHONE.value, 17),
        (Channel.EMAIL.value, 9),
        (Channel.LETTER.value, 5),
        (Channel.IN_PERSON.value, 1),
    ]
)

INTAKE, ASSESSMENT = Stage.INTAKE.value, Stage.ASSESSMENT.value
INVESTIGATION, DRAFT = Stage.INVESTIGATION.value, Stage.DRAFT_DECISION.value
DECIDED, COMPLIANCE, CLOSED = Stage.DECIDED.value, Stage.COMPLIANCE.value, Stage.CLOSED.value
# Plain strings for the hot loops: an enum member's .value is a slow property lookup.
ONLINE, PHONE, EMAIL = Channel.ONLINE.value, Channel.PHONE.value, Channel.EMAIL.value
LETTER, PORTAL = Channel.LETTER.value, Channel.PORTAL.value
WRITTEN = frozenset(channel.value for channel in WRITTEN_CHANNELS)


@dataclass(frozen=True)
class Org:
    id: int
    name: str
    org_type: OrganisationType
    region: str
    postcode_areas: tuple[str, ...]
    towns: tuple[str, ...]
    population: int | None
    index: int

    @property
    def northern(self) -> bool:
        return self.region in ref.NORTHERN_REGIONS

    @property
    def is_provider(self) -> bool:
        return self.org_type == OrganisationType.CARE_PROVIDER


@dataclass
class Team:
    """Who works a team's cases: officers weighted by capacity, and its managers."""

    id: int
    officers: Picker[int]
    managers: tuple[int, ...]


@dataclass
class Staff:
    intake: Team
    assessment_north: Team
    assessment_south: Team
    investigation: tuple[Team, ...]
    compliance: Team

    def team_for(self, stage: str, org: Org) -> Team:
        if stage == INTAKE:
            return self.intake
        if stage == ASSESSMENT:
            return self.assessment_north if org.northern else self.assessment_south
        if stage in (INVESTIGATION, DRAFT):
            return self.investigation[org.index % len(self.investigation)]
        return self.compliance


@dataclass
class Chunk:
    """The rows for a run of cases, in the column order of `writer.TABLES`."""

    people: list[tuple[object, ...]] = field(default_factory=list)
    cases: list[tuple[object, ...]] = field(default_factory=list)
    joint: list[tuple[object, ...]] = field(default_factory=list)
    transitions: list[tuple[object, ...]] = field(default_factory=list)
    notes: list[tuple[object, ...]] = field(default_factory=list)
    contacts: list[tuple[object, ...]] = field(default_factory=list)
    deadlines: list[tuple[object, ...]] = field(default_factory=list)


class Receipt:
    """A complaint arriving: when (local working time) and how."""

    __slots__ = ("channel", "t")

    def __init__(self, t: int, channel: str) -> None:
        self.t = t
        self.channel = channel


def receipts_per_day(
    rng: random.Random, clock: WorkTime, first: dt.date, total: int
) -> list[tuple[int, int]]:
    """How many complaints arrive each day from `first` to today: `total` in all.

    Receipts grow about 5% a year, dip in August and at Christmas, peak on Mondays, and a
    trickle of online forms arrives at weekends and on bank holidays. Today counts only
    the part of the day that has passed.
    """
    weekday = (1.3, 1.15, 1.1, 1.05, 0.9, 0.22, 0.2)
    month = (1.08, 1.02, 1.05, 0.98, 1.0, 1.02, 1.0, 0.86, 1.03, 1.05, 1.02, 0.8)
    days: list[tuple[int, float]] = []
    start = first.toordinal()
    for ordinal in range(start, clock.today + 1):
        day = dt.date.fromordinal(ordinal)
        weight = 1.05 ** ((ordinal - start) / 365.25)
        weight *= weekday[day.weekday()] * month[day.month - 1]
        if day.weekday() < 5 and not clock.is_working(ordinal):
            weight *= 0.25
        if (day.month, day.day) >= (12, 24) or (day.month, day.day) <= (1, 1):
            weight *= 0.5
        if ordinal == clock.today:
            weight *= min(1.0, max(0.0, (clock.now - ordinal * DAY - 7 * 3600) / (15 * 3600)))
        weight *= 0.85 + 0.3 * rng.random()
        days.append((ordinal, weight))
    whole = sum(w for _, w in days) or 1.0
    shares = [(ordinal, total * w / whole) for ordinal, w in days]
    counts = {ordinal: int(share) for ordinal, share in shares}
    short = total - sum(counts.values())
    # Largest remainders get the leftover cases, so the total is exact.
    for ordinal, _ in sorted(shares, key=lambda item: item[1] - int(item[1]), reverse=True)[:short]:
        counts[ordinal] += 1
    return [(ordinal, counts[ordinal]) for ordinal, _ in days if counts[ordinal]]


def receipts(
    rng: random.Random, clock: WorkTime, per_day: Sequence[tuple[int, int]]
) -> Iterator[Receipt]:
    """Every receipt in time order, with its channel (only online forms out of hours)."""
    for ordinal, count in per_day:
        working = clock.is_working(ordinal)
        arrivals = []
        for _ in range(count):
            channel = _CHANNELS.pick(rng) if working else ONLINE
            if channel == ONLINE:
                t = clock.online_time(rng, ordinal)
            else:
                t = clock.staff_time(rng, ordinal)
                if t > clock.now:
                    t, channel = clock.online_time(rng, ordinal), ONLINE
            arrivals.append(Receipt(t, channel))
        arrivals.sort(key=lambda receipt: receipt.t)
        yield from arrivals


def stage_intervals(steps: Sequence[Step], now: int) -> list[tuple[str, int, int]]:
    """Each stage the case was at, from when it entered to when it left (or now)."""
    found = []
    for index, step in enumerate(steps):
        end = steps[index + 1].t if index + 1 < len(steps) else now
        found.append((step.target, step.t, max(end, step.t + 1)))
    return found


def estimate_open_work(
    rng: random.Random,
    clock: WorkTime,
    per_day: Sequence[tuple[int, int]],
    organisations: Sequence[Org],
    samples: int = 6_000,
) -> dict[str, float]:
    """How many of the new cases will be open at each team's stages today (Monte Carlo).

    Only the last three years can still be open, so only they are sampled; the answer
    sizes the teams at about one officer per 60 open cases.
    """
    horizon = clock.today - 3 * 366
    recent = [(ordinal, count) for ordinal, count in per_day if ordinal >= horizon]
    total = sum(count for _, count in recent)
    found = {"intake": 0.0, "north": 0.0, "south": 0.0, "investigation": 0.0, "compliance": 0.0}
    if not total:
        return found
    days = Picker([(ordinal, float(count)) for ordinal, count in recent])
    categories = Picker(CATEGORY_MIX)
    councils = [org for org in organisations if not org.is_provider] or list(organisations)
    regions = Picker([(org, float(org.population or 100_000)) for org in councils])
    draws = min(samples, total)
    for _ in range(draws):
        day = days.pick(rng)
        received = clock.online_time(rng, day) if day == clock.today else clock.staff_time(rng, day)
        steps = cut_at(sample_path(rng, clock, received, categories.pick(rng)), clock.now)
        stage = steps[-1].target
        if stage == INTAKE:
            found["intake"] += 1
        elif stage == ASSESSMENT:
            found["north" if regions.pick(rng).northern else "south"] += 1
        elif stage in (INVESTIGATION, DRAFT):
            found["investigation"] += 1
        elif stage in (DECIDED, COMPLIANCE):
            found["compliance"] += 1
    scale = total / draws
    return {key: value * scale for key, value in found.items()}


def officers_needed(open_cases: float, per_officer: int = 60) -> int:
    return max(1, math.ceil(open_cases / per_officer))


__all__ = [
    "CATEGORY_MIX",
    "Chunk",
    "Org",
    "Receipt",
    "Staff",
    "Team",
    "estimate_open_work",
    "officers_needed",
    "receipts",
    "receipts_per_day",
]
