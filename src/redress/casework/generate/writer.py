"""Writing generated rows in bulk: COPY on PostgreSQL, executemany on SQLite.

Both writers take the planner's rows as they are (ints, strings, None) in the column order
declared in TABLES, and hand out primary keys for people and cases before the rows are
written, so that children can point at their parents without a round trip per row.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db import connection as default_connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model

from redress.casework.models import Case, CaseNote, Contact, Deadline, Person, StageTransition

from .plan import Chunk

IdSource = Callable[[], int]


@dataclass(frozen=True)
class Table:
    attr: str  # the Chunk attribute holding this table's rows
    db_table: str
    columns: tuple[str, ...]


def _column(model: type[Model], name: str) -> str:
    field = model._meta.get_field(name)
    column = getattr(field, "column", None)
    if not isinstance(column, str):
        raise TypeError(f"{model.__name__}.{name} is not a concrete column.")
    return column


def _table(attr: str, model: type[Model], fields: Sequence[str]) -> Table:
    return Table(attr, model._meta.db_table, tuple(_column(model, name) for name in fields))


def tables() -> tuple[Table, ...]:
    """The tables a chunk fills, parents first, with columns named from the models."""
    return (
        _table(
            "people",
            Person,
            (
                "id",
                "title",
                "first_name",
                "last_name",
                "email",
                "phone",
                "address",
                "postcode",
                "preferred_contact",
                "reasonable_adjustments",
                "created_at",
            ),
        ),
        _table(
            "cases",
            Case,
            (
                "id",
                "reference",
                "received_on",
                "channel",
                "organisation",
                "category",
                "subcategory",
                "summary",
                "outcome_sought",
                "complainant",
                "representative",
                "representative_authority",
                "stage",
                "outcome",
                "reason_codes",
                "team",
                "officer",
                "sensitive",
                "next_due_on",
                "next_due_kind",
                "version",
                "created_at",
                "updated_at",
            ),
        ),
        _table("joint", Case.other_organisations.through, ("case", "organisation")),
        _table(
            "transitions",
            StageTransition,
            ("case", "from_stage", "to_stage", "outcome", "reason_codes", "reason", "actor", "at"),
        ),
        _table("notes", CaseNote, ("case", "author", "text", "at")),
        _table(
            "contacts",
            Contact,
            (
                "case",
                "direction",
                "channel",
                "party",
                "summary",
                "received_at",
                "handled_at",
                "recorded_by",
            ),
        ),
        _table("deadlines", Deadline, ("case", "kind", "due_on", "met_at")),
    )


class Writer:
    """What the generator needs from a database backend."""

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection

    def id_source(self, model: type[Model], expected: int) -> IdSource:
        raise NotImplementedError

    def write(self, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def begin_chunk(self) -> None:
        """Called inside each chunk's transaction, before anything is written."""

    def write_chunk(self, chunk: Chunk) -> None:
        self.begin_chunk()
        for table in tables():
            rows = getattr(chunk, table.attr)
            if rows:
                self.write(table, rows)

    def finish(self) -> None:
        """Bring the planner's statistics up to date after a bulk load."""


