"""The mock E-utilities server, spoken to with plain HTTP as NCBI would be."""

from __future__ import annotations

import io
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from Bio import Entrez

from evidence.records import Document
from pubmed.mock_eutils import MockEutils
from pubmed.parser import iter_pubmed

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "pubmed" / "demo_records"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "entrez"


@pytest.fixture(scope="module")
def mock() -> Iterator[MockEutils]:
    with MockEutils([DEMO, SHARED]) as server:
        yield server


def _get(mock: MockEutils, utility: str, **params: object) -> tuple[int, bytes]:
    url = mock.base_url + utility + "?" + urllib.parse.urlencode(params)
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _esearch(mock: MockEutils, **params: object) -> dict:
    status, body = _get(mock, "esearch.fcgi", db="pubmed", **params)
    assert status == 200
    return Entrez.read(io.BytesIO(body))


def test_loads_demo_and_recorded_records(mock: MockEutils) -> None:
    pmids = mock.pmids
    assert len(pmids) == 30 + 6
    assert "90000029" in pmids and "27797938" in pmids  # a book and a recorded NCBI answer


def test_esearch_matches_quoted_phrases_joined_by_or(mock: MockEutils) -> None:
    answer = _esearch(mock, term='"Bruns-Garland syndrome"[tiab] OR "telomere length"[tiab]')
    assert sorted(answer["IdList"]) == ["27797938", "90000002", "90000014"]
    assert answer["Count"] == "3"


def test_esearch_is_case_insensitive_and_pages(mock: MockEutils) -> None:
    everything = _esearch(mock, term='"GUILLAIN-BARRE SYNDROME"', retmax=100)
    assert len(everything["IdList"]) == int(everything["Count"]) == 6
    page = _esearch(mock, term='"guillain-barre syndrome"', retstart=2, retmax=2)
    assert page["IdList"] == everything["IdList"][2:4]
    assert page["RetStart"] == "2" and page["RetMax"] == "2"


def test_esearch_dates_filter_on_entrez_date(mock: MockEutils) -> None:
    answer = _esearch(
        mock,
        term='"spinal muscular atrophy"',
        datetype="edat",
        mindate="2025/01",
        maxdate="2025",
        retmax=50,
    )
    assert sorted(answer["IdList"]) == ["90000025", "90000026", "90000027"]


def test_history_then_efetch_by_webenv_and_by_id(mock: MockEutils) -> None:
    answer = _esearch(mock, term='"diabetic lumbosacral radiculoplexus neuropathy"', usehistory="y")
    status, body = _get(
        mock,
        "efetch.fcgi",
        db="pubmed",
        WebEnv=answer["WebEnv"],
        query_key=answer["QueryKey"],
        retstart=0,
        retmax=10,
        retmode="xml",
    )
    assert status == 200
    fetched = [d.pmid for d in iter_pubmed(body) if isinstance(d, Document)]
    assert fetched == list(answer["IdList"]) or sorted(fetched) == ["90000001", "90000007"]
    status, body = _get(mock, "efetch.fcgi", db="pubmed", id="9997,90000029,123", retmode="xml")
    docs = [d for d in iter_pubmed(body) if isinstance(d, Document)]
    assert [d.pmid for d in docs] == ["9997", "90000029"]  # unknown ids are left out
    assert Entrez.read(io.BytesIO(body))["PubmedBookArticle"]  # still valid XML


def test_unknown_webenv_is_a_400(mock: MockEutils) -> None:
    status, body = _get(mock, "efetch.fcgi", db="pubmed", WebEnv="nope", query_key=1)
    assert status == 400 and b"Unable to obtain query" in body


def test_faults_apply_to_the_named_utility_only() -> None:
    with MockEutils([DEMO]) as mock:
        mock.inject("429", times=2, utility="efetch")
        assert _get(mock, "esearch.fcgi", term="sma")[0] == 200
        assert _get(mock, "efetch.fcgi", id="90000001")[0] == 429
        assert _get(mock, "efetch.fcgi", id="90000001")[0] == 429
        status, body = _get(mock, "efetch.fcgi", id="90000001")
        assert status == 200 and b"</PubmedArticleSet>" in body
        mock.inject("truncate", utility="efetch")
        status, body = _get(mock, "efetch.fcgi", id="90000001,90000002")
        assert status == 200 and b"</PubmedArticleSet>" not in body
        assert body.count(b"<PubmedArticle>") == 2  # cut inside the second record
        assert [r.fault for r in mock.requests] == ["", "429", "429", "", "truncate"]


def test_inject_rejects_unknown_fault() -> None:
    with MockEutils([DEMO]) as mock, pytest.raises(ValueError, match="unknown fault 'teapot'"):
        mock.inject("teapot")


def test_runs_as_a_module_for_the_demo() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "pubmed.mock_eutils", "--port", "0", str(DEMO)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        assert "30 records at http://127.0.0.1:" in line
        base_url = line.rsplit(" ", 1)[-1].strip()
        with urllib.request.urlopen(base_url + "esearch.fcgi?term=%22allodynia%22", timeout=5) as r:
            assert b"<Count>5</Count>" in r.read()
    finally:
        process.terminate()
        process.wait(timeout=10)
