"""Helpers for flow tests (imported by name: conftest.py puts this folder on sys.path)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[2]
DEMO_RECORDS = REPO / "pubmed" / "demo_records"

BASE = """
[warehouse]
path = "{root}/warehouse.duckdb"
archive_dir = "{root}/archive"
snapshot_path = "{root}/snapshot.duckdb"
min_free_bytes = 0

[pubmed]
base_url = "{base_url}"
batch_size = {batch_size}
max_retries = 1
backoff_seconds = 0.05
timeout_seconds = 5

[tagging]
cache_dir = "{cache}"

[flows]
task_retries = 1
retry_delay_seconds = 0
lease_seconds = 60
domain_concurrency = {domain_concurrency}
zombie_after_seconds = 60

[[diseases]]
name = "Diabetic amyotrophy"
synonyms = ["diabetic lumbosacral radiculoplexus neuropathy", "Bruns-Garland syndrome",
            "proximal diabetic neuropathy"]

[[diseases]]
name = "Guillain-Barre syndrome"
synonyms = ["Guillain-Barré syndrome"]

[[diseases]]
name = "Spinal muscular atrophy"
"""

PAGES = [
    "http://diabetes-care.example/guides/nerve-complications",
    "http://diabetes-care.example/guides/diabetic-amyotrophy-recovery",
    "http://diabetes-care.example/guides/weight-loss-and-neuropathy",
    "http://diabetes-care.example/news/thigh-pain-diabetes",
    "http://patient-forum.example/threads/thigh-pain-after-diagnosis",
    "http://patient-forum.example/threads/wheelchair-months",
    "http://patient-forum.example/threads/gbs-recovery-diary",
    "http://patient-forum.example/threads/legs-gave-way",
    "http://muscle-atlas.example/disorders/amyotrophy-overview",
    "http://neuro-clinic.example/",
]


def urls_source(name: str, urls: list[str], delay: float = 0.0) -> str:
    listed = ", ".join(f'"{u}"' for u in urls)
    return (
        f'\n[[sources]]\nname = "{name}"\nkind = "urls"\nurls = [{listed}]\n'
        f"[sources.politeness]\ndownload_delay = {delay}\nautothrottle = false\n"
        "concurrency_per_domain = 1\ntimeout_seconds = 3\nretries = 0\n"
    )


def host_overrides(table: dict[str, str]) -> str:
    return "\n[crawl.host_overrides]\n" + "".join(f'"{h}" = "{t}"\n' for h, t in table.items())


def start_run(config: Path, env: dict[str, str], *args: str) -> subprocess.Popen:
    """`python -m evidence.cli run --config ...` as a child process."""
    return subprocess.Popen(
        [sys.executable, "-m", "evidence.cli", "run", "--config", str(config), *args],
        env=env,
        cwd=config.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the test kills the whole group
    )


def wait_for(condition: Callable[[], bool], timeout: float, what: str, child=None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if child is not None and child.poll() is not None:
            raise AssertionError(f"run ended before {what}: {child.stderr.read()[-3000:]}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def query(db: Path, sql: str, params=None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute(sql, params or []).fetchall()


def try_count(db: Path, table: str) -> int:
    """Rows in `table`, or -1 while the pipeline holds the file (short write windows)."""
    try:
        return query(db, f"SELECT count(*) FROM {table}")[0][0]
    except (duckdb.IOException, duckdb.CatalogException):
        return -1


def content(db: Path) -> dict[str, set]:
    """What a user compares between two runs: documents, excerpts, citations (no run ids)."""
    return {
        "documents": set(query(db, "SELECT doc_id, content_hash FROM documents")),
        "excerpts": set(query(db, "SELECT excerpt_id, disease, hpo_id, text FROM excerpts")),
        "citations": set(query(db, "SELECT excerpt_id, doc_id, sentence_index FROM citations")),
    }


def assert_no_duplicates(db: Path) -> None:
    for table, key in (
        ("documents", "doc_id"),
        ("excerpts", "excerpt_id"),
        ("citations", "excerpt_id, doc_id, sentence_index"),
    ):
        total, distinct = query(db, f"SELECT count(*), count(DISTINCT ({key})) FROM {table}")[0]
        assert total == distinct, f"{table}: {total - distinct} duplicate rows"
