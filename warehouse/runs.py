"""The runs table and incremental harvest cursors: what operators read after a run."""

from __future__ import annotations

import json
import uuid
from datetime import datetime

import duckdb

from warehouse.load import utcnow


def start_run(conn: duckdb.DuckDBPyConnection, flow: str, prefect_flow_run_id: str = "") -> str:
    run_id = f"{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    conn.execute(
        "INSERT INTO runs VALUES (?, ?, ?, NULL, 'running', NULL, NULL, ?)",
        [run_id, flow, utcnow(), prefect_flow_run_id or None],
    )
    return run_id


def finish_run(
    conn: duckdb.DuckDBPyConnection,
    run_id: str,
    status: str,
    counts: dict,
    failures: list[dict],
) -> None:
    conn.execute(
        "UPDATE runs SET finished_at = ?, status = ?, counts = ?, failures = ? WHERE run_id = ?",
        [utcnow(), status, json.dumps(counts), json.dumps(failures), run_id],
    )


def get_cursor(conn: duckdb.DuckDBPyConnection, key: str) -> datetime | None:
    row = conn.execute(
        "SELECT last_success FROM harvest_cursors WHERE cursor_key = ?", [key]
    ).fetchone()
    return row[0] if row else None


def set_cursor(
    conn: duckdb.DuckDBPyConnection, key: str, started_at: datetime, records: int
) -> None:
    conn.execute(
        "INSERT INTO harvest_cursors VALUES (?, ?, ?) ON CONFLICT (cursor_key) DO UPDATE SET "
        "last_success = excluded.last_success, "
        "records_seen = harvest_cursors.records_seen + excluded.records_seen",
        [key, started_at, records],
    )
