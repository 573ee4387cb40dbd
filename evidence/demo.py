"""`make demo`: the whole pipeline, offline, against local stand-ins for the outside world.

A mock E-utilities server replays the team-written demo PubMed records over real HTTP on
loopback; the pipeline then runs with the repository's config.toml, pointed at it, into a
warehouse under var/demo/. Ends by printing one disease's evidence list.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

DEMO_DIR = Path("var/demo")
DEMO_DISEASE = "Diabetic amyotrophy"


def main() -> int:
    Path("var/prefect").mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_HOME", str(Path("var/prefect").resolve()))
    from evidence.config import load_settings
    from evidence.show import render_evidence
    from flows.pipeline import run_pipeline
    from flows.progress import RichProgress
    from flows.report import render_report
    from pubmed.mock_eutils import MockEutils
    from warehouse.queries import evidence_for
    from warehouse.schema import connect

    if DEMO_DIR.exists():
        shutil.rmtree(DEMO_DIR)
    DEMO_DIR.mkdir(parents=True)
    records = Path(__file__).resolve().parent.parent / "pubmed" / "demo_records"
    with MockEutils([records]) as eutils:
        os.environ["EVIDENCE_EUTILS_URL"] = eutils.base_url
        os.environ["EVIDENCE_WAREHOUSE"] = str(DEMO_DIR / "warehouse.duckdb")
        settings = load_settings("config.toml")
        print(f"mock E-utilities at {eutils.base_url}", file=sys.stderr)
        with RichProgress():
            report = run_pipeline(settings, config_path=Path("config.toml"))
    print(render_report(report))
    with connect(settings.warehouse.path, read_only=True) as conn:
        symptoms = evidence_for(conn, DEMO_DISEASE, settings.review.excerpts_per_symptom)
    print()
    print(render_evidence(DEMO_DISEASE, symptoms))
    print(f"warehouse: {settings.warehouse.path.resolve()}")
    return 0 if symptoms and report.status != "failed" else 1


if __name__ == "__main__":
    sys.exit(main())
