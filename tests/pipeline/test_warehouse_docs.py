"""Every query in docs/warehouse.md runs against a warehouse the pipeline filled."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import pipeline

DOC = Path(__file__).resolve().parents[2] / "docs" / "warehouse.md"
QUERIES = re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture(scope="module")
def filled(tmp_path_factory, request):
    request.getfixturevalue("prefect_harness")
    from pubmed.mock_eutils import MockEutils

    from .conftest import CONFIG, DEMO_RECORDS, REPO

    root = tmp_path_factory.mktemp("docs")
    with MockEutils([DEMO_RECORDS]) as server:
        cfg = root / "config.toml"
        cfg.write_text(
            CONFIG.format(root=root, base_url=server.base_url, cache=REPO / "var" / "cache")
        )
        pipeline(config_path=str(cfg), only=["pubmed"])
    return root / "warehouse.duckdb"


def test_doc_has_queries():
    assert len(QUERIES) >= 5


@pytest.mark.parametrize("sql", QUERIES, ids=[q.split("\n")[0][:40] for q in QUERIES])
def test_documented_query_runs_and_returns_rows(filled, sql):
    with duckdb.connect(str(filled), read_only=True) as conn:
        rows = conn.execute(sql).fetchall()
    assert rows, f"no rows from documented query:\n{sql}"
