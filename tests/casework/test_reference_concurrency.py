"""References stay unique and gapless when many registrations race (needs PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from redress.casework.models import ReferenceCounter
from redress.casework.services import reference_issue

THREADS = 8
PER_THREAD = 25


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_get_distinct_sequential_references() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL; CI runs this there.")
    issued: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def register() -> None:
        try:
            start.wait()
            mine = [reference_issue(received_on=dt.date(2026, 5, 1)) for _ in range(PER_THREAD)]
            with lock:
                issued.extend(mine)
        except BaseException as error:  # report any failure from the worker thread
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=register) for _ in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert errors == []
    expected = [f"26 {n // 1000:03d} {n % 1000:03d}" for n in range(1, THREADS * PER_THREAD + 1)]
    assert sorted(issued) == expected
    assert ReferenceCounter.objects.get(year=2026).last_sequence == THREADS * PER_THREAD
