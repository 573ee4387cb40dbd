"""The fixture web itself: size, robots.txt, proxying, conditional requests, special pages."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest

from fixture_web.content import DOMAINS
from fixture_web.server import FixtureWeb
from fixture_web.site import html_pages


@pytest.fixture(scope="module")
def web():
    with FixtureWeb(slow_seconds=0.3, oversized_bytes=100_000) as running:
        yield running


def _open(web: FixtureWeb, url: str, headers: dict[str, str] | None = None):
    proxy = urllib.request.ProxyHandler({"http": web.proxy_url})
    opener = urllib.request.build_opener(proxy)
    return opener.open(urllib.request.Request(url, headers=headers or {}), timeout=10)


def test_at_least_40_html_pages_over_6_domains():
    pages = html_pages()
    assert len(pages) >= 40
    assert len({urlsplit(u).hostname for u in pages}) >= 6


def test_every_domain_has_robots_with_a_disallow_and_one_has_crawl_delay(web):
    delays = 0
    for host in DOMAINS:
        text = _open(web, f"http://{host}/robots.txt").read().decode()
        assert re.search(r"^Disallow: /\S+", text, re.M)
        delays += "Crawl-delay:" in text
    assert delays == 1


def test_absolute_form_and_host_header_reach_the_same_page(web):
    via_proxy = _open(web, "http://neuro-clinic.example/conditions/cidp").read()
    direct = urllib.request.Request(
        f"http://127.0.0.1:{web.port}/conditions/cidp", headers={"Host": "neuro-clinic.example"}
    )
    assert urllib.request.urlopen(direct, timeout=10).read() == via_proxy


def test_conditional_request_gets_304(web):
    first = _open(web, "http://med-library.example/glossary/amyotrophy")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    for headers in ({"If-None-Match": etag}, {"If-Modified-Since": modified}):
        with pytest.raises(urllib.error.HTTPError) as caught:
            _open(web, "http://med-library.example/glossary/amyotrophy", headers)
        assert caught.value.code == 304


def test_syndicated_article_has_same_body_and_different_chrome():
    pages = html_pages()
    a = pages["http://health-news.example/articles/thigh-pain-diabetes"].decode()
    b = pages["http://diabetes-care.example/news/thigh-pain-diabetes"].decode()

    def body(html: str) -> str:
        return html.split("<article>")[1].split("</article>")[0]

    assert a != b and body(a) == body(b)
    assert "cookie-banner" in a and "cookie-banner" not in b


def test_special_pages(web):
    png = _open(web, "http://med-library.example/downloads/leaflet.html")
    assert png.headers["Content-Type"] == "text/html" and png.read().startswith(b"\x89PNG")
    pdf = _open(web, "http://med-library.example/downloads/guide.pdf")
    assert pdf.headers["Content-Type"] == "application/pdf"
    cp1252 = _open(web, "http://patient-forum.example/threads/legs-gave-way")
    assert "windows-1252" in cp1252.headers["Content-Type"]
    assert b"caf\xe9" in cp1252.read()
    big = _open(web, "http://med-library.example/archive/proceedings-full")
    assert int(big.headers["Content-Length"]) > 100_000
    with pytest.raises(urllib.error.HTTPError) as caught:
        _open(web, "http://health-news.example/articles/removed")
    assert caught.value.code == 404
    canonical = _open(web, "http://neuro-clinic.example/").read().decode()
    assert "utm_source=newsletter" in canonical
    xss = _open(web, "http://patient-forum.example/threads/script-test").read()
    assert b"<img src=x onerror=alert(1)>" in xss and b"&lt;script&gt;" in xss


def test_fails_once_then_serves(web):
    with pytest.raises(urllib.error.HTTPError) as caught:
        _open(web, "http://health-news.example/flaky/once")
    assert caught.value.code == 500
    assert _open(web, "http://health-news.example/flaky/once").status == 200
