"""Printing harvested text to a terminal without letting it drive the terminal.

A scraped page can carry ANSI escape sequences or other control characters; shown raw they
could rewrite the operator's screen. Everything harvested passes through `safe` before printing.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Replace control and bidi-override characters with U+FFFD; keep ordinary text intact."""
    return _CONTROL.sub("\ufffd", text)
