"""The published pages, served live: the same templates `evidence publish` writes to disk.

Public (no sign-in), like the files. The live page also lists the changes that the next
`evidence publish` would record, so editors see the effect of their decisions at once.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from review_app.publishing import index_html, live_index, live_page
from review_app.web import state

router = APIRouter(prefix="/pages")


@router.get("")
def pages_root() -> Response:
    return RedirectResponse("/pages/index.html", status_code=307)


@router.get("/")
@router.get("/index.html")
def index(request: Request) -> Response:
    app = state(request)
    return HTMLResponse(index_html(live_index(app.warehouse, app.settings)))


@router.get("/index.json")
def index_json(request: Request) -> Response:
    app = state(request)
    body = json.dumps(live_index(app.warehouse, app.settings), indent=2)
    return Response(body, media_type="application/json")


@router.get("/{slug}.html")
def disease_html(request: Request, slug: str) -> Response:
    app = state(request)
    found = live_page(app.warehouse, app.settings, slug)
    if found is None:
        raise HTTPException(status_code=404, detail="no such disease page")
    return HTMLResponse(found[0])


@router.get("/{slug}.json")
def disease_json(request: Request, slug: str) -> Response:
    app = state(request)
    found = live_page(app.warehouse, app.settings, slug)
    if found is None:
        raise HTTPException(status_code=404, detail="no such disease page")
    return Response(found[1], media_type="application/json")
