"""Staff intake pages, mounted at /intake/."""

from django.urls import path

from . import staff_views

app_name = "intake-staff"

urlpatterns = [
    path("", staff_views.queue, name="queue"),
    path("log/", staff_views.log_complaint, name="log"),
    path("log/<str:reference>/", staff_views.logged, name="logged"),
    path("contacts/", staff_views.written_contacts, name="contacts"),
    path(
        "contacts/<int:contact_id>/dealt-with/",
        staff_views.contact_handled,
        name="contact-handled",
    ),
    path("cases/<str:reference>/decide/", staff_views.decide, name="decide"),
    path("cases/<str:reference>/decision/", staff_views.decision_record, name="decision"),
]
