"""Bulk investigation rows for a generated caseload: reading the cases, writing the rows.

Chunks of cases are read by primary key, planned (`plan.py`) and written in one
transaction each: COPY on PostgreSQL, executemany on SQLite, through the generator's
writers. Only cases without a statement of complaint are taken, so a second run finds
nothing left to do and a case a person has worked on is never touched.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from redress.casework.calendars import scheme_calendar
from redress.casework.generate.writer import PostgresWriter, Table, Writer, writer_for
from redress.casework.models import Case, ClockPause, Deadline, StageTransition
from redress.domain.investigation import keep_in_touch_started_on
from redress.domain.stages import Stage
from redress.investigation.models import ComplaintIssue, Enquiry, StatementOfComplaint

from .plan import ENQUIRY, CasePlan, OpenCase, Planner

INVESTIGATING = (Stage.INVESTIGATION.value, Stage.DRAFT_DECISION.value)


@dataclass
class StageDataResult:
    cases: int = 0
    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    seconds: float = 0.0


def _columns(model: Any, names: Sequence[str]) -> tuple[str, ...]:
    return tuple(model._meta.get_field(name).column for name in names)


STATEMENTS = Table(
    "statements",
    StatementOfComplaint._meta.db_table,
    _columns(
        StatementOfComplaint,
        (
            "case",
            "period_from",
            "period_to",
            "not_investigated",
            "written_by",
            "created_at",
            "updated_at",
        ),
    ),
)
ISSUES = Table(
    "issues",
    ComplaintIssue._meta.db_table,
    _columns(ComplaintIssue, ("case", "number", "description")),
)
ENQUIRIES = Table(
    "enquiries",
    Enquiry._meta.db_table,
    _columns(
        Enquiry,
        (
            "case",
            "number",
            "organisation",
            "questions",
            "documents_requested",
            "sent_on",
            "due_on",
            "sent_by",
            "answer",
            "answered_at",
            "last_chased_on",
            "chasers_sent",
            "created_at",
        ),
    ),
)
DEADLINES = Table(
    "deadlines", Deadline._meta.db_table, _columns(Deadline, ("case", "kind", "due_on", "met_at"))
)


def _open_cases(after: int, limit: int) -> tuple[int | None, list[OpenCase]]:
    """After primary key `after`, the next `limit` cases being investigated with no
    statement yet: the last key read (None when there are no more) and those to fill."""
    rows = list(
        Case.objects.filter(
            pk__gt=after,
            stage__in=INVESTIGATING,
            officer__isnull=False,
            statement_of_complaint__isnull=True,
        )
        .order_by("pk")
        .values_list(
            "pk",
            "stage",
            "organisation_id",
            "officer_id",
            "received_on",
            "next_due_on",
            "next_due_kind",
        )[:limit]
    )
    if not rows:
        return None, []
    ids = [row[0] for row in rows]
    history: dict[int, list[tuple[str, dt.date]]] = defaultdict(list)
    for case_id, to_stage, at in (
        StageTransition.objects.filter(case_id__in=ids)
        .order_by("case_id", "at", "pk")
        .values_list("case_id", "to_stage", "at")
    ):
        history[case_id].append((to_stage, timezone.localdate(at)))
    running: dict[int, dict[str, dt.date]] = defaultdict(dict)
    for case_id, kind, due_on in Deadline.objects.filter(
        case_id__in=ids, met_at__isnull=True
    ).values_list("case_id", "kind", "due_on"):
        running[case_id][kind] = due_on
    # Cases someone has begun to investigate through the services are left alone.
    worked = {
        *ComplaintIssue.objects.filter(case_id__in=ids).values_list("case_id", flat=True),
        *Enquiry.objects.filter(case_id__in=ids).values_list("case_id", flat=True),
        *Deadline.objects.filter(case_id__in=ids, kind=ENQUIRY).values_list("case_id", flat=True),
    }
    paused: dict[int, set[str]] = defaultdict(set)
    for case_id, kind in ClockPause.objects.filter(
        case_id__in=ids, ended_on__isnull=True
    ).values_list("case_id", "kind"):
        paused[case_id].add(kind)
    found = []
    for pk, stage, organisation_id, officer_id, received_on, due, kind in rows:
        # The day the current spell of investigating began, as keep-in-touch reads it.
        started = keep_in_touch_started_on(history[pk]) or received_on
        if pk in worked:
            continue
        found.append(
            OpenCase(
                id=pk,
                stage=stage,
                organisation_id=organisation_id,
                officer_id=officer_id,
                received_on=received_on,
                started_on=started,
                running=running[pk],
                paused=frozenset(paused[pk]),
                next_due=(due, kind),
            )
        )
    return ids[-1], found


class _Rows:
    """One chunk's rows, in each table's column order, with values the database takes."""

    def __init__(self) -> None:
        ops = connection.ops
        self.date = ops.adapt_datefield_value
        self.moment = ops.adapt_datetimefield_value
        self.tables: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        self.next_due: list[tuple[Any, ...]] = []

    def add(self, plan: CasePlan) -> None:
        case = plan.case
        period_from, period_to, not_investigated, at = plan.statement
        self.tables["statements"].append(
            (
                case.id,
                self.date(period_from),
                self.date(period_to),
                not_investigated,
                case.officer_id,
                self.moment(at),
                self.moment(at),
            )
        )
        self.tables["issues"].extend(
            (case.id, number, text) for number, text in enumerate(plan.issues, start=1)
        )
        for enquiry in plan.enquiries:
            self.tables["enquiries"].append(
                (
                    case.id,
                    enquiry.number,
                    case.organisation_id,
                    enquiry.question,
                    enquiry.documents,
                    self.date(enquiry.sent_on),
                    self.date(enquiry.due_on),
                    case.officer_id,
                    enquiry.answer,
                    self.moment(enquiry.answered_at) if enquiry.answered_at else None,
                    self.date(enquiry.last_chased_on) if enquiry.last_chased_on else None,
                    enquiry.chasers_sent,
                    self.moment(enquiry.sent_at),
                )
            )
        if plan.enquiry_clock is not None:
            due, met = plan.enquiry_clock
            self.tables["deadlines"].append(
                (case.id, ENQUIRY, self.date(due), self.moment(met) if met else None)
            )
        if plan.next_due != case.next_due:
            due_on, kind = plan.next_due
            self.next_due.append((self.date(due_on) if due_on else None, kind, case.id))


def _write(writer: Writer, rows: _Rows) -> None:
    for table in (STATEMENTS, ISSUES, ENQUIRIES, DEADLINES):
        if rows.tables[table.attr]:
            writer.write(table, rows.tables[table.attr])
    if not rows.next_due:
        return
    quote = connection.ops.quote_name
    case_table = quote(Case._meta.db_table)
    due, kind, pk = _columns(Case, ("next_due_on", "next_due_kind", "id"))
    with connection.cursor() as cursor:
        if isinstance(writer, PostgresWriter):
            # Staged by COPY, then one UPDATE joined on the key. The table is dropped at
            # commit; a second chunk (or run) in the same transaction makes it afresh.
            cursor.execute("DROP TABLE IF EXISTS stage_next_due")
            cursor.execute(
                "CREATE TEMPORARY TABLE stage_next_due (due date, kind varchar(32), id bigint) "
                "ON COMMIT DROP"
            )
            writer.write(Table("next_due", "stage_next_due", ("due", "kind", "id")), rows.next_due)
            cursor.execute(
                f"UPDATE {case_table} SET {quote(due)} = s.due, {quote(kind)} = s.kind "  # noqa: S608
                f"FROM stage_next_due s WHERE {case_table}.{quote(pk)} = s.id"
            )
        else:
            cursor.executemany(
                f"UPDATE {case_table} SET {quote(due)} = %s, {quote(kind)} = %s "  # noqa: S608
                f"WHERE {quote(pk)} = %s",
                rows.next_due,
            )


def stage_data_generate(
    *, seed: int, chunk_size: int = 5_000, progress: bool = True, now: dt.datetime | None = None
) -> StageDataResult:
    """Fill the investigation rows of every generated case being investigated that has
    none yet. Returns how many cases and rows were written."""
    started = time.perf_counter()
    now = timezone.localtime(now)
    planner = Planner(scheme_calendar(now.date()), now, seed)
    writer = writer_for(connection)
    result = StageDataResult()
    total = Case.objects.filter(
        stage__in=INVESTIGATING, officer__isnull=False, statement_of_complaint__isnull=True
    ).count()
    after = 0
    with tqdm(
        total=total, unit="case", unit_scale=True, disable=not progress, desc="Stage data"
    ) as bar:
        while True:
            with transaction.atomic():
                writer.begin_chunk()
                last, batch = _open_cases(after, chunk_size)
                if last is None:
                    break
                rows = _Rows()
                for case in batch:
                    rows.add(planner.plan(case))
                _write(writer, rows)
            after = last
            result.cases += len(batch)
            for name, table_rows in rows.tables.items():
                result.rows[name] += len(table_rows)
            result.rows["next due dates"] += len(rows.next_due)
            bar.update(len(batch))
    if isinstance(writer, PostgresWriter):
        with connection.cursor() as cursor:
            for table in (STATEMENTS, ISSUES, ENQUIRIES, DEADLINES):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table.db_table)}")
    result.seconds = time.perf_counter() - started
    return result
