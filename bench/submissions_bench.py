"""Sustained complete complaint submissions per second, through gunicorn and PostgreSQL.

The script creates a fresh PostgreSQL database, migrates it and fills it with
`redress generate --cases 1000` (which also loads the organisations in jurisdiction),
then for each --workers setting starts gunicorn on a free port of 127.0.0.1 and, for each
--clients setting, runs that many concurrent clients for --warmup + --seconds. Each client
completes whole "Make a complaint" journeys as a person without JavaScript would: the
start page, then every question page (GET it, POST the answers with the page's CSRF token
and follow the redirect), the organisation search, "check your answers", the send, and the
confirmation with its reference. Every journey writes a unique marker into "what
happened"; every --double-every'th journey sends twice at once (a double click) and every
--retry-every'th sends again after --retry-delay seconds (a retry); some upload a small
PDF as evidence.

Journeys come from many loopback source addresses, --per-address journeys from each
(127.0.0.2 upwards; 10 by default, the scheme's own limit, which gunicorn is given through
INTAKE_SUBMISSIONS_PER_ADDRESS so that both agree): the rate limit is checked on every send
as in production, with the few recent submissions per address that real traffic has, and
refuses nobody. Nothing leaves the machine: the server listens on 127.0.0.1 and every
address used is in 127.0.0.0/8.

After each run the database is asked how many cases carry each marker: a journey that
showed a reference without a case is "lost", a marker with more than one case is
"duplicated"; both must be zero. The report gives complete submissions per second over the
measured window (after the warm-up), HTTP requests per second, the median and 95th
percentile of the send POST and of a whole journey, errors by status, and where the CPU
went. The database is dropped at the end unless --keep. Gunicorn is always stopped.

--mode send measures the last step alone: complete drafts, each held by its own session,
are made in advance (in a child process, with the journey's own models), and each client
then does only what ends a journey: GET "check your answers", POST send (double clicks and
retries as above) and GET the confirmation. --mode submit measures the submission itself:
the same drafts, but each client, already holding the check page's form and CSRF token,
does only the POST send and the GET of the confirmation it redirects to.

    .venv/bin/python bench/submissions_bench.py                        # 60 s, defaults
    .venv/bin/python bench/submissions_bench.py --workers 3 5 --clients 4 8
    .venv/bin/python bench/submissions_bench.py --conn-max-age 0       # a connection per request
    .venv/bin/python bench/submissions_bench.py --mode send --clients 4 16
    .venv/bin/python bench/submissions_bench.py --seconds 20 --profile time
    .venv/bin/python bench/submissions_bench.py --seconds 20 --profile cprofile

--profile runs gunicorn with a thin WSGI wrapper from this file that times every request
inside the workers: wall and CPU time, SQL queries and SQL time, by page. `time` costs
little; `cprofile` adds a cProfile of each worker (after its first requests, which compile
the templates) and prints the hottest functions, and roughly halves the rate: use it to
see where the time goes, not to measure the rate.

PostgreSQL must accept connections at --server (trust auth on the bench machine). If it is
down: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import ipaddress
import json
import os
import platform
import pstats
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"
TARGET_PER_SECOND = 50
MAX_SECONDS = 600  # hard cap on --seconds
MAX_WARMUP = 120
DRAIN_SECONDS = 60  # how long journeys under way may take to finish after the window
FIRST_SOURCE = ipaddress.IPv4Address("127.0.0.2")
LAST_SOURCE = ipaddress.IPv4Address("127.255.255.254")

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DRAFT = re.compile(r'name="draft" value="([^"]+)"')
REFERENCE = re.compile(r"Your reference number<br><strong>([^<]+)</strong>")
PDF = (
    b"%PDF-1.7\n1 0 obj <<>> endobj\n"
    + b"% evidence scanned at 200 dpi\n" * 1500
    + b"trailer <<>>\n%%EOF\n"
)


# -- The database ----------------------------------------------------------------------------


def _admin(server: str) -> psycopg.Connection[tuple[Any, ...]]:
    return psycopg.connect(f"{server}/postgres", autocommit=True)


def drop(server: str, name: str) -> None:
    with _admin(server) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def prepare(server: str, name: str, cases: int, seed: int) -> str:
    """A fresh, migrated database holding `cases` generated cases and the organisations."""
    drop(server, name)
    with _admin(server) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = f"{server}/{name}"
    env = {**os.environ, "DATABASE_URL": url}
    for args in (["migrate"], ["generate", "--cases", str(cases), "--seed", str(seed)]):
        subprocess.run(  # noqa: S603 - our own command with fixed arguments
            [str(VENV_BIN / "redress"), *args, "--skip-checks"],
            check=True,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
    return url


def organisations(url: str) -> list[tuple[int, str]]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT id, name FROM organisations_organisation ORDER BY id")
        return [(int(pk), str(name)) for pk, name in rows.fetchall()]


def per_address_limit() -> int:
    """The scheme's default limit on submissions from one address (the domain's constant)."""
    from redress.domain.complaints import SUBMISSIONS_PER_ADDRESS

    return int(SUBMISSIONS_PER_ADDRESS)


# -- CPU time, from /proc -----------------------------------------------------------------------

TICK = os.sysconf("SC_CLK_TCK")


def _processes() -> Iterator[tuple[int, str, int, list[str]]]:
    """(pid, command name, parent pid, stat fields) of every process we can see."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:
            continue
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        yield int(entry.name), name, int(fields[1]), fields


