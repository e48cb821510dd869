"""Whatever is typed into the portal's forms or addresses, the answer is a page, never a 500."""

from __future__ import annotations

import io
from collections.abc import Callable
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redress.casework.models import Case, Person

from .conftest import ref

pytestmark = pytest.mark.django_db

FIELDS = ["email", "reference", "text", "documents", "csrfmiddlewaretoken"]
VALUES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        ["", " ", "0", "pat@example.org", "26 000 001", "26000001", "<script>", "\x00",
         "a@b", "@", "\uff50\uff41\uff54@example.org", "26-000 001", "9" * 40]
    ),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
    st.text(min_size=5000, max_size=6000, alphabet="ab\n"),
)  # fmt: skip
POSTS = st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=len(FIELDS))
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
OK = {200, 302, 404, 405, 410, 429}


@pytest.fixture
def pats_client(
    signed_in: Callable[[Person, Case], Client], pat: Person, pats_case: Case
) -> Client:
    return signed_in(pat, pats_case)


@SETTINGS
@given(data=POSTS)
def test_any_link_request_gets_a_page(pats_case: Case, data: dict[str, str]) -> None:
    response = Client(raise_request_exception=False).post(reverse("portal:start"), data)
    assert response.status_code in {200, 302, 429}, response.content[:500]


@pytest.mark.parametrize("name", ["portal:message", "portal:evidence"])
@SETTINGS
@given(data=POSTS)
def test_any_post_about_a_case_gets_a_page(
    pats_client: Client, pats_case: Case, name: str, data: dict[str, str]
) -> None:
    response = pats_client.post(reverse(name, args=[ref(pats_case)]), data)
    assert response.status_code in {200, 302}, response.content[:500]


@SETTINGS
@given(name=st.text(max_size=300), content=st.binary(max_size=200))
def test_any_uploaded_file_gets_a_page(
    pats_client: Client, pats_case: Case, name: str, content: bytes
) -> None:
    # A bare file object: the test client sends its name as given; the server makes sense of it.
    upload = io.BytesIO(content)
    upload.name = name
    response = pats_client.post(
        reverse("portal:evidence", args=[ref(pats_case)]), {"documents": upload}
    )
    assert response.status_code in {200, 302}, response.content[:500]


@SETTINGS
@given(segment=st.text(min_size=1, max_size=80))
def test_any_address_under_the_portal_gets_a_page(
    pats_client: Client, pats_case: Case, segment: str
) -> None:
    quoted = quote(segment, safe="")
    for url in (
        f"/your-complaint/cases/{quoted}/",
        f"/your-complaint/cases/{quoted}/message/",
        f"/your-complaint/cases/{ref(pats_case)}/letters/{quoted}/",
        f"/your-complaint/sign-in/{quoted}/",
    ):
        assert pats_client.get(url).status_code in OK, url
        assert Client(raise_request_exception=False).post(url).status_code in OK, url
