"""The symptom tagger: HPO matching + document abbreviations + context flags, one entry point.

`evidence tag`, `evidence eval` and the pipeline's `extract_excerpts` all call `Tagger.tag`, so
what is measured is what is shipped.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from evidence.config import TaggingSettings
from evidence.records import Mention
from text_processing.abbreviations import find_abbreviations, occurrences
from text_processing.context import ContextFlags, apply_context, find_triggers
from text_processing.matcher import Match, coordinated, find_matches
from text_processing.normalize import Lemmatizer, fold, tokenize
from text_processing.sentences import split_sentences
from text_processing.vocabulary import Vocabulary, load_vocabulary

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
    def _spans(self, text: str, nested: bool) -> list[_Span]:
        starts, ends, keys, limits = tokenize(text, self.lemmatizer)
        matches: list[Match] = find_matches(self.vocab, text, starts, ends, keys, limits, nested)
        # Nested single words ("carcinoma" in "basal cell carcinoma") are heads, not concepts
        # of their own; nested ancestors of the outer term are implied by it.
        matches = [
            m
            for m in matches
            if not m.nested or (m.last - m.first > 1 and not self._implied_by_outer(m, matches))
        ]
        matches.extend(coordinated(self.vocab, keys, limits, matches))
        spans = [
            _Span(starts[m.first], ends[m.last - 1], m.hpo_id, m.priority, m.nested)
            for m in matches
        ]
        if "(" in text:
            spans = self._expand_abbreviations(text, spans)
        return spans

    def _implied_by_outer(self, inner: Match, matches: list[Match]) -> bool:
        """'carcinoma' inside 'basal cell carcinoma' is an ancestor: implied, not a new concept."""
        for outer in matches:
            if (
                not outer.nested
                and outer.first <= inner.first
                and inner.last <= outer.last
                and inner.hpo_id in self.vocab.ancestors(outer.hpo_id)
            ):
                return True
        return False

    def _expand_abbreviations(self, text: str, spans: list[_Span]) -> list[_Span]:
        """Short forms defined in this text get the HPO id of their long form."""
        for abbr in find_abbreviations(text):
            long_ids = [
                s.hpo_id
                for s in spans
                if s.start == abbr.long_start and s.end == abbr.long_end and not s.nested
            ]
            if not long_ids:
                keys = tokenize(abbr.long, self.lemmatizer)[2]
                hit = self.vocab.terms.get(tuple(keys))
                if hit is None:
                    continue
                long_ids = [hit[0]]
            close = text.find(")", abbr.long_end)  # uses after the "(SF)" definition itself
            for s, e in occurrences(text, abbr.short, after=close + 1):
                spans = [x for x in spans if x.end <= s or x.start >= e]
                spans.append(_Span(s, e, long_ids[0], 0))
        spans.sort(key=lambda x: (x.start, -x.end))
        return spans

    def _drop_generic(self, spans: list[_Span], sentences: list[tuple[int, int]]) -> list[_Span]:
        """'Pain' on its own goes when the same sentence names a more specific kind of pain."""
        out = []
        for sp in spans:
            if sp.hpo_id in GENERIC_TERMS and not sp.nested:
                sent = _sentence_of(sentences, sp.start)
                if any(
                    o is not sp
                    and _sentence_of(sentences, o.start) == sent
                    and sp.hpo_id in self.vocab.ancestors(o.hpo_id)
                    for o in spans
                ):
                    continue
            out.append(sp)
        return out

    def tag(self, text: str, nested: bool = False) -> list[Mention]:
        """Symptom mentions with offsets into `text` and context flags, in text order."""
        spans = self._spans(text, nested)
        if not spans:
            return []
        sentences = split_sentences(text)
        if not nested:
            spans = self._drop_generic(spans, sentences)
        return self._with_context(text, spans, sentences)

    def tag_targets(self, text: str, targets: list[tuple[int, int]]) -> list[Mention]:
        """One mention per given span: context flags always, hpo_id "" when no term matches."""
        sentences = split_sentences(text)
        spans = []
        for s, e in targets:
            keys = tokenize(text[s:e], self.lemmatizer)[2]
            hit = self.vocab.terms.get(tuple(keys))
            spans.append(_Span(s, e, hit[0] if hit else "", 0))
        return self._with_context(text, spans, sentences, keep_order=True)

    def _with_context(
        self,
        text: str,
        spans: list[_Span],
        sentences: list[tuple[int, int]],
        keep_order: bool = False,
    ) -> list[Mention]:
        by_sentence: dict[int, list[int]] = {}
        for i, sp in enumerate(spans):
            by_sentence.setdefault(_sentence_of(sentences, sp.start), []).append(i)
        mentions: list[Mention | None] = [None] * len(spans)
        for sent_idx, idxs in by_sentence.items():
            if sent_idx >= 0:
                s0, s1 = sentences[sent_idx]
            else:
                s0, s1 = 0, len(text)
            sentence = text[s0:s1]
            triggers = find_triggers(sentence)
            local = [(spans[i].start - s0, min(spans[i].end, s1) - s0) for i in idxs]
            if triggers:
                all_flags = apply_context(sentence, local, triggers)
            else:
                all_flags = [ContextFlags() for _ in idxs]
            for i, flags in zip(idxs, all_flags, strict=True):
                sp = spans[i]
                mentions[i] = Mention(
                    start=sp.start,
                    end=sp.end,
                    text=text[sp.start : sp.end],
                    hpo_id=sp.hpo_id,
                    label=self.vocab.labels.get(sp.hpo_id, ""),
                    negated=flags.negated,
                    uncertain=flags.uncertain,
                    hypothetical=flags.hypothetical,
                    historical=flags.historical,
                    experiencer=flags.experiencer,
                )
        out = [m for m in mentions if m is not None]
        if not keep_order:
            out.sort(key=lambda m: (m.start, -m.end))
        return out

    def fold(self, word: str) -> str:
        return fold(word)


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> int:
    i = bisect.bisect_right(sentences, (pos, float("inf"))) - 1
    return i if i >= 0 and pos < sentences[i][1] else (i if i >= 0 else -1)


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
