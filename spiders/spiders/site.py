"""`site` sources: follow links from start URLs within allowed domains, depth and page limits."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule

from evidence.config import SiteSource
from spiders.spiders.pages import fetch_url, page_item


class SiteSpider(CrawlSpider):
    name = "site"
    handle_httpstatus_list = [304]

    def __init__(self, source: SiteSource, **kwargs: Any) -> None:
        self.source = source
        self.allowed_domains = list(source.allowed_domains) or sorted(
            {urlsplit(u).hostname or "" for u in source.start_urls} - {""}
        )
        self.page_limit = source.page_limit
        self.requested: set[str] = set()
        links = LinkExtractor(
            allow=source.allow,
            deny=source.deny,
            process_value=fetch_url,
        )
        self.rules = (Rule(links, callback="parse_page", follow=True, process_request="limit"),)
        super().__init__(**kwargs)

    async def start(self) -> AsyncIterator[Any]:
        for raw in self.source.start_urls:
            url = fetch_url(raw)
            if url is None:
                self.crawler.stats.inc_value("evidence/skipped/bad_url")
                continue
            request = self.limit(scrapy.Request(url), None)
            if request is not None:
                yield request

    def limit(self, request: scrapy.Request, response) -> scrapy.Request | None:
        """Keep to allowed domains (counted), and stop at the source's page limit."""
        host = urlsplit(request.url).hostname or ""
        if not any(host == d or host.endswith("." + d) for d in self.allowed_domains):
            self.crawler.stats.inc_value("evidence/skipped/offsite")
            return None
        if request.url in self.requested:
            return request  # a repeat: Scrapy's duplicate filter drops it, no page used up
        if len(self.requested) >= self.page_limit:
            self.crawler.stats.inc_value("evidence/skipped/page_limit")
            return None
        self.requested.add(request.url)
        return request

    def parse_start_url(self, response, **kwargs: Any):
        return self.parse_page(response)

    def parse_page(self, response, **kwargs: Any):
        yield page_item(self.source.name, response)
