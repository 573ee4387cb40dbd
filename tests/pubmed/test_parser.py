"""The streaming parser against Biopython's Entrez.read (the reference) and the awkward cases."""

from __future__ import annotations

import gzip
import html
import io
import re
from pathlib import Path

import pytest
from Bio import Entrez

from evidence.records import Document
from pubmed.parser import Deletion, ParseProblem, PubMedXMLError, iter_pubmed

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "entrez"
DEMO = Path(__file__).resolve().parents[2] / "pubmed" / "demo_records"
SHARED_FILES = sorted(SHARED.glob("pubmed*.xml"))
DEMO_FILES = sorted(DEMO.glob("*.xml"))
_INLINE_TAG = re.compile(r"</?(?:i|b|u|sup|sub|mml:\w+)(?:\s[^>]*)?>")


def _plain(value: object) -> str:
    """Biopython keeps inline markup as literal tags: drop them to compare the text."""
    return " ".join(html.unescape(_INLINE_TAG.sub("", str(value))).split())


def _bio_date(date: dict) -> str:
    month = int(date["Month"]) if str(date.get("Month", "")).isdigit() else None
    if month is None:
        return str(date["Year"])
    return f"{int(date['Year']):04d}-{month:02d}-{int(date['Day']):02d}"


def _reference(path: Path) -> dict[str, dict]:
    """The fields a Document must carry, read from Biopython's parse of the same file."""
    with open(path, "rb") as handle:
        parsed = Entrez.read(handle)
    expected: dict[str, dict] = {}
    for record in parsed["PubmedArticle"]:
        citation = record["MedlineCitation"]
        article = citation["Article"]
        ids = {str(i.attributes["IdType"]): str(i) for i in record["PubmedData"]["ArticleIdList"]}
        elocation = [
            str(e) for e in article.get("ELocationID", []) if e.attributes["EIdType"] == "doi"
        ]
        history = {d.attributes["PubStatus"]: d for d in record["PubmedData"].get("History", [])}
        entrez = history.get("entrez") or history.get("pubmed")
        abstract = article.get("Abstract", {}).get("AbstractText", [])
        expected[str(citation["PMID"])] = dict(
            title=_plain(article["ArticleTitle"]),
            sections=[(t.attributes.get("Label", ""), _plain(t)) for t in abstract],
            journal=str(article["Journal"]["Title"]),
            language=str(article["Language"][0]),
            mesh=[str(m["DescriptorName"]) for m in citation.get("MeshHeadingList", [])],
            types=[str(p) for p in article["PublicationTypeList"]],
            doi=ids.get("doi") or (elocation[0] if elocation else ""),
            authors=[
                (
                    str(a.get("LastName", "")),
                    str(a.get("Initials", "")),
                    str(a.get("CollectiveName", "")),
                )
                for a in article.get("AuthorList", [])
            ],
            year=int(article["Journal"]["JournalIssue"]["PubDate"]["Year"]),
            entrez=_bio_date(entrez) if entrez else "",
        )
    for record in parsed["PubmedBookArticle"]:
        book_doc = record["BookDocument"]
        abstract = book_doc.get("Abstract", {}).get("AbstractText", [])
        expected[str(book_doc["PMID"])] = dict(
            title=_plain(book_doc["ArticleTitle"]),
            sections=[(t.attributes.get("Label", ""), _plain(t)) for t in abstract],
            journal=_plain(book_doc["Book"]["BookTitle"]),
        )
    return expected


def _documents(source, **kwargs) -> list[Document]:
    return [d for d in iter_pubmed(source, **kwargs) if isinstance(d, Document)]


@pytest.mark.parametrize("path", SHARED_FILES + DEMO_FILES, ids=lambda p: p.name)
def test_fields_match_biopython(path: Path) -> None:
    expected = _reference(path)
    documents = {d.pmid: d for d in _documents(path)}
    assert set(documents) == set(expected)
    for pmid, want in expected.items():
        doc = documents[pmid]
        assert doc.doc_id == f"pmid:{pmid}" and doc.kind == "pubmed"
        assert doc.url == f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
        assert doc.domain == "ncbi.nlm.nih.gov"
        assert doc.title == want["title"], pmid
        assert [(s.heading, s.text) for s in doc.sections] == want["sections"], pmid
        assert doc.journal == want["journal"]
        if "mesh" not in want:  # book record: the remaining fields are article-only
            continue
        assert doc.language == want["language"]
        assert doc.mesh_terms == want["mesh"]
        assert doc.publication_types == want["types"]
        assert doc.doi == want["doi"]
        assert [(a.last_name, a.initials, a.collective) for a in doc.authors] == want["authors"]
        assert doc.year == want["year"]
        assert doc.entrez_date == want["entrez"]
        assert len(doc.content_hash) == 64


