"""Item pipelines. The archive already holds every page; the pipeline only keeps the count of
what a crawl found new, unchanged (304) or replayed from a killed run, for the run record."""

from __future__ import annotations

from scrapy.crawler import Crawler

from spiders.items import PageItem


class PageCountPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PageCountPipeline:
        return cls(crawler)

    def process_item(self, item: PageItem) -> PageItem:
        self.stats.inc_value(f"evidence/pages/{item['state']}")
        if item["state"] == "new":
            self.stats.inc_value("evidence/page_bytes", item["size"])
        return item
