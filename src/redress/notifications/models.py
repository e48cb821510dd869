"""Letters and emails sent to the parties: what was said, to whom, how, and when."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class LetterChannel(models.TextChoices):
    EMAIL = "email", "Email"
    POST = "post", "Post"


def _pdf_path(instance: Letter, filename: str) -> str:
    return f"letters/{instance.case_id}/{instance.pk or 'new'}-{filename}"


class Letter(models.Model):
    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="letters")
    recipient_name = models.CharField(max_length=200)
    # Which party it went to, in the scheme's words ("Complainant", "Organisation").
    party = models.CharField(max_length=100)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    channel = models.CharField(max_length=10, choices=LetterChannel.choices)
    subject = models.CharField(max_length=200)
    # The rendered letter as an HTML fragment (escaped when rendered from its template).
    body = models.TextField()
    pdf = models.FileField(upload_to=_pdf_path, blank=True, max_length=200)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["case", "created_at"], name="letter_case_created")]

    def __str__(self) -> str:
        return f"{self.subject} to {self.recipient_name}"
