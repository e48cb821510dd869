"""Background work for the portal: making and emailing a sign-in link."""

from __future__ import annotations

from django_tasks import task


@task()
def sign_in_link_send(person_id: int, case_id: int, site_url: str) -> None:
    """Make a fresh one-time link for the person and email it to them."""
    from .services import sign_in_link_issue  # the service enqueues this task

    sign_in_link_issue(person_id=person_id, case_id=case_id, site_url=site_url)
