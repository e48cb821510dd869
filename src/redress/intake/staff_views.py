"""Staff intake pages: the queue with triage suggestions, the decision, logging a complaint
received by phone, letter or email, and the written contacts waiting for a reply."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from redress.accounts.models import User
from redress.casework import services as casework_services
from redress.casework.calendars import scheme_calendar
from redress.casework.selectors import case_for_user
from redress.casework.views import url_reference
from redress.domain.calendar import due_status
from redress.domain.categories import Channel
from redress.domain.clocks import ClockKind, due_date
from redress.domain.complaints import ComplainedFirst
from redress.domain.stages import Outcome, ReasonCode, Stage, TransitionError
from redress.frontend.pagination import paginate, parse_page_number
from redress.notifications.rendering import letter_previews
from redress.notifications.unsent import unsent_letters_warn

from . import decisions, staff_complaints, triage
from .permissions import can_work_intake
from .staff_forms import COMPLAINED_LABELS, IntakeDecisionForm, LogComplaintForm

CONFLICT_MESSAGE = (
    "Someone else changed this case while you were deciding. Your answers are still here: "
    "check the case as it is now, then record the decision again."
)
# A written contact is flagged "due soon" on its last working day and the one before.
DUE_SOON_WORKING_DAYS = 1


def _intake_staff(request: HttpRequest) -> User:
    """The signed-in member of staff who works intake; anyone else is refused."""
    user = request.user
    if not isinstance(user, User) or not can_work_intake(user):
        raise PermissionDenied("Intake pages are for staff who make intake decisions.")
    return user


def _casework_staff(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not user.is_casework_staff:
        raise PermissionDenied("Case pages are for the scheme's staff.")
    return user


def _page_number(request: HttpRequest) -> int:
    return parse_page_number(request.GET.get("page"))


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    user = _intake_staff(request)
    today = timezone.localdate()
    page = paginate(
        triage.intake_queue(user=user),
        number=_page_number(request),
        per_page=int(settings.WORKQUEUE_PAGE_SIZE),
    )
    suggestions = triage.suggestions_for(cases=page.items, user=user, today=today)
    calendar = scheme_calendar(today)
    rows = [
        {
            "case": case,
            "suggestions": suggestions[case.pk],
            "due_status": due_status(calendar, case.next_due_on, today)
            if case.next_due_on
            else None,
            "due_label": ClockKind(case.next_due_kind).label if case.next_due_kind else "",
        }
        for case in page.items
    ]
    return render(request, "intake/staff/queue.html", {"page": page, "rows": rows})


def _letter_previews(
    case: Any, form: IntakeDecisionForm, decision: decisions.DecisionKind
) -> list[dict[str, Any]]:
    outcome = _outcome(form, decision)
    planned = decisions.decision_letters(
        case=case,
        outcome=outcome,
        signposted_to=form.signposted_to() if outcome is Outcome.SIGNPOSTED else "",
        explanation=form.cleaned_data["explanation"],
    )
    return letter_previews(case, planned)


def _outcome(form: IntakeDecisionForm, decision: decisions.DecisionKind) -> Outcome | None:
    if decision == decisions.DecisionKind.ASSESSMENT:
        return None
    return Outcome(form.cleaned_data["outcome"])


@login_required
@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, reference: str) -> HttpResponse:
    user = _intake_staff(request)
    case = case_for_user(user=user, reference=reference)
    if case.stage != Stage.INTAKE:
        messages.info(request, f"Case {case.reference} is no longer at intake.")
        return redirect("casework:case", reference=url_reference(case))
    today = timezone.localdate()
    suggestions = triage.suggestions_for(cases=[case], user=user, today=today)[case.pk]
    bodies = [s.body.name for s in suggestions if s.body is not None]
    initial = {"version": case.version, "signpost_body": bodies[0] if bodies else ""}
    form = IntakeDecisionForm(request.POST or None, suggestions=suggestions, initial=initial)
    previews: list[dict[str, Any]] = []
    if request.method == "POST" and form.is_valid():
        decision = decisions.DecisionKind(form.cleaned_data["decision"])
        if request.POST.get("action") == "preview":
            previews = _letter_previews(case, form, decision)
        else:
            try:
                _, unsent = decisions.intake_decide(
                    case=case,
                    expected_version=form.cleaned_data["version"],
                    decision=decision,
                    outcome=_outcome(form, decision),
                    reason_codes=[ReasonCode(c) for c in form.cleaned_data["reason_codes"]],
                    signposted_to=form.signposted_to(),
                    explanation=form.cleaned_data["explanation"],
                    suggestion_verdicts=form.verdicts(),
                    actor=user,
                )
            except casework_services.CaseConflictError as conflict:
                form.add_error(None, CONFLICT_MESSAGE)
                # Keep what they chose; take the new version so deciding again can go through.
                form.data = request.POST.copy()
                form.data["version"] = str(conflict.current.version)
            except (decisions.IntakeDecisionError, TransitionError) as error:
                form.add_error(None, str(error))
            else:
                what = "passed to assessment" if decision == "assessment" else "closed"
                messages.success(request, f"Case {case.reference} {what}. Decision recorded.")
                unsent_letters_warn(request, unsent)
                return redirect("casework:case", reference=url_reference(case))
    details = triage.details_of(case)
    return render(
        request,
        "intake/staff/decide.html",
        {
            "case": case,
            "details": details,
            "complained": COMPLAINED_LABELS[ComplainedFirst(details.complained_first)]
            if details
            else "Not recorded",
            "form": form,
            "previews": previews,
            "url_reference": url_reference(case),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def log_complaint(request: HttpRequest) -> HttpResponse:
    user = _intake_staff(request)
    form = LogComplaintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = staff_complaints.intake_log_complaint(
                complaint=form.answers(),
                form_key=form.cleaned_data["form_key"] or uuid.uuid4(),
                channel=Channel(form.cleaned_data["channel"]),
                received_on=form.cleaned_data["received_on"],
                subcategory=form.cleaned_data["subcategory"],
                actor=user,
            )
        except decisions.IntakeDecisionError as error:
            form.add_error(None, str(error))
        else:
            return redirect("intake-staff:logged", reference=url_reference(case))
    return render(request, "intake/staff/log.html", {"form": form})


@login_required
def logged(request: HttpRequest, reference: str) -> HttpResponse:
    user = _intake_staff(request)
    case = case_for_user(user=user, reference=reference)
    return render(
        request,
        "intake/staff/logged.html",
        {"case": case, "url_reference": url_reference(case), "at_intake": case.stage == "intake"},
    )


@login_required
def written_contacts(request: HttpRequest) -> HttpResponse:
    user = _intake_staff(request)
    today = timezone.localdate()
    calendar = scheme_calendar(today)
    page = paginate(
        triage.written_contacts_waiting(user=user),
        number=_page_number(request),
        per_page=int(settings.WORKQUEUE_PAGE_SIZE),
    )
    rows = []
    for contact in page.items:
        due = due_date(ClockKind.WRITTEN_CONTACT, timezone.localdate(contact.received_at), calendar)
        status = due_status(calendar, due, today, warn_within_working_days=DUE_SOON_WORKING_DAYS)
        rows.append({"contact": contact, "due": due, "due_status": status})
    return render(request, "intake/staff/contacts.html", {"page": page, "rows": rows})


@login_required
@require_POST
def contact_handled(request: HttpRequest, contact_id: int) -> HttpResponse:
    user = _intake_staff(request)
    contact = triage.written_contact_for(user=user, contact_id=contact_id)
    if contact is None:
        raise Http404("No such contact")
    where = f"the {contact.channel_label.lower()} from {contact.party} on case {contact.case}"
    if contact.handled_at is not None:
        messages.info(request, f"Someone had already marked {where} as dealt with.")
        return redirect("intake-staff:contacts")
    try:
        casework_services.contact_mark_handled(
            contact=contact, handled_at=timezone.now(), actor=user
        )
    except casework_services.CaseValidationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Marked {where} as dealt with.")
    return redirect("intake-staff:contacts")


@login_required
def decision_record(request: HttpRequest, reference: str) -> HttpResponse:
    """How intake decided on a case: each suggestion accepted or overridden, and why.

    For anyone on the case, not only intake staff: an assessor reads it before assessing.
    """
    user = _casework_staff(request)
    case = case_for_user(user=user, reference=reference)
    return render(
        request,
        "intake/staff/decision_record.html",
        {
            "case": case,
            "records": decisions.intake_decisions_of(case=case),
            "url_reference": url_reference(case),
        },
    )
