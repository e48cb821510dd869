"""Server time and query count of the staff workqueue and the case page, by database size.

For each size the script makes sure a PostgreSQL database holds that many generated cases
(building it with `redress generate` if needed, then `redress generate_stage_data` for the
statements, issues and enquiries of the cases being investigated, whose enquiry clocks
show in the investigator's queue), then measures in a child process, with
Django's test Client signed in as generated staff with busy queues:

  * "My cases" for the busiest officer (default sort, next due first)
  * "My team's queue" for the manager of the busiest team: default sort, a stage filter,
    overdue only, and page 2
  * the case page of the officer's oldest open case (the longest history)

Each page is requested --repeat times after a warm-up; the report gives the median and
95th percentile in milliseconds and the number of SQL queries per request, which should
be the same whatever the size of the database.

    .venv/bin/python bench/pages_bench.py                       # 1k and 1M cases
    .venv/bin/python bench/pages_bench.py --sizes 1000 --repeat 50
    .venv/bin/python bench/pages_bench.py --sizes 1000000 --explain   # EXPLAIN ANALYZE too
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parents[1]
REDRESS = ROOT / ".venv" / "bin" / "redress"


def _database_cases(url: str) -> int | None:
    try:
        with psycopg.connect(url) as conn:
            row = conn.execute("SELECT count(*) FROM casework_case").fetchone()
            return int(row[0]) if row else 0
    except psycopg.Error:
        return None


def ensure_database(server: str, name: str, cases: int, seed: int) -> str:
    """A database with exactly `cases` generated cases, reused when it already has them."""
    url = f"{server}/{name}"
    env = {**os.environ, "DATABASE_URL": url}
    if _database_cases(url) == cases:
        # Bring a kept database up to the current schema, so the run measures this code.
        print(f"Reusing {name} ({cases:,} cases), migrated to the current schema")
        _redress(["migrate"], env)
        # Adds nothing when the stage data is there already.
        _redress(["generate_stage_data", "--seed", str(seed)], env)
        return url
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        conn.execute(drop.format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    for args in (
        ["migrate"],
        ["generate", "--cases", str(cases), "--seed", str(seed)],
        ["generate_stage_data", "--seed", str(seed)],
    ):
        _redress(args, env)
    return url


def _redress(args: list[str], env: dict[str, str]) -> None:
    subprocess.run(  # noqa: S603 - our own command with fixed arguments
        [str(REDRESS), *args, "--skip-checks"],
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )


# -- The measuring child process ---------------------------------------------------------


def measure(repeat: int, explain: bool) -> dict[str, Any]:  # noqa: PLR0915 - one script
    """Runs inside a child whose DATABASE_URL points at the database to measure."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "redress.config.settings.base")
    os.environ["REDRESS_ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from redress.accounts.models import User
    from redress.casework.models import Case
    from redress.domain.roles import Role
    from redress.domain.stages import Stage

    open_cases = Case.objects.exclude(stage=Stage.CLOSED.value)
    busiest_officer = (
        open_cases.filter(officer__role=Role.INVESTIGATOR.value)
        .values("officer")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    busiest_team = open_cases.values("team").annotate(n=Count("id")).order_by("-n").first()
    if busiest_officer is None or busiest_team is None:
        raise SystemExit("No open cases to measure.")
    officer = User.objects.get(pk=busiest_officer["officer"])
    manager = User.objects.filter(team_id=busiest_team["team"], role=Role.MANAGER.value).first()
    if manager is None or manager.team_id is None:
        raise SystemExit("The busiest team has no manager.")
    team_id: int = manager.team_id
    busiest_stage = (
        open_cases.filter(team_id=team_id)
        .values("stage")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    stage = busiest_stage["stage"] if busiest_stage else Stage.INVESTIGATION.value
    # The case page of the officer's longest-running case: the most history to show.
    case = open_cases.filter(officer=officer).order_by("received_on").first()
    if case is None:
        raise SystemExit("The officer has no open case.")
    workqueue = reverse("casework:workqueue")
    pages = [
        ("My cases (officer)", officer, f"{workqueue}?scope=mine"),
        ("Team queue (manager)", manager, f"{workqueue}?scope=team"),
        ("Team queue, stage filter", manager, f"{workqueue}?scope=team&stage={stage}"),
        ("Team queue, overdue only", manager, f"{workqueue}?scope=team&overdue=on"),
        ("Team queue, page 2", manager, f"{workqueue}?scope=team&page=2"),
        (
            "Case page (officer)",
            officer,
            reverse("casework:case", args=[case.reference.replace(" ", "")]),
        ),
    ]
    clients = {}
    for user in (officer, manager):
        client = Client()
        client.force_login(user)
        clients[user.pk] = client
    results: dict[str, Any] = {
        "cases": Case.objects.count(),
        "open_cases": open_cases.count(),
        "officer": {
            "username": officer.username,
            "open": open_cases.filter(officer=officer).count(),
            "all": Case.objects.filter(officer=officer).count(),
        },
        "manager": {
            "username": manager.username,
            "team_open": busiest_team["n"],
            "team_all": Case.objects.filter(team_id=team_id).count(),
        },
        "pages": [],
    }
    for label, user, url in pages:
        client = clients[user.pk]
        for _ in range(5):  # warm caches, connections and templates
            response = client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        # Read them now: every request_started signal empties the connection's query log.
        queries = [dict(query) for query in captured.captured_queries]
        status = response.status_code
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        page: dict[str, Any] = {
            "label": label,
            "url": url,
            "status": status,
            "queries": len(queries),
            "median_ms": statistics.median(timings),
            "p95_ms": timings[min(len(timings) - 1, int(len(timings) * 0.95))],
            "sql_ms": sum(float(q["time"]) for q in queries) * 1000,
        }
        if explain:
            page["plans"] = []
            with connection.cursor() as cursor:
                for query in queries:
                    text = query["sql"]
                    if not text.lstrip().upper().startswith("SELECT"):
                        continue
                    if "casework_case" not in text:
                        continue
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {text}")
                    page["plans"].append(
                        {"sql": text, "plan": "\n".join(row[0] for row in cursor.fetchall())}
                    )
        results["pages"].append(page)
    return results


# -- The parent: build databases, run children, print a table ------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 1_000_000])
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--prefix", default="redress_pages_", help="Database name prefix.")
    parser.add_argument("--database-url", help="Measure this database as it is instead.")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1974)
    parser.add_argument("--explain", action="store_true", help="Print EXPLAIN ANALYZE plans.")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(measure(args.repeat, args.explain)))
        return

    targets = (
        [args.database_url]
        if args.database_url
        else [
            ensure_database(args.server, f"{args.prefix}{size}", size, args.seed)
            for size in args.sizes
        ]
    )
    reports = []
    for url in targets:
        child = subprocess.run(  # noqa: S603 - this script, with fixed arguments
            [
                sys.executable,
                __file__,
                "--child",
                "--repeat",
                str(args.repeat),
                *(["--explain"] if args.explain else []),
            ],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": url},
        )
        reports.append(json.loads(child.stdout.strip().splitlines()[-1]))

    print(f"\n{os.cpu_count()} CPUs; {args.repeat} requests per page after 5 warm-up requests.")
    for report in reports:
        print(
            f"\n{report['cases']:,} cases ({report['open_cases']:,} open). Officer "
            f"{report['officer']['username']}: {report['officer']['open']:,} open of "
            f"{report['officer']['all']:,}; manager {report['manager']['username']}: team of "
            f"{report['manager']['team_open']:,} open, {report['manager']['team_all']:,} in all."
        )
        print("| page | status | median ms | p95 ms | queries | SQL ms (one request) |")
        print("|---|---:|---:|---:|---:|---:|")
        for page in report["pages"]:
            print(
                f"| {page['label']} | {page['status']} | {page['median_ms']:.1f} | "
                f"{page['p95_ms']:.1f} | {page['queries']} | {page['sql_ms']:.1f} |"
            )
        for page in report["pages"]:
            for plan in page.get("plans", []):
                print(f"\n-- {page['label']}\n{plan['sql']}\n{plan['plan']}")


if __name__ == "__main__":
    main()
