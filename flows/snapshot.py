"""The analysts' snapshot: a read-only copy of the warehouse, republished after every run.

DuckDB allows one process to write a file, and while it writes, no other process may even
read it. Analysts who keep a connection or the `duckdb` shell open for hours would block every
scheduled run. So they open `warehouse.snapshot_path` instead, a copy that nobody writes: it
is made under the warehouse's write lock after a CHECKPOINT (so it is consistent), written to a
temporary name next to it, synced, and renamed over the old one. A connection open on the old
snapshot keeps reading the old file until it reconnects; nobody waits on anyone.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from warehouse.session import WarehouseError, check_free_space, writer


def publish_snapshot(warehouse: Path, snapshot: Path, min_free_bytes: int = 0) -> Path:
    """Copy `warehouse` to `snapshot` atomically; a failure leaves the old snapshot in place."""
    warehouse, snapshot = Path(warehouse), Path(snapshot)
    if not warehouse.exists():
        raise WarehouseError(f"{warehouse}: no warehouse to snapshot yet (run the pipeline)")
    try:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WarehouseError(f"{snapshot.parent}: cannot create snapshot folder: {exc}") from exc
    check_free_space(snapshot, warehouse.stat().st_size + min_free_bytes)
    tmp = snapshot.with_name(f".{snapshot.name}.{os.getpid()}.tmp")
    try:
        with writer(warehouse) as conn:
            conn.execute("CHECKPOINT")  # everything in the main file, nothing left in the WAL
            shutil.copyfile(warehouse, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, snapshot)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WarehouseError(f"{snapshot}: snapshot not published: {exc}") from exc
    return snapshot
