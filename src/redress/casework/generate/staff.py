"""Teams and officers for a generated caseload: about one officer per 60 open cases.

Existing members of a team (the demo accounts, earlier runs' officers) are part of its pool,
so a second run tops the teams up instead of duplicating them. Generated officers have
unusable passwords: they exist to hold cases, not to sign in.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

from django.contrib.auth.hashers import make_password
from django.db.models import Count

from redress.accounts.models import Team, User
from redress.casework.models import Case
from redress.domain.roles import Role
from redress.domain.stages import Stage

from . import reference_data as ref
from . import wording
from .plan import Staff, officers_needed
from .plan import Team as TeamPool
from .timeline import Picker

INTAKE_TEAM = "Intake"
NORTH_TEAM = "Assessment North"
SOUTH_TEAM = "Assessment South"
COMPLIANCE_TEAM = "Compliance"
INVESTIGATION_PREFIX = "Investigation "
INVESTIGATORS_PER_TEAM = 10
OFFICERS_PER_MANAGER = 12
USERNAME_PREFIX = "officer."
# Managers hold a few cases of their own (complex or escalated ones), far fewer than officers.
MANAGER_SHARE = 0.05

_TEAM_ROLES: dict[str, Role] = {
    INTAKE_TEAM: Role.INTAKE_OFFICER,
    NORTH_TEAM: Role.ASSESSOR,
    SOUTH_TEAM: Role.ASSESSOR,
    COMPLIANCE_TEAM: Role.COMPLIANCE_OFFICER,
}


def investigation_team_name(number: int) -> str:
    return f"{INVESTIGATION_PREFIX}{number}"


def team_role(name: str) -> Role:
    return _TEAM_ROLES.get(name, Role.INVESTIGATOR)


def teams_ensure(investigation_teams: int = 1) -> dict[str, Team]:
    """The standing teams, creating any that are missing (idempotent)."""
    names = [INTAKE_TEAM, NORTH_TEAM, SOUTH_TEAM, COMPLIANCE_TEAM]
    existing_investigation = Team.objects.filter(name__startswith=INVESTIGATION_PREFIX).count()
    wanted = max(investigation_teams, existing_investigation, 1)
    names += [investigation_team_name(n) for n in range(1, wanted + 1)]
    teams = {team.name: team for team in Team.objects.filter(name__in=names)}
    missing = [Team(name=name) for name in names if name not in teams]
    if missing:
        Team.objects.bulk_create(missing, ignore_conflicts=True)
        teams = {team.name: team for team in Team.objects.filter(name__in=names)}
    return teams


def _next_number() -> int:
    pattern = re.compile(rf"^{re.escape(USERNAME_PREFIX)}.*\.(\d+)$")
    numbers = [
        int(match.group(1))
        for username in User.objects.filter(username__startswith=USERNAME_PREFIX).values_list(
            "username", flat=True
        )
        if (match := pattern.match(username))
    ]
    return max(numbers, default=0) + 1


def _clean(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalpha())


def _new_people(rng: random.Random, team: Team, role: Role, count: int, number: int) -> list[User]:
    people = []
    for offset in range(count):
        names = ref.FEMALE_FIRST_NAMES if rng.random() < 0.6 else ref.MALE_FIRST_NAMES
        first = names[int(rng.random() * len(names))]
        last = ref.LAST_NAMES[int(rng.random() * len(ref.LAST_NAMES))]
        n = number + offset
        people.append(
            User(
                username=f"{USERNAME_PREFIX}{_clean(first)}.{_clean(last)}.{n}",
                first_name=first,
                last_name=last,
                email=f"{_clean(first)}.{_clean(last)}.{n}@{wording.STAFF_EMAIL_DOMAIN}",
                role=role.value,
                team=team,
                password=make_password(None),
            )
        )
    return people


def staff_ensure(
    *, rng: random.Random, open_work: Mapping[str, float], fixed_share: frozenset[int] = frozenset()
) -> Staff:
    """Teams sized for today's open work (new cases plus those already open), with pools.

    `open_work` has the estimated open cases of the new run per team key ("intake", "north",
    "south", "investigation", "compliance"). Members listed in `fixed_share` (the demo
    accounts) always get a full officer's share, so their workqueues are never empty.
    """
    already = _open_by_team()
    investigators = officers_needed(
        open_work.get("investigation", 0.0)
        + sum(n for name, n in already.items() if name.startswith(INVESTIGATION_PREFIX))
    )
    teams = teams_ensure(max(1, -(-investigators // INVESTIGATORS_PER_TEAM)))
    investigation_names = sorted(
        (name for name in teams if name.startswith(INVESTIGATION_PREFIX)),
        key=lambda name: int(name.removeprefix(INVESTIGATION_PREFIX) or 0),
    )
    per_team_open: dict[str, float] = {
        INTAKE_TEAM: open_work.get("intake", 0.0),
        NORTH_TEAM: open_work.get("north", 0.0),
        SOUTH_TEAM: open_work.get("south", 0.0),
        COMPLIANCE_TEAM: open_work.get("compliance", 0.0),
    }
    for name in investigation_names:
        per_team_open[name] = open_work.get("investigation", 0.0) / len(investigation_names)
    number = _next_number()
    new_people: list[User] = []
    for name, estimate in per_team_open.items():
        team, role = teams[name], team_role(name)
        members = User.objects.filter(team=team, role=role.value, is_active=True).count()
        wanted = officers_needed(estimate + already.get(name, 0))
        if members < wanted:
            new_people += _new_people(rng, team, role, wanted - members, number)
            number += wanted - members
        managers = User.objects.filter(team=team, role=Role.MANAGER.value, is_active=True).count()
        wanted_managers = max(1, -(-wanted // OFFICERS_PER_MANAGER))
        if managers < wanted_managers:
            new_people += _new_people(rng, team, Role.MANAGER, wanted_managers - managers, number)
            number += wanted_managers - managers
    if new_people:
        User.objects.bulk_create(new_people)
    pools = {name: _pool(rng, teams[name], team_role(name), fixed_share) for name in per_team_open}
    return Staff(
        intake=pools[INTAKE_TEAM],
        assessment_north=pools[NORTH_TEAM],
        assessment_south=pools[SOUTH_TEAM],
        investigation=tuple(pools[name] for name in investigation_names),
        compliance=pools[COMPLIANCE_TEAM],
    )


def _open_by_team() -> dict[str, int]:
    return {
        row["team__name"]: row["n"]
        for row in Case.objects.exclude(stage=Stage.CLOSED.value)
        .filter(team__isnull=False)
        .values("team__name")
        .annotate(n=Count("id"))
    }


def _pool(rng: random.Random, team: Team, role: Role, fixed_share: frozenset[int]) -> TeamPool:
    members = list(
        User.objects.filter(team=team, is_active=True, role__in=[role.value, Role.MANAGER.value])
        .order_by("id")
        .values_list("id", "role")
    )
    managers = tuple(pk for pk, member_role in members if member_role == Role.MANAGER.value)
    weighted: list[tuple[int, float]] = []
    for pk, member_role in members:
        if pk in fixed_share:
            weight = 0.35 if member_role == Role.MANAGER.value else 1.0
        elif member_role == Role.MANAGER.value:
            weight = MANAGER_SHARE
        else:
            # Part-time and new staff carry less: a spread of caseloads, as in a real team.
            weight = 0.6 + 0.6 * rng.random()
        weighted.append((pk, weight))
    return TeamPool(id=team.pk, officers=Picker(weighted), managers=managers)
