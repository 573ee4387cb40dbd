"""A mock NCBI E-utilities server on loopback: esearch with a history server, efetch replay, faults.

Tests and ``make demo`` talk to it over real HTTP instead of NCBI: it loads PubmedArticle /
PubmedBookArticle records from PubMed XML files (recorded NCBI answers, the demo records) and
answers ``esearch.fcgi`` and ``efetch.fcgi`` the way NCBI does, closely enough for Biopython's
Entrez and for the harvester's incremental, batching and retry logic. Faults (429, 500,
truncated XML, a dropped connection, delay) can be queued for the next requests of a utility, and
every request is recorded so tests can check batches, dates and the request rate.

    with MockEutils(["pubmed/demo_records"]) as m:
        settings = PubMedSettings(base_url=m.base_url)
        m.inject("429", times=2, utility="efetch")

    python -m pubmed.mock_eutils --port 8765 pubmed/demo_records
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import os
import re
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

from lxml import etree

from evidence.records import Document
from pubmed.parser import parse_record

DEMO_RECORDS = Path(__file__).with_name("demo_records")
FAULTS = ("429", "500", "502", "503", "truncate", "disconnect", "delay")
UTILITIES = ("esearch", "efetch")

_ESEARCH_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch'
    ' 20060628//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n'
)
_EFETCH_HEAD = (
    b'<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st'
    b' January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
    b"<PubmedArticleSet>\n"
)
_EFETCH_TAIL = b"</PubmedArticleSet>\n"
_QUOTED = re.compile(r'"([^"]+)"')
_FIELD_TAG = re.compile(r"\[[^\]]*\]")
_OR = re.compile(r"\s+OR\s+")


@dataclass(slots=True, frozen=True)
class StoredRecord:
    pmid: str
    xml: bytes
    searchable: str  # lower-cased title + abstract
    entrez_date: dt.date | None
    published: dt.date | None


@dataclass(slots=True, frozen=True)
class RecordedRequest:
    time: float  # time.time() when the request arrived
    utility: str  # "esearch", "efetch", or the unknown path
    method: str
    params: dict[str, str]
    fault: str = ""  # the injected fault applied to it, if any


@dataclass(slots=True)
class _Fault:
    kind: str
    remaining: int
    utility: str | None
    seconds: float


@dataclass(slots=True)
class _State:
    records: dict[str, StoredRecord] = field(default_factory=dict)
    history: dict[str, list[list[str]]] = field(default_factory=dict)
    faults: list[_Fault] = field(default_factory=list)
    requests: list[RecordedRequest] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class MockEutils:
    """The server; a context manager that starts it on a free loopback port and stops it."""

    def __init__(
        self,
        sources: Iterable[str | os.PathLike[str]] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self._state = _State()
        for source in sources if sources is not None else [DEMO_RECORDS]:
            self.load(source)
        self._server = ThreadingHTTPServer((host, port), _Handler)
        self._server.daemon_threads = True
        self._server.state = self._state  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    # -- set-up -------------------------------------------------------------------------------
    def load(self, source: str | os.PathLike[str]) -> int:
        """Load every record from a PubMed XML file or a directory of them; returns how many."""
        path = Path(source)
        files = sorted(path.glob("*.xml")) if path.is_dir() else [path]
        count = 0
        for file in files:
            for record in _read_records(file):
                with self._state.lock:
                    self._state.records[record.pmid] = record
                count += 1
        return count

    def inject(
        self, fault: str, times: int = 1, utility: str | None = None, seconds: float = 1.0
    ) -> None:
        """Apply ``fault`` to the next ``times`` requests of ``utility`` (any utility if None).

        ``"429"``/``"500"``/``"502"``/``"503"`` answer with that status; ``"truncate"`` cuts the
        XML mid-record (a clean short body); ``"disconnect"`` announces the full length and closes
        the connection half way; ``"delay"`` waits ``seconds`` before answering normally.
        """
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; expected one of {', '.join(FAULTS)}")
        if utility is not None and utility.removesuffix(".fcgi") not in UTILITIES:
            raise ValueError(f"unknown utility {utility!r}; expected one of {UTILITIES}")
        if times < 1:
            raise ValueError("times must be at least 1")
        name = utility.removesuffix(".fcgi") if utility else None
        with self._state.lock:
            self._state.faults.append(_Fault(fault, times, name, seconds))

    # -- inspection ---------------------------------------------------------------------------
    @property
    def requests(self) -> list[RecordedRequest]:
        with self._state.lock:
            return list(self._state.requests)

    def requests_for(self, utility: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.utility == utility]

    @property
    def pmids(self) -> list[str]:
        with self._state.lock:
            return sorted(self._state.records)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/entrez/eutils/"

    # -- life cycle ---------------------------------------------------------------------------
    def start(self) -> MockEutils:
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="mock-eutils", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> MockEutils:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _read_records(path: Path) -> Iterable[StoredRecord]:
    events = etree.iterparse(
        str(path),
        events=("end",),
        tag=("PubmedArticle", "PubmedBookArticle"),
        load_dtd=False,
        no_network=True,
        resolve_entities=False,
    )
    for position, (_event, elem) in enumerate(events, 1):
        parsed = parse_record(elem, "pubmed", position)
        if isinstance(parsed, Document):
            text = " ".join([parsed.title, *(s.text for s in parsed.sections)]).lower()
            yield StoredRecord(
                pmid=parsed.pmid,
                xml=etree.tostring(elem, encoding="utf-8", with_tail=False),
                searchable=text,
                entrez_date=_iso_date(parsed.entrez_date),
                published=_iso_date(parsed.published),
            )
        elif elem.findtext("MedlineCitation/PMID"):
            # kept so that harvest tests can replay a malformed record; found by its raw text
            yield StoredRecord(
                pmid=elem.findtext("MedlineCitation/PMID").strip(),
                xml=etree.tostring(elem, encoding="utf-8", with_tail=False),
                searchable=" ".join(" ".join(elem.itertext()).split()).lower(),
                entrez_date=None,
                published=None,
            )
        elem.clear()


def _iso_date(value: str) -> dt.date | None:
    parts = value.split("-")
    try:
        return dt.date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    except (ValueError, IndexError):
        return None


def _eutils_date(value: str, *, end: bool) -> dt.date:
    """NCBI dates: YYYY, YYYY/MM or YYYY/MM/DD; a max date covers its whole period."""
    parts = [int(p) for p in re.split(r"[/-]", value.strip()) if p]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    last_day = calendar.monthrange(year, month)[1]
    day = parts[2] if len(parts) > 2 else (last_day if end else 1)
    return dt.date(year, month, day)


def _phrases(term: str) -> list[str]:
    """Quoted phrases joined by OR; without quotes, the OR-separated words, field tags dropped."""
    quoted = _QUOTED.findall(term)
    if quoted:
        return [q.strip().lower() for q in quoted if q.strip()]
    bare = _FIELD_TAG.sub("", term).replace("(", " ").replace(")", " ")
    return [p.strip().lower() for p in _OR.split(bare) if p.strip()]


class _Handler(BaseHTTPRequestHandler):
    server_version = "MockEutils/1.0"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    @property
    def state(self) -> _State:
        return self.server.state  # type: ignore[attr-defined]

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self._dispatch(urlsplit(self.path).query)

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        query = urlsplit(self.path).query
        self._dispatch("&".join(q for q in (query, body) if q))

    def _dispatch(self, query: str) -> None:
        params = {k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}
        name = urlsplit(self.path).path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".fcgi")
        fault = self._take_fault(name) if name in UTILITIES else None
        with self.state.lock:
            self.state.requests.append(
                RecordedRequest(
                    time.time(), name, self.command, params, fault.kind if fault else ""
                )
            )
        if fault is not None and fault.kind == "delay":
            time.sleep(fault.seconds)
            fault = None
        if fault is not None and fault.kind.isdigit():
            status = int(fault.kind)
            self._send(status, f"<error>injected HTTP {status}</error>".encode(), retry_after=True)
            return
        if name == "esearch":
            self._send(200, self._esearch(params))
        elif name == "efetch":
            status, body = self._efetch(params)
            self._send(status, body, cut=fault.kind if fault else "")
        else:
            self._send(404, f"<error>no such E-utility: {escape(name)}</error>".encode())

    def _take_fault(self, utility: str) -> _Fault | None:
        with self.state.lock:
            for fault in self.state.faults:
                if fault.remaining > 0 and fault.utility in (None, utility):
                    fault.remaining -= 1
                    return fault
        return None

    # -- esearch ------------------------------------------------------------------------------
    def _esearch(self, params: dict[str, str]) -> bytes:
        term = params.get("term", "").strip()
        if not term:
            return self._esearch_error("Empty term and query_key - nothing todo")
        try:
            pmids = self._matching(term, params)
            retstart = int(params.get("retstart") or 0)
            retmax = int(params.get("retmax") or 20)
        except ValueError as exc:
            return self._esearch_error(f"Invalid parameter: {exc}")
        shown = min(retmax, max(len(pmids) - retstart, 0))
        parts = [
            f"<eSearchResult><Count>{len(pmids)}</Count><RetMax>{shown}</RetMax>"
            f"<RetStart>{retstart}</RetStart>"
        ]
        if params.get("usehistory", "").lower() == "y":
            with self.state.lock:
                webenv = params.get("WebEnv") or ""
                if webenv not in self.state.history:
                    webenv = "MCID_" + uuid.uuid4().hex
                    self.state.history[webenv] = []
                self.state.history[webenv].append(pmids)
                query_key = len(self.state.history[webenv])
            parts.append(f"<QueryKey>{query_key}</QueryKey><WebEnv>{webenv}</WebEnv>")
        ids = "".join(f"<Id>{p}</Id>\n" for p in pmids[retstart : retstart + retmax])
        parts.append(f"<IdList>\n{ids}</IdList><TranslationSet/>")
        parts.append(f"<QueryTranslation>{escape(term)}</QueryTranslation></eSearchResult>\n")
        return (_ESEARCH_HEAD + "".join(parts)).encode("utf-8")

    def _esearch_error(self, message: str) -> bytes:
        body = f"<eSearchResult><ERROR>{escape(message)}</ERROR></eSearchResult>\n"
        return (_ESEARCH_HEAD + body).encode("utf-8")

    def _matching(self, term: str, params: dict[str, str]) -> list[str]:
        phrases = _phrases(term)
        low = _eutils_date(params["mindate"], end=False) if params.get("mindate") else None
        high = _eutils_date(params["maxdate"], end=True) if params.get("maxdate") else None
        use_published = params.get("datetype", "edat") == "pdat"
        with self.state.lock:
            records = list(self.state.records.values())
        hits = []
        for record in records:
            if not any(p in record.searchable for p in phrases):
                continue
            when = record.published if use_published else record.entrez_date
            if (low or high) and when is None:
                continue
            if (low and when < low) or (high and when > high):
                continue
            hits.append(record)
        # NCBI's default order is most recent first
        hits.sort(key=lambda r: (r.entrez_date or dt.date.min, int(r.pmid)), reverse=True)
        return [r.pmid for r in hits]

    # -- efetch -------------------------------------------------------------------------------
    def _efetch(self, params: dict[str, str]) -> tuple[int, bytes]:
        if params.get("id"):
            pmids = [p.strip() for p in params["id"].split(",") if p.strip()]
        else:
            with self.state.lock:
                queries = self.state.history.get(params.get("WebEnv", ""))
                try:
                    pmids = queries[int(params.get("query_key", "0")) - 1] if queries else None
                except (ValueError, IndexError):
                    pmids = None
            if pmids is None:
                message = f"Unable to obtain query #{escape(params.get('query_key', ''))}"
                return 400, f"<eFetchResult><ERROR>{message}</ERROR></eFetchResult>\n".encode()
            try:
                retstart = int(params.get("retstart") or 0)
                retmax = int(params.get("retmax") or 20)
            except ValueError:
                return 400, b"<eFetchResult><ERROR>Invalid retstart/retmax</ERROR></eFetchResult>\n"
            pmids = pmids[retstart : retstart + retmax]
        with self.state.lock:
            chunks = [self.state.records[p].xml for p in pmids if p in self.state.records]
        return 200, _EFETCH_HEAD + b"\n".join(chunks) + b"\n" + _EFETCH_TAIL

    # -- sending ------------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, cut: str = "", retry_after: bool = False) -> None:
        declared = len(body)
        if cut:
            body = _cut_mid_record(body)
            if cut == "truncate":
                declared = len(body)
        self.send_response(status)
        self.send_header("Content-Type", "text/xml; charset=UTF-8")
        self.send_header("Content-Length", str(declared))
        if retry_after:
            self.send_header("Retry-After", "1")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            self.wfile.write(body)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True


def _cut_mid_record(body: bytes) -> bytes:
    """Cut inside the last record (or half way when there is none): XML that cannot close."""
    start = max(body.rfind(b"<PubmedArticle>"), body.rfind(b"<PubmedBookArticle>"))
    if start < 0:
        return body[: len(body) // 2]
    end = body.find(b"</Pubmed", start + 1)
    end = end if end > start else len(body)
    return body[: start + (end - start) // 2]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Mock NCBI E-utilities server on loopback.")
    parser.add_argument("sources", nargs="*", help="PubMed XML files or directories of them")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    server = MockEutils(args.sources or [DEMO_RECORDS], host=args.host, port=args.port)
    print(f"mock E-utilities: {len(server.pmids)} records at {server.base_url}", flush=True)
    try:
        server._server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server._server.server_close()


if __name__ == "__main__":
    main()
