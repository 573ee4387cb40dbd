"""Which Prefect API `evidence serve` talks to, and starting a local one when there is none.

Schedules need a Prefect server with its scheduler running. Prefect's ephemeral mode (an API
started inside the process when PREFECT_API_URL is unset) runs flows but never schedules them,
so `evidence serve` either uses PREFECT_API_URL (an existing server: `prefect server start`
elsewhere, or Prefect Cloud) or starts `prefect server start` itself as a child process on
loopback and stops it on exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path


class PrefectApiError(RuntimeError):
    """No Prefect API to serve against; the message says what to do."""


def configured_api_url() -> str:
    from prefect.settings import get_current_settings

    return str(get_current_settings().api.url or "")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/health", timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


@contextmanager
def local_server(port: int, log_path: Path, wait_seconds: float = 120.0):
    """`prefect server start` on 127.0.0.1:`port` for the block; yields its API URL."""
    url = f"http://127.0.0.1:{port}/api"
    if _healthy(url):
        yield url  # a server already listens there (started by hand): use it
        return
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        child = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
             "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"},
        )  # fmt: skip
    try:
        deadline = time.monotonic() + wait_seconds
        while not _healthy(url):
            if child.poll() is not None:
                raise PrefectApiError(
                    f"prefect server start exited {child.returncode}; see {log_path}"
                )
            if time.monotonic() > deadline:
                raise PrefectApiError(
                    f"Prefect server not up after {wait_seconds:.0f} s; see {log_path}"
                )
            time.sleep(0.5)
        yield url
    finally:
        child.terminate()
        try:
            child.wait(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()
