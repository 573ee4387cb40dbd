"""What a spider yields per page. The archive already holds the response; the item only says
what happened to it, so that the pipeline can count new, unchanged and replayed pages."""

from __future__ import annotations

import scrapy


class PageItem(scrapy.Item):
    source = scrapy.Field()
    url = scrapy.Field()  # as requested, before redirects
    final_url = scrapy.Field()
    status = scrapy.Field()
    content_type = scrapy.Field()
    size = scrapy.Field()
    state = scrapy.Field()  # "new" | "not_modified" | "replayed"
