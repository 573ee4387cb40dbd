"""`make demo`: the whole pipeline, offline, against local stand-ins for the outside world.

A mock E-utilities server replays the team-written demo PubMed records, and the fixture web
serves the team-written pages of six sites, both over real HTTP on loopback. The pipeline runs
with the repository's config.toml plus the fixture web's sources (fixture_web/demo_sources.toml,
routed to the fixture server's port) into var/demo/, and ends by printing one disease's
evidence list.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEMO_DIR = Path("var/demo")
DEMO_DISEASE = "Diabetic amyotrophy"
FIXTURE_PORT_IN_FILE = "127.0.0.1:8899"


def write_demo_config(web_port: int) -> Path:
    """config.toml + the fixture web's sources, pointed at the port the fixture server got.

    The warehouse and archive keys point into var/demo/, so that `--config var/demo/config.toml`
    (show, review, publish, export, run) works on the demo's warehouse after the demo ends.
    """
    base = (REPO / "config.toml").read_text(encoding="utf-8")
    for key, default, demo in (
        ("path", "var/warehouse.duckdb", DEMO_DIR / "warehouse.duckdb"),
        ("archive_dir", "var/archive", DEMO_DIR / "archive"),
    ):
        line = f'{key} = "{default}"'
        if base.count(line) != 1:
            raise RuntimeError(f"config.toml: expected one line {line!r} in [warehouse]")
        base = base.replace(line, f'{key} = "{demo.as_posix()}"')
    sources = (REPO / "fixture_web" / "demo_sources.toml").read_text(encoding="utf-8")
    path = DEMO_DIR / "config.toml"
    path.write_text(
        base + "\n" + sources.replace(FIXTURE_PORT_IN_FILE, f"127.0.0.1:{web_port}"),
        encoding="utf-8",
    )
    return path


def main() -> int:
    Path("var/prefect").mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_HOME", str(Path("var/prefect").resolve()))
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from evidence.config import load_settings
    from evidence.show import render_evidence
    from fixture_web.server import FixtureWeb
    from flows.pipeline import run_pipeline
    from flows.progress import RichProgress
    from flows.report import render_report
    from pubmed.mock_eutils import MockEutils
    from review_app.db import Warehouse
    from review_app.publishing import publish
    from warehouse.queries import evidence_for
    from warehouse.schema import connect

    if DEMO_DIR.exists():
        shutil.rmtree(DEMO_DIR)
    DEMO_DIR.mkdir(parents=True)
    records = REPO / "pubmed" / "demo_records"
    with MockEutils([records]) as eutils, FixtureWeb() as web:
        os.environ["EVIDENCE_EUTILS_URL"] = eutils.base_url
        os.environ["EVIDENCE_WAREHOUSE"] = str(DEMO_DIR / "warehouse.duckdb")
        os.environ["EVIDENCE_ARCHIVE_DIR"] = str(DEMO_DIR / "archive")
        config = write_demo_config(web.port)
        settings = load_settings(config)
        print(f"mock E-utilities at {eutils.base_url}", file=sys.stderr)
        print(f"fixture web at 127.0.0.1:{web.port} (6 sites)", file=sys.stderr)
        with RichProgress():
            report = run_pipeline(settings, config_path=config)
    print(render_report(report))
    with connect(settings.warehouse.path, read_only=True) as conn:
        symptoms = evidence_for(conn, DEMO_DISEASE, settings.review.excerpts_per_symptom)
    print()
    print(render_evidence(DEMO_DISEASE, symptoms))
    site = DEMO_DIR / "site"
    publish(Warehouse(settings.warehouse.path), settings.review, site)
    print(f"warehouse: {settings.warehouse.path.resolve()}")
    print(f"published pages: {(site / 'index.html').resolve()}")
    print(f"config used: {config.resolve()}")
    return 0 if symptoms and report.status != "failed" else 1


if __name__ == "__main__":
    sys.exit(main())
