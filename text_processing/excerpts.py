"""Document -> excerpts: the sentences that are evidence for (disease, symptom). Pure.

The whole document is tagged at once, so an abbreviation defined in the abstract's first
sentence is understood in its last; excerpts are then cut per sentence and kept per disease
only when the relevance rules (see `relevance`) say the sentence is about that disease.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from evidence.config import Disease
from evidence.records import Document, Excerpt, Mention
from text_processing.normalize import raw_words
from text_processing.relevance import (
    SCORE_CONTINUES,
    SCORE_NAMED,
    SCORE_NAMED_WITH_OTHER,
    DiseaseFinder,
    OtherDiseases,
    document_focus,
    load_other_disease_names,
    other_disease_clauses,
    other_disease_spans,
)
from text_processing.sections import classify
from text_processing.sentences import split_sentences
from text_processing.tagger import Tagger

PART_SEPARATOR = "\n\n"

# Prose has verbs; a run of link texts or menu items has none. Short function words that
# only occur in sentences, plus common verb endings, are enough to tell the two apart.
_PROSE_WORDS = frozenset(
    "is are was were be been being has have had do does did can could may might must shall "
    "should will would causes cause caused include includes including presents presented "
    "develops developed shows showed".split()
)
_MIN_NAV_WORDS = 6  # shorter lines without a full stop are headings or titles, kept
_LONG_WITHOUT_VERB = 40
_SMALL_WORDS = frozenset("a an and or of the in on at to for with by from vs".split())
# Adjective of a condition -> the condition: "diabetic" amyotrophy is a complication of diabetes.
_CONDITION_ADJECTIVE = (("ic", "es"), ("ic", "ia"), ("ic", "y"), ("ic", "ism"), ("ive", "ion"))


def looks_like_prose(sentence: str) -> bool:
    """False for navigation text that slipped through page extraction (link lists, menus).

    Such a line has no sentence-final punctuation and mostly title-case words ("Home About
    Us Diabetes Neuropathy Contact ..."), or runs very long without a single verb-like word.
    """
    words = raw_words(sentence)
    if len(words) < _MIN_NAV_WORDS:
        return True
    stripped = sentence.rstrip().rstrip("\"')\u201d\u2019]")
    if not stripped.endswith((".", "!", "?", ":", ";")):
        content = [w for w in words if w.lower() not in _SMALL_WORDS and w[0].isalpha()]
        titled = sum(w[0].isupper() for w in content)
        if content and titled / len(content) >= 0.6:
            return False
    if len(words) > _LONG_WITHOUT_VERB:
        lower = [w.lower() for w in words]
        if not any(w in _PROSE_WORDS or w.endswith(("ed", "es")) for w in lower):
            return False
    return True


def _condition_words(disease: Disease, lexicon: frozenset[str]) -> set[str]:
    """Conditions a disease is named after as a complication: 'diabetic' -> diabetes.

    Only adjectives of conditions (-ic, -ive) before the head of a name count; anatomical
    adjectives ('spinal muscular atrophy') name where the disease is, not what it complicates.
    """
    out: set[str] = set()
    for name in disease.names:
        words = [w.lower() for w in raw_words(name)]
        for w in words[:-1]:
            for suffix, repl in _CONDITION_ADJECTIVE:
                if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                    noun = w[: -len(suffix)] + repl
                    if noun in lexicon:
                        out.update((w, noun))
    return out


def _name_heads(disease: Disease, tagger: Tagger) -> set[str]:
    """Head words of the disease's premodified names: 'amyotrophy' of 'diabetic amyotrophy'."""
    heads = set()
    for name in disease.names:
        words = raw_words(name)
        if len(words) >= 2 and words[-1].lower() not in ("syndrome", "disease", "disorder"):
            heads.add(tagger.lemmatizer.key(words[-1]))
    return heads


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")


def _is_sibling_disease(
    m: Mention, sentence_start: int, text: str, heads: set[str], tagger: Tagger
) -> bool:
    """'neuralgic amyotrophy' next to 'diabetic amyotrophy': the head word, premodified, names
    another disease of the same kind, not the symptom the head word alone would be."""
    words = raw_words(m.text)
    if len(words) != 1 or tagger.lemmatizer.key(words[0]) not in heads:
        return False
    before = _WORD_BEFORE.search(text, sentence_start, m.start)
    return before is not None and before.group(1).lower() not in _SMALL_WORDS


@dataclass(slots=True)
class _Sentence:
    index: int
    part: int
    heading: str
    start: int  # offsets in the joined document text
    end: int
    prose: bool = True  # False for navigation runs (link lists), which are never evidence


def _join_parts(document: Document) -> tuple[str, list[tuple[str, int, int]]]:
    """Title and sections as one text, with (heading, start, end) of each part."""
    parts: list[tuple[str, int, int]] = []
    chunks: list[str] = []
    pos = 0
    for heading, text in [("", document.title)] + [(s.heading, s.text) for s in document.sections]:
        if not text.strip():
            continue
        if chunks:
            chunks.append(PART_SEPARATOR)
            pos += len(PART_SEPARATOR)
        chunks.append(text)
        parts.append((heading, pos, pos + len(text)))
        pos += len(text)
    return "".join(chunks), parts


def _sentences(text: str, parts: list[tuple[str, int, int]]) -> list[_Sentence]:
    out: list[_Sentence] = []
    for part_no, (heading, p0, p1) in enumerate(parts):
        for s, e in split_sentences(text[p0:p1]):
            # the title (part 0) is exempt: titles are title-case and have no full stop
            prose = part_no == 0 or looks_like_prose(text[p0 + s : p0 + e])
            out.append(_Sentence(len(out), part_no, heading, p0 + s, p0 + e, prose))
    return out


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for s, e in spans)


