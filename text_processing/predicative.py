"""Findings stated as a predicate: "the teeth were small and widely spaced", "the liver was
enlarged".

Case reports describe a patient part by part, and put the finding after a copula instead of
before the noun; HPO names it the other way round ("Small teeth", "Enlarged liver"). This pass
runs after term matching: for a copula between a noun phrase and an adjective phrase it looks
up the adjective + noun as a term. The mention spans from the noun to the adjective, so the
sentence's own context rules apply to it as to any other mention; a negator between them ("was
not enlarged") ends the attempt, so a negated predicate never becomes a positive mention.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress

from text_processing.matcher import Match, _is_comma, _term
from text_processing.vocabulary import Vocabulary
from text_processing.word_formation import DEGREE_WORDS

COPULAS = frozenset(
    "is are was were appears appear appeared seems seem seemed looks look looked became "
    "become becomes remains remain remained".split()
)
# A modal or frequency word between the noun and a copula: "the skin may become yellow",
# "joints can be stiff", "the liver often becomes enlarged" (patient pages write so).
_MODALS = frozenset("may might can could will would often usually sometimes".split())
_AFTER_MODAL = frozenset({"be", "become", "becomes", "get", "gets"})
# words that may start a predicate: what the tagger looks for before running this pass
PREDICATE_VERBS = COPULAS | _AFTER_MODAL
_NOUN_WORDS = 4  # "the upper central incisors were ...", "white blood cell count was ..."
_ADJECTIVE_WORDS = 2  # "were widely spaced", "were low set"
_AND = frozenset({"and", "or"})


def predicative(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    matches: list[Match],
    gap: Callable[[int], str],
) -> list[Match]:
    """Mentions of the form `noun copula [degree] adjective [, adjective ...] [and adjective]`;
    `gap(i)` is the text before token i, where the commas of a list show."""
    out: list[Match] = []
    taken = [(m.first, m.last) for m in matches if not m.nested]
    noun_terms = {(m.first, m.last): m.hpo_id for m in matches if not m.nested}
    for c in compress(range(len(keys)), map(PREDICATE_VERBS.__contains__, keys)):
        if c == 0:
            continue
        if keys[c - 1] in _MODALS and c >= 2:
            noun_end = c - 1
        elif keys[c] in COPULAS:
            noun_end = c
        else:
            continue
        after = c + 1  # both readings below need a word after the copula that starts a term,
        # a degree word, or a single word closed by a comma: most copulas have none
        if after >= limits[c] or (
            after + 1 != limits[c]
            and keys[after] not in vocab.max_len
            and keys[after] not in DEGREE_WORDS
        ):
            continue
        clause_min = c  # the noun's clause must reach past the copula ...
        if noun_end >= 2 and _in_brackets(gap, noun_end - 1):
            # ... or up to a short form defined in brackets: "creatine kinase (CK) was high"
            noun_end -= 1
            clause_min = noun_end - 1
        found = _after_copula(vocab, keys, limits, c, noun_end, taken, clause_min, noun_terms)
        if found and found[-1].last == limits[c] and found[-1].last < len(keys):
            first = found[0].first
            found += _comma_list(vocab, keys, limits, gap, first, noun_end, found[-1].last)
        elif not found:
            # the list's first word may name no finding either: "joints can become red, hot
            # and swollen"; the rest of the list decides, closed by a conjunction as always
            found = _list_after_plain_word(vocab, keys, limits, gap, c, noun_end, clause_min)
        for m in found:
            out.append(m)
            taken.append((m.first, m.last))
    return out


def _in_brackets(gap: Callable[[int], str], i: int) -> bool:
    """Token i stands alone in brackets: "(CK)"."""
    before, after = gap(i), gap(i + 1)
    return (
        before.rstrip().endswith("(")
        and after.lstrip().startswith(")")
        and (")" not in before and "(" not in after)
    )


def _after_copula(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    c: int,
    noun_end: int,
    taken: list[tuple[int, int]],
    clause_min: int,
    noun_terms: dict[tuple[int, int], str],
) -> list[Match]:
    out: list[Match] = []
    end = limits[c]  # the copula's clause ends here: nothing is read past a comma
    j = c + 1
    noun_first = None
    while j < end:
        degree = None
        while keys[j] in DEGREE_WORDS and j + 1 < end:
            degree = keys[j]
            j += 1
        if keys[j] not in vocab.max_len:
            break  # no term starts with this word: "was performed"
        hit = None
        # a few terms hold their degree ("Mildly elevated creatine kinase"): tried first
        for n_adj, deg in _adjective_forms(min(_ADJECTIVE_WORDS, end - j), degree):
            adj = (*deg, *keys[j : j + n_adj])
            for n_noun in range(min(_NOUN_WORDS, noun_end), 0, -1):
                a = noun_end - n_noun
                if noun_first is not None and a != noun_first:
                    continue  # a second adjective shares the first one's noun
                if limits[a] <= clause_min:
                    continue
                term = _term(vocab, (*adj, *keys[a:noun_end]))
                if term is not None and (
                    not _overlaps(taken, a, j + n_adj)
                    or _overrides(vocab, taken, noun_terms, a, noun_end, j + n_adj, term[0])
                ):
                    # the first mention spans from its noun; each later one is its adjective
                    # ("[the thumbs were small] and [proximally placed]")
                    start = a if noun_first is None else j - len(deg)
                    hit = Match(start, j + n_adj, term[0], term[1])
                    noun = a
                    break
            if hit is not None:
                break
        if hit is None:
            break
        out.append(hit)
        if noun_first is None:
            out.extend(_coordinated_subject(vocab, keys, limits, hit, (*adj,), taken))
        noun_first = noun
        j = hit.last
        if j + 1 < end and keys[j] in _AND:
            j += 1  # "small and widely spaced"
        else:
            break
    return out


def _adjective_forms(most: int, degree: str | None) -> list[tuple[int, tuple[str, ...]]]:
    """(adjective words, degree prefix) to try, longest first, each with its degree first."""
    out = []
    for n_adj in range(most, 0, -1):
        if degree is not None:
            out.append((n_adj, (degree,)))
        out.append((n_adj, ()))
    return out


def _list_after_plain_word(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    gap: Callable[[int], str],
    c: int,
    noun_end: int,
    clause_min: int,
) -> list[Match]:
    """A comma list of predicates whose first item, one word, forms no term with the noun."""
    j = c + 1
    while j < limits[c] and keys[j] in DEGREE_WORDS:
        j += 1
    if j + 1 != limits[c] or j + 1 >= len(keys):
        return []  # the first item is not one word closed by a comma
    for n_noun in range(min(_NOUN_WORDS, noun_end), 0, -1):
        a = noun_end - n_noun
        if limits[a] <= clause_min:
            continue
        found = _comma_list(vocab, keys, limits, gap, a, noun_end, j + 1)
        if found:  # the first mention spans from its noun, as in `_after_copula`
            head = found[0]
            return [Match(a, head.last, head.hpo_id, head.priority), *found[1:]]
    return []


def _comma_list(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    gap: Callable[[int], str],
    a: int,
    noun_end: int,
    pos: int,
) -> list[Match]:
    """The rest of a comma list of predicates: 'hair was sparse, brittle and light-colored'.
    Only a list closed by a conjunction whose middle items are terms with the noun or single
    words counts ('the liver was enlarged, spleen normal' is none; 'the skin was dry, red and
    itchy' holds dry and itchy skin)."""
    noun = tuple(keys[a:noun_end])
    out: list[Match] = []
    while pos < len(keys) and _is_comma(gap(pos)):
        stop = limits[pos]
        e = pos
        while e < stop and keys[e] not in _AND:
            e += 1
        start = pos
        while start < e and keys[start] in DEGREE_WORDS:
            start += 1
        term = _term(vocab, (*keys[start:e], *noun)) if 1 <= e - start <= 2 else None
        if term is not None:  # a later item of the list: its words only
            out.append(Match(start, e, term[0], term[1]))
        elif e - start != 1 or e == stop:
            return []  # a middle item of one word may name no finding: "dry, red and itchy"
        if e < stop:  # "... and light-colored": the conjunction closes the list
            last = e + 1
            while last < stop and keys[last] in DEGREE_WORDS:
                last += 1
            for n in range(min(_ADJECTIVE_WORDS, stop - last), 0, -1):
                term = _term(vocab, (*keys[last : last + n], *noun))
                if term is not None:
                    out.append(Match(last, last + n, term[0], term[1]))
                    break
            return out
        pos = e
    return []


def _coordinated_subject(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    hit: Match,
    adj: tuple[str, ...],
    taken: list[tuple[int, int]],
) -> list[Match]:
    """The noun before 'and' shares the predicate: 'plasma lactate and pyruvate were
    elevated' also says the lactate was; the mention spans from that noun on."""
    b = hit.first - 1
    if b < 1 or keys[b] not in _AND or limits[b - 1] <= b:
        return []
    for n_noun in range(min(_NOUN_WORDS, b), 0, -1):
        a = b - n_noun
        if limits[a] <= b or _AND.intersection(keys[a:b]):
            continue
        term = _term(vocab, (*adj, *keys[a:b]))
        if term is not None and not _overlaps(taken, a, b):
            return [Match(a, hit.last, term[0], term[1])]
    return []


def _overrides(
    vocab: Vocabulary,
    taken: list[tuple[int, int]],
    noun_terms: dict[tuple[int, int], str],
    a: int,
    noun_end: int,
    b: int,
    hpo_id: str,
) -> bool:
    """Whether the predicate's term replaces the terms found inside its noun: the predicate
    says something else of them ("sweating was reduced" is no hyperhidrosis, "weight gain was
    poor" no increased weight). A term that only refines the noun's ("the hearing loss was
    progressive") leaves the noun's term as found, the way gold corpora mark it."""
    inside = [(s, e) for s, e in taken if s < b and a < e]
    return all(
        a <= s
        and e <= noun_end
        and (s, e) in noun_terms
        and _says_otherwise(vocab, noun_terms[s, e], hpo_id)
        for s, e in inside
    )


def _says_otherwise(vocab: Vocabulary, noun_id: str, predicate_id: str) -> bool:
    """The predicate's term is neither the noun's term nor a refinement of it."""
    return noun_id != predicate_id and noun_id not in vocab.ancestors(predicate_id)


def replaced_by_predicates(
    vocab: Vocabulary, matches: list[Match], predicates: list[Match]
) -> list[Match]:
    """`matches` without the terms a predicate's reading replaced (see `_overrides`)."""
    return [
        m
        for m in matches
        if m.nested
        or not any(
            p.first <= m.first
            and m.last <= p.last
            and (p.first, p.last) != (m.first, m.last)
            and _says_otherwise(vocab, m.hpo_id, p.hpo_id)
            for p in predicates
        )
    ]


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in spans)
