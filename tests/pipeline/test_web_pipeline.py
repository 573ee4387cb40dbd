"""The web half, end to end: Scrapy crawls the fixture web over HTTP, pages are archived,
extracted, tagged, deduplicated and loaded next to PubMed's excerpts."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from fixture_web.server import FixtureWeb
from flows.pipeline import pipeline

REPO = Path(__file__).resolve().parents[2]
SYNDICATED = "Sudden thigh pain in a person with type 2 diabetes"


def query(db, sql, params=None):
    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute(sql, params or []).fetchall()


@pytest.fixture(scope="module")
def web_world(tmp_path_factory, shared_eutils, request):
    request.getfixturevalue("prefect_harness")
    from .conftest import write_config

    root = tmp_path_factory.mktemp("web-run")
    with FixtureWeb() as web:
        config = write_config(root, shared_eutils.base_url)
        sources = (REPO / "fixture_web" / "demo_sources.toml").read_text(encoding="utf-8")
        with config.open("a", encoding="utf-8") as out:
            out.write("\n" + sources.replace("127.0.0.1:8899", f"127.0.0.1:{web.port}"))
        first = pipeline(config_path=str(config))
        second = pipeline(config_path=str(config), only=["web"])
        yield root / "warehouse.duckdb", first, second


def test_web_and_pubmed_excerpts_share_the_evidence_list(web_world):
    db, first, _ = web_world
    assert first.status in {"completed", "partial"}, first.failures
    domains = {
        d
        for (ds,) in query(
            db, "SELECT domains FROM evidence_list WHERE disease = 'Diabetic amyotrophy'"
        )
        for d in ds
    }
    assert {"ncbi.nlm.nih.gov", "neuro-clinic.example", "med-library.example"} <= domains


def test_web_citations_keep_url_and_registered_domain(web_world):
    db, _, _ = web_world
    rows = query(db, "SELECT domain, url FROM citations WHERE url LIKE 'http://%'")
    assert rows
    assert all(not domain.startswith("www.") and domain in url for domain, url in rows)


def test_syndicated_article_listed_once_with_both_domains_counted_once(web_world):
    db, _, _ = web_world
    rows = query(
        db,
        "SELECT domains, n_sources FROM evidence_list WHERE excerpt LIKE ? "
        "AND disease = 'Diabetic amyotrophy'",
        [SYNDICATED + "%"],
    )
    assert rows
    for domains, n_sources in rows:
        assert domains == ["diabetes-care.example", "health-news.example"]
        assert n_sources == 1


def test_crawl_figures_reach_the_run_report(web_world):
    _, first, _ = web_world
    counts = first.as_counts()
    assert counts["pages_fetched"] > 30
    assert counts["skipped_robots"] >= 1
    assert counts["skipped_oversized"] == 1
    assert counts["http_error_redirect_loop"] == 1


def test_unchanged_pages_cost_no_extraction_and_add_no_rows(web_world):
    db, _, second = web_world
    assert second.counts["pages_fetched"] == 0
    assert second.counts["pages_not_modified"] > 30
    assert second.counts["pages_extracted"] == 0
    assert second.counts["excerpts_new"] == 0


def test_negated_web_findings_are_kept_as_counter_evidence_only(web_world):
    db, _, _ = web_world
    negated = set(
        query(
            db,
            "SELECT disease, symptom, excerpt FROM counter_evidence "
            "WHERE negated AND domain LIKE '%.example'",
        )
    )
    assert any("no sensory loss" in text for _, _, text in negated)
    listed = set(query(db, "SELECT disease, symptom, excerpt FROM evidence_list"))
    assert not listed & negated


def test_markup_in_harvested_text_is_stored_as_text(web_world):
    db, _, _ = web_world
    texts = [
        r[0]
        for r in query(
            db, "SELECT text FROM excerpts WHERE text LIKE '%script tag written as text%'"
        )
    ]
    assert texts and all('<script>alert("x")</script>' in t for t in texts)
