"""One sitemap crawl over three sites, checked for every fixture case it meets."""

from __future__ import annotations

import gzip
import hashlib

from spiders.archive import iter_archive, iter_records, source_dir, warc_files
from spiders.runner import run_crawl

LIB = "http://med-library.example"
NEWS = "http://health-news.example"
FORUM = "http://patient-forum.example"


def test_sitemap_crawl_counts_skips_errors_and_archives_everything(web, make_config):
    settings, path = make_config(
        "sitemaps",
        "sitemap",
        sitemap_urls=[f"{LIB}/sitemap_index.xml", f"{NEWS}/sitemap.xml", f"{FORUM}/sitemap.xml"],
        deny=["/threads/gbs-"],
        politeness={"retries": 1, "timeout_seconds": 1.0, "max_response_bytes": 200_000},
    )
    stats = run_crawl(settings, "sitemaps", path)
    assert stats.ok, stats.error

    pages = {r.final_url: r for r in iter_archive(settings.warehouse.archive_dir)}
    # the sitemap index was followed into all three of its sitemaps
    for page in ("/glossary/paresthesia", "/reviews/proximal-diabetic-neuropathy"):
        assert LIB + page in pages
    # deny pattern kept out, others in
    assert FORUM + "/threads/gbs-recovery-diary" not in pages
    assert FORUM + "/threads/wheelchair-months" in pages
    assert stats.skipped["denied"] == 1

    # oversized page refused by size, never archived; binary-as-HTML and PDF by content
    assert stats.skipped["oversized"] == 1
    assert stats.skipped["binary_body"] == 1
    assert stats.skipped["content_type"] == 1
    assert not any("/downloads/" in u or "/archive/" in u for u in pages)

    # redirect loop stopped and counted; 404 and 500 counted; 500 retried once then given up
    assert stats.errors["redirect_loop"] == 1
    assert stats.errors["http_404"] == 1
    assert stats.errors["http_500"] == 1
    assert len(web.log(host="health-news.example", path="/flaky/always")) == 2
    # a page that fails once with 500 is retried and then archived
    assert NEWS + "/flaky/once" in pages
    assert stats.retried >= 2
    # the slow page (2 s) times out at 1 s on both attempts
    assert stats.errors["timeout"] == 1
    assert NEWS + "/slow/weekly-roundup" not in pages

    # windows-1252 page archived with its charset and its bytes untouched
    forum = pages[FORUM + "/threads/legs-gave-way"]
    assert forum.charset == "windows-1252"
    assert b"caf\xe9" in forum.body and b"couldn\x92t" in forum.body
    assert "café" in forum.body.decode(forum.charset)
    # the XSS page is archived verbatim: escaping is the review app's job
    xss = pages[FORUM + "/threads/script-test"]
    assert b"<img src=x onerror=alert(1)>" in xss.body

    # every page carries the required fields and a hash that matches its body
    assert stats.pages == len(pages) >= 15
    for page in pages.values():
        assert page.source == "sitemaps" and page.status == 200
        assert page.url and page.final_url and page.fetched_at.tzinfo is not None
        assert page.headers["content-type"].startswith("text/html")
        assert page.content_hash == "sha256:" + hashlib.sha256(page.body).hexdigest()

    # robots.txt, sitemaps, redirects, errors are archived too, each with the WARC digest
    files = warc_files(source_dir(settings.warehouse.archive_dir, "sitemaps"))
    refs = [ref for f in files for ref in iter_records(f)]
    roles = {ref.role for ref in refs}
    assert roles == {"robots", "sitemap", "page"}
    statuses = {ref.status for ref in refs}
    assert {200, 301, 302, 404, 500} <= statuses
    assert stats.archived == len(refs)
    raw = b"".join(gzip.open(f).read() for f in files)
    assert raw.count(b"WARC-Payload-Digest: sha1:") == len(refs)
