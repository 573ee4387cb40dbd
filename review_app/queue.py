"""The review queue: canonical excerpts with the filters editors narrow it by.

Only canonical excerpts of positive evidence are reviewable (negated and other-experiencer
mentions never reach `canonical_excerpts`). The newest harvest comes first: an item's age is the
latest run in which any of its citations was first found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import duckdb

STATUSES = ("unreviewed", "approved", "rejected", "not_about_disease", "all")


@dataclass(frozen=True)
class QueueFilter:
    """The queue's filters as they come from the query string; empty means any."""

    disease: str = ""
    hpo_id: str = ""
    section: str = ""
    domain: str = ""
    kind: str = ""  # pubmed | web
    min_relevance: float | None = None
    run_id: str = ""
    status: str = "unreviewed"
    excerpt_id: str = ""  # one item, for redrawing it

    def where(self) -> tuple[str, dict]:
        """A WHERE clause over the `q` relation of `_BASE` plus its named parameters."""
        clauses, params = [], {}
        if self.status != "all":
            clauses.append("q.status = $status")
            params["status"] = self.status
        for column, value in (
            ("disease", self.disease),
            ("hpo_id", self.hpo_id),
            ("section", self.section),
            ("excerpt_id", self.excerpt_id),
        ):
            if value:
                clauses.append(f"q.{column} = ${column}")
                params[column] = value
        cited = "EXISTS (SELECT 1 FROM canonical_citations cc WHERE cc.canonical_id = q.excerpt_id"
        if self.domain:
            clauses.append(f"{cited} AND cc.domain = $domain)")
            params["domain"] = self.domain
        if self.kind:
            clauses.append(f"{cited} AND cc.doc_kind = $kind)")
            params["kind"] = self.kind
        if self.run_id:
            clauses.append(f"{cited} AND cc.run_id = $run_id)")
            params["run_id"] = self.run_id
        if self.min_relevance is not None:
            clauses.append("q.relevance >= $min_relevance")
            params["min_relevance"] = self.min_relevance
        return (" AND ".join(clauses) or "true"), params


_BASE = """
WITH latest AS (
    SELECT canonical_id, max(first_seen) AS newest_citation
    FROM canonical_citations GROUP BY canonical_id
),
q AS (
    SELECT ce.excerpt_id, ce.disease, ce.n_members, ce.member_ids,
           e.hpo_id AS tagged_hpo_id, e.symptom AS tagged_symptom, e.text AS original_text,
           coalesce(d.hpo_id, e.hpo_id) AS hpo_id, coalesce(d.trimmed_text, e.text) AS text,
           e.section, e.uncertain, e.hypothetical, e.historical, e.relevance,
           e.relevance_reason, e.first_seen, e.run_id,
           coalesce(d.status, 'unreviewed') AS status, d.reason, d.editor, d.decided_at,
           coalesce(latest.newest_citation, e.first_seen) AS newest
    FROM canonical_excerpts ce
    JOIN excerpts e ON e.excerpt_id = ce.excerpt_id
    LEFT JOIN decisions d ON d.excerpt_id = ce.excerpt_id
    LEFT JOIN latest ON latest.canonical_id = ce.excerpt_id
)
"""


@dataclass
class Citation:
    doc_id: str
    kind: str
    domain: str
    url: str
    pmid: str
    title: str
    section_heading: str
    context_before: str
    context_after: str
    mention_text: str


@dataclass
class Member:
    """A near-duplicate merged into the canonical excerpt."""

    excerpt_id: str
    text: str
    domains: list[str]


@dataclass
class QueueItem:
    excerpt_id: str
    disease: str
    hpo_id: str
    symptom: str
    tagged_hpo_id: str
    tagged_symptom: str
    text: str
    original_text: str
    section: str
    uncertain: bool
    hypothetical: bool
    historical: bool
    relevance: float
    relevance_reason: str
    run_id: str
    status: str
    reason: str
    editor: str
    decided_at: datetime | None
    newest: datetime
    citations: list[Citation] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)

    @property
    def link(self) -> str:
        """Where a citation points: the page, or PubMed for an abstract."""
        return self.citations[0].url if self.citations else ""

    def highlighted(self) -> tuple[str, str, str]:
        """(before, mention, after) of the shown text, for the template to escape piecewise."""
        needle = self.citations[0].mention_text if self.citations else ""
        at = self.text.casefold().find(needle.casefold()) if needle else -1
        if at < 0:
            return self.text, "", ""
        return self.text[:at], self.text[at : at + len(needle)], self.text[at + len(needle) :]

    @property
    def context(self) -> tuple[str, str]:
        c = self.citations[0] if self.citations else None
        return (c.context_before or "", c.context_after or "") if c else ("", "")


def count(conn: duckdb.DuckDBPyConnection, flt: QueueFilter) -> int:
    where, params = flt.where()
    return conn.execute(f"{_BASE} SELECT count(*) FROM q WHERE {where}", params).fetchone()[0]


def matching_ids(conn: duckdb.DuckDBPyConnection, flt: QueueFilter) -> list[str]:
    """Every excerpt the filter selects (what a bulk action applies to)."""
    where, params = flt.where()
    rows = conn.execute(f"{_BASE} SELECT excerpt_id FROM q WHERE {where}", params).fetchall()
    return [r[0] for r in rows]


