from django.urls import path

from . import party_views

app_name = "decisions-complainant"

urlpatterns = [
    path("<int:pk>/", party_views.complainant_comment, name="comment"),
]
