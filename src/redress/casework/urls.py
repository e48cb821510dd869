from django.urls import path

from . import views

app_name = "casework"

urlpatterns = [
    path("", views.workqueue, name="workqueue"),
    path("find/", views.case_find, name="find"),
    path("<str:reference>/", views.case_page, name="case"),
    path("<str:reference>/stage/", views.case_move, name="move"),
    path("<str:reference>/details/", views.case_edit, name="edit"),
    path("<str:reference>/notes/", views.case_add_note, name="add-note"),
    path("<str:reference>/contacts/", views.case_log_contact, name="log-contact"),
]
