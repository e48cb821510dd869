from django.urls import path

from . import views

app_name = "investigation"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("statement/", views.statement_edit, name="statement"),
    path("issues/new/", views.issue_add, name="issue-add"),
    path("issues/<int:pk>/", views.issue_edit, name="issue-edit"),
    path("issues/move/", views.issue_move, name="issue-move"),
    path("enquiries/new/", views.enquiry_add, name="enquiry-add"),
    path("evidence/new/", views.evidence_add, name="evidence-add"),
    path("clocks/pause/", views.clock_pause, name="pause"),
    path("clocks/restart/", views.clock_resume, name="resume"),
    path("delay-notices/new/", views.delay_notice_add, name="delay-notice"),
    path("updates/new/", views.party_update, name="update"),
]
