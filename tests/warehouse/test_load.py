"""Loading is bulk and idempotent: a second load of the same batch adds no rows."""

from __future__ import annotations

import duckdb
import pytest

from evidence.config import Disease
from evidence.records import Document, Excerpt, Section
from warehouse.load import load_batch, mark_deleted, sync_reference_data
from warehouse.runs import finish_run, get_cursor, set_cursor, start_run
from warehouse.schema import connect, migrations

DISEASE = "Diabetic amyotrophy"


def doc(doc_id: str, domain: str, content_hash: str = "h", kind: str = "web") -> Document:
    pmid = doc_id.removeprefix("pmid:") if doc_id.startswith("pmid:") else ""
    return Document(
        doc_id=doc_id,
        kind=kind,
        source="test",
        title="A page",
        sections=[Section("Symptoms", "text")],
        url=f"https://{domain}/x",
        domain=domain,
        pmid=pmid,
        content_hash=content_hash,
    )


def excerpt(doc_id: str, text: str, hpo: str = "HP:0001824", negated: bool = False) -> Excerpt:
    return Excerpt(
        doc_id=doc_id,
        disease=DISEASE,
        hpo_id=hpo,
        symptom="Weight loss",
        text=text,
        sentence_index=0,
        section_heading="Symptoms",
        section="presentation",
        mention_start=0,
        mention_end=11,
        mention_text="weight loss",
        negated=negated,
    )


@pytest.fixture
def conn(tmp_path):
    c = connect(tmp_path / "wh.duckdb")
    sync_reference_data(c, [Disease(name=DISEASE)], {"HP:0001824": "Weight loss"}, {})
    yield c
    c.close()


def table_counts(c: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {
        t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("documents", "excerpts", "citations")
    }


def test_migrations_are_numbered_and_recorded(conn):
    applied = [r[0] for r in conn.execute("SELECT version FROM schema_migrations").fetchall()]
    assert applied == [v for v, _, _ in migrations()]


def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "wh.duckdb"
    connect(path).close()
    from warehouse.schema import migrate

    with duckdb.connect(str(path)) as c:
        assert migrate(c) == []


def test_second_load_adds_nothing(conn):
    run = start_run(conn, "test")
    docs = [doc("pmid:1", "ncbi.nlm.nih.gov", kind="pubmed"), doc("url:a", "a.example")]
    exs = [excerpt("pmid:1", "Weight loss was severe."), excerpt("url:a", "Weight loss of 10 kg.")]
    first = load_batch(conn, docs, exs, run)
    before = table_counts(conn)
    second = load_batch(conn, docs, exs, run)
    assert first.excerpts_new == 2 and first.documents_new == 2
    assert second.excerpts_new == 0 and second.documents_new == 0 and second.citations_new == 0
    assert table_counts(conn) == before == {"documents": 2, "excerpts": 2, "citations": 2}


def test_exact_duplicate_sentence_is_one_excerpt_with_both_citations(conn):
    run = start_run(conn, "test")
    docs = [doc("pmid:1", "ncbi.nlm.nih.gov", kind="pubmed"), doc("url:a", "a.example")]
    exs = [
        excerpt("pmid:1", "Weight loss was severe."),
        excerpt("url:a", "“Weight  loss” was severe!"),
    ]
    load_batch(conn, docs, exs, run)
    rows = conn.execute("SELECT excerpt, domains, pmids FROM evidence_list").fetchall()
    assert rows == [("Weight loss was severe.", ["a.example", "ncbi.nlm.nih.gov"], ["1"])]


def test_negated_excerpt_is_kept_but_not_evidence(conn):
    run = start_run(conn, "test")
    load_batch(
        conn, [doc("url:a", "a.example")], [excerpt("url:a", "No weight loss.", negated=True)], run
    )
    assert conn.execute("SELECT count(*) FROM excerpts WHERE negated").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM evidence_list").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM counter_evidence").fetchone()[0] == 1


def test_changed_document_replaces_its_citations(conn):
    run = start_run(conn, "test")
    load_batch(conn, [doc("url:a", "a.example", "h1")], [excerpt("url:a", "Old sentence.")], run)
    counts = load_batch(
        conn, [doc("url:a", "a.example", "h2")], [excerpt("url:a", "New sentence.")], run
    )
    assert counts.documents_changed == 1
    texts = [r[0] for r in conn.execute("SELECT excerpt FROM evidence_list").fetchall()]
    assert texts == ["New sentence."]


def test_deleted_citation_stops_counting(conn):
    run = start_run(conn, "test")
    load_batch(
        conn, [doc("pmid:7", "ncbi.nlm.nih.gov", kind="pubmed")], [excerpt("pmid:7", "X.")], run
    )
    assert mark_deleted(conn, ["7"]) == 1
    assert conn.execute("SELECT count(*) FROM evidence_list").fetchone()[0] == 0
    assert conn.execute("SELECT deleted FROM documents").fetchone()[0] is True


def test_failed_batch_leaves_nothing(conn):
    run = start_run(conn, "test")
    bad = excerpt("url:missing", "Orphan sentence.")
    with pytest.raises(KeyError):
        load_batch(conn, [doc("url:a", "a.example")], [excerpt("url:a", "Fine."), bad], run)
    assert table_counts(conn) == {"documents": 0, "excerpts": 0, "citations": 0}


def test_runs_and_cursors_round_trip(conn):
    run = start_run(conn, "pipeline")
    finish_run(conn, run, "completed", {"excerpts_new": 3}, [])
    status, counts = conn.execute("SELECT status, counts FROM runs").fetchone()
    assert status == "completed" and '"excerpts_new": 3' in counts
    assert get_cursor(conn, "pubmed:q") is None
    from datetime import datetime

    set_cursor(conn, "pubmed:q", datetime(2026, 1, 2), 5)
    assert get_cursor(conn, "pubmed:q") == datetime(2026, 1, 2)
