"""`sitemap` sources: sitemaps and sitemap indexes, entries filtered by allow/deny patterns."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from typing import Any

import scrapy
from scrapy.spiders import SitemapSpider

from evidence.config import SitemapSource
from spiders.archive import ROLE_SITEMAP
from spiders.middlewares import ROLE_META
from spiders.spiders.pages import fetch_url, page_item


class SourceSitemapSpider(SitemapSpider):
    name = "sitemap"
    handle_httpstatus_list = [304]

    def __init__(self, source: SitemapSource, **kwargs: Any) -> None:
        self.source = source
        self.sitemap_urls = list(source.sitemap_urls)
        self.sitemap_rules = [(pattern, "parse") for pattern in (source.allow or [""])]
        self.sitemap_follow = [""]  # every sub-sitemap of an index
        self._deny = [re.compile(p) for p in source.deny]
        super().__init__(**kwargs)

    async def start(self) -> AsyncIterator[Any]:
        async for request in super().start():
            request.meta[ROLE_META] = ROLE_SITEMAP
            yield request

    def _parse_sitemap(self, response) -> Iterable[scrapy.Request]:
        """Scrapy's parser, with sub-sitemap requests marked so the archive files them apart."""
        for request in super()._parse_sitemap(response):
            if request.callback == self._parse_sitemap:
                request.meta[ROLE_META] = ROLE_SITEMAP
            yield request

    def sitemap_filter(self, entries: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
        for entry in entries:
            loc = entry.get("loc", "")
            if any(p.search(loc) for p in self._deny):
                self.crawler.stats.inc_value("evidence/skipped/denied")
                continue
            url = fetch_url(loc)
            if url is None:
                self.crawler.stats.inc_value("evidence/skipped/bad_url")
                continue
            yield {**entry, "loc": url}

    def parse(self, response, **kwargs: Any):
        yield page_item(self.source.name, response)
