"""Editor accounts, passwords and sessions.

Passwords are stored as salted scrypt hashes (memory-hard, in the standard library). A session
is a random token in an HttpOnly, SameSite=Strict cookie; the warehouse keeps only its SHA-256,
with a per-session CSRF token that every form must echo back.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from warehouse.load import utcnow

_N, _R, _P = 2**14, 8, 1
SESSION_LIFETIME = timedelta(hours=12)
SESSION_COOKIE = "evidence_session"


class AuthError(Exception):
    """Wrong name or password, or an account problem, phrased for the person at the keyboard."""


def hash_password(password: str, salt: bytes | None = None) -> str:
    """`scrypt$N$r$p$salt$hash`, self-describing so the cost can be raised later."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=bytes.fromhex(salt_hex),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=len(digest_hex) // 2,
    )
    return hmac.compare_digest(digest.hex(), digest_hex)


def add_editor(conn: duckdb.DuckDBPyConnection, name: str, password: str) -> None:
    """Create an account, or reset the password of an existing one."""
    name = name.strip()
    if not name:
        raise AuthError("an editor needs a name")
    if len(password) < 8:
        raise AuthError("passwords need at least 8 characters")
    conn.execute(
        "INSERT INTO editors VALUES (?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash",
        [name, hash_password(password), utcnow()],
    )


def check_credentials(conn: duckdb.DuckDBPyConnection, name: str, password: str) -> str:
    """The editor's name when the password matches; AuthError otherwise (same message for both)."""
    row = conn.execute("SELECT name, password_hash FROM editors WHERE name = ?", [name]).fetchone()
    if row is None:
        hash_password(password)  # spend the same time whether or not the name exists
        raise AuthError("unknown editor or wrong password")
    if not verify_password(password, row[1]):
        raise AuthError("unknown editor or wrong password")
    return row[0]


@dataclass(frozen=True)
class Session:
    editor: str
    csrf_token: str


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def open_session(conn: duckdb.DuckDBPyConnection, editor: str) -> str:
    """Store a new session and return the cookie value."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    conn.execute(
        "INSERT INTO editor_sessions VALUES (?, ?, ?, ?, ?)",
        [_token_hash(token), editor, secrets.token_urlsafe(32), now, now + SESSION_LIFETIME],
    )
    return token


def find_session(
    conn: duckdb.DuckDBPyConnection, token: str | None, now: datetime | None = None
) -> Session | None:
    if not token:
        return None
    row = conn.execute(
        "SELECT editor, csrf_token FROM editor_sessions WHERE token_hash = ? AND expires_at > ?",
        [_token_hash(token), now or utcnow()],
    ).fetchone()
    return Session(*row) if row else None


def close_session(conn: duckdb.DuckDBPyConnection, token: str | None) -> None:
    if token:
        conn.execute("DELETE FROM editor_sessions WHERE token_hash = ?", [_token_hash(token)])


def csrf_matches(session: Session, submitted: str | None) -> bool:
    return bool(submitted) and hmac.compare_digest(session.csrf_token, submitted or "")
