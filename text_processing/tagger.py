"""The symptom tagger: HPO matching + document abbreviations + context flags, one entry point.

`evidence tag`, `evidence eval` and the pipeline's `extract_excerpts` all call `Tagger.tag`, so
what is measured is what is shipped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from evidence.config import TaggingSettings
from evidence.records import Mention
from text_processing.abbreviations import find_abbreviations, occurrences
from text_processing.comma_adjectives import comma_adjective_spans
from text_processing.context import (
    NO_CONTEXT,
    RULES,
    WORD_SPLIT_PATTERN,
    ContextFlags,
    Cue,
    Words,
    text_words,
    word_range,
)
from text_processing.fast_scan import SPLIT_PATTERN, FastScanner, split_words
from text_processing.gestational_age import preterm_births
from text_processing.lab_values import lab_value_findings
from text_processing.located_findings import LEADING_COURSE_WORDS, located_findings
from text_processing.matcher import (
    Match,
    _term,
    comma_joined_terms,
    coordinated,
    find_matches,
    renamed_by_modifier,
    side_free_matches,
)
from text_processing.measurements import measurement_findings
from text_processing.non_findings import without_non_findings
from text_processing.normalize import (
    Lemmatizer,
    compound_name_ends,
    dangling_adjective_ends,
    fold,
    tokenize,
)
from text_processing.noun_findings import NOUN_FINDINGS, noun_findings
from text_processing.person_findings import person_findings
from text_processing.predicative import PREDICATE_VERBS, predicative, replaced_by_predicates
from text_processing.qualified_findings import QUALIFIER_KEYS, qualified_findings
from text_processing.sentences import split_sentences
from text_processing.split_short_forms import split_term_spans
from text_processing.vocabulary import (
    NO_TERM_IDS,
    NOT_A_PHENOTYPE,
    OTHER_FLUID,
    Vocabulary,
    load_vocabulary,
)
from text_processing.word_formation import LEFT_RIGHT, is_adjective_like

# Single words so broad that, as mentions of their own, they add nothing when a more specific
# descendant term is found in the same sentence ("pain ... hip pain"): dropped in that case.
GENERIC_TERMS = frozenset(
    {
        "HP:0012531",  # Pain
        "HP:0001324",  # Muscle weakness
        "HP:0000969",  # Edema
        "HP:0002664",  # Neoplasm
        "HP:0000988",  # Skin rash
        "HP:0012378",  # Fatigue
    }
)


@dataclass(frozen=True, slots=True)
class SearchHit:
    hpo_id: str
    label: str
    matched: str  # the name or synonym that matched the prefix


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    hpo_id: str
    priority: int
    nested: bool = False


class Tagger:
    """Tags HPO symptom mentions in text; cheap to call, expensive (once) to load."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.lemmatizer = Lemmatizer(vocab.lexicon)
        self._search_keys = [name for name, _, _ in vocab.search_names]
        self._fast = FastScanner(vocab, self.lemmatizer)
        self.compiled = self._fast.compiled  # whether the word loops run compiled (_scan.c)
        # term id -> the generic terms (pain, edema ...) above it, filled as terms are met
        self._generic_above: dict[str, frozenset[str]] = {}

    # -- vocabulary access -------------------------------------------------------------------
    def label(self, hpo_id: str) -> str:
        """The HPO name, or "" for an id outside the phenotype vocabulary."""
        return self.vocab.labels.get(hpo_id, "")

    def hpo_ids(self) -> list[str]:
        return sorted(self.vocab.labels)

    def is_descendant(self, hpo_id: str, ancestor: str) -> bool:
        return ancestor in self.vocab.ancestors(hpo_id)

    def search(self, prefix: str, limit: int = 10) -> list[SearchHit]:
        """Type-ahead: names/synonyms starting with `prefix`, then those with a word starting so."""
        p = " ".join(prefix.casefold().split())
        if not p:
            return []
        hits: list[SearchHit] = []
        seen: set[str] = set()
        names = self.vocab.search_names

        def add(i: int) -> bool:
            name, hpo_id, shown = names[i]
            if hpo_id not in seen:
                seen.add(hpo_id)
                hits.append(SearchHit(hpo_id, self.vocab.labels[hpo_id], shown))
            return len(hits) >= limit

        i = bisect.bisect_left(self._search_keys, p)
        while i < len(names) and names[i][0].startswith(p):
            if add(i):
                return hits
            i += 1
        needle = " " + p
        for j, (name, _, _) in enumerate(names):
            if needle in name or ("-" + p) in name:
                if add(j):
                    break
        return hits

    # -- tagging -----------------------------------------------------------------------------
    def _spans(self, text: str, nested: bool, parts: list[str] | None = None) -> list[_Span]:
        if nested:  # evaluation only: the reference matcher, which also finds inner terms
            tokens = tokenize(text, self.lemmatizer)
            # gold corpora mark "cancer" in "cancer-predisposition": no compound rule here
            no_end = dangling_adjective_ends(text, *tokens) | compound_name_ends(text, *tokens)
            matches = find_matches(self.vocab, text, *tokens, nested=True, no_end=no_end)
        else:  # same output as the reference, see fast_scan.py
            tokens = self._fast.tokenize(text, parts)
            matches = self._fast.find_matches(text, tokens)
            no_end = (
                dangling_adjective_ends(text, *tokens)
                | hyphen_compound_ends(self.vocab, text, *tokens)
                | compound_name_ends(text, *tokens)
            )
            if no_end and any(m.last in no_end for m in matches):  # rare: the reference redoes it
                matches = self._redo_clauses(text, tokens, matches, no_end)
        starts, ends, keys, limits = tokens
        # "the short arm of chromosome 2", "splenectomy raised the platelet count"
        matches = without_non_findings(text, starts, ends, keys, matches)

        def scan(toks: tuple[list[int], list[int], list[str], list[int]]) -> list[Match]:
            if nested:
                return find_matches(self.vocab, text, *toks)
            return self._fast.find_matches(text, toks)

        if not LEADING_COURSE_WORDS.isdisjoint(keys):  # "progressive weakness of the legs"
            matches = located_findings(self.vocab, tokens, matches, scan)
        # A nested term is kept when it names a concept of its own: a multi-word term that is
        # no ancestor of the outer one ("aplastic nails" in "aplastic or hypoplastic nails"), or
        # an ancestor that is the outer term's head, the way gold corpora mark the general
        # finding inside a typed one ("colitis" in "ulcerative colitis", "hearing loss" in
        # "sensorineural hearing loss"). A single head word that is no ancestor is a mere
        # component of a name ("carcinoma" in "basal cell carcinoma"). Inside a phrase that names
        # no phenotype ("tumor suppressor gene") the term is reported only here, where gold
        # corpora mark every word that names a concept; the pipeline never sees it.
        # Nor is the part of a hyphenated word: "clonic seizure" in "tonic-clonic seizure".
        if nested:
            matches = [
                m
                for m in matches
                if not m.nested
                or (self._nested_kept(m, matches) and not _after_hyphen(text, tokens, m, matches))
            ]
            matches = [m for m in matches if not m.nested or not _inside_same(m, matches)]

        def gap(i: int) -> str:
            return text[ends[i - 1] : starts[i]]

        if "," in text:
            matches = comma_joined_terms(self.vocab, keys, limits, matches, gap)
        present = set(keys)  # one pass; each test below then walks the smaller set
        if not LEFT_RIGHT.isdisjoint(present):
            matches = side_free_matches(scan, starts, ends, keys, limits, matches, self.vocab)

        def word(i: int) -> str:
            return text[starts[i] : ends[i]]

        renamed = renamed_by_modifier(self.vocab, keys, limits, matches, gap)
        if renamed:  # "retinal pigmentary changes" is no skin finding
            matches = _replaced(matches, renamed, nested)
        if "," in text:  # "loose, redundant skin" is one redundant skin
            joined = comma_adjective_spans(self.vocab, keys, limits, matches, gap)
            if joined:
                matches = _replaced(matches, joined, False)
        more = coordinated(self.vocab, keys, limits, matches, gap, word)
        if not PREDICATE_VERBS.isdisjoint(present):
            stated = predicative(self.vocab, keys, limits, matches + more, gap)
            if stated:
                matches = replaced_by_predicates(self.vocab, matches, stated)
            more.extend(stated)
        adjectives = self.vocab.person_adjectives
        if not adjectives.keys().isdisjoint(present):
            more.extend(person_findings(adjectives, keys, limits, matches + more))
        if not NOUN_FINDINGS.keys().isdisjoint(present):
            more.extend(noun_findings(keys, limits, matches + more))
        if not QUALIFIER_KEYS.isdisjoint(present):
            narrowed = qualified_findings(self.vocab, keys, limits, matches)
            if narrowed:  # "joint contractures present at birth" are congenital ones
                matches = _replaced(matches, narrowed, nested)
        matches.extend(m for m in more if m.last not in no_end)
        matches = [m for m in matches if m.hpo_id not in NO_TERM_IDS]
        spans = [
            _Span(starts[m.first], ends[m.last - 1], m.hpo_id, m.priority, m.nested)
            for m in matches
        ]
        stated = measurement_findings(text) + lab_value_findings(text, keys)
        stated += [  # "born prematurely at 30 weeks": the term found in words stays as found
            (s, e, hpo_id)
            for s, e, hpo_id in preterm_births(text)
            if not any(x.hpo_id == hpo_id and x.start < e and s < x.end for x in spans)
        ]
        for s, e, hpo_id in stated:
            if all(x.end <= s or x.start >= e or s <= x.start and x.end <= e for x in spans):
                spans = [x for x in spans if x.end <= s or x.start >= e]
                spans.append(_Span(s, e, hpo_id, 0))
        if "(" in text:
            spans = self._expand_abbreviations(text, spans)
        return spans

    def _redo_clauses(
        self,
        text: str,
        tokens: tuple[list[int], list[int], list[str], list[int]],
        matches: list[Match],
        no_end: frozenset[int],
    ) -> list[Match]:
        """The reference matcher's walk over the clauses where a match ends at `no_end`."""
        limits = tokens[3]
        clauses = set()
        for m in matches:
            if m.last in no_end:
                hi = limits[m.first]
                lo = m.first
                while lo > 0 and limits[lo - 1] == hi:
                    lo -= 1
                clauses.add((lo, hi))
        out = [m for m in matches if not any(lo <= m.first < hi for lo, hi in clauses)]
        for lo, hi in clauses:
            out += find_matches(self.vocab, text, *tokens, no_end=no_end, start=lo, stop=hi)
        out.sort(key=lambda m: m.first)
        return out

    def _nested_kept(self, inner: Match, matches: list[Match]) -> bool:
        """Whether a nested match is reported (see `_spans`)."""
        for outer in matches:
            if outer.hpo_id == NOT_A_PHENOTYPE and outer.first <= inner.first < outer.last:
                return True  # "tumor" in "tumor suppressor gene", as gold corpora mark words
            if outer.hpo_id == OTHER_FLUID and outer.first <= inner.first < outer.last:
                return False  # "increased levels of ferritin [in the urine]" is no blood finding
            if (
                not outer.nested
                and outer.first <= inner.first
                and inner.last <= outer.last
                and inner.hpo_id in self.vocab.ancestors(outer.hpo_id)
            ):
                return inner.last == outer.last  # an ancestor: only as the outer's head
        return inner.last - inner.first > 1

    def _expand_abbreviations(self, text: str, spans: list[_Span]) -> list[_Span]:
        """Short forms defined in this text get the HPO id of their long form."""
        for abbr in find_abbreviations(text):
            long_ids = [
                s.hpo_id
                for s in spans
                if s.start == abbr.long_start and s.end == abbr.long_end and not s.nested
            ]
            if not long_ids:
                # the term that ends the long form names it when the words before it only say
                # its kind: "congenital [hypogonadotropic hypogonadism] (CHH)"; not "diabetic
                # [amyotrophy] (DA)", a disease, nor a term reaching before the long form,
                # which may name a finding about it ("elevated erythrocyte sedimentation rate
                # (ESR)": ESR is the test)
                ending = [
                    s
                    for s in spans
                    if s.end == abbr.long_end
                    and not s.nested
                    and abbr.long_start <= s.start < abbr.long_end
                    and _KIND_WORDS.issuperset(text[abbr.long_start : s.start].lower().split())
                ]
                long_ids = [max(ending, key=lambda s: s.end - s.start).hpo_id] if ending else []
            close = text.find(")", abbr.long_end)  # uses after the "(SF)" definition itself
            long_keys = self._keys_of(abbr.long)
            if not long_ids:
                long_id = self._term_id(long_keys)
                if long_id is None:
                    # "Kayser-Fleischer (KF) rings": the term goes on after the bracket
                    longest = self.vocab.max_len.get(long_keys[0], 0) if long_keys else 0
                    split = split_term_spans(
                        text, abbr, close, long_keys, longest, self._keys_of, self._term_id
                    )
                    for s, e, hpo_id in split:
                        spans = [x for x in spans if x.end <= s or x.start >= e]
                        spans.append(_Span(s, e, hpo_id, 0))
                    continue  # "tumor necrosis factor (TNF)": TNF names no tumour
                long_ids = [long_id]
            # the definition restates the long form: "(GERD)" is no second mention of it, nor
            # is the short form there any other term the vocabulary knows by it ("atrial
            # septal defect (ASD)" defines no autism spectrum disorder)
            spans = [
                x
                for x in spans
                if not (
                    abbr.long_end < x.start
                    and x.end <= close
                    and (x.hpo_id in long_ids or text[x.start : x.end] == abbr.short)
                )
            ]
            for form in _number_forms(abbr.short):  # "AVMs" defined, "cerebral AVM" used
                for s, e in occurrences(text, form, after=close + 1):
                    s, hpo_id = self._qualified_short_form(text, s, long_keys, long_ids[0])
                    spans = [x for x in spans if x.end <= s or x.start >= e]
                    spans.append(_Span(s, e, hpo_id, 0))
        spans.sort(key=lambda x: (x.start, -x.end))
        return spans

    def _keys_of(self, phrase: str) -> tuple[str, ...]:
        return tuple(self._fast.tokenize(phrase)[2])

    def _term_id(self, keys: tuple[str, ...]) -> str | None:
        hit = self.vocab.terms.get(keys)
        return None if hit is None or hit[0] in NO_TERM_IDS else hit[0]

    def _qualified_short_form(
        self, text: str, start: int, long_keys: tuple[str, ...], hpo_id: str
    ) -> tuple[int, str]:
        """(start, id) of a short form's use, taking in the one or two words before it when
        they make a term with the long form: "pulmonary AVMs" after "arteriovenous
        malformations (AVMs)" is a pulmonary arteriovenous malformation."""
        head = text[max(0, start - 40) : start]
        words = _WORDS_BEFORE.search(head)
        if words is None:
            return start, hpo_id
        parts = words.group(0).split()
        for n in range(min(2, len(parts)), 0, -1):
            lead = " ".join(parts[-n:])
            lead_keys = tuple(self._fast.tokenize(lead)[2])
            if not lead_keys:
                continue  # the words add nothing to the long form ("the ASD")
            hit = _term(self.vocab, lead_keys + long_keys)
            if hit is not None and hit[0] not in NO_TERM_IDS:
                return start - len(lead) - 1, hit[0]
        return start, hpo_id

    def _drop_generic(self, spans: list[_Span], sent_of: list[int]) -> list[_Span]:
        """'Pain' on its own goes when the same sentence names a more specific kind of pain."""
        # the generic terms above the terms named in each sentence (a lookup per pair of
        # mentions made a long list of one generic term quadratic)
        above: dict[int, set[str]] = {}
        for sp, sent in zip(spans, sent_of, strict=True):
            generic = self._generic_above.get(sp.hpo_id)
            if generic is None:
                generic = self._generic_above[sp.hpo_id] = frozenset(
                    GENERIC_TERMS.intersection(self.vocab.ancestors(sp.hpo_id))
                )
            if generic:
                above.setdefault(sent, set()).update(generic)
        return [
            sp
            for sp, sent in zip(spans, sent_of, strict=True)
            if sp.nested or sp.hpo_id not in GENERIC_TERMS or sp.hpo_id not in above.get(sent, ())
        ]

    def tag(self, text: str, nested: bool = False) -> list[Mention]:
        """Symptom mentions with offsets into `text` and context flags, in text order."""
        parts = self._parts(text)
        spans = self._spans(text, nested, parts)
        if not spans:
            return []
        sentences = split_sentences(text)
        spans.sort(key=lambda x: (x.start, -x.end))
        sent_of = _sentence_indices(sentences, spans)
        if not nested:
            if not GENERIC_TERMS.isdisjoint(sp.hpo_id for sp in spans):
                keep = self._drop_generic(spans, sent_of)
                if len(keep) != len(spans):
                    spans = keep
                    sent_of = _sentence_indices(sentences, spans)
        return self._with_context(text, spans, sentences, sent_of, parts=parts)

    @staticmethod
    def _parts(text: str) -> list[str] | None:
        """One word split of the text for matcher and context rules, when both split alike."""
        return split_words(text) if _SHARED_SPLIT else None

    def tag_targets(self, text: str, targets: list[tuple[int, int]]) -> list[Mention]:
        """One mention per given span: context flags always, hpo_id "" when no term matches.

        Symptoms the tagger finds itself count as mentions for the scope windows too, so a
        long list around a single target ("denies fever, chills, ... or rash") stays in scope.
        """
        sentences = split_sentences(text)
        spans = []
        for s, e in targets:
            spans.append(_Span(s, e, self._term_id(self._keys_of(text[s:e])) or "", 0))
        found = [(sp.start, sp.end) for sp in self._spans(text, nested=False)]
        sent_of = _sentence_indices(sentences, spans)
        return self._with_context(text, spans, sentences, sent_of, extra_covered=found)

    def _with_context(
        self,
        text: str,
        spans: list[_Span],
        sentences: list[tuple[int, int]],
        sent_of: list[int],
        extra_covered: list[tuple[int, int]] | None = None,
        parts: list[str] | None = None,
    ) -> list[Mention]:
        """Mentions in the order of `spans`, flagged by the context rules of their sentence."""
        words = text_words(text, parts)
        by_sentence: dict[int, list[int]] = {}
        for i, k in enumerate(sent_of):
            by_sentence.setdefault(k, []).append(i)
        starts = words.starts
        left, right = bisect.bisect_left, bisect.bisect_right
        word_ranges: dict[int, tuple[int, int]] = {}  # sentence -> its words [lo, hi)
        for k in sorted(by_sentence):
            s0, s1 = sentences[k] if k >= 0 else (0, len(text))
            word_ranges[k] = (left(starts, s0), left(starts, s1))
        cues = _sentence_cues(words, list(word_ranges.values()))
        cue_at = [c.first for c in cues]
        trigger_at = [c.first for c in cues if c.roles.triggers]
        flags: list[ContextFlags] = [NO_CONTEXT] * len(spans)
        extra = sorted(extra_covered or ())
        for k, idxs in by_sentence.items():
            s0, s1 = sentences[k] if k >= 0 else (0, len(text))
            lo, hi = word_ranges[k]
            t = left(trigger_at, lo)
            if t == len(trigger_at) or trigger_at[t] > hi:
                continue  # no trigger in this sentence: every flag stays off
            ranges = [word_range(words, spans[i].start, spans[i].end) for i in idxs]
            covered = ranges
            if extra:
                a = left(extra, (s0, -1))
                b = left(extra, (s1, -1))
                covered = ranges + [word_range(words, s, e) for s, e in extra[a:b]]
            # cues at the sentence's words, and point cues (punctuation) up to the separator
            # after its last word ("pneumonia?"); a phrase at word hi opens the next sentence
            local = cues[left(cue_at, lo) : right(cue_at, hi)]
            if local and local[-1].first == hi:
                local = [c for c in local if c.first < hi or c.first == c.last]
            for i, f in zip(idxs, RULES.flags(local, ranges, covered), strict=True):
                flags[i] = f
        labels = self.vocab.labels
        return [
            Mention(
                sp.start,
                sp.end,
                text[sp.start : sp.end],
                sp.hpo_id,
                labels.get(sp.hpo_id, ""),
                f.negated,
                f.uncertain,
                f.hypothetical,
                f.historical,
                f.experiencer,
            )
            for sp, f in zip(spans, flags, strict=True)
        ]

    def fold(self, word: str) -> str:
        return fold(word)


