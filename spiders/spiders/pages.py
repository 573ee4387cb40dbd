"""What every spider does with a page: canonical URLs out, one PageItem per response in."""

from __future__ import annotations

from scrapy.http import Response

from page_extraction.urls import canonicalize_url
from spiders.items import PageItem
from spiders.middlewares import FLAG_NOT_MODIFIED, FLAG_REPLAYED


def fetch_url(url: str) -> str | None:
    """The URL to request: canonical (no fragment, no tracking parameters), or None if unusable.

    Canonicalizing before the request lets Scrapy's duplicate filter see that
    ``/page?utm_source=x`` and ``/page#top`` are one page, fetched once.
    """
    try:
        return canonicalize_url(url)
    except ValueError:
        return None


def page_item(source: str, response: Response) -> PageItem:
    if FLAG_REPLAYED in response.flags:
        state = "replayed"
    elif FLAG_NOT_MODIFIED in response.flags:
        state = "not_modified"
    else:
        state = "new"
    requested = (response.meta.get("redirect_urls") or [response.request.url])[0]
    return PageItem(
        source=source,
        url=requested,
        final_url=response.url,
        status=response.status,
        content_type=response.headers.get(b"Content-Type", b"").decode("latin-1"),
        size=len(response.body),
        state=state,
    )
