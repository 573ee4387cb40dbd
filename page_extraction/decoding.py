"""Bytes to HTML text and an lxml tree, honouring the charset the server or page declares.

Decoding is done here, once, rather than inside trafilatura: its guesser cannot see the HTTP
header, and a windows-1252 page read as UTF-8 turns every curly quote into a replacement char.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html
from lxml.etree import ParserError
from w3lib.encoding import html_to_unicode

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HTML_PARSER = lxml_html.HTMLParser(
    collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True
)


class ExtractionError(ValueError):
    """A page that cannot be read as HTML; the message names the page."""


def _utf8_or_windows_1252(body: bytes) -> str:
    """Undeclared pages: valid UTF-8 is UTF-8, anything else is most likely windows-1252."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def looks_binary(body: bytes) -> bool:
    """NUL bytes or a high share of control bytes near the start: not text, whatever the header."""
    head = body[:2048]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 BOMs legitimately contain NULs
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.05


def decode_html(body: bytes, *, encoding: str | None = None, where: str = "") -> tuple[str, str]:
    """Return (encoding used, text). `encoding` is the HTTP charset, which beats a meta tag."""
    if looks_binary(body):
        raise ExtractionError(f"{where or 'page'}: not an HTML page (binary content)")
    header = f"text/html; charset={encoding}" if encoding else None
    used, text = html_to_unicode(header, body, auto_detect_fun=_utf8_or_windows_1252)
    return used, text


def parse_html(text: str, *, where: str = "") -> lxml_html.HtmlElement:
    """Parse decoded HTML; lxml refuses str input that still carries an XML encoding line."""
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        raise ExtractionError(f"{where or 'page'}: empty page")
    try:
        return lxml_html.document_fromstring(text, parser=_HTML_PARSER)
    except (ParserError, ValueError) as exc:
        raise ExtractionError(f"{where or 'page'}: not parseable as HTML: {exc}") from None
