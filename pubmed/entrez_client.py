"""Harvest PubMed through Biopython's Entrez: esearch on the history server, then efetch batches.

Biopython 1.88 hard-codes ``https://eutils.ncbi.nlm.nih.gov`` inside ``esearch``/``efetch``, so
requests are built with ``Entrez._build_request`` against ``PubMedSettings.base_url`` and sent
through ``Entrez._open``, which is where Biopython keeps NCBI's rate limit (one request per 0.37 s
without an API key, 0.1 s with one). Biopython's own retry loop sleeps a fixed 15 s and retries
4xx-less errors only, so it is switched off (``max_tries = 1``) and replaced here by exponential
backoff on 429/5xx/network errors and on truncated XML.

Each efetch answer is streamed into ``pubmed.parser`` (no DOM, no whole-body ``read()``); the
parsed batch is handed over only once it is complete, so a batch retried after a truncated
answer never yields a record twice and the caller can load one batch per transaction.
"""

from __future__ import annotations

import datetime as dt
import http.client
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.request import Request

from Bio import Entrez

from evidence.config import PubMedSettings
from evidence.records import Document
from pubmed.parser import Deletion, ParseProblem, PubMedXMLError, iter_pubmed

# Entrez keeps its rate-limit clock and retry settings in module globals: one request at a time.
_ENTREZ_LOCK = threading.Lock()
_FAR_FUTURE = "3000/12/31"  # NCBI needs maxdate whenever mindate is given


class HarvestError(RuntimeError):
    """A search or batch failed for good (retries used up); the message names query and batch."""


@dataclass(slots=True, frozen=True)
class SearchResult:
    query: str
    count: int
    webenv: str
    query_key: str
    mindate: str = ""
    maxdate: str = ""


@dataclass(slots=True)
class Batch:
    """One efetch answer, parsed whole: load it in one transaction."""

    retstart: int
    retmax: int
    documents: list[Document]
    deletions: list[Deletion] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)
    attempts: int = 1


@dataclass(slots=True)
class HarvestStats:
    """Running totals over a harvest; also the return value of ``fetch_batches``."""

    batches: int = 0
    documents: int = 0
    problems: int = 0
    retries: int = 0
    problem_details: list[ParseProblem] = field(default_factory=list)


def incremental_mindate(last_entrez_date: str | dt.date | None, settings: PubMedSettings) -> str:
    """The mindate for a rerun: the last harvested entrez date minus ``overlap_days`` (or "")."""
    if not last_entrez_date:
        return ""
    if isinstance(last_entrez_date, str):
        last_entrez_date = dt.date.fromisoformat(last_entrez_date[:10])
    since = last_entrez_date - dt.timedelta(days=settings.overlap_days)
    return since.strftime("%Y/%m/%d")


def search(
    settings: PubMedSettings,
    query: str,
    mindate: str | dt.date | None = None,
    maxdate: str | dt.date | None = None,
) -> SearchResult:
    """esearch with ``usehistory=y``; ``mindate``/``maxdate`` filter on the Entrez date (edat)."""
    params: dict[str, Any] = {"db": "pubmed", "term": query, "usehistory": "y", "retmax": 0}
    min_s, max_s = _date_param(mindate), _date_param(maxdate)
    if min_s or max_s:
        params.update(datetype="edat", mindate=min_s or "1800/01/01", maxdate=max_s or _FAR_FUTURE)
    what = f"esearch for query {query!r}" + (f" (mindate {min_s})" if min_s else "")

    def read_search(handle: Any) -> dict:
        try:
            return Entrez.read(handle)
        except RuntimeError as exc:  # Biopython raises the text of an <ERROR> element this way
            raise HarvestError(f"{what}: E-utilities error: {exc}") from exc

    record, _ = request_with_retries(settings, "esearch.fcgi", params, read_search, what)
    if record.get("ERROR"):
        raise HarvestError(f"{what}: E-utilities error: {record['ERROR']}")
    try:
        return SearchResult(
            query=query,
            count=int(record["Count"]),
            webenv=str(record["WebEnv"]),
            query_key=str(record["QueryKey"]),
            mindate=min_s,
            maxdate=max_s,
        )
    except (KeyError, ValueError) as exc:
        raise HarvestError(f"{what}: answer lacks Count/WebEnv/QueryKey ({exc})") from exc


