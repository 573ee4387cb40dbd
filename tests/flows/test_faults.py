"""Faults: SIGKILL mid-stage then rerun, source outages, an unwritable or full disk.

Killed runs are real `evidence run` child processes (killed with their process group, as a
dying container or systemd unit would be), against the mock E-utilities server and the fixture
web over real HTTP; reruns and reference runs are real Prefect flow runs in this process.
"""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from uuid import UUID

import pytest
from flows_corpus import write_pubmed_corpus
from flows_testkit import (
    PAGES,
    assert_no_duplicates,
    content,
    host_overrides,
    query,
    start_run,
    try_count,
    urls_source,
    wait_for,
)

from flows.pipeline import pipeline
from pubmed.mock_eutils import MockEutils
from spiders.archive import iter_archive

pytestmark = pytest.mark.usefixtures("prefect_harness")


def kill(child: subprocess.Popen) -> None:
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()


def start(config: Path, env: dict, *args: str) -> subprocess.Popen:
    child = start_run(config, env, *args)
    return child


def test_kill_during_pubmed_harvest_then_rerun(tmp_path, make_config, eutils, child_env):
    ref = make_config(tmp_path / "ref", eutils.base_url)
    assert pipeline(config_path=str(ref), only=["pubmed"]).status == "completed"

    eutils.inject("delay", times=6, utility="efetch", seconds=0.4)
    config = make_config(tmp_path / "run", eutils.base_url)
    archive = tmp_path / "run" / "archive" / "pubmed"
    child = start(config, child_env, "--only", "pubmed")
    wait_for(lambda: len(list(archive.glob("*/efetch-*.xml.gz"))) >= 2, 90, "2 batches", child)
    kill(child)
    kept = {p: p.read_bytes() for p in archive.glob("*/efetch-*.xml.gz")}
    db = tmp_path / "run" / "warehouse.duckdb"
    assert try_count(db, "excerpts") in (0, -1) or query(db, "SELECT count(*) FROM excerpts")

    report = pipeline(config_path=str(config), only=["pubmed"])
    assert report.status == "completed", report.failures
    assert all(p.read_bytes() == data for p, data in kept.items())  # nothing lost
    assert_no_duplicates(db)
    assert content(db) == content(tmp_path / "ref" / "warehouse.duckdb")


def test_kill_during_crawl_resumes_from_archive(tmp_path, make_config, eutils, web, child_env):
    extra = host_overrides(web.host_overrides) + urls_source("pages", PAGES, delay=0.4)
    ref = make_config(tmp_path / "ref", eutils.base_url, extra)
    assert pipeline(config_path=str(ref), only=["web"]).status == "completed"
    web.clear_log()

    config = make_config(tmp_path / "run", eutils.base_url, extra)
    archive = tmp_path / "run" / "archive"
    child = start(config, child_env, "--only", "web")

    def pages_archived() -> int:
        return sum(1 for r in iter_archive(archive) if r.role == "page") if archive.exists() else 0

    wait_for(lambda: pages_archived() >= 3, 90, "3 pages archived", child)
    kill(child)
    before = {r.final_url for r in iter_archive(archive) if r.role == "page"}
    assert 3 <= len(before) < len(PAGES)
    web.clear_log()

    report = pipeline(config_path=str(config), only=["web"])
    assert report.status == "completed", report.failures
    refetched = {f"http://{r.host}{r.path}" for r in web.log() if r.path != "/robots.txt"}
    assert refetched.isdisjoint(before), "pages fetched before the kill were fetched again"
    db = tmp_path / "run" / "warehouse.duckdb"
    assert_no_duplicates(db)
    assert content(db) == content(tmp_path / "ref" / "warehouse.duckdb")


