"""Analysts and editors share the warehouse with a run: nobody locked out, nothing lost.

The analyst is another process holding a read-only connection on the published snapshot and
querying it throughout; the editor is another process saving decisions through the review
app's `Warehouse` (opened per request) while the pipeline loads.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time

import pytest
from flows_testkit import PAGES, REPO, host_overrides, query, urls_source

from flows.pipeline import pipeline

pytestmark = pytest.mark.usefixtures("prefect_harness")

ANALYST = textwrap.dedent(
    """
    import duckdb, sys, time, json
    conn = duckdb.connect(sys.argv[1], read_only=True)
    results = []
    print("ready", flush=True)
    deadline = time.time() + float(sys.argv[2])
    while time.time() < deadline:
        results.append(conn.execute("SELECT count(*) FROM excerpts").fetchone()[0])
        time.sleep(0.1)
    print(json.dumps(results), flush=True)
    """
)

EDITOR = textwrap.dedent(
    """
    import sys, json, time
    from review_app.db import Warehouse
    from review_app.decisions import Change, decide
    wh = Warehouse(sys.argv[1])
    ids = json.loads(sys.argv[2])
    print("ready", flush=True)
    saved = []
    for excerpt_id in ids:
        with wh.write() as conn:
            decide(conn, "editor1", [excerpt_id], Change("approve"))
        saved.append(excerpt_id)
        time.sleep(0.15)
    print(json.dumps(saved), flush=True)
    """
)


def spawn(code: str, *args: str) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert child.stdout.readline().strip() == "ready", child.stderr.read()
    return child


def test_analyst_and_editor_work_across_a_run(tmp_path, make_config, eutils, web):
    extra = host_overrides(web.host_overrides) + urls_source("pages", PAGES)
    config = make_config(tmp_path, eutils.base_url, extra)
    assert pipeline(config_path=str(config), only=["pubmed"]).status == "completed"
    db, snapshot = tmp_path / "warehouse.duckdb", tmp_path / "snapshot.duckdb"
    first = query(snapshot, "SELECT count(*) FROM excerpts")[0][0]
    ids = [r[0] for r in query(db, "SELECT excerpt_id FROM excerpts ORDER BY excerpt_id")][:25]

    analyst = spawn(ANALYST, str(snapshot), "25")
    editor = spawn(EDITOR, str(db), json.dumps(ids))
    started = time.monotonic()
    report = pipeline(config_path=str(config))  # PubMed again + the web source
    run_seconds = time.monotonic() - started
    saved, editor_err = editor.communicate(timeout=120)
    seen, analyst_err = analyst.communicate(timeout=60)

    assert report.status == "completed", report.failures
    assert editor.returncode == 0, editor_err
    assert json.loads(saved) == ids
    decided = {
        r[0] for r in query(db, "SELECT excerpt_id FROM decisions WHERE status = 'approved'")
    }
    assert decided == set(ids)  # no decision lost
    assert analyst.returncode == 0, analyst_err
    counts = json.loads(seen)
    assert len(counts) > run_seconds * 5  # kept querying through the run, never blocked
    assert set(counts) == {first}  # its open snapshot stays as it was
    assert query(snapshot, "SELECT count(*) FROM excerpts")[0][0] > first  # republished