def fetch_batches(
    settings: PubMedSettings,
    search_result: SearchResult,
    source_name: str = "pubmed",
    stats: HarvestStats | None = None,
) -> Iterator[Batch]:
    """efetch the search's records from the history server, ``batch_size`` at a time.

    At most ``settings.max_records`` records are asked for. Malformed records are skipped and
    counted in each Batch and in ``stats`` (also the generator's return value).
    """
    stats = stats if stats is not None else HarvestStats()
    total = min(search_result.count, settings.max_records)
    for retstart in range(0, total, settings.batch_size):
        retmax = min(settings.batch_size, total - retstart)
        params = {
            "db": "pubmed",
            "WebEnv": search_result.webenv,
            "query_key": search_result.query_key,
            "retstart": retstart,
            "retmax": retmax,
            "retmode": "xml",
        }
        what = (
            f"efetch for query {search_result.query!r}, batch retstart {retstart}.."
            f"{retstart + retmax - 1}"
        )

        def parse_batch(handle: Any, start: int = retstart, size: int = retmax) -> Batch:
            batch = Batch(retstart=start, retmax=size, documents=[])
            for item in iter_pubmed(handle, source_name=source_name):
                if isinstance(item, Document):
                    batch.documents.append(item)
                elif isinstance(item, Deletion):
                    batch.deletions.append(item)
                else:
                    batch.problems.append(item)
            return batch

        batch, attempts = request_with_retries(settings, "efetch.fcgi", params, parse_batch, what)
        batch.attempts = attempts
        stats.batches += 1
        stats.retries += attempts - 1
        stats.documents += len(batch.documents)
        stats.problems += len(batch.problems)
        stats.problem_details.extend(batch.problems)
        yield batch
    return stats


def fetch_documents(
    settings: PubMedSettings, query: str, mindate: str | dt.date | None = None
) -> Iterator[Document]:
    """Convenience for scripts: search then every Document of every batch."""
    result = search(settings, query, mindate=mindate)
    for batch in fetch_batches(settings, result):
        yield from batch.documents


class _TimedRequest(Request):
    """A Request whose timeout survives ``urlopen``: Entrez._open passes no timeout of its own."""

    def __init__(self, original: Request, timeout: float) -> None:
        super().__init__(original.full_url, data=original.data, method=original.get_method())
        self._fixed_timeout = timeout

    @property
    def timeout(self) -> float:
        return self._fixed_timeout

    @timeout.setter
    def timeout(self, _value: object) -> None:  # urllib's opener assigns its default here
        pass


def _open(settings: PubMedSettings, utility: str, params: dict[str, Any]) -> Any:
    """One request through Biopython's Entrez, with this harvest's identity and rate limit."""
    params = dict(params)
    params["tool"] = settings.tool or None
    params["email"] = settings.email or None
    params["api_key"] = settings.api_key or None  # None: a stray global key is not sent
    with _ENTREZ_LOCK:
        Entrez.max_tries = 1
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\s*Email address is not specified")
            request = Entrez._build_request(settings.base_url + utility, params)
        return Entrez._open(_TimedRequest(request, settings.timeout_seconds))


def request_with_retries(settings: PubMedSettings, utility: str, params: dict, consume, what: str):
    """Run request + ``consume(handle)`` until it succeeds; 4xx other than 429 fail at once."""
    attempts = settings.max_retries + 1
    for attempt in range(1, attempts + 1):
        handle = None
        try:
            handle = _open(settings, utility, params)
            return consume(handle), attempt
        except HTTPError as exc:
            if exc.code != 429 and exc.code < 500:
                raise HarvestError(f"{what}: HTTP {exc.code} {exc.reason}") from exc
            problem = f"HTTP {exc.code} {exc.reason}"
        except PubMedXMLError as exc:
            problem = f"truncated or broken XML ({exc})"
        except (TimeoutError, URLError, http.client.HTTPException, ConnectionError) as exc:
            problem = f"network error ({exc})"
        except (Entrez.Parser.CorruptedXMLError, Entrez.Parser.NotXMLError) as exc:
            problem = f"broken XML ({exc})"
        except Entrez.Parser.ValidationError as exc:
            problem = f"unexpected answer ({exc})"
        finally:
            if handle is not None:
                handle.close()
        if attempt == attempts:
            raise HarvestError(f"{what}: gave up after {attempts} attempt(s): {problem}")
        time.sleep(settings.backoff_seconds * 2 ** (attempt - 1))
    raise AssertionError("unreachable")


def _date_param(value: str | dt.date | None) -> str:
    if not value:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%Y/%m/%d")
    return value.replace("-", "/")
