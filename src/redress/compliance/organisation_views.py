"""The organisation's side: its link officers see what was agreed and send evidence."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from redress.domain.compliance import FINAL_STATUSES, ComplianceError, ItemStatus
from redress.domain.uploads import UploadRejected
from redress.organisations.portal_access import (
    organisation_case_or_404,
    organisation_user_required,
    signed_in_link_officer,
)

from . import selectors, services
from .forms import EvidenceForm
from .permissions import can_submit_evidence


@organisation_user_required
def items(request: HttpRequest, reference: str) -> HttpResponse:
    user = signed_in_link_officer(request)
    case = organisation_case_or_404(user, reference)
    return render(
        request,
        "compliance/organisation/items.html",
        {
            "case": case,
            "url_reference": reference,
            "items": selectors.organisation_items(case=case),
            "can_submit": can_submit_evidence(user, case),
            "final": [s.value for s in FINAL_STATUSES],
        },
    )


@organisation_user_required
@require_http_methods(["GET", "POST"])
def evidence(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user = signed_in_link_officer(request)
    case = organisation_case_or_404(user, reference)
    if not can_submit_evidence(user, case):
        raise PermissionDenied(
            "Only the organisation the actions were agreed with can send evidence."
        )
    item = selectors.item_on_case(case=case, pk=pk)
    posted = request.method == "POST"
    form = EvidenceForm(request.POST if posted else None, request.FILES if posted else None)
    open_for_evidence = ItemStatus(item.status) not in FINAL_STATUSES
    if posted and open_for_evidence and form.is_valid():
        try:
            services.evidence_submit(
                item=item,
                evidence=services.NewEvidence(
                    text=form.cleaned_data["text"], files=form.cleaned_data["documents"]
                ),
                actor=user,
            )
        except ComplianceError as error:
            form.add_error(None, str(error))
        except UploadRejected as rejected:
            form.add_error("documents", str(rejected))
        else:
            messages.success(
                request,
                f"Thank you. Your evidence for action {item.number} was sent. We will check it "
                "and tell you if we need anything more.",
            )
            return redirect("compliance-org:items", reference=reference)
    return render(
        request,
        "compliance/organisation/evidence.html",
        {
            "case": case,
            "url_reference": reference,
            "item": item,
            "form": form,
            "open_for_evidence": open_for_evidence,
            "requests": [r for r in item.reviews.all() if r.what_is_needed],
        },
    )
