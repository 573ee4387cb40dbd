"""Request plumbing shared by the routers: the app's state, the signed-in editor, CSRF.

Every POST handler calls `editor_for_post`, which refuses a missing session and a missing or
wrong CSRF token before anything is read from the form's other fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from evidence.config import ReviewSettings
from review_app.auth import SESSION_COOKIE, Session, csrf_matches, find_session
from review_app.db import Warehouse
from review_app.hpo_terms import HpoIndex, default_index
from review_app.templating import render


@dataclass
class AppState:
    warehouse: Warehouse
    settings: ReviewSettings
    secret_key: str
    secure_cookies: bool = False
    _hpo: HpoIndex | None = None

    @property
    def hpo(self) -> HpoIndex:
        if self._hpo is None:
            self._hpo = default_index()
        return self._hpo


class LoginRequired(Exception):
    """Raised by page handlers; turned into a redirect to the sign-in page."""

    def __init__(self, next_url: str) -> None:
        self.next_url = next_url


def state(request: Request) -> AppState:
    return request.app.state.review


def current_session(request: Request) -> Session | None:
    with state(request).warehouse.read() as conn:
        return find_session(conn, request.cookies.get(SESSION_COOKIE))


def editor_for_page(request: Request) -> Session:
    session = current_session(request)
    if session is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(target)
    return session


async def editor_for_post(request: Request) -> tuple[Session, dict[str, str]]:
    """The signed-in editor and the submitted form, after the CSRF check."""
    session = current_session(request)
    if session is None:
        raise HTTPException(status_code=401, detail="sign in first")
    form = await request.form()
    fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
    token = fields.get("csrf_token") or request.headers.get("x-csrf-token")
    if not csrf_matches(session, token):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token")
    return session, fields


def page(template: str, status_code: int = 200, **context: object) -> HTMLResponse:
    return HTMLResponse(render(template, **context), status_code=status_code)


def redirect(path: str, **params: str) -> RedirectResponse:
    query = urlencode({k: v for k, v in params.items() if v})
    return RedirectResponse(f"{path}?{query}" if query else path, status_code=303)
