"""A term whose short form is defined inside it: "Kayser-Fleischer (KF) rings", "cafe-au-lait
(CAL) spots".

The short form abbreviates the words before the bracket only; the term is those words and the
word after the bracket, so the scan, which a bracket stops, finds neither it nor the later
"KF rings". Here the long form plus the one or two words after the bracket is looked up as a
term; when it is one, the definition spans the whole phrase and every later use of the short
form followed by the same word ("KF rings", "KF ring") is that term.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from text_processing.abbreviations import Abbreviation, occurrences

_NEXT_WORDS = re.compile(r"\s*([^\W\d_]+)(?:\s+([^\W\d_]+))?")


def split_term_spans(
    text: str,
    abbr: Abbreviation,
    close: int,
    long_keys: tuple[str, ...],
    longest: int,
    keys_of: Callable[[str], tuple[str, ...]],
    term_of: Callable[[tuple[str, ...]], str | None],
) -> list[tuple[int, int, str]]:
    """(start, end, hpo_id) of the definition and the uses; [] when no term is split so.

    `close`: offset of the bracket that closes the short form; `long_keys`: the long form's
    keys; `longest`: the most words of a term that starts with its first key; `keys_of` makes
    a phrase's keys, `term_of` gives the id of a key tuple that is a term (else None)."""
    if longest <= len(long_keys):
        return []  # no term goes on past the long form: most short forms (genes, tests)
    m = _NEXT_WORDS.match(text, close + 1)
    if m is None:
        return []
    for n in (2, 1):  # the longest term first
        if m.group(n) is None:
            continue
        after = m.group(1) if n == 1 else f"{m.group(1)} {m.group(2)}"
        after_keys = keys_of(after)
        hpo_id = term_of((*long_keys, *after_keys))
        if hpo_id is None:
            continue
        end = m.start(1) + len(after)
        out = [(abbr.long_start, end, hpo_id)]
        for s, e in occurrences(text, abbr.short, after=end):
            use = _NEXT_WORDS.match(text, e)
            if use is None:
                continue
            words = use.group(1) if n == 1 else f"{use.group(1)} {use.group(2) or ''}".strip()
            if keys_of(words) == after_keys:
                out.append((s, use.start(1) + len(words), hpo_id))
        return out
    return []
