"""Letters: rendered from a template, recorded, logged as a contact, delivered after commit."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core import mail
from django.test import override_settings

from redress.accounts.models import Team, User
from redress.casework.models import Contact
from redress.notifications.models import Letter
from redress.notifications.rendering import letter_text
from redress.notifications.services import LetterError, letter_send
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db(transaction=True)

TEMPLATE = "notifications/tests/example_letter.html"


@pytest.fixture(autouse=True)
def files_dir(tmp_path: Path) -> object:
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


def test_an_email_letter_is_sent_recorded_and_logged(team: Team, intake_officer: User) -> None:
    case = make_case(team=team)
    letter = letter_send(
        case=case, subject="We have received your complaint", template=TEMPLATE,
        context={"name": "Ms <Smith>"}, recipient_name="Ms Smith", channel="email",
        email="smith@example.org", actor=intake_officer,
    )  # fmt: skip
    letter.refresh_from_db()
    assert letter.sent_at is not None
    [message] = mail.outbox
    assert message.to == ["smith@example.org"]
    assert case.reference in message.subject
    assert "Dear Ms <Smith>," in message.body  # plain text, decoded
    assert "&lt;Smith&gt;" in letter.body  # the stored HTML was escaped
    contact = Contact.objects.get(case=case, direction="out")
    assert (contact.channel, contact.summary) == ("email", "We have received your complaint")
    assert contact.handled_at is not None


def test_a_posted_letter_becomes_a_pdf(team: Team) -> None:
    case = make_case(team=team)
    letter = letter_send(
        case=case, subject="Your complaint", template=TEMPLATE, context={"name": "Mr Jones"},
        recipient_name="Mr Jones", channel="post", address="1 High Street\nAnytown\nAB1 2CD",
        actor=None,
    )  # fmt: skip
    letter.refresh_from_db()
    with letter.pdf.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert mail.outbox == []
    assert Contact.objects.get(case=case, direction="out").channel == "letter"


def test_nothing_is_sent_when_the_transaction_fails(team: Team) -> None:
    from django.db import transaction

    case = make_case(team=team)

    def send_then_fail() -> None:
        with transaction.atomic():
            letter_send(
                case=case, subject="Never", template=TEMPLATE, context={"name": "X"},
                recipient_name="X", channel="email", email="x@example.org", actor=None,
            )  # fmt: skip
            raise RuntimeError("roll back")

    with pytest.raises(RuntimeError):
        send_then_fail()
    assert mail.outbox == []
    assert not Letter.objects.exists()


@pytest.mark.parametrize(
    ("channel", "kwargs", "message"),
    [("email", {}, "no email address"), ("post", {"address": "  "}, "no postal address")],
)
def test_a_letter_needs_somewhere_to_go(
    team: Team, channel: str, kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises(LetterError, match=message):
        letter_send(
            case=make_case(team=team), subject="S", template=TEMPLATE, context={"name": "X"},
            recipient_name="X", channel=channel, actor=None, **kwargs,  # type: ignore[arg-type]
        )  # fmt: skip


def test_plain_text_keeps_paragraphs() -> None:
    letter = Letter(body="<p>One &amp; two.</p>\n<p>Three<br>four</p>")
    assert letter_text(letter) == "One & two.\n\nThree\n\nfour\n"
