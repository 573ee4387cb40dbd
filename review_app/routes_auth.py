"""Sign-in and sign-out.

The sign-in form has no session yet, so its CSRF token is a signed, short-lived value that is
also set as a cookie (double submit); the token must come back in both places.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from review_app.auth import (
    SESSION_COOKIE,
    SESSION_LIFETIME,
    AuthError,
    check_credentials,
    close_session,
    open_session,
)
from review_app.web import current_session, editor_for_post, page, state

router = APIRouter()
_LOGIN_COOKIE = "evidence_login_csrf"


def _serializer(request: Request) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(state(request).secret_key, salt="login-csrf")


def _safe_next(target: str) -> str:
    """Only same-site paths: a sign-in link must not bounce an editor to another site."""
    return target if target.startswith("/") and not target.startswith("//") else "/queue"


def _login_page(request: Request, next_url: str, error: str = "", status: int = 200) -> Response:
    token = secrets.token_urlsafe(16)
    response = page(
        "login.html",
        status_code=status,
        csrf_token=_serializer(request).dumps(token),
        next_url=next_url,
        error=error,
        editor=None,
    )
    response.set_cookie(
        _LOGIN_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=state(request).secure_cookies,
        max_age=3600,
    )
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/queue") -> Response:
    if current_session(request):
        return RedirectResponse(_safe_next(next), status_code=303)
    return _login_page(request, _safe_next(next))


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form()
    name = str(form.get("name", "")).strip()
    password = str(form.get("password", ""))
    next_url = _safe_next(str(form.get("next", "/queue")))
    try:
        signed = _serializer(request).loads(str(form.get("csrf_token", "")), max_age=3600)
    except BadSignature:
        signed = None
    cookie = request.cookies.get(_LOGIN_COOKIE, "")
    if not signed or not cookie or not hmac.compare_digest(signed, cookie):
        return _login_page(request, next_url, "The form expired; please sign in again.", 403)
    try:
        with state(request).warehouse.write() as conn:
            editor = check_credentials(conn, name, password)
            token = open_session(conn, editor)
    except AuthError as exc:
        return _login_page(request, next_url, str(exc), 401)
    response = RedirectResponse(next_url, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=state(request).secure_cookies,
        max_age=int(SESSION_LIFETIME.total_seconds()),
    )
    response.delete_cookie(_LOGIN_COOKIE)
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    await editor_for_post(request)
    with state(request).warehouse.write() as conn:
        close_session(conn, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
