"""Pages that belong to no one app: the start page, the statements, and the error pages."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

DEFAULT_ACCESSIBILITY_CONTACT_EMAIL = "accessibility@ombudsman.example"
DEFAULT_DATA_PROTECTION_CONTACT_EMAIL = "dataprotection@ombudsman.example"

# Shown if even the error page's template cannot be rendered. No template, no database,
# no settings beyond what Python already has: nothing here can fail.
_LAST_RESORT_500 = """<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Sorry, there is a problem with the service</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: arial, sans-serif; margin: 2em; line-height: 1.4">
<main>
<h1>Sorry, there is a problem with the service</h1>
<p>Try again later.</p>
<p>Anything you saved before this happened has not been lost. If you were saving a form,
go back and check whether your changes were saved before you enter them again.</p>
</main>
</body>
</html>
"""


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Staff who are signed in go straight to their workqueue; everyone else, the start page."""
    if request.user.is_authenticated and getattr(request.user, "is_casework_staff", False):
        return redirect("casework:workqueue")
    return render(request, "frontend/home.html")


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "frontend/accessibility.html",
        {
            "contact_email": getattr(
                settings, "ACCESSIBILITY_CONTACT_EMAIL", DEFAULT_ACCESSIBILITY_CONTACT_EMAIL
            ),
        },
    )


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "frontend/privacy.html",
        {
            "contact_email": getattr(
                settings, "DATA_PROTECTION_CONTACT_EMAIL", DEFAULT_DATA_PROTECTION_CONTACT_EMAIL
            ),
        },
    )


def _error_page(
    request: HttpRequest | None, template: str, status: int, context: dict[str, Any] | None = None
) -> HttpResponse:
    """Render an error page, with the request (navigation, who is signed in) if possible.

    An error page must not fail in its turn: if rendering with the request fails (the
    database is down, say), the page is rendered without it, and failing that, as
    plain HTML.
    """
    attempts = (request, None) if request is not None else (None,)
    for attempt in attempts:
        try:
            body = render_to_string(template, context, request=attempt)
        except Exception:
            logger.exception("Could not render the error page %s", template)
            continue
        return HttpResponse(body, status=status)
    return HttpResponse(_LAST_RESORT_500, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    # Like Django's own, this page does not use the request: it may be what is wrong.
    return _error_page(None, "frontend/errors/400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error_page(request, "frontend/errors/403.html", 403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error_page(request, "frontend/errors/404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the request: whatever broke may break it again.
    try:
        body: str = render_to_string("frontend/errors/500.html")
    except Exception:
        logger.exception("Could not render the 500 page")
        body = _LAST_RESORT_500
    return HttpResponseServerError(body)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form was sent without a valid security token: usually it was open too long."""
    back = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = ""
    return _error_page(
        request,
        "frontend/errors/csrf_failure.html",
        403,
        {"back_url": back or reverse("frontend:home")},
    )
