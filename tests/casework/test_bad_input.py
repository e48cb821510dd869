"""Whatever is posted to the staff forms, the answer is a page or a redirect, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redress.accounts.models import Team, User
from redress.casework.models import Case, StageTransition
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db

FIELDS = [
    "version", "target", "outcome", "reason_codes", "reason", "review_upheld", "text",
    "direction", "channel", "party", "summary", "received_on_day", "received_on_month",
    "received_on_year", "handled", "category", "subcategory", "outcome_sought", "sensitive",
]  # fmt: skip
# Text that has broken real forms: empty, huge, control characters, markup, numbers.
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "0", "-1", "99999999999999999999", "<script>", "\x00", "closed"]),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
    st.text(min_size=5000, max_size=6000, alphabet="ab"),
)
POSTS = st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=len(FIELDS))


@pytest.fixture
def signed_in(manager: User, team: Team) -> tuple[Client, Case]:
    client = Client(raise_request_exception=False)
    client.force_login(manager)
    return client, make_case(team=team)


@pytest.mark.parametrize("name", ["casework:move", "casework:edit", "casework:log-contact",
                                  "casework:add-note"])  # fmt: skip
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=POSTS)
def test_any_post_gets_a_page_not_a_server_error(
    signed_in: tuple[Client, Case], name: str, data: dict[str, str]
) -> None:
    client, case = signed_in
    history_before = StageTransition.objects.filter(case=case).count()
    response = client.post(reverse(name, args=[case.reference.replace(" ", "")]), data)
    assert response.status_code in {200, 302}, response.content[:500]
    # A post the rules refuse leaves the case's history as it was.
    if response.status_code == 200:
        assert StageTransition.objects.filter(case=case).count() == history_before


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=st.dictionaries(st.sampled_from(["scope", "stage", "category", "organisation",
                                              "overdue", "sort", "page"]), VALUES))  # fmt: skip
def test_any_workqueue_query_gets_a_page(
    investigator_client: Client, query: dict[str, str]
) -> None:
    assert investigator_client.get(reverse("casework:workqueue"), query).status_code == 200


@pytest.fixture
def investigator_client(investigator: User) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(investigator)
    return client
