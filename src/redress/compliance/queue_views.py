"""The compliance officer's queue and the per-organisation figures (staff only)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from redress.accounts.models import User
from redress.casework.permissions import can_view_workqueue
from redress.domain.compliance import percentage
from redress.frontend.pagination import paginate, parse_page_number

from . import selectors
from .selectors import QUEUE_LABELS, QueueView

PAGE_SIZE = 50


def _staff(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not can_view_workqueue(user):
        raise PermissionDenied("Casework pages are for the scheme's staff.")
    return user


@login_required
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    view = request.GET.get("view", "")
    if view not in QUEUE_LABELS:
        view = QueueView.EVIDENCE
    today = timezone.localdate()
    items = selectors.compliance_queue(user=user, view=view, today=today)
    page = paginate(items, number=parse_page_number(request.GET.get("page")), per_page=PAGE_SIZE)
    return render(
        request,
        "compliance/queue.html",
        {"view": view, "views": QUEUE_LABELS, "page": page, "today": today},
    )


@login_required
@require_safe
def statistics(request: HttpRequest) -> HttpResponse:
    _staff(request)
    rows = [
        {
            "organisation": row.organisation,
            "figures": row.figures,
            "rate": percentage(row.figures.compliance_rate),
            "late": percentage(row.figures.late_share),
        }
        for row in selectors.organisation_figures()
    ]
    return render(request, "compliance/statistics.html", {"rows": rows})


@login_required
@require_safe
def reports(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    awaiting = selectors.reports_awaiting_response(user=user)
    page = paginate(awaiting, number=parse_page_number(request.GET.get("page")), per_page=PAGE_SIZE)
    return render(
        request,
        "compliance/reports_queue.html",
        {"page": page, "views": QUEUE_LABELS, "today": timezone.localdate()},
    )
