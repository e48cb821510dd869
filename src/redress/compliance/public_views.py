"""The public register of agreed service improvements, as pages and open data (CSV)."""

from __future__ import annotations

import csv

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import register

# Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "compliance/public/index.html", {"entries": register.register_index()})


@require_safe
def organisation(request: HttpRequest, pk: int) -> HttpResponse:
    found = register.register_organisation(pk)
    improvements = register.published_improvements(found)
    return render(
        request,
        "compliance/public/organisation.html",
        {
            "organisation": found,
            "improvements": improvements,
            "repeats": sum(1 for i in improvements if i.repeated),
        },
    )


@require_safe
def organisation_csv(request: HttpRequest, pk: int) -> HttpResponse:
    found = register.register_organisation(pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="service-improvements-{found.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow(register.CSV_HEADER)
    for row in register.register_rows(found):
        writer.writerow([_cell(value) for value in row])
    return response
