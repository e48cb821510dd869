from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.start, name="start"),
    path("check-your-email/", views.link_sent, name="link-sent"),
    path("sign-in/<str:token>/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("cases/", views.cases, name="cases"),
    path("cases/<str:reference>/", views.case_page, name="case"),
    path("cases/<str:reference>/message/", views.message, name="message"),
    path("cases/<str:reference>/evidence/", views.evidence, name="evidence"),
    path("cases/<str:reference>/letters/<int:letter_id>/", views.letter, name="letter"),
    path("cases/<str:reference>/letters/<int:letter_id>/pdf/", views.letter_pdf, name="letter-pdf"),
]
