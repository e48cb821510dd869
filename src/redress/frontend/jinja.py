"""The Jinja2 template engine: GOV.UK Frontend macros plus the few helpers every page needs.

Templates live in each app's ``templates/<app>/`` folder. The GOV.UK Frontend component
macros load from the ``govuk_frontend_jinja`` package under the ``govuk_frontend_jinja/``
prefix, for example::

    {% from "govuk_frontend_jinja/components/button/macro.html" import govukButton %}
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import django
import jinja2
from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.base import Message
from django.http import HttpRequest
from django.template.backends.jinja2 import Jinja2
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property, lazy

from redress.frontend.dates import date_uk, datetime_uk, time_uk
from redress.frontend.forms import govuk_error_summary, govuk_field


class AppTemplatesJinja2(Jinja2):
    """Django's Jinja2 backend, finding each app's templates in ``<app>/templates/``.

    Django's own apps (the admin above all) keep Django templates, which this engine
    cannot parse: their folders are left to the Django engine listed after it.
    """

    app_dirname = "templates"

    @cached_property
    def template_dirs(self) -> tuple[str, ...]:
        django_apps = Path(django.__file__).resolve().parent
        return tuple(
            str(folder)
            for folder in super().template_dirs
            if not Path(folder).resolve().is_relative_to(django_apps)
        )


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """The path for a named URL: ``url("casework:case", case.reference)``."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def messages_for(request: HttpRequest | None) -> Iterable[Message]:
    """The flash messages waiting for this request (none when there is no request)."""
    if request is None:
        return []
    return get_messages(request)


def _scheme_name() -> str:
    return str(settings.SCHEME_NAME)


def environment(**options: Any) -> jinja2.Environment:
    """Build the Jinja2 environment; Django passes the options from ``TEMPLATES``."""
    app_loader = options.pop("loader")
    options["loader"] = jinja2.ChoiceLoader(
        [
            app_loader,
            jinja2.PrefixLoader(
                {"govuk_frontend_jinja": jinja2.PackageLoader("govuk_frontend_jinja")}
            ),
        ]
    )
    options["autoescape"] = True
    options["trim_blocks"] = True
    options["lstrip_blocks"] = True
    # Not StrictUndefined: GOV.UK's template and macros test optional variables and
    # params (``{% if htmlClasses %}``, ``params.hint``), which StrictUndefined turns
    # into errors. Not DebugUndefined either (Django's choice under DEBUG), which would
    # print "{{ no such element }}" into pages. Plain Undefined renders a missing name as
    # nothing but still fails on ``a.b`` when ``a`` is missing.
    options["undefined"] = jinja2.Undefined
    env = jinja2.Environment(**options)  # noqa: S701 - autoescape is on, set just above
    env.globals.update(
        {
            "url": url,
            "static": static,
            "scheme_name": lazy(_scheme_name, str)(),
            "get_messages": messages_for,
            "govuk_field": govuk_field,
            "govuk_error_summary": govuk_error_summary,
        }
    )
    env.filters.update({"date_uk": date_uk, "time_uk": time_uk, "datetime_uk": datetime_uk})
    return env