# up to two plain words right before a short form, in its clause
_WORDS_BEFORE = re.compile(r"(?:[^\W\d_]+ ){1,2}$")


def _number_forms(short: str) -> tuple[str, ...]:
    """A short form and its other number: "AVMs" / "AVM", "SLEs" / "SLE"."""
    if len(short) >= 3 and short.endswith("s") and short[-2].isupper():
        return short, short[:-1]
    if short[-1:].isupper():
        return short, short + "s"
    return (short,)


# Words after a hyphen that leave the word before it a finding: "seizure-free", "seizure-onset",
# "obesity-related" (adjectives), or the tail of a name: "tumor necrosis factor-alpha".
# So do the names of a finding's group ("exstrophy-epispadias-complex") and a dash used as one
# ("a tomaculum-for example") leave it a finding too.
_HYPHEN_SUFFIX_WORDS = frozenset(
    "free prone like type onset alpha beta gamma delta kappa complex spectrum syndrome "
    "sequence association for and or the with that which".split()
)


def hyphen_compound_ends(
    vocab: Vocabulary,
    text: str,
    starts: list[int],
    ends: list[int],
    keys: list[str],
    limits: list[int],
) -> frozenset[int]:
    """Token indices where no match may end: inside a hyphenated noun compound.

    "abnormal cell-cell contacts" holds no "abnormal cell", "fatigue-resistant fibers" no
    fatigue: a term ending on the first half of a compound whose second half is another noun
    names something else. Two findings joined ("bladder exstrophy-epispadias complex",
    "pachygyria-agyria spectrum") stay two findings.
    """
    out: set[int] = set()
    at = text.find("-")
    while at >= 0:
        t = bisect.bisect_left(ends, at)  # the token ending at the hyphen, if one does
        hyphen, at = at, text.find("-", at + 1)
        if t + 1 >= len(keys) or ends[t] != hyphen:
            continue
        if starts[t + 1] == hyphen + 1 and t + 1 < limits[t]:
            word = text[starts[t + 1] : ends[t + 1]].casefold()
            if (
                len(word) > 2
                and word.isalpha()
                and not is_adjective_like(word)
                and word not in _HYPHEN_SUFFIX_WORDS
                and (keys[t + 1],) not in vocab.terms
            ):
                out.add(t + 1)
    return frozenset(out)


