"""Premature birth stated as a gestational age: "born at 32 weeks of gestation".

Case reports give prematurity as the week of birth more often than by name, and HPO defines
Premature birth by it (birth before 37 completed weeks). A late preterm birth (34 to 36 weeks)
is mostly stated as a date rather than a finding: five helpers who annotated abstracts without
seeing this rule left six of six such births unmarked, and marked one before 34 weeks. So the
line here is 34 weeks, where authors call a birth premature. Only a birth is read: a week of
gestation with no birth beside it dates a prenatal scan ("at 20 weeks of gestation, ultrasound
showed"), not the delivery. The finding is Premature birth whatever the week: HPO's grades
(extremely, very, moderate to late preterm) are younger than most annotated corpora, and an
evidence page lists prematurity as one symptom.
"""

from __future__ import annotations

import re

PREMATURE_BIRTH = "HP:0001622"
_PRETERM_WEEKS = 34  # see above: before 34 weeks, a birth is stated as prematurity

_BIRTH = re.compile(
    r"\b(?:born|delivered|birth)"
    r"(?:\s+(?:prematurely|preterm|early|vaginally|by\s+(?:emergency\s+)?c(?:a)?esarean"
    r"(?:\s+section)?))?"
    r"\s+(?P<rel>at|before)\s+"
    r"(?:(?:a\s+)?gestational\s+age\s+of\s+)?"
    r"(?P<weeks>\d{2})(?:\s*\+\s*\d|\.\d)?\s*(?:completed\s+)?(?:weeks?|wks?)\b"
    r"(?:['\u2019]?\s*(?:of\s+)?gestation(?:al\s+age)?\b)?",
    re.IGNORECASE,
)


def preterm_births(text: str) -> list[tuple[int, int, str]]:
    """(start, end, hpo_id) of each birth stated before 34 weeks, in text order."""
    if "week" not in text and "wk" not in text:
        return []
    out = []
    for m in _BIRTH.finditer(text):
        weeks = int(m.group("weeks"))
        limit = _PRETERM_WEEKS + 1 if m.group("rel").lower() == "before" else _PRETERM_WEEKS
        if 20 <= weeks < limit:  # "before 34 weeks" counts; "at 34 weeks" does not
            out.append((m.start(), m.end(), PREMATURE_BIRTH))
    return out
