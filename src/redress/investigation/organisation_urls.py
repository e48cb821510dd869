from django.urls import path

from . import organisation_views

app_name = "investigation-org"

urlpatterns = [
    path("", organisation_views.enquiry_list, name="list"),
    path("<int:pk>/", organisation_views.enquiry_answer, name="answer"),
]
