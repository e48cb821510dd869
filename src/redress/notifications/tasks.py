"""Background work for letters: sending the email or rendering the PDF for the post."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

from .models import Letter, LetterChannel
from .rendering import letter_pdf, letter_text


@task()
def letter_deliver(letter_id: int) -> None:
    """Send or print one letter; running it again does nothing once it has gone."""
    letter = Letter.objects.select_related("case").get(pk=letter_id)
    if letter.sent_at is not None:
        return
    if letter.channel == LetterChannel.EMAIL:
        message = EmailMultiAlternatives(
            subject=f"{letter.subject} ({letter.case.reference})",
            body=letter_text(letter),
            to=[letter.email],
        )
        message.attach_alternative(letter.body, "text/html")
        message.send()
    else:
        letter.pdf.save(
            f"{letter.case.reference.replace(' ', '')}.pdf",
            ContentFile(letter_pdf(letter)),
            save=False,
        )
    letter.sent_at = timezone.now()
    letter.save(update_fields=["pdf", "sent_at"])
