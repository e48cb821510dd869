from django.urls import path

from . import public_views

app_name = "service-improvements"

urlpatterns = [
    path("", public_views.index, name="index"),
    path("<int:pk>/", public_views.organisation, name="organisation"),
    path("<int:pk>/service-improvements.csv", public_views.organisation_csv, name="csv"),
]
