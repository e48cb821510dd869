"""Staff investigation pages. Each view binds a form, checks a predicate, calls a service."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from redress.accounts.models import User
from redress.casework import selectors as case_selectors
from redress.casework.models import Case
from redress.casework.services import case_record_view
from redress.domain.categories import Channel
from redress.domain.clocks import ClockKind
from redress.domain.investigation import issues_editable
from redress.domain.stages import Stage

from . import selectors, services
from .forms import (
    DelayNoticeForm,
    EnquiryForm,
    EvidenceForm,
    IssueForm,
    IssueMoveForm,
    PartyUpdateForm,
    PauseForm,
    ResumeForm,
    StatementForm,
)
from .models import EvidenceSource
from .permissions import can_view_investigation, can_work_investigation


def _ref(case: Case) -> str:
    return case.reference.replace(" ", "")


def _case(request: HttpRequest, reference: str, *, write: bool) -> tuple[User, Case]:
    user = request.user
    if not isinstance(user, User) or not can_view_investigation(user):
        raise PermissionDenied("Investigation pages are for the scheme's staff.")
    case = case_selectors.case_for_user(user=user, reference=reference)
    if write and not can_work_investigation(user, case):
        raise PermissionDenied("Only the case's investigator or a manager can do this.")
    return user, case


def _posted(request: HttpRequest) -> QueryDict | None:
    """The posted data (even if empty, so an empty post shows its errors), or None."""
    return request.POST if request.method == "POST" else None


def _overview(case: Case) -> HttpResponse:
    return redirect("investigation:overview", reference=_ref(case))


def _form_page(
    request: HttpRequest, case: Case, template: str, form: Form, **extra: Any
) -> HttpResponse:
    return render(
        request, template, {"case": case, "url_reference": _ref(case), "form": form, **extra}
    )


def _submit(form: Form, action: Callable[[], object]) -> bool:
    """Run the service; a rule it refuses becomes a message at the top of the form."""
    try:
        action()
    except services.InvestigationError as error:
        form.add_error(None, str(error))
        return False
    return True


@login_required
def overview(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _case(request, reference, write=False)
    case_record_view(case=case, actor=user)
    data = selectors.investigation_overview(case=case)
    return render(
        request,
        "investigation/overview.html",
        {
            "case": case,
            "url_reference": _ref(case),
            "o": data,
            "can_work": can_work_investigation(user, case),
            "issues_editable": issues_editable(
                Stage(case.stage), findings_exist=services.findings_exist(case)
            ),
            "investigating": Stage(case.stage) in (Stage.INVESTIGATION, Stage.DRAFT_DECISION),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def statement_edit(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _case(request, reference, write=True)
    statement = selectors.statement_for_case(case=case)
    initial = (
        {
            "period_from": statement.period_from,
            "period_to": statement.period_to,
            "not_investigated": statement.not_investigated,
        }
        if statement
        else {}
    )
    form = StatementForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _submit(
            form,
            lambda: services.statement_save(
                case=case,
                period_from=data["period_from"],
                period_to=data["period_to"],
                not_investigated=data["not_investigated"],
                actor=user,
            ),
        ):
            messages.success(request, "Statement of complaint saved.")
            return _overview(case)
    return _form_page(request, case, "investigation/statement.html", form)


@login_required
@require_http_methods(["GET", "POST"])
def issue_add(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _case(request, reference, write=True)
    form = IssueForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["description"]
        if _submit(form, lambda: services.issue_add(case=case, description=text, actor=user)):
            messages.success(request, "Issue added.")
            return _overview(case)
    return _form_page(request, case, "investigation/issue.html", form, issue=None)


@login_required
@require_http_methods(["GET", "POST"])
def issue_edit(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user, case = _case(request, reference, write=True)
    issue = selectors.issue_for_case(case=case, pk=pk)
    issue.case = case
    form = IssueForm(_posted(request), initial={"description": issue.description})
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["description"]
        if _submit(form, lambda: services.issue_edit(issue=issue, description=text, actor=user)):
            messages.success(request, f"Issue {issue.number} saved.")
            return _overview(case)
    return _form_page(request, case, "investigation/issue.html", form, issue=issue)


@login_required
@require_POST
def issue_move(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _case(request, reference, write=True)
    form = IssueMoveForm(request.POST)
    order = form.new_order(selectors.case_issues(case=case)) if form.is_valid() else None
    if order is not None:
        try:
            services.issues_reorder(case=case, order=order, actor=user)
        except services.InvestigationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Issues renumbered.")
    return _overview(case)


@login_required
@require_http_methods(["GET", "POST"])
def enquiry_add(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _case(request, reference, write=True)
    form = EnquiryForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _submit(
            form,
            lambda: services.enquiry_send(
                case=case,
                questions=data["questions"],
                documents_requested=data["documents_requested"],
                due_on=data["due_on"],
                actor=user,
            ),
        ):
            messages.success(request, "Enquiry sent to the organisation.")
            return _overview(case)
    return _form_page(
        request,
        case,
        "investigation/enquiry.html",
        form,
        default_due_on=services.enquiry_default_due_on(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def evidence_add(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _case(request, reference, write=True)
    issues = selectors.case_issues(case=case)
    documents = selectors.case_documents(case=case)
    form = EvidenceForm(_posted(request), documents=documents, issues=issues)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        by_pk = {issue.pk: issue for issue in issues}
        document = next((d for d in documents if d.pk == data["document"]), None)
        if _submit(
            form,
            lambda: services.evidence_add(
                case=case,
                source=EvidenceSource(data["source"]),
                received_on=data["received_on"],
                description=data["description"],
                issues=[by_pk[pk] for pk in data["issues"]],
                document=document,
                actor=user,
            ),
        ):
            messages.success(request, "Evidence added to the register.")
            return _overview(case)
    return _form_page(request, case, "investigation/evidence.html", form)


@login_required
@require_http_methods(["GET", "POST"])
def clock_pause(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _case(request, reference, write=True)
    paused = selectors.running_pauses(case=case)
    clocks = [k for k in selectors.running_clocks(case=case) if k.value not in paused]
    form = PauseForm(_posted(request), clocks=clocks)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _submit(
            form,
            lambda: services.clock_pause(
                case=case,
                kind=ClockKind(data["clock"]),
                started_on=data["started_on"],
                reason=data["reason"],
                actor=user,
            ),
        ):
            messages.success(request, "Clock paused.")
            return _overview(case)
    return _form_page(request, case, "investigation/pause.html", form, clocks=clocks)


@login_required
@require_http_methods(["GET", "POST"])
def clock_resume(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _case(request, reference, write=True)
    pauses = list(selectors.running_pauses(case=case).values())
    form = ResumeForm(_posted(request), pauses=pauses)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _submit(
            form,
            lambda: services.clock_resume(
                case=case, kind=ClockKind(data["clock"]), ended_on=data["ended_on"], actor=user
            ),
        ):
            messages.success(request, "Clock restarted.")
            return _overview(case)
    return _form_page(request, case, "investigation/resume.html", form, pauses=pauses)


@login_required
@require_http_methods(["GET", "POST"])
def delay_notice_add(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _case(request, reference, write=True)
    clocks = selectors.running_clocks(case=case)
    form = DelayNoticeForm(_posted(request), clocks=clocks)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _submit(
            form,
            lambda: services.delay_notice_send(
                case=case,
                clock=ClockKind(data["clock"]),
                reason=data["reason"],
                expected_by=data["expected_by"],
                actor=user,
            ),
        ):
            messages.success(request, "Delay notice sent to both parties.")
            return _overview(case)
    return _form_page(request, case, "investigation/delay_notice.html", form, clocks=clocks)


def _at(day: dt.date) -> dt.datetime:
    """Today means now; an earlier day means the start of that working day."""
    now = timezone.now()
    if day >= timezone.localdate(now):
        return now
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


@login_required
@require_http_methods(["GET", "POST"])
def party_update(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = _case(request, reference, write=True)
    form = PartyUpdateForm(_posted(request), initial={"channel": Channel.PHONE.value})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _submit(
            form,
            lambda: services.party_update_record(
                case=case,
                parties=data["parties"],
                channel=Channel(data["channel"]),
                summary=data["summary"],
                sent_at=_at(data["sent_on"]),
                actor=user,
            ),
        ):
            messages.success(request, "Update recorded.")
            return _overview(case)
    return _form_page(request, case, "investigation/update.html", form)
