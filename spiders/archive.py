"""The raw page archive: every HTTP response as a WARC record, before anything parses it.

Layout: ``<warehouse.archive_dir>/web/<source>/*.warc.gz``, one file per crawl process, one gzip
member per record, flushed after each record so a SIGKILL loses at most the record in flight;
readers stop quietly at a truncated last record. Records carry the standard WARC fields
(WARC-Target-URI = final URL, WARC-Date = fetch time, WARC-Payload-Digest) and ours:

- ``X-Evidence-Source``, ``X-Evidence-Requested-URL`` (before redirects),
  ``X-Evidence-Generation``, ``X-Evidence-Role`` (page / robots / sitemap),
  ``X-Evidence-SHA256`` (sha256 of the payload as received), ``X-Evidence-Skipped`` (why the
  crawl refused the page, e.g. ``content_type``).

A crawl *generation* runs until it finishes cleanly (``generation.json`` says ``complete``).
A crawl that died starts again in the same generation and replays what that generation already
archived instead of fetching it; a crawl after a clean finish opens a new generation and sends
conditional requests from the newest archived 200, recording 304s as WARC ``revisit`` records
(profile server-not-modified).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROLE_PAGE = "page"
ROLE_ROBOTS = "robots"
ROLE_SITEMAP = "sitemap"
NOT_MODIFIED_PROFILE = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
_HOP_BY_HOP = {"transfer-encoding", "connection", "keep-alive"}


class ArchiveBusyError(RuntimeError):
    """Another crawl holds this source's archive: two writers would interleave generations."""


@dataclass(slots=True)
class ArchivedResponse:
    """One archived HTTP response, body decoded from any Content-Encoding."""

    url: str  # as requested, before redirects
    final_url: str
    status: int
    headers: dict[str, str]  # lower-case names; repeated headers joined with ", "
    fetched_at: datetime
    content_hash: str  # "sha256:<hex>" of the payload as received
    body: bytes
    source: str
    generation: int = 0
    role: str = ROLE_PAGE
    not_modified: bool = False  # a 304 revisit; body is the earlier 200's

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset":
                return value.strip().strip("\"'").lower()
        return ""


@dataclass(frozen=True, slots=True)
class RecordRef:
    """Where one record sits, plus what is needed without reading its body."""

    path: Path
    offset: int
    rec_type: str  # response | revisit
    url: str
    final_url: str
    status: int
    fetched_at: datetime
    generation: int
    role: str
    skipped: str
    etag: str
    last_modified: str
    payload_digest: str
    refers_to: str = ""  # revisit: WARC-Refers-To-Date of the 200 it stands for


@dataclass
class GenerationState:
    generation: int
    complete: bool
    resumed: bool = False


def source_dir(archive_dir: Path | str, source: str) -> Path:
    return Path(archive_dir) / "web" / source


# ------------------------------------------------------------------------------ generations


def _state_path(directory: Path) -> Path:
    return directory / "generation.json"


def begin_generation(directory: Path) -> GenerationState:
    """Resume the current generation if it never finished, else open the next one."""
    directory.mkdir(parents=True, exist_ok=True)
    path = _state_path(directory)
    if path.exists():
        saved = json.loads(path.read_text(encoding="utf-8"))
        if not saved.get("complete"):
            return GenerationState(int(saved["generation"]), False, resumed=True)
        state = GenerationState(int(saved["generation"]) + 1, False)
    else:
        state = GenerationState(1, False)
    _write_state(directory, state)
    return state


def finish_generation(directory: Path, generation: int) -> None:
    _write_state(directory, GenerationState(generation, True))


def _write_state(directory: Path, state: GenerationState) -> None:
    tmp = _state_path(directory).with_suffix(".tmp")
    payload = {"generation": state.generation, "complete": state.complete}
    tmp.write_text(json.dumps(payload), encoding="utf-8")
    os.replace(tmp, _state_path(directory))


# ------------------------------------------------------------------------------ writing


def _iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _http_headers(status: int, reason: str, headers: list[tuple[str, str]], size: int | None):
    kept = [(k, v) for k, v in headers if k.lower() not in _HOP_BY_HOP]
    if size is not None:
        kept = [(k, v) for k, v in kept if k.lower() != "content-length"]
        kept.append(("Content-Length", str(size)))
    return StatusAndHeaders(f"{status} {reason}".strip(), kept, protocol="HTTP/1.1")


