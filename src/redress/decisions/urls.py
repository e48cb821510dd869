from django.urls import path

from . import comment_views, review_views, views

app_name = "decisions"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("issues/<int:issue_id>/finding/", views.finding, name="finding"),
    path("override/", views.override, name="override"),
    path("draft/assemble/", views.assemble, name="assemble"),
    path("draft/", views.edit, name="edit"),
    path("draft/share/", views.share, name="share"),
    path("comments/new/", comment_views.comment_record, name="comment-record"),
    path("comments/<int:pk>/response/", comment_views.comment_respond, name="comment-respond"),
    path("quality-check/request/", views.check_request, name="check-request"),
    path("quality-check/", views.quality_check, name="quality-check"),
    path("issue/", views.issue, name="issue"),
    path("return/", views.return_to_investigation, name="return"),
    path("decisions/<int:pk>/<str:kind>.pdf", views.pdf, name="pdf"),
    path("reviews/new/", review_views.review_record, name="review-record"),
    path("reviews/<int:pk>/", review_views.review_decide, name="review-decide"),
]
