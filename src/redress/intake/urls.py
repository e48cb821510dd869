"""The public "Make a complaint" journey, mounted at /complain/."""

from django.urls import path

from .journey import organisations, saving, sending, views

app_name = "intake"

urlpatterns = [
    path("", views.start, name="start"),
    path("check/", sending.check, name="check"),
    path("sent/", sending.confirmation, name="confirmation"),
    path("save/", saving.save, name="save"),
    path("saved/", saving.saved, name="saved"),
    path("continue/<str:token>/", saving.resume, name="resume"),
    path("session/warning/", saving.session_warning, name="session-warning"),
    path("session/keep/", saving.keep_alive, name="keep-alive"),
    path("organisations/", organisations.organisation_results, name="organisation-results"),
    path("<slug:slug>/", views.question, name="step"),
    path("<slug:slug>/remove-file/", views.remove_file, name="remove-file"),
]
