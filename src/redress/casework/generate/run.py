"""Generate a caseload: organisations, staff, reserved references, then chunks of cases."""

from __future__ import annotations

import datetime as dt
import math
import random
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import islice

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from tqdm import tqdm

from redress.casework.calendars import scheme_calendar
from redress.casework.models import Case, Person, ReferenceCounter
from redress.domain.references import MAX_SEQUENCE, ReferencesExhaustedError, format_reference

from .bodies import organisations_ensure
from .factory import CaseFactory
from .plan import Chunk, Receipt, estimate_open_work, receipts, receipts_per_day
from .staff import staff_ensure
from .timeline import WorkTime
from .writer import BackgroundWriter, PostgresWriter, writer_for

MAX_YEARS = 10
CASES_PER_YEAR = 20_000
# The scheme calendar loads bank holidays for twelve years back; stay inside it.
YEARS_LIMIT = 12


@dataclass(frozen=True)
class GenerateOptions:
    cases: int
    seed: int = 1974
    years: int | None = None
    chunk_size: int = 20_000
    now: dt.datetime | None = None
    progress: bool = True
    # Accounts (the demo's) that always get a full officer's share of their team's cases.
    fixed_share: frozenset[int] = frozenset()


@dataclass
class GenerateResult:
    cases: int
    years: int
    first_received: dt.date
    last_received: dt.date
    seconds: float
    rows: dict[str, int] = field(default_factory=dict)


def default_years(cases: int) -> int:
    """About 20,000 cases a year (the LGSCO's scale), over one to ten years."""
    return min(MAX_YEARS, max(1, math.ceil(cases / CASES_PER_YEAR)))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def references_reserve(per_year: Mapping[int, int]) -> dict[int, int]:
    """Reserve a block of references per registration year; return each block's first number.

    The counters move first, under row locks, so a case registered through the service
    while the generator runs takes the number after the block and nothing ever clashes.
    A block starts after both the counter and the highest reference already used that year.
    """
    first: dict[int, int] = {}
    with transaction.atomic():
        for year in sorted(per_year):
            counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(year=year)
            highest = Case.objects.filter(
                reference__gte=format_reference(year, 1),
                reference__lte=format_reference(year, MAX_SEQUENCE),
            ).aggregate(top=Max("reference"))["top"]
            used = int(highest[-7:].replace(" ", "")) if highest else 0
            start = max(counter.last_sequence, used) + 1
            last = start + per_year[year] - 1
            if last > MAX_SEQUENCE:
                raise ReferencesExhaustedError(
                    f"{per_year[year]:,} more cases in {year} would need references past "
                    f"{format_reference(year, MAX_SEQUENCE)}; generate fewer cases."
                )
            counter.last_sequence = last
            counter.save(update_fields=["last_sequence"])
            first[year] = start
    return first


def generate(options: GenerateOptions) -> GenerateResult:
    if options.cases < 1:
        raise ValueError("Generate at least one case.")
    years = options.years or default_years(options.cases)
    if not 1 <= years <= YEARS_LIMIT:
        raise ValueError(f"Years must be between 1 and {YEARS_LIMIT}; got {years}.")
    started = time.perf_counter()
    now = options.now or timezone.now()
    today = timezone.localdate(now)
    first = _years_before(today, years) + dt.timedelta(days=1)
    calendar = scheme_calendar(today)
    clock = WorkTime(
        calendar, first - dt.timedelta(days=40), today + dt.timedelta(days=5 * 366), now
    )
    seed = options.seed
    organisations = organisations_ensure()
    per_day = receipts_per_day(random.Random(f"{seed}:days"), clock, first, options.cases)
    open_work = estimate_open_work(random.Random(f"{seed}:open"), clock, per_day, organisations)
    staff = staff_ensure(
        rng=random.Random(f"{seed}:staff"), open_work=open_work, fixed_share=options.fixed_share
    )
    per_year: Counter[int] = Counter()
    for ordinal, count in per_day:
        per_year[dt.date.fromordinal(ordinal).year] += count
    factory = CaseFactory(
        clock=clock,
        calendar=calendar,
        organisations=organisations,
        staff=staff,
        next_sequence=references_reserve(per_year),
    )
    writer = writer_for(connection)
    rows: Counter[str] = Counter()
    stream = receipts(random.Random(f"{seed}:receipts"), clock, per_day)
    batches = iter(lambda: list(islice(stream, options.chunk_size)), [])
    person_block = int(options.chunk_size * 1.15) + 10

    def plan(index: int, batch: list[Receipt]) -> Chunk:
        chunk = factory.build(
            random.Random(f"{seed}:chunk:{index}"),
            batch,
            writer.id_source(Person, person_block),
            writer.id_source(Case, len(batch)),
        )
        for name in ("people", "cases", "transitions", "notes", "contacts", "deadlines"):
            rows[name] += len(getattr(chunk, name))
        return chunk

    with tqdm(
        total=options.cases,
        unit="case",
        unit_scale=True,
        disable=not options.progress,
        desc="Generating cases",
    ) as bar:
        if isinstance(writer, PostgresWriter) and not connection.in_atomic_block:
            # Ids come from sequences, so chunks can be planned here and written on a
            # second connection at the same time.
            with BackgroundWriter(on_written=bar.update) as background:
                for index, batch in enumerate(batches):
                    background.put(plan(index, batch), len(batch))
        else:
            for index, batch in enumerate(batches):
                # One transaction per chunk: a failure loses at most the chunk in hand,
                # and memory stays bounded by the chunk size, whatever the total.
                with transaction.atomic():
                    writer.write_chunk(plan(index, batch))
                bar.update(len(batch))
    writer.finish()
    return GenerateResult(
        cases=options.cases,
        years=years,
        first_received=first,
        last_received=today,
        seconds=time.perf_counter() - started,
        rows=dict(rows),
    )
