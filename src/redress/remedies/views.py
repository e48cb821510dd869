"""Staff pages of the remedy builder. Each view finds the case in the person's scope,
checks the predicate, and calls one selector or service; the rules are elsewhere."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from redress.accounts.models import User
from redress.casework.models import Case
from redress.casework.services import case_record_view
from redress.decisions import selectors as decision_selectors
from redress.decisions.models import Decision
from redress.decisions.pages import staff_case, url_reference
from redress.decisions.services import DecisionConflictError, DecisionError
from redress.domain.remedies import (
    FINANCIAL_KINDS,
    Aggravating,
    Mitigating,
    OfferRelation,
    RemedyKind,
    pounds,
)
from redress.domain.remedy_builder import injustice_for_kind

from . import action_services, builder_selectors
from .action_forms import OfferForm, RemedyActionForm
from .models import OrganisationOffer, RemedyAction
from .permissions import can_build_remedies


def _back(case: Case) -> HttpResponse:
    return redirect("remedies:builder", reference=url_reference(case))


def _builder_case(request: HttpRequest, reference: str) -> tuple[User, Case, Decision | None]:
    user, case = staff_case(request, reference)
    decision = decision_selectors.current_decision(case=case)
    if not can_build_remedies(user, case, decision):
        raise PermissionDenied("You cannot change the remedies on this case.")
    return user, case, decision


@login_required
@require_safe
def builder(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = staff_case(request, reference)
    case_record_view(case=case, actor=user)
    decision = decision_selectors.current_decision(case=case)
    if decision is None:
        # After the final decision the issued one is shown, read-only.
        decision = decision_selectors.decisions_for_case(case=case).first()
    page = builder_selectors.builder_page(case=case, decision=decision, today=timezone.localdate())
    return render(
        request,
        "remedies/builder.html",
        {
            "case": case,
            "url_reference": url_reference(case),
            "decision": decision,
            "page": page,
            "can_build": can_build_remedies(user, case, decision)
            and (decision is None or decision == decision_selectors.current_decision(case=case)),
            "kinds": list(RemedyKind),
            "aggravating": list(Aggravating),
            "mitigating": list(Mitigating),
            "pounds": pounds,
        },
    )


def _add_problems(form: forms.Form, error: action_services.RemedyActionError) -> None:
    if not error.problems:
        form.add_error(None, str(error))
    for name, message in error.problems.items():
        form.add_error(name if name in form.fields else None, message)


def _kind(value: str) -> RemedyKind:
    try:
        return RemedyKind(value)
    except ValueError:
        raise Http404("No such kind of remedy") from None


def _finding_choices(case: Case) -> list[tuple[int, str]]:
    return [
        (finding.pk, f"Issue {finding.issue.number}: {finding.issue.description}"[:150])
        for finding in builder_selectors.findings_with_injustice(case)
    ]


def _action_page(
    request: HttpRequest,
    *,
    user: User,
    case: Case,
    decision: Decision | None,
    kind: RemedyKind,
    existing: RemedyAction | None,
) -> HttpResponse:
    today = timezone.localdate()
    version = builder_selectors.decision_version(decision, today)
    figures = builder_selectors.figure_options(version, case, injustice_for_kind(kind))
    if existing is not None:
        initial = RemedyActionForm.initial_from(existing)
    else:
        initial = {"responsible": case.organisation.name, "finding": request.GET.get("finding")}
    form = RemedyActionForm(
        request.POST if request.method == "POST" else None,
        kind=kind,
        findings=_finding_choices(case),
        figures=figures,
        initial=initial,
    )
    assessment = None
    if request.method == "POST" and form.is_valid():
        data = form.action_input()
        assessment = builder_selectors.action_assessment(
            case=case, version=version, data=data, today=today
        )
        if "calculate" not in request.POST:
            try:
                if existing is None:
                    saved = action_services.remedy_action_add(case=case, data=data, actor=user)
                else:
                    saved = action_services.remedy_action_edit(
                        action=existing, data=data, actor=user
                    )
            except action_services.RemedyActionError as error:
                _add_problems(form, error)
            else:
                messages.success(request, f"Action {saved.number} saved: {kind.label.lower()}.")
                return _back(case)
    return render(
        request,
        "remedies/action.html",
        {
            "case": case,
            "url_reference": url_reference(case),
            "form": form,
            "kind": kind,
            "existing": existing,
            "assessment": assessment,
            "financial": kind in FINANCIAL_KINDS,
            "version": version,
            "pounds": pounds,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_add(request: HttpRequest, reference: str, kind: str) -> HttpResponse:
    user, case, decision = _builder_case(request, reference)
    return _action_page(
        request, user=user, case=case, decision=decision, kind=_kind(kind), existing=None
    )


def _action_or_404(decision: Decision | None, pk: int) -> RemedyAction:
    action = (
        RemedyAction.objects.filter(decision=decision, pk=pk).select_related("decision").first()
        if decision is not None
        else None
    )
    if action is None:
        raise Http404("No such action")
    return action


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user, case, decision = _builder_case(request, reference)
    action = _action_or_404(decision, pk)
    return _action_page(
        request, user=user, case=case, decision=decision, kind=action.kind_enum, existing=action
    )


@login_required
@require_POST
def action_remove(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user, case, decision = _builder_case(request, reference)
    action = _action_or_404(decision, pk)
    try:
        action_services.remedy_action_remove(action=action, actor=user)
    except action_services.RemedyActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Action {action.number} removed.")
    return _back(case)


@login_required
@require_http_methods(["GET", "POST"])
def offer_add(request: HttpRequest, reference: str) -> HttpResponse:
    user, case, _decision = _builder_case(request, reference)
    form = OfferForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            action_services.offer_record(
                case=case,
                what=form.cleaned_data["what"],
                amount=form.cleaned_data.get("amount"),
                relation=OfferRelation(form.cleaned_data["relation"]),
                actor=user,
            )
        except action_services.RemedyActionError as error:
            _add_problems(form, error)
        else:
            messages.success(request, "The organisation's offer has been recorded.")
            return _back(case)
    return render(
        request,
        "remedies/offer.html",
        {"case": case, "url_reference": url_reference(case), "form": form, "pounds": pounds},
    )


@login_required
@require_POST
def offer_remove(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user, case, decision = _builder_case(request, reference)
    offer = OrganisationOffer.objects.filter(decision=decision, pk=pk).first()
    if decision is None or offer is None:
        raise Http404("No such offer")
    try:
        action_services.offer_remove(offer=offer, actor=user)
    except action_services.RemedyActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Offer removed.")
    return _back(case)


@login_required
@require_POST
def agreed_action(request: HttpRequest, reference: str) -> HttpResponse:
    user, case, decision = _builder_case(request, reference)
    if decision is None:
        raise Http404("There is no decision being written on this case.")
    try:
        action_services.agreed_action_write(decision=decision, actor=user)
    except DecisionConflictError:
        messages.error(request, "Someone else changed the draft just now: try again.")
    except (action_services.RemedyActionError, DecisionError) as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, "The “Agreed action” section of the draft now lists these actions."
        )
    return _back(case)
