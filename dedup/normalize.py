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


def normalize_text(text: str) -> str:
    """Unicode-fold, lowercase, unify quotes and dashes, drop punctuation, collapse spaces."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", _NON_WORD.sub(" ", folded)).strip()


def text_key(text: str) -> str:
    """Exact-duplicate key: identical after normalization means the same excerpt text."""
    return hashlib.sha1(normalize_text(text).encode("utf-8")).hexdigest()[:20]
