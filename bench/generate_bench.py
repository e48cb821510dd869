"""Time `redress generate` on a fresh PostgreSQL database, for each size asked for.

For every size the script creates an empty database, migrates it, runs the real command
(`redress generate --cases N`) in a child process and reports the wall time, the rate, the
rows written and the space they take. The database is dropped afterwards unless --keep.

    .venv/bin/python bench/generate_bench.py                   # 100k and 1M cases
    .venv/bin/python bench/generate_bench.py --sizes 100000 --keep

PostgreSQL must accept connections at --server (trust auth on the bench machine). If it is
down: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import time
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parents[1]
REDRESS = ROOT / ".venv" / "bin" / "redress"
TABLES = (
    "casework_person",
    "casework_case",
    "casework_stagetransition",
    "casework_casenote",
    "casework_contact",
    "casework_deadline",
)


def _admin(server: str) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(f"{server}/postgres", autocommit=True)


def drop(server: str, name: str) -> None:
    statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
    with _admin(server) as conn:
        conn.execute(statement.format(sql.Identifier(name)))


def recreate(server: str, name: str) -> None:
    drop(server, name)
    with _admin(server) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def redress(url: str, *args: str, quiet: bool = True) -> None:
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run(  # noqa: S603 - our own command with fixed arguments
        [str(REDRESS), *args, "--skip-checks"],
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def table_stats(url: str) -> dict[str, tuple[int, int]]:
    """Rows and total bytes (with indexes) per table."""
    found = {}
    with psycopg.connect(url) as conn:
        for table in TABLES:
            rows = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
            size = conn.execute("SELECT pg_total_relation_size(%s)", [table])
            found[table] = (int(rows.fetchone()[0]), int(size.fetchone()[0]))  # type: ignore[index]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="redress_bench")
    parser.add_argument("--seed", type=int, default=1974)
    parser.add_argument("--keep", action="store_true", help="Leave the last database in place.")
    args = parser.parse_args()

    print(
        f"Machine: {os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}"
    )
    results = []
    for size in args.sizes:
        url = f"{args.server}/{args.database}"
        recreate(args.server, args.database)
        redress(url, "migrate")
        started = time.perf_counter()
        redress(url, "generate", "--cases", str(size), "--seed", str(args.seed), quiet=False)
        seconds = time.perf_counter() - started
        stats = table_stats(url)
        results.append((size, seconds, stats))
        if not args.keep or size != args.sizes[-1]:
            drop(args.server, args.database)

    print()
    print("| cases | seconds | cases/s | rows written | size on disk |")
    print("|---:|---:|---:|---:|---:|")
    for size, seconds, stats in results:
        rows = sum(r for r, _ in stats.values())
        megabytes = sum(b for _, b in stats.values()) / 1_048_576
        print(
            f"| {size:,} | {seconds:,.1f} | {size / seconds:,.0f} | {rows:,} "
            f"| {megabytes:,.0f} MB |"
        )
    for size, _, stats in results:
        print(f"\nRows for {size:,} cases:")
        for table, (rows, size_bytes) in stats.items():
            print(f"  {table:28} {rows:>12,} rows {size_bytes / 1_048_576:>9,.0f} MB")


if __name__ == "__main__":
    main()
