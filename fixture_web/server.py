"""Serve the fixture web on loopback, answering for all its host names at one port.

Crawlers keep the real-looking host names (``http://neuro-clinic.example/...``) and reach this
server as an HTTP forward proxy: a request line in absolute form (``GET http://host/path``)
names the site; an origin-form request falls back to the Host header. Scrapy gets there through
`CrawlSettings.host_overrides` (host -> ``127.0.0.1:PORT``), which our downloader middleware
turns into ``request.meta["proxy"]``. Every request is logged so tests can check what a crawler
actually asked for (robots obeyed, conditional headers sent, delays kept).

    python -m fixture_web.server --port 8899
"""

from __future__ import annotations

import argparse
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from fixture_web.content import DOMAINS
from fixture_web.site import FixtureOptions, Resource, build_site


@dataclass(frozen=True)
class LoggedRequest:
    at: float  # time.monotonic() when the request arrived
    method: str
    host: str
    path: str  # path and query as requested
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 0


class FixtureWeb:
    """The fixture web on 127.0.0.1; use as a context manager.

    >>> with FixtureWeb() as web:
    ...     web.host_overrides  # {"neuro-clinic.example": "127.0.0.1:40123", ...}
    """

    def __init__(self, port: int = 0, options: FixtureOptions | None = None, **opts) -> None:
        self.options = options or FixtureOptions(**opts)
        self.routes: dict[tuple[str, str], Resource] = build_site(self.options)
        self.requests: list[LoggedRequest] = []
        self._lock = threading.Lock()
        self._failed_once: set[tuple[str, str]] = set()
        self._server = _QuietServer(("127.0.0.1", port), _make_handler(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def host_overrides(self) -> dict[str, str]:
        return {host: f"127.0.0.1:{self.port}" for host in DOMAINS}

    def start(self) -> FixtureWeb:
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FixtureWeb:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def log(self, host: str | None = None, path: str | None = None) -> list[LoggedRequest]:
        """Requests received so far, optionally only those for one host and/or path."""
        with self._lock:
            found = list(self.requests)
        return [
            r
            for r in found
            if (host is None or r.host == host) and (path is None or urlsplit(r.path).path == path)
        ]

    def clear_log(self) -> None:
        with self._lock:
            self.requests.clear()

    def set_body(self, host: str, path: str, body: bytes) -> None:
        """Change a page (new ETag, Last-Modified now): the next crawl must fetch it anew."""
        res = self.routes[(host, path)]
        res.body = body
        res.last_modified = datetime.now(UTC).replace(microsecond=0)

    def _record(self, entry: LoggedRequest) -> None:
        with self._lock:
            self.requests.append(entry)

    def answer(self, host: str, path: str, headers: dict[str, str]) -> tuple[int, dict, bytes]:
        """Status, headers and body for one GET; the slow page sleeps in the caller's thread."""
        if host not in DOMAINS:
            return 502, {"Content-Type": "text/plain"}, f"unknown host {host}\n".encode()
        res = self.routes.get((host, path))
        if res is None and path.endswith("/") and len(path) > 1:
            res = self.routes.get((host, path.rstrip("/")))
        if res is None:
            body = b"<html><head><title>Not found</title></head><body><h1>404</h1></body></html>"
            return 404, {"Content-Type": "text/html; charset=utf-8"}, body
        if res.kind == "redirect":
            return res.status, {"Location": res.location, "Content-Type": "text/html"}, b""
        if res.kind == "error":
            return res.status, {"Content-Type": res.content_type}, res.body
        if res.kind == "fails_once":
            with self._lock:
                first = (host, path) not in self._failed_once
                self._failed_once.add((host, path))
            if first:
                return 500, {"Content-Type": "text/html"}, b"<html><body>try again</body></html>"
        if res.kind == "slow":
            time.sleep(self.options.slow_seconds)
        validators = {"ETag": res.etag, "Last-Modified": res.last_modified_http}
        if _not_modified(res, headers):
            return 304, validators, b""
        return 200, {"Content-Type": res.content_type, **validators}, res.body


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops connection bursts: a crawler sees timeouts

    def handle_error(self, request, client_address) -> None:
        """A crawler hanging up (oversized page, killed crawl) is normal here, not an error."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _not_modified(res: Resource, headers: dict[str, str]) -> bool:
    inm = headers.get("if-none-match")
    if inm is not None:
        return res.etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
    ims = headers.get("if-modified-since")
    if ims:
        try:
            return parsedate_to_datetime(ims) >= res.last_modified
        except (TypeError, ValueError):
            return False
    return False


def _make_handler(web: FixtureWeb) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "FixtureWeb/1.0"

        def _target(self) -> tuple[str, str]:
            if self.path.startswith(("http://", "https://")):
                parts = urlsplit(self.path)
                host, rest = parts.hostname or "", parts.path or "/"
                query = parts.query
            else:
                parts = urlsplit(self.path)
                host = (self.headers.get("Host") or "").split(":")[0]
                rest, query = parts.path or "/", parts.query
            return host.lower(), rest + (f"?{query}" if query else "")

        def _serve(self, send_body: bool) -> None:
            host, full_path = self._target()
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, out_headers, body = web.answer(host, urlsplit(full_path).path, headers)
            web._record(
                LoggedRequest(time.monotonic(), self.command, host, full_path, headers, status)
            )
            self.send_response(status)
            for name, value in out_headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body and body:
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # a crawler that refuses an oversized body hangs up mid-write

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._serve(send_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._serve(send_body=False)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # the request log above is what tests read; stderr stays quiet

    return Handler


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the fixture web on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8899)
    parser.add_argument("--slow-seconds", type=float, default=2.0)
    args = parser.parse_args(argv)
    web = FixtureWeb(port=args.port, slow_seconds=args.slow_seconds)
    with web:
        print(f"fixture web on {web.proxy_url}; add to config.toml:")
        print("[crawl.host_overrides]")
        for host, target in web.host_overrides.items():
            print(f'"{host}" = "{target}"')
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
