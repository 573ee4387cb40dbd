"""The route table of the fixture web: (host, path) -> what the server answers.

Articles come from `content.py` inside each site's chrome; around them sit the cases a crawler
must survive: robots.txt (disallowed paths, one Crawl-delay), sitemaps and a sitemap index,
redirects (a chain and a loop), 404/500 (one page that fails once), a slow page, an oversized
page, binary bytes served as text/html, a PDF, tracking-parameter links to a page with
rel=canonical. Kept apart from the server so that extraction tests can read pages directly.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape

from fixture_web.chrome import render_article, render_page
from fixture_web.content import (
    ARTICLES,
    ATLAS,
    DIAB,
    DOMAINS,
    FORUM,
    LIB,
    NEURO,
    NEWS,
    Article,
    oversized_paragraphs,
)

HTML = "text/html; charset=utf-8"


@dataclass
class Resource:
    """One answer. `kind` picks special behaviour; plain 200s carry ETag and Last-Modified."""

    body: bytes = b""
    content_type: str = HTML
    status: int = 200
    kind: str = "static"  # static | redirect | error | slow | fails_once
    location: str = ""
    last_modified: datetime = field(default_factory=lambda: datetime(2024, 1, 1, tzinfo=UTC))

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'

    @property
    def last_modified_http(self) -> str:
        return format_datetime(self.last_modified, usegmt=True)


@dataclass(frozen=True)
class FixtureOptions:
    """Knobs tests turn: a long slow page or a big oversized page cost test time."""

    slow_seconds: float = 2.0
    crawl_delay: float = 0.5  # muscle-atlas.example's robots.txt Crawl-delay
    oversized_bytes: int = 6_000_000


ROBOTS_DISALLOW = {
    NEURO: "/staff/",
    DIAB: "/private/",
    NEWS: "/admin/",
    ATLAS: "/admin/",
    FORUM: "/search",
    LIB: "/internal/",
}

# Paths that a crawl of the whole fixture web should reach, per domain, beyond the articles.
REDIRECTS = {
    (NEWS, "/old/diabetic-amyotrophy-case"): (301, "/articles/diabetic-amyotrophy-case"),
    (NEWS, "/go/da-case"): (302, "/old/diabetic-amyotrophy-case"),
    (NEWS, "/loop/a"): (302, "/loop/b"),
    (NEWS, "/loop/b"): (302, "/loop/a"),
}
ALWAYS_500 = (NEWS, "/flaky/always")
BROKEN_LINK = (NEWS, "/articles/removed")  # linked, never served: 404
OVERSIZED = (LIB, "/archive/proceedings-full")
BINARY_AS_HTML = (LIB, "/downloads/leaflet.html")
PDF = (LIB, "/downloads/guide.pdf")
TRACKING_LINK = "/conditions/diabetic-amyotrophy?utm_source=newsletter&utm_medium=email"


def _date(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=UTC)


def tiny_png() -> bytes:
    """A valid 1x1 PNG, built here so no binary file has to live in the repository."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def tiny_pdf() -> bytes:
    """A minimal one-page PDF whose text mentions a symptom: it must still be skipped."""
    text = b"BT /F1 12 Tf 72 720 Td (Thigh pain leaflet) Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
    ]
    out = b"%PDF-1.4\n"
    for i, obj in enumerate(objs, start=1):
        out += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    return out + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _home(host: str, articles: list[Article], extra: list[tuple[str, str]]) -> bytes:
    items = [(a.path, a.title) for a in articles] + extra
    links = "".join(f'<li><a href="{href}">{escape(t)}</a></li>' for href, t in items)
    intro = "<p>Welcome. The pages below are written for the Symptom Evidence test web.</p>"
    return render_page(host, "Home", f'{intro}<ul class="index">{links}</ul>')


def _home_extras() -> dict[str, list[tuple[str, str]]]:
    """Links on each home page beyond its own articles: specials and a few cross-site links."""
    return {
        NEURO: [
            (TRACKING_LINK, "Diabetic amyotrophy (from our newsletter)"),
            ("/conditions/diabetic-amyotrophy#symptoms", "Symptoms of diabetic amyotrophy"),
            ("/conditions", "All conditions"),
            (f"http://{DIAB}/", "Diabetes Care Network"),
        ],
        DIAB: [(f"http://{NEWS}/articles/thigh-pain-diabetes", "Also in Health News")],
        NEWS: [
            ("/go/da-case", "Case story (short link)"),
            ("/loop/a", "Broken short link"),
            ("/articles/removed", "Removed story"),
            ("/flaky/always", "Live blog"),
            ("/admin/login", "Admin"),
        ],
        ATLAS: [("/admin/edit", "Edit atlas")],
        FORUM: [("/search?q=thigh+pain", "Search: thigh pain")],
        LIB: [
            ("/archive/proceedings-full", "Full proceedings (large)"),
            ("/downloads/leaflet.html", "Patient leaflet"),
            ("/downloads/guide.pdf", "Printable guide (PDF)"),
        ],
    }


