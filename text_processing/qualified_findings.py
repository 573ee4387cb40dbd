"""Findings narrowed by a phrase after them: "joint contractures present at birth" are
Congenital contractures, "low blood glucose after an overnight fast" is Fasting hypoglycemia,
"breathlessness on exertion" Exertional dyspnea.

HPO names such findings with a modifier before the noun ("Congenital", "Fasting",
"Exertional"); abstracts and notes state the same thing after it, as a time or a trigger. The
term matcher reads the noun phrase only and so reports the broader term. This pass runs after
it: where one of the phrases below follows a term in the same clause, it looks up the phrase's
modifier with the term's words (or the term's other short names), and a term found that way
which is a descendant of the one matched replaces it, spanning both. A modifier that would only
restate the term, or name an unrelated one, changes nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress

from text_processing.matcher import Match, narrower_term
from text_processing.vocabulary import Vocabulary

# Each phrase: words in order, alternatives split by "|", optional words in brackets; keys as
# the tokenizer makes them ("the" is dropped, "exercise" arrives as "exercize"). Then the
# modifier key tuples to try before the term's words, in order.
_PHRASES: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    ("at|from|since birth", (("congenital",),)),
    ("in|during neonatal|newborn period", (("neonatal",),)),
    ("in|during first day|days|week|weeks|month of life", (("neonatal",),)),
    (
        "after|on|during|with [an|a] [overnight|prolonged|short|brief] fast|fasting",
        (("fasting",),),
    ),
    ("after [a|an] meal|meals|feed|feeds|feeding|feedings|eating|food", (("postprandial",),)),
    (
        "on|with|after|during [minor|mild|slight|light|physical|moderate|strenuous]"
        " exertion|exercize|effort",
        (("exertional",), ("exercize", "induced"), ("exercize",)),
    ),
    ("on|when climbing stair|stairs", (("exertional",),)),
    ("at|during night|nighttime", (("nocturnal",),)),
)
_COPULAS = frozenset("is are was were be been".split())
# one word that may stand between the finding and its phrase: "contractures evident at birth"
_LINKS = frozenset(
    "present evident noted apparent seen observed manifest detected recognized recognised "
    "diagnosed occurring developing beginning starting only mainly mostly especially "
    "particularly".split()
)


def _compiled(phrase: str) -> tuple[tuple[frozenset[str], bool], ...]:
    """Per word of the phrase: (allowed keys, optional)."""
    out = []
    for word in phrase.split():
        optional = word.startswith("[")
        out.append((frozenset(word.strip("[]").split("|")), optional))
    return tuple(out)


_PATTERNS = tuple((_compiled(phrase), modifiers) for phrase, modifiers in _PHRASES)
_FIRST_WORDS = frozenset().union(*(pattern[0][0] for pattern, _ in _PATTERNS))
# the phrases' last words: a text without any of them needs no look at its matches
QUALIFIER_KEYS = frozenset().union(*(pattern[-1][0] for pattern, _ in _PATTERNS))
# words from a finding's end to its phrase's last word: a copula, a link, the phrase
_LONGEST = 2 + max(len(pattern) for pattern, _ in _PATTERNS)


def _phrase_end(
    pattern: tuple[tuple[frozenset[str], bool], ...], keys: list[str], i: int, stop: int
) -> int | None:
    """Index one past the phrase when `pattern` matches from token i (not past `stop`)."""
    for allowed, optional in pattern:
        if i < stop and keys[i] in allowed:
            i += 1
        elif not optional:
            return None
    return i


def qualified_findings(
    vocab: Vocabulary, keys: list[str], limits: list[int], matches: list[Match]
) -> list[tuple[Match, Match]]:
    """(matched term, the narrower term its following phrase makes of it) pairs."""
    out: list[tuple[Match, Match]] = []
    # where a phrase can end ("birth", "night"): a match with none of them just after it has
    # no phrase, and most matches are such
    ends = list(compress(range(len(keys)), map(QUALIFIER_KEYS.__contains__, keys)))
    for m in matches:
        if m.nested or m.last >= len(keys):
            continue
        e = bisect_right(ends, m.last)
        if e == len(ends) or ends[e] > m.last + _LONGEST:
            continue
        stop = limits[m.first]
        i = m.last
        if keys[i] in _COPULAS and i + 1 < stop:  # "contractures were present at birth"
            i += 1
        if keys[i] in _LINKS:
            i += 1
        if i >= stop or keys[i] not in _FIRST_WORDS:
            continue
        for pattern, modifiers in _PATTERNS:
            end = _phrase_end(pattern, keys, i, stop)
            if end is None:
                continue
            written = tuple(keys[m.first : m.last])
            narrower = narrower_term(vocab, m.hpo_id, modifiers, written)
            if narrower is not None:
                out.append((m, Match(m.first, end, narrower[0], narrower[1])))
            break
    return out
