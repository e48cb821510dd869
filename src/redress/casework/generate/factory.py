"""Turning receipts into the rows of whole cases: people, history, notes, contacts, clocks."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable, Sequence

from redress.domain.calendar import WorkingCalendar
from redress.domain.categories import SUBCATEGORIES, Category, OrganisationType
from redress.domain.references import format_reference

from . import complaints, wording
from . import reference_data as ref
from .clocks import ClockReplay
from .contacts import plan_contacts
from .plan import (
    ASSESSMENT,
    CATEGORY_MIX,
    CLOSED,
    COMPLIANCE,
    DRAFT,
    INTAKE,
    INVESTIGATION,
    ONLINE,
    Chunk,
    Org,
    Receipt,
    Staff,
    stage_intervals,
)
from .timeline import DAY, Picker, WorkTime, cut_at, sample_path

_SUBCATEGORY_WEIGHTS: dict[str, float] = {
    "education.special_educational_needs": 55,
    "education.school_admissions": 14,
    "education.school_transport": 15,
    "education.alternative_provision": 9,
    "education.exclusions": 7,
    "adult_care.assessment_care_plan": 30,
    "adult_care.charging": 20,
    "adult_care.residential_care": 18,
    "adult_care.domiciliary_care": 15,
    "adult_care.safeguarding": 11,
    "adult_care.direct_payments": 6,
    "planning.planning_applications": 50,
    "planning.enforcement": 30,
    "planning.building_control": 12,
    "planning.land_charges": 8,
    "housing.homelessness": 35,
    "housing.allocations": 30,
    "housing.temporary_accommodation": 15,
    "housing.disabled_facilities_grants": 8,
    "housing.private_sector": 12,
    "highways.parking": 40,
    "highways.highway_maintenance": 35,
    "highways.blue_badges": 15,
    "highways.public_transport": 10,
}
_PROVIDER_SUBCATEGORIES = Picker(
    [
        ("adult_care.residential_care", 45),
        ("adult_care.domiciliary_care", 40),
        ("adult_care.charging", 15),
    ]
)
# Which tier of council answers for which services; care providers only for adult care.
_UPPER = frozenset(
    {
        OrganisationType.COUNTY,
        OrganisationType.UNITARY,
        OrganisationType.METROPOLITAN,
        OrganisationType.LONDON_BOROUGH,
    }
)
_LOWER = frozenset(
    {
        OrganisationType.DISTRICT,
        OrganisationType.UNITARY,
        OrganisationType.METROPOLITAN,
        OrganisationType.LONDON_BOROUGH,
    }
)
_ALL_COUNCILS = _UPPER | _LOWER
_TIERS: dict[str, frozenset[OrganisationType]] = {
    Category.ADULT_CARE.value: _UPPER,
    Category.CHILDRENS_CARE.value: _UPPER,
    Category.EDUCATION.value: _UPPER,
    Category.HIGHWAYS.value: _UPPER,
    Category.BENEFITS_TAX.value: _LOWER,
    Category.HOUSING.value: _LOWER,
    Category.PLANNING.value: _LOWER,
    Category.ENVIRONMENT.value: _LOWER,
    Category.CORPORATE.value: _ALL_COUNCILS,
}
P_CARE_PROVIDER = 0.15  # of adult care complaints
P_REPRESENTATIVE = 0.12
P_ADJUSTMENTS = 0.06
P_SENSITIVE = 0.02
P_JOINT = 0.015
# How many notes a caseworker writes at each stage, on average.
_NOTES_PER_STAGE = {INTAKE: 0.5, ASSESSMENT: 1.5, INVESTIGATION: 3.0, DRAFT: 1.0, COMPLIANCE: 1.2}

_RELATIVES = Picker(
    [
        ("mother", 30),
        ("father", 18),
        ("husband", 10),
        ("wife", 10),
        ("partner", 6),
        ("brother", 6),
        ("sister", 7),
        ("aunt", 4),
        ("grandmother", 5),
        ("uncle", 4),
    ]
)
_AMOUNTS = ("180", "240", "350", "420", "650", "875", "1,240", "2,300", "3,450", "6,800")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def _clean(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalpha())


class CaseFactory:
    """Turns receipts into rows. One factory per run; one RNG per chunk for determinism."""

    def __init__(
        self,
        *,
        clock: WorkTime,
        calendar: WorkingCalendar,
        organisations: Sequence[Org],
        staff: Staff,
        next_sequence: dict[int, int],
    ) -> None:
        self.clock = clock
        self.calendar = calendar
        self.staff = staff
        self.next_sequence = next_sequence
        councils = [org for org in organisations if not org.is_provider]
        providers = [org for org in organisations if org.is_provider]
        self.categories = Picker(CATEGORY_MIX)
        self.org_pickers: dict[str, Picker[Org]] = {
            category: Picker(
                [
                    (org, float(org.population or 100_000))
                    for org in councils
                    if org.org_type in tiers
                ]
            )
            for category, tiers in _TIERS.items()
        }
        self.providers = Picker([(org, 1.0) for org in providers]) if providers else None
        self.subcategories: dict[str, Picker[str]] = {
            category.value: Picker(
                [
                    (
                        f"{category.value}.{name}",
                        _SUBCATEGORY_WEIGHTS.get(f"{category.value}.{name}", 10.0),
                    )
                    for name, _ in items
                ]
            )
            for category, items in SUBCATEGORIES.items()
        }
        self._json: dict[tuple[str, ...], str] = {(): "[]"}
        self.clocks = ClockReplay(calendar)

    # People -------------------------------------------------------------------------

    def _person(
        self, rng: random.Random, pid: int, org: Org, created: str, *, adjustments: bool
    ) -> tuple[tuple[object, ...], str, str, str]:
        """A person row, with how a summary refers to them and their pronouns."""
        roll = rng.random()
        if roll < 0.56:
            first = ref.FEMALE_FIRST_NAMES[int(rng.random() * len(ref.FEMALE_FIRST_NAMES))]
            title = ref.TITLES_FEMALE[0 if roll < 0.28 else (1 if roll < 0.47 else 2)]
            possessive, obj = "her", "her"
        elif roll < 0.985:
            first = ref.MALE_FIRST_NAMES[int(rng.random() * len(ref.MALE_FIRST_NAMES))]
            title = "Mr" if roll < 0.965 else "Dr"
            possessive, obj = "his", "him"
        else:
            names = ref.FEMALE_FIRST_NAMES if rng.random() < 0.5 else ref.MALE_FIRST_NAMES
            first = names[int(rng.random() * len(names))]
            title = ref.TITLES_NEUTRAL[int(rng.random() * len(ref.TITLES_NEUTRAL))]
            possessive, obj = "their", "them"
        last = ref.LAST_NAMES[int(rng.random() * len(ref.LAST_NAMES))]
        email = ""
        if rng.random() < 0.85:
            domain = ("example.com", "example.org", "example.net")[int(rng.random() * 3)]
            email = f"{_clean(first)}.{_clean(last)}{int(rng.random() * 100)}@{domain}"
        roll = rng.random()
        if roll < 0.7:
            phone = f"07700 900{int(rng.random() * 1000):03d}"
        elif roll < 0.9:
            phone = f"01632 960{int(rng.random() * 1000):03d}"
        else:
            phone = ""
        town = org.towns[int(rng.random() * len(org.towns))]
        street = ref.STREET_NAMES[int(rng.random() * len(ref.STREET_NAMES))]
        address = f"{1 + int(rng.random() * 180)} {street}, {town}"
        area = org.postcode_areas[int(rng.random() * len(org.postcode_areas))]
        letters = _POSTCODE_LETTERS
        postcode = (
            f"{area}{1 + int(rng.random() * 20)} {int(rng.random() * 10)}"
            f"{letters[int(rng.random() * 20)]}{letters[int(rng.random() * 20)]}"
        )
        roll = rng.random()
        if email and roll < 0.65:
            preferred = "email"
        elif phone and roll < 0.88:
            preferred = "phone"
        else:
            preferred = "letter"
        adjust = ""
        if adjustments and rng.random() < P_ADJUSTMENTS:
            adjust = ref.REASONABLE_ADJUSTMENTS[int(rng.random() * len(ref.REASONABLE_ADJUSTMENTS))]
        row = (pid, title, first, last, email, phone, address, postcode, preferred, adjust, created)
        called = f"{title} {last}" if title else f"{first} {last}"
        return row, called, possessive, obj

    # Text ---------------------------------------------------------------------------

    def _summary(
        self,
        rng: random.Random,
        *,
        subcategory: str,
        org: Org,
        called: str,
        possessive: str,
        obj: str,
        received_day: int,
    ) -> str:
        month_index = (dt.date.fromordinal(received_day).month - 2 - int(rng.random() * 6)) % 12
        values = {
            "c": called,
            "p": possessive,
            "o": obj,
            "org": "the Care Provider" if org.is_provider else "the Council",
            "rel": _RELATIVES.pick(rng),
            "child": "son" if rng.random() < 0.6 else "daughter",
            "w": 8 + int(rng.random() * 33),
            "m": 3 + int(rng.random() * 12),
            "n": 2 + int(rng.random() * 8),
            "amt": _AMOUNTS[int(rng.random() * len(_AMOUNTS))],
            "mon": _MONTHS[month_index],
        }
        templates = complaints.SUMMARIES[subcategory]
        text = templates[int(rng.random() * len(templates))].format(**values)
        impact = complaints.IMPACTS[int(rng.random() * len(complaints.IMPACTS))]
        return f"{text} {impact.format(**values)}" if impact else text

    def _codes_json(self, codes: tuple[str, ...]) -> str:
        text = self._json.get(codes)
        if text is None:
            text = json.dumps(list(codes))
            self._json[codes] = text
        return text

    # Cases --------------------------------------------------------------------------

    def build(
        self,
        rng: random.Random,
        arrivals: Sequence[Receipt],
        person_ids: Callable[[], int],
        case_ids: Callable[[], int],
    ) -> Chunk:
        chunk = Chunk()
        for receipt in arrivals:
            self._case(rng, receipt, chunk, person_ids, case_ids)
        return chunk

    def _choose(self, rng: random.Random) -> tuple[str, str, Org]:
        category = self.categories.pick(rng)
        if (
            category == Category.ADULT_CARE.value
            and self.providers is not None
            and rng.random() < P_CARE_PROVIDER
        ):
            return category, _PROVIDER_SUBCATEGORIES.pick(rng), self.providers.pick(rng)
        subcategory = self.subcategories[category].pick(rng)
        return category, subcategory, self.org_pickers[category].pick(rng)

    def _case(  # noqa: PLR0912, PLR0915 - one case's whole story reads best in one place
        self,
        rng: random.Random,
        receipt: Receipt,
        chunk: Chunk,
        person_ids: Callable[[], int],
        case_ids: Callable[[], int],
    ) -> None:
        clock = self.clock
        now = clock.now
        received = receipt.t
        received_day = received // DAY
        received_on = dt.date.fromordinal(received_day)
        category, subcategory, org = self._choose(rng)
        created = clock.utc_text(received)
        case_id = case_ids()
        person_id = person_ids()
        person, called, possessive, obj = self._person(
            rng, person_id, org, created, adjustments=True
        )
        chunk.people.append(person)
        representative_id: int | None = None
        authority = ""
        if rng.random() < P_REPRESENTATIVE:
            representative_id = person_ids()
            rep_row, *_ = self._person(rng, representative_id, org, created, adjustments=False)
            chunk.people.append(rep_row)
            authority = ref.REPRESENTATIVES[int(rng.random() * len(ref.REPRESENTATIVES))][1]
        summary = self._summary(
            rng,
            subcategory=subcategory,
            org=org,
            called=called,
            possessive=possessive,
            obj=obj,
            received_day=received_day,
        )
        sought_options = complaints.OUTCOMES_SOUGHT[category]
        sought = sought_options[int(rng.random() * len(sought_options))]

        steps = cut_at(sample_path(rng, clock, received, category), now)
        # The officer who works each stage the case has been through, and who moved it on.
        staff = self.staff
        officers: dict[str, tuple[int, int]] = {}
        for step in steps:
            if step.target != CLOSED and step.target not in officers:
                team = staff.team_for(step.target, org)
                officers[step.target] = (team.id, team.officers.pick(rng))
        stage = steps[-1].target
        outcome = ""
        codes: tuple[str, ...] = ()
        transitions = chunk.transitions
        for index, step in enumerate(steps):
            if step.reopen:
                team = staff.team_for(step.target, org)
                actor: int | None = team.managers[int(rng.random() * len(team.managers))]
                outcome, codes = "", ()
            elif index == 0:
                actor = None if receipt.channel == ONLINE else officers[INTAKE][1]
            else:
                actor = officers[step.source][1]
            if step.outcome:
                outcome = step.outcome
            if step.codes:
                codes = step.codes
            transitions.append(
                (
                    case_id,
                    step.source,
                    step.target,
                    step.outcome,
                    self._codes_json(step.codes),
                    step.reason,
                    actor,
                    clock.utc_text(step.t),
                )
            )
        # A closed case stays with the team and officer who closed it, as in a real system.
        team_id, officer_id = officers[steps[-1].source if stage == CLOSED else stage]

        intervals = stage_intervals(steps, now)
        contacts = plan_contacts(
            rng,
            clock,
            steps=steps,
            intervals=intervals,
            officers=officers,
            org=org,
            represented=representative_id is not None,
        )
        notes = chunk.notes
        for stage_value, start, end in intervals:
            options = wording.NOTES.get(stage_value)
            if not options:
                continue
            wanted = _NOTES_PER_STAGE.get(stage_value, 0.5)
            count = int(wanted) + (1 if rng.random() < wanted - int(wanted) else 0)
            author = officers[stage_value][1]
            for _ in range(count):
                at = clock.between(rng, start, end)
                notes.append(
                    (case_id, author, options[int(rng.random() * len(options))], clock.utc_text(at))
                )

        deadlines, next_due = self.clocks.replay(steps, contacts, received_on)
        for kind, (due, met) in deadlines.items():
            chunk.deadlines.append(
                (
                    case_id,
                    kind,
                    clock.date_text(due.toordinal()),
                    clock.utc_text(met) if met is not None else None,
                )
            )
        for received_at, direction, channel, party, text, handled, recorded_by in contacts:
            chunk.contacts.append(
                (
                    case_id,
                    direction,
                    channel,
                    party,
                    text,
                    clock.utc_text(received_at),
                    clock.utc_text(handled) if handled is not None else None,
                    recorded_by,
                )
            )

        year = received_on.year
        sequence = self.next_sequence[year]
        self.next_sequence[year] = sequence + 1
        sensitive = 1 if rng.random() < P_SENSITIVE else 0
        chunk.cases.append(
            (
                case_id,
                format_reference(year, sequence),
                clock.date_text(received_day),
                receipt.channel,
                org.id,
                category,
                subcategory,
                summary,
                sought,
                person_id,
                representative_id,
                authority,
                stage,
                outcome,
                self._codes_json(codes),
                team_id,
                officer_id,
                sensitive,
                clock.date_text(next_due[0].toordinal()) if next_due else None,
                next_due[1] if next_due else "",
                len(steps),
                created,
                clock.utc_text(steps[-1].t),
            )
        )
        if rng.random() < P_JOINT:
            other = self.org_pickers[category].pick(rng)
            if other.id != org.id:
                chunk.joint.append((case_id, other.id))

    # Contacts and clocks --------------------------------------------------------------
