"""Run a crawl from a Prefect task (or anywhere): a child process per crawl, stats back as JSON.

Twisted's reactor cannot be restarted inside one process, and a crawl that hangs or crashes
must not take the caller with it. A crawl that fails as a whole comes back as
`CrawlStats(ok=False, error=...)`; it never raises past the caller's other sources.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from evidence.config import Settings
from spiders.crawl_stats import CrawlStats
from spiders.source_settings import find_source

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def crawl_command(config_path: Path | str, source_name: str, stats_out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "spiders.crawl_one",
        "--config",
        str(config_path),
        "--source",
        source_name,
        "--stats-out",
        str(stats_out),
    ]


def run_crawl(
    settings: Settings,
    source_name: str,
    config_path: Path | str,
    timeout_seconds: float | None = None,
) -> CrawlStats:
    """Crawl one configured source in a child process and return its stats.

    `settings` is the already validated config (an unknown source name raises ConfigError
    here, before any process starts); the child reads the same file at `config_path`.
    """
    find_source(settings, source_name)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    with tempfile.TemporaryDirectory(prefix="crawl-") as tmp:
        stats_out = Path(tmp) / "stats.json"
        try:
            done = subprocess.run(
                crawl_command(config_path, source_name, stats_out),
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout_seconds,
            )
        except subprocess.TimeoutExpired:
            return CrawlStats(
                source=source_name,
                ok=False,
                error=f"source {source_name!r}: crawl exceeded {timeout_seconds} s and was stopped",
            )
        if stats_out.exists():
            return CrawlStats.from_json(stats_out.read_text(encoding="utf-8"))
        tail = (done.stderr or "").strip()[-2000:]
        return CrawlStats(
            source=source_name,
            ok=False,
            error=f"source {source_name!r}: crawl process exited {done.returncode}: {tail}",
        )
