"""Delete sign-in links that can no longer be used and requests no longer counted.

Idempotent; run it from cron or a systemd timer (hourly is plenty).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from redress.portal.services import portal_tidy


class Command(BaseCommand):
    help = "Delete spent or expired portal sign-in links and old link requests."

    def handle(self, *args: Any, **options: Any) -> None:
        links, requests = portal_tidy(now=timezone.now())
        self.stdout.write(f"Deleted {links} old sign-in links and {requests} old link requests.")
