"""Laboratory names read from HPO's own definitions.

Many metabolite terms have only a Greek-Latin name ("Hyperserinemia", "Hypofibrinogenemia")
while abstracts write "high serine levels" or "low fibrinogen". Their definitions say it plainly
and in one shape: "An increased concentration of serine in the blood." From such a definition
this module makes the name a laboratory term would have ("Increased circulating serine
concentration"); the vocabulary lists it below every name and synonym HPO gives, and the
laboratory phrasings (`phrasing_variants.lab_variants`) grow from it like from any other.
Only definitions that are that one plain sentence count.
"""

from __future__ import annotations

import re

_DIRECTIONS = {
    "increased": "Increased",
    "elevated": "Increased",
    "high": "Increased",
    "decreased": "Decreased",
    "reduced": "Decreased",
    "low": "Decreased",
}
_FLUIDS = {
    "blood": "circulating",
    "blood circulation": "circulating",
    "circulation": "circulating",
    "serum": "circulating",
    "plasma": "circulating",
    "urine": "urine",
    "cerebrospinal fluid": "CSF",
    "csf": "CSF",
}
_PLAIN_LAB = re.compile(
    r"^(?:an?\s+)?(?:abnormally\s+)?(?P<dir>increased|elevated|decreased|reduced|high|low)\s+"
    r"(?:concentration|level|amount)s?\s+of\s+(?P<analyte>[a-z0-9][\w\-, ']*?)\s+in\s+"
    r"(?:the\s+)?(?P<fluid>blood circulation|blood|circulation|serum|plasma|urine|"
    r"cerebrospinal fluid|csf)(?:\s+\(csf\))?\.?$",
    re.IGNORECASE,
)
_MAX_ANALYTE_WORDS = 4


def lab_name(definition: str) -> str:
    """'Increased circulating serine concentration' for 'An increased concentration of serine
    in the blood.'; '' when the definition is not that one plain sentence."""
    m = _PLAIN_LAB.match(definition.strip())
    if m is None:
        return ""
    analyte = re.sub(r"^[LD]-(?=[a-z])", "", m.group("analyte"))  # "L-phenylalanine"
    if "," in analyte or len(analyte.split()) > _MAX_ANALYTE_WORDS:
        return ""
    direction = _DIRECTIONS[m.group("dir").lower()]
    fluid = _FLUIDS[m.group("fluid").lower()]
    return f"{direction} {fluid} {analyte} concentration"
