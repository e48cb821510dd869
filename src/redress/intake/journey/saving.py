"""Coming back later: the emailed link, and the warning before a session ends.

The warning is an enhancement: htmx fetches it shortly before the session would end and
offers to keep the session going. Without JavaScript every page says how long a session
lasts and how to save and come back.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from redress.domain.complaints import DRAFT_LIFETIME, Step, first_unanswered, step_after

from ..models import ComplaintDraft
from .drafts import ResumeLinkError, draft_resume, resume_link_send
from .forms import SaveForm
from .session import current_draft, journey_page, remember_draft, scheme_phone, timeout_context
from .views import not_sent, step_url

SAVED_EMAIL_KEY = "intake_saved_email"
_MAX_TOKEN_LENGTH = 100


def _contact_email(draft: ComplaintDraft) -> str:
    contact = draft.answers.get(Step.CONTACT.value, {})
    return str(contact.get("email", "")) if isinstance(contact, dict) else ""


def _where_to_continue(draft: ComplaintDraft) -> str:
    """The page last worked on if it is unfinished, else the one after it; failing those,
    the first question still unanswered."""
    missing = first_unanswered(draft.answers)
    try:
        last = Step(draft.step)
    except ValueError:
        return step_url(missing)
    if last.value not in draft.answers:
        return step_url(last)
    following = step_after(last, draft.answers)
    if following is not None and following.value not in draft.answers:
        return step_url(following)
    return step_url(missing)


@journey_page
@require_http_methods(["GET", "POST"])
def save(request: HttpRequest) -> HttpResponse:
    draft = current_draft(request)
    if draft is None:
        return redirect("intake:start")
    form = SaveForm(request.POST or None, initial={"email": _contact_email(draft)})
    if request.method == "POST":
        if str(request.POST.get("website", "")).strip():
            return not_sent(request)
        if form.is_valid():
            email = form.cleaned_data["email"]
            resume_link_send(
                draft=draft,
                email=email,
                link_for=lambda token: request.build_absolute_uri(
                    reverse("intake:resume", args=[token])
                ),
            )
            request.session[SAVED_EMAIL_KEY] = email
            return redirect("intake:saved")
    return render(
        request,
        "intake/journey/save.html",
        {
            "form": form,
            "back_url": _where_to_continue(draft),
            "days": DRAFT_LIFETIME.days,
            **timeout_context(),
        },
    )


@journey_page
@require_safe
def saved(request: HttpRequest) -> HttpResponse:
    draft = current_draft(request)
    email = request.session.get(SAVED_EMAIL_KEY)
    if draft is None or not email:
        return redirect("intake:start")
    return render(
        request,
        "intake/journey/saved.html",
        {
            "email": email,
            "expires_on": timezone.localdate() + DRAFT_LIFETIME,
            "continue_url": _where_to_continue(draft),
        },
    )


@journey_page
@require_safe
def resume(request: HttpRequest, token: str) -> HttpResponse:
    try:
        if len(token) > _MAX_TOKEN_LENGTH:
            raise ResumeLinkError(ResumeLinkError.UNKNOWN)
        draft = draft_resume(token=token)
    except ResumeLinkError as problem:
        status = 404 if problem.reason == ResumeLinkError.UNKNOWN else 410
        return render(
            request,
            "intake/journey/resume_problem.html",
            {
                "reason": problem.reason,
                "sent_at": problem.sent_at,
                "days": DRAFT_LIFETIME.days,
                "scheme_phone": scheme_phone(),
            },
            status=status,
        )
    # A new session key for the restored draft, so nobody can plant a session beforehand.
    request.session.cycle_key()
    remember_draft(request, draft)
    return redirect(_where_to_continue(draft))


@require_safe
def session_warning(request: HttpRequest) -> HttpResponse:
    """The warning, fetched by htmx before the session ends (it does not renew it)."""
    return render(
        request,
        "intake/journey/_session_warning.html",
        {"extended": False, **timeout_context()},
    )


@journey_page
@require_POST
def keep_alive(request: HttpRequest) -> HttpResponse:
    """Renew the session (the journey_page decorator does it) and restart the countdown."""
    return render(
        request,
        "intake/journey/_session_warning.html",
        {"extended": True, **timeout_context()},
    )
