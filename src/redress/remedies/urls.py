from django.urls import path

from . import views

app_name = "remedies"

urlpatterns = [
    path("", views.builder, name="builder"),
    path("actions/new/<str:kind>/", views.action_add, name="action-add"),
    path("actions/<int:pk>/", views.action_edit, name="action-edit"),
    path("actions/<int:pk>/remove/", views.action_remove, name="action-remove"),
    path("offers/new/", views.offer_add, name="offer-add"),
    path("offers/<int:pk>/remove/", views.offer_remove, name="offer-remove"),
    path("agreed-action/", views.agreed_action, name="agreed-action"),
]
