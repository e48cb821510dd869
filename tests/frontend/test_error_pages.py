"""Error pages: GOV.UK-style pages with the right status codes, never a Django debug page."""

from __future__ import annotations

import types

import pytest
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.test import Client, RequestFactory
from django.urls import include, path, reverse
from markupsafe import escape
from pytest_django import DjangoAssertNumQueries, Settings

from redress.accounts.models import User
from redress.config import urls as project_urls
from redress.frontend import views

DASH = "\N{EN DASH}"  # between the page title and the scheme name

pytestmark = pytest.mark.django_db


def _forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def _bad(request: HttpRequest) -> HttpResponse:
    raise BadRequest


def _broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("something went wrong")


# The project's URLs plus three views that fail, with the project's own error handlers.
failing_urls = types.ModuleType("failing_urls")
failing_urls.urlpatterns = [  # type: ignore[attr-defined]
    path("forbidden/", _forbidden),
    path("bad/", _bad),
    path("broken/", _broken),
    path("", include(project_urls.urlpatterns)),
]
for _code in (400, 403, 404, 500):
    setattr(failing_urls, f"handler{_code}", getattr(project_urls, f"handler{_code}"))


@pytest.fixture
def failing_site(settings: Settings) -> None:
    settings.ROOT_URLCONF = failing_urls


def heading(response: HttpResponseBase) -> str:
    assert isinstance(response, HttpResponse)
    html = response.content.decode()
    start = html.index("<h1")
    return " ".join(html[html.index(">", start) + 1 : html.index("</h1>")].split())


def test_page_not_found(client: Client) -> None:
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert heading(response) == "Page not found"
    assert (
        f"<title>Page not found {DASH} Local Services Ombudsman</title>"
        in response.content.decode()
    )
    assert "If you typed the web address, check it is correct." in response.content.decode()


def test_page_not_found_keeps_the_navigation_for_staff(client: Client, investigator: User) -> None:
    client.force_login(investigator)

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert f"Signed in as {escape(str(investigator))}" in response.content.decode()


@pytest.mark.usefixtures("failing_site")
def test_permission_denied(client: Client) -> None:
    response = client.get("/forbidden/")

    assert response.status_code == 403
    assert heading(response) == "You cannot do this"
    assert "Nothing has been changed." in response.content.decode()


@pytest.mark.usefixtures("failing_site")
def test_bad_request(client: Client) -> None:
    response = client.get("/bad/")

    assert response.status_code == 400
    assert heading(response) == "There is a problem with your request"


@pytest.mark.usefixtures("failing_site")
def test_server_error() -> None:
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    assert heading(response) == "Sorry, there is a problem with the service"
    html = response.content.decode()
    assert "Anything you saved before this happened has not been lost." in html
    assert "something went wrong" not in html, "no internals on the error page"


def test_server_error_page_uses_neither_the_request_nor_the_database(
    rf: RequestFactory, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    request = rf.get("/")  # no user, no session: the middleware may not have run

    with django_assert_num_queries(0):
        response = views.server_error(request)

    assert response.status_code == 500
    assert "Signed in as" not in response.content.decode()
    assert 'href="/static/redress/app.css"' in response.content.decode()


def test_a_form_sent_without_a_valid_token_explains_what_happened() -> None:
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        reverse("accounts:sign-in"),
        {"username": "someone", "password": "secret"},
        HTTP_REFERER="http://testserver/sign-in/?next=/cases/",
    )

    assert response.status_code == 403
    assert heading(response) == "The form you sent has expired"
    html = response.content.decode()
    assert "Nothing else has been lost" in html
    assert 'href="http://testserver/sign-in/?next=/cases/"' in html


def test_the_token_failure_page_never_links_to_another_site() -> None:
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        reverse("accounts:sign-in"), {}, HTTP_REFERER="https://elsewhere.example/phish"
    )

    assert response.status_code == 403
    html = response.content.decode()
    assert "elsewhere.example" not in html
    assert (
        f'<a class="govuk-link" href="{reverse("frontend:home")}">Go back to the form</a>' in html
    )
