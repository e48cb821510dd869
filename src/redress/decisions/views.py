"""Staff pages for findings and the decision. Each view binds a form, checks a predicate
and calls one service; the rules are in the domain and the services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from redress.accounts.models import User
from redress.casework.models import Case
from redress.casework.services import CaseConflictError, case_record_view
from redress.domain.decision_text import Section
from redress.domain.findings import EDITABLE_STATUSES, DecisionStatus, QualityCheckResult
from redress.domain.stages import Stage, TransitionError

from . import issuing, selectors, services
from .forms import (
    CaseVersionForm,
    DraftForm,
    FindingForm,
    IssueForm,
    OverrideForm,
    QualityCheckForm,
    ReturnForm,
    ShareForm,
)
from .models import Decision
from .pages import (
    add_problems,
    back_to_overview,
    conflict_message,
    decision_or_404,
    form_page,
    staff_case,
    url_reference,
    with_versions,
    writer_case,
)
from .permissions import (
    can_decide_review,
    can_override_outcome,
    can_quality_check,
    can_record_findings,
    can_record_review,
)


@login_required
@require_safe
def overview(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = staff_case(request, reference)
    case_record_view(case=case, actor=user)
    decision = selectors.current_decision(case=case)
    outcome, missing = selectors.outcome_so_far(case=case)
    today = timezone.localdate()
    context: dict[str, Any] = {
        "case": case,
        "url_reference": url_reference(case),
        "issues": selectors.issues_with_findings(case=case),
        "outcome": outcome,
        "missing": missing,
        "decision": decision,
        "past": [d for d in selectors.decisions_for_case(case=case) if d != decision],
        "reviews": selectors.reviews_for_case(case=case),
        "can_write": can_record_findings(user, case),
        "can_override": can_override_outcome(user, case),
        "can_record_review": can_record_review(user, case),
        "can_decide_review": can_decide_review(user, case),
    }
    context["actions"] = _actions(user, case, decision)
    if decision is not None:
        context.update(
            comments=selectors.comments_on(decision=decision),
            check_reasons=issuing.check_reasons(decision),
            blockers=issuing.issue_blockers(decision, today) if decision.shared_at else [],
            can_check=can_quality_check(user, decision),
            checks=list(decision.checks.select_related("checker")),
        )
    return render(request, "decisions/overview.html", context)


def _actions(user: User, case: Case, decision: Decision | None) -> dict[str, bool]:
    """Which of the decision's actions to offer this person now."""
    writes = can_record_findings(user, case)
    status = decision.status_enum if decision is not None else DecisionStatus.DRAFTING
    at_draft = Stage(case.stage) == Stage.DRAFT_DECISION
    return {
        "edit": writes and status in EDITABLE_STATUSES,
        "share": writes and status == DecisionStatus.DRAFTING and case.stage == Stage.INVESTIGATION,
        "comments": writes and at_draft,
        "ask_check": writes and status in (DecisionStatus.SHARED, DecisionStatus.CHECK_RETURNED),
        "check": decision is not None
        and status == DecisionStatus.AWAITING_CHECK
        and can_quality_check(user, decision),
        "finish": writes and at_draft,
    }


