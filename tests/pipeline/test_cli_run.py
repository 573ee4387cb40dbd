"""The CLI as an operator uses it: `evidence run` and `evidence import` in a fresh process, with
no Prefect server configured (Prefect starts its temporary local API)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import duckdb

SHARED_ENTREZ = Path(__file__).resolve().parents[3] / "shared" / "data" / "entrez"

UPDATE_FILE = """<?xml version="1.0" encoding="UTF-8"?>
<PubmedArticleSet>
<DeleteCitation><PMID Version="1">90000002</PMID></DeleteCitation>
</PubmedArticleSet>
"""


def evidence(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    return subprocess.run(
        [sys.executable, "-m", "evidence.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def test_evidence_run_prints_a_report_and_fills_the_warehouse(pipeline_config, tmp_path):
    proc = evidence("run", "--config", str(pipeline_config), "--only", "pubmed", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert ": completed" in proc.stdout
    assert "excerpts_new" in proc.stdout
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM evidence_list").fetchone()[0] > 0


def test_evidence_import_loads_files_and_honours_deletions(pipeline_config, tmp_path, repo_root):
    demo = repo_root / "pubmed" / "demo_records" / "diabetic_amyotrophy.xml"
    gz = tmp_path / "demo.xml.gz"
    gz.write_bytes(gzip.compress(demo.read_bytes()))
    update = tmp_path / "update.xml"
    update.write_text(UPDATE_FILE, encoding="utf-8")
    real = sorted(str(p) for p in SHARED_ENTREZ.glob("pubmed*.xml"))
    proc = evidence(
        "import", str(gz), *real, str(update), "--config", str(pipeline_config), tmp_path=tmp_path
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as conn:
        docs = dict(conn.execute("SELECT pmid, deleted FROM documents").fetchall())
        listed = conn.execute(
            "SELECT count(*) FROM evidence_list WHERE list_contains(pmids, '90000002')"
        ).fetchone()[0]
    assert len(docs) >= 15 + len(real)
    assert docs["90000002"] is True
    assert listed == 0


def test_evidence_import_names_a_missing_file(pipeline_config, tmp_path):
    proc = evidence(
        "import", str(tmp_path / "nope.xml.gz"), "--config", str(pipeline_config), tmp_path=tmp_path
    )
    assert proc.returncode == 2
    assert "nope.xml.gz" in proc.stderr
