"""Findings said of a person with an adjective: "the infants were hypotonic", "obese children",
"he became blind", "feeling dizzy".

HPO names the condition ("Hypotonia", "Obesity", "Blindness"); case reports and abstracts as
often describe the patient ("hypotonic", "obese", "blind"). The adjective alone is no finding:
"hypotonic saline", "a blind trial", "febrile seizures" are not. So it is read only where it is
said of a person: before a person noun ("obese children", "hypotonic and jaundiced infants") or
after a copula whose subject is one ("two sisters were blind", "she was microcephalic and
obese"). A negator in between ("was not obese") is stepped over: the mention is made and the
context rules mark it negated, so analysts see the denial.

The adjectives come from the vocabulary's one-word terms by regular suffix rules
(`word_formation.condition_adjectives`), checked against nothing else: a form no author
writes never matches.
"""

from __future__ import annotations

from text_processing.matcher import Match
from text_processing.predicative import COPULAS, DEGREE_WORDS

# people a finding is said of (folded words, singular and plural: keys may be either)
PERSON_WORDS = frozenset(
    """patient patients child children infant infants neonate neonates newborn newborns baby
    babies boy boys girl girls male males female females man men woman women adult adults
    adolescent adolescents individual individuals subject subjects proband probands sib sibs
    sibling siblings sister sisters brother brothers son sons daughter daughters mother mothers
    father fathers parent parents carrier carriers member members twin twins people person
    persons case cases he she they who i you we""".split()
)
_DEGREE = DEGREE_WORDS | frozenset("profoundly progressively often frequently".split())
# Negators are stepped over too: the mention is made, and the context rules mark it negated
# ("is not anemic", "anemic but not thrombocytopenic").
_NEGATORS = frozenset({"not", "never", "no", "longer", "but"})
_SKIPPED = _DEGREE | _NEGATORS
_COPULAS = COPULAS | frozenset("be been being becomes".split())
_AND = frozenset({"and", "or"})
# verbs that only a person is the subject of: "feeling dizzy" needs no subject in view
_FEEL = frozenset("feel feels felt feeling".split())
_SUBJECT_WORDS = 4  # "the two affected sisters were ..."
# words between a person and the verb: "the two affected sisters", "you may feel"
_SUBJECT_FILLERS = frozenset(
    "the a an two three four both all affected older younger may might can could will would "
    "often also sometimes usually still then denied denies reported reports started began".split()
)


def person_findings(
    adjectives: dict[str, str], keys: list[str], limits: list[int], matches: list[Match]
) -> list[Match]:
    """One-word mentions of adjectives said of a person (see the module docstring)."""
    taken = [(m.first, m.last) for m in matches if not m.nested]
    # one-word terms found already link a chain too: "she was deaf and blind"
    links = {m.first for m in matches if not m.nested and m.last - m.first == 1}
    found: dict[int, str] = {}
    n = len(keys)
    # a chain read from one word holds the chain of each later word in it as its tail: read
    # once, so a long run of adjectives costs linear time, not quadratic
    in_chain: dict[int, tuple[list[int], int]] = {}
    for i, k in enumerate(keys):
        if (k not in adjectives and i not in links) or i in found:
            continue
        if i in in_chain:
            whole, at = in_chain[i]
        else:
            whole, at = _adjective_chain(adjectives, keys, i, links), 0
            for pos, j in enumerate(whole):
                in_chain.setdefault(j, (whole, pos))
        # this word's chain is whole[at:]; copied only when it is a finding
        if len(whole) - at == 1 and k not in adjectives:
            continue
        last = whole[-1]
        before_person = last + 1 < n and keys[last + 1] in PERSON_WORDS
        if last + 1 < n and keys[last + 1] == "of":
            continue  # "he was short of breath"
        if before_person or _after_person_copula(keys, limits, i):
            for j in whole[at:]:
                if keys[j] in adjectives:
                    found[j] = adjectives[keys[j]]
    return [
        Match(j, j + 1, hpo_id, 0)
        for j, hpo_id in sorted(found.items())
        if not any(s <= j < e for s, e in taken)
    ]


def _adjective_chain(
    adjectives: dict[str, str], keys: list[str], i: int, links: set[int]
) -> list[int]:
    """'microcephalic , obese and hypotonic': the indices of each adjective from `i` on."""
    chain = [i]
    j = i + 1
    while j < len(keys):
        if keys[j] in _AND and j + 1 < len(keys):
            j += 1
        while keys[j] in _SKIPPED and j + 1 < len(keys):
            j += 1
        if keys[j] not in adjectives and j not in links:
            break
        chain.append(j)
        j += 1
    return chain


def _after_person_copula(keys: list[str], limits: list[int], i: int) -> bool:
    """Whether `i` follows '<person> <copula> [degree ...]' in the same clause."""
    j = i - 1
    while j >= 0 and keys[j] in _SKIPPED:
        j -= 1
    if j >= 0 and keys[j] in _FEEL:
        # "Feeling dizzy ...", "you may feel tired", not "my legs feel weak"
        return j == 0 or limits[j - 1] <= j or _person_before(keys, limits, j, strict=True)
    if j < 1 or keys[j] not in _COPULAS:
        return False
    return _person_before(keys, limits, j)


def _person_before(keys: list[str], limits: list[int], c: int, strict: bool = False) -> bool:
    """Whether a person word is the subject of the verb at `c`, a few words before it.

    Strict: only fillers may stand between them ("my legs feel weak" is about the legs);
    a copula also takes a short phrase after its subject ("patients with the mutation were").
    """
    for s in range(c - 1, max(-1, c - 1 - _SUBJECT_WORDS), -1):
        if limits[s] <= c:
            return False  # a clause boundary before the verb: "…, were hypotonic"
        if keys[s] in PERSON_WORDS:
            return True
        if strict and keys[s] not in _SUBJECT_FILLERS:
            return False  # "my legs feel weak": the legs are the subject
    return False
