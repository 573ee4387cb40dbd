"""The web half of the pipeline: crawl each source (child process), then extract and load.

Extraction reads the raw archive, not the crawl's memory: only responses fetched after the
source's extraction cursor are parsed, so a recrawl answered with 304s costs no extraction
work, and extraction can be rerun from the archive by resetting the cursor.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from evidence.config import Settings
from evidence.records import Document
from flows import progress
from flows.report import RunReport
from flows.stages import extract_and_load
from page_extraction.extract import ExtractionError, extract_page, to_document
from spiders.archive import iter_archive, source_dir
from spiders.runner import run_crawl
from warehouse.runs import get_cursor, set_cursor
from warehouse.session import writer

WEB_BATCH = 200


@task(name="crawl", cache_policy=NO_CACHE)
def crawl_source(settings: Settings, source_name: str, config_path: Path) -> RunReport:
    """Crawl one source; its figures go into the run report, a dead source into failures."""
    part = RunReport()
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
        part.fail("crawl", source_name, stats.error)
    return part


@task(name="extract-load-web", cache_policy=NO_CACHE)
def extract_load_web(settings: Settings, source_name: str, run_id: str, tagger) -> RunReport:
    """Pages archived since the last extraction of this source -> documents -> excerpts."""
    part = RunReport(run_id=run_id)
    cursor_key = f"web-extract:{source_name}"
    with writer(settings.warehouse.path) as conn:
        since = get_cursor(conn, cursor_key)
    newest: datetime | None = since
    batch: list[Document] = []
    folder = source_dir(settings.warehouse.archive_dir, source_name)
    responses = iter_archive(folder, since=since) if folder.exists() else iter(())
    for response in responses:
        newest = max(newest, response.fetched_at) if newest else response.fetched_at
        try:
            page = extract_page(
                response.body,
                response.final_url,
                encoding=response.charset or None,
                source=source_name,
            )
            if not page.text.strip():
                part.skipped["page_without_text"] += 1
                continue
            batch.append(to_document(page, source_name))
        except ExtractionError as exc:
            part.skipped["page_extraction_error"] += 1
            part.fail("extract-web", response.final_url, str(exc))
            continue
        part.counts["pages_extracted"] += 1
        if len(batch) >= WEB_BATCH:
            extract_and_load(batch, settings, tagger, run_id, part)
            progress.current().advance("web extract + load", len(batch))
            batch = []
    if batch:
        extract_and_load(batch, settings, tagger, run_id, part)
        progress.current().advance("web extract + load", len(batch))
    if newest is not None and newest != since:
        with writer(settings.warehouse.path) as conn:
            set_cursor(conn, cursor_key, newest, part.counts["pages_extracted"])
    return part


def harvest_web(settings: Settings, config_path: Path, run_id: str, tagger) -> RunReport:
    """Every configured web source, one after another; a failing source does not stop the rest."""
    report = RunReport(run_id=run_id)
    for source in settings.sources:
        crawled = crawl_source(settings, source.name, config_path)
        report.merge(crawled)
        report.merge(extract_load_web(settings, source.name, run_id, tagger))
        if not crawled.failures:
            report.counts["sources_ok"] += 1
    return report
