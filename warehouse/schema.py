"""Opening the warehouse and bringing its schema up to date.

The schema lives only in numbered files under `migrations/` (applied once each, recorded in
`schema_migrations`) and in `views/` (derived, recreated every time), so no code path creates
tables ad hoc and any warehouse file can be upgraded in place.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import duckdb

_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def _sql_files(folder: str) -> list[tuple[str, str]]:
    root = resources.files("warehouse") / folder
    files = sorted(p.name for p in root.iterdir() if p.name.endswith(".sql"))
    return [(name, (root / name).read_text(encoding="utf-8")) for name in files]


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped, in order; names must be NNN_name.sql."""
    found = []
    for name, sql in _sql_files("migrations"):
        match = _MIGRATION_NAME.match(name)
        if not match:
            raise RuntimeError(f"warehouse/migrations/{name}: name must look like 001_name.sql")
        found.append((int(match.group(1)), name, sql))
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"warehouse/migrations: duplicate version numbers in {versions}")
    return found


def migrate(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply missing migrations (each in its own transaction), then recreate views."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, sql in migrations():
        if version in done:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(sql)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, now()::TIMESTAMP)", [version, name]
            )
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    for _name, sql in _sql_files("views"):
        conn.execute(sql)
    return applied


def connect(path: Path | str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a writable connection is migrated before it is handed out."""
    path = Path(path)
    if read_only:
        if not path.exists():
            raise FileNotFoundError(f"{path}: no warehouse here yet (run the pipeline first)")
        return duckdb.connect(str(path), read_only=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = duckdb.connect(str(path))
    migrate(conn)
    return conn
