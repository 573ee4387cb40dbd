"""Dictionary matching over token keys: leftmost-longest, non-overlapping, optional nesting."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress

from text_processing.normalize import IRREGULAR_PLURALS, NUMBER_KEY
from text_processing.vocabulary import NO_TERM_IDS, Vocabulary
from text_processing.word_formation import (
    DEGREE_WORDS,
    FUNCTION_WORDS,
    LEFT_RIGHT,
    POSTPOSED,
    is_adjective_like,
)


@dataclass(slots=True)
class Match:
    first: int  # token index, inclusive
    last: int  # token index, exclusive
    hpo_id: str
    priority: int
    nested: bool = False


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _lookup(
    vocab: Vocabulary,
    keys: list[str],
    masked: list[str] | None,
    a: int,
    b: int,
    text: str,
    starts: list[int],
    ends: list[int],
) -> tuple[str, int] | None:
    key = tuple(keys[a:b])
    hit = vocab.terms.get(key)
    if hit is None and masked is not None:
        key = tuple(masked[a:b])
        hit = vocab.terms.get(key)
    if hit is None:
        return None
    surface = vocab.case_sensitive.get(key)
    if surface and _letters(text[starts[a] : ends[b - 1]]) != surface:
        return None  # "ASD" the abbreviation, not the letters "asd" in ordinary text
    return hit


def find_matches(
    vocab: Vocabulary,
    text: str,
    starts: list[int],
    ends: list[int],
    keys: list[str],
    limits: list[int],
    nested: bool = False,
    no_end: frozenset[int] = frozenset(),
    start: int = 0,
    stop: int | None = None,
) -> list[Match]:
    """Leftmost-longest matches; with `nested`, also every term inside each match.

    No match ends at a token index in `no_end` (see `dangling_adjective_ends`). `start` and
    `stop` walk one stretch of tokens only: from clause boundary to clause boundary the walk
    is the same as over the whole text, because no match crosses a clause limit.
    """
    n = len(keys) if stop is None else stop
    masked = None
    if any(k[:1].isdigit() for k in keys):
        masked = [NUMBER_KEY if k[:1].isdigit() else k for k in keys]
    max_len = vocab.max_len
    out: list[Match] = []
    i = start
    while i < n:
        longest = max_len.get(keys[i], 0)
        if masked is not None and masked[i] == NUMBER_KEY:
            longest = max(longest, max_len.get(NUMBER_KEY, 0))
        found = None
        for length in range(min(longest, limits[i] - i), 0, -1):
            if i + length in no_end:
                continue
            hit = _lookup(vocab, keys, masked, i, i + length, text, starts, ends)
            if hit is not None:
                found = Match(i, i + length, hit[0], hit[1])
                break
        if found is None:
            i += 1
            continue
        out.append(found)
        if nested and found.last - found.first > 1:
            out.extend(_nested_in(vocab, keys, masked, found, text, starts, ends, no_end))
        i = found.last
    return out


def _nested_in(
    vocab: Vocabulary,
    keys: list[str],
    masked: list[str] | None,
    outer: Match,
    text: str,
    starts: list[int],
    ends: list[int],
    no_end: frozenset[int],
) -> list[Match]:
    inner: list[Match] = []
    for a in range(outer.first, outer.last):
        for b in range(outer.last, a, -1):
            if (a, b) == (outer.first, outer.last) or b in no_end:
                continue
            hit = _lookup(vocab, keys, masked, a, b, text, starts, ends)
            if hit is not None and hit[0] != outer.hpo_id:
                inner.append(Match(a, b, hit[0], hit[1], nested=True))
    return inner


_CONJUNCTIONS = frozenset({"and", "or", "and/or"})
_RELATIONAL_WORDS = FUNCTION_WORDS | {"during", "after", "before", "within", "between", "under"}
_MAX_CONJUNCT = 3  # tokens in one conjunct: "posterior subcapsular or capsular cataract"


def _term(vocab: Vocabulary, key: tuple[str, ...]) -> tuple[str, int] | None:
    """A vocabulary hit for a generated key; case-sensitive abbreviations never qualify."""
    if key in vocab.case_sensitive:
        return None
    return vocab.terms.get(key)


def coordinated(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    matches: list[Match],
    gap: Callable[[int], str],
    word: Callable[[int], str] | None = None,
) -> list[Match]:
    """Conjuncts sharing a head or a complement: each found term is one more nested mention.

    Left conjuncts share the head: 'palmar and plantar pits' also holds 'palmar pits', and
    'branchial, otic and renal anomalies' a branchial anomaly; each spans from its own modifier
    to the shared head, the way gold corpora mark it. A conjunct may be several words
    ('posterior subcapsular or capsular cataract'); a conjunct that forms no term is passed
    over when it is a single word in a comma list ('ophthalmic, orofacial, and auditory').
    Right conjuncts share the complement of an 'X of A or B' term: 'hypopigmentation of skin
    or hair' also holds hypopigmentation of hair, spanning the whole phrase; so does each item
    of a comma list ('anomalies of the eyes, ears and heart') when `gap(i)`, the text before
    token i, shows the commas. `word(i)`, token i as written, tells a plural noun, which ends
    no modifier ("the upper arm muscles and peroneal weakness" holds no muscle weakness).
    """
    out: list[Match] = []
    # where a term ends -> where it starts: a conjunct never starts inside a term
    # ("renal hypoplasia or malformations of the kidney" has no "hypoplasia of the kidney")
    term_starts = {m.last: m.first for m in matches if not m.nested}
    firsts = set(term_starts.values())
    n = len(keys)
    for m in matches:
        if m.nested:
            continue
        if m.last - m.first >= 2:
            # each helper's first test, here: most terms have no conjunction or adjective
            # next to them, and a call per term and helper was a tenth of this pass
            before = keys[m.first - 1] if m.first else ""
            if before in _CONJUNCTIONS:
                out.extend(_left_conjuncts(vocab, keys, limits, m, m.first, term_starts, gap, word))
            if m.last < n and keys[m.last] in _CONJUNCTIONS:
                out.extend(_right_conjuncts(vocab, keys, limits, m, firsts, gap))
            if "of" in keys[m.first : m.last]:
                out.extend(_right_list_conjuncts(vocab, keys, limits, m, gap, firsts))
            if before and before not in _NOT_STACKED:
                out.extend(_stacked_modifiers(vocab, keys, limits, m, term_starts, gap))
        if m.first >= 2 and keys[m.first - 1] == "to" and keys[m.first] in _GRADES:
            out.extend(_grade_range(vocab, keys, limits, m))
        p = m.first - 1
        if p >= 2 and keys[p - 1] in _CONJUNCTIONS and limits[p] >= m.last:
            # the last conjunct is one word that forms no term with the head, the head a term
            # of its own: 'cortical, or mixed lens opacities' is still a cortical one
            out.extend(_left_conjuncts(vocab, keys, limits, m, p, term_starts, gap, word))
            # ... unless it forms one with another name of the head: 'congenital or juvenile
            # lens opacities' holds a juvenile cataract
            for head in vocab.short_keys(m.hpo_id):
                hit = _term(vocab, (keys[p], *head))
                if hit is not None:
                    out.append(Match(p, m.last, hit[0], hit[1], nested=True))
                    break
    if not _CONJUNCTIONS.isdisjoint(keys):
        conjunctions = list(compress(range(len(keys)), map(_CONJUNCTIONS.__contains__, keys)))
        if not _COMPLEMENT_PREPOSITIONS.isdisjoint(keys):
            out.extend(_complement_modifier_conjuncts(vocab, keys, limits, conjunctions, firsts))
        out.extend(_first_conjunct_terms(vocab, keys, limits, firsts, conjunctions))
    out.extend(_first_of_comma_modifiers(vocab, keys, limits, firsts, gap))
    return out


def _first_of_comma_modifiers(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    firsts: set[int],
    gap: Callable[[int], str],
) -> list[Match]:
    """'long, curled eyelashes', 'a long, smooth philtrum': two adjectives joined by a comma
    share the noun; when only the first forms a term with it, that term spans the phrase (when
    both do, `_stacked_modifiers` has it already)."""
    out: list[Match] = []
    n = len(keys)
    # a comma ends a clause for the scan: the candidates are the clause ends (each distinct
    # limit is one past a clause's last word)
    for end in sorted(set(limits)):
        a = end - 1
        if a >= n - 2:
            break
        b = a + 1
        word = keys[a]
        if (
            a in firsts
            or b in firsts
            or word in _NOT_STACKED
            or not is_adjective_like(word)
            or not is_adjective_like(keys[b])
            # a participle no HPO name holds is a verb: "LH was elevated, indicating ..."
            or (keys[b].endswith("ing") and keys[b] not in vocab.lexicon)
            or not _is_comma(gap(b))
            or (word,) in vocab.terms
        ):
            continue
        found = _first_modifier_term(vocab, keys, a, b, b + 1, limits[b])
        if found is not None:
            out.append(found)
    return out


def _head_term(
    vocab: Vocabulary, keys: list[str], modifier: tuple[str, ...], head: int, stop: int
) -> tuple[int, tuple[str, int]] | None:
    """(end, term) of the longest term `modifier` forms with the words from `head` on (up to
    `_MAX_CONJUNCT` of them, not past `stop`): how a coordination's shared head is read."""
    for end in range(min(head + _MAX_CONJUNCT, stop), head, -1):
        hit = _term(vocab, (*modifier, *keys[head:end]))
        if hit is not None:
            return end, hit
    return None


