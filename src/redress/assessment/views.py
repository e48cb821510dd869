"""The assessment workspace and its four decisions. Each view binds a form, checks a
predicate and calls one service or selector."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from redress.accounts.models import User
from redress.casework import services as casework_services
from redress.casework.models import Case
from redress.casework.selectors import case_for_user
from redress.casework.views import url_reference
from redress.domain.assessment import (
    DISCRETION_TESTS,
    LEGAL_BARS,
    AssessmentError,
    OutcomeKind,
    Question,
    needs_signposting,
    option_for,
    standing_bars,
    suggested_reason_codes,
    unanswered,
)
from redress.domain.stages import ReasonCode, Stage, TransitionError
from redress.intake.triage import suggestions_for
from redress.notifications.rendering import letter_previews
from redress.notifications.unsent import unsent_letters_warn

from . import selectors, services
from .forms import (
    AllocateForm,
    AssessmentForm,
    CloseForm,
    EarlyResolutionForm,
    RemedyProvidedForm,
    initial_for,
)
from .permissions import can_view_assessment, can_work_assessment

SAVE_CONFLICT = (
    "Someone else saved this assessment while you were working on it. Your answers are "
    "still here: check what they saved, then save again."
)
DECIDE_CONFLICT = (
    "Someone else changed this case while you were deciding. Your answers are still here: "
    "check the case as it is now, then record the decision again."
)
PAGE_TITLES = {
    OutcomeKind.CLOSE: "Close after initial enquiries",
    OutcomeKind.REMEDY_PROVIDED: "Uphold: the organisation has already put it right",
    OutcomeKind.EARLY_RESOLUTION: "Agree an early resolution",
    OutcomeKind.ALLOCATE: "Allocate for investigation",
}
DONE = {
    OutcomeKind.CLOSE: "closed after initial enquiries",
    OutcomeKind.REMEDY_PROVIDED: "upheld and closed: the organisation had already put it right",
    OutcomeKind.EARLY_RESOLUTION: "resolved early and passed to compliance",
    OutcomeKind.ALLOCATE: "allocated for investigation",
}


def _staff(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not can_view_assessment(user):
        raise PermissionDenied("The assessment workspace is for the scheme's staff.")
    return user


def _posted(request: HttpRequest) -> QueryDict | None:
    """The posted data, bound even when empty so that an empty post shows its errors."""
    return request.POST if request.method == "POST" else None


def _with_version(request: HttpRequest, version: int) -> QueryDict:
    """What the person posted, kept whole, with the current version to save against."""
    data = request.POST.copy()
    data["version"] = str(version)
    return data


@login_required
@require_http_methods(["GET", "POST"])
def workspace(request: HttpRequest, reference: str) -> HttpResponse:
    user = _staff(request)
    case = case_for_user(user=user, reference=reference)
    can_work = can_work_assessment(user, case)
    if request.method == "POST" and not can_work:
        raise PermissionDenied("You cannot change this assessment.")
    assessment = selectors.assessment_of(case=case)
    saved = selectors.recorded(assessment)
    initial = initial_for(assessment.version if assessment else 0, saved.answers, saved.notes)
    initial["notes"] = assessment.notes if assessment else ""
    form = AssessmentForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_save(
                case=case,
                expected_version=form.cleaned_data["version"],
                drafts=form.drafts(),
                notes=form.cleaned_data["notes"],
                actor=user,
            )
        except services.AssessmentConflictError as conflict:
            form.add_error(None, SAVE_CONFLICT)
            form.data = _with_version(request, conflict.current.version)
        except AssessmentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Assessment saved.")
            return redirect("assessment:workspace", reference=url_reference(case))
    if request.method == "GET":
        casework_services.case_record_view(case=case, actor=user)
    today = timezone.localdate()
    answers = saved.answers
    return render(
        request,
        "assessment/workspace.html",
        {
            "case": case,
            "url_reference": url_reference(case),
            "form": form,
            "can_work": can_work,
            "assessment": assessment,
            "clock": selectors.assessment_clock(case=case, today=today),
            "suggested": suggested_reason_codes(answers),
            "standing_bars": standing_bars(answers),
            "legal_unanswered": unanswered(answers, LEGAL_BARS),
            "tests_unanswered": unanswered(answers, DISCRETION_TESTS),
            "triage": suggestions_for(cases=[case], user=user, today=today)[case.pk]
            if case.stage == Stage.ASSESSMENT
            else [],
            "actions": selectors.agreed_actions(assessment=assessment),
            "legal_rows": _answer_rows(saved, LEGAL_BARS),
            "test_rows": _answer_rows(saved, DISCRETION_TESTS),
        },
    )


def _answer_rows(saved: selectors.Recorded, questions: Sequence[Question]) -> list[dict[str, Any]]:
    """Each question with the answer given in its own words, and the note, for reading."""
    return [
        {
            "key": {"text": q.label},
            "value": {
                "text": (
                    option_for(q, saved.answers[q].answer).label
                    if q in saved.answers
                    else "Not answered"
                )
                + (f". {saved.notes[q]}" if saved.notes.get(q) else "")
            },
        }
        for q in questions
    ]


def _form(kind: OutcomeKind, request: HttpRequest, user: User, case: Case) -> Any:
    data = _posted(request)
    initial: dict[str, Any] = {"version": case.version}
    if kind is OutcomeKind.CLOSE:
        initial["reason_codes"] = [
            c.value for c in suggested_reason_codes(selectors.recorded_answers(case=case))
        ]
        bodies = [
            s.body.name
            for s in suggestions_for(cases=[case], user=user, today=timezone.localdate())[case.pk]
            if s.body is not None
        ]
        initial["signpost_body"] = bodies[0] if bodies else ""
        return CloseForm(data, initial=initial)
    if kind is OutcomeKind.REMEDY_PROVIDED:
        return RemedyProvidedForm(data, initial=initial)
    if kind is OutcomeKind.EARLY_RESOLUTION:
        return EarlyResolutionForm(data, initial=initial)
    return AllocateForm(
        data,
        initial=initial,
        investigators=selectors.allocation_investigators(user=user, case=case),
        teams=selectors.allocation_teams(user=user, case=case),
    )


def _decision(kind: OutcomeKind, form: Any) -> services.Decision:
    data = form.cleaned_data
    explanation = data["explanation"]
    if kind is OutcomeKind.CLOSE:
        return services.Decision(
            kind, explanation, reason_codes=form.reasons(), signposted_to=form.signposted_to()
        )
    if kind is OutcomeKind.REMEDY_PROVIDED:
        return services.Decision(kind, explanation, remedy_provided=data["remedy_provided"])
    if kind is OutcomeKind.EARLY_RESOLUTION:
        return services.Decision(kind, explanation, actions=form.actions())
    return services.Decision(
        kind, explanation, investigator=form.chosen_investigator(), team=form.chosen_team()
    )


def _previews(case: Case, decision: services.Decision) -> list[dict[str, Any]]:
    return letter_previews(case, services.letters_for(case=case, decision=decision))


@login_required
@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, reference: str, kind: str) -> HttpResponse:
    user = _staff(request)
    case = case_for_user(user=user, reference=reference)
    if not can_work_assessment(user, case):
        if case.stage != Stage.ASSESSMENT and request.method == "GET":
            messages.info(request, f"Case {case.reference} is no longer at assessment.")
            return redirect("assessment:workspace", reference=url_reference(case))
        raise PermissionDenied("You cannot decide this assessment.")
    outcome = OutcomeKind(kind)
    form = _form(outcome, request, user, case)
    previews: list[dict[str, Any]] = []
    if request.method == "POST" and form.is_valid():
        decision = _decision(outcome, form)
        try:
            if request.POST.get("action") == "preview":
                services.decision_check(case=case, decision=decision, actor=user)
                previews = _previews(case, decision)
            else:
                _, unsent = services.assessment_decide(
                    case=case,
                    expected_version=form.cleaned_data["version"],
                    decision=decision,
                    actor=user,
                )
        except casework_services.CaseConflictError as conflict:
            form.add_error(None, DECIDE_CONFLICT)
            form.data = _with_version(request, conflict.current.version)
        except (AssessmentError, TransitionError) as error:
            form.add_error(None, str(error))
        else:
            if not previews:
                return _decided(request, user, case, outcome, unsent)
    return render(
        request,
        "assessment/decide.html",
        {
            "case": case,
            "url_reference": url_reference(case),
            "kind": outcome.value,
            "title": PAGE_TITLES[outcome],
            "form": form,
            "previews": previews,
            "clock": selectors.assessment_clock(case=case, today=timezone.localdate()),
            "signposting": outcome is OutcomeKind.CLOSE and needs_signposting(_codes_in(form)),
        },
    )


def _codes_in(form: Any) -> list[ReasonCode]:
    """The reasons ticked on the form as shown (posted or suggested), ignoring junk."""
    given = form["reason_codes"].value() or []
    known = {code.value for code in ReasonCode}
    return [ReasonCode(code) for code in given if isinstance(code, str) and code in known]


def _decided(
    request: HttpRequest, user: User, case: Case, kind: OutcomeKind, unsent: list[Any]
) -> HttpResponse:
    messages.success(request, f"Case {case.reference} {DONE[kind]}. Decision recorded.")
    unsent_letters_warn(request, unsent)
    if selectors.still_visible(user=user, case=case):
        return redirect("casework:case", reference=url_reference(case))
    # Allocated to a team this person cannot see: back to their own work.
    return redirect("casework:workqueue")
