"""The demo set up once per test module on an empty database, with a small generated
caseload; each module's tests read it, and it is rolled back after them."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings

# Small, but enough for each demo account to get a share of the generated cases.
DEMO_CASES = 300


@pytest.fixture(autouse=True)
def _files_in_tmp(tmp_path: Path) -> Iterator[None]:
    with override_settings(MEDIA_ROOT=tmp_path):
        yield


def demo_setup(cases: int = DEMO_CASES) -> str:
    out = StringIO()
    call_command("demo_setup", cases=cases, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """What the first run printed, with the letters and PDFs each commit would send.

    Building the demo takes seconds, so a module builds it once inside a transaction that
    is rolled back after the module's tests (each of which runs in its own savepoint).
    """
    files = tmp_path_factory.mktemp("demo-files")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=files), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            printed = demo_setup()
        yield printed
        transaction.set_rollback(True)