def _first_modifier_term(
    vocab: Vocabulary, keys: list[str], a: int, other: int, head: int, stop: int
) -> Match | None:
    """The term the modifier at `a` forms with the shared head, spanning from `a`, when the
    other modifier (at `other`) forms none with that head: "delayed or absent puberty"."""
    found = _head_term(vocab, keys, (keys[a],), head, stop)
    if found is None:
        return None
    end, hit = found
    if _term(vocab, (keys[other], *keys[head:end])) is not None:
        return None  # both do: the left-conjunct and stacked-modifier readings have it
    return Match(a, end, hit[0], hit[1], nested=True)


_GRADES = frozenset("mild moderate severe profound".split())


def _grade_range(vocab: Vocabulary, keys: list[str], limits: list[int], m: Match) -> list[Match]:
    """'mild to moderate intellectual disability': a range of grades is coordinated like
    'mild or moderate', so the first grade's term spans the phrase (the second's is `m`)."""
    low = m.first - 2
    if keys[low] not in _GRADES or limits[low] < m.last:
        return []
    hit = _term(vocab, (keys[low], *keys[m.first + 1 : m.last]))
    if hit is None or hit[0] == m.hpo_id:
        return []
    return [Match(low, m.last, hit[0], hit[1], nested=True)]


def _first_conjunct_terms(
    vocab: Vocabulary, keys: list[str], limits: list[int], firsts: set[int], conjunctions: list[int]
) -> list[Match]:
    """'delayed or absent puberty', 'reduced or absent sense of smell': only the first modifier
    forms a term with the shared head (no term "absent puberty" starts the usual reading), so
    that term spans the whole phrase, the way gold corpora mark a coordination."""
    out: list[Match] = []
    n = len(keys)
    for c in conjunctions:  # the conjunctions' token indices
        a = c - 1
        if a < 0 or c >= n - 2:
            continue
        word, other = keys[a], keys[c + 1]
        if a in firsts or c + 1 in firsts or limits[a] < c + 3 or word in _NOT_STACKED:
            continue
        if is_adjective_like(word) and is_adjective_like(other):
            found = _first_modifier_term(vocab, keys, a, c + 1, c + 2, limits[a])
            if found is not None:
                out.append(found)
        elif (
            a >= 1
            and a - 1 not in firsts  # "low neutrophil and platelet counts": read as a list
            and limits[a - 1] > c
            and is_adjective_like(keys[a - 1])
        ):
            out.extend(_shared_modifier_terms(vocab, keys, limits, a, c))
    return out