def cpu_reading(gunicorn_pid: int) -> dict[str, float]:
    """CPU seconds so far: the machine (busy and all), gunicorn, PostgreSQL, this script."""
    with open("/proc/stat") as handle:
        values = [int(v) for v in handle.readline().split()[1:]]
    idle = values[3] + values[4]
    procs = list(_processes())
    names = {pid: name for pid, name, _, _ in procs}
    # PostgreSQL's postmaster: a "postgres" process whose parent is not one.
    postmasters = [
        pid for pid, name, ppid, _ in procs if name == "postgres" and names.get(ppid) != "postgres"
    ]

    def tree(root: int) -> float:
        # The process's own time and its reaped children's (cutime, cstime: so the CPU of
        # short-lived backends is not missed), plus the time of its children alive now.
        own = next((f for p, _, _, f in procs if p == root), None)
        if own is None:
            return 0.0
        ticks = sum(int(v) for v in own[11:15])
        ticks += sum(int(f[11]) + int(f[12]) for _, _, ppid, f in procs if ppid == root)
        return ticks / TICK

    times = os.times()
    return {
        "total": sum(values[:8]) / TICK,
        "busy": (sum(values[:8]) - idle) / TICK,
        "gunicorn": tree(gunicorn_pid),
        "postgres": sum(tree(pid) for pid in postmasters),
        "client": times.user + times.system,
    }


