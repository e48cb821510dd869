"""The one search of past financial remedies, for the consistency check.

Similar injustice means: the same area (the case's category, and its sub-category when it
has one), the same kind of injustice paid for, and findings whose words are alike. The
text ranking is the database's own full-text search: on PostgreSQL a stored `tsvector`
with a GIN index, ranked by `ts_rank`; on SQLite an FTS5 table ranked by `bm25`. Both
answer through `similar_past_remedies`, bounded to the best `limit` matches, in the same
shape.

The index rows (`PastRemedy`) are written once, when a final decision is issued, by
`past_remedies_index`, which keeps the text index in step in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from typing import TYPE_CHECKING

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, QuerySet

from redress.domain.findings import InjusticeKind
from redress.domain.remedy_builder import injustice_paid_for, search_words

from .models import PastRemedy, RemedyAction

if TYPE_CHECKING:
    from redress.decisions.models import Decision, Finding

# The SQLite FTS5 table beside `PastRemedy` (its rowid is the PastRemedy's id); made by
# the migration on SQLite only.
FTS_TABLE = "remedies_pastremedy_fts"
_FTS_SEARCH = (
    "SELECT p.amount, p.decided_on, p.injustice, -bm25(remedies_pastremedy_fts) AS similarity "
    "FROM remedies_pastremedy_fts "
    "JOIN remedies_pastremedy p ON p.id = remedies_pastremedy_fts.rowid "
    "WHERE remedies_pastremedy_fts MATCH %s AND p.id IN ({inner}) "
    "ORDER BY similarity DESC, p.decided_on DESC, p.id DESC LIMIT %s"
)
_FTS_DELETE = "DELETE FROM remedies_pastremedy_fts WHERE rowid = %s"
_FTS_INSERT = "INSERT INTO remedies_pastremedy_fts (rowid, finding_text) VALUES (%s, %s)"
TEXT_CONFIG = "english"
DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class PastMatch:
    """One similar past financial remedy; `similarity` is higher for closer findings."""

    amount: int
    decided_on: dt.date
    injustice: InjusticeKind
    similarity: float


def finding_text(finding: Finding | None) -> str:
    """The words of a finding the search compares: what happened and the injustice."""
    if finding is None:
        return ""
    return f"{finding.what_happened}\n{finding.injustice}".strip()


def similar_past_remedies(
    *,
    category: str,
    subcategory: str,
    injustice: InjusticeKind,
    text: str,
    exclude_case_id: int | None = None,
    limit: int = DEFAULT_LIMIT,
) -> tuple[PastMatch, ...]:
    """The past financial remedies most like this one, most similar first (at most `limit`).

    With no telling words to compare, nothing is similar and the answer is empty.
    """
    words = search_words(text)
    if not words:
        return ()
    rows = PastRemedy.objects.filter(category=category, injustice=injustice.value)
    if subcategory:
        rows = rows.filter(subcategory=subcategory)
    if exclude_case_id is not None:
        rows = rows.exclude(case_id=exclude_case_id)
    if connection.vendor == "postgresql":
        return _postgresql(rows, words, limit)
    return _sqlite(rows, words, limit)


def _postgresql(
    rows: QuerySet[PastRemedy], words: Sequence[str], limit: int
) -> tuple[PastMatch, ...]:
    query = reduce(
        operator.or_,
        (SearchQuery(word, config=TEXT_CONFIG, search_type="plain") for word in words),
    )
    ranked = (
        rows.filter(search_vector=query)
        .annotate(similarity=SearchRank(F("search_vector"), query))
        .order_by("-similarity", "-decided_on", "-id")
        .values_list("amount", "decided_on", "injustice", "similarity")[:limit]
    )
    return tuple(
        PastMatch(amount, decided_on, InjusticeKind(injustice), float(similarity))
        for amount, decided_on, injustice, similarity in ranked
    )


def _sqlite(rows: QuerySet[PastRemedy], words: Sequence[str], limit: int) -> tuple[PastMatch, ...]:
    # The filters above become a sub-select; FTS5 does the matching and ranking. Each word
    # is quoted, so nothing typed can be read as FTS5 syntax.
    inner, params = rows.values("id").query.sql_with_params()
    match = " OR ".join('"' + word.replace('"', "") + '"' for word in words)
    # Only Django's own compiled sub-select is put into the text; every value is a parameter.
    sql = _FTS_SEARCH.format(inner=inner)
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *params, limit])
        found = cursor.fetchall()
    return tuple(
        PastMatch(
            int(amount),
            decided_on if isinstance(decided_on, dt.date) else dt.date.fromisoformat(decided_on),
            InjusticeKind(injustice),
            float(similarity),
        )
        for amount, decided_on, injustice, similarity in found
    )


def past_remedies_index(*, decision: Decision, decided_on: dt.date) -> list[PastRemedy]:
    """Add an issued decision's financial remedies to the search (call inside the issuing
    transaction). An action already in the index is left as it is."""
    case = decision.case
    actions = (
        RemedyAction.objects.filter(decision=decision, amount__isnull=False, past_entry=None)
        .select_related("finding")
        .order_by("number")
    )
    entries = []
    for action in actions:
        paid_for = injustice_paid_for(action.kind_enum, action.payment_for_enum)
        if paid_for is None or action.amount is None:
            continue
        entries.append(
            PastRemedy.objects.create(
                action=action,
                case=case,
                category=case.category,
                subcategory=case.subcategory,
                injustice=paid_for.value,
                amount=action.amount,
                decided_on=decided_on,
                finding_text=finding_text(action.finding) or action.action,
            )
        )
    _index_text(entries)
    return entries


def _index_text(entries: Sequence[PastRemedy]) -> None:
    if not entries:
        return
    if connection.vendor == "postgresql":
        PastRemedy.objects.filter(pk__in=[entry.pk for entry in entries]).update(
            search_vector=SearchVector("finding_text", config=TEXT_CONFIG)
        )
        return
    with connection.cursor() as cursor:
        for entry in entries:
            # A row left from an emptied table must not clash with a reused id.
            cursor.execute(_FTS_DELETE, [entry.pk])
            cursor.execute(_FTS_INSERT, [entry.pk, entry.finding_text])
