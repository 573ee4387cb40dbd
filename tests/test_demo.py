"""The demo's config file is usable after the demo: it names the demo's warehouse and archive."""

from __future__ import annotations

from pathlib import Path

from evidence.config import load_settings
from evidence.demo import write_demo_config


def test_demo_config_points_at_the_demo_warehouse(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "var" / "demo").mkdir(parents=True)
    path = write_demo_config(43210)
    settings = load_settings(path, env={})  # no EVIDENCE_* variables: the file alone
    assert settings.warehouse.path == Path("var/demo/warehouse.duckdb")
    assert settings.warehouse.archive_dir == Path("var/demo/archive")
    assert set(settings.crawl.host_overrides.values()) == {"127.0.0.1:43210"}
    assert len(settings.sources) == 3
