"""Admin forms for the guidance: they check input against the domain's rules so mistakes
come back beside the field; the services re-check under a lock when saving."""

from __future__ import annotations

from typing import Any

from django import forms

from redress.domain.remedies import area_choices, figure_problems

from .models import GuidanceFigure, GuidanceVersion
from .services import version_start_problem


class GuidanceVersionForm(forms.ModelForm):
    class Meta:
        model = GuidanceVersion
        fields = ("effective_from", "published_note")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "effective_from" in cleaned:
            problem = version_start_problem(self.instance, cleaned["effective_from"])
            if problem:
                self.add_error("effective_from", problem)
        return cleaned


class GuidanceFigureForm(forms.ModelForm):
    area = forms.ChoiceField(choices=area_choices)

    class Meta:
        model = GuidanceFigure
        fields = (
            "area",
            "injustice",
            "situation",
            "unit",
            "low",
            "high",
            "exceptional_high",
            "conditions",
            "source",
            "status",
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        problems = figure_problems(
            area=cleaned.get("area", ""),
            situation=cleaned.get("situation", ""),
            low=cleaned.get("low"),
            high=cleaned.get("high"),
            exceptional_high=cleaned.get("exceptional_high"),
            source=cleaned.get("source", ""),
        )
        for field, message in problems.items():
            self.add_error(field, message)
        return cleaned
