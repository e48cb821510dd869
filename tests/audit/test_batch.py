"""Audit rows recorded in a batch are written together at its end, or not at all."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from redress.accounts.models import Team
from redress.audit.models import AuditAction, AuditEvent
from redress.audit.services import audit_batch, audit_record

pytestmark = pytest.mark.django_db


def _record(team: Team, detail: str) -> AuditEvent:
    return audit_record(actor=None, action=AuditAction.UPDATE, instance=team, detail=detail)


def test_a_batch_writes_its_rows_in_one_statement_at_the_end(team: Team) -> None:
    with CaptureQueriesContext(connection) as queries, audit_batch():
        for n in range(3):
            _record(team, f"change {n}")
        assert not AuditEvent.objects.exists()
    inserts = [q for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 1
    assert list(AuditEvent.objects.order_by("id").values_list("detail", flat=True)) == [
        "change 0",
        "change 1",
        "change 2",
    ]


def _failing_batch(team: Team) -> None:
    with audit_batch():
        _record(team, "never kept")
        raise ValueError("refused")


def test_a_batch_that_fails_writes_nothing(team: Team) -> None:
    with pytest.raises(ValueError, match="refused"):
        _failing_batch(team)
    assert not AuditEvent.objects.exists()
    _record(team, "outside any batch")
    assert AuditEvent.objects.get().detail == "outside any batch"


def test_a_nested_batch_joins_the_outer_one(team: Team) -> None:
    with transaction.atomic(), audit_batch():
        with audit_batch():
            _record(team, "inner")
        assert not AuditEvent.objects.exists()
        _record(team, "outer")
    assert AuditEvent.objects.count() == 2
