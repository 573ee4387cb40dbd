"""A world for flow tests: mock E-utilities, the fixture web, configs, child `evidence` runs."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from flows_testkit import BASE, DEMO_RECORDS, REPO  # noqa: E402

from fixture_web.server import FixtureWeb  # noqa: E402
from pubmed.mock_eutils import MockEutils  # noqa: E402


@pytest.fixture
def eutils():
    with MockEutils([DEMO_RECORDS]) as server:
        yield server


@pytest.fixture
def web():
    with FixtureWeb(slow_seconds=0.5, crawl_delay=0.1, oversized_bytes=50_000) as running:
        yield running


@pytest.fixture
def make_config() -> Callable[..., Path]:
    """Write <root>/config.toml; `extra` is appended TOML (sources, [dask], [schedules] ...)."""

    def make(
        root: Path, base_url: str, extra: str = "", batch_size: int = 4, limits: int = 0
    ) -> Path:
        root.mkdir(parents=True, exist_ok=True)
        text = BASE.format(
            root=root,
            base_url=base_url,
            batch_size=batch_size,
            domain_concurrency=limits,
            cache=REPO / "var" / "cache",
        )
        path = root / "config.toml"
        path.write_text(text + extra, encoding="utf-8")
        return path

    return make


@pytest.fixture
def child_env(prefect_harness) -> dict[str, str]:
    """Environment for `evidence` child processes: the test harness's Prefect API."""
    from prefect.settings import PREFECT_API_URL

    return {
        **os.environ,
        "PREFECT_API_URL": str(PREFECT_API_URL.value()),
        "PYTHONPATH": str(REPO),
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
