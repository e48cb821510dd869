"""Remedies: the kinds in the order the scheme considers them, the reference figures of its
remedy guidance, and the arithmetic that turns a figure into a suggested range.

Money is whole pounds (int) throughout; there are no pence in a recommended remedy.

The reference figures are data, not constants: each carries its area, the injustice it is
for, its unit (one-off, per month, per term), its source, how far it has been checked
(status) and the dates it is in force. The guidance is revised every year or two, so the
figure that applies is the one in force on the date asked about.

How aggravating and mitigating factors move a range (from the scheme's guidance: they
raise or lower a remedy; the exact steps are ours and deliberately coarse):

- the factors are counted against each other: each aggravating factor counts one up,
  each mitigating factor one down;
- net one or more down: the lower half of the range (low to midpoint);
- net zero: the whole range;
- net one up: the upper half (midpoint to high);
- net two or more up: from the midpoint to above the top: to the figure's exceptional
  ceiling if it has one, otherwise the top plus half the width of the range.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .categories import SUBCATEGORIES, Category
from .findings import InjusticeKind
from .stages import LabelledEnum


class RemedyKind(LabelledEnum):
    """The kinds of remedy, in the order the scheme considers them (DOMAIN.md §5)."""

    APOLOGY = "apology", "Apology"
    CORRECTIVE_ACTION = "corrective_action", "Corrective action"
    REIMBURSEMENT = "reimbursement", "Reimbursement of financial loss"
    LOST_SERVICE_PAYMENT = "lost_service_payment", "Payment for a lost service"
    SYMBOLIC_PAYMENT = "symbolic_payment", "Symbolic payment"
    SERVICE_IMPROVEMENT = "service_improvement", "Service improvement"
    WIDER_INJUSTICE = "wider_injustice", "Action for others affected (wider injustice)"


FINANCIAL_KINDS = frozenset(
    {RemedyKind.REIMBURSEMENT, RemedyKind.LOST_SERVICE_PAYMENT, RemedyKind.SYMBOLIC_PAYMENT}
)
# What a symbolic payment may acknowledge (the injustice that cannot be valued exactly).
SYMBOLIC_INJUSTICE = frozenset(
    {
        InjusticeKind.DISTRESS,
        InjusticeKind.LOST_OPPORTUNITY,
        InjusticeKind.UNCERTAINTY,
        InjusticeKind.TIME_AND_TROUBLE,
        InjusticeKind.OUTRAGE,
    }
)


@dataclass(frozen=True)
class RemedyPrompt:
    """One kind of remedy to consider for a finding, with why it is on the list."""

    kind: RemedyKind
    reason: str


def remedy_kinds_to_consider(injustice: Iterable[InjusticeKind]) -> tuple[RemedyPrompt, ...]:
    """The kinds of remedy to consider for a finding's injustice, in the scheme's order.

    Apology and corrective action always come first; a payment only for the injustice it
    fits; service improvements and others affected are always considered.
    """
    found = set(injustice)
    prompts = [
        RemedyPrompt(RemedyKind.APOLOGY, "Always consider an apology first."),
        RemedyPrompt(
            RemedyKind.CORRECTIVE_ACTION,
            "Can the organisation put things right: reassess, hold a fresh appeal, issue "
            "the plan or take the decision properly?",
        ),
    ]
    if InjusticeKind.FINANCIAL_LOSS in found:
        prompts.append(
            RemedyPrompt(RemedyKind.REIMBURSEMENT, "The person lost money that can be worked out.")
        )
    if InjusticeKind.LOST_SERVICE in found:
        prompts.append(
            RemedyPrompt(
                RemedyKind.LOST_SERVICE_PAYMENT,
                "The person went without a service they should have had.",
            )
        )
    symbolic = [kind.label.lower() for kind in InjusticeKind if kind in found & SYMBOLIC_INJUSTICE]
    if symbolic:
        prompts.append(
            RemedyPrompt(
                RemedyKind.SYMBOLIC_PAYMENT,
                "If significant injustice remains: a payment to acknowledge "
                + _and_list(symbolic)
                + ".",
            )
        )
    prompts.append(
        RemedyPrompt(
            RemedyKind.SERVICE_IMPROVEMENT,
            "Always consider whether others could be affected by the same fault in future.",
        )
    )
    prompts.append(
        RemedyPrompt(
            RemedyKind.WIDER_INJUSTICE,
            "Were other people already affected by the same fault?",
        )
    )
    return tuple(prompts)


class Unit(LabelledEnum):
    ONE_OFF = "one_off", "One-off"
    PER_MONTH = "per_month", "Per month"
    PER_TERM = "per_term", "Per school term"


_PERIOD_NAME = {Unit.PER_MONTH: "month", Unit.PER_TERM: "term"}


class FigureStatus(LabelledEnum):
    """How far a reference figure has been checked."""

    UNVERIFIED = "unverified", "Unverified"
    SEEN_IN_DECISIONS = "seen_in_decisions", "Seen in published decisions"
    CONFIRMED = "confirmed", "Confirmed in the published guidance"


ANY_AREA = "any"


def area_choices() -> list[tuple[str, str]]:
    """Every area a figure may cover: any, a category, or a sub-category."""
    choices = [(ANY_AREA, "Any area")]
    for category in Category:
        choices.append((category.value, category.label))
        for code, label in SUBCATEGORIES.get(category, ()):
            choices.append((f"{category.value}.{code}", f"{category.label}: {label}"))
    return choices


_AREA_LABELS = dict(area_choices())


def area_label(area: str) -> str:
    return _AREA_LABELS.get(area, area)


def areas_for(category: str, subcategory: str = "") -> tuple[str, ...]:
    """The areas whose figures apply to a case, most specific first.

    `subcategory` is the full "<category>.<name>" code the case records, if any.
    """
    areas = []
    if subcategory and subcategory.startswith(f"{category}."):
        areas.append(subcategory)
    if category:
        areas.append(category)
    areas.append(ANY_AREA)
    return tuple(areas)


class RemedyError(ValueError):
    """Remedy arithmetic asked of something that cannot give it, in plain English."""


@dataclass(frozen=True)
class GuidanceFigure:
    """One reference figure: the typical remedy for an injustice in an area.

    `low` and `high` are whole pounds per unit; both are None where the guidance gives no
    figure (for example "the value of the lost service", or a fresh appeal rather than
    money). `exceptional_high` is how far the figure may go in exceptional cases.
    `effective_to` is the last day the figure is in force (inclusive); None means open.
    """

    area: str
    injustice: InjusticeKind
    situation: str
    unit: Unit
    low: int | None
    high: int | None
    effective_from: dt.date
    effective_to: dt.date | None = None
    exceptional_high: int | None = None
    conditions: str = ""
    source: str = ""
    status: FigureStatus = FigureStatus.UNVERIFIED

    @property
    def has_amount(self) -> bool:
        return self.low is not None and self.high is not None

    def in_force_on(self, on: dt.date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


def figure_problems(
    *,
    area: str,
    situation: str,
    low: int | None,
    high: int | None,
    exceptional_high: int | None,
    source: str,
) -> dict[str, str]:
    """What is wrong with a reference figure as typed, by field; empty if it is sound."""
    problems: dict[str, str] = {}
    if area not in _AREA_LABELS:
        problems["area"] = "Choose an area from the list"
    if not situation.strip():
        problems["situation"] = "Say what situation the figure is for"
    if not source.strip():
        problems["source"] = "Say where the figure comes from"
    if (low is None) != (high is None):
        problems["high"] = "Enter both the lowest and the highest amount, or neither"
    elif low is not None and high is not None:
        if low < 0:
            problems["low"] = "The lowest amount cannot be less than £0"
        if high < low:
            problems["high"] = "The highest amount must be at least the lowest amount"
    if exceptional_high is not None:
        if high is None:
            problems["exceptional_high"] = (
                "An exceptional ceiling needs the usual lowest and highest amounts"
            )
        elif exceptional_high < high:
            problems["exceptional_high"] = (
                "The exceptional ceiling must be at least the highest usual amount"
            )
    return problems


def figures_in_force(
    figures: Iterable[GuidanceFigure],
    *,
    injustice: InjusticeKind,
    on: dt.date,
    category: str = "",
    subcategory: str = "",
) -> tuple[GuidanceFigure, ...]:
    """The figures for this injustice in force on `on` that apply to the case's area,
    most specific area first (sub-category, then category, then any area)."""
    rank = {area: position for position, area in enumerate(areas_for(category, subcategory))}
    matching = [
        figure
        for figure in figures
        if figure.injustice == injustice and figure.area in rank and figure.in_force_on(on)
    ]
    return tuple(sorted(matching, key=lambda figure: (rank[figure.area], figure.situation)))


class Aggravating(LabelledEnum):
    VULNERABILITY = "vulnerability", "The person is vulnerable"
    PROLONGED_DELAY = "prolonged_delay", "The injustice went on for a long time (prolonged delay)"


class Mitigating(LabelledEnum):
    OWN_CONTRIBUTION = "own_contribution", "The person's own actions added to the injustice"


@dataclass(frozen=True)
class SuggestedRange:
    """A suggested range in whole pounds with the reasoning behind it, line by line.

    `low` and `high` are None when the figure gives no amount; the lines then say what
    the guidance suggests instead.
    """

    low: int | None
    high: int | None
    lines: tuple[str, ...]


def pounds(amount: int) -> str:
    """An amount of whole pounds as people write it: £1,500."""
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount):,}"


def lower_first(text: str) -> str:
    """Text to follow a colon mid-sentence: the first letter lowered unless the first word
    is an abbreviation ("EHC plan" stays as it is)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


