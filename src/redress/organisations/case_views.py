"""The organisation portal's case pages: the organisation's cases, one case, its letters,
and sending files. Each view reads through the organisation's selectors only."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    QueryDict,
)
from django.shortcuts import redirect, render
from django.utils.datastructures import MultiValueDict
from django.views.decorators.http import require_http_methods, require_safe

from redress.accounts.models import User
from redress.casework.models import Case
from redress.casework.views import url_reference
from redress.decisions.selectors import drafts_for_organisation
from redress.frontend.pagination import paginate, parse_page_number
from redress.investigation.selectors import enquiries_for_organisation
from redress.notifications.downloads import letter_pdf_download
from redress.notifications.models import Letter
from redress.notifications.rendering import letter_text

from . import selectors, services
from .models import Organisation
from .portal_access import (
    organisation_case_or_404,
    organisation_user_required,
    signed_in_link_officer,
)
from .portal_forms import DocumentsForm


def _organisation_of(user: User) -> Organisation:
    organisation = user.organisation
    if organisation is None:  # a link officer always has one; be safe all the same
        raise Http404("No such case")
    return organisation


def _shared_case(user: User, reference: str) -> Case:
    return selectors.shared_case_or_404(user=user, case=organisation_case_or_404(user, reference))


def _letter_to_organisation(
    request: HttpRequest, reference: str, letter_id: int
) -> tuple[Case, Letter]:
    """A letter we sent to the signed-in officer's organisation on one of its cases."""
    user = signed_in_link_officer(request)
    case = _shared_case(user, reference)
    found = selectors.letter_to_organisation(
        case=case, organisation=_organisation_of(user), letter_id=letter_id
    )
    return case, found


def _posted(request: HttpRequest) -> tuple[QueryDict | None, MultiValueDict[str, Any] | None]:
    # An empty POST is still a submission, to be answered with errors.
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _page_size() -> int:
    return int(getattr(settings, "ORGANISATION_PORTAL_PAGE_SIZE", 25))


@require_safe
@organisation_user_required
def cases(request: HttpRequest) -> HttpResponse:
    user = signed_in_link_officer(request)
    page = paginate(
        selectors.cases_for_organisation(user=user),
        number=parse_page_number(request.GET.get("page")),
        per_page=_page_size(),
    )
    rows = [
        {
            "case": case,
            "ref": url_reference(case),
            "stage": selectors.stage_for_organisation(case.stage),
            "waiting": selectors.waiting_on(case),
        }
        for case in page.items
    ]
    return render(
        request,
        "organisations/portal/cases.html",
        {"page": page, "rows": rows, "organisation": user.organisation},
    )


@require_safe
@organisation_user_required
def case_page(request: HttpRequest, reference: str) -> HttpResponse:
    user = signed_in_link_officer(request)
    case = _shared_case(user, reference)
    organisation = _organisation_of(user)
    return render(
        request,
        "organisations/portal/case.html",
        {
            "case": case,
            "ref": url_reference(case),
            "stage": selectors.stage_for_organisation(case.stage),
            "waiting": selectors.waiting_on(case),
            "letters": selectors.letters_to_organisation(case=case, organisation=organisation),
            "documents": selectors.documents_from_organisation(
                case=case, organisation=organisation
            ),
            "enquiries": enquiries_for_organisation(case=case, user=user),
            "drafts": drafts_for_organisation(case=case, user=user),
        },
    )


@require_safe
@organisation_user_required
def letter(request: HttpRequest, reference: str, letter_id: int) -> HttpResponse:
    case, found = _letter_to_organisation(request, reference, letter_id)
    return render(
        request,
        "organisations/portal/letter.html",
        {"case": case, "ref": url_reference(case), "letter": found, "text": letter_text(found)},
    )


@require_safe
@organisation_user_required
def letter_pdf(request: HttpRequest, reference: str, letter_id: int) -> HttpResponseBase:
    case, found = _letter_to_organisation(request, reference, letter_id)
    return letter_pdf_download(found, reference=url_reference(case))


@require_http_methods(["GET", "POST"])
@organisation_user_required
def upload(request: HttpRequest, reference: str) -> HttpResponse:
    user = signed_in_link_officer(request)
    case = _shared_case(user, reference)
    form = DocumentsForm(*_posted(request))
    added: list[str] = []
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        report = services.organisation_documents_add(
            case=case,
            uploads=form.cleaned_data["documents"],
            description=form.cleaned_data["description"],
            actor=user,
        )
        added = [document.original_name for document in report.added]
        problems = report.problems
        if not problems:
            count = len(added)
            messages.success(
                request,
                f"We have received {count} file{'s' if count != 1 else ''}: {', '.join(added)}.",
            )
            return redirect("organisation-portal:case", url_reference(case))
    return render(
        request,
        "organisations/portal/upload.html",
        {
            "case": case,
            "ref": url_reference(case),
            "form": form,
            "added": added,
            "problems": problems,
            "page_has_errors": bool(problems),
        },
    )
