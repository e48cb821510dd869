"""Administrators keep the remedy guidance here. Every save goes through the services.

A version a decision has used is shown read-only: to change the guidance, copy the newest
version into a new draft, change its figures, and give it a start date.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest

from .forms import GuidanceFigureForm, GuidanceVersionForm
from .models import GuidanceFigure, GuidanceVersion
from .permissions import may_edit_guidance
from .services import (
    GuidanceError,
    guidance_figure_delete,
    guidance_figure_save,
    guidance_version_copy,
    guidance_version_update,
)


def _editable(request: HttpRequest, version: GuidanceVersion | None) -> bool:
    return may_edit_guidance(request.user) and (version is None or not version.is_used)


class GuidanceFigureInline(admin.StackedInline):
    model = GuidanceFigure
    form = GuidanceFigureForm
    extra = 0
    fields = (
        ("area", "injustice"),
        "situation",
        ("unit", "low", "high", "exceptional_high"),
        "conditions",
        ("source", "status"),
    )

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return may_edit_guidance(request.user)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _editable(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _editable(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _editable(request, obj)


@admin.register(GuidanceVersion)
class GuidanceVersionAdmin(admin.ModelAdmin):
    form = GuidanceVersionForm
    inlines = (GuidanceFigureInline,)
    list_display = ("number", "effective_from", "effective_to", "in_use", "created_at")
    fields = (
        "number",
        "effective_from",
        "effective_to",
        "published_note",
        "created_at",
        "created_by",
        "first_used_at",
    )
    readonly_fields = ("number", "effective_to", "created_at", "created_by", "first_used_at")
    actions = ("copy_newest",)

    @admin.display(boolean=True, description="Used in a decision")
    def in_use(self, version: GuidanceVersion) -> bool:
        return version.is_used

    def has_module_permission(self, request: HttpRequest) -> bool:
        return may_edit_guidance(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return may_edit_guidance(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # New versions are made by copying the newest one (the action below).
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _editable(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: GuidanceVersion, form: ModelForm, change: bool
    ) -> None:
        guidance_version_update(
            version=obj,
            effective_from=form.cleaned_data["effective_from"],
            published_note=form.cleaned_data["published_note"],
            actor=request.user,  # type: ignore[arg-type]
        )

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseInlineFormSet, change: bool
    ) -> None:
        figures = formset.save(commit=False)
        for figure in formset.deleted_objects:
            guidance_figure_delete(figure=figure, actor=request.user)  # type: ignore[arg-type]
        for figure in figures:
            guidance_figure_save(figure=figure, actor=request.user)  # type: ignore[arg-type]

    @admin.action(description="Copy the newest version into a new draft")
    def copy_newest(self, request: HttpRequest, queryset: QuerySet[GuidanceVersion]) -> None:
        newest = GuidanceVersion.objects.order_by("-number").first()
        if newest is None or list(queryset) != [newest]:
            number = newest.number if newest else 1
            self.message_user(
                request, f"Select only the newest version, {number}, to copy it.", messages.ERROR
            )
            return
        try:
            copy = guidance_version_copy(actor=request.user)  # type: ignore[arg-type]
        except GuidanceError as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return
        self.message_user(
            request,
            f"Made version {copy.number}, a draft copy of version {newest.number}. Change its "
            "figures, then give it a start date to put it into force.",
            messages.SUCCESS,
        )