@login_required
@require_http_methods(["GET", "POST"])
def finding(request: HttpRequest, reference: str, issue_id: int) -> HttpResponse:
    user, case = writer_case(request, reference)
    issue = selectors.issue_for_case(case=case, issue_id=issue_id)
    existing = next(
        (row.finding for row in selectors.issues_with_findings(case=case) if row.issue == issue),
        None,
    )
    form = FindingForm(
        request.POST if request.method == "POST" else None,
        initial=FindingForm.initial_from(existing),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.finding_record(issue=issue, facts=form.facts(), actor=user)
        except services.DecisionError as error:
            add_problems(form, error)
        else:
            messages.success(request, f"Finding on issue {issue.number} saved.")
            return back_to_overview(case)
    return form_page(request, "decisions/finding.html", case, form, issue=issue)


@login_required
@require_http_methods(["GET", "POST"])
def override(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = staff_case(request, reference)
    if not can_override_outcome(user, case):
        raise PermissionDenied("Only a manager can override the outcome.")
    decision = selectors.current_decision(case=case)
    form = OverrideForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and request.POST.get("remove"):
        form = OverrideForm()
        try:
            services.outcome_override(case=case, outcome=None, reason="", actor=user)
        except services.DecisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Override removed: the findings decide the outcome.")
            return back_to_overview(case)
    elif request.method == "POST" and form.is_valid():
        try:
            services.outcome_override(
                case=case, outcome=form.chosen(), reason=form.cleaned_data["reason"], actor=user
            )
        except services.DecisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Outcome overridden. The reason has been recorded.")
            return back_to_overview(case)
    outcome, missing = selectors.outcome_so_far(case=case)
    return form_page(
        request,
        "decisions/override.html",
        case,
        form,
        decision=decision,
        outcome=outcome,
        missing=missing,
    )


@login_required
@require_POST
def assemble(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = writer_case(request, reference)
    try:
        services.draft_assemble(case=case, actor=user)
    except services.DecisionError as error:
        messages.error(request, str(error))
        return back_to_overview(case)
    messages.success(request, "Draft written from the findings. Check and edit every section.")
    return redirect("decisions:edit", reference=url_reference(case))


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = writer_case(request, reference)
    decision = decision_or_404(case)
    initial = {section.value: text for section, text in decision.sections}
    form = DraftForm(
        request.POST if request.method == "POST" else None,
        initial={**initial, "version": decision.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.draft_edit(
                decision=decision,
                expected_version=form.cleaned_data["version"],
                sections=form.sections(),
                actor=user,
            )
        except services.DecisionConflictError as conflict:
            form.add_error(None, conflict_message())
            form.data = with_versions(request, version=conflict.current.version)
        except services.DecisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Draft saved.")
            return back_to_overview(case)
    return form_page(
        request, "decisions/edit.html", case, form, decision=decision, sections=list(Section)
    )


@login_required
@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = writer_case(request, reference)
    decision = decision_or_404(case)
    form = ShareForm(
        request.POST if request.method == "POST" else None,
        initial=_versions_seen(case, decision),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.draft_share(
                decision=decision,
                expected_version=form.cleaned_data["version"],
                case_version=form.cleaned_data["case_version"],
                comments_due_on=form.cleaned_data.get("comments_due_on"),
                actor=user,
            )
        except (services.DecisionConflictError, CaseConflictError):
            _changed_meanwhile(request, form, case, decision)
        except (services.DecisionError, TransitionError) as error:
            add_problems(form, _as_decision_error(error))
        else:
            messages.success(request, "Draft decision shared with both parties.")
            return back_to_overview(case)
    default_due = services.comments_default_due(timezone.localdate())
    return form_page(
        request, "decisions/share.html", case, form, decision=decision, default_due=default_due
    )


def _versions_seen(case: Case, decision: Decision) -> dict[str, int]:
    """The versions of the draft and of the case, for a page that changes both."""
    return {"version": decision.version, "case_version": case.version}


def _changed_meanwhile(
    request: HttpRequest, form: CaseVersionForm, case: Case, decision: Decision
) -> None:
    """Someone changed the draft or the case since the page was drawn: say so, and carry
    the latest versions so that sending the form again applies to what is there now."""
    form.add_error(None, conflict_message())
    case.refresh_from_db()
    decision.refresh_from_db()
    form.data = with_versions(request, version=decision.version, case_version=case.version)


def _as_decision_error(error: Exception) -> services.DecisionError:
    if isinstance(error, services.DecisionError):
        return error
    return services.DecisionError(str(error))


@login_required
@require_POST
def check_request(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = writer_case(request, reference)
    decision = decision_or_404(case)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = 0
    try:
        issuing.quality_check_request(decision=decision, expected_version=version, actor=user)
    except services.DecisionConflictError:
        messages.error(request, conflict_message())
    except services.DecisionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Sent to a manager for a quality check.")
    return back_to_overview(case)


@login_required
@require_http_methods(["GET", "POST"])
def quality_check(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = staff_case(request, reference)
    decision = decision_or_404(case)
    if not can_quality_check(user, decision):
        raise PermissionDenied("A manager other than the author checks the decision.")
    form = QualityCheckForm(
        request.POST if request.method == "POST" else None, initial={"version": decision.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            issuing.quality_check_record(
                decision=decision,
                expected_version=form.cleaned_data["version"],
                result=QualityCheckResult(form.cleaned_data["result"]),
                notes=form.cleaned_data.get("notes") or "",
                actor=user,
            )
        except services.DecisionConflictError as conflict:
            form.add_error(None, conflict_message())
            form.data = with_versions(request, version=conflict.current.version)
        except services.DecisionError as error:
            add_problems(form, error)
        else:
            messages.success(request, "Quality check recorded.")
            return back_to_overview(case)
    return form_page(
        request,
        "decisions/quality_check.html",
        case,
        form,
        decision=decision,
        reasons=issuing.check_reasons(decision),
        waiting=decision.status_enum == DecisionStatus.AWAITING_CHECK,
    )


@login_required
@require_http_methods(["GET", "POST"])
def issue(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = writer_case(request, reference)
    decision = decision_or_404(case)
    form = IssueForm(
        request.POST if request.method == "POST" else None,
        initial=_versions_seen(case, decision),
    )
    if request.method == "POST" and form.is_valid():
        try:
            issuing.decision_issue(
                decision=decision,
                expected_version=form.cleaned_data["version"],
                case_version=form.cleaned_data["case_version"],
                actor=user,
            )
        except (services.DecisionConflictError, CaseConflictError):
            _changed_meanwhile(request, form, case, decision)
        except (services.DecisionError, TransitionError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Final decision issued on case {case.reference}.")
            return back_to_overview(case)
    outcome = decision.override_enum or selectors.outcome_so_far(case=case)[0]
    return form_page(
        request,
        "decisions/issue.html",
        case,
        form,
        decision=decision,
        outcome=outcome,
        blockers=issuing.issue_blockers(decision, timezone.localdate()),
    )


@login_required
@require_http_methods(["GET", "POST"])
def return_to_investigation(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = writer_case(request, reference)
    decision = decision_or_404(case)
    if Stage(case.stage) != Stage.DRAFT_DECISION:
        raise PermissionDenied("Only a case at draft decision can go back to investigation.")
    form = ReturnForm(
        request.POST if request.method == "POST" else None, initial={"case_version": case.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            issuing.decision_return_to_investigation(
                decision=decision,
                case_version=form.cleaned_data["case_version"],
                reason=form.cleaned_data["reason"],
                actor=user,
            )
        except CaseConflictError as conflict:
            form.add_error(None, conflict_message())
            form.data = with_versions(request, case_version=conflict.current.version)
        except (services.DecisionError, TransitionError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The case is back at investigation.")
            return back_to_overview(case)
    return form_page(request, "decisions/return.html", case, form, decision=decision)


@login_required
@require_safe
def pdf(request: HttpRequest, reference: str, pk: int, kind: str) -> HttpResponseBase:
    user, case = staff_case(request, reference)
    decision = selectors.decision_for_case(case=case, pk=pk)
    document = {"draft": decision.draft_document, "final": decision.final_document}.get(kind)
    if document is None:
        raise Http404("No such PDF")
    try:
        handle = document.file.open("rb")
    except OSError:
        raise Http404("The PDF is missing") from None
    services.document_record_view(document=document, actor=user)
    name = f"{kind}-decision-{url_reference(case)}.pdf"
    return FileResponse(handle, as_attachment=True, filename=name, content_type="application/pdf")
