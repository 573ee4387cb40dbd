"""Phrasings that abstracts use for whole families of HPO terms, generated from the terms.

HPO names its laboratory findings "Increased circulating X concentration", while authors write
"elevated serum X", "high plasma X levels" or "raised X"; it names tumours "Neoplasm of the X"
or "X carcinoma", while authors write "X cancer"; it names "Absent radius" and "Impaired
vibration sensation", while authors write "aplasia of the radius" and "loss of vibration
sense"; and "diabetes mellitus" is mostly written "diabetes". Listing every such phrasing by
hand would never be complete, so they are derived here from each term's own key. They enter the
vocabulary below every listed name and synonym (`PRIO_FALLBACK`): a phrasing HPO lists for a
term always keeps that term.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import product

from text_processing.word_formation import FUNCTION_WORDS, is_adjective_like

# Keys, as `Lemmatizer` makes them: word synonyms are already merged ("elevated" arrives as
# "increased", "reduced" as "decreased", "levels" as "concentration").
_INCREASE = ("increased", "raised", "high", "higher")
_DECREASE = ("decreased", "low", "lower")
_DIRECTIONS = (*_INCREASE, *_DECREASE)
# Words for "less of a function" that name the same finding before any noun phrase.
_LESS = ("decreased", "diminished")
_FLUIDS = ("circulating", "serum", "plasma", "blood")
_FLUIDS_AFTER_ANALYTE = ("serum", "plasma", "blood")  # "levels in the blood", not "circulating"
_AMOUNTS = ("concentration",)
_MAX_ANALYTE_WORDS = 4
# words that make episodes a pattern ("frequent", "repeated" arrive as "recurrent")
_REPEATED = ("recurrent", "intermittent")
# the nouns of a change: "a reduction of sweating", "an increase in muscle tone"
# (each listed phrasing costs memory: the word walk's table is near a doubling of its size)
_DECREASE_NOUNS = (("reduction", "of"), ("reduction", "in"), ("decrease", "in"))
_INCREASE_NOUNS = (("increase", "in"), ("increase", "of"))
# "loss of vibration sense" is the finding HPO calls absent, else impaired, else decreased
_LOSS_SOURCES = ("absent", "impaired", "decreased")

_SUTURES = ("sagittal", "coronal", "lambdoidal", "lambdoid", "metopic")
# (word in HPO's name, word authors also write for it), in the order they should win ties.
# "cancer" is what authors call a carcinoma, or a neoplasm of an organ; carcinoma first, so
# that "thyroid cancer" reads as Thyroid carcinoma where HPO has both. A "malignancy" of an
# organ or a system is its neoplasm ("hematologic malignancy", "thyroid malignancy").
_WORD_SOURCES = (
    ("carcinoma", "cancer"),
    ("neoplasm", "cancer"),  # "tumor" is a word synonym of "neoplasm"
    ("cancer", "carcinoma"),  # "carcinoma of the colon" is HPO's Colon cancer
    ("neoplasm", "carcinoma"),  # "carcinoma of the pancreas": where HPO names no carcinoma
    ("neoplasm", "malignancy"),
    ("stenosis", "narrowing"),  # "narrowing of the external auditory canal"
)


def _aplastic_part(key: tuple[str, ...]) -> tuple[str, ...]:
    """The part of "Aplastic X" / "Aplasia of X" (one to three words), else ()."""
    if 2 <= len(key) <= 4 and key[0] == "aplastic":
        part = key[1:]
    elif 3 <= len(key) <= 5 and key[:2] == ("aplasia", "of"):
        part = key[2:]
    else:
        return ()
    return () if FUNCTION_WORDS.intersection(part) else part


def lab_variants(key: tuple[str, ...], known_lab: bool = False) -> Iterator[tuple[str, ...]]:
    """'Increased circulating lactate concentration' -> 'elevated serum lactate level', ...

    Only keys that are plainly a laboratory finding generate anything: a direction word first,
    then a fluid or an amount word around the analyte. "High palate" has neither and stays;
    "High TSH" has neither either, but its term is `known_lab` by its other names
    ("circulating", "concentration"), so it gives "elevated TSH", "raised TSH levels".
    """
    if len(key) < 2 or key[0] not in (*_DIRECTIONS, "abnormal"):
        return
    if key[0] == "abnormal":  # "Abnormal circulating X concentration": "abnormal serum X"
        directions: tuple[str, ...] = ("abnormal",)
    else:
        directions = _INCREASE if key[0] in _INCREASE else _DECREASE
    rest = key[1:]
    # "Decreased plasma cell count" names a cell, not a fluid: no "decreased blood cell count"
    fluid = rest[0] in _FLUIDS and rest[1:2] != ("cell",)
    amount = rest[-1] in _AMOUNTS
    if not (fluid or amount or known_lab):
        return
    analyte = rest[int(fluid) : len(rest) - int(amount)]
    if not analyte or len(analyte) > _MAX_ANALYTE_WORDS or "of" in analyte:
        return
    if analyte == ("pressure",):  # "high blood pressure" measures no analyte in the blood
        return
    for direction, fl, am in product(directions, ("", *_FLUIDS), ("", *_AMOUNTS)):
        if direction == "abnormal" and not (fl or am):
            # "abnormal calcium [metabolism]" is no lab finding, "abnormal serum calcium" is
            continue
        variant = (direction, *((fl,) if fl else ()), *analyte, *((am,) if am else ()))
        if variant != key:
            yield variant
    for direction, am in product(directions, _AMOUNTS):
        # the amount before the analyte: "elevated plasma levels of lactate", "high levels
        # of ammonia", "increased levels of lactate in the blood"
        for fl in ("", *_FLUIDS):
            yield (direction, *((fl,) if fl else ()), am, "of", *analyte)
        for fl in _FLUIDS_AFTER_ANALYTE:
            yield (direction, am, "of", *analyte, "in", fl)
            yield (direction, *analyte, am, "in", fl)  # "decreased IgG levels in the blood"


# Fluids other than the blood, as lab terms name them ("Increased urinary potassium",
# "Elevated urine X level", "Increased CSF lactate"), and as text names them after the analyte.
_OTHER_FLUIDS = {
    "urine": (("urine",),),
    "urinary": (("urine",),),
    "csf": (("csf",), ("cerebrospinal", "fluid")),
}
_OTHER_FLUID_FORMS = tuple(dict.fromkeys(f for forms in _OTHER_FLUIDS.values() for f in forms))


def other_fluid_lab_variants(key: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """'Increased urinary potassium' -> 'increased potassium in the urine', 'increased levels
    of potassium in the urine'; 'Increased CSF lactate' -> '... in the cerebrospinal fluid'."""
    if 1 <= len(key) - 2 <= _MAX_ANALYTE_WORDS and key[-2] == "in" and key[-1] in _OTHER_FLUIDS:
        # "Glucose in urine" (Glycosuria): "increased levels of glucose in the urine"
        analyte, fluid = key[:-2], key[-1]
        if not FUNCTION_WORDS.intersection(analyte) and analyte[0] not in _DIRECTIONS:
            for direction in _INCREASE:
                yield (direction, *analyte, "in", fluid)
                yield from ((direction, am, "of", *analyte, "in", fluid) for am in _AMOUNTS)
        return
    if len(key) < 3 or key[0] not in _DIRECTIONS or key[1] not in _OTHER_FLUIDS:
        return
    directions = _INCREASE if key[0] in _INCREASE else _DECREASE
    analyte = key[2:-1] if key[-1] in _AMOUNTS else key[2:]
    if not analyte or len(analyte) > _MAX_ANALYTE_WORDS or "of" in analyte:
        return
    for direction in directions:
        for fluid in _OTHER_FLUIDS[key[1]]:
            yield (direction, *analyte, "in", *fluid)
            for am in _AMOUNTS:
                yield (direction, am, "of", *analyte, "in", *fluid)
                yield (direction, *analyte, am, "in", *fluid)  # "high histidine levels in CSF"
        if key[1] in ("urine", "urinary"):  # "increased urinary excretion of oxalate"
            yield (direction, "urinary", "excretion", "of", *analyte)
            yield (direction, "excretion", "of", *analyte, "in", "urine")
            # excretion without a fluid is the kidneys' ("increased excretion of
            # methylmalonic acid"); not "increased oxalate excretion", which holds the blood
            # finding "increased oxalate" as a nested mention
            yield (direction, "excretion", "of", *analyte)


