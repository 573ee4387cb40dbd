"""Every ```sql block of docs/analysts.md runs against the warehouse `make demo` builds.

The warehouse is built the way `make demo` builds it (evidence.demo's config: the repository's
config.toml plus the fixture web's sources; the mock E-utilities server; one pipeline run), then
gets some review work, two publications and a Parquet export, and the queries run on its
analysts' snapshot. The examples must return rows there, so the doc cannot drift to a disease
or a search term the demo does not have.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
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
DEMO_DISEASE = "Diabetic amyotrophy"
# Blocks (named by their first comment) that must return rows on the demo warehouse.
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
_ENV = ("EVIDENCE_EUTILS_URL", "EVIDENCE_WAREHOUSE", "EVIDENCE_ARCHIVE_DIR")


def _sample_module():
    path = ROOT / "tests" / "review_app" / "sample_warehouse.py"
    spec = importlib.util.spec_from_file_location("analysts_sample_warehouse", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def sql_blocks() -> list[tuple[str, str]]:
    blocks = re.findall(r"```sql\n(.*?)```", _doc(), flags=re.S)
    named = []
    for block in blocks:
        first = block.strip().splitlines()[0]
        named.append((first.removeprefix("--").strip() if first.startswith("--") else "", block))
    return named


def python_example() -> tuple[str, str]:
    """The doc's Python example and the output shown right after it."""
    found = re.search(r"^```python\n(.*?)^```\n.*?^```\n(.*?)^```", _doc(), flags=re.S | re.M)
    assert found, "docs/analysts.md: the Python example and its output are missing"
    return found.group(1), found.group(2)


