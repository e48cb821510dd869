"""The organisations in jurisdiction that generated cases are about (created once, by name)."""

from __future__ import annotations

from redress.organisations.models import Organisation

from . import reference_data as ref
from .plan import Org


def _slug(name: str) -> str:
    words = "".join(ch if ch.isalnum() else " " for ch in name.lower()).split()
    return "-".join(words)


def organisations_ensure() -> list[Org]:
    """Every reference body as an Organisation row (idempotent), in reference order."""
    names = [body.name for body in ref.BODIES]
    existing = dict(Organisation.objects.filter(name__in=names).values_list("name", "id"))
    missing = [
        Organisation(
            name=body.name,
            org_type=body.org_type.value,
            region=body.region,
            population=body.population,
            complaints_email=f"complaints@{_slug(body.name)}.example.org",
            complaints_phone=f"01632 960{index % 1_000:03d}",
            complaints_address=f"Complaints Team, {body.name}, {body.towns[0]}",
        )
        for index, body in enumerate(ref.BODIES)
        if body.name not in existing
    ]
    if missing:
        Organisation.objects.bulk_create(missing, ignore_conflicts=True)
        existing = dict(Organisation.objects.filter(name__in=names).values_list("name", "id"))
    return [
        Org(
            id=existing[body.name],
            name=body.name,
            org_type=body.org_type,
            region=body.region,
            postcode_areas=body.postcode_areas,
            towns=body.towns,
            population=body.population,
            index=index,
        )
        for index, body in enumerate(ref.BODIES)
    ]