# -- The server --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    """Gunicorn serving Redress on 127.0.0.1, as a child process this script always stops."""

    database_url: str
    workers: int
    threads: int
    files_dir: Path
    profile_dir: Path | None
    per_address: int
    cprofile: bool = False
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    log: Path = field(default_factory=Path)

    def start(self) -> None:
        self.port = free_port()
        self.log = self.files_dir / f"gunicorn-{self.port}.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "redress.config.settings.base",
            "DATABASE_URL": self.database_url,
            "REDRESS_DEBUG": "false",
            "REDRESS_ALLOWED_HOSTS": HOST,
            "REDRESS_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "REDRESS_FILES_DIR": str(self.files_dir / "files"),
            "REDRESS_LOG_LEVEL": "WARNING",
            # Letters are delivered in the request, after commit, as in the demo.
            "REDRESS_TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "INTAKE_SUBMISSIONS_PER_ADDRESS": str(self.per_address),
        }
        app = "redress.config.wsgi:application"
        extra: list[str] = []
        if self.profile_dir is not None:
            env["SUBMISSIONS_BENCH_PROFILE_DIR"] = str(self.profile_dir)
            if self.cprofile:
                env["SUBMISSIONS_BENCH_CPROFILE"] = "1"
            app = "submissions_bench:profiled_application"
            extra = ["--pythonpath", str(ROOT / "bench")]
        command = [
            str(VENV_BIN / "gunicorn"),
            app,
            *extra,
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(self.workers),
            *(["--threads", str(self.threads)] if self.threads > 1 else []),
            "--timeout",
            "60",
            "--graceful-timeout",
            "10",
            "--log-level",
            "warning",
            "--error-logfile",
            str(self.log),
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped at once; see {self.log}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                conn = http.client.HTTPConnection(HOST, self.port, timeout=5)
                try:
                    conn.request("GET", "/complain/")
                    if conn.getresponse().status == 200:
                        return
                finally:
                    conn.close()
            time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer within 60 s; see {self.log}")

    def stop(self) -> None:
        """Stop gunicorn by its pid: TERM, then KILL if it is still there after 15 s."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


# -- One person's browser ------------------------------------------------------------------------


class JourneyError(Exception):
    """A response the journey did not expect; the journey stops there."""

    def __init__(self, kind: str, status: int | str) -> None:
        super().__init__(f"{kind}: {status}")
        self.kind = kind
        self.status = status


@dataclass
class Response:
    status: int
    location: str
    body: str


@dataclass
class Log:
    """Everything the clients saw, shared between their threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    # (finished at, kind, status, seconds) of every request
    requests: list[tuple[float, str, int | str, float]] = field(default_factory=list)
    journeys: list[Journey] = field(default_factory=list)
    started: int = 0
    ran_out: float = 0.0  # when --mode send or submit used its last draft

    def next_journey(self) -> int:
        with self.lock:
            self.started += 1
            return self.started - 1


class Browser:
    """Cookies and plain HTTP/1.1 from one source address, one connection per request."""

    def __init__(self, port: int, source: str, log: Log, timeout: float) -> None:
        self.port = port
        self.source = source
        self.log = log
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.lock = threading.Lock()

    def request(
        self, kind: str, method: str, path: str, body: bytes = b"", content_type: str = ""
    ) -> Response:
        headers = {"Host": f"{HOST}:{self.port}", "User-Agent": "submissions-bench"}
        with self.lock:
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            headers["Content-Type"] = content_type or "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{HOST}:{self.port}"
        started = time.perf_counter()
        status: int | str
        try:
            conn = http.client.HTTPConnection(
                HOST, self.port, timeout=self.timeout, source_address=(self.source, 0)
            )
            try:
                conn.request(method, path, body=body or None, headers=headers)
                answer = conn.getresponse()
                content = answer.read()
            finally:
                conn.close()
        except (OSError, http.client.HTTPException) as error:
            status = type(error).__name__
            self._record(kind, status, started)
            raise JourneyError(kind, status) from error
        status = answer.status
        self._record(kind, status, started)
        with self.lock:
            for header in answer.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return Response(status, answer.headers.get("Location", ""), content.decode())

    def _record(self, kind: str, status: int | str, started: float) -> None:
        now = time.perf_counter()
        with self.log.lock:
            self.log.requests.append((now, kind, status, now - started))

    def get(self, kind: str, path: str) -> Response:
        response = self.request(kind, "GET", path)
        if response.status != 200:
            raise JourneyError(kind, response.status)
        return response

    def post(
        self, kind: str, path: str, page: Response, data: dict[str, str], *, multipart: bool = False
    ) -> Response:
        """Post a page's form with its CSRF token; the answer must be a redirect."""
        token = CSRF.search(page.body)
        if token is None:
            raise JourneyError(kind, "no CSRF token")
        fields = {"csrfmiddlewaretoken": token.group(1), "website": "", **data}
        if multipart:
            body, content_type = _multipart(fields, file_field=data.get("_file_field", ""))
        else:
            body, content_type = urllib.parse.urlencode(fields).encode(), ""
        response = self.request(kind, "POST", path, body, content_type)
        if response.status != 302:
            raise JourneyError(kind, response.status)
        return response


def _multipart(fields: dict[str, str], *, file_field: str) -> tuple[bytes, str]:
    """A multipart/form-data body; `file_field` carries the evidence PDF when named."""
    boundary = f"----bench{random.getrandbits(64):016x}"
    parts: list[bytes] = []
    for name, value in fields.items():
        if name == "_file_field":
            continue
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    if file_field:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
            'filename="letter-from-the-council.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
        )
        parts.append(head.encode() + PDF + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


# -- One journey ---------------------------------------------------------------------------------


@dataclass
class Journey:
    number: int
    marker: str
    started: float
    finished: float = 0.0
    sent_at: float = 0.0  # when the (first) send POST was answered
    send_seconds: float = 0.0
    sends: int = 0
    reference: str = ""
    error: str = ""


@dataclass(frozen=True)
class Plan:
    """What the clients do: how often to double-submit, retry and upload."""

    double_every: int
    retry_every: int
    retry_delay: float
    upload_every: int
    organisations: list[tuple[int, str]]


def answers(rng: random.Random, journey: Journey, plan: Plan) -> list[tuple[str, dict[str, str]]]:
    """What one person types on each page, in order, varied like real complaints."""
    org_id, org_name = rng.choice(plan.organisations)
    on_behalf = rng.random() < 0.2
    complained = rng.choices(["final_response", "waiting", "not_yet"], [6, 3, 1])[0]
    days_ago = rng.randint(30, 500)
    knew = time.localtime(time.time() - days_ago * 86_400)
    response = time.localtime(time.time() - rng.randint(1, days_ago) * 86_400)
    pages: list[tuple[str, dict[str, str]]] = [
        ("who", {"complainer": "on_behalf" if on_behalf else "myself"})
    ]
    if on_behalf:
        pages.append(("on-behalf", {"first_name": "Edna", "last_name": "Price",
                                    "relationship": "Daughter",
                                    "authority": "written_consent"}))  # fmt: skip
    pages += [
        ("your-name", {"title": "Ms", "first_name": "Alice",
                       "last_name": f"Price {journey.number}"}),
        ("contact", {"contact_method": "email",
                     "email": f"alice.{journey.number}@example.org", "phone": "01632 960 001",
                     "address": "", "postcode": ""}),
        ("adjustments", rng.choice([{"needs_adjustments": "no"},
                                    {"needs_adjustments": "yes", "adjustments": "Large print."}])),
        ("organisation", {"q": org_name, "organisation": str(org_id)}),
        ("what-happened", {
            "summary": f"{journey.marker} " + "The council did not assess my mother's care "
                       "needs for eight months although we asked three times in writing. "
                       * rng.randint(1, 4),
            "first_knew_on_day": str(knew.tm_mday), "first_knew_on_month": str(knew.tm_mon),
            "first_knew_on_year": str(knew.tm_year)}),
        ("impact", {"injustice": "Months of worry, and paying for care ourselves."}),
        ("outcome", {"outcome_sought": "An assessment, an apology and a refund."}),
        ("complained", {"complained": complained}),
    ]  # fmt: skip
    if complained == "final_response":
        pages.append(("final-response", {
            "final_response_on_day": str(response.tm_mday),
            "final_response_on_month": str(response.tm_mon),
            "final_response_on_year": str(response.tm_year),
        }))  # fmt: skip
    evidence = {"_file_field": "evidence"} if journey.number % plan.upload_every == 0 else {}
    pages += [
        ("evidence", evidence),
        ("about", {"category": rng.choice(["adult_care", "housing", "not_sure"])}),
        ("consent", {"consent": "on"}),
    ]
    return pages


def run_journey(browser: Browser, journey: Journey, plan: Plan, stop_at: float) -> None:
    """One person from the start page to the confirmation; raises JourneyError on a surprise."""
    rng = random.Random(journey.number)
    browser.get("GET start page", "/complain/")
    pages = answers(rng, journey, plan)
    path = "/complain/who/"
    page = browser.get("GET question page", path)
    for step, data in pages:
        if time.perf_counter() > stop_at:
            raise JourneyError("journey", "out of time")
        if path != f"/complain/{step}/":
            raise JourneyError("journey", f"went to {path}, not {step}")
        if step == "organisation":
            # Without JavaScript: search, then choose from the radios the page lists.
            found = browser.request(
                "POST organisation search",
                "POST",
                path,
                urllib.parse.urlencode({"csrfmiddlewaretoken": _token(page), "website": "",
                                        "q": data["q"], "action": "search"}).encode(),
            )  # fmt: skip
            if found.status != 200 or f'value="{data["organisation"]}"' not in found.body:
                raise JourneyError("POST organisation search", found.status)
            page = found
        multipart = step in {"evidence", "final-response"}
        answered = browser.post(
            "POST answers", path, page, {**data, "action": "continue"}, multipart=multipart
        )
        path = answered.location
        page = browser.get(
            "GET check answers" if path == "/complain/check/" else "GET question page", path
        )
    if path != "/complain/check/":
        raise JourneyError("journey", f"ended at {path}")
    draft = DRAFT.search(page.body)
    if draft is None:
        raise JourneyError("GET check answers", "no draft id")
    _send(browser, journey, plan, page, draft.group(1))
    confirmation = browser.get("GET confirmation", "/complain/sent/")
    reference = REFERENCE.search(confirmation.body)
    if reference is None:
        raise JourneyError("GET confirmation", "no reference")
    journey.reference = reference.group(1)


def _token(page: Response) -> str:
    token = CSRF.search(page.body)
    if token is None:
        raise JourneyError("page", "no CSRF token")
    return token.group(1)


def _send(browser: Browser, journey: Journey, plan: Plan, page: Response, draft: str) -> None:
    """Send the complaint: once, twice at once (a double click) or again later (a retry)."""
    data = {"draft": draft}
    outcomes: list[Response | JourneyError] = []

    def again() -> None:
        try:
            outcomes.append(browser.post("POST send (again)", "/complain/check/", page, data))
        except JourneyError as failure:
            outcomes.append(failure)

    double = journey.number % plan.double_every == plan.double_every - 1
    second = threading.Thread(target=again) if double else None
    started = time.perf_counter()
    if second is not None:
        second.start()
    first = browser.post("POST send", "/complain/check/", page, data)
    journey.sent_at = time.perf_counter()
    journey.send_seconds = journey.sent_at - started
    journey.sends = 1
    if second is not None:
        second.join()
        journey.sends += 1
    if journey.number % plan.retry_every == plan.retry_every // 2:
        time.sleep(plan.retry_delay)
        again()
        journey.sends += 1
    for outcome in [first, *outcomes]:
        if isinstance(outcome, JourneyError):
            raise outcome
        if outcome.location != "/complain/sent/":
            raise JourneyError("POST send", f"redirected to {outcome.location}")


def client(port: int, log: Log, plan: Plan, times: tuple[float, float], args: Any) -> None:
    """Complete journeys (or sends) one after another until the measured window ends."""
    window_end, stop_at = times
    while time.perf_counter() < window_end:
        index = log.next_journey()
        number = index + args.first_journey
        address = FIRST_SOURCE + number // args.per_address
        if address > LAST_SOURCE:
            return
        journey = Journey(number, f"BENCH-{args.run_id}-{number:07d}", time.perf_counter())
        browser = Browser(port, str(address), log, args.timeout)
        try:
            if args.mode == "journey":
                run_journey(browser, journey, plan, stop_at)
            elif index < len(args.sessions) and args.mode == "submit":
                run_submit(browser, journey, plan, *args.sessions[index])
            elif index < len(args.sessions):
                run_send(browser, journey, plan, args.sessions[index][0])
            else:
                with log.lock:
                    log.ran_out = log.ran_out or time.perf_counter()
                return
        except JourneyError as failure:
            journey.error = str(failure)
        journey.finished = time.perf_counter()
        with log.lock:
            log.journeys.append(journey)


def run_submit(
    browser: Browser, journey: Journey, plan: Plan, session_key: str, draft: str
) -> None:
    """The submission alone: a person whose answers are all given, already looking at
    "check your answers" (its form and CSRF token in hand), sends, and is shown the
    confirmation that follows the send's redirect."""
    browser.cookies["sessionid"] = session_key
    secret = f"{random.getrandbits(128):032x}"  # a CSRF secret, as the page's cookie holds
    browser.cookies["csrftoken"] = secret
    page = Response(200, "", f'name="csrfmiddlewaretoken" value="{secret}"')
    _send(browser, journey, plan, page, draft)
    _confirmation(browser, journey)


def _confirmation(browser: Browser, journey: Journey) -> None:
    confirmation = browser.get("GET confirmation", "/complain/sent/")
    reference = REFERENCE.search(confirmation.body)
    if reference is None:
        raise JourneyError("GET confirmation", "no reference")
    journey.reference = reference.group(1)


def run_send(browser: Browser, journey: Journey, plan: Plan, session_key: str) -> None:
    """The end of a journey whose answers are all given: check, send, confirmation."""
    browser.cookies["sessionid"] = session_key
    page = browser.get("GET check answers", "/complain/check/")
    draft = DRAFT.search(page.body)
    if draft is None:
        raise JourneyError("GET check answers", "no draft id")
    _send(browser, journey, plan, page, draft.group(1))
    _confirmation(browser, journey)


# -- Drafts made in advance (--mode send or submit), in a child process with Django ------------


def make_drafts(
    count: int, first: int, run_id: str, organisation_ids: list[int]
) -> list[list[str]]:
    """`count` complete drafts, each held by a new session: [session key, draft id] pairs.

    Runs in a child whose DATABASE_URL is the benchmark's database. The answers are stored
    as the question pages store them (see tests/intake/test_journey_submission.py).
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "redress.config.settings.base")
    import django

    django.setup()
    import secrets
    import string
    from datetime import timedelta

    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from redress.domain.complaints import DRAFT_LIFETIME
    from redress.intake.journey.session import DRAFT_KEY
    from redress.intake.models import ComplaintDraft

    now = timezone.now()
    knew = timezone.localdate() - timedelta(days=200)
    drafts, sessions = [], []
    for number in range(first, first + count):
        public_id = secrets.token_urlsafe(32)
        answers = {
            "who": {"complainer": "myself"},
            "your-name": {"title": "Ms", "first_name": "Alice", "last_name": f"Price {number}"},
            "contact": {"contact_method": "email", "email": f"alice.{number}@example.org",
                        "phone": "", "address": "", "postcode": ""},
            "adjustments": {"needs_adjustments": "no", "adjustments": ""},
            "organisation": {"organisation": organisation_ids[number % len(organisation_ids)]},
            "what-happened": {"summary": f"BENCH-{run_id}-{number:07d} The council did not "
                                         "assess my mother's care needs for eight months.",
                              "first_knew_on": knew.isoformat()},
            "impact": {"injustice": "Months of worry, and paying for care ourselves."},
            "outcome": {"outcome_sought": "An assessment, an apology and a refund."},
            "complained": {"complained": "final_response"},
            "final-response": {"final_response_on": (knew + timedelta(days=90)).isoformat()},
            "evidence": {},
            "about": {"category": "adult_care"},
            "consent": {"consent": True},
        }  # fmt: skip
        drafts.append(
            ComplaintDraft(
                public_id=public_id,
                answers=answers,
                step="consent",
                created_at=now,
                updated_at=now,
                expires_at=now + DRAFT_LIFETIME,
            )
        )
        key = get_random_string(32, string.ascii_lowercase + string.digits)
        data = SessionStore().encode({DRAFT_KEY: public_id})
        expires = now + timedelta(seconds=settings.SESSION_COOKIE_AGE)
        sessions.append(Session(session_key=key, session_data=data, expire_date=expires))
    ComplaintDraft.objects.bulk_create(drafts, batch_size=1000)
    Session.objects.bulk_create(sessions, batch_size=1000)
    pairs = zip(sessions, drafts, strict=True)
    return [[session.session_key, draft.public_id] for session, draft in pairs]


def prepare_sends(args: Any, plan: Plan, count: int) -> list[list[str]]:
    child = subprocess.run(  # noqa: S603 - this script, with fixed arguments
        [sys.executable, __file__, "--make-drafts", str(count), "--first",
         str(args.first_journey), "--run-id", args.run_id,
         "--organisation-ids", ",".join(str(pk) for pk, _ in plan.organisations)],
        check=True, capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "DATABASE_URL": args.database_url},
    )  # fmt: skip
    return list(json.loads(child.stdout.strip().splitlines()[-1]))


# -- Watching PostgreSQL during the window ------------------------------------------------------


def watch_locks(url: str, name: str, until: float, found: dict[str, float]) -> None:
    """Sample pg_stat_activity every 50 ms: active backends, and those waiting on a lock."""
    samples = active = waiting = 0
    with psycopg.connect(url, autocommit=True) as conn:
        while time.perf_counter() < until:
            row = conn.execute(
                "SELECT count(*) FILTER (WHERE state = 'active'),"
                "       count(*) FILTER (WHERE wait_event_type = 'Lock')"
                "  FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            ).fetchone()
            if row is not None:
                samples, active, waiting = samples + 1, active + row[0], waiting + row[1]
            time.sleep(0.05)
    found["active"] = active / max(samples, 1)
    found["waiting"] = waiting / max(samples, 1)


# -- Checking the database after a run -----------------------------------------------------------


def check_cases(url: str, run_id: str) -> dict[str, tuple[int, list[str], int]]:
    """For each marker of the run: how many cases carry it, their references, letters."""
    query = """
        SELECT substring(c.summary FROM %(pattern)s) AS marker,
               count(*), array_agg(c.reference ORDER BY c.id),
               (SELECT count(*) FROM notifications_letter l
                 WHERE l.case_id = ANY(array_agg(c.id)))
          FROM casework_case c
         WHERE c.summary LIKE %(like)s
         GROUP BY 1
    """
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            query, {"pattern": f"BENCH-{run_id}-[0-9]+", "like": f"BENCH-{run_id}-%"}
        ).fetchall()
    return {str(marker): (int(n), list(refs), int(letters)) for marker, n, refs, letters in rows}


# -- Measuring one setting -------------------------------------------------------------------------


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else 0.0


def run(server: Server, clients: int, args: Any, plan: Plan) -> dict[str, Any]:
    log = Log()
    started = time.perf_counter()
    window_start = started + args.warmup
    window_end = window_start + args.seconds
    stop_at = window_end + DRAIN_SECONDS
    assert server.process is not None
    threads = [
        threading.Thread(
            target=client, args=(server.port, log, plan, (window_end, stop_at), args), daemon=True
        )
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    time.sleep(max(0.0, window_start - time.perf_counter()))
    cpu_before = cpu_reading(server.process.pid)
    locks: dict[str, float] = {}
    watcher = threading.Thread(
        target=watch_locks, args=(args.database_url, args.database, window_end, locks)
    )
    watcher.start()
    time.sleep(max(0.0, window_end - time.perf_counter()))
    cpu_after = cpu_reading(server.process.pid)
    watcher.join()
    for thread in threads:
        thread.join(timeout=max(1.0, stop_at - time.perf_counter() + args.timeout))

    first, last = args.first_journey, args.first_journey + max(log.started, len(args.sessions))
    found = {
        marker: cases
        for marker, cases in check_cases(args.database_url, args.run_id).items()
        if first <= int(marker.rsplit("-", 1)[1]) < last
    }
    journeys = list(log.journeys)
    confirmed = [j for j in journeys if j.reference]
    lost = [j for j in confirmed if j.marker not in found]
    mismatched = [j for j in confirmed if j.marker in found and found[j.marker][1] != [j.reference]]
    duplicated = {m: v for m, v in found.items() if v[0] > 1}
    extra_letters = sum(max(0, letters - n) for n, _, letters in found.values())
    in_window = [j for j in confirmed if window_start <= j.sent_at <= window_end]
    measured_requests = [r for r in log.requests if window_start <= r[0] <= window_end]
    errors = Counter(f"{kind} → {status}" for _, kind, status, _ in log.requests
                     if status not in (200, 302))  # fmt: skip
    errors.update(f"journey stopped: {j.error}" for j in journeys if j.error)
    if log.ran_out and log.ran_out < window_end:
        errors[f"ran out of drafts {log.ran_out - window_start:.0f} s into the window"] = 1
    cpu = {key: cpu_after[key] - cpu_before[key] for key in cpu_after}
    by_kind: dict[str, list[float]] = defaultdict(list)
    for _, kind, status, seconds in measured_requests:
        if status in (200, 302):
            by_kind[kind].append(seconds)
    # The next run's journeys get new numbers, so new markers and new addresses.
    args.first_journey = last
    return {
        "workers": server.workers,
        "threads": server.threads,
        "clients": clients,
        "journeys_started": log.started,
        "journeys_confirmed": len(confirmed),
        "journeys_failed": sum(1 for j in journeys if j.error),
        "sends": sum(j.sends for j in confirmed),
        "in_window": len(in_window),
        "per_second": len(in_window) / args.seconds,
        "requests_per_second": len(measured_requests) / args.seconds,
        "send_ms": [j.send_seconds * 1000 for j in in_window],
        "journey_s": [j.finished - j.started for j in in_window],
        "by_kind": dict(sorted(by_kind.items())),
        "errors": dict(errors.most_common()),
        "cases_found": sum(v[0] for v in found.values()),
        "lost": len(lost),
        "mismatched": len(mismatched),
        "duplicated": len(duplicated),
        "extra_letters": extra_letters,
        "cpu": cpu,
        "locks": locks,
        "ran_out": log.ran_out and log.ran_out < window_end,
    }


# -- Profiling, inside the gunicorn workers (--profile) -------------------------------------------

PROFILE_SKIP = 50  # requests per worker left out of cProfile: template compiling, warm-up


class _Profiled:
    """Redress's WSGI application, each request timed (wall, CPU, SQL) and maybe profiled.

    Gunicorn loads it from this file with --profile; it writes one JSON line per request,
    and with --profile cprofile a cProfile of each worker, into the directory it is given.
    """

    def __init__(self) -> None:
        self.app: Any = None

    def setup(self) -> None:
        import cProfile

        from django.db import connection

        from redress.config.wsgi import application

        self.app = application
        self.out = Path(os.environ["SUBMISSIONS_BENCH_PROFILE_DIR"])
        self.cprofile = cProfile.Profile() if os.environ.get("SUBMISSIONS_BENCH_CPROFILE") else None
        self.count = 0
        self.queries = 0
        self.sql_seconds = 0.0
        self.lines = (self.out / f"{os.getpid()}.jsonl").open("a", buffering=1)
        self.connection = connection

    def timed(self, execute: Any, statement: str, params: Any, many: bool, context: Any) -> Any:
        begun = time.perf_counter()
        try:
            return execute(statement, params, many, context)
        finally:
            self.queries += 1
            self.sql_seconds += time.perf_counter() - begun

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if self.app is None:
            self.setup()
        page = _page_of(environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET"))
        self.queries, self.sql_seconds = 0, 0.0
        self.count += 1
        profiling = self.cprofile is not None and self.count > PROFILE_SKIP
        wall, cpu = time.perf_counter(), time.process_time()
        if profiling:
            self.cprofile.enable()  # type: ignore[union-attr]
        try:
            with self.connection.execute_wrapper(self.timed):
                body = b"".join(self.app(environ, start_response))
        finally:
            if profiling:
                self.cprofile.disable()  # type: ignore[union-attr]
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        row = [page, wall, cpu, self.queries, self.sql_seconds, self.count > PROFILE_SKIP]
        self.lines.write(json.dumps(row) + "\n")
        if profiling and self.count % 100 == 0:
            self.cprofile.dump_stats(self.out / f"{os.getpid()}.prof")  # type: ignore[union-attr]
        return [body]


profiled_application = _Profiled()


def _page_of(path: str, method: str) -> str:
    parts = tuple(p for p in path.split("/") if p)
    if parts[:1] != ("complain",):
        return f"{method} other"
    name = {(): "start", ("check",): "check", ("sent",): "confirmation"}.get(parts[1:], "")
    if method == "POST" and name == "check":
        return "POST send"
    return f"{method} {name or 'question page'}"


def profile_report(directory: Path) -> None:
    rows: list[list[Any]] = []
    for path in directory.glob("*.jsonl"):
        rows += [json.loads(line) for line in path.read_text().splitlines() if line]
    rows = [row for row in rows if row[5]]  # after each worker's warm-up
    if not rows:
        print("\nNo requests were timed after the workers' warm-up.")
        return
    pages: dict[str, list[list[Any]]] = defaultdict(list)
    for row in rows:
        pages[row[0]].append(row)
    cpu_total = sum(r[2] for r in rows)
    print(
        f"\nServer time by page, in the workers ({len(rows):,} requests after each worker's "
        f"first {PROFILE_SKIP}):"
    )
    print("| page | requests | median ms | p95 ms | CPU ms (median) | queries (median) "
          "| SQL ms (median) | share of workers' CPU |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for page, found in sorted(pages.items(), key=lambda kv: -sum(r[2] for r in kv[1])):
        times = [r[1] * 1000 for r in found]
        print(
            f"| {page} | {len(found):,} | {statistics.median(times):.1f} | "
            f"{_percentile(times, 0.95):.1f} | {statistics.median(r[2] * 1000 for r in found):.1f}"
            f" | {statistics.median(r[3] for r in found):.0f} | "
            f"{statistics.median(r[4] * 1000 for r in found):.1f} | "
            f"{sum(r[2] for r in found) / cpu_total:.0%} |"
        )
    profiles = [str(p) for p in directory.glob("*.prof")]
    if not profiles:
        return
    stats = pstats.Stats(*profiles, stream=sys.stdout)
    print("\nHottest functions, by cumulative time (cProfile of every worker):")
    stats.sort_stats("cumulative").print_stats(r"redress|django|jinja|psycopg|markupsafe", 45)
    print("\nBy own time:")
    stats.sort_stats("tottime").print_stats(30)


# -- The report ------------------------------------------------------------------------------------


def report(results: list[dict[str, Any]], args: Any) -> None:
    cores = os.cpu_count() or 1
    print(
        f"\n{cores} CPUs, {platform.platform()}, Python {platform.python_version()}. "
        f"{args.warmup:.0f} s warm-up, then {args.seconds:.0f} s measured; "
        f"target {TARGET_PER_SECOND} complete submissions per second."
    )
    if args.mode == "send":
        print(
            "Mode send: drafts made in advance; each client does GET check, POST send, GET "
            "confirmation ('journey' below is those three requests)."
        )
    elif args.mode == "submit":
        print(
            "Mode submit: drafts made in advance; each client does POST send and GET "
            "confirmation ('journey' below is those two requests)."
        )
    else:
        print("Mode journey: each client completes whole journeys, start page to confirmation.")
    print(
        "\n| workers | clients | submissions/s | x target | HTTP req/s | send median ms "
        "| send p95 ms | journey median s | journey p95 s | confirmed | failed | lost "
        "| duplicated |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        workers = f"{r['workers']}x{r['threads']}t" if r["threads"] > 1 else str(r["workers"])
        send, journey = r["send_ms"] or [0.0], r["journey_s"] or [0.0]
        print(
            f"| {workers} | {r['clients']} | {r['per_second']:.1f} | "
            f"{r['per_second'] / TARGET_PER_SECOND:.2f} | {r['requests_per_second']:.0f} | "
            f"{statistics.median(send):.0f} | {_percentile(send, 0.95):.0f} | "
            f"{statistics.median(journey):.2f} | {_percentile(journey, 0.95):.2f} | "
            f"{r['journeys_confirmed']:,} | {r['journeys_failed']} | {r['lost']} | "
            f"{r['duplicated']} |"
        )
    print(
        "\nWhere the CPU went in the measured window (cores busy on average), and the "
        "benchmark database's backends (mean of samples every 50 ms):"
    )
    print("| workers | clients | machine busy | gunicorn | PostgreSQL (all databases) "
          "| this script | other | server CPU ms per submission | backends active "
          "| waiting on a lock |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        cpu, span = r["cpu"], args.seconds
        other = cpu["busy"] - cpu["gunicorn"] - cpu["postgres"] - cpu["client"]
        print(
            f"| {r['workers']} | {r['clients']} | {cpu['busy'] / span:.2f} of {cores} | "
            f"{cpu['gunicorn'] / span:.2f} | {cpu['postgres'] / span:.2f} | "
            f"{cpu['client'] / span:.2f} | {max(other, 0) / span:.2f} | "
            f"{(cpu['gunicorn'] + cpu['postgres']) * 1000 / max(r['in_window'], 1):.0f} | "
            f"{r['locks'].get('active', 0):.1f} | {r['locks'].get('waiting', 0):.1f} |"
        )
    best = max(results, key=lambda r: r["per_second"])
    print(
        f"\nRequests by kind, client side, at {best['workers']} workers and "
        f"{best['clients']} clients:"
    )
    reference = (
        "GET question page" if "GET question page" in best["by_kind"] else "GET check answers"
    )
    print(f"| request | count | median ms | p95 ms | ratio to the median {reference} |")
    print("|---|---:|---:|---:|---:|")
    base = statistics.median(best["by_kind"].get(reference) or [1.0])
    for kind, seconds in best["by_kind"].items():
        print(
            f"| {kind} | {len(seconds):,} | {statistics.median(seconds) * 1000:.1f} | "
            f"{_percentile(seconds, 0.95) * 1000:.1f} | {statistics.median(seconds) / base:.1f} |"
        )
    print("\nIntegrity, checked in the database after each run:")
    for r in results:
        print(
            f"* {r['workers']} workers, {r['clients']} clients: {r['journeys_confirmed']:,} "
            f"confirmed journeys ({r['sends']:,} send POSTs), {r['cases_found']:,} cases "
            f"carrying their markers; lost {r['lost']}, duplicated {r['duplicated']}, "
            f"reference shown ≠ case {r['mismatched']}, extra acknowledgements "
            f"{r['extra_letters']}."
        )
        for error, count in r["errors"].items():
            print(f"    - {count} x {error}")


def main() -> None:  # noqa: PLR0915 - one script
    paragraphs = __doc__.split("\n\n")
    parser = argparse.ArgumentParser(
        description=paragraphs[0],
        epilog="\n\n".join(p for p in paragraphs if p.startswith("    .venv")),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--seconds", type=float, default=60.0, help="Measured window (max 600).")
    parser.add_argument("--warmup", type=float, default=10.0, help="Unmeasured start (max 120).")
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[2 * (os.cpu_count() or 1) + 1],
        help="Gunicorn workers; several values are measured in turn (default 2 x cores + 1).",
    )
    parser.add_argument("--threads", type=int, default=1, help="Gunicorn gthread threads.")
    parser.add_argument(
        "--clients",
        type=int,
        nargs="+",
        default=[8],
        help="Concurrent clients, each one person after another; several values in turn.",
    )
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="redress_submissions")
    parser.add_argument("--cases", type=int, default=1000, help="Generated cases to start with.")
    parser.add_argument("--seed", type=int, default=1974)
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=60,
        help="Django's CONN_MAX_AGE for gunicorn (through DATABASE_URL): 60 as the settings' "
        "default; 0 opens a connection per request.",
    )
    parser.add_argument("--double-every", type=int, default=10, help="Double-click every Nth.")
    parser.add_argument("--retry-every", type=int, default=25, help="Retry the send every Nth.")
    parser.add_argument("--retry-delay", type=float, default=2.0)
    parser.add_argument("--upload-every", type=int, default=5, help="Upload a PDF every Nth.")
    parser.add_argument(
        "--per-address",
        type=int,
        default=0,
        help="Journeys per source address, and gunicorn's INTAKE_SUBMISSIONS_PER_ADDRESS "
        "(default: the scheme's default limit, 10).",
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="Per request, in seconds.")
    parser.add_argument(
        "--mode",
        choices=["journey", "send", "submit"],
        default="journey",
        help="journey: whole journeys (the default); send: only check, send and confirmation, "
        "for drafts made in advance; submit: only send and confirmation.",
    )
    parser.add_argument(
        "--drafts",
        type=int,
        default=0,
        help="Drafts made for --mode send or submit (default: plenty).",
    )
    parser.add_argument("--keep", action="store_true", help="Leave the database in place.")
    parser.add_argument("--make-drafts", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--first", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--run-id", help=argparse.SUPPRESS)
    parser.add_argument("--organisation-ids", help=argparse.SUPPRESS)
    parser.add_argument(
        "--profile",
        choices=["time", "cprofile"],
        help="Time every request inside the workers (CPU, SQL); cprofile adds cProfile.",
    )
    args = parser.parse_args()
    if args.make_drafts:  # the child that makes drafts for --mode send or submit
        ids = [int(pk) for pk in args.organisation_ids.split(",")]
        print(json.dumps(make_drafts(args.make_drafts, args.first, args.run_id, ids)))
        return
    if args.profile and args.threads > 1:
        parser.error("--profile counts per worker process: use it without --threads")
    args.seconds = min(max(args.seconds, 1.0), MAX_SECONDS)
    args.warmup = min(max(args.warmup, 0.0), MAX_WARMUP)
    args.per_address = args.per_address or per_address_limit()
    args.run_id = f"{int(time.time()) % 1_000_000:06d}"
    args.first_journey = 0
    args.sessions = []

    scratch = Path(tempfile.mkdtemp(prefix="submissions-bench-"))
    results = []
    try:
        print(f"Preparing {args.database} (migrate, generate {args.cases:,} cases)...", flush=True)
        url = args.database_url = prepare(args.server, args.database, args.cases, args.seed)
        plan = Plan(
            double_every=args.double_every,
            retry_every=args.retry_every,
            retry_delay=args.retry_delay,
            upload_every=args.upload_every,
            organisations=organisations(url),
        )
        served_url = f"{url}?conn_max_age={args.conn_max_age}"
        for workers in args.workers:
            profile_dir = scratch / f"profile-{workers}" if args.profile else None
            if profile_dir is not None:
                profile_dir.mkdir()
            server = Server(
                served_url,
                workers,
                args.threads,
                scratch,
                profile_dir,
                args.per_address,
                cprofile=args.profile == "cprofile",
            )
            try:
                server.start()
                for clients in args.clients:
                    if args.mode in ("send", "submit"):
                        count = args.drafts or int(80 * (args.warmup + args.seconds))
                        print(f"Making {count:,} complete drafts...", flush=True)
                        args.sessions = prepare_sends(args, plan, count)
                    print(f"{workers} workers, {clients} clients...", flush=True)
                    result = run(server, clients, args, plan)
                    results.append(result)
                    print(
                        f"  {result['per_second']:.1f} submissions/s, "
                        f"{result['journeys_confirmed']} confirmed, "
                        f"lost {result['lost']}, duplicated {result['duplicated']}",
                        flush=True,
                    )
            finally:
                server.stop()
            if profile_dir is not None:
                profile_report(profile_dir)
    finally:
        if not args.keep:
            drop(args.server, args.database)
        shutil.rmtree(scratch, ignore_errors=True)
    if results:
        report(results, args)


if __name__ == "__main__":
    main()
