"""Runs rows left 'running' by a killed process, closed once Prefect says the run is over.

A run killed with SIGKILL cannot finish its row in the warehouse's runs table. Zombie detection
(flows/zombies.py) marks its Prefect flow run Crashed; the next run copies that verdict into
the runs table so operators reading it do not see a run "running" forever.
"""

from __future__ import annotations

import json
from pathlib import Path
from uuid import UUID

from warehouse.load import utcnow
from warehouse.session import writer


def close_dead_runs(warehouse: Path) -> int:
    """Mark 'crashed' the running rows whose Prefect flow run reached a final state."""
    from prefect.client.orchestration import get_client

    with writer(warehouse) as conn:
        rows = conn.execute(
            "SELECT run_id, prefect_flow_run_id FROM runs "
            "WHERE status = 'running' AND prefect_flow_run_id IS NOT NULL"
        ).fetchall()
    dead: list[tuple[str, str]] = []
    if rows:
        with get_client(sync_client=True) as client:
            for run_id, flow_run_id in rows:
                try:
                    state = client.read_flow_run(UUID(flow_run_id)).state
                except Exception:  # noqa: BLE001 - another server, a deleted run: leave it
                    continue
                if state is not None and state.is_final():
                    dead.append((run_id, f"Prefect flow run {flow_run_id} ended {state.name}"))
    if dead:
        with writer(warehouse) as conn:
            for run_id, cause in dead:
                failure = [{"stage": "run", "source": run_id, "cause": cause}]
                conn.execute(
                    "UPDATE runs SET status = 'crashed', finished_at = ?, failures = ? "
                    "WHERE run_id = ? AND status = 'running'",
                    [utcnow(), json.dumps(failure), run_id],
                )
    return len(dead)