def _range_text(low: int, high: int) -> str:
    return pounds(low) if low == high else f"{pounds(low)} to {pounds(high)}"


def _midpoint(low: int, high: int) -> int:
    # Whole pounds, halves rounded up.
    return (low + high + 1) // 2


def suggested_range(
    figure: GuidanceFigure,
    *,
    periods: int = 1,
    aggravating: Iterable[Aggravating] = (),
    mitigating: Iterable[Mitigating] = (),
) -> SuggestedRange:
    """The range the guidance suggests for one injustice (rule in the module docstring).

    `periods` is the number of months or terms the injustice lasted, in the figure's unit;
    it is ignored for one-off figures.
    """
    lines = [
        f"Guidance for {lower_first(figure.situation.rstrip('.'))} "
        f"({area_label(figure.area).lower()}): " + _figure_text(figure) + "."
    ]
    if figure.status == FigureStatus.UNVERIFIED:
        lines.append("This figure is unverified: check it against the published guidance.")
    elif figure.status == FigureStatus.SEEN_IN_DECISIONS:
        lines.append("This figure is seen in published decisions, not stated in the guidance.")
    if figure.conditions:
        lines.append(figure.conditions.strip())
    if figure.low is None or figure.high is None:
        lines.append("The guidance gives no amount: decide the remedy from the conditions.")
        return SuggestedRange(None, None, tuple(lines))

    multiplier = 1
    if figure.unit != Unit.ONE_OFF:
        name = _PERIOD_NAME[figure.unit]
        if periods < 1:
            raise RemedyError(f"Enter how many {name}s the injustice lasted: at least 1.")
        multiplier = periods
        low, high = figure.low * multiplier, figure.high * multiplier
        lines.append(
            f"For {multiplier} {name if multiplier == 1 else name + 's'}: {_range_text(low, high)}."
        )
    ceiling = figure.exceptional_high * multiplier if figure.exceptional_high else None
    low, high, reasons = _weigh_factors(
        figure.low * multiplier,
        figure.high * multiplier,
        ceiling,
        raised=sorted(set(aggravating), key=list(Aggravating).index),
        lowered=sorted(set(mitigating), key=list(Mitigating).index),
    )
    return SuggestedRange(low, high, (*lines, *reasons))


