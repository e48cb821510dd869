"""Intake decisions: verdicts on suggestions, the move, the record, the letters; and logging
a complaint received by phone, letter or email."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.casework.models import Case, Contact, Person
from redress.casework.services import CaseConflictError
from redress.domain.categories import Category, Channel
from redress.domain.complaints import Authority, ComplainedFirst, ComplaintAnswers, ContactMethod
from redress.domain.stages import Outcome, ReasonCode
from redress.intake.decisions import (
    DecisionKind,
    IntakeDecisionError,
    SuggestionVerdict,
    intake_decide,
    intake_log_complaint,
)
from redress.intake.models import ComplaintDetails, IntakeDecision
from redress.notifications.models import Letter
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _case(team: Team, complained: ComplainedFirst = ComplainedFirst.WAITING, **kw: Any) -> Case:
    case = make_case(team=team, category=Category.HIGHWAYS, **kw)
    ComplaintDetails.objects.create(
        case=case,
        first_knew_on=TODAY - dt.timedelta(days=30),
        injustice="I cannot get to work.",
        complained_first=complained,
    )
    return Case.objects.get(pk=case.pk)


def _decide(case: Case, actor: User, **changes: Any) -> Any:
    args: dict[str, Any] = {
        "case": case,
        "expected_version": case.version,
        "decision": DecisionKind.CLOSE,
        "outcome": Outcome.REFERRED_BACK,
        "reason_codes": [],
        "signposted_to": "",
        "explanation": "The council should have the chance to answer first.",
        "suggestion_verdicts": {"PREMATURE": SuggestionVerdict(accepted=True)},
        "actor": actor,
    }
    return intake_decide(**{**args, **changes})


def test_referring_back_closes_records_and_writes_to_both_parties(
    team: Team, intake_officer: User, council: Organisation
) -> None:
    case = _case(team, organisation=council)
    decision, unsent = _decide(case, intake_officer)
    case.refresh_from_db()
    assert (case.stage, case.outcome, case.reason_codes) == (
        "closed",
        "referred_back",
        ["PREMATURE"],
    )
    assert unsent == []
    assert decision.decided_by == intake_officer
    [entry] = decision.suggestions
    assert (entry["code"], entry["accepted"]) == ("PREMATURE", True)
    assert "have not had its final response" in entry["why"]
    to_person, to_council = Letter.objects.filter(case=case).order_by("id")
    assert to_person.email == case.complainant.email
    assert "How to complain to Wessex County Council" in to_person.body
    assert "complaints@council.example" in to_person.body
    assert "you can come back to us" in to_person.body
    assert to_council.party == "Organisation"
    assert to_council.email == "complaints@council.example"
    assert case.summary in to_council.body


def test_an_override_is_recorded_with_its_reason(team: Team, assessor: User) -> None:
    case = _case(team)
    verdict = SuggestionVerdict(accepted=False, override_reason="They complained 6 months ago.")
    decision, _ = _decide(
        case, assessor, decision=DecisionKind.ASSESSMENT, outcome=None,
        suggestion_verdicts={"PREMATURE": verdict},
    )  # fmt: skip
    case.refresh_from_db()
    assert case.stage == "assessment"
    assert decision.outcome == ""
    assert decision.suggestions[0]["accepted"] is False
    assert decision.suggestions[0]["override_reason"] == "They complained 6 months ago."
    [letter] = Letter.objects.filter(case=case)
    assert "passed it to an assessor" in letter.body
    assert case.next_due_on is not None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"suggestion_verdicts": {}}, "Say whether you accept the 'premature' suggestion"),
        (
            {"suggestion_verdicts": {"PREMATURE": SuggestionVerdict(accepted=False)}},
            "Say why you are overriding",
        ),
        (
            {"decision": DecisionKind.ASSESSMENT, "outcome": None},
            "means not taking the complaint on",
        ),
        ({"outcome": None}, "Choose an outcome"),
        ({"outcome": Outcome.SIGNPOSTED}, "which body"),
        ({"explanation": "  "}, "Explain the decision"),
    ],
)
def test_a_refused_decision_writes_nothing(
    team: Team, intake_officer: User, changes: dict[str, Any], message: str
) -> None:
    case = _case(team)
    with pytest.raises(IntakeDecisionError, match=message):
        _decide(case, intake_officer, **changes)
    case.refresh_from_db()
    assert case.stage == "intake"
    assert not IntakeDecision.objects.exists()
    assert not Letter.objects.exists()


def test_a_stale_version_is_a_conflict_and_writes_nothing(team: Team, intake_officer: User) -> None:
    case = _case(team)
    with pytest.raises(CaseConflictError):
        _decide(case, intake_officer, expected_version=case.version - 1 or 99)
    assert not IntakeDecision.objects.exists()
    assert not Letter.objects.exists()


@pytest.mark.parametrize("persona", ["investigator", "compliance_officer"])
def test_roles_that_do_not_work_intake_cannot_decide(
    request: pytest.FixtureRequest, team: Team, persona: str
) -> None:
    case = _case(team)
    with pytest.raises(PermissionDenied):
        _decide(case, request.getfixturevalue(persona))


def test_a_case_past_intake_cannot_get_an_intake_decision(team: Team, manager: User) -> None:
    case = _case(team)
    Case.objects.filter(pk=case.pk).update(stage="assessment")
    case.refresh_from_db()
    with pytest.raises(PermissionDenied):
        _decide(case, manager)


def test_signposting_names_the_body_and_its_address(team: Team, intake_officer: User) -> None:
    case = _case(team, complained=ComplainedFirst.FINAL_RESPONSE)
    decision, _ = _decide(
        case, intake_officer, outcome=Outcome.SIGNPOSTED, suggestion_verdicts={},
        signposted_to="Housing Ombudsman Service", reason_codes=[ReasonCode.OUT_OF_JURISDICTION],
    )  # fmt: skip
    case.refresh_from_db()
    assert case.reason_codes == ["OUT_OF_JURISDICTION"]
    assert decision.signposted_to == "Housing Ombudsman Service"
    [letter] = Letter.objects.filter(case=case)
    assert "Housing Ombudsman Service may be able to help" in letter.body
    assert "https://www.housing-ombudsman.org.uk" in letter.body


def test_letters_go_to_the_representative_and_say_who_could_not_be_reached(
    team: Team, intake_officer: User
) -> None:
    organisation = Organisation.objects.create(name="Nowhere Council", org_type="district")
    representative = Person.objects.create(
        first_name="Rita", last_name="Rep", address="1 High Street", postcode="AB1 2CD",
        preferred_contact="letter",
    )  # fmt: skip
    case = _case(team, organisation=organisation, representative=representative)
    _, unsent = _decide(case, intake_officer)
    [letter] = Letter.objects.filter(case=case)
    assert (letter.channel, letter.recipient_name, letter.party) == (
        "post",
        "Rita Rep",
        "Representative",
    )
    assert letter.address == "1 High Street\nAB1 2CD"
    assert f"the complaint you made for {case.complainant.full_name}" in letter.body
    assert [u.party for u in unsent] == ["Organisation"]


def _answers(organisation: Organisation, **changes: Any) -> ComplaintAnswers:
    base = ComplaintAnswers(
        on_behalf=False, title="Mr", first_name="Sam", last_name="Caller",
        contact_method=ContactMethod.EMAIL, email="sam@example.org", phone="", address="",
        postcode="", adjustments="Large print, please.", organisation_id=organisation.pk,
        summary="They lost my blue badge application.", first_knew_on=TODAY - dt.timedelta(days=40),
        injustice="I cannot park near the shops.", outcome_sought="A decision on my badge.",
        complained=ComplainedFirst.NOT_YET, final_response_on=None,
        category=Category.HIGHWAYS, category_chosen=True,
    )  # fmt: skip
    return ComplaintAnswers(**{**base.__dict__, **changes})


def test_logging_a_phoned_complaint_registers_it_for_the_team(
    team: Team, intake_officer: User, council: Organisation
) -> None:
    received = TODAY - dt.timedelta(days=1)
    case = intake_log_complaint(
        complaint=_answers(council), channel=Channel.PHONE, received_on=received,
        subcategory="highways.blue_badges", actor=intake_officer,
    )  # fmt: skip
    assert (case.channel, case.received_on, case.team) == ("phone", received, team)
    assert case.subcategory == "highways.blue_badges"
    assert case.complainant.reasonable_adjustments == "Large print, please."
    details = ComplaintDetails.objects.get(case=case)
    assert details.complained_first == "not_yet"
    contact = Contact.objects.get(case=case, direction="in")
    assert (contact.channel, contact.handled_at is not None) == ("phone", True)
    assert Letter.objects.filter(case=case, email="sam@example.org").exists()


def test_logging_for_someone_else_records_the_representative(
    team: Team, assessor: User, council: Organisation
) -> None:
    answers = _answers(
        council, on_behalf=True, person_first_name="Pat", person_last_name="Affected",
        relationship="Son", authority=Authority.WRITTEN_CONSENT,
    )  # fmt: skip
    case = intake_log_complaint(
        complaint=answers, channel=Channel.LETTER, received_on=TODAY, actor=assessor
    )
    assert case.complainant.full_name == "Pat Affected"
    assert case.representative is not None
    assert case.representative.email == "sam@example.org"
    assert case.representative_authority.startswith("Son: ")


def test_logging_needs_a_way_to_reach_them_and_an_intake_role(
    team: Team, intake_officer: User, investigator: User, council: Organisation
) -> None:
    with pytest.raises(IntakeDecisionError, match="email address"):
        intake_log_complaint(
            complaint=_answers(council, email=""), channel=Channel.EMAIL, received_on=TODAY,
            actor=intake_officer,
        )  # fmt: skip
    with pytest.raises(IntakeDecisionError, match="phone, letter or email"):
        intake_log_complaint(
            complaint=_answers(council), channel=Channel.ONLINE, received_on=TODAY,
            actor=intake_officer,
        )  # fmt: skip
    with pytest.raises(IntakeDecisionError, match="future"):
        intake_log_complaint(
            complaint=_answers(council), channel=Channel.EMAIL,
            received_on=TODAY + dt.timedelta(days=1), actor=intake_officer,
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        intake_log_complaint(
            complaint=_answers(council), channel=Channel.EMAIL, received_on=TODAY,
            actor=investigator,
        )  # fmt: skip
    assert not Case.objects.exists()