def _shared_modifier_terms(
    vocab: Vocabulary, keys: list[str], limits: list[int], a: int, c: int
) -> list[Match]:
    """'delayed motor and language milestones': a modifier before two coordinated nouns is
    shared, and the first noun's term ('delayed motor milestones') spans the phrase; the
    second's, if it is one, is nested in it."""
    shared = keys[a - 1]
    found = _head_term(vocab, keys, (shared, keys[a]), c + 2, limits[a])
    if found is None:
        return []
    end, hit = found
    out = [Match(a - 1, end, hit[0], hit[1], nested=True)]
    second = _term(vocab, (shared, keys[c + 1], *keys[c + 2 : end]))
    if second is not None:
        out.append(Match(c + 1, end, second[0], second[1], nested=True))
    return out


# where the side names another part: the left ventricle is no ventricle of the brain
_SIDED_PARTS = frozenset({"ventricle", "ventricular", "atrium", "atrial", "heart"})


def side_free_matches(
    scan: Callable[[tuple[list[int], list[int], list[str], list[int]]], list[Match]],
    starts: list[int],
    ends: list[int],
    keys: list[str],
    limits: list[int],
    matches: list[Match],
    vocab: Vocabulary | None = None,
) -> list[Match]:
    """`matches` with terms read across a side word HPO's name has not: "hypoplasia of the right
    radius", "short left forearm", "pelvic right kidney". The side is left out of the concept,
    the way gold corpora mark it, and stays inside the span; where HPO has the term for one
    side ("agenesis of the left kidney" is Unilateral renal agenesis), that term is read. A
    term read this way must hold the side word inside it; it replaces matches within its span
    and gives way to any match that crosses its edges. `scan`: the leftmost-longest walk over
    (starts, ends, keys, limits), here over the tokens without the sides.
    """
    sides = [
        i
        for i, k in enumerate(keys)
        if k in LEFT_RIGHT and (i + 1 == len(keys) or keys[i + 1] not in _SIDED_PARTS)
    ]
    if not sides:
        return matches
    drop = set(sides)
    clauses: set[int] = set()  # only the clauses that hold a side are walked again
    walked: set[int] = set()  # clause ends done: each clause is walked back once
    for i in sides:
        hi = limits[i]
        if hi in walked:
            continue
        walked.add(hi)
        lo = i
        while lo > 0 and limits[lo - 1] == hi:
            lo -= 1
        clauses.update(range(lo, hi))
    keep = sorted(clauses - drop)
    found = scan(
        (
            [starts[i] for i in keep],
            [ends[i] for i in keep],
            [keys[i] for i in keep],
            [bisect_left(keep, limits[i]) for i in keep],
        )
    )
    out = list(matches)
    for m in found:
        a, b = keep[m.first], keep[m.last - 1] + 1
        if not any(a < s < b for s in sides) or m.hpo_id in NO_TERM_IDS:
            continue
        if any(x.first < b and a < x.last and not (a <= x.first and x.last <= b) for x in out):
            continue
        out = [x for x in out if not (a <= x.first and x.last <= b)]
        one_side = narrower_term(vocab, m.hpo_id, _ONE_SIDE) if vocab is not None else None
        if one_side is not None:
            out.append(Match(a, b, one_side[0], one_side[1]))
        else:
            out.append(Match(a, b, m.hpo_id, m.priority))
    out.sort(key=lambda x: (x.first, -x.last))
    return out


