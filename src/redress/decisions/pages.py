"""What the staff decision pages share: who may open them, finding the case and its
decision, and showing a form again with what went wrong."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from redress.accounts.models import User
from redress.casework import selectors as case_selectors
from redress.casework.models import Case
from redress.casework.permissions import can_view_workqueue

from . import selectors, services
from .models import Decision
from .permissions import can_record_findings


def _staff(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not can_view_workqueue(user):
        raise PermissionDenied("Casework pages are for the scheme's staff.")
    return user


def url_reference(case: Case) -> str:
    return case.reference.replace(" ", "")


def staff_case(request: HttpRequest, reference: str) -> tuple[User, Case]:
    user = _staff(request)
    return user, case_selectors.case_for_user(user=user, reference=reference)


def writer_case(request: HttpRequest, reference: str) -> tuple[User, Case]:
    user, case = staff_case(request, reference)
    if not can_record_findings(user, case):
        raise PermissionDenied("You cannot work on the decision for this case.")
    return user, case


def decision_or_404(case: Case) -> Decision:
    decision = selectors.current_decision(case=case)
    if decision is None:
        raise Http404("There is no decision being written on this case.")
    return decision


def back_to_overview(case: Case) -> HttpResponse:
    return redirect("decisions:overview", reference=url_reference(case))


def form_page(
    request: HttpRequest, template: str, case: Case, form: forms.Form, **extra: Any
) -> HttpResponse:
    return render(
        request,
        template,
        {"case": case, "url_reference": url_reference(case), "form": form, **extra},
    )


def add_problems(form: forms.Form, error: services.DecisionError) -> None:
    if not error.problems:
        form.add_error(None, str(error))
    for name, message in error.problems.items():
        form.add_error(name if name in form.fields else None, message)


def conflict_message() -> str:
    return (
        "Someone else saved this decision or case while you were working on it. Your "
        "answers are still here: check the decision as it is now, then save again."
    )


def with_versions(request: HttpRequest, **versions: int) -> Any:
    data = request.POST.copy()
    for name, value in versions.items():
        data[name] = str(value)
    return data
