from django.urls import path

from . import queue_views

app_name = "compliance-queue"

urlpatterns = [
    path("", queue_views.queue, name="queue"),
    path("organisations/", queue_views.statistics, name="statistics"),
    path("reports/", queue_views.reports, name="reports"),
]