_MALIGNANT = frozenset({"cancer", "malignancy", "carcinoma", "malignant"})


def renamed_by_modifier(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    matches: list[Match],
    gap: Callable[[int], str],
) -> list[tuple[Match, Match]]:
    """(term, the term it is) pairs where the word before a term makes a term with one of the
    term's other names: "retinal pigmentary changes" is no skin finding ("pigmentary changes"
    is a lay name of Abnormality of skin pigmentation) but Abnormality of retinal pigmentation,
    named "retinal pigmentation abnormality". The word must stand in no other term, and the
    term it makes must not be a wider one."""
    starts_term = vocab.max_len  # first word of a term -> its longest term's length
    covered: set[int] | None = None
    out: list[tuple[Match, Match]] = []
    for m in matches:
        p = m.first - 1
        if (
            m.nested
            or p < 0
            or starts_term.get(keys[p], 0) < 2  # most words begin no term of two words or more
            or limits[p] < m.last
            or keys[p] in _NOT_STACKED
            or keys[p] in DEGREE_WORDS  # "very preterm infants" names no grade
            or keys[p] in FUNCTION_WORDS
            or len(keys[p]) < 3  # "a", numbers' units
            or keys[p][:1].isdigit()
            or gap(m.first).strip()
        ):
            continue
        if covered is None:  # the words inside terms, once per text and only when needed
            covered = {i for x in matches for i in range(x.first, x.last)}
        if p in covered:
            continue
        written = tuple(keys[m.first : m.last])
        for head in vocab.short_keys(m.hpo_id):
            if head == written:
                continue  # the words as written: the scan has tried them
            if not _MALIGNANT.isdisjoint(head) and _MALIGNANT.isdisjoint(written):
                continue  # a tumour is not a cancer: "pituitary tumours"
            hit = _term(vocab, (keys[p], *head))
            if hit is not None and hit[0] != m.hpo_id and hit[0] not in vocab.ancestors(m.hpo_id):
                out.append((m, Match(p, m.last, hit[0], hit[1])))
                break
    return out


