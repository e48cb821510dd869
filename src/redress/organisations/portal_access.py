"""Who may use the organisation portal, and which cases they may open there.

A link officer is a Django user with the organisation user role. Their password alone is
not enough: the portal's views also need the time-based code to have been passed in this
session, which the sign-in records under `VERIFIED_KEY`. A link officer who signed in some
other way (the staff sign-in page, say) is sent back to the portal's sign-in for the code.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import redirect

from redress.accounts.models import User
from redress.casework.models import Case
from redress.domain.references import parse_reference
from redress.domain.roles import Role

# The pk of the user who passed the one-time code in this session.
VERIFIED_KEY = "organisation_portal_verified_user"

P = ParamSpec("P")


def is_link_officer(user: object) -> bool:
    return (
        isinstance(user, User)
        and user.is_authenticated
        and user.is_active
        and user.role == Role.ORGANISATION_USER
        and user.organisation_id is not None
    )


def session_verified(request: HttpRequest) -> bool:
    """Has the signed-in user passed the one-time code in this session?"""
    user = request.user
    return isinstance(user, User) and request.session.get(VERIFIED_KEY) == user.pk


def mark_session_verified(request: HttpRequest, user: User) -> None:
    request.session[VERIFIED_KEY] = user.pk


def organisation_user_required(
    view: Callable[P, HttpResponseBase],
) -> Callable[P, HttpResponseBase]:
    """Let through a link officer who passed the one-time code in this session.

    Anyone signed out, or a link officer still to give their code, goes to the portal's
    sign-in. Staff and anyone else signed in are refused (403): the portal is not theirs.
    The view reads the link officer from `request.user`.
    """

    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
        request = args[0]
        if not isinstance(request, HttpRequest):
            raise TypeError("organisation_user_required decorates views: request first.")
        user = request.user
        if not user.is_authenticated:
            return redirect("organisation-portal:sign-in")
        if not is_link_officer(user):
            raise PermissionDenied("The organisation portal is for organisations' link officers.")
        if not session_verified(request):
            return redirect("organisation-portal:sign-in")
        return view(*args, **kwargs)

    return wrapped


def signed_in_link_officer(request: HttpRequest) -> User:
    """The link officer a view behind `organisation_user_required` serves, typed as such."""
    user = request.user
    if not is_link_officer(user) or not isinstance(user, User):
        raise PermissionDenied("The organisation portal is for organisations' link officers.")
    return user


def organisation_cases(user: User) -> Q:
    """The cases about the user's organisation, as the lead or as one of the others.

    Sensitive cases stay out of the portal, as they stay out of `Case.objects.visible_to`
    for organisation users: the scheme deals with the organisation on them by letter and
    email, so that a restricted case is never one wrong account away from being read.
    """
    organisation_id = user.organisation_id
    if organisation_id is None:
        return Q(pk__in=[])
    # A subquery rather than a join, so that no case comes back twice.
    joint = Case.other_organisations.through.objects.filter(organisation_id=organisation_id).values(
        "case_id"
    )
    return (Q(organisation_id=organisation_id) | Q(pk__in=joint)) & Q(sensitive=False)


def organisation_case_or_404(user: User, reference: str) -> Case:
    """The case with `reference` (typed with or without spaces) if it is about the user's
    organisation; a 404 otherwise, whether or not the case exists."""
    if not is_link_officer(user):
        raise Http404("No such case")
    try:
        canonical = str(parse_reference(reference))
    except ValueError:
        raise Http404("No such case") from None
    case = (
        Case.objects.filter(organisation_cases(user), reference=canonical)
        .select_related("organisation")
        .first()
    )
    if case is None:
        raise Http404("No such case")
    return case
