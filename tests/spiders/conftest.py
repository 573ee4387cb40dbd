"""A running fixture web and a config writer for crawl tests (real HTTP, real child crawls)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from evidence.config import Settings, load_settings
from fixture_web.server import FixtureWeb

FAST = {"download_delay": 0, "autothrottle": False, "concurrency_per_domain": 4}


@pytest.fixture
def web() -> Iterator[FixtureWeb]:
    with FixtureWeb(slow_seconds=2.0, crawl_delay=0.6, oversized_bytes=300_000) as running:
        yield running


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return str(value)


@pytest.fixture
def make_config(tmp_path: Path, web: FixtureWeb) -> Callable[..., tuple[Settings, Path]]:
    """Write config.toml with one source; politeness is fast unless the test says otherwise."""

    def make(
        name: str, kind: str, overrides: dict[str, str] | None = None, **fields: object
    ) -> tuple[Settings, Path]:
        politeness = {**FAST, **fields.pop("politeness", {})}
        hosts = web.host_overrides if overrides is None else overrides
        lines = [
            "[warehouse]",
            f'archive_dir = "{tmp_path / "archive"}"',
            "[crawl.host_overrides]",
            *(f'"{h}" = "{t}"' for h, t in hosts.items()),
            "[[diseases]]",
            'name = "Diabetic amyotrophy"',
            "[[sources]]",
            f'name = "{name}"',
            f'kind = "{kind}"',
            *(f"{k} = {_toml_value(v)}" for k, v in fields.items()),
            "[sources.politeness]",
            *(f"{k} = {_toml_value(v)}" for k, v in politeness.items()),
        ]
        path = tmp_path / "config.toml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return load_settings(path), path

    return make
