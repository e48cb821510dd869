"""Forms for the remedy builder. They check the shape of what was typed; the rules (SMART,
the guidance, consistency with past decisions) are the domain's, applied by the services."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from redress.domain.findings import InjusticeKind
from redress.domain.remedies import (
    FINANCIAL_KINDS,
    SYMBOLIC_INJUSTICE,
    Aggravating,
    Mitigating,
    OfferRelation,
    RemedyKind,
    default_due_months,
)
from redress.frontend.forms import GovukDateField

from .builder_selectors import ActionInput, FigureOption
from .models import RemedyAction

_LONG = 5000
_MOST_POUNDS = 10_000_000
_MOST_PEOPLE = 10_000_000


def _text(label: str, *, rows: int = 3, required: bool = True, **extra: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=_LONG,
        required=required,
        **extra,
    )


def _whole(label: str, most: int, **extra: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=most,
        error_messages={
            "invalid": f"{label} must be a whole number",
            "min_value": f"{label} cannot be less than 0",
            "max_value": f"{label} is too large",
        },
        **extra,
    )


class RemedyActionForm(forms.Form):
    """One action of one kind; the fields shown follow the kind."""

    finding = forms.TypedChoiceField(
        label="Which finding does this action remedy?",
        coerce=int,
        empty_value=None,
        required=False,
    )
    # Not required here: the SMART check says what is missing, in its own words.
    action = _text(
        "What exactly will the organisation do?",
        required=False,
        help_text="A specific action, for example “apologise in writing to Mrs X for the "
        "delay in assessing her needs”. Not “consider” or “where appropriate”.",
    )
    responsible = forms.CharField(
        label="Which organisation will do it?", max_length=200, required=False
    )
    evidence = _text(
        "How will it show it has done it?",
        rows=2,
        required=False,
        help_text="For example a copy of the letter, proof of payment or the revised policy.",
    )
    due_on = GovukDateField(label="Date it must be done by", required=False)
    amount = _whole("Amount in pounds", _MOST_POUNDS, help_text="Whole pounds, no pence.")
    payment_for = forms.ChoiceField(
        label="What does the payment acknowledge?",
        choices=[(k.value, k.label) for k in InjusticeKind if k in SYMBOLIC_INJUSTICE],
        widget=forms.RadioSelect,
        required=False,
    )
    figure = forms.TypedChoiceField(
        label="Which guidance figure applies?",
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        required=False,
    )
    periods = _whole(
        "How many months or school terms did the injustice last?",
        600,
        help_text="Only for a figure given a month or a term. A part month counts as a month.",
    )
    aggravating = forms.MultipleChoiceField(
        label="Aggravating factors",
        choices=Aggravating.choices(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="They raise the suggested range.",
    )
    mitigating = forms.MultipleChoiceField(
        label="Mitigating factors",
        choices=Mitigating.choices(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="They lower the suggested range.",
    )
    outside_reason = _text(
        "Why is this amount outside the usual range?",
        required=False,
        help_text="Needed only when the amount is outside what similar past decisions recommended.",
    )
    others_affected = _whole(
        "How many other people are likely to be affected?",
        _MOST_PEOPLE,
        help_text="An estimate will do.",
    )
    how_found = _text("How will the organisation find them?", required=False)

    def __init__(
        self,
        *args: Any,
        kind: RemedyKind,
        findings: list[tuple[int, str]],
        figures: tuple[FigureOption, ...],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        months = default_due_months(kind)
        self.fields["due_on"].help_text = (
            f"For example 27 3 2026. Leave empty for the usual: within "
            f"{'one month' if months == 1 else f'{months} months'} of the final decision."
        )
        cast(forms.ChoiceField, self.fields["finding"]).choices = [
            ("", "Not tied to one finding"),
            *findings,
        ]
        financial = kind in FINANCIAL_KINDS
        if financial and figures:
            cast(forms.ChoiceField, self.fields["figure"]).choices = [
                (option.row.pk, _figure_label(option)) for option in figures
            ]
        else:
            del self.fields["figure"], self.fields["periods"]
        if not financial:
            for name in ("amount", "aggravating", "mitigating", "outside_reason"):
                del self.fields[name]
        if kind != RemedyKind.SYMBOLIC_PAYMENT:
            del self.fields["payment_for"]
        if kind != RemedyKind.WIDER_INJUSTICE:
            del self.fields["others_affected"], self.fields["how_found"]

    @staticmethod
    def initial_from(action: RemedyAction) -> dict[str, Any]:
        return {
            "finding": action.finding_id,
            "action": action.action,
            "responsible": action.responsible,
            "evidence": action.evidence,
            "due_on": action.due_on,
            "amount": action.amount,
            "payment_for": action.payment_for,
            "figure": action.figure_id,
            "periods": action.periods,
            "aggravating": action.aggravating,
            "mitigating": action.mitigating,
            "outside_reason": action.outside_reason,
            "others_affected": action.others_affected,
            "how_found": action.how_found,
        }

    def action_input(self) -> ActionInput:
        data = self.cleaned_data
        payment_for = data.get("payment_for")
        return ActionInput(
            kind=self.kind,
            finding_id=data.get("finding"),
            action=data.get("action", ""),
            responsible=data.get("responsible", ""),
            evidence=data.get("evidence", ""),
            due_on=data.get("due_on"),
            amount=data.get("amount"),
            payment_for=InjusticeKind(payment_for) if payment_for else None,
            others_affected=data.get("others_affected"),
            how_found=data.get("how_found") or "",
            figure_id=data.get("figure"),
            periods=data.get("periods"),
            aggravating=tuple(Aggravating(v) for v in data.get("aggravating") or ()),
            mitigating=tuple(Mitigating(v) for v in data.get("mitigating") or ()),
            outside_reason=data.get("outside_reason") or "",
        )


def _figure_label(option: FigureOption) -> str:
    figure = option.figure
    first = option.suggested.lines[0] if option.suggested.lines else figure.situation
    return first.removeprefix("Guidance for ").rstrip(".")


class OfferForm(forms.Form):
    what = _text(
        "What did the organisation offer?",
        help_text="For example “an apology and £200 for the delay”.",
    )
    amount = _whole("Amount offered in pounds", _MOST_POUNDS, help_text="Leave empty if none.")
    relation = forms.ChoiceField(
        label="How does our remedy stand to it?",
        choices=OfferRelation.choices(),
        widget=forms.RadioSelect,
    )
