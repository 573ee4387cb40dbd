"""Stage bodies shared by the flows: extract a batch of documents, then load it.

Kept apart from the Prefect decorators so the same code runs in-process, on Dask workers and
in `evidence import`, and so the flows stay short.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from evidence.config import Settings
from evidence.records import Document, Excerpt
from flows.report import RunReport
from text_processing.excerpts import extract_excerpts
from warehouse.load import LoadCounts, known_hashes, load_batch, touch_documents
from warehouse.session import writer


@dataclass
class ExtractedBatch:
    documents: list[Document]  # new or changed documents, to load
    excerpts: list[Excerpt]
    unchanged: list[str] = field(default_factory=list)  # doc_ids seen again, same content
    failed: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, cause)


def extract_batch(
    documents: Sequence[Document], settings: Settings, tagger, known: dict[str, str]
) -> ExtractedBatch:
    """Pure: excerpts for the documents whose content changed; one bad document is skipped."""
    out = ExtractedBatch(documents=[], excerpts=[])
    for doc in documents:
        if known.get(doc.doc_id) == doc.content_hash:
            out.unchanged.append(doc.doc_id)
            continue
        try:
            excerpts = extract_excerpts(doc, list(settings.diseases), tagger)
        except Exception as exc:  # noqa: BLE001 - one broken document must not stop the batch
            out.failed.append((doc.doc_id, f"{type(exc).__name__}: {exc}"))
            continue
        out.documents.append(doc)
        out.excerpts.extend(e for e in excerpts if e.relevance >= settings.tagging.min_relevance)
    return out


def lookup_known(settings: Settings, documents: Sequence[Document]) -> dict[str, str]:
    """doc_id -> content_hash already loaded, so unchanged documents skip extraction."""
    wh = settings.warehouse
    with writer(wh.path, min_free_bytes=wh.min_free_bytes) as conn:
        return known_hashes(conn, [d.doc_id for d in documents])


def load_extracted(
    batch: ExtractedBatch, settings: Settings, run_id: str, report: RunReport
) -> LoadCounts:
    """Load one extracted batch in one short write window and count it into the report."""
    wh = settings.warehouse
    with writer(wh.path, min_free_bytes=wh.min_free_bytes) as conn:
        counts = load_batch(conn, batch.documents, batch.excerpts, run_id)
        touch_documents(conn, batch.unchanged)
    for doc_id, cause in batch.failed:
        report.skipped["document_extraction_error"] += 1
        report.fail("extract", doc_id, cause)
    report.counts["documents_unchanged"] += len(batch.unchanged)
    for key, value in counts.as_dict().items():
        if key != "documents_unchanged":
            report.counts[key] += value
    report.counts["documents_loaded"] += len(batch.documents)
    return counts


def extract_and_load(
    documents: Sequence[Document], settings: Settings, tagger, run_id: str, report: RunReport
) -> LoadCounts:
    """One batch: look up known hashes, extract outside the write lock, load in one transaction."""
    known = lookup_known(settings, documents)
    batch = extract_batch(documents, settings, tagger, known)
    return load_extracted(batch, settings, run_id, report)
