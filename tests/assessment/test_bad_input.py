"""Whatever is posted to the workspace forms, the answer is a page or a redirect, never a
500, and a post the rules refuse leaves what was saved as it was."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redress.accounts.models import User
from redress.assessment.models import Assessment
from redress.casework.models import Case, StageTransition
from redress.domain.assessment import DISCRETION_TESTS, LEGAL_BARS

pytestmark = pytest.mark.django_db

QUESTIONS = [q.value for q in (*LEGAL_BARS, *DISCRETION_TESTS)]
FIELDS = [
    "version", "notes", "explanation", "reason_codes", "signpost_body", "signpost_other",
    "remedy_provided", "investigator", "team", "action",
    *(f"answer_{q}" for q in QUESTIONS), *(f"note_{q}" for q in QUESTIONS),
    *(f"{part}_{n}" for n in (1, 2) for part in ("action", "who")),
    *(f"due_1_{part}" for part in ("day", "month", "year")),
]  # fmt: skip
# Text that has broken real forms: empty, huge, control characters, markup, numbers.
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "1",
            "-1",
            "99999999999999999999",
            "<script>",
            "\x00",
            "yes",
            "no",
            "good_reason",
            "LATE",
            "none",
            "other",
            "preview",
            "Housing Ombudsman Service",
        ]
    ),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
    st.text(min_size=5000, max_size=6000, alphabet="ab"),
)
POSTS = st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=len(FIELDS))


@pytest.fixture
def signed_in(manager: User, answered: Case) -> tuple[Client, Case]:
    client = Client(raise_request_exception=False)
    client.force_login(manager)
    return client, answered


@pytest.mark.parametrize(
    "name", ["workspace", "close", "remedy-provided", "early-resolution", "allocate"]
)
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
    history = StageTransition.objects.filter(case=case).count()
    saved = Assessment.objects.get(case=case).version
    response = client.post(
        reverse(f"assessment:{name}", args=[case.reference.replace(" ", "")]), data
    )
    assert response.status_code in {200, 302}, response.content[:500]
    if response.status_code == 200:
        # Refused: nothing moved, nothing saved over.
        assert StageTransition.objects.filter(case=case).count() == history
        assert Assessment.objects.get(case=case).version == saved
        assert b"govuk-error-summary" in response.content or data.get("action") == "preview"