def _pick(mentions: list[Mention]) -> dict[str, Mention]:
    """One mention per HPO id in a sentence; a positive one is preferred as the evidence."""
    chosen: dict[str, Mention] = {}
    for m in mentions:
        if not m.hpo_id:
            continue
        old = chosen.get(m.hpo_id)
        if old is None or (m.is_positive and not old.is_positive):
            chosen[m.hpo_id] = m
    return chosen


def extract_excerpts(
    document: Document,
    diseases: list[Disease],
    tagger: Tagger,
    min_relevance: float = 0.5,
) -> list[Excerpt]:
    """Excerpts for every configured disease the document's sentences are relevant to."""
    text, parts = _join_parts(document)
    if not parts:
        return []
    sentences = _sentences(text, parts)
    mentions = tagger.tag(text)
    curated = load_other_disease_names()
    out: list[Excerpt] = []
    for disease in diseases:
        finder = DiseaseFinder.for_document(disease, text)
        own_names = {n.casefold() for n in disease.names}
        others = OtherDiseases(
            [n for n in curated if n.casefold() not in own_names]
            + [n for d in diseases if d is not disease for n in d.names]
        )
        focus, focus_reason = document_focus(document, finder)
        own_mentions = _own_symptoms(disease, tagger, text, sentences, mentions)
        out.extend(
            _excerpts_for(
                document,
                disease,
                finder,
                others,
                focus,
                focus_reason,
                text,
                sentences,
                own_mentions,
                min_relevance,
            )
        )
    return out


def _own_symptoms(
    disease: Disease,
    tagger: Tagger,
    text: str,
    sentences: list[_Sentence],
    mentions: list[Mention],
) -> list[Mention]:
    """Mentions that can be symptoms of this disease, in text order.

    Dropped: the condition a disease is named after as its complication (type 2 diabetes on a
    diabetic amyotrophy page is the setting, not a symptom), and the disease name's head word
    premodified as another disease ('neuralgic amyotrophy').
    """
    conditions = _condition_words(disease, tagger.vocab.lexicon)
    heads = _name_heads(disease, tagger)
    if not conditions and not heads:
        return mentions
    starts = [s.start for s in sentences]
    out = []
    for m in mentions:
        if conditions and conditions.intersection(w.lower() for w in raw_words(m.label)):
            continue
        if heads:
            i = bisect.bisect_right(starts, m.start) - 1
            s0 = sentences[i].start if i >= 0 else 0
            if _is_sibling_disease(m, s0, text, heads, tagger):
                continue
        out.append(m)
    return out


