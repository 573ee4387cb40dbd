"""Dedup in the warehouse: real DuckDB files, loaded with `load_batch`, read through the views."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from dedup.normalize import text_key
from evidence.config import DedupSettings
from evidence.records import Document, Excerpt, Section
from warehouse.clusters import assign_clusters, mark_duplicate_documents
from warehouse.load import load_batch, mark_deleted
from warehouse.schema import connect

DISEASE = "Myasthenia gravis"
WEIGHT_LOSS = ("HP:0001824", "Weight loss")
PTOSIS = ("HP:0000508", "Ptosis")
DIPLOPIA = ("HP:0000651", "Diplopia")
T0 = datetime(2025, 1, 1, 12, 0)

LONG = (
    "In a cohort of adults with myasthenia gravis, fatigable weakness of the eyelids and "
    "double vision were the presenting complaints in most patients, and weight loss was "
    "reported by a minority during the first year after diagnosis"
)


def substitute(text: str, position: int, word: str) -> str:
    words = text.split()
    words[position] = word
    return " ".join(words)


def web(url: str, domain: str) -> Document:
    return Document(
        doc_id=f"url:{url}",
        kind="web",
        source="web",
        title=url,
        sections=[Section("", "")],
        url=url,
        domain=domain,
        content_hash=f"hash-{url}",
    )


def pubmed(pmid: str) -> Document:
    return Document(
        doc_id=f"pmid:{pmid}",
        kind="pubmed",
        source="pubmed",
        title=pmid,
        sections=[Section("", "")],
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/",
        domain="ncbi.nlm.nih.gov",
        pmid=pmid,
        content_hash=f"hash-{pmid}",
    )


def excerpt(doc: Document, text: str, symptom=WEIGHT_LOSS, index=0, negated=False) -> Excerpt:
    return Excerpt(
        doc_id=doc.doc_id,
        disease=DISEASE,
        hpo_id=symptom[0],
        symptom=symptom[1],
        text=text,
        sentence_index=index,
        section_heading="",
        section="presentation",
        mention_start=0,
        mention_end=5,
        mention_text=symptom[1],
        negated=negated,
    )


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "warehouse.duckdb")
    yield connection
    connection.close()


def evidence(conn, hpo_id=WEIGHT_LOSS[0]) -> list[dict]:
    cur = conn.execute(
        "SELECT excerpt, domains, pmids, n_sources, n_members FROM evidence_list "
        "WHERE hpo_id = ? ORDER BY excerpt",
        [hpo_id],
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def snapshot(conn) -> tuple:
    return (
        conn.execute("SELECT * FROM text_clusters ORDER BY text_key").fetchall(),
        conn.execute("SELECT * FROM text_bands ORDER BY text_key, band_key").fetchall(),
        conn.execute("SELECT doc_id, duplicate_of FROM documents ORDER BY doc_id").fetchall(),
    )


def test_empty_warehouse_is_fine(conn):
    counts = assign_clusters(conn, DedupSettings())
    assert counts.texts_new == 0 and counts.candidates == 0
    assert mark_duplicate_documents(conn) == 0
    assert conn.execute("SELECT count(*) FROM text_clusters").fetchone()[0] == 0


def test_exact_duplicates_are_one_excerpt_with_all_citations(conn):
    page, record = web("https://a.example/mg", "a.example"), pubmed("111")
    load_batch(
        conn,
        [page, record],
        [
            excerpt(page, "Weight loss is common in myasthenia gravis."),
            excerpt(record, "“Weight  LOSS” is common in Myasthenia-Gravis!"),
        ],
        "run-1",
    )
    assign_clusters(conn, DedupSettings())
    [row] = evidence(conn)
    assert row["domains"] == ["a.example", "ncbi.nlm.nih.gov"]
    assert row["pmids"] == ["111"]
    assert row["n_sources"] == 2


def test_near_duplicates_join_one_cluster_shown_once_with_all_domains(conn):
    a, b, c = (web(f"https://{d}/mg", d) for d in ("a.example", "b.example", "c.example"))
    edited = substitute(LONG, 12, "ptosis")
    load_batch(
        conn,
        [a, b, c],
        [excerpt(a, LONG), excerpt(b, edited), excerpt(c, LONG.replace("minority", "few"))],
        "run-1",
    )
    assert len(evidence(conn)) == 3  # before dedup: three separate pieces of evidence
    counts = assign_clusters(conn, DedupSettings())
    assert counts.texts_new == 3 and counts.clusters_formed == 1
    [row] = evidence(conn)
    assert row["domains"] == ["a.example", "b.example", "c.example"]
    assert row["n_members"] == 3 and row["n_sources"] == 3


def test_a_sentence_and_its_negation_stay_apart(conn):
    a, b = web("https://a.example/x", "a.example"), web("https://b.example/x", "b.example")
    negated = LONG.replace("weight loss was", "no weight loss was")
    load_batch(conn, [a, b], [excerpt(a, LONG), excerpt(b, negated)], "run-1")
    assign_clusters(conn, DedupSettings())
    keys = dict(conn.execute("SELECT text_key, cluster_key FROM text_clusters").fetchall())
    assert keys[text_key(LONG)] != keys[text_key(negated)]


def test_rerun_writes_nothing_and_a_new_near_duplicate_joins_the_old_cluster(conn):
    settings = DedupSettings()
    a = web("https://a.example/x", "a.example")
    load_batch(conn, [a], [excerpt(a, LONG)], "run-1", now=T0)
    assert assign_clusters(conn, settings).texts_new == 1
    mark_duplicate_documents(conn)
    before = snapshot(conn)

    again = assign_clusters(conn, settings)
    assert (again.texts_new, again.candidates, again.signatures_rebuilt) == (0, 0, 0)
    assert mark_duplicate_documents(conn) == 0
    assert snapshot(conn) == before

    # The same sentence seen again in a later crawl: last_seen moves, no new rows anywhere.
    load_batch(conn, [a], [excerpt(a, LONG)], "run-2", now=T0 + timedelta(days=1))
    assert assign_clusters(conn, settings).texts_new == 0
    assert conn.execute("SELECT count(*) FROM excerpts").fetchone()[0] == 1

    b = web("https://b.example/x", "b.example")
    edited = substitute(LONG, 12, "ptosis")
    load_batch(conn, [b], [excerpt(b, edited)], "run-3", now=T0 + timedelta(days=2))
    counts = assign_clusters(conn, settings)
    assert (counts.texts_new, counts.joined_existing) == (1, 1)
    old_row = conn.execute(
        "SELECT cluster_key, signature, clustered_at FROM text_clusters WHERE text_key = ?",
        [text_key(LONG)],
    ).fetchone()
    assert old_row == before[0][0][1:3] + (before[0][0][4],)  # old row untouched
    new_key = conn.execute(
        "SELECT cluster_key FROM text_clusters WHERE text_key = ?", [text_key(edited)]
    ).fetchone()[0]
    assert new_key == text_key(LONG)
    [row] = evidence(conn)
    assert row["domains"] == ["a.example", "b.example"]


def test_new_texts_are_matched_through_stored_band_keys(conn):
    """Old signatures are not recomputed: without its stored band keys an old text is unseen."""
    settings = DedupSettings()
    a = web("https://a.example/x", "a.example")
    load_batch(conn, [a], [excerpt(a, LONG)], "run-1", now=T0)
    assign_clusters(conn, settings)
    conn.execute("DELETE FROM text_bands")
    b = web("https://b.example/x", "b.example")
    edited = substitute(LONG, 12, "ptosis")
    load_batch(conn, [b], [excerpt(b, edited)], "run-2", now=T0 + timedelta(days=1))
    counts = assign_clusters(conn, settings)
    assert counts.joined_existing == 0 and len(evidence(conn)) == 2


def cluster_keys(conn) -> dict[str, str]:
    return dict(conn.execute("SELECT text_key, cluster_key FROM text_clusters").fetchall())


def test_a_text_near_two_clusters_joins_one_and_does_not_chain_them(conn):
    """Union-find would merge a and c through b although a and c are not near-duplicates."""
    settings = DedupSettings(shingle_size=3)  # 3-word shingles keep a and c apart (< 0.8)
    a, b, c = (web(f"https://{d}/mg", d) for d in ("a.example", "b.example", "c.example"))
    text_a = LONG
    text_c = substitute(substitute(LONG, 10, "drooping"), 30, "modest")
    text_b = substitute(LONG, 10, "drooping")  # within 0.8 of both, while a and c are not
    load_batch(conn, [a], [excerpt(a, text_a)], "run-1", now=T0)
    load_batch(conn, [c], [excerpt(c, text_c)], "run-2", now=T0 + timedelta(days=1))
    assign_clusters(conn, settings)
    assert len(evidence(conn)) == 2

    load_batch(conn, [b], [excerpt(b, text_b)], "run-3", now=T0 + timedelta(days=2))
    counts = assign_clusters(conn, settings)
    assert (counts.joined_existing, counts.clusters_merged) == (1, 0)
    keys = cluster_keys(conn)
    # Equally similar to both canonical texts: the tie goes to the older cluster.
    assert keys[text_key(text_b)] == keys[text_key(text_a)] == text_key(text_a)
    assert keys[text_key(text_c)] == text_key(text_c)
    rows = evidence(conn)
    assert sorted(r["domains"] for r in rows) == [["a.example", "b.example"], ["c.example"]]


def test_a_new_text_must_match_every_stored_member_not_only_the_canonical(conn):
    settings = DedupSettings(shingle_size=3)
    a, b, c = (web(f"https://{d}/mg", d) for d in ("a.example", "b.example", "c.example"))
    text_b = substitute(LONG, 10, "drooping")
    text_c = substitute(LONG, 30, "modest")  # near LONG, but two edits away from text_b
    load_batch(conn, [a, b], [excerpt(a, LONG), excerpt(b, text_b)], "run-1", now=T0)
    assert assign_clusters(conn, settings).clusters_formed == 1
    load_batch(conn, [c], [excerpt(c, text_c)], "run-2", now=T0 + timedelta(days=1))
    counts = assign_clusters(conn, settings)
    assert counts.joined_existing == 0
    keys = cluster_keys(conn)
    assert keys[text_key(text_b)] == keys[text_key(LONG)] == text_key(LONG)
    assert keys[text_key(text_c)] == text_key(text_c)


def test_clusters_merge_only_when_every_pair_across_them_is_near(conn):
    a, b, c = (web(f"https://{d}/mg", d) for d in ("a.example", "b.example", "c.example"))
    text_c = substitute(LONG, 30, "modest")  # Jaccard ~0.88 with LONG: apart at 0.95
    load_batch(conn, [a], [excerpt(a, LONG)], "run-1", now=T0)
    load_batch(conn, [c], [excerpt(c, text_c)], "run-2", now=T0 + timedelta(days=1))
    assign_clusters(conn, DedupSettings(jaccard_threshold=0.95))
    assert len(set(cluster_keys(conn).values())) == 2

    text_b = substitute(LONG, 10, "drooping")  # near both at 0.8, and so are LONG and text_c
    load_batch(conn, [b], [excerpt(b, text_b)], "run-3", now=T0 + timedelta(days=2))
    counts = assign_clusters(conn, DedupSettings())
    assert (counts.joined_existing, counts.clusters_merged) == (1, 1)
    assert set(cluster_keys(conn).values()) == {text_key(LONG)}
    [row] = evidence(conn)
    assert row["excerpt"] == LONG
    assert row["domains"] == ["a.example", "b.example", "c.example"]
    moved = conn.execute(
        "SELECT clustered_at > first_seen FROM text_clusters WHERE text_key = ?",
        [text_key(text_c)],
    ).fetchone()[0]
    assert moved
    assert assign_clusters(conn, DedupSettings()).texts_new == 0


def test_canonical_text_prefers_pubmed_when_seen_at_the_same_time(conn):
    page, record = web("https://a.example/x", "a.example"), pubmed("222")
    edited = substitute(LONG, 12, "ptosis")
    load_batch(conn, [page, record], [excerpt(page, LONG), excerpt(record, edited)], "run-1")
    assign_clusters(conn, DedupSettings())
    [row] = evidence(conn)
    assert row["excerpt"] == edited
    assert row["domains"] == ["a.example", "ncbi.nlm.nih.gov"]


def article(doc: Document, sentences: list[tuple[str, tuple[str, str]]]) -> list[Excerpt]:
    return [excerpt(doc, s, sym, index=k) for k, (s, sym) in enumerate(sentences)]


ARTICLE = [
    (LONG, WEIGHT_LOSS),
    ("Drooping of one or both eyelids (ptosis) worsens towards the evening in most.", PTOSIS),
    ("Double vision appears when the eye muscles tire after reading or driving.", DIPLOPIA),
]


def test_syndicated_article_counts_as_one_source(conn):
    first, copy = (
        web("https://news.example/mg", "news.example"),
        web("https://syndicate.example/health/mg", "syndicate.example"),
    )
    other = web("https://clinic.example/mg", "clinic.example")
    reworded = [(substitute(LONG, 12, "ptosis"), WEIGHT_LOSS), *ARTICLE[1:]]
    load_batch(conn, [first], article(first, ARTICLE), "run-1", now=T0)
    load_batch(conn, [copy], article(copy, reworded), "run-2", now=T0 + timedelta(hours=1))
    load_batch(conn, [other], [excerpt(other, ARTICLE[2][0], DIPLOPIA)], "run-3")
    assign_clusters(conn, DedupSettings())
    assert mark_duplicate_documents(conn) == 1
    assert (
        conn.execute(
            "SELECT duplicate_of FROM documents WHERE doc_id = ?", [copy.doc_id]
        ).fetchone()[0]
        == first.doc_id
    )
    [weight] = evidence(conn, WEIGHT_LOSS[0])
    assert weight["domains"] == ["news.example", "syndicate.example"]
    assert weight["n_sources"] == 1
    [diplopia] = evidence(conn, DIPLOPIA[0])
    assert diplopia["n_sources"] == 2  # the clinic quoting one sentence is its own source
    assert mark_duplicate_documents(conn) == 0


def test_abstract_quoted_on_a_page_and_same_page_under_two_urls(conn):
    record = pubmed("333")
    page = web("https://clinic.example/mg", "clinic.example")
    extra = ("Many patients also describe chewing fatigue late in long meals.", WEIGHT_LOSS)
    load_batch(conn, [page], article(page, [*ARTICLE, extra]), "run-1", now=T0)
    load_batch(conn, [record], article(record, ARTICLE), "run-2", now=T0 + timedelta(days=3))
    mirror = web("https://clinic.example/mg?print=1", "clinic.example")
    mirror.content_hash = page.content_hash
    load_batch(conn, [mirror], [], "run-3")
    assign_clusters(conn, DedupSettings())
    assert mark_duplicate_documents(conn) == 2
    dupes = dict(conn.execute("SELECT doc_id, duplicate_of FROM documents").fetchall())
    # The PubMed record is the original even though the page was seen first.
    assert dupes == {record.doc_id: None, page.doc_id: record.doc_id, mirror.doc_id: record.doc_id}
    [ptosis] = evidence(conn, PTOSIS[0])
    assert ptosis["n_sources"] == 1 and ptosis["domains"] == ["clinic.example", "ncbi.nlm.nih.gov"]

    # PubMed withdraws the record: the page is an original again, the mirror now copies it.
    mark_deleted(conn, ["333"])
    assert mark_duplicate_documents(conn) == 2
    dupes = dict(conn.execute("SELECT doc_id, duplicate_of FROM documents").fetchall())
    assert dupes[page.doc_id] is None and dupes[mirror.doc_id] == page.doc_id


def test_documents_sharing_one_sentence_stay_independent(conn):
    a, b = web("https://a.example/x", "a.example"), web("https://b.example/y", "b.example")
    load_batch(conn, [a], article(a, ARTICLE[:1] + ARTICLE[1:2]), "run-1")
    load_batch(conn, [b], article(b, ARTICLE[:1] + ARTICLE[2:]), "run-2")
    assign_clusters(conn, DedupSettings())
    assert mark_duplicate_documents(conn) == 0
    assert evidence(conn)[0]["n_sources"] == 2


def test_changed_settings_rebuild_stored_signatures_once(conn):
    a, b = web("https://a.example/x", "a.example"), web("https://b.example/y", "b.example")
    load_batch(conn, [a], [excerpt(a, LONG)], "run-1", now=T0)
    assign_clusters(conn, DedupSettings())
    coarse = DedupSettings(num_perm=64, jaccard_threshold=0.7)
    load_batch(conn, [b], [excerpt(b, substitute(LONG, 12, "ptosis"))], "run-2")
    counts = assign_clusters(conn, coarse)
    assert counts.signatures_rebuilt == 1 and counts.joined_existing == 1
    widths = conn.execute("SELECT DISTINCT octet_length(signature) FROM text_clusters").fetchall()
    assert widths == [(64 * 4,)]
    assert assign_clusters(conn, coarse).signatures_rebuilt == 0
