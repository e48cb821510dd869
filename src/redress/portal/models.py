"""Sign-in links for complainants and the requests for them (for rate limits)."""

from __future__ import annotations

from django.db import models


class SignInLink(models.Model):
    """A one-time link emailed to a complainant or representative. Only its hash is kept."""

    token_hash = models.CharField(max_length=64, unique=True)
    person = models.ForeignKey(
        "casework.Person", on_delete=models.CASCADE, related_name="sign_in_links"
    )
    # The address it was sent to: if the person's email changes, the link stops working.
    email = models.EmailField()
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["expires_at"], name="signinlink_expires")]

    def __str__(self) -> str:
        return f"Sign-in link for person {self.person_id} sent {self.created_at:%Y-%m-%d %H:%M}"


class LinkRequest(models.Model):
    """One request for a sign-in link, matched or not, counted for the rate limits.

    The email address is kept only as a keyed hash: people type other people's addresses,
    and this table needs to count them, not read them.
    """

    email_digest = models.CharField(max_length=64)
    address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["email_digest", "at"], name="linkrequest_email_at"),
            models.Index(fields=["address", "at"], name="linkrequest_address_at"),
            models.Index(fields=["at"], name="linkrequest_at"),
        ]

    def __str__(self) -> str:
        return f"Link request at {self.at:%Y-%m-%d %H:%M}"
