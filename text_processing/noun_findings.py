"""Everyday words that name a finding only as a noun: "had fits", "after a fit on waking".

British case reports say "fits" for seizures, but "fit" is mostly a verb or an adjective ("this
fits the diagnosis", "fit for surgery", "a good fit of the model"), so HPO does not list it and
a plain synonym would be wrong far more often than right. It is read as the finding only in a
noun slot: after an article, a quantifier, a finding-like modifier, a conjunction joining it to
another finding, or a verb of having; and never before what a verb or adjective takes ("fits
the", "fit for", "fits with", "fit to").
"""

from __future__ import annotations

from text_processing.matcher import Match

SEIZURE = "HP:0001250"
# (folded key -> HPO id); keys as the lemmatizer makes them ("fits" may arrive as "fit")
NOUN_FINDINGS = {"fit": SEIZURE, "fits": SEIZURE}

# words before a noun "fit": articles, quantifiers, modifiers of seizures, joins, "had"
_BEFORE = frozenset(
    """a an the his her their first further more recurrent repeated frequent occasional
    several multiple daily nightly nocturnal febrile afebrile epileptic convulsive major minor
    brief prolonged generalized generalised focal tonic clonic new no any of with and or had
    has have having""".split()
)
# words after a verb or adjective "fit": its object or complement
_NOT_AFTER = frozenset(
    "the a an this that these those with for to into in within well criteria our their his her "
    "its all both best better closely perfectly".split()
)


def noun_findings(keys: list[str], limits: list[int], matches: list[Match]) -> list[Match]:
    """One-word mentions of `NOUN_FINDINGS` words in a noun slot, outside other mentions."""
    out = []
    for i, k in enumerate(keys):
        hpo_id = NOUN_FINDINGS.get(k)
        if hpo_id is None or i == 0 or keys[i - 1] not in _BEFORE or limits[i - 1] <= i:
            continue  # no finding word, or no noun slot (a break lies before it)
        if limits[i] > i + 1 and keys[i + 1] in _NOT_AFTER:
            continue
        if any(m.first <= i < m.last for m in matches):
            continue
        out.append(Match(i, i + 1, hpo_id, 0))
    return out
