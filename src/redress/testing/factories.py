"""Factories that build valid objects; cases go through the real registration service."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import factory
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.casework import services
from redress.casework.models import Case, Person
from redress.domain.categories import Category, Channel, OrganisationType
from redress.domain.roles import Role
from redress.organisations.models import Organisation


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    role = Role.INVESTIGATOR
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def _save(obj: User, create: bool, extracted: Any, **kwargs: Any) -> None:  # noqa: N805
        if create:
            obj.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Borough Council {n}")
    org_type = OrganisationType.DISTRICT
    region = "South East"
    population = 120_000
    complaints_email = "complaints@council.example"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    title = "Ms"
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.Sequence(lambda n: f"person{n}@example.org")


def make_case(
    *,
    organisation: Organisation | None = None,
    team: Team | None = None,
    officer: User | None = None,
    received_on: dt.date | None = None,
    category: Category = Category.HOUSING,
    summary: str = "The council did not reply to my homelessness application for four months.",
    actor: User | None = None,
    **extra: Any,
) -> Case:
    case = services.case_register(
        new=services.NewCase(
            received_on=received_on or timezone.localdate(),
            channel=Channel.ONLINE,
            organisation=organisation or cast(Organisation, OrganisationFactory()),
            category=category,
            summary=summary,
            complainant=cast(Person, PersonFactory()),
            team=team,
            officer=officer,
        ),
        actor=actor,
    )
    if extra:
        Case.objects.filter(pk=case.pk).update(**extra)
        case.refresh_from_db()
    return case
