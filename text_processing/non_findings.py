"""Word matches that name no finding where they stand, found from the words around them.

The matcher reads keys, and keys drop articles and ignore what follows a term; two readings
that those losses make are wrong often enough in genetics abstracts to undo here:

- "the short arm of chromosome 2" is a place in the genome, not Upper limb undergrowth;
- "splenectomy raised the platelet count" is a verb and its object, not Thrombocytosis: an
  article between a participle and the rest of the term ends the adjective reading.
"""

from __future__ import annotations

import re

from text_processing.matcher import Match

_CHROMOSOME_AFTER = re.compile(r"\s+of\s+(?:the\s+|a\s+)?(?:[XY]\s+)?chromosome", re.IGNORECASE)
_ARTICLE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|these|those)\b", re.IGNORECASE)


def without_non_findings(
    text: str, starts: list[int], ends: list[int], keys: list[str], matches: list[Match]
) -> list[Match]:
    """`matches` without a chromosome's arm and without a verb read as an adjective."""
    drop = []
    for m in matches:
        if keys[m.last - 1] == "arm" and _CHROMOSOME_AFTER.match(text, ends[m.last - 1]):
            drop.append(m)
        elif (
            m.last - m.first >= 2
            and text.endswith("ed", starts[m.first], ends[m.first])
            and _ARTICLE.search(text, ends[m.first], starts[m.first + 1])
        ):
            drop.append(m)
    if not drop:
        return matches
    return [m for m in matches if m not in drop]
