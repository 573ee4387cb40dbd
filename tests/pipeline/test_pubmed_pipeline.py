"""PubMed to evidence list, end to end: real HTTP, a real Prefect flow run, a real DuckDB file."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from flows.pipeline import pipeline

pytestmark = pytest.mark.usefixtures("prefect_harness")


def query(db, sql, params=None):
    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute(sql, params or []).fetchall()


@pytest.fixture(scope="module")
def module_root(tmp_path_factory):
    return tmp_path_factory.mktemp("pubmed-run")


@pytest.fixture(scope="module")
def module_config(module_root, shared_eutils):
    from .conftest import write_config

    return write_config(module_root, shared_eutils.base_url)


@pytest.fixture(scope="module")
def first_run(module_config, module_root, request):
    request.getfixturevalue("prefect_harness")
    report = pipeline(config_path=str(module_config), only=["pubmed"])
    return report, module_root / "warehouse.duckdb"


def test_run_completes_and_reports_counts(first_run):
    report, db = first_run
    assert report.status == "completed", report.failures
    assert report.counts["pubmed_records_fetched"] > 0
    assert report.counts["excerpts_new"] > 0
    status, counts = query(db, "SELECT status, counts FROM runs")[0]
    assert status == "completed" and "excerpts_new" in counts


def test_evidence_list_has_pubmed_excerpts_for_the_disease(first_run):
    _, db = first_run
    rows = query(
        db,
        "SELECT symptom, excerpt, domains, pmids FROM evidence_list "
        "WHERE disease = 'Diabetic amyotrophy'",
    )
    assert rows
    assert all(r[2] == ["ncbi.nlm.nih.gov"] and r[3] for r in rows)
    assert "Weight loss" in {r[0] for r in rows}


def test_efetch_went_through_history_server_in_batches(first_run, shared_eutils):
    fetches = shared_eutils.requests_for("efetch")
    assert fetches and all("WebEnv" in r.params and "query_key" in r.params for r in fetches)
    assert max(int(r.params["retmax"]) for r in fetches) <= 4


def test_raw_answers_archived_before_parsing(first_run, module_root):
    archived = list((module_root / "archive" / "pubmed").glob("*/efetch-*.xml.gz"))
    assert archived
    assert len(archived) == first_run[0].counts["pubmed_batches_archived"]
    assert not list((module_root / "archive").rglob(".partial-*"))


def test_rerun_asks_only_for_new_records_and_adds_no_rows(first_run, module_config, shared_eutils):
    _, db = first_run
    tables = ("documents", "excerpts", "citations")
    before = [query(db, f"SELECT count(*) FROM {t}")[0][0] for t in tables]
    report = pipeline(config_path=str(module_config), only=["pubmed"])
    after = [query(db, f"SELECT count(*) FROM {t}")[0][0] for t in tables]
    assert after == before
    assert report.counts["excerpts_new"] == 0
    searches = shared_eutils.requests_for("esearch")
    assert "mindate" not in searches[0].params
    assert all("mindate" in s.params for s in searches[-3:])


def test_transient_errors_are_retried(pipeline_config, eutils, tmp_path):
    eutils.inject("500", times=1, utility="efetch")
    eutils.inject("429", times=1, utility="efetch")
    report = pipeline(config_path=str(pipeline_config), only=["pubmed"])
    assert report.status == "completed", report.failures


def test_truncated_answer_is_retried(pipeline_config, eutils):
    eutils.inject("truncate", times=1, utility="efetch")
    report = pipeline(config_path=str(pipeline_config), only=["pubmed"])
    assert report.status == "completed", report.failures


def test_exhausted_retries_fail_that_query_and_load_none_of_it(pipeline_config, eutils, tmp_path):
    eutils.inject("500", times=50, utility="efetch")
    report = pipeline(config_path=str(pipeline_config), only=["pubmed"])
    assert report.status == "failed"
    cause = report.failures[0]["cause"]
    assert "Diabetic amyotrophy" in cause and "retstart 0..3" in cause
    db = tmp_path / "warehouse.duckdb"
    assert query(db, "SELECT count(*) FROM documents")[0][0] == 0
    assert query(db, "SELECT status FROM runs")[0][0] == "failed"
    assert query(db, "SELECT count(*) FROM harvest_cursors")[0][0] == 0


def test_evidence_show_prints_symptoms_with_domain_and_pmid(first_run, module_config):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "evidence.cli",
            "show",
            "Bruns-Garland syndrome",
            "--config",
            str(module_config),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Diabetic amyotrophy\n")
    assert "Weight loss (HP:0001824)" in proc.stdout
    assert "[ncbi.nlm.nih.gov] PMID 9" in proc.stdout


def test_analysts_snapshot_shows_the_run_finished_and_searchable(first_run, module_root):
    from warehouse.fts import load_fts

    snapshot = module_root / "warehouse-snapshot.duckdb"
    with duckdb.connect(str(snapshot), read_only=True) as conn:
        statuses = [r[0] for r in conn.execute("SELECT status FROM runs").fetchall()]
        load_fts(conn)
        hits = conn.execute("SELECT symptom FROM search_excerpts('weight loss')").fetchall()
    assert statuses and "running" not in statuses
    assert ("Weight loss",) in hits
