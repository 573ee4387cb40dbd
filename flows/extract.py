"""The extract-load stage: archived PubMed answers and web pages -> documents -> excerpts.

Extraction reads the raw archive, not the harvest's memory, so it can be rerun without asking
anyone again. Batches are extracted as tasks (on Dask workers when configured, flows/runners.py)
while this flow, the only writer, loads finished batches in short write windows. A group (one
PubMed query, one web source) moves its cursor only when all its batches are loaded: a run
killed half way redoes that group, and the idempotent load adds no duplicate rows.

Unchanged documents (same content hash as loaded) skip extraction: that lookup is the cache
that makes a rerun cheap. A Prefect result cache on extraction was left out on purpose: it
would keep excerpts made by older text_processing code after that code changed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from datetime import datetime

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from evidence.config import Settings, TaggingSettings, load_settings
from evidence.records import Document
from flows import progress
from flows.harvest_pubmed import HarvestedQuery
from flows.pubmed_archive import read_archived_batch
from flows.report import RunReport
from flows.runners import in_flight
from flows.stages import ExtractedBatch, extract_batch, load_extracted, lookup_known
from page_extraction.extract import ExtractionError, extract_page, to_document
from spiders.archive import iter_archive, source_dir
from warehouse.runs import get_cursor, set_cursor
from warehouse.session import writer

WEB_BATCH = 200
_TAGGERS: dict[str, object] = {}


def cached_tagger(tagging: TaggingSettings):
    """One tagger per process (and per Dask worker): loading it costs about half a second."""
    from text_processing.tagger import load_tagger

    key = tagging.model_dump_json()
    if key not in _TAGGERS:
        _TAGGERS[key] = load_tagger(tagging)
    return _TAGGERS[key]


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_task(
    documents: list[Document], settings: Settings, known: dict[str, str]
) -> ExtractedBatch:
    """Pure: excerpts of the changed documents of one batch."""
    return extract_batch(documents, settings, cached_tagger(settings.tagging), known)


def _extract_and_load_all(
    batches: Iterable[list[Document]], settings: Settings, run_id: str, report: RunReport, stage
) -> None:
    """Submit batches ahead, load them in order as they finish; bounded by in_flight()."""
    window: deque = deque()

    def load_next() -> None:
        docs, future = window.popleft()
        load_extracted(future.result(), settings, run_id, report)
        progress.current().advance(stage, len(docs))

    for docs in batches:
        if not docs:
            continue
        known = lookup_known(settings, docs)
        window.append((docs, extract_task.submit(docs, settings, known)))
        if len(window) >= in_flight(settings.dask):
            load_next()
    while window:
        load_next()


def _pubmed_batches(query: HarvestedQuery, report: RunReport) -> Iterator[list[Document]]:
    for path in query.files:
        docs = read_archived_batch(path, report)
        report.counts["pubmed_records_fetched"] += len(docs)
        yield docs


def _web_batches(
    settings: Settings, source: str, since: datetime | None, report: RunReport, newest: list
) -> Iterator[list[Document]]:
    """Pages archived after `since`, as documents; `newest[0]` follows the newest fetch time."""
    folder = source_dir(settings.warehouse.archive_dir, source)
    batch: list[Document] = []
    for response in iter_archive(folder, since=since) if folder.exists() else ():
        newest[0] = max(newest[0], response.fetched_at) if newest[0] else response.fetched_at
        try:
            page = extract_page(
                response.body, response.final_url, encoding=response.charset or None, source=source
            )
        except ExtractionError as exc:
            report.skipped["page_extraction_error"] += 1
            report.fail("extract-web", response.final_url, str(exc))
            continue
        if not page.text.strip():
            report.skipped["page_without_text"] += 1
            continue
        batch.append(to_document(page, source))
        report.counts["pages_extracted"] += 1
        if len(batch) >= WEB_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _load_pubmed(settings: Settings, run_id: str, query: HarvestedQuery, report: RunReport):
    batches = _pubmed_batches(query, report)
    _extract_and_load_all(batches, settings, run_id, report, "extract + load")
    with writer(settings.warehouse.path) as conn:
        set_cursor(conn, query.cursor_key, query.started, len(query.files))


def _load_web(settings: Settings, run_id: str, source: str, report: RunReport) -> None:
    cursor_key = f"web-extract:{source}"
    with writer(settings.warehouse.path) as conn:
        since = get_cursor(conn, cursor_key)
    newest: list = [since]
    batches = _web_batches(settings, source, since, report, newest)
    before = report.counts["pages_extracted"]
    _extract_and_load_all(batches, settings, run_id, report, "web extract + load")
    if newest[0] is not None and newest[0] != since:
        with writer(settings.warehouse.path) as conn:
            set_cursor(conn, cursor_key, newest[0], report.counts["pages_extracted"] - before)


@flow(name="extract-load")
def extract_load(
    config_path: str, run_id: str, pubmed: list[HarvestedQuery], web_sources: list[str]
) -> RunReport:
    """Every harvested PubMed query, then every web source's new pages; one group failing
    (a corrupt archive, a dead worker) is reported and the others go on."""
    settings = load_settings(config_path)
    report = RunReport(run_id=run_id)
    groups = [(q.disease, "extract-load-pubmed", _load_pubmed, q) for q in pubmed]
    groups += [(s, "extract-load-web", _load_web, s) for s in web_sources]
    for name, stage, load, arg in groups:
        try:
            load(settings, run_id, arg, report)
        except Exception as exc:  # noqa: BLE001 - one group must not stop the others
            from warehouse.session import WarehouseError

            if isinstance(exc, WarehouseError):
                raise  # the warehouse itself is at fault: every group would fail the same way
            report.fail(stage, name, f"{type(exc).__name__}: {exc}")
            continue
        if stage == "extract-load-pubmed":
            report.counts["sources_ok"] += 1
    return report
