"""Site crawls: robots.txt obeyed, one fetch per canonical page, cheap recrawls."""

from __future__ import annotations

from urllib.parse import urlsplit

from spiders.archive import iter_archive
from spiders.runner import run_crawl

NEURO = "neuro-clinic.example"
DIAB = "diabetes-care.example"


def _site(make_config):
    return make_config(
        "clinics",
        "site",
        start_urls=[f"http://{NEURO}/", f"http://{DIAB}/"],
        allowed_domains=[NEURO, DIAB],
        depth_limit=2,
    )


def test_site_crawl_obeys_robots_and_fetches_each_canonical_page_once(web, make_config):
    settings, path = _site(make_config)
    stats = run_crawl(settings, "clinics", path)
    assert stats.ok, stats.error

    fetched = [r.path for r in web.log() if r.host in (NEURO, DIAB)]
    # disallowed by robots.txt: never asked for, and counted
    assert not any(p.startswith(("/staff/", "/private/")) for p in fetched)
    assert stats.skipped["robots"] == 2
    # the tracking-parameter link and the #fragment link are the same page: one request
    assert fetched.count("/conditions/diabetic-amyotrophy") == 1
    assert not any("utm_" in p for p in fetched)
    # links to other sites are not followed
    assert web.log(host="health-news.example") == []
    assert stats.skipped["offsite"] >= 1

    urls = {r.final_url for r in iter_archive(settings.warehouse.archive_dir)}
    pages = {urlsplit(u).path for u in urls}
    assert {"/conditions/diabetic-amyotrophy", "/guides/diabetic-amyotrophy-recovery"} <= pages
    assert stats.pages == len(urls) >= 12


def test_rerun_of_unchanged_site_gets_304s_and_adds_nothing(web, make_config):
    settings, path = _site(make_config)
    first = run_crawl(settings, "clinics", path)
    before = {r.final_url: r for r in iter_archive(settings.warehouse.archive_dir)}
    web.clear_log()

    second = run_crawl(settings, "clinics", path)
    assert second.ok and second.generation == first.generation + 1
    assert second.pages == 0
    assert second.not_modified == first.pages
    page_requests = [r for r in web.log() if r.path not in ("/robots.txt",)]
    assert page_requests and all("if-none-match" in r.headers for r in page_requests)
    assert {r.status for r in page_requests} == {304}
    after = {r.final_url: r for r in iter_archive(settings.warehouse.archive_dir)}
    assert {u: r.fetched_at for u, r in after.items()} == {
        u: r.fetched_at for u, r in before.items()
    }

    # one page changes: the next crawl fetches exactly that one anew
    web.set_body(NEURO, "/clinic/visiting", b"<html><body><p>New opening hours.</p></body></html>")
    third = run_crawl(settings, "clinics", path)
    assert third.pages == 1
    new = list(
        iter_archive(
            settings.warehouse.archive_dir, since=max(r.fetched_at for r in after.values())
        )
    )
    assert [r.final_url for r in new] == [f"http://{NEURO}/clinic/visiting"]
    assert b"New opening hours" in new[0].body
