"""Paging that stays fast on a million rows: counting stops at a cap instead of scanning all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

COUNT_CAP = 10_000


@dataclass(frozen=True)
class Page:
    items: list[Any]
    number: int
    per_page: int
    # The number of matching rows, or COUNT_CAP + 1 when there are more than the cap.
    count: int

    @property
    def count_is_capped(self) -> bool:
        return self.count > COUNT_CAP

    @property
    def count_label(self) -> str:
        return f"More than {COUNT_CAP:,}" if self.count_is_capped else f"{self.count:,}"

    @property
    def last_number(self) -> int:
        return max(1, -(-min(self.count, COUNT_CAP) // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.last_number or (
            self.count_is_capped and len(self.items) == self.per_page
        )

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.items else 0

    @property
    def last_index(self) -> int:
        return (self.number - 1) * self.per_page + len(self.items)


def parse_page_number(raw: str | None) -> int:
    try:
        number = int(raw or 1)
    except ValueError:
        return 1
    return min(max(number, 1), 1_000_000)


def paginate(queryset: QuerySet[Any], *, number: int, per_page: int) -> Page:
    offset = (number - 1) * per_page
    items = list(queryset[offset : offset + per_page])
    count = queryset.order_by()[: COUNT_CAP + 1].count()
    return Page(items=items, number=number, per_page=per_page, count=count)