def test_every_shared_record_is_a_document() -> None:
    items = [i for path in SHARED_FILES for i in iter_pubmed(path)]
    assert len(items) == 6
    assert all(isinstance(i, Document) for i in items)


def test_structured_abstract_keeps_labels_and_inline_markup_text() -> None:
    (doc,) = _documents(SHARED / "pubmed4.xml")
    assert [s.heading for s in doc.sections] == ["OBJECTIVE", "DESIGN", "RESULTS", "CONCLUSIONS"]
    assert doc.title.startswith("Leucocyte telomere length, genetic variants at the TERT gene")
    assert "<" not in doc.title
    results = doc.sections[2].text
    assert "p trend" not in results and "ptrend=0.048" in results
    assert "r2<0.25" in results
    assert doc.published == "2017-06" and doc.entrez_date == "2016-11-01"  # no entrez: pubmed


def test_record_without_abstract_keeps_title() -> None:
    docs = {d.pmid: d for d in _documents(SHARED / "pubmed1.xml")}
    no_abstract = docs["12091962"]
    assert no_abstract.sections == []
    assert no_abstract.title == "The treatment of AIDS behind the walls of correctional facilities."
    assert no_abstract.year == 1990 and no_abstract.published == "1990"  # Season, no month


def test_book_record() -> None:
    docs = {d.pmid: d for d in _documents(DEMO / "spinal_muscular_atrophy.xml")}
    book = docs["90000029"]
    assert book.title == "Spinal muscular atrophy: an overview for clinicians"
    assert book.journal == "Demo Reviews in Neuromuscular Disease"
    assert [s.heading for s in book.sections] == [
        "CLINICAL CHARACTERISTICS",
        "DIAGNOSIS/TESTING",
        "MANAGEMENT",
    ]
    assert [a.last_name for a in book.authors] == ["Becker", "Strauß"]  # authors, not editors
    assert book.publication_types == ["Review"]
    assert book.doi == "10.5555/demo-book.90000029"
    assert book.entrez_date == "2024-12-02"


def test_non_ascii_and_markup_in_demo_titles() -> None:
    docs = {d.pmid: d for d in _documents(DEMO / "guillain_barre.xml")}
    gbs = docs["90000017"]
    assert (
        gbs.title == "Guillain–Barré syndrome after gastroenteritis: clinical course in São Paulo"
    )
    assert "1–3 weeks" in gbs.sections[0].text
    assert gbs.authors[0].last_name == "Conceição"
    docs = {d.pmid: d for d in _documents(DEMO / "diabetic_amyotrophy.xml")}
    assert docs["90000003"].title == (
        "Perineurial microvasculitis in diabetic amyotrophy: nerve biopsy findings and CD8+ "
        "T-cell infiltrates"
    )
    assert docs["90000015"].language == "ger"


MATHML = b"""<?xml version="1.0"?>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000001</PMID><Article>
<Journal><Title>J</Title><JournalIssue><PubDate><MedlineDate>2023 Nov-Dec</MedlineDate></PubDate>
</JournalIssue></Journal>
<ArticleTitle>Dose <b>response</b> of <mml:math
  xmlns:mml="http://www.w3.org/1998/Math/MathML">
  <mml:msup><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msup></mml:math> in na&#239;ve mice
</ArticleTitle>
<Abstract><AbstractText Label="RESULTS">Levels of CO<sub>2</sub> rose.</AbstractText>
<CopyrightInformation>Not abstract text.</CopyrightInformation></Abstract>
</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"""


def test_mathml_bold_and_entities_keep_their_text() -> None:
    (doc,) = _documents(MATHML)
    assert doc.title == "Dose response of x2 in naïve mice"
    assert [(s.heading, s.text) for s in doc.sections] == [("RESULTS", "Levels of CO2 rose.")]
    assert doc.year == 2023 and doc.published == "2023"


def test_gzip_path_bytes_and_file_object_agree(tmp_path: Path) -> None:
    plain = DEMO / "diabetic_amyotrophy.xml"
    gz = tmp_path / "pubmed26n0001.xml.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    expected = _documents(plain)
    assert len(expected) == 15
    assert _documents(gz) == expected
    assert _documents(gz.read_bytes()) == expected
    with open(plain, "rb") as handle:
        assert _documents(handle) == expected


