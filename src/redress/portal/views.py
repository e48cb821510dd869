"""Portal pages. Each binds a form, reads through the selectors, calls one service."""

from __future__ import annotations

import ipaddress
from typing import Any

from django.contrib import messages
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    QueryDict,
)
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from redress.casework.models import Person
from redress.casework.services import CaseValidationError
from redress.casework.views import url_reference
from redress.decisions.selectors import drafts_for_person
from redress.domain.portal import (
    PORTAL_SESSION_IDLE,
    SIGN_IN_LINK_LIFETIME,
    LinkState,
    explain_stage,
    link_state,
    next_contact_by,
)
from redress.domain.stages import Stage
from redress.domain.uploads import UploadRejected
from redress.notifications.downloads import letter_pdf_download
from redress.notifications.rendering import letter_text

from . import selectors, services
from .forms import EvidenceForm, LinkRequestForm, MessageForm
from .session import (
    portal_person,
    portal_session_end,
    portal_session_start,
    portal_sign_in_required,
)


def _page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """A page for someone signed in to the portal (with its navigation and sign-out)."""
    return render(request, template, {**context, "portal_signed_in": True})


def _posted(request: HttpRequest) -> QueryDict | None:
    """The form data if this is a POST (even an empty one), so the form is checked."""
    return request.POST if request.method == "POST" else None


def _address(request: HttpRequest) -> str | None:
    raw = str(request.META.get("REMOTE_ADDR", ""))
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """Ask for a sign-in link: the same answer whether or not the details match."""
    if request.method == "GET" and portal_person(request) is not None:
        return redirect("portal:cases")
    form = LinkRequestForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.sign_in_link_request(
                email=form.cleaned_data["email"],
                reference=form.cleaned_data["reference"],
                address=_address(request),
                site_url=request.build_absolute_uri("/"),
            )
        except services.TooManyLinkRequestsError:
            return render(request, "portal/too_many.html", status=429)
        return redirect("portal:link-sent")
    minutes = int(SIGN_IN_LINK_LIFETIME.total_seconds() // 60)
    return render(request, "portal/start.html", {"form": form, "minutes": minutes})


@require_safe
def link_sent(request: HttpRequest) -> HttpResponse:
    minutes = int(SIGN_IN_LINK_LIFETIME.total_seconds() // 60)
    return render(request, "portal/link_sent.html", {"minutes": minutes})


def _link_problem(request: HttpRequest, state: LinkState | None) -> HttpResponse:
    status = 404 if state is None else 410
    return render(request, "portal/link_problem.html", {"state": state}, status=status)


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest, token: str) -> HttpResponse:
    """GET only checks the link, so an email scanner that opens it does not spend it."""
    if request.method == "GET":
        link = selectors.sign_in_link_by_hash(token_hash=services.token_hash(token))
        if link is None:
            return _link_problem(request, None)
        state = link_state(expires_at=link.expires_at, used_at=link.used_at, now=timezone.now())
        if state != LinkState.VALID:
            return _link_problem(request, state)
        idle = int(PORTAL_SESSION_IDLE.total_seconds() // 60)
        return render(request, "portal/sign_in.html", {"idle_minutes": idle})
    try:
        person = services.sign_in_link_use(token=token)
    except services.SignInLinkRefusedError as refused:
        return _link_problem(request, refused.state)
    portal_session_start(request, person)
    return redirect("portal:cases")


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    portal_session_end(request)
    messages.success(request, "You have signed out.")
    return redirect("portal:start")


@require_safe
@portal_sign_in_required
def cases(request: HttpRequest, person: Person) -> HttpResponse:
    found = list(selectors.cases_for_person(person=person))
    services.portal_view_record(person=person, instance=person)
    rows = [
        {"case": case, "ref": url_reference(case), "stage": explain_stage(Stage(case.stage))}
        for case in found
    ]
    return _page(request, "portal/cases.html", {"person": person, "rows": rows})


@require_safe
@portal_sign_in_required
def case_page(request: HttpRequest, person: Person, reference: str) -> HttpResponse:
    case = selectors.case_for_person(person=person, reference=reference)
    services.portal_view_record(person=person, instance=case, case=case)
    promises = selectors.case_expectations(case=case, today=timezone.localdate())
    context = {
        "case": case,
        "ref": url_reference(case),
        "stage": explain_stage(Stage(case.stage)),
        "promises": promises,
        "next_by": next_contact_by(promises),
        "letters": selectors.letters_for_case(case=case),
        "sent_messages": selectors.messages_sent(case=case),
        "evidence": selectors.evidence_sent(case=case),
        "drafts": drafts_for_person(case=case, person=person),
    }
    return _page(request, "portal/case.html", context)


@require_http_methods(["GET", "POST"])
@portal_sign_in_required
def message(request: HttpRequest, person: Person, reference: str) -> HttpResponse:
    case = selectors.case_for_person(person=person, reference=reference)
    form = MessageForm(_posted(request))
    if request.method == "GET":
        services.portal_view_record(person=person, instance=case, case=case)
    if request.method == "POST" and form.is_valid():
        try:
            services.portal_message_send(person=person, case=case, text=form.cleaned_data["text"])
        except CaseValidationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your message has been sent.")
            return redirect("portal:case", reference=url_reference(case))
    return _page(
        request, "portal/message.html", {"case": case, "ref": url_reference(case), "form": form}
    )


@require_http_methods(["GET", "POST"])
@portal_sign_in_required
def evidence(request: HttpRequest, person: Person, reference: str) -> HttpResponse:
    case = selectors.case_for_person(person=person, reference=reference)
    form = EvidenceForm(_posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "GET":
        services.portal_view_record(person=person, instance=case, case=case)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.portal_evidence_add(
                person=person, case=case, files=form.cleaned_data["documents"]
            )
        except UploadRejected as rejected:
            form.add_error("documents", str(rejected))
        else:
            count = len(added)
            messages.success(request, f"{count} file{'s' if count != 1 else ''} sent. Thank you.")
            return redirect("portal:case", reference=url_reference(case))
    return _page(
        request, "portal/evidence.html", {"case": case, "ref": url_reference(case), "form": form}
    )


@require_safe
@portal_sign_in_required
def letter(request: HttpRequest, person: Person, reference: str, letter_id: int) -> HttpResponse:
    case = selectors.case_for_person(person=person, reference=reference)
    found = selectors.letter_for_case(case=case, letter_id=letter_id)
    services.portal_view_record(person=person, instance=found, case=case)
    return _page(
        request,
        "portal/letter.html",
        {"case": case, "ref": url_reference(case), "letter": found, "text": letter_text(found)},
    )


@require_safe
@portal_sign_in_required
def letter_pdf(
    request: HttpRequest, person: Person, reference: str, letter_id: int
) -> HttpResponseBase:
    case = selectors.case_for_person(person=person, reference=reference)
    found = selectors.letter_for_case(case=case, letter_id=letter_id)
    download = letter_pdf_download(found, reference=url_reference(case))
    services.portal_view_record(person=person, instance=found, case=case)
    return download
