"""Staff case pages. Each view binds a form, checks a predicate and calls one service."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from redress.accounts.models import User
from redress.domain.calendar import due_status
from redress.domain.clocks import ClockKind
from redress.domain.references import parse_reference
from redress.domain.stages import (
    Outcome,
    ReasonCode,
    Stage,
    Transition,
    TransitionError,
    transitions_from,
)
from redress.frontend.pagination import paginate, parse_page_number

from . import selectors, services
from .calendars import scheme_calendar
from .clocks import paused_clocks
from .forms import CaseDetailsForm, ContactForm, MoveStageForm, NoteForm, WorkqueueFilterForm
from .models import Case, Direction
from .permissions import can_make_transition, can_view_workqueue, can_write_case


def _staff(request: HttpRequest) -> User:
    """The signed-in member of staff; anyone else is refused."""
    user = request.user
    if not isinstance(user, User) or not can_view_workqueue(user):
        raise PermissionDenied("Casework pages are for the scheme's staff.")
    return user


def url_reference(case: Case) -> str:
    return case.reference.replace(" ", "")


@login_required
def workqueue(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    form = WorkqueueFilterForm(request.GET or None)
    filters = form.filters()
    today = timezone.localdate()
    cases = selectors.workqueue(user=user, filters=filters, today=today)
    page = paginate(cases, number=parse_page_number(request.GET.get("page")), per_page=_page_size())
    calendar = scheme_calendar(today)
    rows = [
        {
            "case": case,
            "due_status": due_status(calendar, case.next_due_on, today)
            if case.next_due_on
            else None,
            "due_label": ClockKind(case.next_due_kind).label if case.next_due_kind else "",
        }
        for case in page.items
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "casework/workqueue.html",
        {
            "filter_form": form.for_display(),
            "filters": filters,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
        },
    )


def _page_size() -> int:
    return int(settings.WORKQUEUE_PAGE_SIZE)


def _allowed_transitions(user: User, case: Case) -> list[Transition]:
    stage = Stage(case.stage)
    return [
        t
        for t in transitions_from(stage, include_reopen=True)
        if can_make_transition(user, case, t)
    ]


def _case_context(user: User, case: Case, **extra: Any) -> dict[str, Any]:
    today = timezone.localdate()
    calendar = scheme_calendar(today)
    paused = paused_clocks(case)
    # A paused clock is not running down: it shows when it was paused, never "overdue".
    deadlines = [
        {
            "deadline": d,
            "label": ClockKind(d.kind).label,
            "status": None if d.kind in paused else due_status(calendar, d.due_on, today),
            "paused_since": paused[d.kind].started_on if d.kind in paused else None,
        }
        for d in selectors.case_open_deadlines(case=case)
    ]
    return {
        "case": case,
        "url_reference": url_reference(case),
        "timeline": selectors.case_timeline(case=case),
        "deadlines": deadlines,
        "transitions": _allowed_transitions(user, case),
        "can_write": can_write_case(user, case),
        "note_form": NoteForm(),
        **extra,
    }


@login_required
def case_page(request: HttpRequest, reference: str) -> HttpResponse:
    user = _staff(request)
    case = selectors.case_for_user(user=user, reference=reference)
    services.case_record_view(case=case, actor=user)
    return render(request, "casework/case.html", _case_context(user, case))


@login_required
@require_http_methods(["GET", "POST"])
def case_move(request: HttpRequest, reference: str) -> HttpResponse:
    user = _staff(request)
    case = selectors.case_for_user(user=user, reference=reference)
    transitions = _allowed_transitions(user, case)
    if not transitions:
        raise PermissionDenied("You cannot change the stage of this case.")
    form = MoveStageForm(
        request.POST or None, transitions=transitions, initial={"version": case.version}
    )
    if request.method == "POST" and form.is_valid():
        transition = form.transition()
        outcome = form.cleaned_data.get("outcome")
        try:
            services.case_move(
                case=case,
                expected_version=form.cleaned_data["version"],
                target=transition.target,
                reason=form.cleaned_data["reason"],
                outcome=Outcome(outcome) if outcome else None,
                reason_codes=[ReasonCode(c) for c in form.cleaned_data.get("reason_codes", [])],
                post_decision_review_upheld=bool(form.cleaned_data.get("review_upheld")),
                actor=user,
            )
        except services.CaseConflictError as conflict:
            form.add_error(None, _conflict_message(conflict))
            form.data = _with_version(request, conflict.current.version)
            case = conflict.current
        except TransitionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Case {case.reference}: {transition.label.lower()}. Saved.")
            return redirect("casework:case", reference=url_reference(case))
    return render(
        request,
        "casework/move.html",
        {"case": case, "form": form, "url_reference": url_reference(case)},
    )


def _with_version(request: HttpRequest, version: int) -> QueryDict:
    """What the person posted, kept whole, with the case's current version."""
    data = request.POST.copy()
    data["version"] = str(version)
    return data


