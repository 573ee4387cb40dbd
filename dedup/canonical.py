"""Which member of a near-duplicate cluster gives the cluster its key and canonical text.

The rule, in order:
1. earliest `first_seen` (the text that reached the warehouse first keeps the cluster; later
   variants join it, so keys and editors' decisions stay put across runs);
2. then a text cited by a PubMed record over one seen only on the web (the more trusted kind);
3. then the shorter normalized text (fewer inserted words);
4. then the smaller `text_key`, so the choice is total and reproducible.
When a new text bridges clusters that already exist, the clusters merge under the key of the
cluster whose canonical member ranks first by this same rule (the older one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class TextFacts:
    """What the rule looks at for one distinct text."""

    text_key: str
    first_seen: datetime
    from_pubmed: bool
    length: int  # characters of the normalized text

    def rank(self) -> tuple:
        """Sort key: the smallest rank is the canonical member."""
        return (self.first_seen, not self.from_pubmed, self.length, self.text_key)


def canonical(members: list[TextFacts]) -> TextFacts:
    """The canonical member of a cluster under the rule above."""
    return min(members, key=TextFacts.rank)
