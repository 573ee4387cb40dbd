"""Editors' decisions on canonical excerpts, each one audited and undoable.

A decision covers a whole near-duplicate cluster (it is keyed by the canonical excerpt). Every
change writes the row's state before and after to `audit_log`; `review_actions` groups the
entries of one user action (one click or one bulk action) so that undo reverts it whole.
Re-tags and trims without an approval keep the status `unreviewed`: fixing a tag is not the
same as vouching for the excerpt, and `evidence_list` treats that status like no decision.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from warehouse.load import utcnow

ACTIONS = ("approve", "reject", "not_about", "retag", "trim")
_STATUS = {"approve": "approved", "reject": "rejected", "not_about": "not_about_disease"}
_FIELDS = ("status", "reason", "hpo_id", "trimmed_text", "editor", "decided_at")


class DecisionError(ValueError):
    """A decision that cannot be recorded, phrased for the editor."""


@dataclass(frozen=True)
class Change:
    """What an editor asks for; only the fields its action uses are read."""

    action: str
    reason: str = ""
    hpo_id: str = ""
    text: str = ""


def _current(conn: duckdb.DuckDBPyConnection, excerpt_id: str) -> dict | None:
    row = conn.execute(
        f"SELECT {', '.join(_FIELDS)} FROM decisions WHERE excerpt_id = ?", [excerpt_id]
    ).fetchone()
    if row is None:
        return None
    state = dict(zip(_FIELDS, row, strict=True))
    state["decided_at"] = state["decided_at"].isoformat(timespec="seconds")
    return state


def _original(conn: duckdb.DuckDBPyConnection, excerpt_id: str) -> tuple[str, str]:
    """(text, hpo_id) of a canonical excerpt as harvested; DecisionError if not canonical."""
    row = conn.execute(
        "SELECT e.text, e.hpo_id FROM canonical_excerpts ce JOIN excerpts e USING (excerpt_id) "
        "WHERE ce.excerpt_id = ?",
        [excerpt_id],
    ).fetchone()
    if row is None:
        raise DecisionError(f"no reviewable excerpt {excerpt_id!r}")
    return row


def _next_state(before: dict | None, change: Change, original: tuple[str, str]) -> dict:
    state = dict(before) if before else dict.fromkeys(_FIELDS) | {"status": "unreviewed"}
    text, tagged = original
    if change.action in _STATUS:
        state["status"] = _STATUS[change.action]
        reason = change.reason.strip()
        if change.action == "reject" and not reason:
            raise DecisionError("a rejection needs a reason")
        state["reason"] = reason or None
    elif change.action == "retag":
        if not change.hpo_id:
            raise DecisionError("choose the symptom to re-tag to")
        state["hpo_id"] = None if change.hpo_id == tagged else change.hpo_id
    elif change.action == "trim":
        trimmed = " ".join(change.text.split())
        if not trimmed:
            raise DecisionError("a trimmed excerpt cannot be empty")
        if trimmed not in " ".join(text.split()):
            # Quotes stay the authors' words: a trim may only cut, never rewrite.
            raise DecisionError("a trim may only cut words from the ends of the sentence")
        state["trimmed_text"] = None if trimmed == " ".join(text.split()) else trimmed
    else:
        raise DecisionError(f"unknown action {change.action!r}")
    return state


def _write_state(
    conn: duckdb.DuckDBPyConnection, excerpt_id: str, state: dict | None, editor: str
) -> dict | None:
    if state is None:
        conn.execute("DELETE FROM decisions WHERE excerpt_id = ?", [excerpt_id])
        return None
    now = utcnow()
    conn.execute(
        "INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (excerpt_id) DO UPDATE SET "
        "status = excluded.status, reason = excluded.reason, hpo_id = excluded.hpo_id, "
        "trimmed_text = excluded.trimmed_text, editor = excluded.editor, "
        "decided_at = excluded.decided_at",
        [
            excerpt_id,
            state["status"],
            state["reason"],
            state["hpo_id"],
            state["trimmed_text"],
            editor,
            now,
        ],
    )
    return state | {"editor": editor, "decided_at": now.isoformat(timespec="seconds")}


def _audit(
    conn: duckdb.DuckDBPyConnection,
    excerpt_id: str,
    editor: str,
    action: str,
    before: dict | None,
    after: dict | None,
) -> int:
    return conn.execute(
        "INSERT INTO audit_log (excerpt_id, editor, action, acted_at, before_state, after_state) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING audit_id",
        [excerpt_id, editor, action, utcnow(), json.dumps(before), json.dumps(after)],
    ).fetchone()[0]


def decide(
    conn: duckdb.DuckDBPyConnection, editor: str, excerpt_ids: Sequence[str], change: Change
) -> str:
    """Apply one user action to one or many excerpts; returns the batch id used for undo."""
    if not excerpt_ids:
        raise DecisionError("no excerpts selected")
    batch = uuid.uuid4().hex
    audit_action = "not_about" if change.action == "not_about" else change.action
    for excerpt_id in dict.fromkeys(excerpt_ids):
        before = _current(conn, excerpt_id)
        after = _write_state(
            conn, excerpt_id, _next_state(before, change, _original(conn, excerpt_id)), editor
        )
        audit_id = _audit(conn, excerpt_id, editor, audit_action, before, after)
        conn.execute("INSERT INTO review_actions VALUES (?, ?, ?, NULL)", [audit_id, batch, editor])
    return batch


def undo_last(conn: duckdb.DuckDBPyConnection, editor: str) -> list[str]:
    """Revert the editor's most recent action still in force; the excerpt ids it touched."""
    row = conn.execute(
        "SELECT ra.batch_id FROM review_actions ra JOIN audit_log a USING (audit_id) "
        "WHERE ra.editor = ? AND ra.undone_by IS NULL ORDER BY a.audit_id DESC LIMIT 1",
        [editor],
    ).fetchone()
    if row is None:
        return []
    entries = conn.execute(
        "SELECT a.audit_id, a.excerpt_id, a.before_state FROM review_actions ra "
        "JOIN audit_log a USING (audit_id) WHERE ra.batch_id = ? ORDER BY a.audit_id DESC",
        [row[0]],
    ).fetchall()
    touched = []
    for audit_id, excerpt_id, before_json in entries:
        restored = json.loads(before_json) if before_json else None
        current = _current(conn, excerpt_id)
        if restored is not None:
            restored = _write_state(conn, excerpt_id, restored, restored["editor"] or editor)
        else:
            _write_state(conn, excerpt_id, None, editor)
        undo_id = _audit(conn, excerpt_id, editor, "undo", current, restored)
        conn.execute(
            "UPDATE review_actions SET undone_by = ? WHERE audit_id = ?", [undo_id, audit_id]
        )
        touched.append(excerpt_id)
    return touched
