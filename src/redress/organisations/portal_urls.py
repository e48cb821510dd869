"""The organisation portal, for the link officers of the organisations complained about."""

from django.urls import path

from . import case_views, sign_in_views

app_name = "organisation-portal"

urlpatterns = [
    path("", case_views.cases, name="cases"),
    path("sign-in/", sign_in_views.sign_in, name="sign-in"),
    path("sign-in/code/", sign_in_views.code, name="code"),
    path("sign-in/set-up/", sign_in_views.set_up, name="set-up"),
    path("sign-out/", sign_in_views.sign_out, name="sign-out"),
    path("cases/<str:reference>/", case_views.case_page, name="case"),
    path("cases/<str:reference>/files/", case_views.upload, name="upload"),
    path("cases/<str:reference>/letters/<int:letter_id>/", case_views.letter, name="letter"),
    path(
        "cases/<str:reference>/letters/<int:letter_id>/pdf/",
        case_views.letter_pdf,
        name="letter-pdf",
    ),
]
