"""Growth measurements stated against a centile or a standard deviation.

Case reports give short stature as "height below the 3rd centile" or "height -2.8 SD", and
microcephaly as "head circumference of -3 SD"; no HPO name holds those words. HPO's own
definitions draw the line at the 3rd centile or 2 SD (the 10th for size at birth), so a value
beyond that line is the finding: below it the Decreased term of the measure, above the 97th
centile or +2 SD the Increased one. A value inside the normal range ("height on the 50th
centile", "-1 SD") is no finding.
"""

from __future__ import annotations

import re

# measure -> (term when low, term when high)
_MEASURES = {
    "head circumference": ("HP:0040195", "HP:0040194"),
    "occipitofrontal circumference": ("HP:0040195", "HP:0040194"),
    "ofc": ("HP:0040195", "HP:0040194"),
    "height": ("HP:0004322", "HP:0000098"),
    "stature": ("HP:0004322", "HP:0000098"),
    "body length": ("HP:0004322", "HP:0000098"),
    "supine length": ("HP:0004322", "HP:0000098"),
    "birth length": ("HP:0003561", "HP:0003517"),  # less than 3rd / greater than 97th centile
    "weight": ("HP:0004325", "HP:0004324"),
    "body weight": ("HP:0004325", "HP:0004324"),
    "birth weight": ("HP:0001518", "HP:0001520"),  # small / large for gestational age
    "bmi": ("HP:0045082", "HP:0031418"),
    "body mass index": ("HP:0045082", "HP:0031418"),
}
_ORDINAL_WORDS = {"first": "1", "second": "2", "third": "3", "fifth": "5", "tenth": "10"}
_PATTERN = re.compile(
    r"\b(?P<measure>head\s++circumference|occipitofrontal\s++circumference|OFC|body\s++mass\s++index"
    r"|BMI|birth\s++weight|body\s++weight|(?:birth|body|supine)\s++length|height|stature|weight)"
    # "was", "of", "fell to"; a value with its unit before a bracket: "140 cm (-2.5 SD)"
    r"(?:\s++(?:was|were|is|are|remained|fell|measured|of|at|on|to)){0,3}"
    r"(?:\s++\d+(?:\.\d+)?\s*+(?:cm|mm|kg|g|kg/m2))?\s*+[(,]?\s*+"
    r"(?:(?P<dir>below|under|less\s++than|lower\s++than|<|above|over|greater\s++than"
    r"|higher\s++than|>)\s*+)?"
    r"(?:(?:the\s++)?(?P<n>\d+(?:\.\d+)?|first|second|third|fifth|tenth)(?:st|nd|rd|th)?"
    r"\s++(?:per)?centiles?\b"
    r"|(?P<sign>[-\u2212\u2013+])\s?(?P<sd>\d+(?:\.\d+)?)\s?"
    r"(?:SDS?|SD\s++scores?|standard\s++deviations?)\b"
    # "3 SD below the mean", "2.5 standard deviations above the mean"
    r"|(?P<usd>\d+(?:\.\d+)?)\s?(?:SDS?|standard\s++deviations?)\s++(?P<side>below|under|above"
    r"|over)\s++(?:the\s++)?(?:mean|average|normal)\b)",
    re.IGNORECASE,
)
_LOW_WORDS = frozenset({"below", "under", "less than", "lower than", "<"})
# Words that may stand before the measure: "femur length", "telomere length" measure no body.
_BEFORE_MEASURE = frozenset(
    "the his her their its a an s adult final body standing current mean and with".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")


def measurement_findings(text: str) -> list[tuple[int, int, str]]:
    """(start, end, hpo_id) of each measurement beyond the normal range, in text order."""
    if not ("centile" in text or "SD" in text or "standard deviation" in text):
        return []
    out: list[tuple[int, int, str]] = []
    for m in _PATTERN.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is not None and before.group(1).lower() not in _BEFORE_MEASURE:
            continue
        measure = " ".join(m.group("measure").lower().split())
        low_id, high_id = _MEASURES[measure]
        direction = " ".join((m.group("dir") or "").lower().split())
        if m.group("n") is not None:  # "below the 3rd centile"
            raw = m.group("n").lower()
            n = float(_ORDINAL_WORDS.get(raw, raw))
            at_birth = measure == "birth weight"
            low_line, high_line = (10, 90) if at_birth else (3, 97)
            if direction:
                low = direction in _LOW_WORDS
                beyond = n <= low_line if low else n >= high_line
            else:  # "on the 1st centile"
                low = n < low_line
                beyond = low or n > high_line
        elif m.group("usd") is not None:  # "3 SD below the mean"
            low = m.group("side").lower() in _LOW_WORDS
            beyond = float(m.group("usd")) >= 2
        else:  # "-2.5 SD", "below -2 SD"
            low = m.group("sign") != "+"
            beyond = float(m.group("sd")) >= 2
            if direction and (direction in _LOW_WORDS) != low:
                beyond = False  # "above -2 SD" says the value is not low
        if beyond:
            end = m.end()
            if end < len(text) and text[end] == ")" and "(" in m.group(0):
                end += 1  # "height 140 cm (-2.8 SD)": the bracket closes in the mention
            out.append((m.start(), end, low_id if low else high_id))
    return out
