"""Downloader middlewares: archive first, then manners, then what counts as a page.

Their order lives in one table in `settings.py`. Each switches itself off (NotConfigured) when
its setting is absent, so the project still runs with a bare Scrapy settings object.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urljoin

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    NotConfigured,
    ResponseDataLossError,
)
from scrapy.http import Headers, Request, Response
from scrapy.responsetypes import responsetypes
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import CancelledError
from twisted.internet.error import ConnectionRefusedError as TxConnectionRefusedError
from twisted.internet.error import DNSLookupError, TCPTimedOutError
from twisted.internet.error import TimeoutError as TxTimeoutError

from spiders.archive import (
    ROLE_PAGE,
    ROLE_ROBOTS,
    ArchivedResponse,
    ArchiveIndex,
    ArchiveWriter,
    SourceLock,
    begin_generation,
    finish_generation,
    load,
    source_dir,
)
from spiders.content_policy import decoded_body, skip_reason

ROLE_META = "evidence_role"
PRIOR_META = "evidence_prior"
CONDITIONAL_META = "evidence_conditional"
FLAG_REPLAYED = "replayed"
FLAG_NOT_MODIFIED = "not_modified"


def role_of(request: Request) -> str:
    """Robots.txt and sitemaps are archived too, but extraction only reads pages."""
    role = request.meta.get(ROLE_META)
    if role:
        return role
    if request.meta.get("dont_obey_robotstxt") and urlparse_cached(request).path == "/robots.txt":
        return ROLE_ROBOTS
    return ROLE_PAGE


def _header_pairs(headers: Headers) -> list[tuple[str, str]]:
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        for value in values
    ]


def response_from_archive(
    archived: ArchivedResponse, request: Request, status: int, flag: str
) -> Response:
    """A Scrapy response rebuilt from the archive (body already decoded), marked by `flag`."""
    dropped = {"content-encoding", "content-length", "transfer-encoding"}
    headers = Headers({k: v for k, v in archived.headers.items() if k not in dropped})
    cls = responsetypes.from_args(headers=headers, url=archived.final_url, body=archived.body)
    return cls(
        url=archived.final_url,
        status=status,
        headers=headers,
        body=archived.body,
        request=request,
        flags=[flag],
    )


class ArchiveMiddleware:
    """Writes every response to the WARC archive before any other middleware sees it.

    Sits closest to the downloader (highest priority number), so its `process_response` runs
    first: redirects, retries and errors are archived as they arrived. On the way out it turns
    a URL already archived in this generation into a replay (no network) and adds conditional
    headers from the newest archived 200.
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        archive_dir = settings.get("EVIDENCE_ARCHIVE_DIR")
        self.source = settings.get("EVIDENCE_SOURCE")
        if not archive_dir or not self.source:
            raise NotConfigured("EVIDENCE_ARCHIVE_DIR and EVIDENCE_SOURCE are not set")
        self.accepted = settings.getlist("EVIDENCE_CONTENT_TYPES")
        self.max_bytes = settings.getint("DOWNLOAD_MAXSIZE")
        self.stats = crawler.stats
        self.directory = source_dir(archive_dir, self.source)
        self.lock = SourceLock(self.directory, self.source)
        self.state = begin_generation(self.directory)
        self.index = ArchiveIndex.build(self.directory, self.state.generation)
        self.writer = ArchiveWriter(self.directory, self.source, self.state.generation)
        self.stats.set_value("evidence/generation", self.state.generation)
        self.stats.set_value("evidence/resumed", int(self.state.resumed))
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveMiddleware:
        return cls(crawler)

    def spider_closed(self, spider, reason: str) -> None:
        self.writer.close()
        if reason == "finished":
            finish_generation(self.directory, self.state.generation)
        self.lock.release()

    def process_request(self, request: Request) -> Response | None:
        if request.method != "GET":
            return None
        archived = self.index.replay(request.url)
        if archived is not None:
            self.stats.inc_value("evidence/replayed")
            status = 304 if archived.not_modified else archived.status
            return response_from_archive(archived, request, status, FLAG_REPLAYED)
        if request.meta.pop(CONDITIONAL_META, False):  # set for another URL before a redirect
            del request.headers[b"If-None-Match"]
            del request.headers[b"If-Modified-Since"]
            request.meta.pop(PRIOR_META, None)
        prior = self.index.latest_ok.get(request.url)
        if prior is not None and (prior.etag or prior.last_modified):
            if prior.etag:
                request.headers[b"If-None-Match"] = prior.etag
            if prior.last_modified:
                request.headers[b"If-Modified-Since"] = prior.last_modified
            request.meta[CONDITIONAL_META] = True
            request.meta[PRIOR_META] = prior
            self.stats.inc_value("evidence/conditional_requests")
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        if FLAG_REPLAYED in response.flags:
            return response
        fetched_at = datetime.now(UTC)
        role = role_of(request)
        requested = (request.meta.get("redirect_urls") or [request.url])[0]
        headers = _header_pairs(response.headers)
        prior = request.meta.get(PRIOR_META)
        if response.status == 304 and prior is not None:
            ref = self.writer.write_not_modified(
                requested_url=requested,
                final_url=response.url,
                headers=headers,
                fetched_at=fetched_at,
                role=role,
                prior=prior,
            )
            self.index.add(ref)
            self.stats.inc_value("evidence/archived")
            self.stats.inc_value("evidence/not_modified")
            return response_from_archive(load(prior), request, 304, FLAG_NOT_MODIFIED)
        skipped = ""
        if role == ROLE_PAGE and response.status == 200:
            content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
            body = decoded_body(headers, response.body, self.max_bytes)
            skipped = skip_reason(content_type, body, self.accepted)
        ref = self.writer.write_response(
            requested_url=requested,
            final_url=response.url,
            status=response.status,
            reason=_reason(response.status),
            headers=headers,
            body=response.body,
            fetched_at=fetched_at,
            role=role,
            skipped=skipped,
        )
        self.index.add(ref)
        self.stats.inc_value("evidence/archived")
        self.stats.inc_value("evidence/archived_bytes", len(response.body))
        return response


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


