"""Signing a link officer in to the organisation portal: a password, then a time-based
code. The first sign-in sets up their authenticator app.

The password's answer is held back until the code has been given, so a refusal never
says which of the two was wrong (ADR 0009). Until both are right nobody is signed in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from markupsafe import Markup

from redress.accounts import authenticators, totp
from redress.accounts.authenticators import SignInResult
from redress.accounts.models import User

from .portal_access import is_link_officer, mark_session_verified, session_verified
from .portal_forms import CodeForm, PasswordStepForm

PENDING_KEY = "organisation_sign_in_pending"
PROBLEM_KEY = "organisation_sign_in_problem"
# How long someone has between their password and their code.
PENDING_LIFETIME = dt.timedelta(minutes=10)
_BACKEND = "django.contrib.auth.backends.ModelBackend"

REFUSED = (
    "The username, password or code is not right. Check them and try again. After "
    f"{authenticators.MAX_FAILED_ATTEMPTS} wrong tries we stop sign-in to the account for "
    f"{authenticators.LOCK_DURATION.seconds // 60} minutes."
)
TIMED_OUT = "You took too long to give your code. Enter your username and password again."


def _locked_message(until: dt.datetime) -> str:
    local = timezone.localtime(until)
    return (
        "There have been too many wrong tries to sign in to this account. You can try "
        f"again after {local:%H:%M}. If you cannot sign in then, ask the scheme to reset "
        "your account."
    )


def _pending(request: HttpRequest) -> dict[str, Any] | None:
    pending = request.session.get(PENDING_KEY)
    if not isinstance(pending, dict) or not isinstance(pending.get("at"), int | float):
        return None
    if timezone.now().timestamp() - pending["at"] > PENDING_LIFETIME.total_seconds():
        request.session.pop(PENDING_KEY, None)
        request.session[PROBLEM_KEY] = TIMED_OUT
        return None
    return pending


def _pending_user(pending: dict[str, Any]) -> User | None:
    user_id = pending.get("user")
    return User.objects.filter(pk=user_id).first() if isinstance(user_id, int) else None


def _posted(request: HttpRequest) -> QueryDict | None:
    # An empty POST is still a submission, to be answered with errors.
    return request.POST if request.method == "POST" else None


def _start_again(request: HttpRequest, problem: str) -> HttpResponse:
    request.session.pop(PENDING_KEY, None)
    request.session[PROBLEM_KEY] = problem
    return redirect("organisation-portal:sign-in")


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    if is_link_officer(request.user) and session_verified(request):
        return redirect("organisation-portal:cases")
    problem = request.session.pop(PROBLEM_KEY, None) if request.method == "GET" else None
    form = PasswordStepForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        candidate = User.objects.filter(username=username).first()
        authenticated = authenticate(
            request, username=username, password=form.cleaned_data["password"]
        )
        password_ok = candidate is not None and authenticated == candidate
        request.session[PENDING_KEY] = {
            "user": candidate.pk if candidate is not None else None,
            "password_ok": password_ok,
            "at": timezone.now().timestamp(),
        }
        if candidate is not None and password_ok and is_link_officer(candidate):
            authenticator = authenticators.authenticator_of(candidate)
            if authenticator is None or not authenticator.is_enrolled:
                return redirect("organisation-portal:set-up")
        return redirect("organisation-portal:code")
    return render(
        request,
        "organisations/portal/sign_in.html",
        {"form": form, "problem": problem, "page_has_errors": bool(problem)},
    )


def _finish(request: HttpRequest, user: User) -> HttpResponse:
    request.session.pop(PENDING_KEY, None)
    login(request, user, backend=_BACKEND)
    mark_session_verified(request, user)
    return redirect("organisation-portal:cases")


def _verify(
    request: HttpRequest, pending: dict[str, Any], code: str, *, enrolling: bool
) -> HttpResponse:
    user = _pending_user(pending)
    outcome = authenticators.organisation_sign_in_verify(
        user=user, password_ok=bool(pending.get("password_ok")), code=code, enrolling=enrolling
    )
    if outcome.result is SignInResult.SIGNED_IN and user is not None:
        return _finish(request, user)
    if outcome.result is SignInResult.LOCKED and outcome.locked_until is not None:
        return _start_again(request, _locked_message(outcome.locked_until))
    return _start_again(request, REFUSED)


@require_http_methods(["GET", "POST"])
def code(request: HttpRequest) -> HttpResponse:
    pending = _pending(request)
    if pending is None:
        return redirect("organisation-portal:sign-in")
    form = CodeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        return _verify(request, pending, form.cleaned_data["code"], enrolling=False)
    return render(request, "organisations/portal/code.html", {"form": form})


@require_http_methods(["GET", "POST"])
def set_up(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: a QR code, the secret typed by hand, then a code."""
    pending = _pending(request)
    user = _pending_user(pending) if pending is not None else None
    if pending is None or user is None or not pending.get("password_ok"):
        return redirect("organisation-portal:sign-in")
    if not is_link_officer(user):
        return redirect("organisation-portal:code")
    locked_until = authenticators.authenticator_is_locked(user)
    if locked_until is not None:
        return _start_again(request, _locked_message(locked_until))
    try:
        authenticator = authenticators.authenticator_enrolment_begin(user=user)
    except ValueError:
        # Set up meanwhile (in another tab): an ordinary code will do.
        return redirect("organisation-portal:code")
    form = CodeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        return _verify(request, pending, form.cleaned_data["code"], enrolling=True)
    uri = totp.setup_uri(authenticator.secret, account=user.username, issuer=settings.SCHEME_NAME)
    return render(
        request,
        "organisations/portal/set_up.html",
        {
            "form": form,
            # segno writes the SVG from the URI alone; nothing in it comes from a person.
            "qr_code": Markup(totp.qr_code_svg(uri)),  # noqa: S704
            "secret": totp.group_secret(authenticator.secret),
        },
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.success(request, "You have signed out.")
    return redirect("organisation-portal:sign-in")