def _after_hyphen(
    text: str,
    tokens: tuple[list[int], list[int], list[str], list[int]],
    inner: Match,
    matches: list[Match],
) -> bool:
    """Whether `inner` starts inside a hyphenated modifier that a longer match holds whole
    ("clonic seizure" in "tonic-clonic seizure", not "nose deformity" in "saddle-nose
    deformity")."""
    at, end = tokens[0][inner.first], tokens[1][inner.first]
    return (
        at > 0
        and text[at - 1] == "-"
        and is_adjective_like(text[at:end].lower())
        and any(o.first < inner.first < o.last and not o.nested for o in matches)
    )


def _inside_same(inner: Match, matches: list[Match]) -> bool:
    """Whether a longer match of the same concept holds this one: "weakness" in "muscle
    weakness" (both Muscle weakness) is one mention, not two."""
    return any(
        o is not inner
        and o.hpo_id == inner.hpo_id
        and o.first <= inner.first
        and inner.last <= o.last
        and o.last - o.first > inner.last - inner.first
        for o in matches
    )


# Words that only say what kind of finding a term is, before it in an abbreviation's long form
# ("hereditary", "familial" make disease names: "hereditary spastic paraplegia (HSP)"; so does
# a mode of inheritance: "X-linked hypophosphatemia (XLH)", whose uses the helpers closest to
# GSC+, which marks no short form at all, left unmarked).
_KIND_WORDS = frozenset(
    "congenital acquired primary secondary idiopathic isolated "
    "sporadic localized localised generalized generalised chronic acute juvenile infantile "
    "neonatal adult early-onset late-onset progressive central peripheral severe mild".split()
)
_RUN_GAP = 12  # words between two runs of sentences read as one rather than two calls


