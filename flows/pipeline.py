"""The `pipeline` flow: harvest, extract, deduplicate and load, with a report for every run.

Each stage is a subflow of its own (harvest-pubmed, harvest-web, extract-load, deduplicate,
publish), so the Prefect UI shows where a run spent its time or failed, and a stage can be
rerun alone.

Raw first: PubMed answers are archived as fetched before they are parsed, and nothing of a query
is loaded unless its whole harvest succeeded, so a failed query leaves no half-loaded records
and its cursor does not move. A failing source is reported and the others go on. Tasks return
partial reports that the flow merges, so counts survive whatever runner executes the task.
"""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb
from prefect import flow
from prefect.artifacts import create_markdown_artifact

from evidence.config import ConfigError, Settings, load_settings
from flows import progress
from flows.extract import cached_tagger, extract_load
from flows.harvest_pubmed import harvest_pubmed
from flows.limits import ensure_limits
from flows.report import RunReport, render_markdown
from flows.runners import task_runner_for
from flows.snapshot import publish_snapshot
from flows.stages import extract_and_load
from flows.stale_runs import close_dead_runs
from flows.web import harvest_web
from flows.zombies import ensure_zombie_automation, heartbeats
from pubmed.importer import ImportStats, iter_files
from pubmed.parser import Deletion, PubMedXMLError
from warehouse.load import mark_deleted, sync_reference_data
from warehouse.runs import finish_run, start_run
from warehouse.session import WarehouseError, writer

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
    try:
        crashed = close_dead_runs(wh.path)
        if crashed:
            report.counts["earlier_runs_marked_crashed"] += crashed
    except WarehouseError:
        raise
    except Exception as exc:  # noqa: BLE001 - bookkeeping of old runs must not stop this one
        logging.getLogger(__name__).warning("could not check earlier runs: %s", exc)
    return report


def _end(settings: Settings, report: RunReport) -> RunReport:
    report.finish()
    with writer(settings.warehouse.path) as conn:
        finish_run(conn, report.run_id, report.status, report.as_counts(), report.failures)
    create_markdown_artifact(
        key=f"{report.flow}-report", markdown=render_markdown(report), description="Run report"
    )
    return report


@flow(name="deduplicate")
def deduplicate(config_path: str) -> RunReport:
    """Cluster near-duplicate excerpts and fold syndicated documents, over everything loaded."""
    from warehouse.clusters import assign_clusters, mark_duplicate_documents

    settings = load_settings(config_path)
    part = RunReport()
    with writer(settings.warehouse.path) as conn:
        counts = assign_clusters(conn, settings.dedup)
        dupes = mark_duplicate_documents(conn)
    for key, value in vars(counts).items():
        if isinstance(value, int):
            part.counts[f"dedup_{key}"] += value
    part.counts["documents_marked_duplicate"] += int(dupes or 0)
    return part


def index_excerpts(settings: Settings) -> RunReport:
    """Rebuild the BM25 index over excerpts so the snapshot's `search_excerpts` is current."""
    from warehouse.fts import build_excerpt_index

    part = RunReport()
    try:
        with writer(settings.warehouse.path) as conn:
            part.counts["excerpts_indexed"] += build_excerpt_index(conn)
    except (WarehouseError, duckdb.Error) as exc:
        part.fail("index", str(settings.warehouse.path), str(exc))
    return part


@flow(name="publish")
def publish(config_path: str) -> RunReport:
    """Publish the analysts' read-only snapshot (flows/snapshot.py); a failure is reported."""
    settings = load_settings(config_path)
    part = RunReport()
    wh = settings.warehouse
    try:
        publish_snapshot(wh.path, wh.snapshot, wh.min_free_bytes)
        part.counts["snapshot_published"] += 1
    except WarehouseError as exc:
        part.fail("publish", str(wh.snapshot), str(exc))
    return part


@flow(name="pipeline")
def pipeline(
    config_path: str = "config.toml",
    only: list[str] | None = None,
    sources: list[str] | None = None,
) -> RunReport:
    """Harvest PubMed and the web sources, extract and load, deduplicate, publish.

    `only` limits the stages (pubmed, web), `sources` the web sources (per-source schedules).
    """
    settings = load_settings(config_path)
    stages = set(only or ["pubmed", "web"])
    unknown = sorted(set(sources or []) - {s.name for s in settings.sources})
    if unknown:
        raise ConfigError(f"{config_path}: no configured source named {', '.join(unknown)}")
    report = _begin(settings, "pipeline")
    ensure_limits(settings)
    harvested = []
    if "pubmed" in stages:
        part, harvested = harvest_pubmed(config_path)
        report.merge(part)
    web_sources: list[str] = []
    if "web" in stages and settings.sources:
        names = [s.name for s in settings.sources if not sources or s.name in sources]
        part, web_sources = harvest_web(config_path, names)
        report.merge(part)
    extract = extract_load.with_options(task_runner=task_runner_for(settings.dask))
    report.merge(extract(config_path, report.run_id, harvested, web_sources))
    report.merge(deduplicate(config_path))
    report.merge(index_excerpts(settings))
    # The run's status is recorded before the snapshot is copied, so analysts see it finished;
    # recorded again afterwards with the snapshot's own outcome.
    _end(settings, report)
    report.merge(publish(config_path))
    return _end(settings, report)


@flow(name="import-pubmed")
def import_pubmed(config_path: str, paths: list[str]) -> RunReport:
    """Load PubMed XML files (efetch output, baseline or update files) through the same path."""
    settings = load_settings(config_path)
    report = _begin(settings, "import-pubmed")
    tagger = cached_tagger(settings.tagging)
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
    report.merge(deduplicate(config_path))
    return _end(settings, report)


def prepare_prefect(settings: Settings) -> None:
    """Zombie detection on the Prefect server; best effort, a run does not depend on it."""
    try:
        ensure_zombie_automation(settings)
    except Exception as exc:  # noqa: BLE001 - an old server without automations still runs flows
        logging.getLogger(__name__).warning("zombie-detection automation not set: %s", exc)


def _warehouse_failure(settings: Settings, flow_name: str, exc: WarehouseError) -> RunReport:
    """The run could not write the warehouse at all: a report saying so (no runs row possible)."""
    report = RunReport(flow=flow_name, warehouse=str(settings.warehouse.path), status="failed")
    report.fail("warehouse", str(settings.warehouse.path), str(exc))
    return report


def run_pipeline(
    settings: Settings,
    config_path: Path,
    only: list[str] | None = None,
    sources: list[str] | None = None,
) -> RunReport:
    """Entry point for the CLI: `settings` was validated there; the flow reloads the file.

    Heartbeats are on so that a run killed with SIGKILL is marked Crashed (flows/zombies.py).
    An unwritable warehouse or a full disk comes back as a failed report naming the cause.
    """
    prepare_prefect(settings)
    try:
        with heartbeats(settings):
            return pipeline(config_path=str(config_path), only=only, sources=sources)
    except WarehouseError as exc:
        return _warehouse_failure(settings, "pipeline", exc)


def run_import(settings: Settings, paths: list[Path], config_path: Path) -> RunReport:
    try:
        with heartbeats(settings):
            return import_pubmed(config_path=str(config_path), paths=[str(p) for p in paths])
    except WarehouseError as exc:
        return _warehouse_failure(settings, "import-pubmed", exc)
