from django.urls import path

from . import party_views

app_name = "decisions-org"

urlpatterns = [
    path("<int:pk>/", party_views.organisation_comment, name="comment"),
]
