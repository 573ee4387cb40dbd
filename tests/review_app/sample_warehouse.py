"""A small, hand-written warehouse for the review app and analysts' tests.

Every sentence here is written for these tests. Two diseases, PubMed and web sources, two runs,
a near-duplicate cluster, a negated mention, and one web page carrying an XSS payload.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from evidence.config import Disease
from evidence.records import Author, Document, Excerpt, Section
from warehouse.load import excerpt_id, load_batch, sync_reference_data, utcnow
from warehouse.schema import connect

DISEASE = "Whipple disease"
OTHER = "Tropical sprue"
XSS_TEXT = (
    'Weight loss <img src=x onerror="alert(1)"> was the first sign <script>alert(2)</script> '
    "in the reported patient with Whipple disease."
)
SYMPTOMS = {
    "HP:0001824": "Weight loss",
    "HP:0002014": "Diarrhea",
    "HP:0002829": "Arthralgia",
    "HP:0001945": "Fever",
    "HP:0012378": "Fatigue",
    "HP:0002027": "Abdominal pain",
}
DISEASES = [
    Disease(
        name=DISEASE,
        synonyms=["intestinal lipodystrophy"],
        umls_cui="C0043037",
        mesh=["D008958"],
        snomed_ct=["41545003"],
        summary="A rare bacterial infection that mostly affects the small intestine.",
    ),
    Disease(name=OTHER, summary="A malabsorption disorder seen in tropical regions."),
]


def _doc(doc_id: str, kind: str, **kw: object) -> Document:
    return Document(
        doc_id=doc_id,
        kind=kind,
        source="pubmed" if kind == "pubmed" else "fixture",
        title=str(kw.pop("title", doc_id)),
        sections=[Section("", "text")],
        content_hash=f"hash-{doc_id}",
        **kw,
    )


def _ex(doc: Document, disease: str, hpo_id: str, text: str, mention: str, **kw: object) -> Excerpt:
    at = text.lower().find(mention.lower())
    return Excerpt(
        doc_id=doc.doc_id,
        disease=disease,
        hpo_id=hpo_id,
        symptom=SYMPTOMS[hpo_id],
        text=text,
        sentence_index=int(kw.pop("sentence_index", 1)),
        section_heading=str(kw.pop("section_heading", "Clinical features")),
        section=str(kw.pop("section", "presentation")),
        mention_start=at,
        mention_end=at + len(mention),
        mention_text=text[at : at + len(mention)],
        context_before=str(kw.pop("before", "The case series looked at adults.")),
        context_after=str(kw.pop("after", "Symptoms changed over months.")),
        relevance=float(kw.pop("relevance", 0.9)),
        relevance_reason="disease named in sentence",
        **kw,
    )


@dataclass
class Sample:
    path: Path
    ids: dict[str, str]  # short name -> excerpt_id


def build(path: Path) -> Sample:
    """Create and fill the warehouse at `path`; the ids of the notable excerpts."""
    now = utcnow()
    old, new = now - timedelta(days=10), now - timedelta(days=1)
    conn = connect(path)
    sync_reference_data(conn, DISEASES, SYMPTOMS, {"pubmed": "pubmed", "fixture": "site"})
    conn.execute(
        "INSERT INTO runs VALUES ('run-old', 'pipeline', ?, ?, 'completed', NULL, NULL, NULL),"
        " ('run-new', 'pipeline', ?, ?, 'completed', NULL, NULL, NULL)",
        [old, old, new, new],
    )
    p1 = _doc(
        "pmid:100001",
        "pubmed",
        pmid="100001",
        journal="J Test Gastroenterol",
        year=2021,
        title="Presenting features of Whipple disease in forty adults",
        authors=[Author("Okafor", "AB"), Author("Lindqvist", "M"), Author("Tanaka", "S")],
    )
    p2 = _doc(
        "pmid:100002",
        "pubmed",
        pmid="100002",
        journal="Test Infect Rep",
        year=2023,
        title="Joint pain long before diagnosis: a cohort study",
        authors=[Author("Moreau", "C")],
    )
    w1 = _doc(
        "url:https://gut-health.example/whipple",
        "web",
        url="https://gut-health.example/whipple",
        domain="gut-health.example",
        title="Whipple disease explained",
    )
    w2 = _doc(
        "url:https://clinic-notes.example/whipple",
        "web",
        url="https://clinic-notes.example/whipple",
        domain="clinic-notes.example",
        title="Clinic notes: Whipple",
    )
    w3 = _doc(
        "url:https://tropical.example/sprue",
        "web",
        url="https://tropical.example/sprue",
        domain="tropical.example",
        title="Tropical sprue overview",
    )
    wl_text = "Most adults with Whipple disease had marked weight loss at presentation."
    dup_text = "Most adults with Whipple disease had a marked weight loss at their presentation."
    batch_old = [
        _ex(p1, DISEASE, "HP:0001824", wl_text, "weight loss"),
        _ex(
            p1,
            DISEASE,
            "HP:0002014",
            "Chronic diarrhea was reported by most patients with Whipple disease.",
            "diarrhea",
            sentence_index=2,
        ),
        _ex(
            p2,
            DISEASE,
            "HP:0002829",
            "Arthralgia preceded the bowel symptoms of Whipple disease by several years.",
            "Arthralgia",
        ),
        _ex(w1, DISEASE, "HP:0001824", wl_text, "weight loss"),
        _ex(
            w1,
            DISEASE,
            "HP:0001945",
            "Patients with Whipple disease had no fever at admission.",
            "fever",
            negated=True,
            sentence_index=3,
        ),
        _ex(
            w1,
            DISEASE,
            "HP:0002014",
            "Whipple disease is confirmed by a small bowel biopsy in patients with diarrhea.",
            "diarrhea",
            section="workup",
            sentence_index=4,
        ),
    ]
    batch_new = [
        _ex(w2, DISEASE, "HP:0001824", dup_text, "weight loss"),
        _ex(
            w2,
            DISEASE,
            "HP:0012378",
            "Fatigue was common in Whipple disease and eased with antibiotics.",
            "Fatigue",
            sentence_index=2,
            relevance=0.6,
        ),
        _ex(w2, DISEASE, "HP:0002027", XSS_TEXT, "Weight loss", sentence_index=5),
        _ex(
            w2,
            DISEASE,
            "HP:0002829",
            "Arthralgia in Whipple disease eased after a long course of antibiotics.",
            "Arthralgia",
            section="treatment",
            sentence_index=6,
        ),
        _ex(
            w3,
            OTHER,
            "HP:0002014",
            "Tropical sprue causes diarrhea in travellers who stay for months.",
            "diarrhea",
        ),
        _ex(
            w3,
            OTHER,
            "HP:0012378",
            "Fatigue and tropical sprue go together in long-term residents.",
            "Fatigue",
            sentence_index=2,
        ),
    ]
    load_batch(conn, [p1, p2, w1], batch_old, "run-old", now=old)
    load_batch(conn, [w2, w3], batch_new, "run-new", now=new)
    # The dedup stage's output: the reworded weight-loss sentence joins the first one's cluster.
    keys = dict(conn.execute("SELECT text, text_key FROM excerpts").fetchall())
    conn.execute(
        "INSERT INTO text_clusters (text_key, cluster_key, signature, first_seen) "
        "VALUES (?, ?, NULL, ?), (?, ?, NULL, ?)",
        [keys[wl_text], keys[wl_text], old, keys[dup_text], keys[wl_text], new],
    )
    conn.close()
    ids = {
        "weight_loss": excerpt_id(DISEASE, "HP:0001824", wl_text),
        "weight_loss_dup": excerpt_id(DISEASE, "HP:0001824", dup_text),
        "diarrhea": excerpt_id(
            DISEASE,
            "HP:0002014",
            "Chronic diarrhea was reported by most patients with Whipple disease.",
        ),
        "fatigue": excerpt_id(
            DISEASE,
            "HP:0012378",
            "Fatigue was common in Whipple disease and eased with antibiotics.",
        ),
        "xss": excerpt_id(DISEASE, "HP:0002027", XSS_TEXT),
        "fever_negated": excerpt_id(
            DISEASE, "HP:0001945", "Patients with Whipple disease had no fever at admission."
        ),
    }
    return Sample(path, ids)
