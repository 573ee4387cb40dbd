"""A crawl's figures as the run record keeps them, boiled down from Scrapy's stats."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class CrawlStats:
    source: str
    ok: bool = True
    error: str = ""  # why the crawl failed as a whole (source unreachable, child died ...)
    finish_reason: str = ""
    elapsed_seconds: float = 0.0
    generation: int = 0
    resumed: bool = False
    pages: int = 0  # new or changed pages fetched and accepted
    not_modified: int = 0  # answered 304 to a conditional request
    replayed: int = 0  # taken from the archive of a killed run of the same generation
    requests: int = 0
    responses: int = 0
    bytes: int = 0  # response bytes received
    retried: int = 0
    archived: int = 0  # WARC records written
    errors: dict[str, int] = field(default_factory=dict)  # http_404, timeout, redirect_loop ...
    skipped: dict[str, int] = field(default_factory=dict)  # robots, content_type, oversized ...

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> CrawlStats:
        return cls(**json.loads(text))


def _sub(raw: dict[str, Any], prefix: str) -> dict[str, int]:
    return {k[len(prefix) :]: int(v) for k, v in raw.items() if k.startswith(prefix)}


def summarize(source: str, raw: dict[str, Any]) -> CrawlStats:
    """Scrapy's stats dictionary -> CrawlStats; a crawl with requests but no response failed."""
    skipped = _sub(raw, "evidence/skipped/")
    if raw.get("robotstxt/forbidden"):
        skipped["robots"] = int(raw["robotstxt/forbidden"])
    if raw.get("offsite/filtered"):  # redirects that left the allowed domains
        skipped["offsite"] = skipped.get("offsite", 0) + int(raw["offsite/filtered"])
    if raw.get("depth/request_ignored_count"):
        skipped["depth"] = int(raw["depth/request_ignored_count"])
    errors = _sub(raw, "evidence/errors/")
    start, finish = raw.get("start_time"), raw.get("finish_time")
    elapsed = (finish - start).total_seconds() if start and finish else 0.0
    stats = CrawlStats(
        source=source,
        finish_reason=str(raw.get("finish_reason", "")),
        elapsed_seconds=round(elapsed, 3),
        generation=int(raw.get("evidence/generation", 0)),
        resumed=bool(raw.get("evidence/resumed", 0)),
        pages=int(raw.get("evidence/pages/new", 0)),
        not_modified=int(raw.get("evidence/pages/not_modified", 0)),
        replayed=int(raw.get("evidence/pages/replayed", 0)),
        requests=int(raw.get("downloader/request_count", 0)),
        responses=int(raw.get("downloader/response_count", 0)),
        bytes=int(raw.get("downloader/response_bytes", 0)),
        retried=int(raw.get("retry/count", 0)),
        archived=int(raw.get("evidence/archived", 0)),
        errors=errors,
        skipped=skipped,
    )
    fetched = stats.responses - int(raw.get("evidence/replayed", 0))
    if stats.requests and fetched <= 0 and not int(raw.get("evidence/replayed", 0)):
        kinds = ", ".join(f"{k}: {v}" for k, v in sorted(errors.items())) or "no response"
        stats.ok = False
        stats.error = f"source {source!r} unreachable: no response to any request ({kinds})"
    return stats
