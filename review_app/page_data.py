"""What a published disease page shows, gathered from the warehouse into plain dataclasses.

The same `DiseasePage` feeds the static HTML, the JSON file and the app's live preview, so the
three can never disagree. Every choice on the page is explainable from its fields: symptoms are
ordered like the `symptom_strength` view (distinct independent sources, then PubMed share, then
recency) but computed over the excerpts the publishing policy lets through, so that the order
never rests on evidence the reader cannot see.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from text_processing.sections import SECTIONS

OTHER_SECTIONS = SECTIONS[1:]  # workup ... prevention, in the reference page's order
PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{}/"


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "disease"


def review_statuses(publish_unreviewed: bool) -> list[str]:
    return ["approved", "unreviewed"] if publish_unreviewed else ["approved"]


@dataclass
class SourceLink:
    domain: str
    url: str
    ref: int | None = None  # number in the references list, for PubMed abstracts


@dataclass
class PageExcerpt:
    excerpt_id: str
    text: str
    hpo_id: str
    symptom: str
    section: str
    status: str  # approved | unreviewed
    uncertain: bool
    n_sources: int
    sources: list[SourceLink] = field(default_factory=list)


@dataclass
class SymptomBlock:
    hpo_id: str
    symptom: str
    rank: int
    n_sources: int
    n_pubmed: int
    pubmed_share: float
    last_seen: datetime
    excerpts: list[PageExcerpt] = field(default_factory=list)

    @property
    def reason(self) -> str:
        """Why the symptom stands where it does, in the terms of the ordering."""
        sources = f"{self.n_sources} independent source{'s' if self.n_sources != 1 else ''}"
        return (
            f"{sources}, {self.n_pubmed} from PubMed ({round(self.pubmed_share * 100)}%), "
            f"latest seen {self.last_seen:%Y-%m-%d}"
        )


@dataclass
class Reference:
    number: int
    pmid: str
    authors: str
    title: str
    journal: str
    year: int | None
    url: str


@dataclass
class DiseasePage:
    name: str
    slug: str
    summary: str
    synonyms: list[str]
    umls_cui: str
    mesh: list[str]
    snomed_ct: list[str]
    policy: str  # approved_only | include_unreviewed
    symptoms: list[SymptomBlock]
    sections: dict[str, list[PageExcerpt]]
    references: list[Reference]
    evidence_last_seen: datetime | None

    @property
    def hpo_ids(self) -> list[tuple[str, str]]:
        return [(s.hpo_id, s.symptom) for s in self.symptoms]

    def shown(self) -> dict[str, PageExcerpt]:
        """Every excerpt on the page by id: what a publication snapshot records."""
        out = {e.excerpt_id: e for s in self.symptoms for e in s.excerpts}
        for items in self.sections.values():
            out.update((e.excerpt_id, e) for e in items)
        return out


def format_authors(authors_json: str | None) -> str:
    """Vancouver style: up to six authors, else the first three and "et al."."""
    authors = json.loads(authors_json or "[]")
    names = [
        a.get("collective") or f"{a.get('last_name', '')} {a.get('initials', '')}".strip()
        for a in authors
    ]
    names = [n for n in names if n]
    if len(names) > 6:
        return ", ".join(names[:3]) + ", et al."
    return ", ".join(names)


def list_diseases(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Configured diseases plus any with excerpts (a disease removed from the config keeps its
    page until the data goes)."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM diseases UNION SELECT DISTINCT disease FROM excerpts ORDER BY 1"
        ).fetchall()
    ]


def build_page(
    conn: duckdb.DuckDBPyConnection,
    disease: str,
    publish_unreviewed: bool,
    per_symptom: int,
    per_section: int = 5,
) -> DiseasePage:
    statuses = review_statuses(publish_unreviewed)
    meta = conn.execute(
        "SELECT name, coalesce(summary, ''), synonyms, coalesce(umls_cui, ''), mesh, snomed_ct "
        "FROM diseases WHERE lower(name) = lower(?)",
        [disease],
    ).fetchone() or (disease, "", [], "", [], [])
    name = meta[0]
    strength = conn.execute(
        """
        SELECT * FROM (
            SELECT el.hpo_id, any_value(el.symptom) AS symptom,
                   count(DISTINCT cc.independent_doc) AS n_sources,
                   count(DISTINCT cc.independent_doc) FILTER (WHERE cc.doc_kind = 'pubmed')
                       AS n_pub,
                   max(el.last_seen) AS last_seen
            FROM evidence_list el JOIN canonical_citations cc ON cc.canonical_id = el.excerpt_id
            WHERE lower(el.disease) = lower($d) AND el.review_status IN (SELECT unnest($st))
            GROUP BY el.hpo_id
        )
        ORDER BY n_sources DESC, n_pub / n_sources DESC, last_seen DESC, hpo_id
        """,
        {"d": name, "st": statuses},
    ).fetchall()
    symptoms = [
        SymptomBlock(h, label, i + 1, n, p, round(p / n, 3) if n else 0.0, seen)
        for i, (h, label, n, p, seen) in enumerate(strength)
    ]
    rows = conn.execute(
        """
        SELECT excerpt_id, excerpt, hpo_id, symptom, section, review_status, uncertain,
               n_sources, rank
        FROM evidence_list
        WHERE lower(disease) = lower($d) AND review_status IN (SELECT unnest($st))
        ORDER BY hpo_id, rank
        """,
        {"d": name, "st": statuses},
    ).fetchall()
    by_symptom: dict[str, list[PageExcerpt]] = {}
    sections: dict[str, list[PageExcerpt]] = {s: [] for s in OTHER_SECTIONS}
    for eid, text, hpo_id, label, section, status, uncertain, n_src, _rank in rows:
        excerpt = PageExcerpt(eid, text, hpo_id, label, section, status, uncertain, n_src)
        if section in sections:
            sections[section].append(excerpt)
        else:
            by_symptom.setdefault(hpo_id, []).append(excerpt)
    for block in symptoms:
        block.excerpts = by_symptom.get(block.hpo_id, [])[:per_symptom]
    for key, items in sections.items():
        items.sort(key=lambda e: (e.status != "approved", -e.n_sources, e.symptom, e.excerpt_id))
        sections[key] = _once_per_sentence(items)[:per_section]
    page = DiseasePage(
        name=name,
        slug=slugify(name),
        summary=meta[1],
        synonyms=list(meta[2] or []),
        umls_cui=meta[3],
        mesh=list(meta[4] or []),
        snomed_ct=list(meta[5] or []),
        policy="include_unreviewed" if publish_unreviewed else "approved_only",
        symptoms=[s for s in symptoms if s.excerpts],
        sections=sections,
        references=[],
        evidence_last_seen=max((s.last_seen for s in symptoms), default=None),
    )
    _attach_sources(conn, page)
    return page


def _once_per_sentence(items: list[PageExcerpt]) -> list[PageExcerpt]:
    """A sentence tagged with two symptoms is one excerpt in a section, not two (the first,
    best-ranked, is kept): sections list evidence, not symptom-sentence pairs."""
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.text not in seen:
            seen.add(item.text)
            unique.append(item)
    return unique


def _attach_sources(conn: duckdb.DuckDBPyConnection, page: DiseasePage) -> None:
    """`[domain]` links per excerpt (one per PubMed record or web domain) and the references."""
    shown = page.shown()
    if not shown:
        return
    rows = conn.execute(
        """
        SELECT cc.canonical_id, cc.doc_id, cc.doc_kind, coalesce(cc.domain, ''),
               coalesce(nullif(cc.url, ''), ''), coalesce(cc.pmid, ''),
               d.title, d.journal, d.year, d.authors
        FROM canonical_citations cc JOIN documents d ON d.doc_id = cc.doc_id
        WHERE cc.canonical_id IN (SELECT unnest($ids))
        ORDER BY cc.canonical_id, cc.doc_kind = 'pubmed' DESC, cc.first_seen, cc.doc_id
        """,
        {"ids": list(shown)},
    ).fetchall()
    cited: dict[str, list[tuple]] = {}
    for row in rows:
        cited.setdefault(row[0], []).append(row[1:])
    refs: dict[str, Reference] = {}
    ordered = [e for s in page.symptoms for e in s.excerpts]
    ordered += [e for items in page.sections.values() for e in items]
    for excerpt in ordered:
        # One link per PubMed record and per web domain: a syndicated copy still shows its
        # domain (every citation is kept), while ranking counts it once (independent_doc).
        seen: set[str] = set()
        for _doc, kind, domain, url, pmid, title, journal, year, authors in cited.get(
            excerpt.excerpt_id, []
        ):
            key = f"pmid:{pmid}" if kind == "pubmed" and pmid else f"domain:{domain or url}"
            if key in seen:
                continue
            seen.add(key)
            ref = None
            if kind == "pubmed" and pmid:
                if pmid not in refs:
                    refs[pmid] = Reference(
                        len(refs) + 1,
                        pmid,
                        format_authors(authors),
                        title or "",
                        journal or "",
                        year,
                        PUBMED_URL.format(pmid),
                    )
                ref = refs[pmid].number
                url = url or PUBMED_URL.format(pmid)
                domain = domain or "pubmed.ncbi.nlm.nih.gov"
            excerpt.sources.append(SourceLink(domain or "source", url, ref))
    page.references = list(refs.values())
