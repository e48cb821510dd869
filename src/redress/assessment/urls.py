"""The assessment workspace, mounted at /cases/<reference>/assessment/."""

from django.urls import path

from redress.domain.assessment import OutcomeKind

from . import views

app_name = "assessment"

urlpatterns = [
    path("", views.workspace, name="workspace"),
    path("close/", views.decide, {"kind": OutcomeKind.CLOSE.value}, name="close"),
    path(
        "remedy-provided/",
        views.decide,
        {"kind": OutcomeKind.REMEDY_PROVIDED.value},
        name="remedy-provided",
    ),
    path(
        "early-resolution/",
        views.decide,
        {"kind": OutcomeKind.EARLY_RESOLUTION.value},
        name="early-resolution",
    ),
    path("allocate/", views.decide, {"kind": OutcomeKind.ALLOCATE.value}, name="allocate"),
]
