"""What the journey keeps in the person's session, and how long the session lasts.

The session holds only the random public id of the draft being written (and, once it is
sent, of the sent one, so a refresh shows the confirmation again). Every journey page
renews the session, so it ends only after SESSION_COOKIE_AGE without any activity.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

from ..models import ComplaintDraft
from ..selectors import draft_open

DRAFT_KEY = "intake_draft"
SENT_KEY = "intake_sent"
DEFAULT_PHONE = "0306 999 0123"
# How long before the session ends the warning appears (at most half the session).
DEFAULT_WARNING_SECONDS = 5 * 60


def current_draft(request: HttpRequest) -> ComplaintDraft | None:
    return draft_open(public_id=request.session.get(DRAFT_KEY))


def remember_draft(request: HttpRequest, draft: ComplaintDraft) -> None:
    request.session[DRAFT_KEY] = draft.public_id


def remember_sent(request: HttpRequest, public_id: str) -> None:
    request.session[SENT_KEY] = public_id
    request.session.pop(DRAFT_KEY, None)


def client_address(request: HttpRequest) -> str:
    """The address the request came from, looking past the scheme's own proxies only.

    INTAKE_TRUSTED_PROXIES says how many proxies the scheme runs in front of the service;
    the address is then that many places from the end of X-Forwarded-For. Anything a
    visitor adds before it is ignored, so the rate limit cannot be dodged by forging it.
    """
    proxies = int(getattr(settings, "INTAKE_TRUSTED_PROXIES", 0))
    remote = str(request.META.get("REMOTE_ADDR", "") or "unknown")
    if proxies <= 0:
        return remote
    chain = [part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    chain = [part for part in chain if part]
    return chain[-proxies] if len(chain) >= proxies else remote


def scheme_phone() -> str:
    return str(getattr(settings, "SCHEME_PHONE", DEFAULT_PHONE))


def _duration(seconds: int) -> str:
    """``8 hours``, ``1 hour and 30 minutes``, ``5 minutes``, ``30 seconds``."""
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    hours, rest = divmod(seconds, 3600)
    minutes = rest // 60
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes or not hours:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " and ".join(parts)


def timeout_context() -> dict[str, Any]:
    """For the session notice: how long a session lasts, and when to warn (in seconds)."""
    age = int(settings.SESSION_COOKIE_AGE)
    lead = min(int(getattr(settings, "INTAKE_SESSION_WARNING_SECONDS", DEFAULT_WARNING_SECONDS)),
               age // 2)  # fmt: skip
    return {
        "session_length": _duration(age),
        "warning_lead": _duration(lead),
        "warn_after_seconds": max(age - lead, 1),
        "scheme_phone": scheme_phone(),
    }


def journey_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page of the journey: never cached (it shows personal answers), renews the session."""

    @never_cache
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if not request.session.is_empty():
            request.session.modified = True  # saved again, so it lasts from now
        return response

    return wrapped
