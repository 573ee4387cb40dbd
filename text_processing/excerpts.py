"""Document -> excerpts: the sentences that are evidence for (disease, symptom). Pure.

The whole document is tagged at once, so an abbreviation defined in the abstract's first
sentence is understood in its last; excerpts are then cut per sentence and kept per disease
only when the relevance rules (see `relevance`) say the sentence is about that disease.
"""

from __future__ import annotations

from dataclasses import dataclass

from evidence.config import Disease
from evidence.records import Document, Excerpt, Mention
from text_processing.relevance import (
    SCORE_CONTINUES,
    SCORE_NAMED,
    DiseaseFinder,
    OtherDiseases,
    document_focus,
    load_other_disease_names,
    other_disease_spans,
)
from text_processing.sections import classify
from text_processing.sentences import split_sentences
from text_processing.tagger import Tagger

PART_SEPARATOR = "\n\n"


@dataclass(slots=True)
class _Sentence:
    index: int
    part: int
    heading: str
    start: int  # offsets in the joined document text
    end: int


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
            out.append(_Sentence(len(out), part_no, heading, p0 + s, p0 + e))
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
                mentions,
                min_relevance,
            )
        )
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
        if own:
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


def _neighbour(sentences: list[_Sentence], sent: _Sentence, step: int, text: str) -> str:
    i = sent.index + step
    if 0 <= i < len(sentences) and sentences[i].part == sent.part:
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
