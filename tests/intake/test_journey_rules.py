"""The journey's rules, as pure functions: which questions apply, reading answers, limits."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from redress.domain.categories import Category
from redress.domain.complaints import (
    AnswersIncompleteError,
    Authority,
    ContactMethod,
    Step,
    authority_text,
    contact_problems,
    first_unanswered,
    guess_category,
    read_answers,
    retry_after,
    step_after,
    step_before,
    steps_that_apply,
)

COMPLETE: dict[str, dict[str, Any]] = {
    "who": {"complainer": "myself"},
    "your-name": {"title": "", "first_name": "Ann", "last_name": "Lee"},
    "contact": {"contact_method": "email", "email": "ann@example.org"},
    "adjustments": {"needs_adjustments": "no", "adjustments": ""},
    "organisation": {"organisation": 7},
    "what-happened": {"summary": "The school refused my son a place.",
                      "first_knew_on": "2025-04-01"},
    "impact": {"injustice": "He missed a term."},
    "outcome": {"outcome_sought": "A fresh appeal."},
    "complained": {"complained": "waiting"},
    "evidence": {},
    "about": {"category": "not_sure"},
    "consent": {"consent": True},
}  # fmt: skip


def test_the_questions_for_someone_complaining_for_themselves() -> None:
    steps = steps_that_apply(COMPLETE)
    assert Step.ON_BEHALF not in steps
    assert Step.FINAL_RESPONSE not in steps
    assert first_unanswered(COMPLETE) is None


def test_the_questions_for_a_representative_who_has_a_final_response() -> None:
    answers = {"who": {"complainer": "on_behalf"}, "complained": {"complained": "final_response"}}
    steps = steps_that_apply(answers)
    assert steps == list(Step)
    assert step_after(Step.WHO, answers) == Step.ON_BEHALF
    assert step_before(Step.EVIDENCE, answers) == Step.FINAL_RESPONSE
    assert first_unanswered(answers) == Step.ON_BEHALF


def test_neighbours_skip_questions_that_do_not_apply() -> None:
    assert step_after(Step.WHO, COMPLETE) == Step.YOUR_NAME
    assert step_before(Step.EVIDENCE, COMPLETE) == Step.COMPLAINED
    assert step_before(Step.WHO, COMPLETE) is None
    assert step_after(Step.CONSENT, COMPLETE) is None
    # From a page that does not apply, the neighbours that do.
    assert step_after(Step.FINAL_RESPONSE, COMPLETE) == Step.EVIDENCE


def test_reading_a_complete_draft() -> None:
    complaint = read_answers(COMPLETE)
    assert complaint.organisation_id == 7
    assert complaint.first_knew_on == dt.date(2025, 4, 1)
    assert complaint.final_response_on is None
    assert complaint.category == Category.EDUCATION  # worked out from "school"
    assert not complaint.category_chosen
    assert complaint.representative_authority == ""


@pytest.mark.parametrize(
    ("step", "page"),
    [
        ("organisation", {"organisation": "7"}),
        ("organisation", {"organisation": True}),
        ("what-happened", {"summary": "x", "first_knew_on": "yesterday"}),
        ("contact", {"contact_method": "pigeon"}),
        ("your-name", {"first_name": "  ", "last_name": "Lee"}),
        ("your-name", {"first_name": "Ann", "last_name": "Lee", "title": 3}),
        ("consent", {"consent": "yes"}),
        ("about", {"category": "parking"}),
    ],
)
def test_a_bad_answer_names_its_question(step: str, page: dict[str, Any]) -> None:
    with pytest.raises(AnswersIncompleteError) as error:
        read_answers({**COMPLETE, step: page})
    assert error.value.step == Step(step)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("My council tax bill was wrong and bailiffs came", Category.BENEFITS_TAX),
        ("They refused planning permission for my extension", Category.PLANNING),
        ("A parking penalty charge notice", Category.HIGHWAYS),
        ("My mother's care home fees", Category.ADULT_CARE),
        ("I was homeless and put in a bed and breakfast", Category.HOUSING),
        ("The bins were not collected for weeks", Category.ENVIRONMENT),
        ("Something else entirely", Category.CORPORATE),
    ],
)
def test_guessing_the_category(text: str, category: Category) -> None:
    assert guess_category(text) == category


@pytest.mark.parametrize(
    ("method", "fields", "expected"),
    [
        (ContactMethod.EMAIL, {"email": "a@b.org"}, set()),
        (ContactMethod.EMAIL, {}, {"email"}),
        (ContactMethod.LETTER, {}, {"address"}),
        (ContactMethod.LETTER, {"address": "1 High St"}, {"postcode"}),
        (ContactMethod.LETTER, {"address": "1 High St", "postcode": "AB1 2CD"}, set()),
        (ContactMethod.PHONE, {"phone": "01632 960001"}, {"address"}),
        (ContactMethod.PHONE, {"phone": "01632 960001", "email": "a@b.org"}, set()),
        (ContactMethod.PHONE, {"email": "a@b.org"}, {"phone"}),
    ],
)
def test_what_each_way_of_contact_needs(
    method: ContactMethod, fields: dict[str, str], expected: set[str]
) -> None:
    given = {"email": "", "phone": "", "address": "", "postcode": "", **fields}
    assert set(contact_problems(method, **given)) == expected


def test_the_authority_as_recorded() -> None:
    assert authority_text("Son", Authority.ATTORNEY) == (
        "Son: I have a lasting power of attorney or I am their deputy"
    )
    assert authority_text("", Authority.OTHER, "A court order") == "Something else (A court order)"
    assert len(authority_text("x" * 300, Authority.OTHER)) == 200


def test_the_rate_limit() -> None:
    now = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)
    recent = [now - dt.timedelta(minutes=m) for m in range(5, 55, 5)]  # ten in the hour
    assert retry_after(recent[:9], now) is None
    assert retry_after(recent, now) == now - dt.timedelta(minutes=50) + dt.timedelta(hours=1)
    old = [now - dt.timedelta(hours=2)] * 20
    assert retry_after(old, now) is None
    assert retry_after(recent, now, limit=11) is None