def _sentence_cues(words: Words, word_ranges: list[tuple[int, int]]) -> list[Cue]:
    """Cues of the sentences that hold mentions (their word ranges, in text order), adjacent
    sentences read as one run; the rest of the text cannot flag anything."""
    starts = words.starts
    runs: list[list[int]] = []
    for lo, hi in word_ranges:
        if runs and lo <= runs[-1][1] + _RUN_GAP:
            runs[-1][1] = max(runs[-1][1], hi)
        else:
            runs.append([lo, hi])
    if sum(hi - lo for lo, hi in runs) * 4 >= len(starts) * 3:
        return RULES.cues(words)  # most of the text: one pass costs less than several
    cues: list[Cue] = []
    for lo, hi in runs:
        cues.extend(RULES.cues(words, lo, hi))
    return cues


def _replaced(matches: list[Match], pairs: list[tuple[Match, Match]], nested: bool) -> list[Match]:
    """`matches` with each pair's first match replaced by its second, in text order; with
    `nested` the replaced match stays as a nested one, as gold corpora mark the inner concept."""
    bases = [base for base, _ in pairs]
    out = [m for m in matches if all(m is not b for b in bases)]
    out.extend(new for _, new in pairs)
    if nested:
        out.extend(replace(b, nested=True) for b in bases)
    out.sort(key=lambda x: (x.first, -x.last))
    return out


def _sentence_indices(sentences: list[tuple[int, int]], spans: list[_Span]) -> list[int]:
    """Index of the last sentence starting at or before each span (-1 before the first)."""
    firsts = [s for s, _ in sentences]
    right = bisect.bisect_right
    return [right(firsts, sp.start) - 1 for sp in spans]


_SHARED_SPLIT = WORD_SPLIT_PATTERN == SPLIT_PATTERN

_TAGGERS: dict[tuple, Tagger] = {}


def load_tagger(settings: TaggingSettings | None = None) -> Tagger:
    """A ready tagger (vocabulary from the cache when fresh); one per settings per process."""
    settings = settings or TaggingSettings()
    key = (str(settings.cache_dir), str(settings.extra_phrasings))
    tagger = _TAGGERS.get(key)
    if tagger is None:
        vocab = load_vocabulary(settings.cache_dir, settings.extra_phrasings)
        tagger = Tagger(vocab)
        _TAGGERS[key] = tagger
    return tagger