def _excerpts_for(
    document: Document,
    disease: Disease,
    finder: DiseaseFinder,
    others: OtherDiseases,
    focus: float,
    focus_reason: str,
    text: str,
    sentences: list[_Sentence],
    mentions: list[Mention],
    min_relevance: float,
) -> list[Excerpt]:
    out: list[Excerpt] = []
    topic = ""  # "this" | "other" | "": what the running text of the current part is about
    previous_named = False
    part = -1
    m_i = 0
    for sent in sentences:
        sentence = text[sent.start : sent.end]
        if sent.part != part:
            part = sent.part
            previous_named = False
            topic = ""
            if sent.heading and finder.mentioned_in(sent.heading):
                topic = "this"
            elif sent.heading and others.spans(sent.heading):
                topic = "other"
        if not sent.prose:
            continue
        own = finder.spans(sentence)
        other = other_disease_spans(sentence, others, own)
        in_sentence: list[Mention] = []
        while m_i < len(mentions) and mentions[m_i].start < sent.start:
            m_i += 1
        j = m_i
        while j < len(mentions) and mentions[j].start < sent.end:
            m = mentions[j]
            a, b = m.start - sent.start, min(m.end, sent.end) - sent.start
            if not _overlaps(a, b, own) and not _overlaps(a, b, other):
                in_sentence.append(m)
            j += 1
        score, reason = 0.0, ""
        if own and other:
            # A comparison ("unlike CIDP, diabetic amyotrophy ...") is weaker evidence than a
            # sentence about the disease alone: it stays, ranked below those, without the
            # symptoms of the other disease's clause.
            score = SCORE_NAMED_WITH_OTHER
            reason = f"sentence names {disease.name} and another disease"
            in_sentence = _outside_other_clauses(sentence, sent.start, own, other, in_sentence)
        elif own:
            score, reason = SCORE_NAMED, f"sentence names {disease.name}"
        elif other:
            score, reason = 0.0, ""
        elif focus > 0 and topic != "other":
            score, reason = focus, f"{focus_reason}; sentence in a part about it"
        elif previous_named:
            score, reason = SCORE_CONTINUES, f"follows a sentence naming {disease.name}"
        if own:
            topic = "this"
        elif other:
            topic = "other"
        previous_named = bool(own)
        if score < min_relevance or score == 0.0:
            continue
        for hpo_id, m in _pick(in_sentence).items():
            out.append(
                _excerpt(
                    document, disease, hpo_id, m, sent, sentence, sentences, text, score, reason
                )
            )
    return out


def _outside_other_clauses(
    sentence: str,
    offset: int,
    own: list[tuple[int, int]],
    other: list[tuple[int, int]],
    mentions: list[Mention],
) -> list[Mention]:
    """The mentions of a comparison that do not start in a clause about the other disease."""
    spans = [(m.start - offset, m.end - offset) for m in mentions]
    theirs = other_disease_clauses(sentence, own, other, spans)
    return [m for m, (a, _) in zip(mentions, spans, strict=True) if not _overlaps(a, a + 1, theirs)]


def _neighbour(sentences: list[_Sentence], sent: _Sentence, step: int, text: str) -> str:
    i = sent.index + step
    if 0 <= i < len(sentences) and sentences[i].part == sent.part and sentences[i].prose:
        return text[sentences[i].start : sentences[i].end]
    return ""


def _excerpt(
    document: Document,
    disease: Disease,
    hpo_id: str,
    m: Mention,
    sent: _Sentence,
    sentence: str,
    sentences: list[_Sentence],
    text: str,
    score: float,
    reason: str,
) -> Excerpt:
    start = m.start - sent.start
    end = min(m.end, sent.end) - sent.start
    return Excerpt(
        doc_id=document.doc_id,
        disease=disease.name,
        hpo_id=hpo_id,
        symptom=m.label,
        text=sentence,
        sentence_index=sent.index,
        section_heading=sent.heading,
        section=classify(sentence, sent.heading),
        mention_start=start,
        mention_end=end,
        mention_text=sentence[start:end],
        negated=m.negated,
        uncertain=m.uncertain,
        hypothetical=m.hypothetical,
        historical=m.historical,
        experiencer=m.experiencer,
        relevance=score,
        relevance_reason=reason,
        context_before=_neighbour(sentences, sent, -1, text),
        context_after=_neighbour(sentences, sent, 1, text),
    )
