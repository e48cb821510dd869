"""Bodies in the scheme's jurisdiction: the councils and care providers complained about."""

from __future__ import annotations

from django.db import models

from redress.domain.categories import OrganisationType


class Organisation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    org_type = models.CharField(
        "type", max_length=32, choices=OrganisationType.choices(), db_index=True
    )
    region = models.CharField(max_length=100, blank=True)
    population = models.PositiveIntegerField(
        null=True, blank=True, help_text="Residents, for upheld decisions per 100,000."
    )
    complaints_email = models.EmailField("complaints contact email", blank=True)
    complaints_phone = models.CharField("complaints contact phone", max_length=40, blank=True)
    complaints_address = models.TextField("complaints contact address", blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(org_type__in=[t.value for t in OrganisationType]),
                name="organisation_type_valid",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def org_type_label(self) -> str:
        return OrganisationType(self.org_type).label
