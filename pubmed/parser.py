"""Streaming PubMed XML parser: efetch output, baseline and update files, one record at a time.

Biopython's ``Entrez.read`` builds the whole answer in memory and ``Entrez.parse`` refuses a
PubmedArticleSet, so a 30,000-record baseline file would be held whole. Here ``lxml``'s
``iterparse`` hands over one ``PubmedArticle`` / ``PubmedBookArticle`` / ``DeleteCitation`` at a
time; each is turned into a ``Document`` (or ``Deletion``) and then cleared, together with the
siblings already seen, so memory stays flat whatever the file size.

A record that is well-formed XML but unusable (no PMID, no title) becomes a ``ParseProblem`` and
the stream goes on; XML that is not well-formed (a truncated download) cannot be resynchronised,
so it raises ``PubMedXMLError`` naming the source after everything before it has been yielded.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, BinaryIO

from lxml import etree

from evidence.records import Author, Document, Section

PUBMED_DOMAIN = "ncbi.nlm.nih.gov"
PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
RECORD_TAGS = ("PubmedArticle", "PubmedBookArticle", "DeleteCitation")

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_PMID = re.compile(r"^\d{1,9}$")


class PubMedXMLError(ValueError):
    """The XML stream itself is broken (not well-formed, truncated); names the source."""


@dataclass(slots=True, frozen=True)
class Deletion:
    """PMIDs that an NCBI update file withdraws (``<DeleteCitation>``)."""

    pmids: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class ParseProblem:
    """A record that was skipped: which one (PMID, or ``record N`` when it has none) and why."""

    pmid_or_position: str
    message: str


ParsedItem = Document | Deletion | ParseProblem
Source = str | os.PathLike[str] | bytes | IO[bytes]


class _RecordError(ValueError):
    """Raised while reading one record; turned into a ParseProblem by the loop."""


def iter_pubmed(source: Source, source_name: str = "pubmed") -> Iterator[ParsedItem]:
    """Yield a Document, Deletion or ParseProblem for each record of a PubMed XML stream.

    ``source`` is a path (``.xml`` or ``.xml.gz``), raw bytes, or a binary file-like object
    (an HTTP response is streamed as it arrives). ``source_name`` goes into each Document.
    """
    label = _describe(source)
    with _open_source(source) as stream:
        yield from _iter_stream(stream, label, source_name)


def _iter_stream(stream: BinaryIO, label: str, source_name: str) -> Iterator[ParsedItem]:
    events = etree.iterparse(
        stream,
        events=("end",),
        tag=RECORD_TAGS,
        load_dtd=False,
        no_network=True,
        resolve_entities=False,
        remove_comments=True,
    )
    position = 0
    try:
        for _event, elem in events:
            position += 1
            try:
                yield parse_record(elem, source_name, position)
            finally:
                elem.clear(keep_tail=False)
                parent = elem.getparent()
                if parent is not None:
                    while elem.getprevious() is not None:
                        del parent[0]
    except etree.XMLSyntaxError as exc:
        raise PubMedXMLError(
            f"{label}: broken XML after {position} record(s) (line {exc.lineno}): {exc.msg or exc}"
        ) from exc
    except (EOFError, OSError) as exc:  # gzip truncation, connection reset, incomplete read
        raise PubMedXMLError(
            f"{label}: stream ended early after {position} record(s): {exc}"
        ) from exc


def parse_record(
    elem: etree._Element, source_name: str = "pubmed", position: int = 0
) -> ParsedItem:
    """Turn one record element into a Document / Deletion, or a ParseProblem naming the record."""
    try:
        if elem.tag == "DeleteCitation":
            return Deletion(tuple(p for p in _texts_of(elem.iterchildren("PMID")) if p))
        if elem.tag == "PubmedBookArticle":
            return _book(elem, source_name)
        return _article(elem, source_name)
    except _RecordError as exc:
        holder = _child(elem, "MedlineCitation")
        if holder is None:
            holder = _child(elem, "BookDocument")
        pmid = _text(_child(holder, "PMID")) if holder is not None else ""
        where = pmid if _PMID.match(pmid) else f"record {position}"
        return ParseProblem(where, str(exc))


# Children are looked up by walking them once (``_index``) rather than with ``find(path)``:
# lxml's find goes through its ElementPath engine on every call, which costs several times more
# than the parse itself on baseline files.


def _article(elem: etree._Element, source_name: str) -> Document:
    record = _index(elem)
    citation = record.get("MedlineCitation")
    if citation is None:
        raise _RecordError("PubmedArticle has no MedlineCitation")
    cited = _index(citation)
    pmid = _require_pmid(cited.get("PMID"))
    article_elem = cited.get("Article")
    if article_elem is None:
        raise _RecordError(f"PMID {pmid}: no Article element")
    article = _index(article_elem)
    title = _flat(article.get("ArticleTitle")) or _flat(article.get("VernacularTitle"))
    if not title:
        raise _RecordError(f"PMID {pmid}: empty ArticleTitle")
    journal = _index(article.get("Journal"))
    issue = _index(journal.get("JournalIssue"))
    year, published = _pub_date(issue.get("PubDate"))
    if not published:
        year, published = _pub_date(article.get("ArticleDate"))
    data = _index(record.get("PubmedData"))
    doi = _doi(data.get("ArticleIdList"))
    if not doi:
        doi = next(
            (
                _text(e)
                for e in article_elem.iterchildren("ELocationID")
                if e.get("EIdType") == "doi"
            ),
            "",
        )
    return _document(
        pmid=pmid,
        source_name=source_name,
        title=title,
        abstract=article.get("Abstract"),
        journal=_text(journal.get("Title")),
        year=year,
        published=published,
        doi=doi,
        language=_text(article.get("Language")),
        mesh_terms=_grandchildren_texts(cited.get("MeshHeadingList"), "DescriptorName"),
        publication_types=_texts_of(_children(article.get("PublicationTypeList"))),
        authors=_authors(article.get("AuthorList")),
        entrez_date=_entrez_date(data.get("History")),
    )


def _book(elem: etree._Element, source_name: str) -> Document:
    record = _index(elem)
    book_doc_elem = record.get("BookDocument")
    if book_doc_elem is None:
        raise _RecordError("PubmedBookArticle has no BookDocument")
    book_doc = _index(book_doc_elem)
    pmid = _require_pmid(book_doc.get("PMID"))
    book_elem = book_doc.get("Book")
    book = _index(book_elem)
    book_title = _flat(book.get("BookTitle"))
    title = _flat(book_doc.get("ArticleTitle")) or book_title
    if not title:
        raise _RecordError(f"PMID {pmid}: book record without ArticleTitle or BookTitle")
    year, published = _pub_date(book.get("PubDate"))
    # chapter authors sit on BookDocument; a whole book has them (and editors) on Book
    author_lists = list(book_doc_elem.iterchildren("AuthorList"))
    if not author_lists and book_elem is not None:
        author_lists = list(book_elem.iterchildren("AuthorList"))
    authors_list = next((a for a in author_lists if a.get("Type", "authors") == "authors"), None)
    data = _index(record.get("PubmedBookData"))
    return _document(
        pmid=pmid,
        source_name=source_name,
        title=title,
        abstract=book_doc.get("Abstract"),
        journal=book_title,
        year=year,
        published=published,
        doi=_doi(book_doc.get("ArticleIdList")) or _doi(data.get("ArticleIdList")),
        language=_text(book_doc.get("Language")),
        mesh_terms=_grandchildren_texts(book_doc.get("MeshHeadingList"), "DescriptorName"),
        publication_types=_texts_of(book_doc_elem.iterchildren("PublicationType")),
        authors=_authors(authors_list),
        entrez_date=_entrez_date(data.get("History")),
    )


def _document(
    *, pmid: str, source_name: str, title: str, abstract: etree._Element | None, **fields
) -> Document:
    sections = _sections(abstract)
    return Document(
        doc_id=f"pmid:{pmid}",
        kind="pubmed",
        source=source_name,
        title=title,
        sections=sections,
        url=PUBMED_URL.format(pmid=pmid),
        domain=PUBMED_DOMAIN,
        pmid=pmid,
        content_hash=content_hash(title, sections),
        **fields,
    )


def content_hash(title: str, sections: list[Section]) -> str:
    """sha256 over exactly the text extraction sees: title, then each heading and paragraph."""
    digest = hashlib.sha256(title.encode("utf-8"))
    for section in sections:
        digest.update(b"\x1e" + section.heading.encode("utf-8") + b"\x1f")
        digest.update(section.text.encode("utf-8"))
    return digest.hexdigest()


def _sections(abstract: etree._Element | None) -> list[Section]:
    if abstract is None:
        return []
    sections = []
    for part in abstract.iterchildren("AbstractText"):
        text = _flat(part)
        if text:
            sections.append(Section(heading=(part.get("Label") or "").strip(), text=text))
    return sections


def _require_pmid(elem: etree._Element | None) -> str:
    pmid = _text(elem)
    if not pmid:
        raise _RecordError("record has no PMID")
    if not _PMID.match(pmid):
        raise _RecordError(f"PMID {pmid!r} is not a number")
    return pmid


def _authors(author_list: etree._Element | None) -> list[Author]:
    if author_list is None:
        return []
    authors = []
    for author in author_list.iterchildren("Author"):
        last = initials = fore = collective = ""
        for part in author:
            tag = part.tag
            if tag == "LastName":
                last = _text(part)
            elif tag == "Initials":
                initials = _text(part)
            elif tag == "ForeName":
                fore = _text(part)
            elif tag == "CollectiveName":
                collective = _flat(part)
        if last:
            collective = ""
        elif not collective:
            continue
        initials = initials or "".join(w[0] for w in fore.split())
        authors.append(Author(last_name=last, initials=initials, collective=collective))
    return authors


def _doi(id_list: etree._Element | None) -> str:
    if id_list is None:
        return ""
    for article_id in id_list.iterchildren("ArticleId"):
        if article_id.get("IdType") == "doi":
            return _text(article_id)
    return ""


def _entrez_date(history: etree._Element | None) -> str:
    """When the record entered PubMed: the incremental cursor. ``entrez``, else ``pubmed``."""
    if history is None:
        return ""
    fallback = None
    for date in history.iterchildren("PubMedPubDate"):
        status = date.get("PubStatus")
        if status == "entrez":
            return _pub_date(date)[1]
        if status == "pubmed":
            fallback = date
    return _pub_date(fallback)[1]


def _pub_date(date: etree._Element | None) -> tuple[int | None, str]:
    """(year, ISO date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD)."""
    if date is None:
        return None, ""
    year_text = month_text = day_text = medline_date = ""
    for part in date:
        tag = part.tag
        if tag == "Year":
            year_text = _text(part)
        elif tag == "Month":
            month_text = _text(part)
        elif tag == "Day":
            day_text = _text(part)
        elif tag == "MedlineDate":
            medline_date = _text(part)
    if not year_text:
        found = _YEAR.search(medline_date)
        return (int(found.group(1)), found.group(1)) if found else (None, "")
    if not year_text.isdigit():
        return None, ""
    year = int(year_text)
    month = _month(month_text)
    if month is None:
        return year, f"{year:04d}"
    if day_text.isdigit() and 1 <= int(day_text) <= 31:
        return year, f"{year:04d}-{month:02d}-{int(day_text):02d}"
    return year, f"{year:04d}-{month:02d}"


def _month(text: str) -> int | None:
    if text.isdigit():
        value = int(text)
        return value if 1 <= value <= 12 else None
    return _MONTHS.get(text[:3].lower())


def _index(elem: etree._Element | None) -> dict[str, etree._Element]:
    """First child element per tag: one walk over the children instead of one find per field."""
    found: dict[str, etree._Element] = {}
    if elem is not None:
        for child in elem:
            found.setdefault(child.tag, child)
    return found


def _child(elem: etree._Element, tag: str) -> etree._Element | None:
    return next(elem.iterchildren(tag), None)


def _children(elem: etree._Element | None) -> list[etree._Element]:
    return list(elem) if elem is not None else []


def _grandchildren_texts(elem: etree._Element | None, tag: str) -> list[str]:
    if elem is None:
        return []
    texts = []
    for child in elem:
        for grandchild in child.iterchildren(tag):
            text = _flat(grandchild)
            if text:
                texts.append(text)
    return texts


def _text(elem: etree._Element | None) -> str:
    if elem is None:
        return ""
    text = elem.text
    return text.strip() if text else ""


def _flat(elem: etree._Element | None) -> str:
    """All text inside an element, inline markup (<i>, <sup>, MathML) dropped, spaces collapsed."""
    if elem is None:
        return ""
    text = "".join(elem.itertext()) if len(elem) else elem.text
    return " ".join(text.split()) if text else ""


def _texts_of(elems: Iterable[etree._Element]) -> list[str]:
    return [t for t in (_flat(e) for e in elems) if t]


def _describe(source: Source) -> str:
    if isinstance(source, bytes | bytearray):
        return "<bytes>"
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    return str(getattr(source, "name", None) or getattr(source, "url", None) or "<stream>")


class _open_source:
    """Context manager giving a binary stream; gunzips ``.gz`` paths and gzip-magic bytes."""

    def __init__(self, source: Source) -> None:
        self._source = source
        self._owned: IO[bytes] | None = None

    def __enter__(self) -> BinaryIO:
        source = self._source
        if isinstance(source, bytes | bytearray):
            raw: IO[bytes] = io.BytesIO(source)
            if bytes(source[:2]) == b"\x1f\x8b":
                raw = gzip.GzipFile(fileobj=raw)
            self._owned = raw
        elif isinstance(source, str | os.PathLike):
            path = os.fspath(source)
            try:
                self._owned = gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")
            except OSError as exc:
                raise PubMedXMLError(f"{path}: cannot open: {exc.strerror or exc}") from exc
        else:
            return source  # type: ignore[return-value]
        return self._owned  # type: ignore[return-value]

    def __exit__(self, *exc_info: object) -> None:
        if self._owned is not None:
            self._owned.close()
