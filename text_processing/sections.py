"""Which part of a disease page a sentence belongs to: from its heading, else its cue words.

Published pages group excerpts under presentation, workup, treatment ... A heading is the
author's own label and wins; abstracts' "BACKGROUND"/"RESULTS" and untitled text say little,
so the sentence's own cue words decide, and presentation is the default for a symptom sentence.
"""

from __future__ import annotations

import re

SECTIONS = (
    "presentation",
    "workup",
    "treatment",
    "prognosis",
    "etiology",
    "epidemiology",
    "pathophysiology",
    "prevention",
)

# Heading words, checked in this order (a "Diagnosis and treatment" heading is workup).
_HEADING_CUES: list[tuple[str, str]] = [
    ("prevention", r"prevent|prophyla|avoid"),
    ("epidemiology", r"epidemiolog|prevalen|incidence|who gets|how common|frequency|demograph"),
    ("pathophysiology", r"pathophysiol|pathogen|mechanism|patholog|how .* works"),
    ("etiology", r"\bcause|etiolog|aetiolog|risk factor|genetic|inherit|why"),
    ("prognosis", r"prognos|outlook|outcome|course|surviv|recover|life expectancy|complication"),
    ("treatment", r"treat|therap|manag|medication|surgery|surgical|care\b|intervention|drug"),
    ("workup", r"diagnos|test|exam|investigat|work-?up|imaging|evaluat|laborator|screening"),
    (
        "presentation",
        r"symptom|sign|feature|present|manifest|clinical|case|finding|complain|phenotype",
    ),
]

# Sentence cue words, used when the heading is silent; first hit wins.
_SENTENCE_CUES: list[tuple[str, str]] = [
    ("prevention", r"\bprevent(?:s|ed|ing|ion)?\b|\bavoid(?:s|ed|ing)?\b|prophyla"),
    ("epidemiology", r"\bprevalence\b|\bincidence\b|\bper 100,?000\b|\bmost common in\b"),
    ("treatment", r"\btreat(?:ed|ment|ing|s)?\b|\btherap|\bdrug\b|\bmedication|\bsurgery\b"),
    (
        "workup",
        r"\bdiagnos|\bbiopsy\b|\bmri\b|\bct\b|\bemg\b|electromyograph|nerve conduction|"
        r"\btest(?:s|ing)?\b|\bscan\b|\blaboratory\b|\bexamination\b",
    ),
    ("prognosis", r"\bprognosis\b|\brecover(?:y|ed|s)?\b|\boutcome|\bsurvival\b|\bimprove"),
    ("pathophysiology", r"\bmechanism|\bpathogenesis\b|\bpathophysiolog|\binflammation of\b"),
    ("etiology", r"\bcaused by\b|\bcauses?\b|\brisk factor|\bgenetic\b|\bmutation|\bdue to\b"),
]

_HEADING_RE = [(label, re.compile(p, re.I)) for label, p in _HEADING_CUES]
_SENTENCE_RE = [(label, re.compile(p, re.I)) for label, p in _SENTENCE_CUES]
_SILENT_HEADINGS = re.compile(
    r"^(?:background|introduction|abstract|summary|overview|results?|conclusions?|discussion|"
    r"objectives?|aims?|purpose|methods?|context|importance|what is .*|about .*|)$",
    re.I,
)


def heading_section(heading: str) -> str:
    """The section a heading names, or "" when it names none."""
    h = heading.strip()
    if not h or _SILENT_HEADINGS.match(h):
        return ""
    for label, rx in _HEADING_RE:
        if rx.search(h):
            return label
    return ""


def classify(sentence: str, heading: str = "") -> str:
    """The page section for a sentence under `heading`."""
    label = heading_section(heading)
    if label:
        return label
    for label, rx in _SENTENCE_RE:
        if rx.search(sentence):
            return label
    return "presentation"