_ONE_SIDE = (("unilateral",),)


def narrower_term(
    vocab: Vocabulary,
    hpo_id: str,
    modifiers: tuple[tuple[str, ...], ...],
    written: tuple[str, ...] = (),
) -> tuple[str, int] | None:
    """The term a modifier (tried in order) makes with the words `written` or with one of the
    term's short names, when it names a descendant of the term: "Unilateral" + "renal
    agenesis", "Congenital" + "contracture"."""
    heads = (written, *vocab.short_keys(hpo_id)) if written else vocab.short_keys(hpo_id)
    for modifier in modifiers:
        for head in heads:
            hit = _term(vocab, (*modifier, *head))
            if hit is not None and hit[0] != hpo_id and hpo_id in vocab.ancestors(hit[0]):
                return hit
    return None


def comma_joined_terms(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    matches: list[Match],
    gap: Callable[[int], str],
) -> list[Match]:
    """Terms HPO writes with a comma between two adjectives ("High, narrow palate"): the comma
    ends a clause for the scan, so the scan finds only "narrow palate"; the whole phrase is the
    one term, not a narrow palate and a high one."""
    out: list[Match] = []
    for m in matches:
        p = m.first - 1
        if (
            not m.nested
            and p >= 0
            and limits[p] == m.first
            and _is_comma(gap(m.first))
            and is_adjective_like(keys[p])
        ):
            hit = _term(vocab, (keys[p], *keys[m.first : m.last]))
            if hit is not None:
                out.append(Match(p, m.last, hit[0], hit[1]))
                continue
        out.append(m)
    return out


# words of degree, course, extent or side: "mild conductive hearing loss" is no finding of a
# mild hearing loss apart from the conductive one, but "short broad thumbs" are two findings
_NOT_STACKED = frozenset(
    "mild moderate severe profound marked significant slight progressive recurrent chronic "
    "acute subacute congenital bilateral unilateral generalized generalised diffuse focal "
    "isolated multiple numerous persistent intermittent episodic early late other new "
    "additional typical atypical similar classic classical primary secondary partial complete "
    "total left right mixed predominant abnormal unusual characteristic".split()
)
_RELATIONAL_ENDINGS = ("al", "ar")
_MAX_STACKED = 3  # "small, short, broad thumbs"; a longer run is a list gone wrong


