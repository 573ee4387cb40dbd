"""Every ```sql block of docs/analysts.md runs against a populated warehouse."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import duckdb
import pytest

from review_app.auth import add_editor
from review_app.changelog import record_publication
from review_app.decisions import Change, decide
from review_app.page_data import build_page
from warehouse.export import export_parquet
from warehouse.fts import build_excerpt_index, load_fts
from warehouse.schema import connect

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "analysts.md"
# Blocks (named by their first comment) that must return rows on the sample warehouse.
MUST_RETURN_ROWS = {
    "top symptoms of a disease",
    "evidence for one symptom",
    "which domains contribute",
    "excerpts harvested this week",
    "review throughput per editor",
    "review backlog per disease",
    "counter-evidence",
    "change log of a disease page",
    "full-text search",
    "reading the export",
}


def _sample_module():
    path = ROOT / "tests" / "review_app" / "sample_warehouse.py"
    spec = importlib.util.spec_from_file_location("analysts_sample_warehouse", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def sql_blocks() -> list[tuple[str, str]]:
    blocks = re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    named = []
    for block in blocks:
        first = block.strip().splitlines()[0]
        named.append((first.removeprefix("--").strip() if first.startswith("--") else "", block))
    return named


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample warehouse after some review work, a publication, the index and an export."""
    work = tmp_path_factory.mktemp("analysts")
    path = work / "warehouse.duckdb"
    sample = _sample_module().build(path)
    conn = connect(path)
    add_editor(conn, "grace", "a long enough password")
    decide(conn, "grace", [sample.ids["weight_loss"], sample.ids["fatigue"]], Change("approve"))
    decide(conn, "grace", [sample.ids["diarrhea"]], Change("reject", reason="off topic"))
    record_publication(conn, build_page(conn, "Whipple disease", True, 3))
    decide(conn, "grace", [sample.ids["xss"]], Change("retag", hpo_id="HP:0001824"))
    record_publication(conn, build_page(conn, "Whipple disease", True, 3))
    build_excerpt_index(conn)
    export_parquet(conn, work / "exports")
    conn.close()
    return path


def test_doc_has_the_promised_examples():
    names = {name for name, _ in sql_blocks()}
    assert MUST_RETURN_ROWS <= names


@pytest.mark.parametrize("name,sql", sql_blocks(), ids=[n or "unnamed" for n, _ in sql_blocks()])
def test_doc_query_runs_read_only(warehouse: Path, name: str, sql: str, monkeypatch):
    monkeypatch.chdir(warehouse.parent)  # the export example reads exports/ relative to here
    conn = duckdb.connect(str(warehouse), read_only=True)
    try:
        load_fts(conn)  # the doc's one-time INSTALL step
        statements = [s for s in sql.split(";") if s.strip() and not _only_comments(s)]
        rows = None
        for statement in statements:
            rows = conn.execute(statement).fetchall()
    finally:
        conn.close()
    if name in MUST_RETURN_ROWS:
        assert rows, f"{name!r} returned no rows"


def _only_comments(statement: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in statement.splitlines())


def test_fts_ranks_the_matching_excerpt_first(warehouse: Path):
    conn = duckdb.connect(str(warehouse), read_only=True)
    load_fts(conn)
    rows = conn.execute(
        "SELECT symptom, text FROM search_excerpts('biopsy bowel') LIMIT 3"
    ).fetchall()
    conn.close()
    assert rows[0][1].startswith("Whipple disease is confirmed by a small bowel biopsy")
