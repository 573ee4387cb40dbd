"""`evidence extract`: what the pipeline sees in a page, for operators tuning a source.

It runs the very `extract_page` the pipeline runs. Each page is handled on its own: a missing
file or an unreachable URL is reported on stderr by name and the others are still shown; the
exit status is non-zero when any page failed.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path
from typing import Annotated

import typer

from evidence.config import Politeness
from page_extraction.extract import ExtractedPage, ExtractionError, extract_page

FETCH_TIMEOUT_SECONDS = 30.0
MAX_FETCH_BYTES = 20_000_000
# C0/C1 controls except tab and newline: harvested text must not drive the operator's terminal.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class FetchError(Exception):
    """A page that could not be read; the message names the path or URL."""


def _is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def _charset(content_type: str) -> str | None:
    message = Message()
    message["content-type"] = content_type
    return message.get_param("charset")  # type: ignore[return-value]


def fetch_url(url: str) -> tuple[bytes, str, str | None]:
    """GET a page: (body, final URL after redirects, HTTP charset or None)."""
    request = urllib.request.Request(url, headers={"User-Agent": Politeness().user_agent})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
            body = response.read(MAX_FETCH_BYTES + 1)
            final_url = response.geturl()
            charset = _charset(response.headers.get("Content-Type", ""))
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"{url}: cannot fetch: {reason}") from None
    if len(body) > MAX_FETCH_BYTES:
        raise FetchError(f"{url}: larger than {MAX_FETCH_BYTES} bytes")
    return body, final_url, charset


def read_target(target: str) -> ExtractedPage:
    """Extract a page from a path or an http(s) URL; FetchError/ExtractionError name it."""
    if _is_url(target):
        body, final_url, charset = fetch_url(target)
        return extract_page(body, final_url, encoding=charset, source=target)
    path = Path(target)
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise FetchError(f"{target}: cannot read: {exc.strerror or exc}") from None
    return extract_page(body, target, source=target)


def page_record(page: ExtractedPage) -> dict[str, object]:
    return {
        "source": page.source,
        "title": page.title,
        "language": page.language,
        "date": page.date,
        "text": page.text,
        "sections": [{"heading": s.heading, "text": s.text} for s in page.sections],
    }


def safe_for_terminal(text: str) -> str:
    return _CONTROL_CHARS.sub("\ufffd", text)


def readable_view(page: ExtractedPage) -> str:
    """A plain-text view; harvested text has its control characters neutralized."""
    lines = [
        f"== {page.source}",
        f"title:    {page.title}",
        f"language: {page.language or '?'}",
        f"date:     {page.date or '?'}",
    ]
    if page.canonical_url:
        lines.append(f"url:      {page.canonical_url}")
    lines.append(f"method:   {page.method}  ({len(page.text.split())} words)")
    for section in page.sections:
        lines.append("")
        lines.append(f"## {section.heading or '(untitled)'}")
        lines.append(section.text)
    if not page.sections:
        lines.append("")
        lines.append("(no main text found)")
    return safe_for_terminal("\n".join(lines))


def extract_command(
    targets: Annotated[
        list[str], typer.Argument(metavar="PATH_OR_URL...", help="HTML files or http(s) URLs.")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per page, one per line.")
    ] = False,
) -> None:
    """Show the main text, headings and metadata the pipeline extracts from pages."""
    failed = 0
    for index, target in enumerate(targets):
        try:
            page = read_target(target)
        except (FetchError, ExtractionError) as exc:
            failed += 1
            typer.echo(f"error: {exc}", err=True)
            continue
        if as_json:
            typer.echo(json.dumps(page_record(page), ensure_ascii=False))
        else:
            if index:
                typer.echo("")
            typer.echo(readable_view(page))
    if failed:
        typer.echo(f"{failed} of {len(targets)} page(s) failed", err=True)
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
