"""`redress generate --cases N`: add a realistic caseload, in bulk, ending today."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from redress.casework.generate import GenerateOptions, default_years, generate
from redress.domain.references import ReferencesExhaustedError


def _positive(text: str) -> int:
    value = int(text.replace(",", "").replace("_", ""))
    if value < 1:
        raise ValueError(text)
    return value


class Command(BaseCommand):
    help = (
        "Generate N realistic cases received over the last few years (by default about "
        "20,000 a year, one to ten years), with their people, stage histories, notes, "
        "contacts and deadlines. Running it again adds more cases."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cases", type=_positive, required=True, help="How many cases.")
        parser.add_argument(
            "--seed",
            type=int,
            default=1974,
            help="The same seed at the same moment gives the same caseload.",
        )
        parser.add_argument(
            "--years",
            type=_positive,
            default=None,
            help="Years of receipts ending today (default: cases / 20,000, 1 to 10).",
        )
        parser.add_argument(
            "--chunk-size",
            type=_positive,
            default=20_000,
            help="Cases written per transaction (memory grows with it).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        cases: int = options["cases"]
        years: int = options["years"] or default_years(cases)
        show_progress = options["verbosity"] > 0
        try:
            result = generate(
                GenerateOptions(
                    cases=cases,
                    seed=options["seed"],
                    years=years,
                    chunk_size=options["chunk_size"],
                    progress=show_progress,
                )
            )
        except (ValueError, ReferencesExhaustedError) as error:
            raise CommandError(str(error)) from error
        if show_progress:
            rows = ", ".join(f"{count:,} {name}" for name, count in result.rows.items())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Generated {result.cases:,} cases received {result.first_received:%d %b %Y}"
                    f" to {result.last_received:%d %b %Y} in {result.seconds:.1f}s ({rows})."
                )
            )
