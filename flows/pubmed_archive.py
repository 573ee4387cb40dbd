"""Raw-first PubMed harvesting: every efetch answer is archived as fetched before it is parsed.

Each batch is streamed to a gzip file under `<archive_dir>/pubmed/<run>/`, checked to be whole
XML (a truncated answer is retried like a 5xx), and only then renamed into place. Extraction
reads these files, so it can be rerun without asking NCBI again, and a crash loses nothing that
was fetched.
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
from pathlib import Path

from evidence.config import Settings
from evidence.records import Document
from flows import progress
from flows.report import RunReport
from pubmed.entrez_client import SearchResult, request_with_retries
from pubmed.parser import Deletion, ParseProblem, iter_pubmed
from warehouse.load import utcnow


def _batch_dir(settings: Settings, query: str) -> Path:
    digest = hashlib.sha1(query.encode("utf-8")).hexdigest()[:10]
    return settings.warehouse.archive_dir / "pubmed" / f"{utcnow():%Y%m%dT%H%M%S}-{digest}"


def _count_records(path: Path) -> int:
    """Parse the archived file once; a truncated answer raises PubMedXMLError (then retried)."""
    return sum(1 for item in iter_pubmed(path) if not isinstance(item, Deletion))


def archive_batches(
    settings: Settings, found: SearchResult, disease_name: str, stage: str
) -> list[Path]:
    """efetch every batch of a search into the archive; returns the archived files in order."""
    pm = settings.pubmed
    folder = _batch_dir(settings, found.query)
    folder.mkdir(parents=True, exist_ok=True)
    total = min(found.count, pm.max_records)
    files: list[Path] = []
    for retstart in range(0, total, pm.batch_size):
        retmax = min(pm.batch_size, total - retstart)
        final = folder / f"efetch-{retstart:07d}.xml.gz"
        partial = final.with_name(f".partial-{final.name}")
        params = {
            "db": "pubmed",
            "WebEnv": found.webenv,
            "query_key": found.query_key,
            "retstart": retstart,
            "retmax": retmax,
            "retmode": "xml",
        }
        what = (
            f"efetch for {disease_name!r} query {found.query!r}, batch retstart "
            f"{retstart}..{retstart + retmax - 1}"
        )

        def store(handle, partial: Path = partial) -> int:
            with gzip.open(partial, "wb") as out:
                shutil.copyfileobj(handle, out, 1 << 16)
            return _count_records(partial)

        request_with_retries(pm, "efetch.fcgi", params, store, what)
        partial.rename(final)
        files.append(final)
        progress.current().advance(stage, retmax)
    return files


def read_archived_batch(path: Path, report: RunReport) -> list[Document]:
    """Documents of one archived answer; malformed records are skipped and counted."""
    docs: list[Document] = []
    for item in iter_pubmed(path):
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, ParseProblem):
            report.skipped["malformed_pubmed_record"] += 1
            report.fail("parse-pubmed", f"{path.name}: {item.pmid_or_position}", item.message)
    return docs
