"""Crawl throughput on the fixture web: Scrapy (throttling off, delay 0) vs sequential urllib.

Both fetch the same accepted HTML pages through the fixture web's proxy in the same run. The
crawl figure counts only pages fetched and archived (WARC written); the child process start-up
is reported apart. Prints one JSON line.

    .venv/bin/python bench/bench_crawl.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evidence.config import load_settings  # noqa: E402
from fixture_web.server import FixtureWeb  # noqa: E402
from fixture_web.site import OVERSIZED, ROBOTS_DISALLOW, html_pages  # noqa: E402
from spiders.runner import run_crawl  # noqa: E402

SKIP = {OVERSIZED[1], "/flaky/once"}  # too big by design; fails its first request


def bench_urls() -> list[str]:
    urls = []
    for url in sorted(html_pages()):
        parts = urlsplit(url)
        if parts.path.startswith(ROBOTS_DISALLOW[parts.hostname]) or parts.path in SKIP:
            continue
        urls.append(url)
    return urls


def baseline(web: FixtureWeb, urls: list[str]) -> float:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": web.proxy_url}))
    start = time.perf_counter()
    for url in urls:
        with opener.open(url, timeout=10) as response:
            response.read()
    return time.perf_counter() - start


def main() -> None:
    with FixtureWeb(slow_seconds=0.0, crawl_delay=0.0) as web, tempfile.TemporaryDirectory() as tmp:
        urls = bench_urls()
        overrides = "\n".join(f'"{h}" = "{t}"' for h, t in web.host_overrides.items())
        config = Path(tmp) / "config.toml"
        url_list = ", ".join(f'"{u}"' for u in urls)
        config.write_text(
            f'[warehouse]\narchive_dir = "{tmp}/archive"\n[crawl.host_overrides]\n{overrides}\n'
            '[[diseases]]\nname = "Diabetic amyotrophy"\n'
            f'[[sources]]\nname = "bench"\nkind = "urls"\nurls = [{url_list}]\n'
            "[sources.politeness]\ndownload_delay = 0\nautothrottle = false\n"
            "concurrency_per_domain = 8\n",
            encoding="utf-8",
        )
        settings = load_settings(config)
        base_seconds = min(baseline(web, urls) for _ in range(3))
        wall = time.perf_counter()
        stats = run_crawl(settings, "bench", config)
        wall = time.perf_counter() - wall
    assert stats.ok and stats.pages == len(urls), stats
    print(
        json.dumps(
            {
                "bench": "crawl",
                "pages": stats.pages,
                "crawl_pages_per_s": round(stats.pages / stats.elapsed_seconds, 1),
                "crawl_seconds": stats.elapsed_seconds,
                "crawl_wall_seconds_incl_process_start": round(wall, 2),
                "baseline": "sequential urllib via the same proxy, best of 3",
                "baseline_pages_per_s": round(len(urls) / base_seconds, 1),
                "baseline_seconds": round(base_seconds, 3),
                "ratio_crawl_vs_baseline": round(base_seconds / stats.elapsed_seconds, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
