"""`urls` sources: a fixed list of pages, nothing followed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import scrapy

from evidence.config import UrlsSource
from spiders.spiders.pages import fetch_url, page_item


class UrlsSpider(scrapy.Spider):
    name = "urls"
    handle_httpstatus_list = [304]  # not-modified pages arrive with their archived body

    def __init__(self, source: UrlsSource, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source = source

    async def start(self) -> AsyncIterator[Any]:
        for raw in self.source.urls:
            url = fetch_url(raw)
            if url is None:
                self.crawler.stats.inc_value("evidence/skipped/bad_url")
                self.logger.warning("source %s: skipping unusable URL %r", self.source.name, raw)
                continue
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response, **kwargs: Any):
        yield page_item(self.source.name, response)
