"""Search as you type: the matching organisations, as the radios the page shows.

htmx asks for this fragment as the person types. Anyone else arriving here (no
JavaScript, a bookmark) is sent to the page itself, which searches the same way.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from redress.domain.complaints import Step

from .choices import OrganisationForm
from .views import step_url


@require_safe
def organisation_results(request: HttpRequest) -> HttpResponse:
    text = str(request.GET.get("q", ""))[:200]
    if request.headers.get("HX-Request") != "true":
        return redirect(step_url(Step.ORGANISATION) + "?" + urlencode({"q": text}))
    form = OrganisationForm(initial={"q": text})
    return render(request, "intake/journey/_organisation_results.html", {"form": form})
