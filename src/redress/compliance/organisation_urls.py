from django.urls import path

from . import organisation_views

app_name = "compliance-org"

urlpatterns = [
    path("", organisation_views.items, name="items"),
    path("<int:pk>/evidence/", organisation_views.evidence, name="evidence"),
]