def _stacked_modifiers(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    m: Match,
    term_starts: dict[int, int],
    gap: Callable[[int], str],
) -> list[Match]:
    """Adjectives stacked before an adjective-and-noun term, each forming a term of its own
    with the noun: 'short broad thumbs' and 'short, broad thumbs' also hold a short thumb,
    'enlarged echogenic kidneys' an enlarged kidney; each spans from its adjective to the head.

    Only adjectives, so 'microcephaly, broad thumbs' is a list; not before a classifying
    (relational) adjective, which makes one noun with its head ('retinal vascular
    abnormality' is an abnormality of the retina's vessels, 'elevated antinuclear antibody'
    no raised antibody level); not past a function word ('cystic tumor of the ovary' holds
    no cystic ovary).
    """
    if (
        m.first == 0
        or keys[m.first - 1] in _NOT_STACKED
        or not (is_adjective_like(keys[m.first - 1]) or gap(m.first - 1) == "-")
    ):
        return []  # most terms: no adjective before them
    words = keys[m.first : m.last]
    # the term's modifier: one adjective, a hyphenated one ("low-set ears"), or an adverb and
    # its adjective ("widely spaced teeth", "posteriorly rotated ears")
    mod_end = m.first + 1
    while mod_end < m.last - 1 and gap(mod_end) == "-":
        mod_end += 1
    hyphenated = mod_end > m.first + 1
    if not hyphenated and m.last - m.first >= 3 and words[0].endswith("ly"):
        mod_end = m.first + 2
        hyphenated = True  # a two-word modifier, read as one, like a hyphenated one
    if not (hyphenated or is_adjective_like(words[0])) or not FUNCTION_WORDS.isdisjoint(words):
        return []
    if not hyphenated and words[0].endswith(_RELATIONAL_ENDINGS):
        return []  # a classifying adjective: "elevated antinuclear antibody" is one noun
    head = tuple(keys[mod_end : m.last])
    out: list[Match] = []
    nxt, p = m.first, m.first - 1
    while p >= 0 and len(out) < _MAX_STACKED:
        word = keys[p]
        joined = limits[p] >= nxt and not gap(nxt).strip()
        comma = limits[p] == nxt and _is_comma(gap(nxt))
        # a hyphenated word stacks whole ("low-set, posteriorly rotated ears"), never its
        # end alone ("cross-fused")
        q = p
        while q > 0 and gap(q) == "-" and limits[q - 1] > p:
            q -= 1
        modifier = tuple(keys[q : p + 1])
        if (
            not (joined or comma)
            or not (q < p or is_adjective_like(word))
            or word in _NOT_STACKED
            or modifier in vocab.terms
            or p + 1 in term_starts
        ):
            break
        hit = _term(vocab, (*modifier, *head))
        if hit is None or hit[0] == m.hpo_id or any(o.hpo_id == hit[0] for o in out):
            break
        out.append(Match(q, m.last, hit[0], hit[1], nested=True))
        nxt, p = q, q - 1
    return out


_COMPLEMENT_PREPOSITIONS = frozenset({"of", "in"})


def _complement_modifier_conjuncts(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    conjunctions: list[int],
    firsts: set[int],
) -> list[Match]:
    """Modifiers coordinated inside the complement of an 'X of ...' term: 'weakness of the
    facial and neck muscles' holds facial muscle weakness and neck muscle weakness. Both
    readings must be terms, so 'stenosis of the pulmonary valve and arteries' (no pulmonary
    valve artery) makes none; each spans the whole phrase."""
    out: list[Match] = []
    n = len(keys)
    for q in conjunctions:
        if q + 1 in firsts:
            continue  # a term starts the second conjunct: "... and distal muscle weakness"
        for o in range(max(1, q - _MAX_CONJUNCT), q - 1):
            prep = keys[o]
            if prep not in _COMPLEMENT_PREPOSITIONS:
                continue
            first = tuple(keys[o + 1 : q])  # the first modifier: "facial"
            if _CONJUNCTIONS.intersection(first):
                continue
            for x in range(max(0, o - _MAX_CONJUNCT), o):
                if keys[x] not in vocab.max_len:
                    continue  # no term starts with the head's first word
                head = tuple(keys[x:o])  # "weakness"
                for r in range(q + 3, min(q + 2 + _MAX_CONJUNCT, n) + 1):
                    tail = tuple(keys[q + 1 : r])  # the second modifier and the head noun
                    if limits[x] < r or _CONJUNCTIONS.intersection(tail) or prep in tail:
                        break
                    second = _term(vocab, (*head, prep, *tail))
                    if second is None:
                        continue
                    for h in range(1, len(tail)):
                        hit = _term(vocab, (*head, prep, *first, *tail[h:]))
                        if hit is not None:
                            out.append(Match(x, r, hit[0], hit[1], nested=True))
                            out.append(Match(x, r, second[0], second[1], nested=True))
                            break
                    break
    return out


