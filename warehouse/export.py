"""Parquet export of the warehouse's main tables and views, for analysts' own tools.

Editor accounts and sessions are never exported (password hashes, session tokens).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

TABLES = (
    "diseases",
    "symptoms",
    "sources",
    "runs",
    "documents",
    "excerpts",
    "citations",
    "text_clusters",
    "decisions",
    "audit_log",
    "publications",
    "page_changes",
)
VIEWS = ("evidence_list", "symptom_strength", "counter_evidence")


def export_parquet(conn: duckdb.DuckDBPyConnection, out_dir: Path | str) -> dict[str, Path]:
    """One `<name>.parquet` per table and view present; name -> file written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    present = {
        r[0]
        for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
    }
    written = {}
    for name in (*TABLES, *VIEWS):
        if name not in present:
            continue
        path = out / f"{name}.parquet"
        target = str(path).replace("'", "''")
        conn.execute(
            f"COPY (SELECT * FROM {name}) TO '{target}' (FORMAT parquet, COMPRESSION zstd)"
        )
        written[name] = path
    return written
