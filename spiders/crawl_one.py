"""Run one source's crawl in this process and write its CrawlStats as JSON.

    python -m spiders.crawl_one --config config.toml --source NAME --stats-out stats.json

Meant to be a child process (see `runner.py`): Twisted's reactor runs once per process.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scrapy.crawler import CrawlerProcess

from evidence.config import ConfigError, SitemapSource, SiteSource, UrlsSource, load_settings
from spiders.crawl_stats import CrawlStats, summarize
from spiders.source_settings import find_source, scrapy_settings
from spiders.spiders.site import SiteSpider
from spiders.spiders.sitemap import SourceSitemapSpider
from spiders.spiders.urls import UrlsSpider

SPIDERS = {SitemapSource: SourceSitemapSpider, SiteSource: SiteSpider, UrlsSource: UrlsSpider}


def crawl(config: Path, source_name: str) -> CrawlStats:
    settings = load_settings(config)
    source = find_source(settings, source_name)
    process = CrawlerProcess(scrapy_settings(settings, source), install_root_handler=True)
    crawler = process.create_crawler(SPIDERS[type(source)])
    failures: list[str] = []
    deferred = process.crawl(crawler, source=source)
    deferred.addErrback(lambda f: failures.append(f"{f.type.__name__}: {f.getErrorMessage()}"))
    process.start()
    stats = summarize(source_name, crawler.stats.get_stats() if crawler.stats else {})
    if failures:
        stats.ok = False
        stats.error = f"source {source_name!r}: crawl did not run: {failures[0]}"
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--stats-out", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        stats = crawl(args.config, args.source)
    except ConfigError as exc:
        stats = CrawlStats(source=args.source, ok=False, error=str(exc))
    args.stats_out.write_text(stats.to_json(), encoding="utf-8")
    return 0 if stats.ok else 1


if __name__ == "__main__":
    sys.exit(main())
