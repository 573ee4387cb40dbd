"""Abbreviations defined in the document itself (Schwartz & Hearst 2003).

"diabetic amyotrophy (DA)" defines DA for the rest of that document only: an abbreviation's
meaning is local, so expansions are never shared between documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PAREN = re.compile(r"\(([^()]{1,12})\)")
_SHORT_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-/.]*$")
_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Abbreviation:
    short: str
    long: str
    long_start: int  # offsets of the long form in the text
    long_end: int


def _match_long_form(short: str, candidate: str) -> int:
    """Start index in `candidate` of the long form for `short`, or -1 (S&H right-to-left scan)."""
    s = short.lower()
    c = candidate.lower()
    si = len(s) - 1
    ci = len(c) - 1
    while si >= 0:
        ch = s[si]
        if not ch.isalnum():
            si -= 1
            continue
        while ci >= 0 and (c[ci] != ch or (si == 0 and ci > 0 and (c[ci - 1].isalnum()))):
            ci -= 1
        if ci < 0:
            return -1
        si -= 1
        ci -= 1
    start = c.rfind(" ", 0, ci + 1) + 1
    return start


def _words_before(text: str, end: int, max_words: int) -> tuple[int, list[str]]:
    """len(text[:end].rstrip()) and enough of its last words, without copying the whole head.

    Splitting all of the text before every parenthesis made long documents quadratic; a tail
    of a few hundred characters holds the last `max_words` words unless they are very long.
    """
    before_len = len(text[max(0, end - 64) : end].rstrip()) + max(0, end - 64)
    if before_len == max(0, end - 64):  # 64 blanks before the parenthesis: the slow way
        before = text[:end].rstrip()
        return len(before), before.split()
    lo = max(0, before_len - 400)
    words = text[lo:before_len].split()
    if lo and len(words) <= max_words:  # the first word may be cut: it must not be needed
        words = text[:before_len].split()
    return before_len, words


def find_abbreviations(text: str) -> list[Abbreviation]:
    """Definitions of the form `long form (SF)`, in order of appearance."""
    out: list[Abbreviation] = []
    for m in _PAREN.finditer(text):
        short = m.group(1).strip()
        # cheapest tests first: most brackets hold counts, p values or words ("n = 12")
        if not (2 <= len(short) <= 10) or " " in short or short.islower():
            continue
        if not _SHORT_OK.match(short) or short.isdigit() or not _LETTER.search(short):
            continue
        max_words = min(len(short) + 5, len(short) * 2)
        before_len, words = _words_before(text, m.start(), max_words)
        window = " ".join(words[-max_words:])
        window_start = before_len - len(window)
        # The long form ends at the last clause boundary before the parenthesis.
        cut = max(window.rfind(","), window.rfind(";"), window.rfind(":"), window.rfind("("))
        if cut >= 0:
            window_start += cut + 1
            window = window[cut + 1 :]
        lead = len(window) - len(window.lstrip())
        window = window.strip()
        window_start += lead
        start = _match_long_form(short, window)
        if start < 0:
            continue
        long_form = window[start:]
        if len(long_form) <= len(short) or long_form.lower().startswith(short.lower() + " "):
            continue
        out.append(Abbreviation(short, long_form, window_start + start, before_len))
    return out


def occurrences(text: str, short: str, after: int = 0) -> list[tuple[int, int]]:
    """Uses of `short` as a whole word (case-sensitive: "DA" is not "da"): no word character
    or hyphen on either side. A literal search skips ahead to each candidate; the regex this
    replaces began with a look-behind, so it was tried at every character."""
    out = []
    size = len(text)
    i = text.find(short, after)
    while i >= 0:
        j = i + len(short)
        if (i == 0 or not _joins(text[i - 1])) and (j >= size or not _joins(text[j])):
            out.append((i, j))
            i = text.find(short, j)
        else:
            i = text.find(short, i + 1)
    return out


def _joins(char: str) -> bool:
    """A word character or a hyphen: one that would make a short form part of a word."""
    return char.isalnum() or char in "_-"
