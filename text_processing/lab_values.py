"""Laboratory values, vital signs and IQ scores stated as numbers beyond a reference line.

Case reports write "platelet count was 45,000/uL", "serum sodium 125 mmol/L", "IQ of 55" or
"blood pressure 180/110 mmHg" where a summary would write thrombocytopenia, hyponatremia, mild
intellectual disability or hypertension; no HPO name holds those words. Only lines that hold at
every age past infancy are drawn, so a value is a finding for a child and an adult alike:
heart and breathing rates, whose normal range moves with age, are left out, and so are low
blood pressure and low BMI; high glucose only from the line that holds fasting or not. A
value inside the range is no finding. Each line is the one the finding's own definition or the
common clinical cut-off gives (IQ grades by the DSM bands, ejection fraction grades by HPO's
definitions).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_NUMBER = r"(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_LINK = (
    r"(?:\s++(?:was|were|is|are|of|at|remained|measured|fell\s++to|rose\s++to|to))*\s*+[:=]?\s*+"
)


def _iq(v: float, _: str) -> str | None:
    if v < 20:
        return "HP:0002187"  # profound
    if v < 35:
        return "HP:0010864"  # severe
    if v < 50:
        return "HP:0002342"  # moderate
    if v < 70:
        return "HP:0001256"  # mild
    if v < 85:
        return "HP:0006889"  # borderline
    return None


def _bmi(v: float, _: str) -> str | None:
    return "HP:0001513" if v >= 30 else None  # obese at any age past infancy


def _platelets(v: float, unit: str) -> str | None:
    # "45 x 10^9/L", "45 x 10^3/uL" and "45 K/uL" all count thousands per microliter
    per_ul = v * 1000 if unit.lower().startswith(("x", "×", "k")) or v < 2000 else v
    if per_ul < 150_000:
        return "HP:0001873"
    if per_ul > 450_000:
        return "HP:0001894"
    return None


def _sodium(v: float, _: str) -> str | None:
    return "HP:0002902" if v < 135 else "HP:0003228" if v > 145 else None


def _potassium(v: float, _: str) -> str | None:
    return "HP:0002900" if v < 3.5 else "HP:0002153" if v > 5.5 else None


def _hemoglobin(v: float, unit: str) -> str | None:
    g_dl = v / 10 if unit.lower().startswith("g/l") else v
    return "HP:0001903" if g_dl < 9 else None  # anemic at any age, the neonatal nadir included


def _temperature(v: float, unit: str) -> str | None:
    celsius = (v - 32) * 5 / 9 if "f" in unit.lower() else v
    return "HP:0001945" if 38.0 <= celsius < 42 else None  # 42 C and up: a culture, no patient


def _ammonia(v: float, unit: str) -> str | None:
    micromol = v * 0.587 if "g/" in unit.lower() else v  # ug/dL -> umol/L
    return "HP:0001987" if micromol > 50 else None  # newborns reach ~100: a line past infancy


def _albumin(v: float, unit: str) -> str | None:
    g_l = v * 10 if unit.lower().endswith("dl") else v
    return "HP:0003073" if g_l < 35 else None


def _creatinine(v: float, unit: str) -> str | None:
    mg_dl = v if "mg" in unit.lower() else v / 88.4
    return "HP:0003259" if mg_dl > 1.3 else None  # above the adult man's range: high at any age


def _glucose(v: float, unit: str) -> str | None:
    mmol = v / 18 if "mg" in unit.lower() else v
    if mmol < 3.0:
        return "HP:0001943"
    # high only from the line that holds fasting or not (11.1 mmol/L, 200 mg/dL): the fasting
    # line (7.0) would call a normal meal's glucose a finding
    return "HP:0003074" if 11.1 <= mmol < 100 else None


def _ige(v: float, _: str) -> str | None:
    return "HP:0003212" if v > 1000 else None  # above the range of every age past infancy


def _ejection_fraction(v: float, _: str) -> str | None:
    if v >= 50 or v <= 0:
        return None
    if v < 30:
        return "HP:0012666"  # severely reduced, as HPO's definitions grade it
    if v < 40:
        return "HP:0012665"
    return "HP:0012663"


def _qtc(v: float, _: str) -> str | None:
    return "HP:0005184" if 470 <= v < 1000 else None  # prolonged for men, women and children


_MICROMOL = r"(?:µ|μ|u|micro)mol/\s*+[lL]"
# a blood measure, not the urine's or the spinal fluid's
_NOT_OTHER_FLUID = r"(?<!urine\s)(?<!urinary\s)(?<!CSF\s)(?<!csf\s)"

# (words one of which the text must hold, measure pattern, unit pattern, rule): the unit is
# required where the number alone is ambiguous ("sodium 2 g" is a dose), optional where the
# measure has one scale (IQ, BMI); the words (as written, no lowering) are a cheap test
# run before the pattern
_MEASURES: list[tuple[tuple[str, ...], str, str, Callable[[float, str], str | None]]] = [
    (
        ("IQ", "ntelligence quotient"),
        r"(?:full[\s-]scale\s++)?IQ(?:\s++score)?|FSIQ|intelligence\s++quotient",
        r"",
        _iq,
    ),
    (("BMI", "mass index"), r"BMI|body\s++mass\s++index", r"(?:\s*+kg/m(?:2|²|\^2))?", _bmi),
    (
        ("latelet",),
        r"platelets?(?:\s++count)?|platelet\s++counts?",
        r"\s*+(?:/\s*+(?:µ|μ|u)L|/\s*+mm3|/\s*+mm³|(?:x|×)\s*+10(?:\^?9|⁹|\(9\))\s*+/\s*+L"
        r"|(?:x|×)\s*+10(?:\^?3|³|\(3\))\s*+/\s*+(?:µ|μ|u)L|K/\s*+(?:µ|μ|u)L)",
        _platelets,
    ),
    (
        ("mmol/", "mEq/"),
        r"(?:serum\s++|plasma\s++)?sodium|Na\+?",
        r"\s*+(?:mmol/L|mEq/L)",
        _sodium,
    ),
    (
        ("mmol/", "mEq/"),
        r"(?:serum\s++|plasma\s++)?potassium|K\+?",
        r"\s*+(?:mmol/L|mEq/L)",
        _potassium,
    ),
    (
        ("g/dL", "g/dl", "g/L"),
        r"ha?emoglobin|Hb|Hgb",
        r"\s*+(?:g/dL|g/dl|g/L|g/l)",
        _hemoglobin,
    ),
    (
        ("emperature",),
        r"(?:body\s++)?temperature",
        r"\s*+°?\s*+(?:C|F)\b",
        _temperature,
    ),
    (
        ("mmonia",),
        _NOT_OTHER_FLUID + r"(?:(?:plasma|serum|blood)\s++)?ammonia(?:\s++levels?)?",
        r"\s*+(?:" + _MICROMOL + r"|(?:µ|μ|u|mc)g/\s*+dL)",
        _ammonia,
    ),
    (
        ("lbumin",),
        _NOT_OTHER_FLUID + r"(?:(?:plasma|serum)\s++)?albumin(?:\s++levels?)?",
        r"\s*+g/\s*+(?:dL|L)\b",
        _albumin,
    ),
    (
        ("reatinine",),
        _NOT_OTHER_FLUID + r"(?:(?:plasma|serum)\s++)?creatinine(?:\s++levels?)?",
        r"\s*+(?:mg/\s*+dL|" + _MICROMOL + r")",
        _creatinine,
    ),
    (
        ("lucose", "sugar"),
        _NOT_OTHER_FLUID
        + r"(?:(?:fasting\s++)?(?:plasma|serum|blood)\s++)?(?:glucose|sugar)(?:\s++levels?)?",
        r"\s*+(?:mmol/\s*+L|mg/\s*+dL)",
        _glucose,
    ),
    (
        ("IgE",),
        r"(?:(?:serum|total)\s++)?IgE(?:\s++levels?)?",
        r"\s*+(?:kU/\s*+L|kIU/\s*+L|IU/\s*+mL|U/\s*+mL)",
        _ige,
    ),
    (
        ("jection fraction", "LVEF"),
        r"(?:left\s++ventricular\s++)?ejection\s++fraction|LVEF",
        r"\s*+%",
        _ejection_fraction,
    ),
    (
        ("QTc",),
        r"QTc(?:\s++interval)?|corrected\s++QT(?:\s++interval)?",
        r"\s*+(?:ms|msec|milliseconds)\b",
        _qtc,
    ),
]
_BLOOD_PRESSURE = re.compile(
    r"\b(?:blood\s++pressure|BP)" + _LINK + r"(?P<sys>\d{2,3})\s*+/\s*+(?P<dia>\d{2,3})"
    r"\s*+(?:mm\s*+Hg|mmHg)",
    re.I,
)


_BP_WORDS = ("mmHg", "mm Hg")


# each rule's measure words as token keys: a set test against a text's keys costs next to
# nothing, so most texts skip most patterns (and all of them when no measure is named)
_RULE_KEYS: dict[Callable[[float, str], str | None], frozenset[str]] = {
    rule: frozenset(words.split())
    for rule, words in (
        (_iq, "iq fsiq intelligence"),
        (_bmi, "bmi index"),
        (_platelets, "platelet platelets"),
        (_sodium, "sodium na"),
        (_potassium, "potassium k"),
        (_hemoglobin, "hemoglobin haemoglobin hb hgb"),
        (_temperature, "temperature temperatures"),
        (_ammonia, "ammonia ammonium"),
        (_albumin, "albumin"),
        (_creatinine, "creatinine"),
        (_glucose, "glucose sugar"),
        (_ige, "ige"),
        (_ejection_fraction, "fraction lvef"),
        (_qtc, "qtc qt"),
    )
}
_MEASURE_KEYS = frozenset().union(*_RULE_KEYS.values(), ("pressure", "bp"))
# (measure keys, words, pattern, rule); a measure without keys above fails here, at import
_PATTERNS = [
    (
        _RULE_KEYS[rule],
        words,
        re.compile(r"\b(?:" + m + r")" + _LINK + _NUMBER + r"(?P<unit>" + u + r")", re.I),
        rule,
    )
    for words, m, u, rule in _MEASURES
]


def lab_value_findings(text: str, keys: list[str] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, hpo_id) of each value beyond its reference line, in text order.

    `keys`, the text's token keys when the caller has them, let most texts (no measure named)
    be passed over at once.
    """
    named = None
    if keys is not None:
        named = _MEASURE_KEYS.intersection(keys)
        if not named:
            return []
    out: list[tuple[int, int, str]] = []
    for measure_keys, words, pattern, rule in _PATTERNS:
        if named is not None and named.isdisjoint(measure_keys):
            continue
        if not any(w in text for w in words):
            continue
        for m in pattern.finditer(text):
            hpo_id = rule(float(m.group("value").replace(",", "")), m.group("unit").strip())
            if hpo_id is not None:
                out.append((m.start(), m.end(), hpo_id))
    if any(w in text for w in _BP_WORDS):
        for m in _BLOOD_PRESSURE.finditer(text):
            if int(m.group("sys")) >= 140 or int(m.group("dia")) >= 90:
                out.append((m.start(), m.end(), "HP:0000822"))
    return sorted(out)
