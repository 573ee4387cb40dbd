"""Negation cue words: the guard that keeps a finding apart from its denial.

"Weight loss was reported" and "No weight loss was reported" share most word shingles, so a
Jaccard threshold alone would merge evidence with counter-evidence. Two texts whose cue words
differ (as a multiset) are never near-duplicates, whatever their overlap.
"""

from __future__ import annotations

# Tokens as `normalize_text` leaves them: "doesn't" becomes "doesn t", so the stems stand in
# for the contraction; writers who drop the apostrophe ("doesnt") are covered too.
NEGATION_CUES: frozenset[str] = frozenset(
    {
        "no",
        "not",
        "nor",
        "neither",
        "never",
        "none",
        "nothing",
        "nobody",
        "without",
        "absent",
        "absence",
        "lack",
        "lacks",
        "lacking",
        "lacked",
        "deny",
        "denies",
        "denied",
        "denying",
        "negative",
        "excluded",
        "ruled",
        "unlikely",
        "cannot",
        "don",
        "doesn",
        "didn",
        "isn",
        "wasn",
        "aren",
        "weren",
        "hasn",
        "haven",
        "hadn",
        "couldn",
        "wouldn",
        "shouldn",
        "dont",
        "doesnt",
        "didnt",
        "isnt",
        "wasnt",
        "arent",
        "werent",
    }
)


def is_negation_cue(token: str) -> bool:
    """True for a normalized token that negates or denies what follows it."""
    return token in NEGATION_CUES
