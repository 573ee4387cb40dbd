"""Short write windows on the shared warehouse file.

DuckDB lets one process write a database file at a time, and a writer also keeps readers in
other processes out. So writers here open the file only for one batch and close it at once;
a writer that finds the file locked (an editor's decision being saved, an analyst's snapshot
being taken) waits and retries instead of failing the run.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.schema import connect


class WarehouseError(RuntimeError):
    """The warehouse cannot be written safely; the message says why and where."""


def check_free_space(path: Path, min_free_bytes: int) -> None:
    """Refuse to start a write on a nearly full disk: DuckDB has corrupted files on ENOSPC."""
    folder = path.parent if path.parent.exists() else Path(".")
    free = shutil.disk_usage(folder).free
    if free < min_free_bytes:
        raise WarehouseError(
            f"{path}: only {free // 1_000_000} MB free on its disk, below the "
            f"{min_free_bytes // 1_000_000} MB set in warehouse.min_free_bytes; nothing written"
        )


def _is_lock_conflict(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("conflicting" in text or "could not set" in text)


def open_retrying(
    path: Path | str, *, wait_seconds: float = 120.0, migrate: bool = True
) -> duckdb.DuckDBPyConnection:
    """Open the file read-write, waiting while another process holds it (backoff to 1 s)."""
    path = Path(path)
    deadline = time.monotonic() + wait_seconds
    delay = 0.05
    while True:
        try:
            return connect(path) if migrate else duckdb.connect(str(path))
        except duckdb.IOException as exc:
            if not _is_lock_conflict(exc) or time.monotonic() > deadline:
                raise WarehouseError(f"{path}: cannot open for writing: {exc}") from exc
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
        except (PermissionError, NotADirectoryError, FileExistsError) as exc:
            raise WarehouseError(f"{path}: not writable: {exc}") from exc


@contextmanager
def writer(
    path: Path | str,
    *,
    min_free_bytes: int = 0,
    wait_seconds: float = 120.0,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A migrated read-write connection, held only for the `with` block."""
    path = Path(path)
    if min_free_bytes:
        check_free_space(path, min_free_bytes)
    conn = open_retrying(path, wait_seconds=wait_seconds)
    try:
        yield conn
        conn.execute("CHECKPOINT")
    finally:
        conn.close()
