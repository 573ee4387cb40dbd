"""Import PubMed XML files (efetch output, NCBI baseline and update files) through the parser.

This is how users harvest at scale without E-utilities: NCBI's annual baseline and daily update
files (``pubmed25nNNNN.xml.gz``, about 30,000 records each) are streamed one record at a time.
Files are read in name order, because update files must be applied in sequence: a citation
deleted by a later file must stay deleted. Malformed records are skipped and counted per file;
a file whose XML breaks off raises ``PubMedXMLError`` naming it, after its readable records were
yielded (or, with ``keep_going``, is recorded in its report and the next file is read).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from evidence.records import Document
from pubmed.parser import Deletion, ParseProblem, PubMedXMLError, iter_pubmed

PUBMED_SUFFIXES = (".xml", ".xml.gz")


@dataclass(slots=True)
class FileReport:
    """What one file gave: counts, the skipped records, and the error that stopped it, if any."""

    path: str
    documents: int = 0
    deletions: int = 0  # PMIDs withdrawn by <DeleteCitation>
    problems: list[ParseProblem] = field(default_factory=list)
    error: str = ""


@dataclass(slots=True)
class ImportStats:
    files: list[FileReport] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return sum(f.documents for f in self.files)

    @property
    def deletions(self) -> int:
        return sum(f.deletions for f in self.files)

    @property
    def problems(self) -> int:
        return sum(len(f.problems) for f in self.files)

    @property
    def failed_files(self) -> list[FileReport]:
        return [f for f in self.files if f.error]


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files as given, directories expanded to their ``.xml``/``.xml.gz`` files in name order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.name.endswith(PUBMED_SUFFIXES))
            if not found:
                raise FileNotFoundError(f"{path}: no .xml or .xml.gz files in this directory")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or directory")
    return files


def iter_files(
    paths: Iterable[str | os.PathLike[str]],
    source_name: str = "pubmed",
    stats: ImportStats | None = None,
    keep_going: bool = False,
) -> Iterator[Document | Deletion]:
    """Yield every Document and Deletion of the files, in file order then record order.

    Per-file counts and skipped records go into ``stats``. All paths are checked before the
    first record is read, so a mistyped name fails before any work is done.
    """
    stats = stats if stats is not None else ImportStats()
    for path in expand_paths(paths):
        report = FileReport(path=str(path))
        stats.files.append(report)
        try:
            for item in iter_pubmed(path, source_name=source_name):
                if isinstance(item, ParseProblem):
                    report.problems.append(item)
                    continue
                if isinstance(item, Deletion):
                    report.deletions += len(item.pmids)
                else:
                    report.documents += 1
                yield item
        except PubMedXMLError as exc:
            report.error = str(exc)
            if not keep_going:
                raise
