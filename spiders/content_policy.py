"""Which responses count as pages: accepted content types, and no binary bytes in disguise.

Shared by the archive (which labels refused records so extraction never reads them) and the
content filter middleware (which skips and counts them), so both always agree.
"""

from __future__ import annotations

import zlib

BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")


def media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def looks_binary(body: bytes) -> bool:
    """Magic numbers of common binary formats, or NUL bytes early on (text never has them)."""
    head = body[:1024].lstrip()
    return head.startswith(BINARY_MAGIC) or b"\x00" in body[:1024]


def skip_reason(content_type: str, body: bytes, accepted: list[str] | tuple[str, ...]) -> str:
    """Empty when the page is accepted, else the reason to skip it (a stats key)."""
    kind = media_type(content_type)
    if not kind:
        head = body[:512].lstrip().lower()
        if not head.startswith((b"<!doctype html", b"<html")):
            return "content_type"
    elif kind not in {a.lower() for a in accepted}:
        return "content_type"
    if looks_binary(body):
        return "binary_body"
    return ""


def decoded_body(headers: list[tuple[str, str]], body: bytes, max_bytes: int) -> bytes:
    """The body without its Content-Encoding (gzip/deflate), for sniffing before decompression.

    The archive sees responses before Scrapy decompresses them; an unknown encoding or a broken
    stream leaves the bytes as they are.
    """
    encoding = ""
    for name, value in headers:
        if name.lower() == "content-encoding":
            encoding = value.strip().lower()
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return body
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        return zlib.decompressobj(wbits).decompress(body, max_bytes or 0)
    except zlib.error:
        try:
            return zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, max_bytes or 0)
        except zlib.error:
            return body