def _weigh_factors(
    low: int,
    high: int,
    ceiling: int | None,
    *,
    raised: Sequence[Aggravating],
    lowered: Sequence[Mitigating],
) -> tuple[int, int, list[str]]:
    """Move the range for the factors, with a line for each factor and one for the result."""
    lines = [f"Aggravating: {lower_first(factor.label)}." for factor in raised]
    lines += [f"Mitigating: {lower_first(factor.label)}." for factor in lowered]
    net = len(raised) - len(lowered)
    middle = _midpoint(low, high)
    if net <= -1:
        high = middle
        lines.append(f"On balance the remedy is lowered: the lower half, {_range_text(low, high)}.")
    elif net == 1:
        low = middle
        lines.append(f"On balance the remedy is raised: the upper half, {_range_text(low, high)}.")
    elif net >= 2:
        top = ceiling if ceiling is not None else high + (high - low) // 2
        low, high = middle, max(top, high)
        lines.append(
            "Several aggravating factors: a remedy above the usual top may be justified, "
            f"{_range_text(low, high)}."
        )
    elif raised:
        lines.append(
            "The aggravating and mitigating factors balance out: the whole range, "
            f"{_range_text(low, high)}."
        )
    return low, high, lines


def _figure_text(figure: GuidanceFigure) -> str:
    if figure.low is None or figure.high is None:
        return "no typical amount"
    text = _range_text(figure.low, figure.high)
    if figure.unit != Unit.ONE_OFF:
        text += f" a {_PERIOD_NAME[figure.unit]}"
    if figure.exceptional_high is not None:
        text += f", up to {pounds(figure.exceptional_high)} exceptionally"
    return text


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; a day past the end of the month becomes its last day
    (31 January + 1 month = 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def months_covered(start: dt.date, end: dt.date) -> int:
    """How many months from `start` up to `end`, a part month counting as a whole one
    (the person should not lose a month's remedy to a few days)."""
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    months = max(months - 1, 0)
    while add_months(start, months) < end:
        months += 1
    return months


# Apologies and payments are due within one month of the final decision; service
# improvements (and finding others affected) within three.
_DUE_MONTHS = {
    RemedyKind.APOLOGY: 1,
    RemedyKind.CORRECTIVE_ACTION: 1,
    RemedyKind.REIMBURSEMENT: 1,
    RemedyKind.LOST_SERVICE_PAYMENT: 1,
    RemedyKind.SYMBOLIC_PAYMENT: 1,
    RemedyKind.SERVICE_IMPROVEMENT: 3,
    RemedyKind.WIDER_INJUSTICE: 3,
}


def default_due_months(kind: RemedyKind) -> int:
    """How many months after the final decision an action of this kind is usually due."""
    return _DUE_MONTHS[kind]


def default_due_on(kind: RemedyKind, final_decision_on: dt.date) -> dt.date:
    """When an action is due unless the investigator sets another date."""
    return add_months(final_decision_on, _DUE_MONTHS[kind])


class OfferRelation(LabelledEnum):
    """How our remedy stands to what the organisation already offered."""

    REPLACES = "replaces", "Replaces what the organisation offered"
    ADDS_TO = "adds_to", "Is in addition to what the organisation offered"


def offer_wording(
    *,
    ours: int,
    offered: int,
    relation: OfferRelation,
    organisation: str = "the organisation",
) -> str:
    """The sentence that says how our payment stands to the organisation's offer."""
    if relation == OfferRelation.REPLACES:
        return (
            f"Our {pounds(ours)} replaces, not adds to, the {pounds(offered)} "
            f"{organisation} offered."
        )
    return (
        f"Our {pounds(ours)} is in addition to the {pounds(offered)} {organisation} "
        f"offered: {pounds(ours + offered)} in all."
    )


def total_to_person(*, ours: int, offered: int, relation: OfferRelation) -> int:
    """What the person receives in all, counting the organisation's offer."""
    return ours if relation == OfferRelation.REPLACES else ours + offered


def _and_list(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
