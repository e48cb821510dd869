"""Remedy kinds, reference figures in force, the suggested range, due dates and offers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redress.domain.findings import InjusticeKind
from redress.domain.remedies import (
    ANY_AREA,
    Aggravating,
    FigureStatus,
    GuidanceFigure,
    Mitigating,
    OfferRelation,
    RemedyError,
    RemedyKind,
    Unit,
    add_months,
    area_choices,
    areas_for,
    default_due_on,
    figure_problems,
    figures_in_force,
    lower_first,
    months_covered,
    offer_wording,
    pounds,
    remedy_kinds_to_consider,
    suggested_range,
    total_to_person,
)

MARCH_2025 = dt.date(2025, 3, 1)


def figure(
    *,
    low: int | None = 150,
    high: int | None = 350,
    unit: Unit = Unit.PER_MONTH,
    area: str = "housing",
    injustice: InjusticeKind = InjusticeKind.LOST_SERVICE,
    situation: str = "Unsuitable temporary accommodation",
    exceptional_high: int | None = None,
    effective_from: dt.date = MARCH_2025,
    effective_to: dt.date | None = None,
    status: FigureStatus = FigureStatus.UNVERIFIED,
) -> GuidanceFigure:
    return GuidanceFigure(
        area=area,
        injustice=injustice,
        situation=situation,
        unit=unit,
        low=low,
        high=high,
        exceptional_high=exceptional_high,
        effective_from=effective_from,
        effective_to=effective_to,
        status=status,
        source="Guidance on remedies",
    )


DISTRESS = figure(
    low=100,
    high=300,
    unit=Unit.ONE_OFF,
    area=ANY_AREA,
    injustice=InjusticeKind.DISTRESS,
    situation="Distress",
    exceptional_high=1000,
)


def test_remedy_kinds_are_in_the_order_the_scheme_considers_them() -> None:
    assert [kind.value for kind in RemedyKind] == [
        "apology",
        "corrective_action",
        "reimbursement",
        "lost_service_payment",
        "symbolic_payment",
        "service_improvement",
        "wider_injustice",
    ]


@pytest.mark.parametrize(
    ("injustice", "expected"),
    [
        (
            (),
            ["apology", "corrective_action", "service_improvement", "wider_injustice"],
        ),
        (
            (InjusticeKind.DISTRESS, InjusticeKind.FINANCIAL_LOSS),
            [
                "apology",
                "corrective_action",
                "reimbursement",
                "symbolic_payment",
                "service_improvement",
                "wider_injustice",
            ],
        ),
        (
            (InjusticeKind.LOST_SERVICE,),
            [
                "apology",
                "corrective_action",
                "lost_service_payment",
                "service_improvement",
                "wider_injustice",
            ],
        ),
    ],
)
def test_kinds_to_consider_follow_the_injustice_in_order(
    injustice: tuple[InjusticeKind, ...], expected: list[str]
) -> None:
    assert [prompt.kind.value for prompt in remedy_kinds_to_consider(injustice)] == expected


def test_a_symbolic_payment_names_what_it_acknowledges() -> None:
    prompts = remedy_kinds_to_consider((InjusticeKind.UNCERTAINTY, InjusticeKind.DISTRESS))
    symbolic = next(p for p in prompts if p.kind == RemedyKind.SYMBOLIC_PAYMENT)
    assert "distress and uncertainty" in symbolic.reason


@pytest.mark.parametrize(
    ("category", "subcategory", "expected"),
    [
        ("housing", "", ("housing", "any")),
        (
            "education",
            "education.school_admissions",
            ("education.school_admissions", "education", "any"),
        ),
        ("education", "housing.homelessness", ("education", "any")),
        ("", "", ("any",)),
    ],
)
def test_areas_most_specific_first(category: str, subcategory: str, expected: tuple) -> None:
    assert areas_for(category, subcategory) == expected


def test_area_choices_include_any_categories_and_subcategories() -> None:
    codes = dict(area_choices())
    assert codes["any"] == "Any area"
    assert codes["education.school_admissions"] == "Education: School admissions"
    assert codes["adult_care"] == "Adult care services"


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (dt.date(2025, 2, 28), ()),
        (dt.date(2025, 3, 1), ("old",)),
        (dt.date(2026, 3, 31), ("old",)),
        (dt.date(2026, 4, 1), ("new",)),
        (dt.date(2030, 1, 1), ("new",)),
    ],
)
def test_the_figure_in_force_on_a_date(on: dt.date, expected: tuple[str, ...]) -> None:
    old = figure(situation="old", effective_to=dt.date(2026, 3, 31))
    new = figure(situation="new", effective_from=dt.date(2026, 4, 1))
    found = figures_in_force(
        [old, new], injustice=InjusticeKind.LOST_SERVICE, on=on, category="housing"
    )
    assert tuple(f.situation for f in found) == expected


def test_figures_in_force_match_the_area_and_put_the_specific_first() -> None:
    anywhere = figure(area=ANY_AREA, situation="anywhere")
    housing = figure(situation="housing")
    education = figure(area="education", situation="education")
    found = figures_in_force(
        [anywhere, education, housing],
        injustice=InjusticeKind.LOST_SERVICE,
        on=dt.date(2025, 6, 1),
        category="housing",
    )
    assert [f.situation for f in found] == ["housing", "anywhere"]


def test_figures_in_force_match_the_injustice() -> None:
    found = figures_in_force(
        [DISTRESS], injustice=InjusticeKind.OUTRAGE, on=dt.date(2025, 6, 1), category="housing"
    )
    assert found == ()


@pytest.mark.parametrize(
    ("periods", "aggravating", "mitigating", "expected"),
    [
        (6, (), (), (900, 2100)),
        (1, (), (), (150, 350)),
        (6, (Aggravating.VULNERABILITY,), (), (1500, 2100)),
        (6, (), (Mitigating.OWN_CONTRIBUTION,), (900, 1500)),
        (6, (Aggravating.VULNERABILITY,), (Mitigating.OWN_CONTRIBUTION,), (900, 2100)),
        (6, tuple(Aggravating), (), (1500, 2700)),
    ],
)
def test_monthly_figure_times_months_with_factors(
    periods: int,
    aggravating: tuple[Aggravating, ...],
    mitigating: tuple[Mitigating, ...],
    expected: tuple[int, int],
) -> None:
    result = suggested_range(
        figure(), periods=periods, aggravating=aggravating, mitigating=mitigating
    )
    assert (result.low, result.high) == expected


def test_the_reasoning_is_plain_english_lines() -> None:
    result = suggested_range(figure(), periods=6, aggravating=[Aggravating.VULNERABILITY])
    assert result.lines == (
        "Guidance for unsuitable temporary accommodation (housing): £150 to £350 a month.",
        "This figure is unverified: check it against the published guidance.",
        "For 6 months: £900 to £2,100.",
        "Aggravating: the person is vulnerable.",
        "On balance the remedy is raised: the upper half, £1,500 to £2,100.",
    )


def test_one_off_figure_ignores_periods_and_uses_the_exceptional_ceiling() -> None:
    plain = suggested_range(DISTRESS, periods=12)
    assert (plain.low, plain.high) == (100, 300)
    severe = suggested_range(DISTRESS, aggravating=tuple(Aggravating))
    assert (severe.low, severe.high) == (200, 1000)
    assert "above the usual top" in severe.lines[-1]
    assert "up to £1,000 exceptionally" in severe.lines[0]


def test_per_term_figure_multiplies_by_terms() -> None:
    term = figure(low=900, high=2400, unit=Unit.PER_TERM, area="education")
    result = suggested_range(term, periods=2)
    assert (result.low, result.high) == (1800, 4800)
    assert "For 2 terms: £1,800 to £4,800." in result.lines


def test_a_figure_without_an_amount_says_so() -> None:
    appeal = figure(
        low=None,
        high=None,
        unit=Unit.ONE_OFF,
        area="education.school_admissions",
        situation="Flawed appeal",
    )
    result = suggested_range(appeal, aggravating=[Aggravating.VULNERABILITY])
    assert (result.low, result.high) == (None, None)
    assert result.lines[-1] == (
        "The guidance gives no amount: decide the remedy from the conditions."
    )


@pytest.mark.parametrize("periods", [0, -3])
def test_a_periodic_figure_needs_at_least_one_period(periods: int) -> None:
    with pytest.raises(RemedyError, match="how many months"):
        suggested_range(figure(), periods=periods)


@pytest.mark.parametrize(
    ("status", "line"),
    [
        (FigureStatus.UNVERIFIED, "This figure is unverified"),
        (FigureStatus.SEEN_IN_DECISIONS, "This figure is seen in published decisions"),
        (FigureStatus.CONFIRMED, None),
    ],
)
def test_the_status_of_a_figure_is_stated_unless_confirmed(
    status: FigureStatus, line: str | None
) -> None:
    lines = suggested_range(figure(status=status), periods=1).lines
    status_lines = [text for text in lines if text.startswith("This figure")]
    if line is None:
        assert status_lines == []
    else:
        assert len(status_lines) == 1
        assert status_lines[0].startswith(line)


low_high = st.tuples(st.integers(0, 5000), st.integers(0, 5000)).map(sorted)
factor_sets = st.sets(st.sampled_from(list(Aggravating)))
mitigating_sets = st.sets(st.sampled_from(list(Mitigating)))


@given(low_high, st.integers(1, 60), st.integers(1, 60), factor_sets, mitigating_sets)
def test_suggested_range_is_monotone_in_months(
    bounds: list[int], a: int, b: int, raised: set, lowered: set
) -> None:
    fig = figure(low=bounds[0], high=bounds[1])
    shorter, longer = sorted((a, b))
    first = suggested_range(fig, periods=shorter, aggravating=raised, mitigating=lowered)
    second = suggested_range(fig, periods=longer, aggravating=raised, mitigating=lowered)
    assert first.low is not None
    assert second.low is not None
    assert first.high is not None
    assert second.high is not None
    assert first.low <= second.low
    assert first.high <= second.high


@st.composite
def figures_with_ceilings(draw: st.DrawFn) -> GuidanceFigure:
    low, high = draw(low_high)
    above = draw(st.one_of(st.none(), st.integers(0, 3000)))
    return figure(low=low, high=high, exceptional_high=None if above is None else high + above)


@given(
    figures_with_ceilings(),
    st.integers(1, 24),
    factor_sets,
    st.sampled_from(list(Aggravating)),
    mitigating_sets,
)
def test_an_aggravating_factor_never_lowers_the_range(
    fig: GuidanceFigure, periods: int, raised: set, extra: Aggravating, lowered: set
) -> None:
    before = suggested_range(fig, periods=periods, aggravating=raised, mitigating=lowered)
    after = suggested_range(fig, periods=periods, aggravating=raised | {extra}, mitigating=lowered)
    assert before.low is not None
    assert after.low is not None
    assert before.high is not None
    assert after.high is not None
    assert after.low >= before.low
    assert after.high >= before.high


@given(low_high, st.integers(1, 24), factor_sets)
def test_a_mitigating_factor_never_raises_the_range(
    bounds: list[int], periods: int, raised: set
) -> None:
    fig = figure(low=bounds[0], high=bounds[1])
    before = suggested_range(fig, periods=periods, aggravating=raised)
    after = suggested_range(
        fig, periods=periods, aggravating=raised, mitigating=[Mitigating.OWN_CONTRIBUTION]
    )
    assert before.low is not None
    assert after.low is not None
    assert before.high is not None
    assert after.high is not None
    assert after.low <= before.low
    assert after.high <= before.high
    assert after.low <= after.high


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2025, 3, 31), 3, dt.date(2025, 6, 30)),
        (dt.date(2025, 11, 15), 3, dt.date(2026, 2, 15)),
        (dt.date(2025, 12, 31), 1, dt.date(2026, 1, 31)),
        (dt.date(2025, 5, 10), 0, dt.date(2025, 5, 10)),
    ],
)
def test_add_months_keeps_to_the_end_of_short_months(
    day: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (RemedyKind.APOLOGY, dt.date(2025, 2, 28)),
        (RemedyKind.SYMBOLIC_PAYMENT, dt.date(2025, 2, 28)),
        (RemedyKind.REIMBURSEMENT, dt.date(2025, 2, 28)),
        (RemedyKind.LOST_SERVICE_PAYMENT, dt.date(2025, 2, 28)),
        (RemedyKind.CORRECTIVE_ACTION, dt.date(2025, 2, 28)),
        (RemedyKind.SERVICE_IMPROVEMENT, dt.date(2025, 4, 30)),
        (RemedyKind.WIDER_INJUSTICE, dt.date(2025, 4, 30)),
    ],
)
def test_default_due_dates(kind: RemedyKind, expected: dt.date) -> None:
    assert default_due_on(kind, dt.date(2025, 1, 31)) == expected


@given(st.dates(dt.date(2000, 1, 1), dt.date(2090, 1, 1)), st.sampled_from(list(RemedyKind)))
def test_default_due_date_is_after_the_decision(day: dt.date, kind: RemedyKind) -> None:
    assert day < default_due_on(kind, day) <= day + dt.timedelta(days=92)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (dt.date(2025, 1, 3), dt.date(2025, 4, 3), 3),
        (dt.date(2025, 1, 3), dt.date(2025, 4, 4), 4),
        (dt.date(2025, 1, 31), dt.date(2025, 2, 28), 1),
        (dt.date(2025, 1, 3), dt.date(2025, 1, 3), 0),
        (dt.date(2025, 1, 3), dt.date(2024, 1, 3), 0),
        (dt.date(2025, 1, 3), dt.date(2025, 1, 4), 1),
    ],
)
def test_months_covered_counts_a_part_month_as_whole(
    start: dt.date, end: dt.date, expected: int
) -> None:
    assert months_covered(start, end) == expected


@given(st.dates(dt.date(2000, 1, 1), dt.date(2080, 1, 1)), st.integers(0, 240))
def test_months_covered_undoes_add_months(start: dt.date, months: int) -> None:
    assert months_covered(start, add_months(start, months)) == months


@pytest.mark.parametrize(
    ("relation", "expected", "total"),
    [
        (
            OfferRelation.REPLACES,
            "Our £500 replaces, not adds to, the £200 the Council offered.",
            500,
        ),
        (
            OfferRelation.ADDS_TO,
            "Our £500 is in addition to the £200 the Council offered: £700 in all.",
            700,
        ),
    ],
)
def test_offer_wording(relation: OfferRelation, expected: str, total: int) -> None:
    assert offer_wording(ours=500, offered=200, relation=relation, organisation="the Council") == (
        expected
    )
    assert total_to_person(ours=500, offered=200, relation=relation) == total


@pytest.mark.parametrize(
    ("amount", "text"), [(0, "£0"), (950, "£950"), (1500, "£1,500"), (1234567, "£1,234,567")]
)
def test_pounds(amount: int, text: str) -> None:
    assert pounds(amount) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Distress", "distress"), ("EHC plan delayed", "EHC plan delayed"), ("", "")],
)
def test_lower_first(text: str, expected: str) -> None:
    assert lower_first(text) == expected


FIGURE_OK: dict[str, Any] = {
    "area": "housing",
    "situation": "Unsuitable temporary accommodation",
    "low": 150,
    "high": 350,
    "exceptional_high": None,
    "source": "Guidance on remedies",
}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"area": "moon"}, "area", "Choose an area from the list"),
        ({"situation": " "}, "situation", "Say what situation the figure is for"),
        ({"source": ""}, "source", "Say where the figure comes from"),
        ({"low": None}, "high", "Enter both the lowest and the highest amount, or neither"),
        ({"low": 400}, "high", "The highest amount must be at least the lowest amount"),
        ({"low": -1}, "low", "The lowest amount cannot be less than £0"),
        (
            {"exceptional_high": 300},
            "exceptional_high",
            "The exceptional ceiling must be at least the highest usual amount",
        ),
        (
            {"low": None, "high": None, "exceptional_high": 900},
            "exceptional_high",
            "An exceptional ceiling needs the usual lowest and highest amounts",
        ),
    ],
)
def test_figure_problems(changes: dict, field: str, message: str) -> None:
    assert figure_problems(**{**FIGURE_OK, **changes}) == {field: message}


def test_a_sound_figure_has_no_problems() -> None:
    assert figure_problems(**FIGURE_OK) == {}
    assert figure_problems(**{**FIGURE_OK, "low": None, "high": None}) == {}
