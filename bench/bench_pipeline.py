"""End-to-end pipeline throughput on a generated corpus: in-process against a Dask LocalCluster.

Usage: .venv/bin/python bench/bench_pipeline.py [--pages 20000] [--records 20000] [--workers 2]
       [--modes inprocess,dask]

Generated PubMed records (demo records cloned with new PMIDs) are served by the mock
E-utilities server, generated article pages by a loopback HTTP server that the crawl reaches
through `crawl.host_overrides`. Each mode runs the whole `pipeline` flow (harvest over HTTP,
crawl in a child process, extract, load, deduplicate, publish) into a fresh warehouse under a
throw-away Prefect API. Prints one JSON line per mode: documents/s and peak memory (RSS of this
process and, separately, of its children: the crawl process and Dask workers).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "flows"))

from flows_corpus import write_pubmed_corpus  # noqa: E402

SENTENCES = [
    "Patients with diabetic amyotrophy often report severe thigh pain and weight loss.",
    "In Guillain-Barre syndrome, ascending weakness and areflexia develop over days.",
    "Spinal muscular atrophy causes progressive proximal muscle weakness in children.",
    "Diabetic amyotrophy may present with hip pain followed by quadriceps weakness.",
    "Many people with Guillain-Barre syndrome describe tingling in the feet first.",
    "Fasciculations of the tongue are common in spinal muscular atrophy type 1.",
]


def page(i: int) -> bytes:
    body = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3))
    return (
        f"<!DOCTYPE html><html><head><title>Article {i}</title></head><body><main>"
        f"<h1>Case note {i}</h1><p>Note {i}. {body}</p><p>Reviewed {i % 28 + 1} March.</p>"
        "</main></body></html>"
    ).encode()


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("://", 1)[-1].split("/", 1)[-1]
        if path.startswith("a/"):
            data, status = page(int(path[2:])), 200
        else:
            data, status = b"not found", 404
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


def write_config(root: Path, eutils_url: str, web_port: int, pages: int, records: int, mode: str,
                 workers: int) -> Path:  # fmt: skip
    urls = ", ".join(f'"http://bench-web.example/a/{i}"' for i in range(pages))
    dask = f"\n[dask]\nlocal_cluster = true\nworkers = {workers}\n" if mode == "dask" else ""
    text = f"""
[warehouse]
path = "{root}/warehouse.duckdb"
archive_dir = "{root}/archive"
snapshot_path = "{root}/snapshot.duckdb"
min_free_bytes = 0
[pubmed]
base_url = "{eutils_url}"
batch_size = 500
max_records = {max(records, 1)}
[tagging]
cache_dir = "{REPO / "var" / "cache"}"
[flows]
domain_concurrency = 0
[crawl.host_overrides]
"bench-web.example" = "127.0.0.1:{web_port}"
[[diseases]]
name = "Diabetic amyotrophy"
synonyms = ["diabetic lumbosacral radiculoplexus neuropathy", "Bruns-Garland syndrome"]
[[diseases]]
name = "Guillain-Barre syndrome"
synonyms = ["Guillain-Barré syndrome"]
[[diseases]]
name = "Spinal muscular atrophy"
{dask}"""
    if pages:
        text += f"""
[[sources]]
name = "bench-web"
kind = "urls"
urls = [{urls}]
[sources.politeness]
obey_robots = false
download_delay = 0
autothrottle = false
concurrency_per_domain = 16
"""
    path = root / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def run_mode(mode: str, args: argparse.Namespace, eutils_url: str, web_port: int) -> dict:
    from flows.pipeline import pipeline

    root = Path(tempfile.mkdtemp(prefix=f"bench-pipeline-{mode}-"))
    config = write_config(root, eutils_url, web_port, args.pages, args.records, mode, args.workers)
    started = time.perf_counter()
    report = pipeline(config_path=str(config))
    seconds = time.perf_counter() - started
    docs = report.counts["documents_loaded"]
    return {
        "bench": "pipeline",
        "mode": mode,
        "workers": args.workers if mode == "dask" else 1,
        "pages": args.pages,
        "records": args.records,
        "status": report.status,
        "documents_loaded": docs,
        "pages_fetched": report.counts["pages_fetched"],
        "pubmed_records_fetched": report.counts["pubmed_records_fetched"],
        "excerpts_new": report.counts["excerpts_new"],
        "seconds": round(seconds, 1),
        "documents_per_s": round(docs / seconds, 1) if seconds else 0,
        "warehouse_mb": round((root / "warehouse.duckdb").stat().st_size / 1e6, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--modes", default="inprocess,dask")
    args = parser.parse_args()
    os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="bench-prefect-"))
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
    from prefect.testing.utilities import prefect_test_harness

    from pubmed.mock_eutils import MockEutils

    corpus = write_pubmed_corpus(Path(tempfile.mkdtemp(prefix="bench-corpus-")), args.records)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with prefect_test_harness(server_startup_timeout=120), MockEutils([corpus]) as eutils:
        for mode in args.modes.split(","):
            line = run_mode(mode, args, eutils.base_url, server.server_address[1])
            line["peak_rss_mb_self"] = round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
            )
            line["peak_rss_mb_children"] = round(
                resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
            )
            print(json.dumps(line), flush=True)
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
