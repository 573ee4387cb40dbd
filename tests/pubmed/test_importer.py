"""Importing PubMed XML files: baseline-style .xml.gz, update files with deletions, bad files."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from evidence.records import Document
from pubmed.importer import ImportStats, iter_files
from pubmed.parser import Deletion, PubMedXMLError

DEMO = Path(__file__).resolve().parents[2] / "pubmed" / "demo_records"

UPDATE = """<?xml version="1.0" encoding="utf-8"?>
<PubmedArticleSet>
<PubmedArticle><MedlineCitation><PMID Version="2">90000008</PMID><Article>
<Journal><Title>Demo Clinical Case Reports</Title></Journal>
<ArticleTitle>Diabetic amyotrophy in a woman without weight loss (corrected).</ArticleTitle>
</Article></MedlineCitation></PubmedArticle>
<PubmedArticle><MedlineCitation><PMID>91000001</PMID><Article><ArticleTitle></ArticleTitle>
</Article></MedlineCitation></PubmedArticle>
<DeleteCitation><PMID Version="1">90000012</PMID></DeleteCitation>
</PubmedArticleSet>
"""


@pytest.fixture
def baseline_dir(tmp_path: Path) -> Path:
    """A baseline file and a later update file, named the way NCBI names them."""
    (tmp_path / "pubmed26n0001.xml.gz").write_bytes(
        gzip.compress((DEMO / "diabetic_amyotrophy.xml").read_bytes())
    )
    (tmp_path / "pubmed26n0002.xml.gz").write_bytes(gzip.compress(UPDATE.encode("utf-8")))
    (tmp_path / "notes.txt").write_text("not PubMed")
    return tmp_path


def test_directory_is_read_in_name_order_with_deletions(baseline_dir: Path) -> None:
    stats = ImportStats()
    items = list(iter_files([baseline_dir], stats=stats))
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) == 16
    assert docs[-1].pmid == "90000008" and "corrected" in docs[-1].title  # the update comes last
    assert items[-1] == Deletion(("90000012",))
    assert [Path(f.path).name for f in stats.files] == [
        "pubmed26n0001.xml.gz",
        "pubmed26n0002.xml.gz",
    ]
    assert [(f.documents, f.deletions, len(f.problems)) for f in stats.files] == [
        (15, 0, 0),
        (1, 1, 1),
    ]
    assert stats.files[1].problems[0].pmid_or_position == "91000001"
    assert (stats.documents, stats.deletions, stats.problems) == (16, 1, 1)


def test_missing_path_fails_before_any_record(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"missing\.xml\.gz: no such file"):
        next(iter_files([DEMO / "guillain_barre.xml", tmp_path / "missing.xml.gz"]))


def test_broken_file_is_named_after_its_records(tmp_path: Path) -> None:
    whole = (DEMO / "guillain_barre.xml").read_bytes()
    (tmp_path / "a_broken.xml").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "b_good.xml").write_bytes((DEMO / "spinal_muscular_atrophy.xml").read_bytes())
    stats = ImportStats()
    seen = []
    with pytest.raises(PubMedXMLError, match=r"a_broken\.xml: broken XML after \d+ record"):
        for item in iter_files([tmp_path], stats=stats):
            seen.append(item)
    assert 0 < len(seen) < 7 and stats.files[0].error

    stats = ImportStats()
    kept = list(iter_files([tmp_path], stats=stats, keep_going=True))
    assert len(kept) == len(seen) + 8  # the good file is read in full
    assert [bool(f.error) for f in stats.files] == [True, False]
    assert stats.failed_files[0].path.endswith("a_broken.xml")
