"""Who sees which case: the scope every selector starts from."""

from __future__ import annotations

import pytest

from redress.accounts.models import Team, User
from redress.casework.models import Case
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db


def _visible(user: User) -> set[int]:
    return set(Case.objects.visible_to(user).values_list("pk", flat=True))


def test_staff_see_their_teams_cases_and_their_own(
    team: Team, other_team: Team, investigator: User, outsider: User
) -> None:
    ours = make_case(team=team)
    theirs = make_case(team=other_team)
    lent = make_case(team=other_team, officer=investigator)
    assert _visible(investigator) == {ours.pk, lent.pk}
    assert _visible(outsider) == {theirs.pk, lent.pk}


def test_sensitive_cases_only_for_the_officer_and_supervisors(
    team: Team, investigator: User, colleague: User, manager: User, administrator: User
) -> None:
    case = make_case(team=team, officer=investigator, sensitive=True)
    assert case.pk in _visible(investigator)
    assert case.pk in _visible(manager)
    assert case.pk in _visible(administrator)
    assert case.pk not in _visible(colleague)


def test_organisation_users_see_only_their_organisation(
    council: Organisation, other_council: Organisation, council_user: User
) -> None:
    ours = make_case(organisation=council)
    make_case(organisation=other_council)
    make_case(organisation=council, sensitive=True)
    assert _visible(council_user) == {ours.pk}


def test_complainants_and_inactive_staff_see_nothing_here(
    team: Team, complainant_user: User, investigator: User
) -> None:
    make_case(team=team)
    investigator.is_active = False
    investigator.save(update_fields=["is_active"])
    assert _visible(complainant_user) == set()
    assert _visible(investigator) == set()


@pytest.mark.parametrize(
    "persona", ["investigator", "colleague", "outsider", "manager", "administrator", "assessor"]
)
@pytest.mark.parametrize("team_queue", [True, False])
def test_queues_are_exactly_the_visible_cases_of_that_queue(
    request: pytest.FixtureRequest, persona: str, team_queue: bool, team: Team, other_team: Team
) -> None:
    user: User = request.getfixturevalue(persona)
    investigator: User = request.getfixturevalue("investigator")
    for owner_team in (team, other_team, None):
        for officer in (investigator, None):
            for sensitive in (False, True):
                make_case(team=owner_team, officer=officer, sensitive=sensitive)
    visible = Case.objects.visible_to(user)
    if team_queue and user.team_id is not None:
        expected = visible.filter(team_id=user.team_id)
    else:
        expected = visible.filter(officer_id=user.pk)
    queue = Case.objects.queue_of(user, team=team_queue)
    assert set(queue.values_list("pk", flat=True)) == set(expected.values_list("pk", flat=True))


def test_people_outside_the_staff_have_no_queue(
    council_user: User, complainant_user: User, council: Organisation
) -> None:
    make_case(organisation=council, officer=council_user)
    assert not Case.objects.queue_of(council_user, team=False).exists()
    assert not Case.objects.queue_of(complainant_user, team=True).exists()
