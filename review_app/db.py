"""The review app's only door to the warehouse.

Everything the app reads or writes goes through `Warehouse.read()` / `Warehouse.write()`, so
the file-sharing scheme with the scheduled pipeline (which also writes) can be changed here
alone. Writes are short explicit transactions, serialized inside the process; with
`hold=False` (the default) the file is opened per unit of work and closed again, so the
pipeline can take it between requests; a request that finds the pipeline writing waits for its
short write window to end (warehouse.session.open_retrying) instead of failing the editor's
click. See docs/operations.md, "Sharing the warehouse".
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.schema import connect
from warehouse.session import open_retrying

WAIT_SECONDS = 60.0  # longest pipeline write window an editor's request waits out


class Warehouse:
    """A warehouse file shared by the app's request threads."""

    def __init__(self, path: Path | str, *, hold: bool = False) -> None:
        self.path = Path(path)
        self.hold = hold
        self._write_lock = threading.Lock()
        self._conn: duckdb.DuckDBPyConnection | None = connect(self.path) if hold else None
        if not hold:
            open_retrying(self.path).close()  # migrate once up front

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._conn is not None:
            cur = self._conn.cursor()  # a cursor per thread: DuckDB connections are not shared
            try:
                yield cur
            finally:
                cur.close()
        else:
            conn = open_retrying(self.path, wait_seconds=WAIT_SECONDS, migrate=False)
            try:
                yield conn
            finally:
                conn.close()

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for queries; no transaction is held open."""
        with self._cursor() as cur:
            yield cur

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One short transaction: committed when the block ends, rolled back if it raises."""
        with self._write_lock, self._cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
