"""Background work for decisions: drawing the draft or final decision as a PDF and keeping
it on the case as a document."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django_tasks import task

from redress.casework.documents import document_add
from redress.casework.models import DocumentSource

from .models import Decision

PDF_KINDS = {"draft": "draft_document", "final": "final_document"}


def decision_pdf(decision: Decision, *, final: bool) -> bytes:
    """The decision laid out on A4: the scheme, the reference and every section."""
    from weasyprint import HTML  # imported here: loading its fonts and libraries is slow

    page = render_to_string(
        "decisions/decision_pdf.html",
        {
            "decision": decision,
            "case": decision.case,
            "final": final,
            "scheme_name": settings.SCHEME_NAME,
        },
    )
    return bytes(HTML(string=page).write_pdf())


@task()
def decision_pdf_store(decision_id: int, kind: str) -> None:
    """Draw the PDF and keep it on the case; running it again does nothing once it exists."""
    field = PDF_KINDS[kind]
    decision = Decision.objects.select_related("case").get(pk=decision_id)
    if getattr(decision, f"{field}_id") is not None:
        return
    content = decision_pdf(decision, final=kind == "final")
    reference = decision.case.reference.replace(" ", "")
    label = "Final decision" if kind == "final" else "Draft decision"
    with transaction.atomic():
        locked = Decision.objects.select_for_update().get(pk=decision_id)
        if getattr(locked, f"{field}_id") is not None:
            return
        document = document_add(
            case=decision.case,
            name=f"{kind}-decision-{reference}.pdf",
            content=content,
            source=DocumentSource.SCHEME,
            actor=None,
            description=f"{label} as sent to both parties",
            audit_detail=f"{label} PDF drawn",
        )
        setattr(locked, field, document)
        locked.save(update_fields=[field])
