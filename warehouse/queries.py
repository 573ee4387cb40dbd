"""Read-side queries shared by the CLI, the pages and the docs' examples."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass
class EvidenceItem:
    excerpt_id: str
    excerpt: str
    domains: list[str]
    pmids: list[str]
    urls: list[str]
    section: str
    n_sources: int
    review_status: str


@dataclass
class SymptomEvidence:
    hpo_id: str
    symptom: str
    n_sources: int
    pubmed_share: float
    items: list[EvidenceItem]


def evidence_for(
    conn: duckdb.DuckDBPyConnection,
    disease: str,
    per_symptom: int = 3,
) -> list[SymptomEvidence]:
    """A disease's evidence list: symptoms by strength, each with its best excerpts."""
    rows = conn.execute(
        """
        SELECT s.hpo_id, s.symptom, s.n_sources, s.pubmed_share,
               e.excerpt_id, e.excerpt, e.domains, e.pmids, e.urls, e.section, e.n_sources,
               e.review_status
        FROM symptom_strength s
        JOIN evidence_list e ON e.disease = s.disease AND e.hpo_id = s.hpo_id
        WHERE lower(s.disease) = lower($disease) AND e.rank <= $k
        ORDER BY s.rank, e.rank
        """,
        {"disease": disease, "k": per_symptom},
    ).fetchall()
    out: dict[str, SymptomEvidence] = {}
    for hpo_id, symptom, n_src, share, eid, text, domains, pmids, urls, sec, n, status in rows:
        entry = out.setdefault(hpo_id, SymptomEvidence(hpo_id, symptom, n_src, share, []))
        entry.items.append(
            EvidenceItem(eid, text, domains or [], pmids or [], urls or [], sec, n, status)
        )
    return list(out.values())
