"""The consistency search: past financial remedies for the same area and injustice,
ranked by how alike the findings are, on SQLite (FTS5) and PostgreSQL (tsvector + GIN)."""

from __future__ import annotations

import pytest
from django.db import connection

from redress.casework.models import Case
from redress.domain.categories import Category
from redress.domain.findings import InjusticeKind
from redress.remedies.search import PastMatch, similar_past_remedies

from .conftest import AddPast

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="The PostgreSQL full-text path (tsvector, GIN index) runs when DATABASE_URL "
    "points at PostgreSQL, as in CI.",
)
ON_SQLITE = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="The FTS5 path is SQLite's; PostgreSQL has its own."
)


def _search(case: Case, text: str, **extra: object) -> tuple[PastMatch, ...]:
    return similar_past_remedies(
        category=case.category,
        subcategory=case.subcategory,
        injustice=InjusticeKind.DISTRESS,
        text=text,
        exclude_case_id=case.pk,
        **extra,  # type: ignore[arg-type]
    )


def _same_area_and_injustice_only(builder_case: Case, add_past: AddPast) -> None:
    add_past(300, text="Bed and breakfast accommodation for a family with children.")
    add_past(900, text="Bed and breakfast accommodation.", category=Category.EDUCATION)
    add_past(700, text="Bed and breakfast accommodation.", injustice=InjusticeKind.OUTRAGE)
    add_past(150, text="The council lost the housing register form.")
    found = _search(builder_case, "The family lived in bed and breakfast accommodation.")
    assert [match.amount for match in found] == [300]
    assert found[0].injustice == InjusticeKind.DISTRESS
    assert found[0].similarity > 0


def _most_similar_first_and_bounded(builder_case: Case, add_past: AddPast) -> None:
    add_past(100, text="Unsuitable accommodation.")
    add_past(400, text="Unsuitable bed and breakfast accommodation for a family of five.")
    add_past(200, text="Bed and breakfast for a family.")
    text = "Unsuitable bed and breakfast accommodation for the family."
    assert [match.amount for match in _search(builder_case, text)] == [400, 200, 100]
    assert [match.amount for match in _search(builder_case, text, limit=1)] == [400]


def _nothing_to_compare(builder_case: Case, add_past: AddPast) -> None:
    add_past(300)
    assert _search(builder_case, "") == ()
    assert _search(builder_case, "the and of") == ()
    assert _search(builder_case, 'Quotes " and FTS syntax: NEAR( OR * -x') == ()


def _own_case_left_out(builder_case: Case, add_past: AddPast) -> None:
    past = add_past(300)
    assert _search(past.decision.case, "bed and breakfast accommodation") == ()


CHECKS = [
    _same_area_and_injustice_only,
    _most_similar_first_and_bounded,
    _nothing_to_compare,
    _own_case_left_out,
]


@ON_SQLITE
@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__.strip("_"))
def test_on_sqlite(check: object, builder_case: Case, add_past: AddPast) -> None:
    check(builder_case, add_past)  # type: ignore[operator]


@ON_POSTGRESQL
@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__.strip("_"))
def test_on_postgresql(check: object, builder_case: Case, add_past: AddPast) -> None:
    check(builder_case, add_past)  # type: ignore[operator]


@ON_POSTGRESQL
def test_postgresql_keeps_a_search_vector_with_a_gin_index(
    builder_case: Case, add_past: AddPast
) -> None:
    past = add_past(300)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector IS NOT NULL FROM remedies_pastremedy WHERE action_id = %s",
            [past.pk],
        )
        assert cursor.fetchone() == (True,)
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'past_remedy_search'")
        row = cursor.fetchone()
    assert row is not None
    assert "gin" in row[0].lower()


@ON_SQLITE
def test_sqlite_keeps_the_fts5_table_in_step(builder_case: Case, add_past: AddPast) -> None:
    past = add_past(300, text="Mould in the temporary flat.")
    entry = past.past_entry
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT finding_text FROM remedies_pastremedy_fts WHERE rowid = %s", [entry.pk]
        )
        row = cursor.fetchone()
    assert row is not None
    assert "Mould in the temporary flat." in row[0]
