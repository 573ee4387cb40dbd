"""Generated PubMed corpora for flow tests and bench/bench_pipeline.py: demo records, cloned.

Each clone gets its own PMID and a distinguishing phrase, so it is a new document with its own
excerpts; the clones keep the demo records' disease names, so the mock's esearch finds them.
"""

from __future__ import annotations

import re
from pathlib import Path

DEMO_RECORDS = Path(__file__).resolve().parents[2] / "pubmed" / "demo_records"
_ARTICLE = re.compile(rb"<PubmedArticle>.*?</PubmedArticle>", re.S)
_PMID = re.compile(rb"<PMID Version=\"1\">\d+</PMID>")
_TITLE = re.compile(rb"<ArticleTitle>")
_HEAD = (
    b'<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st'
    b' January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
    b"<PubmedArticleSet>\n"
)


def templates() -> list[bytes]:
    out: list[bytes] = []
    for path in sorted(DEMO_RECORDS.glob("*.xml")):
        out.extend(_ARTICLE.findall(path.read_bytes()))
    return out


def write_pubmed_corpus(folder: Path, records: int, first_pmid: int = 91_000_000) -> Path:
    """`records` PubmedArticles in one file under `folder`; returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    base = templates()
    path = folder / "generated.xml"
    with open(path, "wb") as out:
        out.write(_HEAD)
        for i in range(records):
            pmid = first_pmid + i
            article = _PMID.sub(f'<PMID Version="1">{pmid}</PMID>'.encode(), base[i % len(base)], 1)
            article = _TITLE.sub(f"<ArticleTitle>Series {i}: ".encode(), article, 1)
            out.write(article + b"\n")
        out.write(b"</PubmedArticleSet>\n")
    return path
