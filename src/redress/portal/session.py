"""Who is signed in to the portal: a Person id and an expiry kept in the Django session.

This is not a Django login. A portal session never makes `request.user` anyone, so no
staff page, predicate or `visible_to` ever treats a complainant as a user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec

from django.contrib import messages
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone

from redress.casework.models import Person
from redress.domain.portal import PORTAL_SESSION_IDLE

from . import selectors

PERSON_KEY = "portal_person_id"
EXPIRES_KEY = "portal_expires_at"

P = ParamSpec("P")


def portal_session_start(request: HttpRequest, person: Person) -> None:
    """Sign the person in under a new session key, so an old key cannot be replayed."""
    request.session.cycle_key()
    request.session[PERSON_KEY] = person.pk
    _extend(request, timezone.now())


def portal_session_end(request: HttpRequest) -> None:
    for key in (PERSON_KEY, EXPIRES_KEY):
        request.session.pop(key, None)
    request.session.cycle_key()


def _extend(request: HttpRequest, now: dt.datetime) -> None:
    request.session[EXPIRES_KEY] = (now + PORTAL_SESSION_IDLE).timestamp()


def portal_person(request: HttpRequest) -> Person | None:
    """The person signed in to the portal, or None (also once the session has expired)."""
    person_id = request.session.get(PERSON_KEY)
    expires = request.session.get(EXPIRES_KEY)
    if not isinstance(person_id, int) or not isinstance(expires, int | float):
        return None
    now = timezone.now()
    if now.timestamp() >= expires:
        portal_session_end(request)
        minutes = int(PORTAL_SESSION_IDLE.total_seconds() // 60)
        messages.info(
            request,
            "You were signed out because you had not used the service "
            f"for {minutes} minutes. Ask for a new link to carry on.",
        )
        return None
    person = selectors.person_signed_in(person_id=person_id)
    if person is None:
        portal_session_end(request)
        return None
    _extend(request, now)
    return person


def portal_sign_in_required(
    view: Callable[Concatenate[HttpRequest, Person, P], HttpResponseBase],
) -> Callable[Concatenate[HttpRequest, P], HttpResponseBase]:
    """Pass the signed-in person to the view; send anyone else to ask for a link."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
        person = portal_person(request)
        if person is None:
            return redirect("portal:start")
        return view(request, person, *args, **kwargs)

    return wrapped
