"""The remedy builder's pages: who may use them, junk input, the consistency panel, the
query budget of the builder page, and read-only once the decision has gone out."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from redress.accounts.models import User
from redress.casework.models import Case
from redress.decisions.models import Decision
from redress.domain.findings import DecisionStatus
from redress.domain.remedies import RemedyKind
from redress.remedies import action_services
from redress.remedies.builder_selectors import ActionInput
from redress.remedies.models import GuidanceFigure, GuidanceVersion, OrganisationOffer, RemedyAction

from .conftest import AddPast, first_finding

pytestmark = pytest.mark.django_db


def ref(case: Case) -> str:
    return case.reference.replace(" ", "")


def client_for(user: User | None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def built(builder_case: Case, investigator: User, apology: ActionInput) -> RemedyAction:
    row = action_services.remedy_action_add(case=builder_case, data=apology, actor=investigator)
    action_services.offer_record(
        case=builder_case, what="An apology by phone", amount=None,
        relation=action_services.OfferRelation.ADDS_TO, actor=investigator,
    )  # fmt: skip
    return row


def _urls(case: Case, action: RemedyAction) -> dict[str, str]:
    r = ref(case)
    offer = OrganisationOffer.objects.get(decision=action.decision)
    return {
        "action-add": reverse("remedies:action-add", args=[r, RemedyKind.SYMBOLIC_PAYMENT.value]),
        "action-edit": reverse("remedies:action-edit", args=[r, action.pk]),
        "action-remove": reverse("remedies:action-remove", args=[r, action.pk]),
        "offer-add": reverse("remedies:offer-add", args=[r]),
        "offer-remove": reverse("remedies:offer-remove", args=[r, offer.pk]),
        "agreed-action": reverse("remedies:agreed-action", args=[r]),
    }


WRITE_VIEWS = ["action-add", "action-edit", "action-remove", "offer-add", "offer-remove",
               "agreed-action"]  # fmt: skip


@pytest.mark.parametrize("name", WRITE_VIEWS)
def test_signed_out_people_are_sent_to_sign_in(
    builder_case: Case, built: RemedyAction, name: str
) -> None:
    response = client_for(None).post(_urls(builder_case, built)[name], {})
    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]


@pytest.mark.parametrize("name", WRITE_VIEWS)
def test_another_team_sees_nothing(
    builder_case: Case, built: RemedyAction, outsider: User, name: str
) -> None:
    assert client_for(outsider).post(_urls(builder_case, built)[name], {}).status_code == 404


@pytest.mark.parametrize("name", WRITE_VIEWS)
def test_organisation_users_complainants_other_roles_and_investigators_are_refused(
    builder_case: Case,
    *,
    built: RemedyAction,
    council_user: User,
    complainant_user: User,
    assessor: User,
    colleague: User,
    name: str,
) -> None:
    for person in (council_user, complainant_user, assessor, colleague):
        response = client_for(person).post(_urls(builder_case, built)[name], {})
        assert response.status_code == 403, person
    assert RemedyAction.objects.filter(pk=built.pk).exists()


@pytest.mark.parametrize("name", WRITE_VIEWS)
def test_a_sensitive_case_is_hidden_from_the_team_s_other_staff(
    builder_case: Case, built: RemedyAction, colleague: User, name: str
) -> None:
    Case.objects.filter(pk=builder_case.pk).update(sensitive=True)
    assert client_for(colleague).post(_urls(builder_case, built)[name], {}).status_code == 404


@pytest.mark.parametrize("name", WRITE_VIEWS)
def test_nothing_changes_once_the_decision_is_being_checked(
    builder_case: Case, built: RemedyAction, investigator: User, name: str
) -> None:
    urls = _urls(builder_case, built)
    Decision.objects.filter(pk=built.decision_id).update(status=DecisionStatus.AWAITING_CHECK)
    assert client_for(investigator).post(urls[name], {}).status_code == 403


def test_the_builder_page_is_read_only_for_colleagues_and_scoped(
    builder_case: Case, built: RemedyAction, colleague: User, outsider: User, manager: User
) -> None:
    url = reverse("remedies:builder", args=[ref(builder_case)])
    assert client_for(outsider).get(url).status_code == 404
    page = client_for(colleague).get(url)
    assert page.status_code == 200
    assert b"You can read the remedies but not change them" in page.content
    assert b"Write these actions into the draft" not in page.content
    managed = client_for(manager).get(url)
    assert b"Write these actions into the draft" in managed.content


def test_the_builder_shows_kinds_in_order_figures_and_factors(
    builder_case: Case, built: RemedyAction, investigator: User
) -> None:
    page = client_for(investigator).get(reverse("remedies:builder", args=[ref(builder_case)]))
    text = page.content.decode()
    kinds = ["Apology", "Corrective action", "Symbolic payment", "Service improvement"]
    positions = [text.index(f"<strong>{kind}</strong>") for kind in kinds]
    assert positions == sorted(positions)
    assert "Guidance for distress (any area): £100 to £300" in text.replace("&#39;", "'")
    assert "Unverified" in text
    assert "Aggravating: the person is vulnerable" in text
    assert "Action 1: Apology" in text
    assert "An apology by phone" in text


def test_the_builder_page_keeps_to_a_query_budget(
    builder_case: Case,
    investigator: User,
    apology: ActionInput,
    payment: ActionInput,
    django_assert_max_num_queries: Any,
) -> None:
    for _ in range(3):
        action_services.remedy_action_add(case=builder_case, data=apology, actor=investigator)
        action_services.remedy_action_add(case=builder_case, data=payment, actor=investigator)
    client = client_for(investigator)
    url = reverse("remedies:builder", args=[ref(builder_case)])
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def _payment_post(case: Case, **extra: Any) -> dict[str, Any]:
    return {
        "finding": str(first_finding(case).pk),
        "action": "Pay Mrs X £2,000 to acknowledge the distress caused.",
        "responsible": "Wessex County Council",
        "evidence": "Proof of payment",
        "amount": "2000",
        "payment_for": "distress",
        **extra,
    }


def test_the_form_shows_the_range_and_the_consistency_panel_and_asks_for_a_reason(
    builder_case: Case, investigator: User, add_past: AddPast, version_1: GuidanceVersion
) -> None:
    for amount in (200, 250, 250, 300, 300, 350):
        add_past(amount)
    distress = GuidanceFigure.objects.get(version=version_1, situation="Distress")
    url = reverse("remedies:action-add", args=[ref(builder_case), "symbolic_payment"])
    client = client_for(investigator)
    worked_out = client.post(
        url, _payment_post(builder_case, figure=str(distress.pk), calculate="1")
    )
    text = worked_out.content.decode()
    assert worked_out.status_code == 200
    assert "£100 to £300" in text
    assert "Usual range" in text
    assert "£250 to £300" in text
    assert "£2,000 is above the usual range" in text
    ours = RemedyAction.objects.filter(decision__case=builder_case)
    assert not ours.exists()
    refused = client.post(url, _payment_post(builder_case, figure=str(distress.pk)))
    assert refused.status_code == 200
    assert b"govuk-error-summary" in refused.content
    assert b"Give the reason for recommending an amount outside the usual range" in (
        refused.content
    )
    saved = client.post(
        url,
        _payment_post(builder_case, figure=str(distress.pk), outside_reason="Very long."),
    )
    assert saved.status_code == 302
    assert ours.get().outside_reason == "Very long."


def test_the_smart_messages_appear_in_the_error_summary(
    builder_case: Case, investigator: User
) -> None:
    url = reverse("remedies:action-add", args=[ref(builder_case), "apology"])
    response = client_for(investigator).post(
        url, {"action": "Consider apologising", "responsible": "", "evidence": ""}
    )
    text = response.content.decode()
    assert "govuk-error-summary" in text
    assert "Remove “consider”" in text
    assert "Enter" in text or "Say how the organisation will show" in text


JUNK: list[dict[str, Any]] = [
    {},
    {"finding": "abc", "amount": "lots", "figure": "9999", "periods": "-3"},
    {"finding": "999999", "amount": "-5", "payment_for": "<script>", "aggravating": ["x"]},
    {"due_on_day": "31", "due_on_month": "2", "due_on_year": "20x6", "others_affected": "1e9"},
    {"action": "x" * 30000, "responsible": "\x00", "evidence": " ", "relation": "both"},
    {"what": "", "amount": "99999999999999999999", "mitigating": "everything"},
]


@pytest.mark.parametrize("junk", JUNK)
@pytest.mark.parametrize(
    "kind", ["apology", "symbolic_payment", "reimbursement", "wider_injustice"]
)
def test_junk_input_to_the_action_form_never_gives_a_500(
    builder_case: Case, built: RemedyAction, manager: User, kind: str, junk: dict[str, Any]
) -> None:
    count = RemedyAction.objects.count()
    url = reverse("remedies:action-add", args=[ref(builder_case), kind])
    response = client_for(manager).post(url, junk)
    assert response.status_code == 200, response.content[:500]
    assert b"govuk-error-summary" in response.content
    assert RemedyAction.objects.count() == count


@pytest.mark.parametrize("junk", JUNK)
def test_junk_input_to_the_other_forms_never_gives_a_500(
    builder_case: Case, built: RemedyAction, manager: User, junk: dict[str, Any]
) -> None:
    client = client_for(manager)
    urls = _urls(builder_case, built)
    for name in ("offer-add", "action-edit"):
        response = client.post(urls[name], junk)
        assert response.status_code == 200, (name, response.content[:500])
        assert b"govuk-error-summary" in response.content
    built.refresh_from_db()
    assert built.action.startswith("Apologise in writing")


def test_unknown_kinds_and_actions_are_not_found(
    builder_case: Case, built: RemedyAction, investigator: User
) -> None:
    client = client_for(investigator)
    r = ref(builder_case)
    assert client.get(reverse("remedies:action-add", args=[r, "fine"])).status_code == 404
    assert client.get(reverse("remedies:action-edit", args=[r, 999999])).status_code == 404
    assert client.post(reverse("remedies:offer-remove", args=[r, 999999])).status_code == 404


def test_removing_and_writing_into_the_draft_through_the_pages(
    builder_case: Case, built: RemedyAction, investigator: User, apology: ActionInput
) -> None:
    client = client_for(investigator)
    urls = _urls(builder_case, built)
    second = action_services.remedy_action_add(
        case=builder_case, data=dataclasses.replace(apology, action="Apologise again to Mrs X."),
        actor=investigator,
    )  # fmt: skip
    assert client.post(urls["agreed-action"]).status_code == 302
    decision = Decision.objects.get(pk=built.decision_id)
    assert "2. Within one month" in decision.agreed_action
    assert client.post(urls["action-remove"]).status_code == 302
    second.refresh_from_db()
    assert second.number == 1
    assert client.post(urls["offer-remove"]).status_code == 302
    assert not OrganisationOffer.objects.exists()


def test_the_decision_overview_links_to_the_builder(builder_case: Case, investigator: User) -> None:
    page = client_for(investigator).get(reverse("decisions:overview", args=[ref(builder_case)]))
    assert reverse("remedies:builder", args=[ref(builder_case)]).encode() in page.content