def _conflict_message(conflict: services.CaseConflictError) -> str:
    changed = ", ".join(name.replace("_", " ") for name in conflict.changed_fields)
    detail = f" ({changed})" if changed else ""
    return (
        "Someone else saved this case while you were working on it"
        f"{detail}. Your answers are still here: check the case as it is now, "
        "then save again."
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, reference: str) -> HttpResponse:
    user = _staff(request)
    case = selectors.case_for_user(user=user, reference=reference)
    if not can_write_case(user, case):
        raise PermissionDenied("You cannot change this case.")
    initial = {name: getattr(case, name) for name in CaseDetailsForm.DETAIL_FIELDS}
    form = CaseDetailsForm(request.POST or None, initial={**initial, "version": case.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.case_update_details(
                case=case,
                expected_version=form.cleaned_data["version"],
                changes=form.changes(),
                actor=user,
            )
        except services.CaseConflictError as conflict:
            form.add_error(None, _conflict_message(conflict))
            # Keep what they typed; take the new version so the next save can go through.
            form.data = _with_version(request, conflict.current.version)
            case = conflict.current
        except services.CaseValidationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Case details saved.")
            return redirect("casework:case", reference=url_reference(case))
    return render(
        request,
        "casework/edit.html",
        {"case": case, "form": form, "url_reference": url_reference(case)},
    )


@login_required
@require_POST
def case_add_note(request: HttpRequest, reference: str) -> HttpResponse:
    user = _staff(request)
    case = selectors.case_for_user(user=user, reference=reference)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.case_add_note(case=case, text=form.cleaned_data["text"], actor=user)
        messages.success(request, "Note added.")
        return redirect("casework:case", reference=url_reference(case))
    return render(request, "casework/case.html", _case_context(user, case, note_form=form))


@login_required
@require_http_methods(["GET", "POST"])
def case_log_contact(request: HttpRequest, reference: str) -> HttpResponse:
    user = _staff(request)
    case = selectors.case_for_user(user=user, reference=reference)
    if not can_write_case(user, case):
        raise PermissionDenied("You cannot log contacts on this case.")
    form = ContactForm(request.POST or None, initial={"direction": Direction.INBOUND})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        now = timezone.now()
        received_at = _at(data["received_on"], now)
        try:
            services.contact_log(
                case=case,
                contact=services.NewContact(
                    direction=Direction(data["direction"]),
                    channel=data["channel"],
                    party=data["party"],
                    summary=data["summary"],
                    received_at=received_at,
                    handled_at=max(now, received_at) if data["handled"] else None,
                ),
                actor=user,
            )
        except services.CaseValidationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Contact logged.")
            return redirect("casework:case", reference=url_reference(case))
    return render(
        request,
        "casework/contact.html",
        {"case": case, "form": form, "url_reference": url_reference(case)},
    )


def _at(day: dt.date, now: dt.datetime) -> dt.datetime:
    """Today means now; an earlier day means the start of that working day."""
    if day == timezone.localdate(now):
        return now
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


@login_required
def case_find(request: HttpRequest) -> HttpResponse:
    """Go straight to a case by its reference, as typed."""
    _staff(request)
    raw = request.GET.get("reference", "")
    try:
        reference = parse_reference(raw)
    except ValueError:
        messages.error(request, "Enter a case reference like 24 015 110.")
        return redirect("casework:workqueue")
    return redirect("casework:case", reference=str(reference).replace(" ", ""))