def fetch(
    conn: duckdb.DuckDBPyConnection, flt: QueueFilter, limit: int = 50, offset: int = 0
) -> list[QueueItem]:
    """One page of the queue, newest harvest first, with citations and merged duplicates."""
    where, params = flt.where()
    rows = conn.execute(
        f"""{_BASE}
        SELECT q.excerpt_id, q.disease, q.hpo_id, coalesce(s.label, q.hpo_id),
               q.tagged_hpo_id, q.tagged_symptom, q.text, q.original_text, q.section,
               q.uncertain, q.hypothetical, q.historical, q.relevance, q.relevance_reason,
               q.run_id, q.status, q.reason, q.editor, q.decided_at, q.newest
        FROM q LEFT JOIN symptoms s ON s.hpo_id = q.hpo_id
        WHERE {where}
        ORDER BY q.newest DESC, q.first_seen DESC, q.excerpt_id
        LIMIT {int(limit)} OFFSET {int(offset)}
        """,
        params,
    ).fetchall()
    items = [QueueItem(*r) for r in rows]
    _attach(conn, items)
    return items


def get(conn: duckdb.DuckDBPyConnection, excerpt_id: str) -> QueueItem | None:
    """One item whatever its status (to redraw it after a decision)."""
    found = fetch(conn, QueueFilter(status="all", excerpt_id=excerpt_id), limit=1)
    return found[0] if found else None


def _attach(conn: duckdb.DuckDBPyConnection, items: list[QueueItem]) -> None:
    """Fill citations (canonical's own first) and merged near-duplicates, two queries in all."""
    if not items:
        return
    by_id = {i.excerpt_id: i for i in items}
    ids = list(by_id)
    for row in conn.execute(
        """
        SELECT cc.canonical_id, cc.doc_id, cc.doc_kind, coalesce(cc.domain, ''),
               coalesce(nullif(cc.url, ''), CASE WHEN coalesce(cc.pmid, '') <> ''
                   THEN 'https://pubmed.ncbi.nlm.nih.gov/' || cc.pmid || '/' ELSE '' END),
               coalesce(cc.pmid, ''), coalesce(d.title, ''), coalesce(cc.section_heading, ''),
               coalesce(cc.context_before, ''), coalesce(cc.context_after, ''), cc.mention_text
        FROM canonical_citations cc JOIN documents d ON d.doc_id = cc.doc_id
        WHERE cc.canonical_id IN (SELECT unnest($ids))
        ORDER BY cc.canonical_id, cc.excerpt_id <> cc.canonical_id, cc.first_seen, cc.doc_id
        """,
        {"ids": ids},
    ).fetchall():
        by_id[row[0]].citations.append(Citation(*row[1:]))
    for canonical_id, member_id, text, domains in conn.execute(
        """
        SELECT ec.canonical_id, e.excerpt_id, e.text,
               list(DISTINCT c.domain ORDER BY c.domain) FILTER (WHERE c.domain IS NOT NULL)
        FROM excerpt_canonical ec
        JOIN excerpts e ON e.excerpt_id = ec.excerpt_id
        LEFT JOIN citations c ON c.excerpt_id = e.excerpt_id
        WHERE ec.canonical_id IN (SELECT unnest($ids)) AND ec.excerpt_id <> ec.canonical_id
        GROUP BY ALL ORDER BY ec.canonical_id, e.excerpt_id
        """,
        {"ids": ids},
    ).fetchall():
        by_id[canonical_id].members.append(Member(member_id, text, domains or []))


@dataclass
class FilterOptions:
    diseases: list[str]
    symptoms: list[tuple[str, str]]
    domains: list[str]
    runs: list[tuple[str, str]]


def filter_options(conn: duckdb.DuckDBPyConnection) -> FilterOptions:
    """Choices for the filter form: only values that occur among reviewable excerpts."""
    diseases = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT disease FROM canonical_excerpts ORDER BY 1"
        ).fetchall()
    ]
    symptoms = conn.execute(
        "SELECT DISTINCT coalesce(d.hpo_id, ce.hpo_id) AS h, coalesce(s.label, h) "
        "FROM canonical_excerpts ce LEFT JOIN decisions d USING (excerpt_id) "
        "LEFT JOIN symptoms s ON s.hpo_id = coalesce(d.hpo_id, ce.hpo_id) ORDER BY 2"
    ).fetchall()
    domains = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT domain FROM canonical_citations WHERE coalesce(domain, '') <> '' "
            "ORDER BY 1"
        ).fetchall()
    ]
    runs = conn.execute(
        "SELECT c.run_id, coalesce(strftime(r.started_at, '%Y-%m-%d %H:%M ') || r.flow, c.run_id)"
        " FROM (SELECT DISTINCT run_id FROM canonical_citations WHERE run_id IS NOT NULL) c"
        " LEFT JOIN runs r USING (run_id) ORDER BY r.started_at DESC NULLS LAST, c.run_id DESC"
    ).fetchall()
    return FilterOptions(diseases, symptoms, domains, runs)