class HostOverrideMiddleware:
    """Sends requests for overridden hosts through a local forward proxy (the fixture web).

    The URL keeps its real host name, so domains, robots.txt and download slots behave as on
    the open web; only the connection goes to ``127.0.0.1:PORT``. Keys are host names or
    ``*.suffix`` patterns.
    """

    def __init__(self, overrides: dict[str, str]) -> None:
        if not overrides:
            raise NotConfigured("no host overrides")
        self.exact = {k.lower(): v for k, v in overrides.items() if not k.startswith("*.")}
        self.suffixes = [(k[1:].lower(), v) for k, v in overrides.items() if k.startswith("*.")]

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HostOverrideMiddleware:
        return cls(crawler.settings.getdict("EVIDENCE_HOST_OVERRIDES"))

    def target(self, host: str) -> str | None:
        host = host.lower()
        if host in self.exact:
            return self.exact[host]
        for suffix, target in self.suffixes:
            if host.endswith(suffix):
                return target
        return None

    def process_request(self, request: Request) -> None:
        target = self.target(urlparse_cached(request).hostname or "")
        if target and "proxy" not in request.meta:
            request.meta["proxy"] = target if "://" in target else f"http://{target}"


class CrawlDelayMiddleware:
    """Enforces robots.txt Crawl-delay, which Scrapy parses but does not apply.

    When a host's robots.txt is parsed, its Crawl-delay (for our user agent) becomes the floor
    of that host's download slot delay, with no jitter below it, and AutoThrottle is told not
    to lower it.
    """

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured("robots.txt not obeyed")
        self.crawler = crawler
        self.user_agent = crawler.settings.get("USER_AGENT", "*")
        self.delays: dict[str, float] = {}
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelayMiddleware:
        return cls(crawler)

    def robots_parsed(self, robotparser, request: Request) -> None:
        parser = getattr(robotparser, "rp", None)  # Protego behind Scrapy's wrapper
        if parser is None or not hasattr(parser, "crawl_delay"):
            return
        delay = parser.crawl_delay(self.user_agent)
        if delay:
            host = urlparse_cached(request).hostname or ""
            self.delays[host] = float(delay)
            self.crawler.stats.set_value(f"evidence/crawl_delay/{host}", float(delay))

    def process_request(self, request: Request) -> None:
        delay = self.delays.get(urlparse_cached(request).hostname or "")
        if not delay:
            return
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        downloader.per_slot_settings.setdefault(key, {}).update(delay=delay, jitter=0.0)
        slot = downloader.slots.get(key)
        if slot is not None and (slot.delay < delay or slot.jitter):
            slot.delay = max(slot.delay, delay)
            slot.jitter = 0.0
        request.meta["autothrottle_dont_adjust_delay"] = True


class RedirectLoopMiddleware:
    """Stops a redirect that leads back to a URL of its own chain, and counts it.

    Runs before Scrapy's RedirectMiddleware, which would otherwise go round until its maximum.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectLoopMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not 300 <= response.status < 400 or b"Location" not in response.headers:
            return response
        location = response.headers[b"Location"].decode("latin-1")
        target = urljoin(request.url, location)
        chain = {*request.meta.get("redirect_urls", []), request.url}
        if target in chain:
            self.stats.inc_value("evidence/errors/redirect_loop")
            raise IgnoreRequest(f"redirect loop: {request.url} -> {target}")
        return response


_EXCEPTION_KINDS: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((DownloadTimeoutError, TxTimeoutError, TCPTimedOutError), "errors/timeout"),
    ((DownloadConnectionRefusedError, TxConnectionRefusedError), "errors/connection_refused"),
    ((CannotResolveHostError, DNSLookupError), "errors/dns"),
    ((DownloadCancelledError, CancelledError), "skipped/oversized"),
    ((ResponseDataLossError,), "errors/data_loss"),
)


class OutcomeCountMiddleware:
    """Counts final failures by kind: HTTP status, timeout, refused, DNS, oversized ...

    Sits below RetryMiddleware, so a failure that is retried is counted once, when it is final.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OutcomeCountMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status >= 400 and FLAG_REPLAYED not in response.flags:
            self.stats.inc_value(f"evidence/errors/http_{response.status}")
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, IgnoreRequest):
            return None  # counted where it was raised (robots, loop, content filter)
        for types, key in _EXCEPTION_KINDS:
            if isinstance(exception, types):
                self.stats.inc_value(f"evidence/{key}")
                return None
        self.stats.inc_value(f"evidence/errors/{type(exception).__name__}")
        return None


class ContentFilterMiddleware:
    """Skips (and counts) responses that are not pages we read: PDFs, images, binaries."""

    def __init__(self, crawler: Crawler) -> None:
        self.accepted = crawler.settings.getlist("EVIDENCE_CONTENT_TYPES")
        if not self.accepted:
            raise NotConfigured("EVIDENCE_CONTENT_TYPES is empty")
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContentFilterMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if role_of(request) != ROLE_PAGE or response.status not in (200, 304):
            return response
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        reason = skip_reason(content_type, response.body, self.accepted)
        if reason:
            self.stats.inc_value(f"evidence/skipped/{reason}")
            raise IgnoreRequest(f"skipped {response.url}: {reason} ({content_type or 'none'})")
        return response
