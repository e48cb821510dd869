"""Delete complaint drafts past their expiry, with their files, and old rate-limit records.

Idempotent; run it daily from cron or a systemd timer.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from redress.intake.journey.drafts import drafts_purge_expired


class Command(BaseCommand):
    help = "Delete expired complaint drafts and their files, and old submission records."

    def handle(self, *args: Any, **options: Any) -> None:
        removed = drafts_purge_expired()
        self.stdout.write(f"Deleted {removed} expired complaint drafts.")
