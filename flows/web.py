"""The web harvest stage: crawl each source in a child process into the raw archive.

A crawl that fails as a whole (source unreachable, crawl process died) is retried with backoff
(flows/retry.py); a retried or rerun crawl resumes from its archive, so pages already fetched
are not fetched again. A source that still fails is reported; the others go on. Each crawl
holds its domains' slots (flows/limits.py) so two runs never crawl one site at once.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from evidence.config import Settings, load_settings
from flows.limits import domain_slots, source_domains
from flows.report import RunReport
from flows.retry import with_network_retries
from spiders.runner import run_crawl
from spiders.source_settings import find_source


class CrawlFailed(Exception):
    """A crawl failed as a whole; carries its partial report (figures of what it did fetch)."""

    def __init__(self, message: str, part: RunReport) -> None:
        super().__init__(message)
        self.part = part


@task(name="crawl", cache_policy=NO_CACHE)
def crawl_source(settings: Settings, source_name: str, config_path: Path) -> RunReport:
    """Crawl one source; its figures go into the run report, a dead source raises CrawlFailed."""
    part = RunReport()
    with domain_slots(settings, source_domains(find_source(settings, source_name))):
        stats = run_crawl(settings, source_name, config_path)
    part.counts["pages_fetched"] += stats.pages
    part.counts["pages_not_modified"] += stats.not_modified
    part.counts["http_requests"] += stats.requests
    part.counts["http_bytes"] += stats.bytes
    part.counts["http_retried"] += stats.retried
    part.counts["responses_archived"] += stats.archived
    for kind, n in stats.errors.items():
        part.counts[f"http_error_{kind}"] += n
    for reason, n in stats.skipped.items():
        part.skipped[reason] += n
    if not stats.ok:
        raise CrawlFailed(stats.error, part)
    return part


@flow(name="harvest-web")
def harvest_web(config_path: str, sources: list[str]) -> tuple[RunReport, list[str]]:
    """Crawl the named sources one after another; returns the report and the sources that ran.

    A failed source is still returned for extraction: whatever it archived before failing is
    worth extracting, and its extraction cursor keeps the rest for the next run.
    """
    settings = load_settings(config_path)
    report = RunReport()
    crawl = with_network_retries(crawl_source, settings)
    for name in sources:
        state = crawl(settings, name, Path(config_path), return_state=True)
        outcome = state.result(raise_on_failure=False)
        if isinstance(outcome, BaseException):
            if isinstance(outcome, CrawlFailed):
                report.merge(outcome.part)
            report.fail("crawl", name, str(outcome))
            continue
        report.merge(outcome)
        report.counts["sources_ok"] += 1
    return report, list(sources)
