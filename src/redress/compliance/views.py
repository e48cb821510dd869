"""Staff pages for a case's compliance items. Each view binds a form, checks a predicate
and calls one service; the rules are in the domain and the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from redress.accounts.models import User
from redress.casework import selectors as case_selectors
from redress.casework.models import Case
from redress.casework.permissions import can_view_workqueue
from redress.casework.services import case_record_view
from redress.domain.compliance import ComplianceError, ItemStatus, ReportStatus
from redress.domain.stages import TransitionError

from . import reports, selectors, services
from .forms import NotCompliedForm, ReportForm, ResponseForm, ReviewForm, SendReportForm
from .models import ComplianceItem, PublicReport
from .permissions import (
    can_close_compliance,
    can_review_evidence,
    can_start_monitoring,
)


def _staff(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not can_view_workqueue(user):
        raise PermissionDenied("Casework pages are for the scheme's staff.")
    return user


def _case(request: HttpRequest, reference: str) -> tuple[User, Case]:
    user = _staff(request)
    return user, case_selectors.case_for_user(user=user, reference=reference)


def _reviewer_case(request: HttpRequest, reference: str) -> tuple[User, Case]:
    user, case = _case(request, reference)
    if not can_review_evidence(user, case):
        raise PermissionDenied("You cannot work on compliance for this case.")
    return user, case


def url_reference(case: Case) -> str:
    return case.reference.replace(" ", "")


def _back(case: Case) -> HttpResponse:
    return redirect("compliance:items", reference=url_reference(case))


def _page(
    request: HttpRequest, template: str, case: Case, form: forms.Form, **extra: Any
) -> HttpResponse:
    return render(
        request,
        template,
        {"case": case, "url_reference": url_reference(case), "form": form, **extra},
    )


_CONFLICT = "Someone else changed this case while you were working on it. Check it and try again."


@login_required
@require_safe
def items(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _case(request, reference)
    case_record_view(case=case, actor=user)
    case_items = selectors.case_items(case=case)
    case_reports = selectors.case_reports(case=case)
    return render(
        request,
        "compliance/items.html",
        {
            "case": case,
            "url_reference": url_reference(case),
            "items": case_items,
            "reports": case_reports,
            "can_review": can_review_evidence(user, case),
            "can_start": can_start_monitoring(user, case) and bool(case_items),
            "can_close": can_close_compliance(user, case)
            and bool(case_items)
            and all(i.status == ItemStatus.SATISFIED for i in case_items),
            "any_not_complied": any(i.status == ItemStatus.NOT_COMPLIED for i in case_items),
            "has_draft": any(
                r.status == ReportStatus.DRAFT for r in selectors.case_reports(case=case)
            ),
        },
    )


@login_required
@require_POST
def start(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _case(request, reference)
    if not can_start_monitoring(user, case):
        raise PermissionDenied("You cannot start monitoring this case.")
    try:
        services.compliance_start(case=case, actor=user)
    except (ComplianceError, TransitionError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The case is now being monitored for compliance.")
    return _back(case)


def _item(case: Case, pk: int) -> ComplianceItem:
    return selectors.item_on_case(case=case, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user, case = _reviewer_case(request, reference)
    item = _item(case, pk)
    [full] = [i for i in selectors.case_items(case=case) if i.pk == item.pk]
    form = ReviewForm(
        request.POST if request.method == "POST" else None, initial={"version": item.version}
    )
    if item.status != ItemStatus.EVIDENCE_RECEIVED:
        form.add_error(None, "There is no evidence waiting to be reviewed for this action.")
    elif request.method == "POST" and form.is_valid():
        try:
            services.evidence_review(
                item=item,
                expected_version=form.cleaned_data["version"],
                verdict=form.cleaned_data["verdict"],
                what_is_needed=form.cleaned_data["what_is_needed"],
                actor=user,
            )
        except ComplianceError as error:
            form.add_error(None, str(error))
        else:
            verdict = form.cleaned_data["verdict"]
            messages.success(
                request,
                f"Action {item.number} is satisfied."
                if verdict == verdict.SATISFIED
                else f"We have written to the organisation asking for more on action "
                f"{item.number}.",
            )
            return _back(case)
    return _page(request, "compliance/review.html", case, form, item=full)


@login_required
@require_http_methods(["GET", "POST"])
def not_complied(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user, case = _reviewer_case(request, reference)
    item = _item(case, pk)
    form = NotCompliedForm(
        request.POST if request.method == "POST" else None, initial={"version": item.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.item_not_complied(
                item=item, expected_version=form.cleaned_data["version"], actor=user
            )
        except ComplianceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"Action {item.number} is recorded as not complied. You can now start a "
                "public report.",
            )
            return _back(case)
    return _page(request, "compliance/not_complied.html", case, form, item=item)


@login_required
@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _case(request, reference)
    if not can_close_compliance(user, case):
        raise PermissionDenied("You cannot close this case.")
    form = forms.Form(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.compliance_close(case=case, actor=user)
        except (ComplianceError, TransitionError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Every agreed action is done. The case is closed.")
            return redirect("casework:case", reference=url_reference(case))
    return _page(
        request, "compliance/close.html", case, form, items=selectors.case_items(case=case)
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_new(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _reviewer_case(request, reference)
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            report = reports.report_draft(case=case, text=form.cleaned_data["text"], actor=user)
        except ComplianceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The draft report is saved. Send it when it is ready.")
            return redirect("compliance:report", reference=url_reference(case), pk=report.pk)
    return _page(request, "compliance/report_new.html", case, form)


def _report(case: Case, pk: int) -> PublicReport:
    return selectors.report_on_case(case=case, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user, case = _case(request, reference)
    public_report = _report(case, pk)
    writable = can_review_evidence(user, case) and public_report.status == ReportStatus.DRAFT
    if request.method == "POST" and not writable:
        raise PermissionDenied("This report cannot be changed.")
    form = ReportForm(
        request.POST if request.method == "POST" else None,
        initial={"version": public_report.version, "text": public_report.draft_text},
    )
    if request.method == "POST" and form.is_valid():
        try:
            reports.report_edit(
                report=public_report,
                expected_version=form.cleaned_data["version"] or 0,
                text=form.cleaned_data["text"],
                actor=user,
            )
        except ComplianceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The draft report is saved.")
            return redirect("compliance:report", reference=url_reference(case), pk=pk)
    return _page(
        request,
        "compliance/report.html",
        case,
        form,
        report=public_report,
        writable=writable,
        send_form=SendReportForm(initial={"version": public_report.version}),
        can_record_response=can_review_evidence(user, case)
        and public_report.status == ReportStatus.SENT,
    )


@login_required
@require_POST
def report_send(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user, case = _reviewer_case(request, reference)
    public_report = _report(case, pk)
    form = SendReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _CONFLICT)
        return redirect("compliance:report", reference=url_reference(case), pk=pk)
    try:
        reports.report_send(
            report=public_report, expected_version=form.cleaned_data["version"], actor=user
        )
    except ComplianceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The report has been sent to the organisation.")
    return redirect("compliance:report", reference=url_reference(case), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def report_response(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user, case = _reviewer_case(request, reference)
    public_report = _report(case, pk)
    form = ResponseForm(
        request.POST if request.method == "POST" else None,
        initial={"version": public_report.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            reports.report_response_record(
                report=public_report,
                expected_version=form.cleaned_data["version"],
                text=form.cleaned_data["text"],
                received_on=form.cleaned_data["received_on"],
                actor=user,
            )
        except ComplianceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The organisation's response is recorded.")
            return redirect("compliance:report", reference=url_reference(case), pk=pk)
    return _page(request, "compliance/report_response.html", case, form, report=public_report)
