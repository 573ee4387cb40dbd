"""The editors' queue and the decisions taken from it.

Decisions are plain form POSTs that redirect back to the queue with the same filters (so the
app works without JavaScript); `static/review.js` adds keyboard shortcuts and the type-ahead.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from review_app import queue
from review_app.decisions import ACTIONS, Change, DecisionError, decide, undo_last
from review_app.queue import STATUSES, QueueFilter
from review_app.web import editor_for_page, editor_for_post, page, redirect, state
from text_processing.sections import SECTIONS

router = APIRouter()
PAGE_SIZE = 50
_FILTER_KEYS = (
    "disease",
    "hpo_id",
    "section",
    "domain",
    "kind",
    "min_relevance",
    "run_id",
    "status",
)
_PAST_TENSE = {
    "approve": "Approved",
    "reject": "Rejected",
    "not_about": "Marked not about the disease:",
    "retag": "Re-tagged",
    "trim": "Trimmed",
}


def parse_filter(params: dict[str, str]) -> QueueFilter:
    """Tolerant parsing: an unknown status or a bad number falls back to the default."""
    try:
        min_rel = float(params["min_relevance"]) if params.get("min_relevance") else None
    except ValueError:
        min_rel = None
    status = params.get("status") or "unreviewed"
    return QueueFilter(
        disease=params.get("disease", ""),
        hpo_id=params.get("hpo_id", ""),
        section=params.get("section", "") if params.get("section") in SECTIONS else "",
        domain=params.get("domain", ""),
        kind=params.get("kind", "") if params.get("kind") in ("pubmed", "web") else "",
        min_relevance=min_rel,
        run_id=params.get("run_id", ""),
        status=status if status in STATUSES else "unreviewed",
    )


def filter_query(params: dict[str, str] | str) -> str:
    """Only the filter keys of a query string, to carry the filters across a POST."""
    pairs = parse_qsl(params) if isinstance(params, str) else list(params.items())
    return urlencode([(k, v) for k, v in pairs if k in _FILTER_KEYS and v])


def _back(fields: dict[str, str], **extra: str) -> RedirectResponse:
    query = filter_query(fields.get("back", ""))
    more = urlencode({k: v for k, v in extra.items() if v})
    return RedirectResponse("/queue?" + "&".join(q for q in (query, more) if q), status_code=303)


@router.get("/")
def home() -> Response:
    return redirect("/queue")


@router.get("/queue")
def show_queue(request: Request) -> Response:
    session = editor_for_page(request)
    params = dict(request.query_params)
    flt = parse_filter(params)
    try:
        offset = max(0, int(params.get("offset", "0")))
    except ValueError:
        offset = 0
    with state(request).warehouse.read() as conn:
        items = queue.fetch(conn, flt, limit=PAGE_SIZE, offset=offset)
        total = queue.count(conn, flt)
        options = queue.filter_options(conn)
    return page(
        "queue.html",
        editor=session.editor,
        csrf_token=session.csrf_token,
        items=items,
        total=total,
        flt=flt,
        options=options,
        sections=SECTIONS,
        statuses=STATUSES,
        back=filter_query(params),
        offset=offset,
        page_size=PAGE_SIZE,
        notice=params.get("notice", ""),
        error=params.get("error", ""),
    )


@router.post("/excerpts/{excerpt_id}/{action}")
async def act(request: Request, excerpt_id: str, action: str) -> Response:
    session, fields = await editor_for_post(request)
    if action not in ACTIONS:
        return _back(fields, error=f"Unknown action {action!r}.")
    hpo_id = fields.get("hpo_id", "").strip().upper()
    if action == "retag" and not _known_hpo(request, hpo_id):
        return _back(
            fields, error=f"{hpo_id or 'No term'} is not an HPO term; pick one from the list."
        )
    change = Change(action, fields.get("reason", ""), hpo_id, fields.get("text", ""))
    try:
        with state(request).warehouse.write() as conn:
            decide(conn, session.editor, [excerpt_id], change)
    except DecisionError as exc:
        return _back(fields, error=str(exc))
    return _back(fields, notice=f"{_PAST_TENSE[action]} 1 excerpt. Press u to undo.")


@router.post("/bulk")
async def bulk(request: Request) -> Response:
    session, fields = await editor_for_post(request)
    action = fields.get("action", "")
    if action not in ("approve", "reject"):
        return _back(fields, error="Bulk actions are approve and reject.")
    flt = parse_filter(dict(parse_qsl(fields.get("back", ""))))
    try:
        with state(request).warehouse.write() as conn:
            ids = queue.matching_ids(conn, flt)
            decide(conn, session.editor, ids, Change(action, fields.get("reason", "")))
    except DecisionError as exc:
        return _back(fields, error=str(exc))
    return _back(fields, notice=f"{_PAST_TENSE[action]} {len(ids)} excerpts. Press u to undo.")


@router.post("/undo")
async def undo(request: Request) -> Response:
    session, fields = await editor_for_post(request)
    with state(request).warehouse.write() as conn:
        touched = undo_last(conn, session.editor)
    if not touched:
        return _back(fields, notice="Nothing to undo.")
    return _back(fields, notice=f"Undid your last action ({len(touched)} excerpt(s)).")


def _known_hpo(request: Request, hpo_id: str) -> bool:
    if state(request).hpo.label(hpo_id):
        return True
    with state(request).warehouse.read() as conn:
        return (
            conn.execute("SELECT 1 FROM symptoms WHERE hpo_id = ?", [hpo_id]).fetchone() is not None
        )


@router.get("/hpo/search")
def hpo_search(request: Request, q: str = "", limit: int = 10) -> Response:
    """Type-ahead: symptoms already in the warehouse first, then the rest of HPO."""
    editor_for_page(request)
    terms = state(request).hpo.search(q, limit=max(1, min(limit, 25)) * 2)
    with state(request).warehouse.read() as conn:
        in_use = {r[0] for r in conn.execute("SELECT hpo_id FROM symptoms").fetchall()}
    terms.sort(key=lambda t: t.hpo_id not in in_use)  # stable: keeps the match order inside
    return JSONResponse(
        [
            {
                "hpo_id": t.hpo_id,
                "label": t.label,
                "matched": t.matched,
                "in_use": t.hpo_id in in_use,
            }
            for t in terms[: max(1, min(limit, 25))]
        ]
    )
