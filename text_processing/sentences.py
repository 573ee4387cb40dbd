"""Sentence boundaries as character offsets.

Offsets (not strings) are returned so that every later stage can point back into the original
text: excerpts, mention offsets and reviewer highlights all rely on it. A rule-based splitter is
enough for abstracts and health pages and is fast; the rules below exist because a full stop is
not always a sentence end ("e.g.", "Dr.", "et al.", "J. Smith", "2.5 mg").
"""

from __future__ import annotations

import re

# Lowercased tokens that end with a full stop but do not end a sentence.
ABBREVIATIONS = frozenset(
    """
    e.g eg i.e ie cf vs v al approx ca dr mr mrs ms prof st jr sr no nos fig figs eq ref refs
    vol pp p ed eds dept univ inc ltd co corp resp incl jan feb mar apr jun jul aug sep sept oct
    nov dec
    """.split()
)

# Candidate ends: terminal punctuation, optional closing quotes/brackets, then whitespace.
# The next visible character (after an optional opening quote/bracket) is captured in the same
# match, so each candidate costs one regex step, not two. The first mark is written out
# ("[.!?][.!?]*", not "[.!?]+") so the regex engine skips ahead to it instead of trying the
# whole pattern at every character: half the time on abstracts.
_CANDIDATE = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?=\s|$)(?=\s*[\"'“‘(\[]?(\S)|\s*$)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*•]|\d+[.)])\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _is_false_stop(text: str, dot_end: int, match_text: str) -> bool:
    """A '.' that belongs to an abbreviation or an initial rather than ending the sentence."""
    if not match_text.startswith(".") or len(match_text.rstrip("\"'”’)]")) > 1:
        return False
    head = text[max(0, dot_end - 20) : dot_end]
    m = _WORD_BEFORE.search(head)
    if not m:
        return False
    word = m.group(1)
    if word.lower().rstrip(".") in ABBREVIATIONS or word.lower() in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        start = dot_end - 2
        return start == 0 or not text[start - 1].isalpha()
    return "." in word and len(word) <= 6 and word.replace(".", "").isalpha()  # "U.S."


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of each sentence, whitespace trimmed, in order."""
    cuts: set[int] = set()
    for m in _CANDIDATE.finditer(text):
        nxt = m.group(1)
        if nxt is None:
            cuts.add(m.end())
            continue
        if nxt.islower():  # "e.g. fever", "approx. five" continue the sentence
            continue
        p = m.start()
        # A word of 7+ letters before the dot is no abbreviation or initial: skip the check.
        if not (p >= 7 and text[p - 7 : p].isalpha()) and _is_false_stop(text, p + 1, m.group(0)):
            continue
        cuts.add(m.end())
    for m in _PARAGRAPH.finditer(text):
        cuts.add(m.start())
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(cuts) + [len(text)]:
        if cut <= start:
            continue
        seg = text[start:cut]
        core = seg.strip()
        if core:
            s = start + len(seg) - len(seg.lstrip())
            spans.append((s, s + len(core)))
        start = cut
    return spans
