"""The question pages: show a question with what was answered before, keep each answer.

One view serves every question (see `steps.PAGES`). Each answer is saved on the server
as soon as it is given, and what was typed on a page with errors is kept too.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from redress.domain.complaints import Step, first_unanswered, step_after, step_before

from ..models import ComplaintDraft
from ..selectors import draft_files
from . import drafts
from .forms import StepForm
from .session import current_draft, journey_page, remember_draft, scheme_phone, timeout_context
from .steps import PAGES, Page, step_named
from .uploads import take_uploads

CONTINUE, SAVE, SEARCH, UPLOAD = "continue", "save", "search", "upload"


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "intake/journey/start.html",
        {"first_step": Step.WHO.value, "scheme_phone": scheme_phone(), **timeout_context()},
    )


def step_url(step: Step | None) -> str:
    if step is None:
        return reverse("intake:check")
    return reverse("intake:step", args=[step.value])


def _answers(draft: ComplaintDraft | None) -> dict[str, Any]:
    return dict(draft.answers) if draft is not None else {}


def _after(step: Step, answers: dict[str, Any], *, changing: bool) -> str:
    """Where to go once a page is answered: on, or back to the check page when changing."""
    if changing:
        return step_url(first_unanswered(answers))
    following = step_after(step, answers)
    return step_url(following)


@journey_page
@require_http_methods(["GET", "POST"])
def question(request: HttpRequest, slug: str) -> HttpResponse:
    step = step_named(slug)
    if step is None:
        raise Http404("No such question")
    draft = current_draft(request)
    answers = _answers(draft)
    page = PAGES[step]
    changing = "1" in (request.GET.get("change"), request.POST.get("change"))
    if request.method == "POST":
        return _answer(request, step, page, draft, changing=changing)
    stored = {**answers.get(step.value, {}), **answers.get(drafts.PARTIAL, {}).get(step.value, {})}
    if step == Step.ORGANISATION and request.GET.get("q"):
        stored["q"] = request.GET["q"][:200]
    form = page.form(initial=page.form.initial_from(stored), answers=answers)
    return _show(request, step, page, form, draft, changing=changing)


def _answer(
    request: HttpRequest,
    step: Step,
    page: Page,
    draft: ComplaintDraft | None,
    *,
    changing: bool,
) -> HttpResponse:
    answers = _answers(draft)
    form = page.form(request.POST, request.FILES, answers=answers)
    if form.honeypot_filled:
        return not_sent(request)
    action = request.POST.get("action", CONTINUE)
    if step == Step.ORGANISATION and action == SEARCH:
        # Without JavaScript, searching reloads the page with the matches to choose from.
        searched = page.form(initial={"q": form["q"].value() or ""}, answers=answers)
        return _show(request, step, page, searched, draft, changing=changing)
    if draft is None:
        draft = drafts.draft_create()
        remember_draft(request, draft)
    valid = form.is_valid()
    uploaded = take_uploads(request, draft=draft, page=page, form=form)
    if valid:
        drafts.draft_save_answers(draft=draft, step=step, answers=form.answers())
    else:
        drafts.draft_save_partial(draft=draft, step=step, answers=form.answers())
    if action == SAVE:
        return redirect("intake:save")
    if uploaded:
        messages.success(request, _uploaded_message(uploaded))
    if form.errors:
        return _show(request, step, page, form, draft, changing=changing)
    if action == UPLOAD:
        return redirect(step_url(step) + ("?change=1" if changing else ""))
    return redirect(_after(step, draft.answers, changing=changing))


def _uploaded_message(names: list[str]) -> str:
    if len(names) == 1:
        return f"{names[0]} uploaded."
    return f"{len(names)} files uploaded: {', '.join(names)}."


def _show(
    request: HttpRequest,
    step: Step,
    page: Page,
    form: StepForm,
    draft: ComplaintDraft | None,
    *,
    changing: bool,
) -> HttpResponse:
    answers = _answers(draft)
    questions = [form[name] for name in form.fields if name != "website"]
    before = step_before(step, answers)
    back = (
        reverse("intake:check")
        if changing
        else (step_url(before) if before else reverse("intake:start"))
    )
    files = list(draft_files(draft=draft, purpose=page.files)) if page.files else []
    return render(
        request,
        page.template,
        {
            "form": form,
            "step": step,
            "heading": page.heading,
            "title": page.heading or str(questions[0].label),
            "questions": questions,
            "multipart": page.files is not None,
            "files": files,
            "changing": changing,
            "back_url": back,
            "results_url": reverse("intake:organisation-results"),
            **timeout_context(),
        },
    )


@journey_page
@require_POST
def remove_file(request: HttpRequest, slug: str) -> HttpResponse:
    """Remove one of the files uploaded to the draft, then back to the page it was on."""
    step = step_named(slug)
    draft = current_draft(request)
    if step is None or PAGES[step].files is None:
        raise Http404("No such question")
    if draft is None:
        return redirect(step_url(step))
    wanted = str(request.POST.get("file", ""))
    name = next((f.original_name for f in draft_files(draft=draft) if str(f.pk) == wanted), None)
    if name is not None and drafts.draft_file_remove(draft=draft, file_id=int(wanted)):
        messages.success(request, f"{name} removed.")
    changing = request.POST.get("change") == "1"
    return redirect(step_url(step) + ("?change=1" if changing else ""))


def not_sent(request: HttpRequest) -> HttpResponse:
    """What a robot that filled the hidden box sees: a plain refusal, and nothing saved."""
    return render(request, "intake/journey/not_sent.html", {"scheme_phone": scheme_phone()})