def test_kill_during_load_then_rerun_and_zombie_is_crashed(tmp_path, make_config, child_env):
    records = write_pubmed_corpus(tmp_path / "corpus", 360)
    with MockEutils([records]) as big:
        ref = make_config(tmp_path / "ref", big.base_url, batch_size=30)
        assert pipeline(config_path=str(ref), only=["pubmed"]).status == "completed"
        total = query(tmp_path / "ref" / "warehouse.duckdb", "SELECT count(*) FROM documents")[0][0]

        config = make_config(tmp_path / "run", big.base_url, batch_size=30)
        db = tmp_path / "run" / "warehouse.duckdb"
        child = start(config, child_env, "--only", "pubmed")
        wait_for(lambda: try_count(db, "documents") > 0, 120, "first documents loaded", child)
        kill(child)
        loaded = query(db, "SELECT count(*) FROM documents")[0][0]
        assert 0 < loaded < total, "the kill did not land in the middle of the load"
        ((killed_run, flow_run_id),) = query(
            db, "SELECT run_id, prefect_flow_run_id FROM runs WHERE status = 'running'"
        )
        report = pipeline(config_path=str(config), only=["pubmed"])
    assert report.status == "completed", report.failures
    assert_no_duplicates(db)
    assert content(db) == content(tmp_path / "ref" / "warehouse.duckdb")

    # the killed run stops sending heartbeats; zombie detection marks it Crashed
    from prefect.client.orchestration import get_client

    def crashed() -> bool:
        with get_client(sync_client=True) as client:
            state = client.read_flow_run(UUID(flow_run_id)).state
        return state is not None and state.name == "Crashed"

    wait_for(crashed, 150, "the killed flow run to be marked Crashed")
    pipeline(config_path=str(config), only=["pubmed"])
    (status,) = query(db, "SELECT status FROM runs WHERE run_id = ?", [killed_run])[0]
    assert status == "crashed"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_outages_fail_their_part_and_the_rest_finishes(tmp_path, make_config, web):
    dead = f"127.0.0.1:{closed_port()}"
    extra = (
        host_overrides({**web.host_overrides, "gone.example": dead})
        + urls_source("gone", ["http://gone.example/a", "http://gone.example/b"])
        + urls_source("alive", PAGES[:4])
    )
    config = make_config(tmp_path, f"http://{dead}/eutils/", extra)
    report = pipeline(config_path=str(config))
    assert report.status == "partial"
    db = tmp_path / "warehouse.duckdb"
    status, failures = query(db, "SELECT status, failures FROM runs")[0]
    assert status == "partial"
    assert '"gone"' in failures and "unreachable" in failures
    assert failures.count('"harvest-pubmed"') == 3  # each disease's query, each named
    assert "Guillain-Barre syndrome" in failures
    sources = {r[0] for r in query(db, "SELECT DISTINCT source FROM documents")}
    assert sources == {"alive"}


def run_cli(config: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "evidence.cli", "run", "--config", str(config), "--only", "pubmed"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_unwritable_warehouse_is_a_clear_error(tmp_path, make_config, eutils, child_env):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the warehouse folder should be")
    config = make_config(tmp_path, eutils.base_url)
    text = config.read_text().replace(
        f'path = "{tmp_path}/warehouse.duckdb"', f'path = "{blocker}/warehouse.duckdb"'
    )
    config.write_text(text)
    done = run_cli(config, child_env)
    assert done.returncode == 1
    assert "FAILED warehouse" in done.stdout and str(blocker) in done.stdout
    assert "not writable" in done.stdout
    assert not eutils.requests_for("efetch")  # refused before harvesting anything


def test_full_disk_refuses_to_write_and_leaves_the_file_intact(
    tmp_path, make_config, eutils, child_env
):
    config = make_config(tmp_path, eutils.base_url)
    assert pipeline(config_path=str(config), only=["pubmed"]).status == "completed"
    db = tmp_path / "warehouse.duckdb"
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    before = content(db)
    config.write_text(config.read_text().replace("min_free_bytes = 0", "min_free_bytes = 10**15"))
    config.write_text(config.read_text().replace("10**15", "1000000000000000"))
    started = time.time()
    done = run_cli(config, child_env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "min_free_bytes" in done.stdout and "nothing written" in done.stdout
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    assert content(db) == before
    assert db.stat().st_mtime < started
