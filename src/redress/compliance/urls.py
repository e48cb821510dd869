from django.urls import path

from . import views

app_name = "compliance"

urlpatterns = [
    path("", views.items, name="items"),
    path("start/", views.start, name="start"),
    path("close/", views.close, name="close"),
    path("actions/<int:pk>/review/", views.review, name="review"),
    path("actions/<int:pk>/not-complied/", views.not_complied, name="not-complied"),
    path("reports/new/", views.report_new, name="report-new"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/send/", views.report_send, name="report-send"),
    path("reports/<int:pk>/response/", views.report_response, name="report-response"),
]
