"""The remedies a decision recommends, the offers the organisation made before it, and the
index of past financial remedies that the consistency check searches.

Money is whole pounds. An action's suggested range and its reasoning, and the consistency
summary the investigator saw, are stored as they were shown, so the decision can always
be explained from what was on the page when it was made.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from redress.domain.findings import InjusticeKind
from redress.domain.remedies import Aggravating, Mitigating, OfferRelation, RemedyKind
from redress.domain.remedy_builder import due_in_words
from redress.domain.smart import RecommendedAction

from .models import _valid


def _valid_or_blank(field: str, values: type[InjusticeKind], name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": [v.value for v in values]}) | models.Q(**{field: ""}),
        name=name,
    )


class RemedyAction(models.Model):
    """One action a decision recommends, numbered in the order the decision states them."""

    decision = models.ForeignKey(
        "decisions.Decision", on_delete=models.PROTECT, related_name="remedy_actions"
    )
    finding = models.ForeignKey(
        "decisions.Finding",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="remedy_actions",
    )
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=30, choices=RemedyKind.choices())
    action = models.TextField()
    responsible = models.CharField(max_length=200)
    evidence = models.TextField()
    # Empty: the usual time after the final decision, fixed when it is issued.
    due_on = models.DateField(null=True, blank=True)
    amount = models.PositiveIntegerField(null=True, blank=True, help_text="Whole pounds.")
    payment_for = models.CharField(max_length=30, choices=InjusticeKind.choices(), blank=True)
    others_affected = models.PositiveIntegerField(null=True, blank=True)
    how_found = models.TextField(blank=True)
    # The guidance behind a payment, as shown to the investigator.
    figure = models.ForeignKey(
        "remedies.GuidanceFigure",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    periods = models.PositiveIntegerField(null=True, blank=True)
    aggravating = models.JSONField(default=list, blank=True)
    mitigating = models.JSONField(default=list, blank=True)
    suggested_low = models.PositiveIntegerField(null=True, blank=True)
    suggested_high = models.PositiveIntegerField(null=True, blank=True)
    suggested_reasoning = models.TextField(blank=True)
    # What similar past decisions recommended, as shown when the amount was saved.
    consistency_seen = models.TextField(blank=True)
    consistency_outside = models.BooleanField(default=False)
    outside_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["decision", "number"]
        constraints = [
            _valid("kind", RemedyKind, "remedy_action_kind_valid"),
            _valid_or_blank("payment_for", InjusticeKind, "remedy_action_payment_for_valid"),
            models.UniqueConstraint(
                fields=["decision", "number"], name="remedy_action_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(suggested_low__isnull=True)
                | models.Q(suggested_high__gte=models.F("suggested_low")),
                name="remedy_action_suggested_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"Action {self.number} of decision {self.decision_id}"

    @property
    def kind_enum(self) -> RemedyKind:
        return RemedyKind(self.kind)

    @property
    def payment_for_enum(self) -> InjusticeKind | None:
        return InjusticeKind(self.payment_for) if self.payment_for else None

    @property
    def aggravating_labels(self) -> list[str]:
        return [Aggravating(value).label for value in self.aggravating]

    @property
    def mitigating_labels(self) -> list[str]:
        return [Mitigating(value).label for value in self.mitigating]

    @property
    def due_text(self) -> str:
        """When the action is due, as the decision says it."""
        return due_in_words(self.as_recommended(self.updated_at.date()))

    @property
    def reasoning_lines(self) -> list[str]:
        return [line for line in self.suggested_reasoning.splitlines() if line.strip()]

    def as_recommended(self, decided_on: dt.date) -> RecommendedAction:
        """The action as the domain's SMART check and decision text take it."""
        return RecommendedAction(
            kind=self.kind_enum,
            action=self.action,
            responsible=self.responsible,
            evidence=self.evidence,
            due_on=self.due_on,
            decided_on=decided_on,
            amount=self.amount,
            payment_for=self.payment_for_enum,
            others_affected=self.others_affected,
            how_found=self.how_found,
        )


class OrganisationOffer(models.Model):
    """What the organisation offered before the decision, and whether our remedy replaces
    it or adds to it."""

    decision = models.ForeignKey(
        "decisions.Decision", on_delete=models.PROTECT, related_name="organisation_offers"
    )
    what = models.TextField()
    amount = models.PositiveIntegerField(null=True, blank=True, help_text="Whole pounds.")
    relation = models.CharField(max_length=10, choices=OfferRelation.choices())
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at", "id"]
        constraints = [_valid("relation", OfferRelation, "organisation_offer_relation_valid")]

    def __str__(self) -> str:
        return f"Offer {self.pk} on decision {self.decision_id}"

    @property
    def relation_enum(self) -> OfferRelation:
        return OfferRelation(self.relation)


class PastRemedy(models.Model):
    """A financial remedy of an issued decision, kept for the consistency search.

    Written once, when the decision is issued, by `search.past_remedies_index`, which also
    keeps the text index in step: `search_vector` on PostgreSQL (a GIN index made by the
    migration), an FTS5 table on SQLite.
    """

    action = models.OneToOneField(RemedyAction, on_delete=models.PROTECT, related_name="past_entry")
    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=32)
    subcategory = models.CharField(max_length=64, blank=True)
    injustice = models.CharField(max_length=30, choices=InjusticeKind.choices())
    amount = models.PositiveIntegerField()
    decided_on = models.DateField()
    finding_text = models.TextField()
    search_vector = SearchVectorField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["category", "injustice", "subcategory"], name="past_remedy_area"),
        ]
        constraints = [_valid("injustice", InjusticeKind, "past_remedy_injustice_valid")]

    def __str__(self) -> str:
        return f"Past remedy {self.pk}: {self.amount}"
