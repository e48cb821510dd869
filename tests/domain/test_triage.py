"""Triage suggestions: each rule, its reason in plain words, and how verdicts fit a decision."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redress.domain.categories import Category, OrganisationType
from redress.domain.stages import Outcome, ReasonCode, Stage
from redress.domain.triage import (
    BODIES,
    HOUSING_OMBUDSMAN,
    LONDON_TRIBUNALS,
    PHSO,
    SEND_TRIBUNAL,
    TRAFFIC_PENALTY_TRIBUNAL,
    VALUATION_TRIBUNAL,
    Candidate,
    ComplaintFacts,
    Suggestion,
    SuggestionCode,
    Verdict,
    VerdictError,
    check_verdicts,
    months_before,
    suggest,
    text_similarity,
)

TODAY = dt.date(2026, 3, 11)
FACTS = ComplaintFacts(
    organisation_name="Wessex County Council",
    organisation_type=OrganisationType.COUNTY,
    category=Category.PLANNING,
    subcategory="planning.planning_applications",
    text="The council approved my neighbour's extension without telling me.",
    received_on=TODAY,
    complained_to_organisation=True,
    final_response_received=True,
    final_response_on=dt.date(2026, 2, 1),
    first_knew_on=dt.date(2025, 11, 3),
)


def _facts(**changes: object) -> ComplaintFacts:
    return dataclasses.replace(FACTS, **changes)  # type: ignore[arg-type]


def _codes(facts: ComplaintFacts) -> list[str]:
    return [s.key for s in suggest(facts, today=TODAY)]


def test_a_complaint_in_time_after_a_final_response_suggests_nothing() -> None:
    assert suggest(FACTS, today=TODAY) == []


@pytest.mark.parametrize(
    ("complained", "final", "words"),
    [
        (False, None, "have not complained to Wessex County Council yet"),
        (True, False, "have not had its final response"),
        (None, False, "have not had its final response"),
    ],
)
def test_no_final_response_suggests_premature(
    complained: bool | None, final: bool | None, words: str
) -> None:
    (suggestion,) = suggest(
        _facts(complained_to_organisation=complained, final_response_received=final), today=TODAY
    )
    assert suggestion.code is SuggestionCode.PREMATURE
    assert suggestion.code.reason_code is ReasonCode.PREMATURE
    assert words in suggestion.why
    assert "they can come back" in suggestion.why


def test_unknown_final_response_suggests_nothing() -> None:
    facts = _facts(complained_to_organisation=None, final_response_received=None)
    assert suggest(facts, today=TODAY) == []


@pytest.mark.parametrize(
    ("first_knew", "late"),
    [
        (dt.date(2025, 3, 11), False),  # exactly 12 months before receipt
        (dt.date(2025, 3, 10), True),  # a day more
        (dt.date(2020, 1, 1), True),
        (dt.date(2026, 3, 11), False),
        (dt.date(2026, 9, 1), False),  # in the future: a typing mistake, not a late complaint
        (None, False),
    ],
)
def test_late_is_first_knowing_more_than_12_months_before_receipt(
    first_knew: dt.date | None, late: bool
) -> None:
    facts = _facts(first_knew_on=first_knew, final_response_on=None)
    assert ("LATE" in _codes(facts)) is late


def test_late_explains_dates_and_notes_a_recent_final_response() -> None:
    (suggestion,) = suggest(
        _facts(first_knew_on=dt.date(2024, 6, 1), final_response_on=dt.date(2026, 1, 20)),
        today=TODAY,
    )
    assert "1 June 2024" in suggestion.why
    assert "11 March 2026" in suggestion.why
    assert "20 January 2026" in suggestion.why
    assert "often a good reason" in suggestion.why


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 3, 11), dt.date(2025, 3, 11)),
        (dt.date(2025, 2, 28), dt.date(2024, 2, 28)),
        (dt.date(2024, 2, 29), dt.date(2023, 2, 28)),
        (dt.date(2026, 1, 31), dt.date(2025, 1, 31)),
    ],
)
def test_twelve_months_before(day: dt.date, expected: dt.date) -> None:
    assert months_before(day, 12) == expected


def test_months_before_clamps_to_the_end_of_a_shorter_month() -> None:
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 2) == dt.date(2025, 11, 15)


@pytest.mark.parametrize(
    ("changes", "code", "body"),
    [
        (
            {"category": Category.HOUSING, "subcategory": "", "text": "Repairs to my damp flat"},
            SuggestionCode.OUT_OF_JURISDICTION,
            HOUSING_OMBUDSMAN,
        ),
        (
            {"organisation_name": "Greenway Housing Association", "category": Category.HOUSING},
            SuggestionCode.OUT_OF_JURISDICTION,
            HOUSING_OMBUDSMAN,
        ),
        (
            {"organisation_name": "Wessex NHS Foundation Trust", "text": "Treatment"},
            SuggestionCode.OUT_OF_JURISDICTION,
            PHSO,
        ),
        (
            {"category": Category.ADULT_CARE, "text": "My GP refused to refer my mother."},
            SuggestionCode.OUT_OF_JURISDICTION,
            PHSO,
        ),
        (
            {"subcategory": "highways.parking", "text": "A parking ticket I did not deserve"},
            SuggestionCode.ALT_TRIBUNAL,
            TRAFFIC_PENALTY_TRIBUNAL,
        ),
        (
            {
                "organisation_type": OrganisationType.LONDON_BOROUGH,
                "text": "They gave me a penalty charge notice.",
            },
            SuggestionCode.ALT_TRIBUNAL,
            LONDON_TRIBUNALS,
        ),
        (
            {"subcategory": "education.special_educational_needs", "text": "School support"},
            SuggestionCode.ALT_TRIBUNAL,
            SEND_TRIBUNAL,
        ),
        (
            {"subcategory": "benefits_tax.council_tax", "text": "My house is in the wrong band"},
            SuggestionCode.ALT_TRIBUNAL,
            VALUATION_TRIBUNAL,
        ),
    ],
)
def test_jurisdiction_and_tribunal_suggestions_name_the_body(
    changes: dict[str, object], code: SuggestionCode, body: object
) -> None:
    found = suggest(_facts(**changes), today=TODAY)
    assert [(s.code, s.body) for s in found] == [(code, body)]
    assert found[0].why.endswith(".")


def test_a_parish_council_is_out_of_jurisdiction_with_no_body_to_signpost() -> None:
    (suggestion,) = suggest(_facts(organisation_name="Little Snoring Parish Council"), today=TODAY)
    assert suggestion.code is SuggestionCode.OUT_OF_JURISDICTION
    assert suggestion.body is None
    assert "monitoring officer" in suggestion.why


@pytest.mark.parametrize(
    "text",
    [
        "The police failed to investigate the crime against my son.",
        "I was dismissed from my job at the council after a grievance.",
        "The DWP stopped my Universal Credit.",
    ],
)
def test_police_personnel_and_benefit_matters_are_flagged(text: str) -> None:
    assert suggest(_facts(text=text), today=TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "The council dismissed my complaint and the officer was rude.",
        "The pipework in the school leaked for weeks.",
        "The housing allocation policy was not followed.",
    ],
)
def test_ordinary_words_do_not_trigger_suggestions(text: str) -> None:
    assert suggest(_facts(text=text), today=TODAY) == []


def test_homelessness_repairs_stay_with_us() -> None:
    facts = _facts(
        category=Category.HOUSING,
        subcategory="housing.homelessness",
        text="They put me in a damp room that needs repairs.",
    )
    assert suggest(facts, today=TODAY) == []


def _candidate(**changes: object) -> Candidate:
    base = Candidate(
        reference="26 000 007",
        received_on=TODAY - dt.timedelta(days=30),
        same_person=True,
        same_organisation=True,
        similarity=0.6,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "duplicate"),
    [
        ({}, True),
        ({"received_on": TODAY - dt.timedelta(days=90)}, True),
        ({"received_on": TODAY - dt.timedelta(days=91)}, False),
        ({"same_person": False}, False),
        ({"same_organisation": False}, False),
        ({"similarity": 0.2}, False),
    ],
)
def test_a_duplicate_needs_same_person_organisation_similar_text_within_90_days(
    changes: dict[str, object], duplicate: bool
) -> None:
    facts = _facts(candidates=(_candidate(**changes),))
    assert ("DUPLICATE-26000007" in _codes(facts)) is duplicate


def test_a_duplicate_says_which_case_and_notes_a_referred_back_one() -> None:
    open_case = _candidate(stage=Stage.ASSESSMENT)
    referred = _candidate(reference="26 000 003", stage=Stage.CLOSED, outcome=Outcome.REFERRED_BACK)
    found = suggest(_facts(candidates=(open_case, referred)), today=TODAY)
    assert [s.duplicate_of for s in found] == ["26 000 003", "26 000 007"]
    assert "not a duplicate" in found[0].why
    assert "still open, at assessment" in found[1].why
    assert "60% of the words" in found[1].why


def test_text_similarity() -> None:
    first = "The council did not repair the broken street light outside my house."
    assert text_similarity(first, first) == 1.0
    assert text_similarity(first, "The streetlight outside my house is broken.") > 0.2
    assert text_similarity(first, "Bins were not collected") == 0.0
    assert text_similarity("", first) == 0.0


@given(st.text(max_size=200), st.text(max_size=200))
def test_similarity_is_symmetric_and_between_0_and_1(first: str, second: str) -> None:
    score = text_similarity(first, second)
    assert 0.0 <= score <= 1.0
    assert score == text_similarity(second, first)


@given(st.text(max_size=300), st.sampled_from(list(Category)))
def test_any_text_gives_suggestions_with_reasons_and_unique_keys(
    text: str, category: Category
) -> None:
    found = suggest(_facts(text=text, category=category, subcategory=""), today=TODAY)
    assert all(s.why for s in found)
    assert len({s.key for s in found}) == len(found)


def test_bodies_have_unique_keys_and_web_addresses() -> None:
    assert len({b.key for b in BODIES}) == len(BODIES)
    assert all(b.url.startswith("https://") for b in BODIES)


PREMATURE = Suggestion(SuggestionCode.PREMATURE, "No final response.")
LATE = Suggestion(SuggestionCode.LATE, "Knew in 2020.")
DUPLICATE = Suggestion(SuggestionCode.DUPLICATE, "Same as 26 000 001.", duplicate_of="26 000 001")


def test_an_override_needs_a_reason() -> None:
    with pytest.raises(VerdictError, match="Say why you are overriding the 'premature'"):
        check_verdicts([Verdict(PREMATURE, accepted=False, override_reason=" ")],
                       pass_to_assessment=True, reason_codes=())  # fmt: skip


def test_accepting_premature_does_not_fit_passing_to_assessment() -> None:
    with pytest.raises(VerdictError, match="override it with a reason, or close the case"):
        check_verdicts(
            [Verdict(PREMATURE, accepted=True)], pass_to_assessment=True, reason_codes=()
        )


def test_late_and_duplicate_may_be_accepted_when_passing_to_assessment() -> None:
    verdicts = [Verdict(LATE, accepted=True), Verdict(DUPLICATE, accepted=True)]
    assert check_verdicts(verdicts, pass_to_assessment=True, reason_codes=()) == ()


def test_closing_records_the_chosen_codes_and_those_of_accepted_suggestions() -> None:
    verdicts = [
        Verdict(PREMATURE, accepted=True),
        Verdict(LATE, accepted=False, override_reason="They were in hospital for a year."),
        Verdict(DUPLICATE, accepted=True),
    ]
    codes = check_verdicts(
        verdicts,
        pass_to_assessment=False,
        reason_codes=[ReasonCode.COMPLAINT_HANDLING_ONLY, ReasonCode.PREMATURE],
    )
    assert codes == (ReasonCode.COMPLAINT_HANDLING_ONLY, ReasonCode.PREMATURE)


def test_a_case_held_elsewhere_is_named_but_a_restricted_one_is_not() -> None:
    elsewhere = _candidate(visible=False)
    restricted = [
        _candidate(reference=f"26 000 00{n}", visible=False, restricted=True) for n in (1, 2)
    ]
    found = suggest(_facts(candidates=(elsewhere, *restricted)), today=TODAY)
    named = [s for s in found if s.duplicate_of]
    unnamed = [s for s in found if not s.duplicate_of]
    assert [s.duplicate_of for s in named] == ["26 000 007"]
    assert "held by another team" in named[0].why
    assert len(unnamed) == 1
    assert "26 000 00" not in unnamed[0].why