def _sitemap(host: str, paths: list[str]) -> bytes:
    urls = "".join(f"<url><loc>http://{host}{escape(p)}</loc></url>" for p in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>\n"
    ).encode()


def _sitemap_index(host: str, paths: list[str]) -> bytes:
    items = "".join(f"<sitemap><loc>http://{host}{p}</loc></sitemap>" for p in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{items}</sitemapindex>\n"
    ).encode()


def _robots(host: str, options: FixtureOptions) -> bytes:
    lines = ["User-agent: *", f"Disallow: {ROBOTS_DISALLOW[host]}"]
    if host == ATLAS:
        lines.append(f"Crawl-delay: {options.crawl_delay:g}")
    sitemap = "/sitemap_index.xml" if host == LIB else "/sitemap.xml"
    lines.append(f"Sitemap: http://{host}{sitemap}")
    return ("\n".join(lines) + "\n").encode()


def build_site(options: FixtureOptions | None = None) -> dict[tuple[str, str], Resource]:
    """Every route of the fixture web. Paths are matched without query string or fragment."""
    options = options or FixtureOptions()
    routes: dict[tuple[str, str], Resource] = {}
    by_host: dict[str, list[Article]] = {h: [] for h in DOMAINS}
    for article in ARTICLES:
        by_host[article.host].append(article)
        kind = "static"
        if "slow" in article.tags:
            kind = "slow"
        elif "fails-once" in article.tags:
            kind = "fails_once"
        routes[(article.host, article.path)] = Resource(
            body=render_article(article),
            content_type=f"text/html; charset={article.encoding}",
            kind=kind,
            last_modified=_date(article.published),
        )
    extras = _home_extras()
    for host in DOMAINS:
        routes[(host, "/")] = Resource(body=_home(host, by_host[host], extras[host]))
        routes[(host, "/robots.txt")] = Resource(
            body=_robots(host, options), content_type="text/plain"
        )
    conditions = [a for a in by_host[NEURO] if a.path.startswith("/conditions/")]
    routes[(NEURO, "/conditions")] = Resource(
        body=render_page(
            NEURO,
            "Conditions we treat",
            "<ul>"
            + "".join(f'<li><a href="{a.path}">{escape(a.title)}</a></li>' for a in conditions)
            + "</ul>",
        )
    )
    routes[(NEWS, "/section/health")] = Resource(
        body=render_page(NEWS, "Health", "<p>Latest health stories.</p>", noisy=True)
    )
    for (host, path), (status, target) in REDIRECTS.items():
        routes[(host, path)] = Resource(status=status, kind="redirect", location=target)
    routes[ALWAYS_500] = Resource(
        status=500, kind="error", body=b"<html><body><h1>Internal error</h1></body></html>"
    )
    big = "".join(f"<p>{p}</p>\n" for p in oversized_paragraphs(options.oversized_bytes))
    routes[OVERSIZED] = Resource(body=render_page(LIB, "Full proceedings", big))
    routes[BINARY_AS_HTML] = Resource(body=tiny_png(), content_type="text/html")
    routes[PDF] = Resource(body=tiny_pdf(), content_type="application/pdf")

    xml = "application/xml"
    for host in (NEURO, DIAB, NEWS, ATLAS, FORUM):
        paths = ["/"] + [a.path for a in by_host[host]]
        if host == NEWS:
            paths += [
                "/old/diabetic-amyotrophy-case",
                "/go/da-case",
                "/loop/a",
                "/articles/removed",
                "/flaky/always",
            ]
        if host == NEURO:
            paths.append(TRACKING_LINK)
        routes[(host, "/sitemap.xml")] = Resource(body=_sitemap(host, paths), content_type=xml)
    lib_reviews = ["/"] + [a.path for a in by_host[LIB] if not a.path.startswith("/glossary/")]
    lib_glossary = [a.path for a in by_host[LIB] if a.path.startswith("/glossary/")]
    lib_files = [OVERSIZED[1], BINARY_AS_HTML[1], PDF[1]]
    routes[(LIB, "/sitemaps/reviews.xml")] = Resource(
        body=_sitemap(LIB, lib_reviews), content_type=xml
    )
    routes[(LIB, "/sitemaps/glossary.xml")] = Resource(
        body=_sitemap(LIB, lib_glossary), content_type=xml
    )
    routes[(LIB, "/sitemaps/files.xml")] = Resource(body=_sitemap(LIB, lib_files), content_type=xml)
    routes[(LIB, "/sitemap_index.xml")] = Resource(
        body=_sitemap_index(
            LIB, ["/sitemaps/reviews.xml", "/sitemaps/glossary.xml", "/sitemaps/files.xml"]
        ),
        content_type=xml,
    )
    return routes


def html_pages(options: FixtureOptions | None = None) -> dict[str, bytes]:
    """URL -> HTML bytes of every 200 text/html page: handy for extraction tests."""
    return {
        f"http://{host}{path}": r.body
        for (host, path), r in build_site(options).items()
        if r.status == 200 and r.content_type.startswith("text/html") and r.body[:1] == b"<"
    }