def _left_conjuncts(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    m: Match,
    p: int,
    term_starts: dict[int, int],
    gap: Callable[[int], str],
    word: Callable[[int], str] | None = None,
) -> list[Match]:
    """Conjuncts left of the one starting at token `p`, each with the head after `p`."""
    if not (p >= 2 and keys[p - 1] in _CONJUNCTIONS and limits[p - 1] >= p):
        return []  # the first separator is always a conjunction: most terms stop here
    out: list[Match] = []
    tail = tuple(keys[p + 1 : m.last])
    # the shared head is a whole term: its other names serve too ("cortical or mixed lens
    # opacities" holds a cortical cataract)
    heads = (tail,)
    if tail == tuple(keys[m.first : m.last]):
        heads += tuple(k for k in vocab.short_keys(m.hpo_id) if k != tail)
    elif len(tail) >= 2 and (named := _term(vocab, tail)) is not None:
        # the head after the conjunct next to it: "cortical or [juvenile] lens opacities"
        heads += tuple(k for k in vocab.short_keys(named[0]) if k != tail)
    # the term's modifier may be several words: 'low-set and posteriorly rotated ears' shares
    # only 'ears' with the conjunct next to it (tried after the whole tail, so 'palmar and
    # plantar pits' is unchanged); not past a function word ('... respiration during sleep')
    suffixes_too = p == m.first and len(tail) >= 2
    first = True  # p: the current conjunct starts here; the separator lies just before it
    while p >= 1:
        # separator: a conjunction (maybe after a comma: "A, B, and C x"), or a bare comma
        if p >= 2 and keys[p - 1] in _CONJUNCTIONS and limits[p - 1] >= p:
            end = p - 1
        elif not first and limits[p - 1] == p and _is_comma(gap(p)):
            end = p
        else:
            break
        conjunct_heads = heads
        if first and suffixes_too and _RELATIONAL_WORDS.isdisjoint(tail):
            conjunct_heads += tuple(tail[i:] for i in range(1, len(tail)))
        first = False
        if word is not None and end >= 1 and _is_plural(word(end - 1), keys[end - 1]):
            break  # a plural noun modifies nothing: "normal hands and dental anomalies"
        found = None
        for length in range(min(_MAX_CONJUNCT, end), 0, -1):
            a = end - length
            if limits[a] < end or any(k in _CONJUNCTIONS for k in keys[a:end]):
                continue  # a conjunct holds no break and no conjunction
            if term_starts.get(end, a) < a:
                break  # the conjunct is a whole term, longer than any candidate
            # a finding of its own, no modifier, shares a complement ("pain or tightness in
            # the chest") but no noun phrase ("myoclonus and generalized seizures")
            finding = length == 1 and not is_adjective_like(keys[a]) and _term(vocab, (keys[a],))
            for head in conjunct_heads:
                if finding and head[0] not in FUNCTION_WORDS:
                    continue
                hit = _term(vocab, (*keys[a:end], *head))
                if hit is not None:
                    found = Match(a, m.last, hit[0], hit[1], nested=True)
                    break
            if found is not None:
                break
        if found is not None:
            out.append(found)
            p = found.first
        elif end >= 1 and (end - 1 == 0 or limits[end - 2] == end - 1):
            p = end - 1  # a one-word conjunct that is no term: go on to the next one
        else:
            break
    return out


def _up_to_last_of(keys: list[str], m: Match) -> tuple[str, ...]:
    """The term's words up to its last "of": what each complement of 'X of A or B' shares."""
    inner = keys[m.first : m.last]
    return tuple(inner[: len(inner) - inner[::-1].index("of")])


def _is_plural(written: str, key: str) -> bool:
    """Whether the word as written is the plural of a noun (its key is the singular)."""
    w = written.lower()
    if w == key:
        return False
    if w in IRREGULAR_PLURALS:
        return True
    return (
        w.endswith("s")
        and not w.endswith("ss")
        and not key.endswith("s")
        and (not is_adjective_like(key))
    )


