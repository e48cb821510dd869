"""The project's URLs: each app owns its own under a prefix."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("redress.frontend.urls")),
    path("", include("redress.accounts.urls")),
    path("cases/", include("redress.casework.urls")),
    path("cases/<str:reference>/investigation/", include("redress.investigation.urls")),
    path("cases/<str:reference>/decision/", include("redress.decisions.urls")),
    path("cases/<str:reference>/remedies/", include("redress.remedies.urls")),
    path("cases/<str:reference>/assessment/", include("redress.assessment.urls")),
    path("cases/<str:reference>/compliance/", include("redress.compliance.urls")),
    path("compliance/", include("redress.compliance.queue_urls")),
    path("service-improvements/", include("redress.compliance.public_urls")),
    path("complain/", include("redress.intake.urls")),
    path("intake/", include("redress.intake.staff_urls")),
    path(
        "your-complaint/cases/<str:reference>/draft/", include("redress.decisions.complainant_urls")
    ),
    path("your-complaint/", include("redress.portal.urls")),
    path(
        "organisation/cases/<str:reference>/draft/", include("redress.decisions.organisation_urls")
    ),
    path(
        "organisation/cases/<str:reference>/enquiries/",
        include("redress.investigation.organisation_urls"),
    ),
    path(
        "organisation/cases/<str:reference>/compliance/",
        include("redress.compliance.organisation_urls"),
    ),
    path("organisation/", include("redress.organisations.portal_urls")),
    path("admin/", admin.site.urls),
]

handler400 = "redress.frontend.views.bad_request"
handler403 = "redress.frontend.views.permission_denied"
handler404 = "redress.frontend.views.page_not_found"
handler500 = "redress.frontend.views.server_error"
