"""Crawl-delay, redirects, unreachable sources, configuration mistakes."""

from __future__ import annotations

import socket

import pytest

from evidence.config import ConfigError
from spiders.archive import iter_archive, iter_records, source_dir, warc_files
from spiders.runner import run_crawl

ATLAS = "muscle-atlas.example"


def test_robots_crawl_delay_is_honoured(web, make_config):
    paths = ["/", "/muscles/quadriceps", "/muscles/iliopsoas", "/disorders/sma-types"]
    settings, path = make_config(
        "atlas",
        "urls",
        urls=[f"http://{ATLAS}{p}" for p in paths],
        politeness={"concurrency_per_domain": 4},
    )
    stats = run_crawl(settings, "atlas", path)
    assert stats.ok and stats.pages == 4
    times = sorted(r.at for r in web.log(host=ATLAS))  # robots.txt first, then the pages
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert len(gaps) == 4
    assert min(gaps) >= web.options.crawl_delay * 0.95


def test_redirect_chain_is_followed_and_final_url_archived(web, make_config):
    start = "http://health-news.example/go/da-case"
    settings, path = make_config("short", "urls", urls=[start])
    stats = run_crawl(settings, "short", path)
    assert stats.ok and stats.pages == 1
    (page,) = iter_archive(settings.warehouse.archive_dir)
    assert page.url == start
    assert page.final_url == "http://health-news.example/articles/diabetic-amyotrophy-case"
    files = warc_files(source_dir(settings.warehouse.archive_dir, "short"))
    hops = [(r.status, r.final_url) for f in files for r in iter_records(f) if r.role == "page"]
    assert [s for s, _ in hops] == [302, 301, 200]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_source_is_reported_not_raised(make_config):
    port = _closed_port()
    settings, path = make_config(
        "gone",
        "urls",
        overrides={"gone.example": f"127.0.0.1:{port}"},
        urls=["http://gone.example/a", "http://gone.example/b"],
        politeness={"retries": 0},
    )
    stats = run_crawl(settings, "gone", path)
    assert not stats.ok
    assert "unreachable" in stats.error and "gone" in stats.error
    assert stats.errors["connection_refused"] >= 1


def test_unknown_source_name_is_a_config_error(make_config):
    settings, path = make_config("real", "urls", urls=["http://neuro-clinic.example/"])
    with pytest.raises(ConfigError, match="'typo'"):
        run_crawl(settings, "typo", path)
