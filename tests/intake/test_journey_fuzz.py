"""Whatever anyone sends to "Make a complaint", the answer is a page, never a server error."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_django import Settings

from redress.domain.complaints import Step
from redress.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

FIELDS = [
    "complainer", "first_name", "last_name", "relationship", "authority", "authority_detail",
    "title", "contact_method", "email", "phone", "address", "postcode", "needs_adjustments",
    "adjustments", "q", "organisation", "summary", "first_knew_on_day", "first_knew_on_month",
    "first_knew_on_year", "injustice", "outcome_sought", "complained", "final_response_on_day",
    "final_response_on_month", "final_response_on_year", "category", "consent", "action",
    "change", "draft", "file",
]  # fmt: skip
# Text that has broken real forms: empty, huge, control characters, markup, numbers, the
# values the forms expect, and values that are nearly right.
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "0", "-1", "1", "99999999999999999999", "<script>", "\x00",
                     "myself", "on_behalf", "other", "email", "letter", "phone", "yes", "no",
                     "final_response", "not_sure", "housing", "true", "continue", "save",
                     "search", "upload", "29", "2", "2024", "20245", "Feb", "a@b.c"]),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
    # Longer than any box takes, without costing the generator much.
    st.integers(min_value=1, max_value=3000).map(lambda n: "ab c\n" * n),
)  # fmt: skip
POSTS = st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=len(FIELDS))
PAGES = [reverse("intake:step", args=[step.value]) for step in Step] + [
    reverse("intake:check"),
    reverse("intake:save"),
    reverse("intake:keep-alive"),
    reverse("intake:remove-file", args=["evidence"]),
    reverse("intake:remove-file", args=["final-response"]),
]
HYPOTHESIS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@pytest.fixture(autouse=True)
def files_dir(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def visitor(db: None) -> Client:
    OrganisationFactory(name="Wessex County Council")
    client = Client(raise_request_exception=False)
    client.post(reverse("intake:step", args=["who"]), {"complainer": "myself"})
    return client


@pytest.mark.parametrize("path", PAGES)
@HYPOTHESIS
@given(data=POSTS)
def test_any_post_gets_a_page_not_a_server_error(
    visitor: Client, path: str, data: dict[str, str]
) -> None:
    response = visitor.post(path, data)
    assert response.status_code in {200, 302, 429}, response.content[:500]


@pytest.mark.parametrize(
    "path",
    [*PAGES[: len(Step)], reverse("intake:organisation-results"), reverse("intake:confirmation")],
)
@HYPOTHESIS
@given(query=st.dictionaries(st.sampled_from(["q", "change", "organisation"]), VALUES))
def test_any_query_gets_a_page(visitor: Client, path: str, query: dict[str, str]) -> None:
    response = visitor.get(path, query, headers={"HX-Request": "true"})
    assert response.status_code in {200, 302}, response.content[:500]


@HYPOTHESIS
@given(token=st.text(min_size=1, max_size=300).filter(lambda t: "/" not in t))
def test_any_link_gets_a_page(visitor: Client, token: str) -> None:
    response = visitor.get(f"/complain/continue/{quote(token, safe='')}/")
    assert response.status_code in {404, 410}
