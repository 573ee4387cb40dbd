"""Does a sentence speak about this disease? Names, local abbreviations, and document focus.

The reference page we must beat files a sentence about spinal muscular atrophy on a diabetic
amyotrophy page. The rules here decide relevance per (sentence, disease) with a score and a
reason an editor can read, and keep sentences about another disease out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from evidence.config import Disease
from evidence.records import Document
from text_processing.abbreviations import find_abbreviations

OTHER_DISEASES_FILE = Path(__file__).parent / "data" / "other_diseases.txt"

SCORE_NAMED = 1.0
SCORE_NAMED_WITH_OTHER = 0.7  # names the disease and another one: a comparison
SCORE_ABOUT_TITLE = 0.8
SCORE_ABOUT_HEADING = 0.75
SCORE_CONTINUES = 0.6

# A sentence that continues talking about the disease named just before: "It causes ...".
_CONTINUATION = re.compile(
    r"^\s*(?:it|this|these|the|such|affected|in (?:these|such|this|affected))\b"
    r"(?:\s+(?:condition|disorder|disease|syndrome|patients?|people|individuals|cases?))?",
    re.I,
)
# Named diseases not in any list: "Kennedy disease", "Lambert-Eaton syndrome".
_EPONYM = re.compile(
    r"\b(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?:'s)?\s+){1,3}(?:disease|syndrome|palsy)\b"
)


def _name_pattern(name: str) -> str:
    words = re.findall(r"[^\W_]+", name)
    body = r"(?:[\s\-/]+|'s\s+|’s\s+)".join(re.escape(w) for w in words)
    return body + r"(?:e?s)?"


def _compile_names(names: list[str]) -> re.Pattern[str] | None:
    names = [n for n in names if n.strip()]
    if not names:
        return None
    alts = sorted({_name_pattern(n) for n in names}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)


def load_other_disease_names(path: Path = OTHER_DISEASES_FILE) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


@dataclass
class DiseaseFinder:
    """Finds one configured disease in a document: its names and the abbreviations defined."""

    disease: Disease
    names: re.Pattern[str] | None
    shorts: re.Pattern[str] | None  # abbreviations defined for it in this document

    @classmethod
    def for_document(cls, disease: Disease, full_text: str) -> DiseaseFinder:
        names = _compile_names(disease.names)
        shorts: list[str] = []
        if names is not None:
            for abbr in find_abbreviations(full_text):
                if names.fullmatch(abbr.long.strip()) or names.search(abbr.long):
                    shorts.append(abbr.short)
        short_re = None
        if shorts:
            alts = "|".join(re.escape(s) for s in sorted(set(shorts), key=len, reverse=True))
            short_re = re.compile(r"(?<![\w-])(?:" + alts + r")s?(?![\w-])")  # case-sensitive
        return cls(disease, names, short_re)

    def spans(self, text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for rx in (self.names, self.shorts):
            if rx is not None:
                out.extend((m.start(), m.end()) for m in rx.finditer(text))
        return sorted(out)

    def mentioned_in(self, text: str) -> bool:
        return any(rx is not None and rx.search(text) for rx in (self.names, self.shorts))


class OtherDiseases:
    """Names of diseases other than the one at hand: curated list, other configured diseases."""

    def __init__(self, names: list[str]) -> None:
        self.pattern = _compile_names(names)

    def spans(self, text: str) -> list[tuple[int, int]]:
        out = []
        if self.pattern is not None:
            out.extend((m.start(), m.end()) for m in self.pattern.finditer(text))
        out.extend((m.start(), m.end()) for m in _EPONYM.finditer(text))
        return out


def other_disease_spans(
    text: str, others: OtherDiseases, own: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Other-disease names in `text` that are not part of this disease's own names."""
    return [
        (s, e)
        for s, e in others.spans(text)
        if not any(os < e and s < oe for os, oe in own)  # "diabetic amyotrophy" holds no other
    ]


@dataclass(frozen=True, slots=True)
class Relevance:
    score: float
    reason: str


def document_focus(document: Document, finder: DiseaseFinder) -> tuple[float, str]:
    """How strongly the whole document is about the disease, with the evidence for it."""
    if finder.mentioned_in(document.title):
        return SCORE_ABOUT_TITLE, "document title names it"
    wanted = {m.casefold() for m in finder.disease.mesh} | {
        n.casefold() for n in finder.disease.names
    }
    for term in document.mesh_terms:
        if term.casefold().split("/")[0].strip() in wanted:
            return SCORE_ABOUT_TITLE, f"document MeSH term {term!r}"
    for section in document.sections:
        if section.heading and finder.mentioned_in(section.heading):
            return SCORE_ABOUT_HEADING, f"heading {section.heading!r} names it"
    return 0.0, ""


# Where a comparison turns from one disease to the other: "..., whereas ...", "but", "than".
_CONTRAST = re.compile(
    r";|\b(?:whereas|while|but|however|although|unlike|than|in contrast(?: to)?|"
    r"compared (?:with|to)|as opposed to)\b",
    re.I,
)
# A clause that refers back to a symptom of the other clause has its own subject: "whereas
# they are uncommon in diabetic amyotrophy" says nothing positive about "fasciculations".
_ANAPHOR = re.compile(r"\b(?:they|it|these|this|those|which|such)\b", re.I)


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """The sentence cut before every contrast word (and at ";"), in order."""
    cuts = [0, *(m.start() for m in _CONTRAST.finditer(sentence) if m.start() > 0), len(sentence)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if a < b]


def other_disease_clauses(
    sentence: str,
    own: list[tuple[int, int]],
    other: list[tuple[int, int]],
    mentions: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Clauses of a comparison whose symptoms belong to the other disease, not to this one.

    "Fasciculations are frequent in SMA, whereas they are uncommon in diabetic amyotrophy":
    the first clause names only the other disease, and the clause naming ours has a subject of
    its own (a pronoun or a symptom), so "fasciculations" is SMA's. In "Thigh pain is unusual
    in CIDP but common in diabetic amyotrophy" our clause has no subject: the symptom is shared
    and stays (ranked as a comparison).
    """
    clauses = clause_spans(sentence)

    def inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
        return any(a <= s < b for s, _ in spans)

    own_clauses = [(a, b) for a, b in clauses if inside(own, a, b)]
    independent = any(
        _ANAPHOR.search(sentence, a, b) or inside(mentions, a, b) for a, b in own_clauses
    )
    if not independent:
        return []
    return [(a, b) for a, b in clauses if inside(other, a, b) and not inside(own, a, b)]
