"""The `pipeline` flow: harvest, extract, deduplicate and load, with a report for every run.

Raw first: PubMed answers are archived as fetched before they are parsed, and nothing of a query
is loaded unless its whole harvest succeeded, so a failed query leaves no half-loaded records
and its cursor does not move. A failing source is reported and the others go on. Tasks return
partial reports that the flow merges, so counts survive whatever runner executes the task.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from evidence.config import Disease, Settings, load_settings
from flows import progress
from flows.pubmed_archive import archive_batches, read_archived_batch
from flows.report import RunReport, render_markdown
from flows.stages import extract_and_load
from pubmed.entrez_client import HarvestError, incremental_mindate, search
from pubmed.importer import ImportStats, iter_files
from pubmed.parser import Deletion, PubMedXMLError
from text_processing.tagger import load_tagger
from warehouse.load import mark_deleted, sync_reference_data, utcnow
from warehouse.runs import finish_run, get_cursor, set_cursor, start_run
from warehouse.session import writer

IMPORT_BATCH = 500


def _prefect_run_id() -> str:
    from prefect.runtime import flow_run

    return str(flow_run.id or "")


def _begin(settings: Settings, flow_name: str) -> RunReport:
    report = RunReport(flow=flow_name, warehouse=str(settings.warehouse.path))
    report.prefect_flow_run_id = _prefect_run_id()
    wh = settings.warehouse
    with writer(wh.path, min_free_bytes=wh.min_free_bytes) as conn:
        report.run_id = start_run(conn, flow_name, report.prefect_flow_run_id)
        sources = {"pubmed": "pubmed", **{s.name: s.kind for s in settings.sources}}
        sync_reference_data(conn, settings.diseases, {}, sources)
    return report


def _end(settings: Settings, report: RunReport) -> RunReport:
    report.finish()
    with writer(settings.warehouse.path) as conn:
        finish_run(conn, report.run_id, report.status, report.as_counts(), report.failures)
    create_markdown_artifact(
        key=f"{report.flow}-report", markdown=render_markdown(report), description="Run report"
    )
    return report


@task(name="harvest-pubmed", cache_policy=NO_CACHE)
def harvest_pubmed(settings: Settings, disease: Disease) -> tuple[list[Path] | None, RunReport]:
    """esearch + efetch of one disease's query into the raw archive; None when it failed."""
    part = RunReport()
    query = disease.query()
    with writer(settings.warehouse.path) as conn:
        last = get_cursor(conn, f"pubmed:{query}")
    mindate = incremental_mindate(last.date() if last else None, settings.pubmed)
    stage = f"PubMed {disease.name[:14]}"
    try:
        found = search(settings.pubmed, query, mindate=mindate or None)
        wanted = min(found.count, settings.pubmed.max_records)
        part.counts["pubmed_records_found"] += wanted
        progress.current().total(stage, wanted)
        files = archive_batches(settings, found, disease.name, stage)
    except HarvestError as exc:
        part.fail("harvest-pubmed", disease.name, str(exc))
        return None, part
    part.counts["pubmed_batches_archived"] += len(files)
    return files, part


@task(name="extract-load-pubmed", cache_policy=NO_CACHE)
def extract_load_pubmed(settings: Settings, run_id: str, files: list[Path], tagger) -> RunReport:
    """Parse the archived answers, extract excerpts and load them, one batch per file."""
    part = RunReport(run_id=run_id)
    for path in files:
        docs = read_archived_batch(path, part)
        part.counts["pubmed_records_fetched"] += len(docs)
        extract_and_load(docs, settings, tagger, run_id, part)
        progress.current().advance("extract + load", len(docs))
    return part


@task(name="deduplicate", cache_policy=NO_CACHE)
def deduplicate(settings: Settings) -> RunReport:
    """Cluster near-duplicate excerpts and fold syndicated documents, over everything loaded."""
    from warehouse.clusters import assign_clusters, mark_duplicate_documents

    part = RunReport()
    with writer(settings.warehouse.path) as conn:
        counts = assign_clusters(conn, settings.dedup)
        dupes = mark_duplicate_documents(conn)
    for key, value in vars(counts).items():
        if isinstance(value, int):
            part.counts[f"dedup_{key}"] += value
    part.counts["documents_marked_duplicate"] += int(dupes or 0)
    return part


@flow(name="pipeline")
def pipeline(config_path: str = "config.toml", only: list[str] | None = None) -> RunReport:
    """Harvest every configured PubMed query and web source, extract, load, deduplicate."""
    settings = load_settings(config_path)
    stages = set(only or ["pubmed", "web"])
    report = _begin(settings, "pipeline")
    tagger = load_tagger(settings.tagging)
    if "pubmed" in stages:
        for disease in settings.diseases:
            started = utcnow()
            files, part = harvest_pubmed(settings, disease)
            report.merge(part)
            if files is None:
                continue
            report.merge(extract_load_pubmed(settings, report.run_id, files, tagger))
            report.counts["sources_ok"] += 1
            with writer(settings.warehouse.path) as conn:
                set_cursor(conn, f"pubmed:{disease.query()}", started, len(files))
    if "web" in stages and settings.sources:
        from flows.web import harvest_web

        report.merge(harvest_web(settings, Path(config_path), report.run_id, tagger))
    report.merge(deduplicate(settings))
    return _end(settings, report)


@flow(name="import-pubmed")
def import_pubmed(config_path: str, paths: list[str]) -> RunReport:
    """Load PubMed XML files (efetch output, baseline or update files) through the same path."""
    settings = load_settings(config_path)
    report = _begin(settings, "import-pubmed")
    tagger = load_tagger(settings.tagging)
    stats = ImportStats()
    batch: list = []
    deleted: list[str] = []

    def flush() -> None:
        extract_and_load(batch, settings, tagger, report.run_id, report)
        progress.current().advance("import", len(batch))
        batch.clear()

    try:
        for item in iter_files(paths, stats=stats, keep_going=True):
            if isinstance(item, Deletion):
                deleted.extend(item.pmids)
                continue
            batch.append(item)
            if len(batch) >= IMPORT_BATCH:
                flush()
    except (FileNotFoundError, PubMedXMLError) as exc:
        report.fail("import", "files", str(exc))
    if batch:
        flush()
    for f in stats.files:
        report.counts["pubmed_records_fetched"] += f.documents
        for problem in f.problems:
            report.skipped["malformed_pubmed_record"] += 1
            report.fail("parse-pubmed", f"{f.path}: {problem.pmid_or_position}", problem.message)
        if f.error:
            report.fail("import", f.path, f.error)
    if deleted:
        with writer(settings.warehouse.path) as conn:
            report.counts["documents_deleted"] += mark_deleted(conn, deleted)
    report.merge(deduplicate(settings))
    return _end(settings, report)


def run_pipeline(settings: Settings, config_path: Path, only: list[str] | None = None) -> RunReport:
    """Entry point for the CLI: `settings` was validated there; the flow reloads the file."""
    del settings
    return pipeline(config_path=str(config_path), only=only)


def run_import(settings: Settings, paths: list[Path], config_path: Path) -> RunReport:
    del settings
    return import_pubmed(config_path=str(config_path), paths=[str(p) for p in paths])
