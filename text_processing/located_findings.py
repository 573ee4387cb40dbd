"""A course or degree word before a finding that reads on to a place: "progressive weakness of
the legs" is Lower limb muscle weakness, not Progressive muscle weakness.

The scan takes the leftmost longest term, so "progressive weakness" (a term) wins over
"weakness of the legs" (a longer one, one word later). Where the later term reaches further,
it says more: the part of the body. It replaces the first, spanning the course word too when
that word and the later term make a narrower term ("progressive weakness of the proximal limb
muscles" is Progressive proximal muscle weakness), else spanning the later term alone, the way
gold corpora leave such words outside a finding.
"""

from __future__ import annotations

from collections.abc import Callable

from text_processing.matcher import Match, narrower_term
from text_processing.vocabulary import Vocabulary

Tokens = tuple[list[int], list[int], list[str], list[int]]

# words that say how a finding runs or how bad it is, never where it is
LEADING_COURSE_WORDS = frozenset(
    "progressive severe mild moderate marked profound slight chronic slowly".split()
)


def located_findings(
    vocab: Vocabulary,
    tokens: Tokens,
    matches: list[Match],
    scan: Callable[[Tokens], list[Match]],
) -> list[Match]:
    """`matches` with each course-word match that a longer, later-starting term overtakes
    replaced by that term; `scan` finds the matches of a slice of the tokens."""
    starts, ends, keys, limits = tokens
    out: list[Match] = []
    skip_to = 0
    for m in matches:
        if m.first < skip_to:
            continue  # inside the term that replaced an earlier match
        a, stop = m.first + 1, limits[m.first]
        if m.nested or keys[m.first] not in LEADING_COURSE_WORDS or m.last >= stop or a >= m.last:
            out.append(m)
            continue
        part = (
            starts[a:stop],
            ends[a:stop],
            keys[a:stop],
            [min(x, stop) - a for x in limits[a:stop]],
        )
        later = [x for x in scan(part) if x.first == 0 and not x.nested]
        if not later or later[0].last + a <= m.last:
            out.append(m)
            continue
        found = Match(a, later[0].last + a, later[0].hpo_id, later[0].priority)
        narrower = narrower_term(
            vocab, found.hpo_id, ((keys[m.first],),), tuple(keys[found.first : found.last])
        )
        if narrower is not None:
            found = Match(m.first, found.last, narrower[0], narrower[1])
        out.append(found)
        skip_to = found.last
    return out
