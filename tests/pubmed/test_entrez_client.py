"""Harvesting through Biopython's Entrez against the mock E-utilities server, over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from Bio import Entrez

from evidence.config import Disease, PubMedSettings
from pubmed.entrez_client import (
    HarvestError,
    HarvestStats,
    fetch_batches,
    incremental_mindate,
    search,
)
from pubmed.mock_eutils import MockEutils

DEMO = Path(__file__).resolve().parents[2] / "pubmed" / "demo_records"
DA_QUERY = Disease(
    name="Diabetic amyotrophy",
    synonyms=[
        "diabetic lumbosacral radiculoplexus neuropathy",
        "Bruns-Garland syndrome",
        "proximal diabetic neuropathy",
    ],
).query()
# every demo record whose title or abstract names diabetic amyotrophy or a synonym
DA_PMIDS = {f"900000{n:02d}" for n in [*range(1, 16), 28]}


@pytest.fixture
def mock() -> Iterator[MockEutils]:
    with MockEutils([DEMO]) as server:
        yield server


def _settings(mock: MockEutils, **overrides) -> PubMedSettings:
    values = dict(
        base_url=mock.base_url,
        email="tests@example.org",
        batch_size=5,
        backoff_seconds=0.01,
        max_retries=3,
        timeout_seconds=5,
    )
    values.update(overrides)
    return PubMedSettings(**values)


def test_search_uses_history_server(mock: MockEutils) -> None:
    result = search(_settings(mock), DA_QUERY)
    assert result.count == len(DA_PMIDS)
    assert result.webenv.startswith("MCID_") and result.query_key == "1"
    (request,) = mock.requests
    assert request.utility == "esearch"
    assert request.params["usehistory"] == "y"
    assert request.params["term"] == DA_QUERY
    assert request.params["email"] == "tests@example.org"
    assert request.params["tool"] == "symptom-evidence"
    assert "mindate" not in request.params


def test_fetch_in_batches_from_history(mock: MockEutils) -> None:
    settings = _settings(mock)
    result = search(settings, DA_QUERY)
    stats = HarvestStats()
    batches = list(fetch_batches(settings, result, stats=stats))
    assert [(b.retstart, b.retmax, len(b.documents)) for b in batches] == [
        (0, 5, 5),
        (5, 5, 5),
        (10, 5, 5),
        (15, 1, 1),
    ]
    pmids = [d.pmid for b in batches for d in b.documents]
    assert sorted(pmids) == sorted(DA_PMIDS)  # each record exactly once
    assert stats.documents == 16 and stats.batches == 4 and stats.problems == 0
    fetches = mock.requests_for("efetch")
    assert [(r.params["retstart"], r.params["retmax"]) for r in fetches] == [
        ("0", "5"),
        ("5", "5"),
        ("10", "5"),
        ("15", "1"),
    ]
    assert {r.params["WebEnv"] for r in fetches} == {result.webenv}
    assert {r.params["query_key"] for r in fetches} == {"1"}
    assert {r.params["retmode"] for r in fetches} == {"xml"}


def test_max_records_caps_the_harvest(mock: MockEutils) -> None:
    settings = _settings(mock, batch_size=3, max_records=4)
    batches = list(fetch_batches(settings, search(settings, DA_QUERY)))
    assert [len(b.documents) for b in batches] == [3, 1]


def test_incremental_search_asks_only_for_new_entrez_dates(mock: MockEutils) -> None:
    settings = _settings(mock, overlap_days=2)
    mindate = incremental_mindate("2025-10-08", settings)
    assert mindate == "2025/10/06"
    result = search(settings, DA_QUERY, mindate=mindate)
    docs = [d for b in fetch_batches(settings, result) for d in b.documents]
    # 90000012 entered on 2025-10-06: inside the overlap, so asked for again
    assert sorted(d.pmid for d in docs) == ["90000012", "90000013", "90000014", "90000028"]
    assert all(d.entrez_date >= "2025-10-06" for d in docs)
    request = mock.requests_for("esearch")[0]
    assert request.params["datetype"] == "edat"
    assert request.params["mindate"] == "2025/10/06"
    assert request.params["maxdate"]  # NCBI ignores a mindate without a maxdate


def test_no_new_records_means_no_efetch(mock: MockEutils) -> None:
    settings = _settings(mock)
    result = search(settings, DA_QUERY, mindate="2026/06/01")
    assert result.count == 0
    assert list(fetch_batches(settings, result)) == []
    assert mock.requests_for("efetch") == []


def test_429_and_500_are_retried_then_succeed(mock: MockEutils) -> None:
    settings = _settings(mock, batch_size=20)
    result = search(settings, DA_QUERY)
    mock.inject("429", times=2, utility="efetch")
    mock.inject("500", times=1, utility="efetch")
    stats = HarvestStats()
    (batch,) = list(fetch_batches(settings, result, stats=stats))
    assert len(batch.documents) == 16 and batch.attempts == 4 and stats.retries == 3
    assert [r.fault for r in mock.requests_for("efetch")] == ["429", "429", "500", ""]


def test_backoff_grows_exponentially(mock: MockEutils) -> None:
    settings = _settings(mock, batch_size=20, backoff_seconds=0.4, max_retries=3)
    result = search(settings, DA_QUERY)
    mock.inject("503", times=3, utility="efetch")
    list(fetch_batches(settings, result))
    times = [r.time for r in mock.requests_for("efetch")]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert gaps[0] >= 0.4 and gaps[1] >= 0.8 and gaps[2] >= 1.6


def test_retries_exhausted_names_query_and_batch(mock: MockEutils) -> None:
    settings = _settings(mock, max_retries=2)
    result = search(settings, DA_QUERY)
    mock.inject("500", times=3, utility="efetch")  # the first batch never gets through
    with pytest.raises(HarvestError) as caught:
        list(fetch_batches(settings, result))
    message = str(caught.value)
    assert "Diabetic amyotrophy" in message
    assert "batch retstart 0..4" in message
    assert "3 attempt(s)" in message and "HTTP 500" in message
    assert len(mock.requests_for("efetch")) == 3


def test_failed_later_batch_keeps_earlier_batches(mock: MockEutils) -> None:
    settings = _settings(mock, max_retries=1, batch_size=10)
    result = search(settings, DA_QUERY)
    batches = fetch_batches(settings, result)
    first = next(batches)
    assert len(first.documents) == 10
    mock.inject("502", times=2, utility="efetch")
    with pytest.raises(HarvestError, match=r"batch retstart 10\.\.15"):
        next(batches)


def test_truncated_xml_retries_the_batch_without_duplicates(mock: MockEutils) -> None:
    settings = _settings(mock, batch_size=20)
    result = search(settings, DA_QUERY)
    mock.inject("truncate", times=1, utility="efetch")
    mock.inject("disconnect", times=1, utility="efetch")
    (batch,) = list(fetch_batches(settings, result))
    assert batch.attempts == 3
    assert sorted(d.pmid for d in batch.documents) == sorted(DA_PMIDS)


def test_truncated_xml_every_time_is_a_harvest_error(mock: MockEutils) -> None:
    settings = _settings(mock, batch_size=20, max_retries=1)
    result = search(settings, DA_QUERY)
    mock.inject("truncate", times=2, utility="efetch")
    with pytest.raises(HarvestError, match=r"batch retstart 0\.\.15.*truncated or broken XML"):
        list(fetch_batches(settings, result))


def test_slow_answer_times_out_and_is_retried(mock: MockEutils) -> None:
    settings = _settings(mock, timeout_seconds=0.5)
    mock.inject("delay", times=1, utility="esearch", seconds=1.5)
    result = search(settings, DA_QUERY)
    assert result.count == len(DA_PMIDS)
    assert [r.fault for r in mock.requests_for("esearch")] == ["delay", ""]


def test_esearch_error_is_a_harvest_error(mock: MockEutils) -> None:
    with pytest.raises(HarvestError, match="Empty term"):
        search(_settings(mock), "   ")


def test_unreachable_server_names_the_query() -> None:
    settings = PubMedSettings(
        base_url="http://127.0.0.1:9/entrez/eutils/", max_retries=1, backoff_seconds=0.01
    )
    with pytest.raises(HarvestError, match=r"esearch for query 'x'.*network error"):
        search(settings, "x")


def test_malformed_record_is_skipped_and_counted(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>91000099</PMID><Article>"
        "<Journal><Title>J</Title></Journal><ArticleTitle></ArticleTitle><Abstract><AbstractText>"
        "A broken record about diabetic amyotrophy.</AbstractText></Abstract></Article>"
        "</MedlineCitation></PubmedArticle></PubmedArticleSet>",
        encoding="utf-8",
    )
    with MockEutils([DEMO, bad]) as mock:
        settings = _settings(mock, batch_size=50)
        stats = HarvestStats()
        (batch,) = list(fetch_batches(settings, search(settings, DA_QUERY), stats=stats))
    assert len(batch.documents) == len(DA_PMIDS)
    assert [p.pmid_or_position for p in batch.problems] == ["91000099"]
    assert stats.problems == 1 and stats.problem_details[0].pmid_or_position == "91000099"


def test_rate_limit_without_key_is_three_per_second(mock: MockEutils) -> None:
    settings = _settings(mock, batch_size=2, max_records=10)
    list(fetch_batches(settings, search(settings, DA_QUERY)))
    times = [r.time for r in mock.requests]
    assert len(times) == 6
    for i in range(len(times) - 3):
        assert times[i + 3] - times[i] >= 1.0  # never 4 requests inside one second
    assert all("api_key" not in r.params for r in mock.requests)


def test_api_key_is_sent_and_allows_ten_per_second(mock: MockEutils) -> None:
    Entrez.api_key = "GLOBAL-KEY-SHOULD-NOT-LEAK"
    try:
        settings = _settings(mock, batch_size=2, max_records=10, api_key="demo-key")
        list(fetch_batches(settings, search(settings, DA_QUERY)))
        plain = _settings(mock)
        search(plain, DA_QUERY)
    finally:
        Entrez.api_key = None
    keyed, unkeyed = mock.requests[:6], mock.requests[6]
    assert {r.params["api_key"] for r in keyed} == {"demo-key"}
    assert "api_key" not in unkeyed.params
    times = [r.time for r in keyed]
    assert all(b - a >= 0.09 for a, b in zip(times, times[1:], strict=False))
    assert times[-1] - times[0] < 1.5  # faster than the keyless 0.37 s spacing
