"""Published pages: one HTML and one JSON per disease plus an index, on disk or served live.

`publish()` records a publication (and its change log entry) for each disease whose shown
excerpts changed, then writes the files. The app renders the same templates from the same
`DiseasePage`, adding the changes not yet published.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path

from evidence.config import ReviewSettings
from review_app.changelog import Publication, history, pending_changes, record_publication
from review_app.db import Warehouse
from review_app.page_data import DiseasePage, build_page, list_diseases, slugify
from review_app.templating import render

SECTION_TITLES = {
    "presentation": "Presentation",
    "workup": "Workup",
    "treatment": "Treatment",
    "prognosis": "Prognosis",
    "etiology": "Etiology",
    "epidemiology": "Epidemiology",
    "pathophysiology": "Pathophysiology",
    "prevention": "Prevention",
}


def _jsonable(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def page_html(page: DiseasePage, log: list[Publication], pending: Publication | None) -> str:
    last = log[0].published_at if log else None
    return render(
        "disease.html",
        page=page,
        log=log,
        pending=pending,
        last_updated=last,
        section_titles=SECTION_TITLES,
    )


def page_json(page: DiseasePage, log: list[Publication]) -> str:
    data = dataclasses.asdict(page)
    data["hpo_ids"] = [h for h, _ in page.hpo_ids]
    for block, raw in zip(page.symptoms, data["symptoms"], strict=True):
        raw["reason"] = block.reason
    data["last_updated"] = log[0].published_at if log else None
    data["change_log"] = [dataclasses.asdict(p) for p in log]
    return json.dumps(data, default=_jsonable, ensure_ascii=False, indent=2)


def index_html(entries: list[dict]) -> str:
    return render("index.html", entries=entries)


def _index_entry(page: DiseasePage, log: list[Publication]) -> dict:
    return {
        "name": page.name,
        "slug": page.slug,
        "summary": page.summary,
        "n_symptoms": len(page.symptoms),
        "n_excerpts": len(page.shown()),
        "last_updated": log[0].published_at.isoformat(timespec="seconds") if log else None,
    }


def live_page(wh: Warehouse, settings: ReviewSettings, slug: str) -> tuple[str, str] | None:
    """(html, json) of the page as it would be published now, for the app; None if unknown."""
    with wh.read() as conn:
        for name in list_diseases(conn):
            if slugify(name) == slug:
                page = build_page(
                    conn, name, settings.publish_unreviewed, settings.excerpts_per_symptom
                )
                log = history(conn, page.name)
                changes = pending_changes(conn, page)
                pending = Publication(None, None, len(page.shown()), changes) if changes else None
                return page_html(page, log, pending), page_json(page, log)
    return None


def live_index(wh: Warehouse, settings: ReviewSettings) -> list[dict]:
    with wh.read() as conn:
        entries = []
        for name in list_diseases(conn):
            page = build_page(
                conn, name, settings.publish_unreviewed, settings.excerpts_per_symptom
            )
            entries.append(_index_entry(page, history(conn, page.name)))
        return entries


def publish(wh: Warehouse, settings: ReviewSettings, out_dir: Path) -> list[Path]:
    """Record publications where something changed and write every page; the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    entries = []
    with wh.read() as conn:
        names = list_diseases(conn)
    for name in names:
        with wh.write() as conn:  # one short transaction per disease
            page = build_page(
                conn, name, settings.publish_unreviewed, settings.excerpts_per_symptom
            )
            record_publication(conn, page)
            log = history(conn, page.name)
        for path, text in (
            (out_dir / f"{page.slug}.html", page_html(page, log, None)),
            (out_dir / f"{page.slug}.json", page_json(page, log)),
        ):
            path.write_text(text, encoding="utf-8")
            written.append(path)
        entries.append(_index_entry(page, log))
    (out_dir / "index.html").write_text(index_html(entries), encoding="utf-8")
    (out_dir / "index.json").write_text(json.dumps(entries, indent=2), encoding="utf-8")
    return [*written, out_dir / "index.html", out_dir / "index.json"]
