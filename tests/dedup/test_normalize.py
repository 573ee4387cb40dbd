"""`normalize_text` defines `text_key`: the ASCII fast path must not change a single key."""

from __future__ import annotations

import random
import re
import unicodedata

from dedup.normalize import _QUOTES, normalize_text, text_key

_NON_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")


def reference(text: str) -> str:
    """The rules as first written (and as keys in existing warehouses were made)."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", _NON_WORD.sub(" ", folded)).strip()


def test_every_ascii_character_pair_normalizes_as_before():
    chars = [chr(c) for c in range(128)]
    for a in chars:
        for b in chars:
            text = f"{a}Ab{b} {b}"
            assert normalize_text(text) == reference(text), repr(text)


def test_random_ascii_and_unicode_text_normalizes_as_before():
    rng = random.Random(5)
    alphabet = [chr(c) for c in range(128)] + list("“”‘’«»–—éÉßİﬁ²\u00a0\u2003\u200b")
    for _ in range(20_000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 30)))
        assert normalize_text(text) == reference(text), repr(text)


def test_quote_case_space_and_punctuation_variants_share_a_key():
    variants = [
        "Weight loss is common in myasthenia gravis.",
        "  weight LOSS is common in   Myasthenia Gravis ",
        "“Weight loss” is common in myasthenia gravis!",
        "Weight-loss is common in myasthenia gravis;",
    ]
    assert len({text_key(v) for v in variants}) == 1
    assert text_key("Weight gain is common in myasthenia gravis.") != text_key(variants[0])
