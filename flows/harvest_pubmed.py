"""The PubMed harvest stage: every configured disease's query, archived raw, nothing loaded.

One task per query, retried with backoff (flows/retry.py) when the whole query failed after
the Entrez client's own request retries. A query that still fails is reported and its cursor
stays put; the other queries go on. The archived files are handed to the extract-load stage,
which moves the query's cursor only once they are all loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from evidence.config import Disease, Settings, load_settings
from flows import progress
from flows.limits import domain_slots, pubmed_domain
from flows.pubmed_archive import archive_batches
from flows.report import RunReport
from flows.retry import with_network_retries
from pubmed.entrez_client import HarvestError, incremental_mindate, search
from warehouse.load import utcnow
from warehouse.runs import get_cursor
from warehouse.session import writer


@dataclass
class HarvestedQuery:
    """One query's archived answers, waiting for extract-load to move its cursor."""

    disease: str
    cursor_key: str
    started: datetime
    files: list[Path]


class QueryFailed(Exception):
    """A query's harvest failed as a whole; carries the partial report."""

    def __init__(self, message: str, part: RunReport) -> None:
        super().__init__(message)
        self.part = part


@task(name="harvest-pubmed-query", cache_policy=NO_CACHE)
def harvest_query(settings: Settings, disease: Disease) -> tuple[HarvestedQuery, RunReport]:
    """esearch + efetch of one disease's query into the raw archive."""
    part = RunReport()
    query = disease.query()
    cursor_key = f"pubmed:{query}"
    with writer(settings.warehouse.path) as conn:
        last = get_cursor(conn, cursor_key)
    mindate = incremental_mindate(last.date() if last else None, settings.pubmed)
    stage = f"PubMed {disease.name[:14]}"
    started = utcnow()
    with domain_slots(settings, [pubmed_domain(settings)]):
        try:
            found = search(settings.pubmed, query, mindate=mindate or None)
            wanted = min(found.count, settings.pubmed.max_records)
            progress.current().total(stage, wanted)
            files = archive_batches(settings, found, disease.name, stage)
        except HarvestError as exc:
            raise QueryFailed(str(exc), part) from exc
    part.counts["pubmed_records_found"] += wanted
    part.counts["pubmed_batches_archived"] += len(files)
    return HarvestedQuery(disease.name, cursor_key, started, files), part


@flow(name="harvest-pubmed")
def harvest_pubmed(config_path: str) -> tuple[RunReport, list[HarvestedQuery]]:
    """Every disease's query; a failed query is reported and skipped, the others go on."""
    settings = load_settings(config_path)
    report = RunReport()
    done: list[HarvestedQuery] = []
    harvest = with_network_retries(harvest_query, settings)
    for disease in settings.diseases:
        state = harvest(settings, disease, return_state=True)
        outcome = state.result(raise_on_failure=False)
        if isinstance(outcome, BaseException):
            if isinstance(outcome, QueryFailed):
                report.merge(outcome.part)
            report.fail("harvest-pubmed", disease.name, str(outcome))
            continue
        harvested, part = outcome
        report.merge(part)
        done.append(harvested)
    return report, done
