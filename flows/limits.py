"""Per-domain concurrency that holds across runs: Prefect global concurrency limits.

Scrapy's politeness settings only pace one crawl. Two runs at once (a scheduled run and a
manual `evidence run`, or two per-source deployments sharing a host) would each crawl the same
domain at full speed. Every crawl and PubMed harvest therefore takes one slot of a limit named
`domain:<host>` on the Prefect server for each host it touches. Slots are leases: a run killed
with SIGKILL stops renewing, and the server frees its slots after `flows.lease_seconds`, so the
next run proceeds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from evidence.config import Settings, SitemapSource, SiteSource, UrlsSource

PREFIX = "domain:"


def source_domains(source: SitemapSource | SiteSource | UrlsSource) -> list[str]:
    """The hosts a web source sends requests to (its seed URLs and allowed domains)."""
    if isinstance(source, SitemapSource):
        urls = source.sitemap_urls
    elif isinstance(source, SiteSource):
        urls = [*source.start_urls, *(f"http://{d}/" for d in source.allowed_domains)]
    else:
        urls = source.urls
    return sorted({(urlsplit(u).hostname or "").lower() for u in urls} - {""})


def pubmed_domain(settings: Settings) -> str:
    return (urlsplit(settings.pubmed.base_url).hostname or "").lower()


def all_domains(settings: Settings) -> list[str]:
    hosts = {pubmed_domain(settings)}
    for source in settings.sources:
        hosts.update(source_domains(source))
    return sorted(hosts - {""})


def limit_names(domains: Iterable[str]) -> list[str]:
    return [f"{PREFIX}{d}" for d in sorted(set(domains))]


def ensure_limits(settings: Settings) -> list[str]:
    """Create (or resize) the `domain:<host>` limits on the Prefect server; returns their names."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitUpdate

    limit = settings.flows.domain_concurrency
    if limit == 0:
        return []
    names = limit_names(all_domains(settings))
    with get_client(sync_client=True) as client:
        for name in names:
            client.upsert_global_concurrency_limit_by_name(name, limit)
            current = client.read_global_concurrency_limit_by_name(name)
            if current.limit != limit:
                update = GlobalConcurrencyLimitUpdate(limit=limit)
                client.update_global_concurrency_limit(name, update)
    return names


@contextmanager
def domain_slots(settings: Settings, domains: Iterable[str]) -> Iterator[None]:
    """Hold one slot per domain for the block; waits while another run holds them."""
    from prefect.concurrency.sync import concurrency

    names = limit_names(domains) if settings.flows.domain_concurrency else []
    if not names:
        yield
        return
    with concurrency(names, occupy=1, lease_duration=settings.flows.lease_seconds, strict=False):
        yield
