"""`redress generate_stage_data`: investigation rows for the cases `redress generate` made."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from redress.demo.stage_data import stage_data_generate


def _positive(text: str) -> int:
    value = int(text.replace(",", "").replace("_", ""))
    if value < 1:
        raise ValueError(text)
    return value


class Command(BaseCommand):
    help = (
        "For each case being investigated (or at draft decision) with no statement of "
        "complaint, write one with 1 to 4 issues and 0 to 2 enquiries to the organisation "
        "(answered, waiting or overdue and chased), with the enquiry clock and the case's "
        "next due date as the services would leave them. Running it again adds nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seed", type=int, default=1974, help="The same seed gives the same rows."
        )
        parser.add_argument(
            "--chunk-size",
            type=_positive,
            default=5_000,
            help="Cases written per transaction (memory grows with it).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        show_progress = options["verbosity"] > 0
        result = stage_data_generate(
            seed=options["seed"], chunk_size=options["chunk_size"], progress=show_progress
        )
        if show_progress:
            rows = ", ".join(f"{count:,} {name}" for name, count in result.rows.items())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Stage data for {result.cases:,} cases in {result.seconds:.1f}s"
                    + (f" ({rows})." if rows else ".")
                )
            )