class PostgresWriter(Writer):
    """COPY in text format through Django's own psycopg 3 connection and transaction."""

    # Rows per COPY write: large enough to amortise calls, small enough to bound memory.
    BATCH = 5_000

    def begin_chunk(self) -> None:
        # A chunk's commit otherwise waits for ~100 MB of WAL to reach the disk. Without
        # the wait a crash can lose the last chunks written, never corrupt anything, and
        # a generator can simply be run again; the setting ends with the transaction.
        with self.connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
            # Django's foreign keys are deferred to commit; checked row by row during
            # COPY instead they cost less and overlap the client's formatting.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    def id_source(self, model: type[Model], expected: int) -> IdSource:
        # nextval over generate_series is safe next to concurrent inserts: the sequence
        # hands these numbers to nobody else. Unused ones are burnt, which is harmless.
        table = model._meta.db_table
        column = _column(model, "id")
        pending: list[int] = []
        block = max(expected, 1_000)

        def take() -> int:
            if not pending:
                with self.connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT nextval(pg_get_serial_sequence(%s, %s)) "
                        "FROM generate_series(1, %s)",
                        [table, column, block],
                    )
                    pending.extend(row[0] for row in reversed(cursor.fetchall()))
            return pending.pop()

        return take

    def write(self, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
        quote = self.connection.ops.quote_name
        sql = (
            f"COPY {quote(table.db_table)} ({', '.join(quote(c) for c in table.columns)}) "
            "FROM STDIN"
        )
        self.connection.ensure_connection()
        raw = self.connection.connection
        with raw.cursor() as cursor, cursor.copy(sql) as copy:
            for start in range(0, len(rows), self.BATCH):
                copy.write("".join(_copy_lines(rows[start : start + self.BATCH])))

    def finish(self) -> None:
        with self.connection.cursor() as cursor:
            for table in tables():
                cursor.execute(f"ANALYZE {self.connection.ops.quote_name(table.db_table)}")


def _copy_lines(rows: Sequence[tuple[Any, ...]]) -> Iterator[str]:
    # The planner's texts never hold tabs, newlines or backslashes (a test checks the
    # wording), so COPY's text format needs no escaping beyond NULL.
    for row in rows:
        yield "\t".join(["\\N" if value is None else str(value) for value in row]) + "\n"


class SqliteWriter(Writer):
    """executemany on the raw sqlite3 connection, inside the caller's transaction."""

    def id_source(self, model: type[Model], expected: int) -> IdSource:
        # The chunk's transaction holds SQLite's write lock (BEGIN IMMEDIATE), so nobody
        # else can take these numbers between reading the maximum and inserting.
        quote = self.connection.ops.quote_name
        with self.connection.cursor() as cursor:
            # Identifiers come from model metadata, quoted; there are no values to bind.
            cursor.execute(
                f"SELECT COALESCE(MAX({quote(_column(model, 'id'))}), 0) "  # noqa: S608
                f"FROM {quote(model._meta.db_table)}"
            )
            row = cursor.fetchone()
        counter = [int(row[0]) if row else 0]

        def take() -> int:
            counter[0] += 1
            return counter[0]

        return take

    def write(self, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
        quote = self.connection.ops.quote_name
        # Identifiers come from model metadata, quoted; the values are bound parameters.
        sql = (
            f"INSERT INTO {quote(table.db_table)} "  # noqa: S608
            f"({', '.join(quote(c) for c in table.columns)}) "
            f"VALUES ({', '.join('?' for _ in table.columns)})"
        )
        self.connection.ensure_connection()
        self.connection.connection.executemany(sql, rows)


class BackgroundWriter:
    """Writes chunks on a second connection while the caller plans the next (PostgreSQL).

    The server ingests a chunk (COPY, index upkeep, foreign key checks) on one core while
    the planner's Python runs on the other, so the two overlap instead of taking turns.
    At most one chunk waits in the queue, which keeps memory bounded. Each chunk is one
    transaction on the writer's connection; the first failure stops the run.
    """

    def __init__(self, on_written: Callable[[int], object]) -> None:
        self._queue: queue.Queue[tuple[Chunk, int] | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._cancelled = False
        self._on_written = on_written
        self._thread = threading.Thread(target=self._run, name="generate-writer", daemon=True)

    def __enter__(self) -> BackgroundWriter:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc is not None:
            self._cancelled = True
        self._queue.put(None)
        self._thread.join()
        if exc is None and self._error is not None:
            raise self._error

    def put(self, chunk: Chunk, cases: int) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put((chunk, cases))

    def _run(self) -> None:
        # Django gives each thread its own connection; this one is closed at the end.
        connection = connections[DEFAULT_DB_ALIAS]
        writer = PostgresWriter(connection)
        try:
            while (item := self._queue.get()) is not None:
                if self._error is not None or self._cancelled:
                    continue  # keep draining so the producer never blocks
                chunk, cases = item
                try:
                    with transaction.atomic(using=connection.alias):
                        writer.write_chunk(chunk)
                except BaseException as error:  # handed to the producer, raised there
                    self._error = error
                    continue
                self._on_written(cases)
        finally:
            connection.close()


def writer_for(connection: BaseDatabaseWrapper = default_connection) -> Writer:
    if connection.vendor == "postgresql":
        return PostgresWriter(connection)
    if connection.vendor == "sqlite":
        return SqliteWriter(connection)
    raise NotImplementedError(f"The generator does not support {connection.vendor}.")
