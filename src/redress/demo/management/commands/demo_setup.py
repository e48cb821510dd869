"""`redress demo_setup`: demo accounts, a caseload and named scenario cases (idempotent).

Migrations are the Makefile's job; this only seeds. Running it again changes nothing: the
accounts are ensured by username, cases are generated only while there are fewer than
the target, and each scenario case is made once (see `redress.demo.scenarios`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from redress.accounts.authenticators import authenticator_enrol_with_secret
from redress.accounts.models import User
from redress.accounts.services import account_ensure
from redress.casework.generate import GenerateOptions, generate
from redress.casework.generate.bodies import organisations_ensure
from redress.casework.generate.staff import (
    COMPLIANCE_TEAM,
    INTAKE_TEAM,
    NORTH_TEAM,
    investigation_team_name,
    teams_ensure,
)
from redress.casework.models import Case
from redress.demo.scenarios import Scenario, scenarios_build
from redress.demo.scenarios.base import Cast
from redress.domain.roles import Role
from redress.organisations.models import Organisation

DEMO_PASSWORD = "redress-demo-2026"  # noqa: S105 - published on purpose: demo accounts only
DEMO_URL = "http://127.0.0.1:8000/"
DEMO_ORGANISATION = "Birmingham City Council"
DEFAULT_CASES = 2_000


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: Role
    first_name: str
    last_name: str
    team: str | None


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("intake", Role.INTAKE_OFFICER, "Ifeoma", "Adebayo", INTAKE_TEAM),
    DemoAccount("assessor", Role.ASSESSOR, "Sam", "Whitfield", NORTH_TEAM),
    DemoAccount("investigator", Role.INVESTIGATOR, "Priya", "Raman", investigation_team_name(1)),
    # The manager leads the investigator's team, so "My team's queue" is a busy one.
    DemoAccount("manager", Role.MANAGER, "Helen", "Castle", investigation_team_name(1)),
    DemoAccount("compliance", Role.COMPLIANCE_OFFICER, "Tom", "Okoro", COMPLIANCE_TEAM),
    DemoAccount("admin", Role.ADMINISTRATOR, "Alex", "Morgan", None),
)
COUNCIL_USERNAME = "council"
# The council account's authenticator key, published on purpose like the password: add it
# to an authenticator app to get the codes the organisation portal asks for.
DEMO_TOTP_SECRET = "REDRESSDEMOCOUNCILLINKOFFICER234"  # noqa: S105


class Command(BaseCommand):
    help = "Create the demo accounts and, if there are few cases, a realistic caseload."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--cases",
            type=int,
            default=DEFAULT_CASES,
            help=f"Make sure there are at least this many cases (default {DEFAULT_CASES:,}).",
        )
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args: Any, **options: Any) -> None:
        organisations_ensure()
        teams = teams_ensure()
        accounts: list[tuple[User, DemoAccount]] = []
        for account in DEMO_ACCOUNTS:
            user, _ = account_ensure(
                username=account.username,
                password=DEMO_PASSWORD,
                role=account.role,
                first_name=account.first_name,
                last_name=account.last_name,
                team=teams[account.team] if account.team else None,
                email=f"{account.username}@ombudsman.example",
            )
            accounts.append((user, account))
        council = Organisation.objects.get(name=DEMO_ORGANISATION)
        council_user, _ = account_ensure(
            username=COUNCIL_USERNAME,
            password=DEMO_PASSWORD,
            role=Role.ORGANISATION_USER,
            first_name="Link",
            last_name="Officer",
            organisation=council,
        )
        authenticator_enrol_with_secret(user=council_user, secret=DEMO_TOTP_SECRET)
        existing = Case.objects.count()
        wanted = options["cases"] - existing
        if wanted > 0:
            generate(
                GenerateOptions(
                    cases=wanted,
                    seed=options["seed"],
                    progress=options["verbosity"] > 0,
                    # A full officer's share each, so every demo workqueue has cases in it.
                    fixed_share=frozenset(user.pk for user, _ in accounts),
                )
            )
        users = {account.username: user for user, account in accounts}
        made = scenarios_build(
            Cast(
                intake=users["intake"],
                assessor=users["assessor"],
                investigator=users["investigator"],
                manager=users["manager"],
                compliance=users["compliance"],
                admin=users["admin"],
                council=council_user,
                organisation=council,
                assessment_team=teams[NORTH_TEAM],
                compliance_team=teams[COMPLIANCE_TEAM],
            )
        )
        self._print_box(accounts, council, made)

    def _print_box(
        self,
        accounts: list[tuple[User, DemoAccount]],
        council: Organisation,
        made: list[tuple[Scenario, Case]],
    ) -> None:
        rows = [(user.username, user.role_enum.label, DEMO_PASSWORD) for user, _ in accounts]
        rows.append((COUNCIL_USERNAME, f"Organisation user ({council.name})", DEMO_PASSWORD))
        widths = [
            max(len(row[i]) for row in [("Username", "Role", "Password"), *rows]) for i in range(3)
        ]

        def line(cells: tuple[str, str, str]) -> str:
            return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))

        body = [
            f"Redress demo: open {DEMO_URL} and sign in",
            "",
            line(("Username", "Role", "Password")),
            *(line(row) for row in rows),
            "",
            f"{Case.objects.count():,} cases in the database. Cases to try, one at each",
            "point of the flow (the investigator and the council have them in their queues):",
            *(f"  {case.reference}  {scenario.shows}" for scenario, case in made),
            "",
            f"The {COUNCIL_USERNAME} account signs in at {DEMO_URL}organisation/sign-in/",
            "with a code from an authenticator app. Add this key to the app by hand:",
            f"  {DEMO_TOTP_SECRET}",
        ]
        inner = max(len(text) for text in body)
        out = ["+" + "-" * (inner + 2) + "+"]
        out += [f"| {text.ljust(inner)} |" for text in body]
        out.append(out[0])
        self.stdout.write("\n".join(out))
