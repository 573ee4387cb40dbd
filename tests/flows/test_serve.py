"""`evidence serve` registers the scheduled deployments of config.toml and runs them."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from flows_testkit import PAGES, host_overrides, query, urls_source

pytestmark = pytest.mark.usefixtures("prefect_harness")

SCHEDULES = """
[schedules]
pipeline = "0 3 * * *"
pubmed = "every 6h"
timezone = "Europe/Paris"
"""


def read_deployments() -> dict:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return {d.name: d for d in client.read_deployments()}


def test_serve_registers_schedules_and_runs_a_deployment(
    tmp_path, make_config, eutils, web, child_env
):
    extra = (
        SCHEDULES
        + host_overrides(web.host_overrides)
        + urls_source("pages", PAGES[:3]).replace(
            'kind = "urls"', 'kind = "urls"\nschedule = "every 30m"'
        )
        + urls_source("unscheduled", PAGES[3:5])
    )
    config = make_config(tmp_path, eutils.base_url, extra)
    child = subprocess.Popen(
        [sys.executable, "-m", "evidence.cli", "serve", "--config", str(config)],
        env=child_env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        wanted = {"scheduled", "pubmed", "source-pages"}
        while not wanted <= set(read_deployments()):
            assert child.poll() is None, child.stderr.read()
            assert time.monotonic() < deadline, "deployments not registered"
            time.sleep(0.5)
        found = read_deployments()
        assert "source-unscheduled" not in found and "web" not in found
        (cron,) = [s.schedule for s in found["scheduled"].schedules]
        assert cron.cron == "0 3 * * *" and cron.timezone == "Europe/Paris"
        (every6,) = [s.schedule for s in found["pubmed"].schedules]
        assert every6.interval == timedelta(hours=6)
        assert found["pubmed"].parameters["only"] == ["pubmed"]
        (every30,) = [s.schedule for s in found["source-pages"].schedules]
        assert every30.interval == timedelta(minutes=30)
        assert found["source-pages"].parameters["sources"] == ["pages"]
        assert found["source-pages"].parameters["config_path"] == str(config.resolve())

        from prefect.deployments import run_deployment

        run = run_deployment("pipeline/source-pages", timeout=150)
        assert run.state.is_completed(), run.state
        db = tmp_path / "warehouse.duckdb"
        assert query(db, "SELECT status, prefect_flow_run_id FROM runs") == [
            ("completed", str(run.id))
        ]
        assert {r[0] for r in query(db, "SELECT DISTINCT source FROM documents")} == {"pages"}
    finally:
        child.send_signal(signal.SIGINT)
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
