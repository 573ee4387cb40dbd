"""The app factory: wires state, routers, static files and security headers together."""

from __future__ import annotations

import secrets

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from evidence.config import ReviewSettings
from review_app import routes_auth, routes_pages, routes_review
from review_app.db import Warehouse
from review_app.web import AppState, LoginRequired

# No inline scripts anywhere: even if escaping failed somewhere, injected script would not run.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


class _SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response


def create_app(warehouse: Warehouse, settings: ReviewSettings) -> FastAPI:
    """An app over an open warehouse; a random secret key when none is configured."""
    app = FastAPI(title="Symptom Evidence review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.review = AppState(warehouse, settings, settings.secret_key or secrets.token_hex(32))
    app.add_middleware(_SecurityHeaders)

    @app.exception_handler(LoginRequired)
    async def _to_login(request: Request, exc: LoginRequired) -> Response:
        from urllib.parse import urlencode

        return RedirectResponse("/login?" + urlencode({"next": exc.next_url}), status_code=303)

    app.include_router(routes_auth.router)
    app.include_router(routes_review.router)
    app.include_router(routes_pages.router)
    from importlib import resources

    static_dir = resources.files("review_app") / "static"
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")
    return app