def test_source_name_is_carried() -> None:
    (doc, *_) = _documents(SHARED / "pubmed2.xml", source_name="pubmed-import")
    assert doc.source == "pubmed-import"


UPDATE_FILE = b"""<?xml version="1.0" encoding="utf-8"?>
<PubmedArticleSet>
<PubmedArticle><MedlineCitation><PMID Version="1">91000010</PMID><Article>
<Journal><Title>J</Title></Journal><ArticleTitle>Kept record.</ArticleTitle></Article>
</MedlineCitation></PubmedArticle>
<DeleteCitation><PMID Version="1">90000006</PMID><PMID Version="1">90000012</PMID></DeleteCitation>
</PubmedArticleSet>"""


def test_delete_citation_yields_deletion() -> None:
    items = list(iter_pubmed(UPDATE_FILE))
    assert [type(i).__name__ for i in items] == ["Document", "Deletion"]
    assert items[1] == Deletion(("90000006", "90000012"))


MALFORMED = b"""<?xml version="1.0"?>
<PubmedArticleSet>
<PubmedArticle><MedlineCitation><PMID>91000020</PMID><Article><Journal><Title>J</Title></Journal>
<ArticleTitle>First good record.</ArticleTitle></Article></MedlineCitation></PubmedArticle>
<PubmedArticle><MedlineCitation><Article><ArticleTitle>No PMID here.</ArticleTitle></Article>
</MedlineCitation></PubmedArticle>
<PubmedArticle><MedlineCitation><PMID>91000022</PMID><Article><Journal><Title>J</Title></Journal>
<ArticleTitle>  </ArticleTitle></Article></MedlineCitation></PubmedArticle>
<PubmedArticle><MedlineCitation><PMID>PMC123</PMID></MedlineCitation></PubmedArticle>
<PubmedArticle><MedlineCitation><PMID>91000024</PMID><Article><Journal><Title>J</Title></Journal>
<ArticleTitle>Last good record.</ArticleTitle></Article></MedlineCitation></PubmedArticle>
</PubmedArticleSet>"""


def test_malformed_records_are_skipped_and_named() -> None:
    items = list(iter_pubmed(MALFORMED))
    assert [i.pmid for i in items if isinstance(i, Document)] == ["91000020", "91000024"]
    problems = [i for i in items if isinstance(i, ParseProblem)]
    assert [p.pmid_or_position for p in problems] == ["record 2", "91000022", "record 4"]
    assert "no PMID" in problems[0].message
    assert "empty ArticleTitle" in problems[1].message
    assert "'PMC123' is not a number" in problems[2].message


def test_truncated_file_yields_what_parsed_then_names_the_file(tmp_path: Path) -> None:
    whole = (DEMO / "guillain_barre.xml").read_bytes()
    cut = whole.find(b"<PubmedArticle>", whole.find(b"90000018")) + 400
    broken = tmp_path / "efetch_batch_3.xml"
    broken.write_bytes(whole[:cut])
    seen: list[str] = []
    with pytest.raises(PubMedXMLError, match=r"efetch_batch_3\.xml: broken XML after 3 record"):
        for item in iter_pubmed(broken):
            seen.append(item.pmid)
    assert seen == ["90000016", "90000017", "90000018"]


def test_truncated_gzip_names_the_file(tmp_path: Path) -> None:
    data = gzip.compress((DEMO / "guillain_barre.xml").read_bytes())
    broken = tmp_path / "pubmed26n0002.xml.gz"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(PubMedXMLError, match=r"pubmed26n0002\.xml\.gz"):
        list(iter_pubmed(broken))


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(PubMedXMLError, match=r"nowhere\.xml: cannot open"):
        list(iter_pubmed(tmp_path / "nowhere.xml"))


def test_content_hash_follows_the_text() -> None:
    first = _documents(SHARED / "pubmed2.xml")
    again = _documents(io.BytesIO((SHARED / "pubmed2.xml").read_bytes()))
    assert [d.content_hash for d in first] == [d.content_hash for d in again]
    changed = (SHARED / "pubmed2.xml").read_bytes().replace(b"three key phases", b"four phases")
    hashes = [d.content_hash for d in _documents(changed)]
    assert hashes[0] != first[0].content_hash and hashes[1] == first[1].content_hash


def test_duplicated_abstract_gives_same_sections_different_documents() -> None:
    docs = {d.pmid: d for d in _documents(DEMO / "diabetic_amyotrophy.xml")}
    assert docs["90000006"].sections == docs["90000012"].sections
    assert docs["90000006"].content_hash != docs["90000012"].content_hash  # titles differ
