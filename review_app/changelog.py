"""Per-disease change log: what each publication added, removed or re-tagged.

A publication stores a snapshot of the excerpts it showed (`publication_items`); the next one
is compared with it. Publishing with nothing changed records nothing, so running
`evidence publish` twice keeps one entry and the same "last updated" date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from review_app.page_data import DiseasePage
from warehouse.load import utcnow


@dataclass
class PageChange:
    change: str  # added | removed | retagged
    excerpt_id: str
    hpo_id: str
    symptom: str
    old_hpo_id: str | None
    old_symptom: str | None
    text: str


@dataclass
class Publication:
    publication_id: int | None  # None: changes not yet published (app preview)
    published_at: datetime | None
    n_excerpts: int
    changes: list[PageChange] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {"added": 0, "removed": 0, "retagged": 0}
        for c in self.changes:
            out[c.change] += 1
        return out


def _previous(conn: duckdb.DuckDBPyConnection, disease: str) -> dict[str, tuple[str, str]]:
    """excerpt_id -> (hpo_id, text) as the latest publication showed them."""
    rows = conn.execute(
        """
        SELECT i.excerpt_id, i.hpo_id, i.text FROM publication_items i
        WHERE i.publication_id = (SELECT max(publication_id) FROM publications WHERE disease = ?)
        """,
        [disease],
    ).fetchall()
    return {eid: (hpo, text) for eid, hpo, text in rows}


def _labels(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(conn.execute("SELECT hpo_id, label FROM symptoms").fetchall())


def pending_changes(conn: duckdb.DuckDBPyConnection, page: DiseasePage) -> list[PageChange]:
    """What publishing `page` now would change against the latest publication."""
    before = _previous(conn, page.name)
    labels = _labels(conn)
    now = page.shown()
    changes = []
    for eid, e in now.items():
        if eid not in before:
            changes.append(PageChange("added", eid, e.hpo_id, e.symptom, None, None, e.text))
        elif before[eid][0] != e.hpo_id:
            old = before[eid][0]
            changes.append(
                PageChange("retagged", eid, e.hpo_id, e.symptom, old, labels.get(old, old), e.text)
            )
    for eid, (hpo_id, text) in before.items():
        if eid not in now:
            label = labels.get(hpo_id, hpo_id)
            changes.append(PageChange("removed", eid, hpo_id, label, None, None, text))
    return sorted(changes, key=lambda c: (c.change, c.symptom, c.excerpt_id))


def record_publication(conn: duckdb.DuckDBPyConnection, page: DiseasePage) -> int | None:
    """Store a publication of `page` if it differs from the last one; its id, or None."""
    first = conn.execute(
        "SELECT count(*) = 0 FROM publications WHERE disease = ?", [page.name]
    ).fetchone()[0]
    changes = pending_changes(conn, page)
    if not changes and not first:
        return None
    shown = page.shown()
    pub_id = conn.execute(
        "INSERT INTO publications (disease, published_at, n_excerpts, policy) "
        "VALUES (?, ?, ?, ?) RETURNING publication_id",
        [page.name, utcnow(), len(shown), page.policy],
    ).fetchone()[0]
    if shown:
        conn.executemany(
            "INSERT INTO publication_items VALUES (?, ?, ?, ?)",
            [[pub_id, e.excerpt_id, e.hpo_id, e.text] for e in shown.values()],
        )
    if changes:
        conn.executemany(
            "INSERT INTO page_changes VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                [pub_id, page.name, c.change, c.excerpt_id, c.hpo_id, c.old_hpo_id, c.text]
                for c in changes
            ],
        )
    return pub_id


def history(conn: duckdb.DuckDBPyConnection, disease: str) -> list[Publication]:
    """Every publication of the disease, newest first, with its changes."""
    labels = _labels(conn)
    pubs = {
        pid: Publication(pid, at, n)
        for pid, at, n in conn.execute(
            "SELECT publication_id, published_at, n_excerpts FROM publications "
            "WHERE disease = ? ORDER BY publication_id DESC",
            [disease],
        ).fetchall()
    }
    for pid, change, eid, hpo_id, old, text in conn.execute(
        "SELECT publication_id, change, excerpt_id, hpo_id, old_hpo_id, text FROM page_changes "
        "WHERE disease = ? ORDER BY publication_id, change, hpo_id, excerpt_id",
        [disease],
    ).fetchall():
        pubs[pid].changes.append(
            PageChange(
                change,
                eid,
                hpo_id,
                labels.get(hpo_id, hpo_id),
                old,
                labels.get(old, old) if old else None,
                text,
            )
        )
    return list(pubs.values())
