"""Follow up agreed actions: safe to run daily (or more often) from cron."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from redress.compliance.chasing import compliance_chase


class Command(BaseCommand):
    help = (
        "Remind organisations of agreed actions due within ten working days, chase those "
        "overdue (the first working day after the date, then every ten working days) and "
        "escalate to the team's manager at twenty working days overdue. Running it again "
        "the same day sends nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        done = compliance_chase()
        self.stdout.write(
            f"Reminders {done.reminders}, chasers {done.chasers}, newly overdue "
            f"{done.overdue}, escalations {done.escalations}."
        )