def _review_work(conn: duckdb.DuckDBPyConnection) -> None:
    """What editors do after the demo: approvals, a rejection, a re-tag."""
    add_editor(conn, "grace", "a long enough password")

    def ids(symptom: str) -> list[str]:
        rows = conn.execute(
            "SELECT excerpt_id FROM evidence_list WHERE disease = ? AND symptom = ? ORDER BY rank",
            [DEMO_DISEASE, symptom],
        ).fetchall()
        assert rows, f"the demo has no {symptom!r} excerpts of {DEMO_DISEASE}"
        return [r[0] for r in rows]

    weight_loss, limb_pain = ids("Weight loss"), ids("Lower limb pain")
    decide(conn, "grace", weight_loss[:2], Change("approve"))
    decide(conn, "grace", [limb_pain[0]], Change("approve"))
    decide(conn, "grace", [limb_pain[-1]], Change("reject", reason="about another disease"))
    decide(conn, "grace", [weight_loss[-1]], Change("retag", hpo_id="HP:0003202"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, request) -> Path:
    """A folder laid out like the repository after `make demo` (var/demo/...) plus review work.

    Returns the folder; the doc's relative paths (var/demo/warehouse-snapshot.duckdb,
    exports/) resolve from it.
    """
    request.getfixturevalue("prefect_harness")
    from evidence.config import load_settings
    from evidence.demo import write_demo_config
    from fixture_web.server import FixtureWeb
    from flows.pipeline import pipeline
    from flows.snapshot import publish_snapshot
    from pubmed.mock_eutils import MockEutils
    from review_app.db import Warehouse
    from review_app.publishing import publish

    work = tmp_path_factory.mktemp("analysts-demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(work)
        for var in _ENV:
            mp.delenv(var, raising=False)
        (work / "var" / "demo").mkdir(parents=True)
        with MockEutils([ROOT / "pubmed" / "demo_records"]) as eutils, FixtureWeb() as web:
            mp.setenv("EVIDENCE_EUTILS_URL", eutils.base_url)
            config = write_demo_config(web.port)
            # the compiled HPO vocabulary of the repository, not a fresh build in this folder
            text = config.read_text(encoding="utf-8")
            cache = (ROOT / "var" / "cache").as_posix()
            config.write_text(
                text.replace('cache_dir = "var/cache"', f'cache_dir = "{cache}"'),
                encoding="utf-8",
            )
            report = pipeline(config_path=str(config.resolve()))
            assert report.status in {"completed", "partial"}, report.failures
            settings = load_settings(config)
        warehouse = (work / settings.warehouse.path).resolve()
        publish(Warehouse(warehouse), settings.review, work / "var" / "demo" / "site")

        conn = connect(warehouse)
        try:
            _review_work(conn)
            record_publication(conn, build_page(conn, DEMO_DISEASE, True, 3))
            build_excerpt_index(conn)
        finally:
            conn.close()
        snapshot = publish_snapshot(warehouse, (work / settings.warehouse.snapshot).resolve())
        conn = connect(snapshot, read_only=True)
        try:
            export_parquet(conn, work / "exports")
        finally:
            conn.close()
    return work


def test_doc_has_the_promised_examples():
    names = {name for name, _ in sql_blocks()}
    assert MUST_RETURN_ROWS <= names


def test_doc_examples_use_the_demo_disease():
    """Examples name a disease `make demo` loads, not one from a test sample."""
    doc = _doc()
    assert "Whipple" not in doc
    assert f"'{DEMO_DISEASE}'" in doc


@pytest.mark.parametrize("name,sql", sql_blocks(), ids=[n or "unnamed" for n, _ in sql_blocks()])
def test_doc_query_returns_rows_on_the_demo(demo: Path, name: str, sql: str, monkeypatch):
    monkeypatch.chdir(demo)  # the export example reads exports/ relative to here
    conn = duckdb.connect("var/demo/warehouse-snapshot.duckdb", read_only=True)
    try:
        load_fts(conn)  # the doc's one-time INSTALL step
        statements = [s for s in sql.split(";") if s.strip() and not _only_comments(s)]
        rows = None
        for statement in statements:
            rows = conn.execute(statement).fetchall()
    finally:
        conn.close()
    if name in MUST_RETURN_ROWS:
        assert rows, f"{name!r} returned no rows on the demo warehouse"


def test_python_example_runs_on_the_demo(demo: Path, monkeypatch):
    """The Python example runs as written; the symptoms its shown output names are there.

    Counts move as the tagger improves, so only the symptoms are compared, not the figures.
    """
    code, shown = python_example()
    monkeypatch.chdir(demo)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "docs/analysts.md", "exec"), {})  # noqa: S102 - the doc's own code
    printed = out.getvalue().splitlines()
    assert len(printed) == len(shown.strip().splitlines())
    shown_symptoms = set(re.findall(r"^\d+\. (.+?) \(HP:\d{7}\)", shown, flags=re.M))
    assert shown_symptoms, "the shown output lists no symptoms"
    assert shown_symptoms <= _top_symptoms(demo, 10), printed


def _top_symptoms(demo: Path, n: int) -> set[str]:
    with duckdb.connect(str(demo / "var/demo/warehouse-snapshot.duckdb"), read_only=True) as c:
        rows = c.execute(
            "SELECT symptom FROM symptom_strength WHERE disease = ? ORDER BY rank LIMIT ?",
            [DEMO_DISEASE, n],
        ).fetchall()
    return {r[0] for r in rows}


def _only_comments(statement: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in statement.splitlines())


@pytest.fixture(scope="module")
def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-written sample warehouse (known texts), for the ranking check."""
    path = tmp_path_factory.mktemp("analysts-sample") / "warehouse.duckdb"
    _sample_module().build(path)
    conn = connect(path)
    build_excerpt_index(conn)
    conn.close()
    return path


def test_fts_ranks_the_matching_excerpt_first(sample_warehouse: Path):
    conn = duckdb.connect(str(sample_warehouse), read_only=True)
    load_fts(conn)
    rows = conn.execute(
        "SELECT symptom, text FROM search_excerpts('biopsy bowel') LIMIT 3"
    ).fetchall()
    conn.close()
    assert rows[0][1].startswith("Whipple disease is confirmed by a small bowel biopsy")