def _is_comma(gap: str) -> bool:
    """The text between two list items holds one comma and no other break ("eyes, the ears")."""
    return gap.count(",") == 1 and _OTHER_BREAKS.isdisjoint(gap)


_OTHER_BREAKS = frozenset(".;:()[]{}!?")


def _right_list_conjuncts(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    m: Match,
    gap: Callable[[int], str],
    term_firsts: set[int],
) -> list[Match]:
    """The complements of a comma list after an 'X of A' term: 'anomalies of the eyes, ears
    and heart' also holds anomalies of the ears and of the heart, each spanning from the term's
    start to its own end. Only a list closed by a conjunction, whose every middle item forms a
    term with the head and none a term of its own, counts ("abnormality of the skin, which ..."
    is none, nor "aplasia of the clavicles, hypoplastic pubic bones and ...")."""
    n = len(keys)
    pos = m.last
    if pos >= n or not _is_comma(gap(pos)):
        return []
    head = _up_to_last_of(keys, m)
    items: list[tuple[int, int]] = []
    while True:  # `pos` starts an item after a comma
        if keys[pos] in _CONJUNCTIONS:  # "A, B, and C"
            pos += 1
            break
        stop = limits[pos]
        end = pos
        while end < stop and keys[end] not in _CONJUNCTIONS:
            end += 1
        if end - pos > _MAX_CONJUNCT:
            return []
        items.append((pos, end))
        if end < stop:  # "A, B and C": the conjunction closes the list
            pos = end + 1
            break
        if end >= n or not _is_comma(gap(end)):
            return []
        pos = end
    if any(a in term_firsts for a, _ in items):
        return []
    out: list[Match] = []
    for a, b in items:
        hit = _term(vocab, (*head, *keys[a:b]))
        if hit is None:
            return []  # no list of parts: "the axial skeleton, which comprises the skull, ..."
        out.append(Match(m.first, b, hit[0], hit[1], nested=True))
    if pos < n:
        for length in range(min(_MAX_CONJUNCT, limits[pos] - pos), 0, -1):
            if any(k in _CONJUNCTIONS for k in keys[pos : pos + length]):
                continue
            hit = _term(vocab, (*head, *keys[pos : pos + length]))
            if hit is not None:
                out.append(Match(m.first, pos + length, hit[0], hit[1], nested=True))
                break
    return out


def _right_conjuncts(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    m: Match,
    term_firsts: set[int],
    gap: Callable[[int], str],
) -> list[Match]:
    """Right conjuncts sharing the term's first part: the complement of 'X of A or B', or the
    modifier of 'small hands and feet' / 'broad thumbs and great toes' (a conjunct that is a
    term of its own, 'muscle weakness and fatigue', takes no modifier). Not after a comma
    ("broad thumbs, and the feet had ..." joins two clauses), not into a conjunct that begins
    a term of its own ("contractures of the tendons and flexion contractures of ..."), and a
    modifier is not shared past an article ("small hands and the feet")."""
    inner = keys[m.first : m.last]
    if m.last >= len(keys) or keys[m.last] not in _CONJUNCTIONS or "," in gap(m.last):
        return []
    if m.last + 1 in term_firsts:
        return []
    complement = "of" in inner
    if complement:
        head = _up_to_last_of(keys, m)
    elif not gap(m.last + 1).strip():
        head = tuple(inner[:-1])  # the modifier words
    else:
        return []
    stop = limits[m.last]
    for length in range(min(_MAX_CONJUNCT, stop - m.last - 1), 0, -1):
        b = m.last + 1 + length
        if any(k in _CONJUNCTIONS for k in keys[m.last + 1 : b]):
            continue
        if not complement and keys[b - 1] in POSTPOSED:
            continue  # the conjunct is a noun: "reflex tearing and reduced ..." is no reflex
        hit = _term(vocab, (*head, *keys[m.last + 1 : b]))
        if hit is not None:
            return [Match(m.first, b, hit[0], hit[1], nested=True)]
    return []
