"""Send reminders for overdue enquiries: safe to run daily (or more often) from cron."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from redress.investigation.services import enquiries_chase


class Command(BaseCommand):
    help = (
        "Chase each overdue enquiry to an organisation, at most once every five working "
        "days. Running it again the same day sends nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = enquiries_chase()
        self.stdout.write(f"Sent {sent} reminder{'' if sent == 1 else 's'}.")