def elsewhere_keys(variants: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """A blood finding's phrasing followed by another fluid: 'increased concentration of
    glucose in the urine'. Longer than the blood phrasing, so where no urine or CSF term claims
    the words, they name no blood finding (the vocabulary files them as no phenotype)."""
    return [
        (*v, "in", *fluid)
        for v in variants
        if v[0] in _DIRECTIONS and not _FLUID_WORDS.intersection(v)
        for fluid in _OTHER_FLUID_FORMS
    ]


_FLUID_WORDS = frozenset((*_FLUIDS, "in"))


_LOCATING_PREPOSITIONS = ("in", "of", "at")


def _located_variants(
    keys: list[tuple[tuple[str, ...], str]],
) -> Iterator[tuple[tuple[str, ...], str]]:
    """'Lower limb muscle weakness' -> 'muscle weakness in / of the lower limbs'.

    Only where the part after the location is itself a term of two or more words ("muscle
    weakness", "flexion contracture"), so the split is the ontology's own, and the location ends
    in a noun ("lower limb", "knee"; not "facial", which the adjective rules handle).
    """
    findings = {key for key, _ in keys if len(key) >= 2}
    for key, hpo_id in keys:
        if not 3 <= len(key) <= 4 or FUNCTION_WORDS.intersection(key):
            continue
        for i in (1, 2):
            location, finding = key[:i], key[i:]
            if len(finding) >= 2 and finding in findings and not is_adjective_like(location[-1]):
                for prep in _LOCATING_PREPOSITIONS:
                    yield (*finding, prep, *location), hpo_id


# what a count is of: "Decreased megakaryocyte count", "Increased eosinophil count"
_COUNTED_ENDINGS = ("cell", "cyte", "phil", "platelet", "blast")


def count_variants(key: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """'Decreased megakaryocyte count' -> 'decreased number of megakaryocytes', 'low
    megakaryocyte numbers', 'reduced megakaryocytes': a count is said as a number, or as the
    cells themselves."""
    if len(key) < 3 or key[-1] != "count" or key[0] not in _DIRECTIONS:
        return
    cells = key[1:-1]
    if cells[0] in _FLUIDS and cells[1:2] != ("cell",):  # "High blood eosinophil count"
        cells = cells[1:]  # ("plasma cell" is a cell)
    if (
        len(cells) == 1
        and cells[0] == "cell"
        or not cells
        or len(cells) > 3
        or FUNCTION_WORDS.intersection(cells)
        or not cells[-1].endswith(_COUNTED_ENDINGS)
    ):
        return
    for direction in _INCREASE if key[0] in _INCREASE else _DECREASE:
        yield (direction, *cells, "count")  # "High lymphocyte count": "increased ... count"
        yield (direction, "number", "of", *cells)
        yield (direction, *cells, "number")
        if cells[-1] != "platelet":  # "increased platelet aggregation" is no count
            yield (direction, *cells)


# HPO names a limb "lower limb" or "upper limb"; authors say "legs" and "arms"
_LAY_LIMBS = {("lower", "limb"): "leg", ("upper", "limb"): "arm"}


def _lay_limb(key: tuple[str, ...]) -> tuple[str, ...]:
    """The key with its first "lower limb" / "upper limb" said as "leg" / "arm", else ()."""
    for i in range(len(key) - 1):
        lay = _LAY_LIMBS.get(key[i : i + 2])
        if lay:
            return (*key[:i], lay, *key[i + 2 :])
    return ()


def _without_possessive(key: tuple[str, ...]) -> tuple[str, ...]:
    """The key without the "s" of a possessive eponym ("schmorl s node"), else ()."""
    for i in range(1, len(key) - 1):
        if (
            key[i] == "s"
            and len(key[i - 1]) >= 3
            and key[i - 1].isalpha()
            and key[i - 1] != "protein"  # "Protein S" is a protein's name
            and key[i + 1].isalpha()
        ):
            return (*key[:i], *key[i + 1 :])
    return ()


_MAX_EPONYM_USES = 40  # keys holding the word: a name, not a common word


def _with_possessive(key: tuple[str, ...], eponyms: frozenset[str]) -> list[tuple[str, ...]]:
    """The key with a possessive "s" after its eponym ("cushing s syndrome"), if it has one."""
    return [
        (*key[: i + 1], "s", *key[i + 1 :])
        for i in range(len(key) - 1)
        if key[i] in eponyms and key[i + 1] != "s"
    ]


def family_variants(keys: list[tuple[tuple[str, ...], str]]) -> list[tuple[tuple[str, ...], str]]:
    """Every generated phrasing of `keys` (key, hpo_id), in the order they should win ties."""
    out: list[tuple[tuple[str, ...], str]] = []
    # the names HPO writes with a possessive somewhere ("Cushing's symphalangism"); not the
    # common words that stand before an "s" of another kind ("increased T cell s", "blood s")
    uses = Counter(w for key, _ in keys for w in set(key))
    eponyms = frozenset(
        key[i - 1]
        for key, _ in keys
        if "s" in key and _without_possessive(key)
        for i in range(1, len(key) - 1)
        if key[i] == "s" and uses[key[i - 1]] <= _MAX_EPONYM_USES
    )
    for source, word in _WORD_SOURCES:  # carcinoma variants before neoplasm ones
        for key, hpo_id in keys:
            if source in key and len(key) >= 2:
                out.append((tuple(word if w == source else w for w in key), hpo_id))
    for source in _LOSS_SOURCES:  # in that order, so an absent term wins over an impaired one
        for key, hpo_id in keys:
            if 2 <= len(key) <= 4 and key[0] == source and "of" not in key:
                out.append((("loss", "of", *key[1:]), hpo_id))
    for key, hpo_id in keys:
        if 2 <= len(key) <= 4 and key[0] == "absent" and "of" not in key:
            # "Absent radius" is also "aplasia / agenesis / absence of the radius"
            nouns = ("aplasia", "agenesis", "absence")
            out.extend(((noun, "of", *key[1:]), hpo_id) for noun in nouns)
    for key, hpo_id in keys:
        # and back: "Aplastic clavicle", "Aplasia of the uvula" are "absent ..." and "absence of
        # ..."; after the loop above, so a term named "Absent X" keeps the phrase
        part = _aplastic_part(key)
        if part:
            out.append((("absent", *part), hpo_id))
            out.append((("absence", "of", *part), hpo_id))
    out.extend(_located_variants(keys))
    for key, hpo_id in keys:
        if 2 <= len(key) <= 3 and key[-1] == "abnormality" and is_adjective_like(key[0]):
            # "retinal changes", "skeletal changes": an organ's abnormality (the helper sets
            # mark such phrases); after an adjective only, since after a noun "change" is also
            # a verb ("the lens changes its shape"; "skin changes" is a curated phrasing)
            out.append(((*key[:-1], "change"), hpo_id))
    labs = {h for k, h in keys if "circulating" in k or k[-1] == "concentration"}
    for key, hpo_id in keys:
        out.extend((v, hpo_id) for v in lab_variants(key, hpo_id in labs))
        out.extend((v, hpo_id) for v in other_fluid_lab_variants(key))
        out.extend((v, hpo_id) for v in count_variants(key))
        if 2 <= len(key) <= 5 and key[0] in (*_LESS, "low", "impaired") and "of" not in key:
            # "Low muscle tone" is also "decreased", "reduced" or "diminished muscle tone"
            out.extend(((w, *key[1:]), hpo_id) for w in _LESS if w != key[0])
        if 2 <= len(key) <= 5 and key[0] in ("decreased", "low") and "of" not in key:
            # "Decreased bone mineral density" is also "low bone mineral density", "a reduction
            # of sweating", "a decrease in muscle tone"
            if key[0] == "decreased":
                out.append((("low", *key[1:]), hpo_id))
            out.extend(((*noun, *key[1:]), hpo_id) for noun in _DECREASE_NOUNS)
        if 2 <= len(key) <= 5 and key[0] == "increased" and "of" not in key:
            # "Elevated erythrocyte sedimentation rate" is also "high" or "raised" (not "High
            # palate": only "increased" is a source), and "an increase in muscle tone"
            out.extend(((w, *key[1:]), hpo_id) for w in _INCREASE if w != key[0])
            out.extend(((*noun, *key[1:]), hpo_id) for noun in _INCREASE_NOUNS)
        if 2 <= len(key) <= 4 and key[0] == "episodic" and "of" not in key:
            # "Episodic metabolic acidosis" is "recurrent episodes of metabolic acidosis" (as
            # HPO defines its episodic terms); "previous episodes of vomiting" is plain vomiting
            out.extend(
                ((word, noun, "of", *key[1:]), hpo_id)
                for word in _REPEATED
                for noun in ("episode", "episodes")  # as the lemmatizer keys the plural
            )
        if len(key) == 2 and key[1] == "craniosynostosis" and key[0] in _SUTURES:
            # "Sagittal craniosynostosis" is "premature closure of the sagittal suture", and
            # "fused sagittal sutures"
            out.extend(
                (("premature", noun, "of", key[0], "suture"), hpo_id)
                for noun in ("closure", "fusion")
            )
            out.append((("fused", key[0], "suture"), hpo_id))
        if 2 <= len(key) <= 4 and key[0] == "paroxysmal" and "of" not in key:
            # "Paroxysmal atrial fibrillation" is "paroxysms of atrial fibrillation"
            out.extend(((noun, "of", *key[1:]), hpo_id) for noun in ("paroxysm", "paroxysms"))
        if 2 <= len(key) <= 3 and key[0] == "short" and "of" not in key:
            out.append((("shortened", *key[1:]), hpo_id))  # "shortened long bones"
        if 2 <= len(key) <= 4 and key[0] == "shortened" and "of" not in key:
            out.append((("short", *key[1:]), hpo_id))  # "Shortened PR interval": "short PR"
        if len(key) >= 3 and key[:2] == ("exercize", "induced"):  # as the lemmatizer keys it
            out.append((("exertional", *key[2:]), hpo_id))  # "exertional rhabdomyolysis"
        if 2 <= len(key) <= 5 and key[0] == "difficulty" and key[1].endswith("ing"):
            # "Difficulty climbing stairs" is "difficulty in / with climbing stairs"
            out.extend((("difficulty", prep, *key[1:]), hpo_id) for prep in ("in", "with"))
        possessive = _without_possessive(key)
        if possessive:  # "Schmorl's node" is also written "Schmorl node"
            out.append((possessive, hpo_id))
        else:  # and "Cushing syndrome" "Cushing's syndrome"
            out.extend((v, hpo_id) for v in _with_possessive(key, eponyms))
        limb = _lay_limb(key)
        if limb:  # "spasticity of the legs" is HPO's "Lower limb spasticity"
            out.append((limb, hpo_id))
        if len(key) >= 3 and key[-2:] == ("diabetes", "mellitus"):
            out.append((key[:-1], hpo_id))  # "insulin-dependent diabetes", "type 2 diabetes"
    return out