class SourceLock:
    """An exclusive lock on one source's archive folder, so two crawls never interleave."""

    def __init__(self, directory: Path, source: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._fh: IO[bytes] = open(directory / ".lock", "ab")  # noqa: SIM115
        try:
            fcntl.flock(self._fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._fh.close()
            raise ArchiveBusyError(
                f"source {source!r}: archive {directory} is in use by another crawl"
            ) from None

    def release(self) -> None:
        if not self._fh.closed:
            fcntl.flock(self._fh, fcntl.LOCK_UN)
            self._fh.close()


class ArchiveWriter:
    """Appends records for one source and generation to a new file of this process."""

    def __init__(self, directory: Path, source: str, generation: int) -> None:
        self.directory = directory
        self.source = source
        self.generation = generation
        directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        self.path = directory / f"{source}-g{generation:04d}-{stamp}-{os.getpid()}.warc.gz"
        self._fh: IO[bytes] | None = None
        self._writer: WARCWriter | None = None
        self.records = 0
        self.bytes = 0

    def _open(self) -> WARCWriter:
        if self._writer is None:
            self._fh = open(self.path, "ab")  # noqa: SIM115
            self._writer = WARCWriter(self._fh, gzip=True, warc_version="WARC/1.1")
        return self._writer

    def _common(self, requested_url: str, fetched_at: datetime, role: str) -> dict[str, str]:
        return {
            "WARC-Date": _iso(fetched_at),
            "X-Evidence-Source": self.source,
            "X-Evidence-Requested-URL": requested_url,
            "X-Evidence-Generation": str(self.generation),
            "X-Evidence-Role": role,
        }

    def _emit(self, record) -> int:
        writer = self._open()
        assert self._fh is not None
        offset = self._fh.tell()
        writer.write_record(record)
        self._fh.flush()  # the OS has it now: a SIGKILL cannot take it back
        self.records += 1
        self.bytes = self._fh.tell()
        return offset

    def write_response(
        self,
        *,
        requested_url: str,
        final_url: str,
        status: int,
        reason: str,
        headers: list[tuple[str, str]],
        body: bytes,
        fetched_at: datetime,
        role: str,
        skipped: str = "",
    ) -> RecordRef:
        writer = self._open()
        sha = "sha256:" + hashlib.sha256(body).hexdigest()
        warc_headers = self._common(requested_url, fetched_at, role)
        warc_headers["X-Evidence-SHA256"] = sha
        if skipped:
            warc_headers["X-Evidence-Skipped"] = skipped
        http = _http_headers(status, reason, headers, len(body))
        record = writer.create_warc_record(
            final_url,
            "response",
            payload=BytesIO(body),
            length=len(body),
            http_headers=http,
            warc_headers_dict=warc_headers,
        )
        offset = self._emit(record)
        lower = {k.lower(): v for k, v in headers}
        return RecordRef(
            path=self.path,
            offset=offset,
            rec_type="response",
            url=requested_url,
            final_url=final_url,
            status=status,
            fetched_at=fetched_at,
            generation=self.generation,
            role=role,
            skipped=skipped,
            etag=lower.get("etag", ""),
            last_modified=lower.get("last-modified", ""),
            payload_digest=record.rec_headers.get_header("WARC-Payload-Digest") or "",
        )

    def write_not_modified(
        self,
        *,
        requested_url: str,
        final_url: str,
        headers: list[tuple[str, str]],
        fetched_at: datetime,
        role: str,
        prior: RecordRef,
    ) -> RecordRef:
        """A 304 as a revisit record pointing at the 200 it confirms."""
        writer = self._open()
        warc_headers = self._common(requested_url, fetched_at, role)
        warc_headers.update(
            {
                "WARC-Profile": NOT_MODIFIED_PROFILE,
                "WARC-Refers-To-Target-URI": prior.final_url,
                "WARC-Refers-To-Date": _iso(prior.fetched_at),
            }
        )
        record = writer.create_warc_record(
            final_url,
            "revisit",
            http_headers=_http_headers(304, "Not Modified", headers, None),
            warc_headers_dict=warc_headers,
        )
        if prior.payload_digest:
            record.rec_headers.replace_header("WARC-Payload-Digest", prior.payload_digest)
        offset = self._emit(record)
        return RecordRef(
            path=self.path,
            offset=offset,
            rec_type="revisit",
            url=requested_url,
            final_url=final_url,
            status=304,
            fetched_at=fetched_at,
            generation=self.generation,
            role=role,
            skipped="",
            etag=prior.etag,
            last_modified=prior.last_modified,
            payload_digest=prior.payload_digest,
            refers_to=_iso(prior.fetched_at),
        )

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            self._writer = None


# ------------------------------------------------------------------------------ reading


def _parse_date(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def warc_files(directory: Path | str) -> list[Path]:
    """All WARC files under `directory` (one source or the whole archive), oldest name first."""
    return sorted(Path(directory).rglob("*.warc.gz"))


def iter_records(path: Path) -> Iterator[RecordRef]:
    """Response and revisit records of one file; stops at a truncated or corrupt tail.

    Payloads are hashed while scanning: a record cut short by a kill (its sha256 no longer
    matches) is treated as never written.
    """
    try:
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh)
            for record in it:
                if record.rec_type not in ("response", "revisit"):
                    continue
                h = record.rec_headers
                sha = h.get_header("X-Evidence-SHA256") or ""
                if record.rec_type == "response" and sha:
                    raw = record.raw_stream.read()
                    if "sha256:" + hashlib.sha256(raw).hexdigest() != sha:
                        return
                offset = it.get_record_offset()  # reads the record to its end: body first
                http = record.http_headers
                final_url = h.get_header("WARC-Target-URI") or ""
                yield RecordRef(
                    path=path,
                    offset=offset,
                    rec_type=record.rec_type,
                    url=h.get_header("X-Evidence-Requested-URL") or final_url,
                    final_url=final_url,
                    status=int(http.get_statuscode() or 0) if http else 0,
                    fetched_at=_parse_date(h.get_header("WARC-Date")),
                    generation=int(h.get_header("X-Evidence-Generation") or 0),
                    role=h.get_header("X-Evidence-Role") or ROLE_PAGE,
                    skipped=h.get_header("X-Evidence-Skipped") or "",
                    etag=(http.get_header("ETag") or "") if http else "",
                    last_modified=(http.get_header("Last-Modified") or "") if http else "",
                    payload_digest=h.get_header("WARC-Payload-Digest") or "",
                    refers_to=h.get_header("WARC-Refers-To-Date") or "",
                )
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError):
        return  # a truncated last record: everything before it has been yielded


def load(ref: RecordRef, body_from: RecordRef | None = None) -> ArchivedResponse:
    """Read one record in full; a revisit takes its body from `body_from` (the 200 it confirms)."""
    with open(ref.path, "rb") as fh:
        fh.seek(ref.offset)
        record = next(iter(ArchiveIterator(fh)))
        h = record.rec_headers
        headers: dict[str, str] = {}
        if record.http_headers:
            for name, value in record.http_headers.headers:
                key = name.lower()
                headers[key] = f"{headers[key]}, {value}" if key in headers else value
        body = record.content_stream().read() if ref.rec_type == "response" else b""
        sha = h.get_header("X-Evidence-SHA256") or ""
    if body_from is not None:
        earlier = load(body_from)
        body, sha = earlier.body, earlier.content_hash
        headers = {**earlier.headers, **headers}
    return ArchivedResponse(
        url=ref.url,
        final_url=ref.final_url,
        status=ref.status,
        headers=headers,
        fetched_at=ref.fetched_at,
        content_hash=sha,
        body=body,
        source=h.get_header("X-Evidence-Source") or "",
        generation=ref.generation,
        role=ref.role,
        not_modified=ref.rec_type == "revisit",
    )


@dataclass
class ArchiveIndex:
    """What a crawl needs to know from the archive before fetching anything.

    `done`: URLs (requested and final) with a final 200/304 in the running generation: replayed,
    not fetched. `latest_ok`: newest 200 per URL in any generation, for conditional requests.
    """

    generation: int
    done: dict[str, RecordRef] = field(default_factory=dict)
    latest_ok: dict[str, RecordRef] = field(default_factory=dict)

    @classmethod
    def build(cls, directory: Path, generation: int) -> ArchiveIndex:
        index = cls(generation)
        for path in warc_files(directory):
            for ref in iter_records(path):
                index.add(ref)
        return index

    def add(self, ref: RecordRef) -> None:
        if ref.status == 200 and ref.rec_type == "response":
            for url in {ref.url, ref.final_url}:
                held = self.latest_ok.get(url)
                if held is None or held.fetched_at <= ref.fetched_at:
                    self.latest_ok[url] = ref
        if ref.generation == self.generation and ref.status in (200, 304):
            for url in {ref.url, ref.final_url}:
                self.done[url] = ref

    def replay(self, url: str) -> ArchivedResponse | None:
        """The response this generation already archived for `url`, or None to fetch it."""
        ref = self.done.get(url)
        if ref is None:
            return None
        if ref.rec_type == "revisit":
            prior = self.latest_ok.get(ref.final_url)
            return load(ref, body_from=prior) if prior else None
        return load(ref)


def iter_archive(
    directory: Path | str,
    *,
    since: datetime | None = None,
    roles: tuple[str, ...] = (ROLE_PAGE,),
) -> Iterator[ArchivedResponse]:
    """The newest 200 response per final URL under `directory`, accepted pages only.

    `directory` may be one source's folder or the whole archive (files are found recursively).
    Pages the crawl refused (wrong content type, binary body) are left out. With `since`, only
    responses fetched after it: what a rerun of extraction has not seen yet.
    """
    newest: dict[str, RecordRef] = {}
    for path in warc_files(directory):
        for ref in iter_records(path):
            if ref.rec_type != "response" or ref.status != 200 or ref.skipped:
                continue
            if ref.role not in roles:
                continue
            held = newest.get(ref.final_url)
            if held is None or held.fetched_at <= ref.fetched_at:
                newest[ref.final_url] = ref
    for final_url in sorted(newest):
        ref = newest[final_url]
        if since is not None and ref.fetched_at <= since:
            continue
        yield load(ref)
