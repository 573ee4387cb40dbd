"""A crawl killed with SIGKILL leaves a readable archive; the rerun fetches only the rest."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from urllib.parse import urlsplit

from spiders.archive import iter_archive, source_dir, warc_files
from spiders.runner import PROJECT_ROOT, crawl_command, run_crawl

PAGES = [
    "http://diabetes-care.example/guides/nerve-complications",
    "http://diabetes-care.example/guides/diabetic-amyotrophy-recovery",
    "http://diabetes-care.example/guides/weight-loss-and-neuropathy",
    "http://diabetes-care.example/guides/foot-care",
    "http://diabetes-care.example/news/thigh-pain-diabetes",
    "http://diabetes-care.example/",
    "http://patient-forum.example/threads/thigh-pain-after-diagnosis",
    "http://patient-forum.example/threads/wheelchair-months",
    "http://patient-forum.example/threads/gbs-recovery-diary",
    "http://patient-forum.example/threads/legs-gave-way",
    "http://patient-forum.example/",
    "http://patient-forum.example/threads/script-test",
]


def test_killed_crawl_leaves_readable_archive_and_resumes(web, make_config, tmp_path):
    settings, path = make_config(
        "resume",
        "urls",
        urls=PAGES,
        politeness={"download_delay": 0.3, "concurrency_per_domain": 1},
    )
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    child = subprocess.Popen(
        crawl_command(path, "resume", tmp_path / "stats.json"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if sum(1 for r in web.log() if r.status == 200 and r.path != "/robots.txt") >= 5:
            break
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL

    before = {r.final_url for r in iter_archive(settings.warehouse.archive_dir)}
    assert 4 <= len(before) < len(PAGES)
    web.clear_log()

    stats = run_crawl(settings, "resume", path)
    assert stats.ok and stats.resumed and stats.generation == 1
    refetched = {f"http://{r.host}{urlsplit(r.path).path}" for r in web.log()}
    assert refetched.isdisjoint(before)
    assert stats.replayed == len(before)
    assert stats.pages == len(PAGES) - len(before)
    after = {r.final_url for r in iter_archive(settings.warehouse.archive_dir)}
    assert after == {u for u in PAGES}


def test_reader_tolerates_a_truncated_last_record(web, make_config):
    settings, path = make_config("cut", "urls", urls=PAGES[:3])
    assert run_crawl(settings, "cut", path).pages == 3
    (warc,) = warc_files(source_dir(settings.warehouse.archive_dir, "cut"))
    data = warc.read_bytes()
    warc.write_bytes(data[:-60])  # as if killed while writing the last record
    pages = list(iter_archive(settings.warehouse.archive_dir))
    assert len(pages) == 2
    assert all(p.body.startswith(b"<!DOCTYPE html>") for p in pages)
