"""Phrasings one HPO term implies by word formation: word order, adjective and noun, participle
and noun, closed compounds.

HPO lists "Hip pain" but authors write "pain in the hip"; it lists "Dysplastic patella" and
"Vertebral fusion" but authors write "patellar dysplasia" and "fused vertebrae". Each function
here takes one term's key (lemmas, gap words dropped) and returns the keys of such phrasings.
Word pairs (adjective and noun, participle and noun) come from suffix rules checked against the
vocabulary's own words (`WordTables`), never from a dictionary of English. The vocabulary adds
these keys below every listed name and synonym, so a phrase HPO lists always keeps its term.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from text_processing.normalize import Lemmatizer

# Finding adjectives that case notes also put after the noun, without a verb.
POSTPOSED = frozenset(
    "absent enlarged increased decreased diminished brisk dilated hypoplastic atrophic".split()
)
# Degree and extent words: read past between a copula and its adjective ("were markedly
# enlarged"), and no kind of a finding before its name ("very preterm infants").
DEGREE_WORDS = frozenset(
    "very markedly mildly moderately severely slightly extremely somewhat relatively "
    "abnormally unusually noticeably bilaterally diffusely also both all increasingly "
    "progressively more persistently consistently significantly profoundly strikingly "
    "grossly particularly especially notably clearly highly".split()
)
# Words that make a phrase relational; phrases holding them get no word-order variants.
FUNCTION_WORDS = frozenset(
    "of in on at and or with to by for from without not no nor as is are into per than".split()
)
_VARIANT_PREPOSITIONS = ("of", "in", "at", "on")
SIDES = frozenset({"left", "right", "bilateral", "unilateral"})
_PROCESS_NOUNS = frozenset({"development", "function", "growth"})
_ADJECTIVE_ENDINGS = (
    "al",
    "ar",
    "ic",
    "ous",
    "ive",
    "ary",
    "ed",
    "ing",
    "ile",
    "oid",
    "ent",
    "atory",
    "sory",
    "ctory",
)
# Adjectives without an adjective ending that HPO's names put before a noun.
PLAIN_ADJECTIVES = frozenset(
    "multiple numerous large small short long broad wide narrow thin thick deep high low flat "
    "soft hard severe mild sparse coarse fine dry pale dark tall big prominent irregular "
    "asymmetric moderate profound borderline".split()
)
# Words in -ing that name a function, used as nouns before a head ("hearing loss", "swallowing
# difficulty"), unlike participles ("bulging forehead"): they take "loss of hearing".
_GERUND_NOUNS = frozenset(
    "hearing bleeding breathing swallowing sleeping feeding walking learning speaking chewing "
    "sweating vomiting smelling reading writing sucking urinating".split()
)


Key = tuple[str, ...]


@dataclass(frozen=True)
class WordTables:
    """Word pairs found in the vocabulary's own words; built once per vocabulary."""

    nouns: dict[str, str]  # adjective -> noun: clavicular -> clavicle
    adjectives: dict[str, str]  # noun -> adjective
    late_nouns: dict[str, str]  # with the irregular pairs (cerebral -> brain), second pass
    late_adjectives: dict[str, str]
    conditions: dict[str, str]  # condition adjective -> noun: dysplastic -> dysplasia
    condition_adjectives: dict[str, str]  # and back: dysplasia -> dysplastic
    nominals: dict[str, str]  # participle -> noun: enlarged -> enlargement
    participles: dict[str, str]  # noun -> participle

    @classmethod
    def from_lexicon(cls, lexicon: frozenset[str], lem: Lemmatizer) -> WordTables:
        # lemmas, as the keys of text are: "atrial" -> "atria" -> "atrium"
        nouns = {
            a: lem.lemma_of_folded(n) for a, n in _derived(lexicon, _NOUN_OF_ADJECTIVE).items()
        }
        conditions = _derived(lexicon, _CONDITION_OF_ADJECTIVE)
        conditions.update(
            (a, a + "ness") for a in sorted(_NESS_CONDITIONS) if a + "ness" in lexicon
        )
        conditions.update((a, n) for a, n in sorted(_IRREGULAR_CONDITIONS.items()) if n in lexicon)
        late_nouns = dict(nouns)
        for adj, noun in IRREGULAR_NOUN_OF_ADJECTIVE.items():
            if adj in lexicon and noun in lexicon:
                late_nouns.setdefault(lem.lemma_of_folded(adj), lem.lemma_of_folded(noun))
        nominals = {
            lem.lemma_of_folded(p): lem.lemma_of_folded(n)
            for p, n in sorted(_derived(lexicon, _NOMINAL_OF_PARTICIPLE).items())
            if p not in _NOMINAL_EXCLUDED
        }
        participles: dict[str, str] = {}
        for p, n in sorted(nominals.items()):
            participles.setdefault(n, p)
        return cls(
            nouns=nouns,
            adjectives={n: a for a, n in sorted(nouns.items()) if not a.endswith("ed")},
            late_nouns=late_nouns,
            late_adjectives={n: a for a, n in sorted(late_nouns.items()) if not a.endswith("ed")},
            conditions=conditions,
            condition_adjectives={n: a for a, n in sorted(conditions.items())},
            nominals=nominals,
            participles=participles,
        )


# Words a writer leaves out because the rest of the phrase implies them (a murmur is the
# heart's, a reflex tested with a hammer a tendon's), or puts in: longer form -> shorter form.
_IMPLIED_WORDS: tuple[tuple[Key, Key], ...] = (
    (("heart", "murmur"), ("murmur",)),  # "Systolic heart murmur": "a systolic murmur"
    (("deep", "tendon", "reflex"), ("reflex",)),
    (("deep", "tendon", "reflex"), ("tendon", "reflex")),
    (("tendon", "reflex"), ("reflex",)),
    (("blood", "vessel"), ("vessel",)),  # "Attenuation of retinal blood vessels"
    (("nerve", "conduction", "velocity"), ("conduction", "velocity")),
    (("muscle", "weakness"), ("weakness",)),  # "Neck muscle weakness": "neck weakness"
    (("muscle", "atrophy"), ("atrophy",)),  # "Quadriceps muscle atrophy": "quadriceps atrophy"
    (("muscle", "atrophy"), ("wasting",)),  # and "wasting of the quadriceps"
    (("muscle", "tissue"), ("muscle",)),  # "Abnormal mitochondria in muscle tissue"
    (("thyroid", "gland"), ("thyroid",)),  # "Hypoplastic thyroid": "hypoplastic thyroid gland"
    (("muscle", "fiber"), ("fiber",)),  # "Type 1 muscle fiber predominance": "type 1 fibres"
    (("cerebellar", "vermis"), ("vermis",)),  # "hypoplasia of the vermis": only one has one
)
# shorter forms that need an organ's adjective before them: "retinal vessels", but a bare
# "abnormal vessel" may be a lymph vessel
_IMPLIED_AFTER_ADJECTIVE = frozenset({("vessel",)})
# shorter forms that need a named part before them: "quadriceps atrophy", but "generalized
# atrophy" may be the brain's
_IMPLIED_AFTER_NOUN = frozenset({("atrophy",), ("wasting",)})


LEFT_RIGHT = frozenset({"left", "right"})
# adjectives of size, shape or amount name no type: "defect of the large type" is never said
_NOT_TYPE_WORDS = PLAIN_ADJECTIVES | frozenset({"abnormal", "increased", "decreased"})
_CAUSE_VERBS = ("induced", "triggered", "provoked", "precipitated")
_EXERTION = ("exercize", "exertion")  # keys: "exercise" folds to "exercize" (-ise -> -ize)


def _on_exertion(finding: Key) -> list[Key]:
    """'Exertional dyspnea', 'Exercise-induced myalgia': 'dyspnea on exertion', 'myalgia
    after exercise'."""
    return [(*finding, p, w) for p in ("on", "with", "after") for w in _EXERTION]


def _implied_word_forms(key: Key) -> list[Key]:
    """'Systolic heart murmur' -> 'systolic murmur'; 'Brisk reflexes' -> 'brisk tendon
    reflexes', 'brisk deep tendon reflexes'. Only where two words or more remain, and the
    longer form only after a word of degree ("brisk", "absent"), the way it is written."""
    out: list[Key] = []
    for long, short in _IMPLIED_WORDS:
        n = len(long)
        for i in range(len(key) - n + 1):
            if key[i : i + n] != long or len(key) - n + len(short) < 2:
                continue
            if short in _IMPLIED_AFTER_ADJECTIVE and not (
                i > 0 and key[i - 1].endswith(_ADJECTIVE_ENDINGS) and key[i - 1] != "abnormal"
            ):
                continue
            if short in _IMPLIED_AFTER_NOUN and not (i > 0 and not is_adjective_like(key[i - 1])):
                continue
            out.append((*key[:i], *short, *key[i + n :]))
        if len(short) == 1 and len(key) == 2 and key[1] == short[0] and key[0] not in long:
            out.append((key[0], *long))
    return out


def term_variants(
    key: Key, tables: WordTables, lem: Lemmatizer
) -> tuple[list[Key], list[Key], list[Key]]:
    """(variants, late variants, fallbacks) of one term's key and of its forms with implied
    words left out or put in.

    Late variants are added after every term's variants, so they never take a phrase one of
    those already reads; fallbacks only where nothing else claimed the phrase.
    """
    variants, late, fallbacks = _term_variants(key, tables, lem)
    for form in _implied_word_forms(key):
        more, more_late, more_fallbacks = _term_variants(form, tables, lem)
        late += [form, *more, *more_late]
        fallbacks += more_fallbacks
    return variants, late, fallbacks


def _term_variants(
    key: Key, tables: WordTables, lem: Lemmatizer
) -> tuple[list[Key], list[Key], list[Key]]:
    t = tables
    orders = _word_order_variants(key, t.nouns)
    variants = list(orders)
    variants += _morphology_variants(
        key, t.nouns, t.adjectives, t.conditions, t.condition_adjectives
    )
    late = _nominal_variants(key, t.nominals, t.participles)
    if 2 <= len(key) <= 4 and key[0] == "large" and not FUNCTION_WORDS.intersection(key):
        # "Large spleen": "enlarged spleen" too; "Large foramen magnum"
        late += [("enlarged", *key[1:])]
        late += _nominal_variants(("enlarged", *key[1:]), t.nominals, t.participles)
    late += _ing_adjective_variants(key, t.late_nouns)
    late += _ing_noun_variants(key, t.late_adjectives)
    late += _patient_page_variants(key)
    if 2 <= len(key) <= 3 and key[-1] == "synostosis" and not FUNCTION_WORDS.intersection(key):
        late.append((*key[:-1], "fusion"))  # "Radioulnar synostosis": "radioulnar fusion"
    if len(key) == 2 and key[0] == "absent" and key[1] in t.adjectives:
        # "Absent radius" -> "radial aplasia", "radial agenesis"
        late += [(t.adjectives[key[1]], noun) for noun in ("aplasia", "agenesis")]
    late += _degree_prefix_variants(key, lem.lexicon)
    if len(key) == 2 and key[0] in t.late_nouns and key[1] in t.participles:
        # "Splenic rupture" -> "ruptured spleen", "Aortic dilatation" -> "dilated aorta"
        late.append((t.participles[key[1]], t.late_nouns[key[0]]))
    if (
        len(key) == 3
        and key[0] in LEFT_RIGHT
        and key[1] in t.late_nouns
        and key[2] in t.participles
    ):
        # "Left ventricular dilatation" -> "dilated left ventricle": the side stays before it
        late.append((t.participles[key[2]], key[0], t.late_nouns[key[1]]))
    late += _word_order_variants(key, t.late_nouns)
    if 2 <= len(key) <= 3 and key[0] in IRREGULAR_NOUN_OF_ADJECTIVE:
        # "Cerebral edema" is also "brain edema"
        late.append((lem.lemma_of_folded(IRREGULAR_NOUN_OF_ADJECTIVE[key[0]]), *key[1:]))
    if 2 <= len(key) <= 3 and key[0] in POSTPOSED and not FUNCTION_WORDS.intersection(key):
        # telegraphic findings: "reflexes absent", "liver enlarged"
        late.append((*key[1:], key[0]))
    if 3 <= len(key) <= 5 and key[0] == "type" and not FUNCTION_WORDS.intersection(key):
        # "Type E brachydactyly" -> "brachydactyly type E", the way text names a subtype;
        # the designator may be two tokens ("A1")
        n = 2 if len(key) >= 4 and key[2].isdigit() and not key[1].isdigit() else 1
        late.append((*key[1 + n :], "type", *key[1 : 1 + n]))
    if (
        2 <= len(key) <= 4
        and key[0] not in _NOT_TYPE_WORDS
        and is_adjective_like(key[0])
        and not key[0].endswith("ed")
        and not FUNCTION_WORDS.intersection(key)
    ):
        # "Secundum atrial septal defect": "atrial septal defect of the secundum type"
        late.append((*key[1:], "of", key[0], "type"))
    if 3 <= len(key) <= 5 and key[1] == "induced" and not FUNCTION_WORDS.intersection(key):
        # "Exercise-induced rhabdomyolysis": "rhabdomyolysis induced / triggered by exercise"
        cause, rest = key[0], key[2:]
        late += [(*rest, verb, "by", cause) for verb in _CAUSE_VERBS]
        if cause in _EXERTION:
            late += _on_exertion(rest)
    if 2 <= len(key) <= 4 and key[0] == "exertional" and not FUNCTION_WORDS.intersection(key):
        late += _on_exertion(key[1:])
    if 2 <= len(key) <= 4 and key[-1] == "neuropathy" and not FUNCTION_WORDS.intersection(key):
        # "Sensory neuropathy" is written "sensory polyneuropathy" too, the common form
        late.append((*key[:-1], "polyneuropathy"))
    if 2 <= len(key) <= 6 and key[0] == "premature":
        late.append(("early", *key[1:]))  # "early loss of primary teeth"
    if 2 <= len(key) <= 6 and key[0] == "delayed":
        late.append(("late", *key[1:]))  # "late eruption of teeth", "late puberty"
    for split in _compound_split_variants(key):
        late.append(split)
        late += _word_order_variants(split, t.late_nouns)
    late += _morphology_variants(
        key, t.late_nouns, t.late_adjectives, t.conditions, t.condition_adjectives
    )
    late += _abnormal_variants(key, t.late_nouns)
    for numbered in _ordinal_variants(key):
        # "Short 4th metacarpal": "short fourth metacarpal", "shortening of the fourth ..."
        late.append(numbered)
        late += _ing_noun_variants(numbered, t.late_adjectives)
        late += _word_order_variants(numbered, t.late_nouns)
    if 3 <= len(key) <= 6 and key[0] == "stage" and key[1].isdigit():
        late.append((*key[2:], "stage", key[1]))  # "chronic kidney disease stage 3"
    late += _part_adjective_variants(orders, t.adjectives)
    late += _organ_system_variants([key, *orders])
    fallbacks: list[Key] = []
    if (
        len(key) >= 3
        and key[0] == "congenital"
        and key[-1] != "disease"
        and not FUNCTION_WORDS.intersection(key)
    ):
        # "Congenital vertical talus" is written "vertical talus" too, where nothing else
        # claims the words (not "heart disease", which is mostly acquired)
        fallbacks.append(key[1:])
    if len(key) >= 3 and key[:2] == ("abnormality", "of"):
        # a malformation is morphological: this reading only where no morphology term
        # claimed the phrase ("malformation of the ear" without one)
        fallbacks.append((*key[2:], "malformation"))
        fallbacks.append(("malformation", "of", *key[2:]))
    return variants, late, fallbacks


def _patient_page_variants(key: Key) -> list[Key]:
    """How patient pages say three families of HPO terms: 'Abnormality of the kidney' is
    'kidney problems'; 'Difficulty walking' is 'trouble / problems (with) walking', 'walking
    difficulties'; 'Inability to walk' is 'unable to walk', 'cannot walk', "can't walk",
    'could not walk'."""
    out: list[Key] = []
    if 2 <= len(key) <= 3 and key[-1] == "abnormality" and not FUNCTION_WORDS.intersection(key):
        out.append((*key[:-1], "problem"))
    elif 3 <= len(key) <= 4 and key[:2] == ("abnormality", "of"):
        if not FUNCTION_WORDS.intersection(key[2:]):
            out.append((*key[2:], "problem"))
    if 2 <= len(key) <= 4 and key[0] == "difficulty" and key[1].endswith("ing"):
        rest = key[1:]
        out += [("trouble", *rest), ("problem", *rest), ("problem", "with", *rest)]
        out += [("difficulty", "with", *rest), ("trouble", "with", *rest)]
        if len(rest) == 1:  # "walking difficulties", "breathing problems"
            out += [(rest[0], "difficulty"), (rest[0], "problem")]
    if 3 <= len(key) <= 5 and key[:2] == ("inability", "to"):
        rest = key[2:]
        if rest != ("move",):  # "Inability to move": a muscle, a mind "cannot move" too
            out += [("unable", "to", *rest), ("cannot", *rest), ("can", "t", *rest)]
            out += [("could", "not", *rest), ("couldn", "t", *rest)]  # case reports: past
    return out


# Nouns in -ing that name a change of shape, and the adjective of the result:
# "Intervertebral space narrowing" is a "narrow intervertebral space".
_ING_ADJECTIVES = {
    "narrowing": "narrow",
    "widening": "wide",
    "thickening": "thick",
    "thinning": "thin",
    "shortening": "short",
    "flattening": "flat",
    "broadening": "broad",
}


def _ing_adjective_variants(key: Key, nouns: dict[str, str]) -> list[Key]:
    """'Intervertebral space narrowing' -> 'narrow intervertebral space'; 'Femoral shortening'
    -> 'short femur' (a relational adjective as its noun; none without one)."""
    if not 2 <= len(key) <= 3 or key[-1] not in _ING_ADJECTIVES or FUNCTION_WORDS.intersection(key):
        return []
    part = key[:-1]
    if part[-1] in nouns:
        part = (*part[:-1], nouns[part[-1]])
    elif part[-1].endswith(_ADJECTIVE_ENDINGS):
        return []
    return [(_ING_ADJECTIVES[key[-1]], *part)]


# Prefixes of degree and the words that say them: "Lumbar hyperlordosis" is an "increased lumbar
# lordosis", "CNS hypomyelination" a "decreased CNS myelination".
_DEGREE_PREFIXES = (("hyper", ("increased", "excessive")), ("hypo", ("decreased", "reduced")))
# what the prefix turns into a noun of process or state, the only words the paraphrase is fair
# for ("hypertension" is no "increased tension", "hypertrophic" no "increased trophic")
_DEGREE_BASE_ENDINGS = ("ation", "ility", "osis", "ivity", "ularity", "stalsis")
_NO_DEGREE_BASES = frozenset({"activity", "sensitivity"})  # of an enzyme; of a test


_ING_OF_ADJECTIVE = {adj: ing for ing, adj in _ING_ADJECTIVES.items()}


def _ing_noun_variants(key: Key, adjectives: dict[str, str]) -> list[Key]:
    """And back: 'Short femur' -> 'shortening of the femur', 'femur shortening', 'femoral
    shortening'; 'Broad thumb' -> 'broadening of the thumb'. Not 'thinning of the hair',
    which is hair loss, not thin hair."""
    if not 2 <= len(key) <= 4 or key[0] not in _ING_OF_ADJECTIVE:
        return []
    part = key[1:]
    if FUNCTION_WORDS.intersection(part) or (
        part[-1].endswith(_ADJECTIVE_ENDINGS) and part[-1] not in _NUMBERED_PARTS
    ):
        return []  # "metacarpal" is a noun here
    if key[0] == "thin" and part[-1] == "hair":
        return []
    ing = _ING_OF_ADJECTIVE[key[0]]
    out = [(ing, "of", *part), (*part, ing)]
    if len(part) == 1 and part[0] in adjectives:
        out.append((adjectives[part[0]], ing))
    return out


def _degree_prefix_variants(key: Key, lexicon: frozenset[str]) -> list[Key]:
    """'Joint hypermobility' -> 'increased joint mobility': the degree word first, the base
    noun where the prefixed one stood, for bases the ontology uses as words of their own."""
    if len(key) > 4:
        return []
    out: list[Key] = []
    for i, word in enumerate(key):
        for prefix, degrees in _DEGREE_PREFIXES:
            base = word.removeprefix(prefix)
            if (
                base != word
                and base.endswith(_DEGREE_BASE_ENDINGS)
                and base in lexicon
                and base not in _NO_DEGREE_BASES
            ):
                rest = (*key[:i], base, *key[i + 1 :])
                out.extend((degree, *rest) for degree in degrees)
    return out


def _part_adjective_variants(orders: list[Key], adjectives: dict[str, str]) -> list[Key]:
    """'Abnormality of the retina', read 'retina abnormality', is also 'retinal abnormality':
    the part's adjective before the head, as the term's own name would have it."""
    return [
        (adjectives[v[0]], *v[1:])
        for v in orders
        if 2 <= len(v) <= 3 and v[0] in adjectives and not FUNCTION_WORDS.intersection(v)
    ]


# Adjectives without an adjective ending that name a body system ("immune system").
_SYSTEM_ADJECTIVES = frozenset({"immune", "endocrine", "exocrine"})


def _organ_system_variants(keys: list[Key]) -> list[Key]:
    """'Abnormality of the endocrine system' is written 'endocrine abnormalities', 'respiratory
    tract infection' 'respiratory infection': an adjective before "system" or "tract" names the
    system alone when another word follows ("abnormality of the endocrine" is no phrase)."""
    out: list[Key] = []
    for k in keys:
        for i in range(1, len(k) - 1):
            adj = k[i - 1]
            if k[i] in ("system", "tract") and k[i + 1] not in FUNCTION_WORDS:
                if is_adjective_like(adj) or adj in _SYSTEM_ADJECTIVES:
                    out.append((*k[:i], *k[i + 1 :]))
    return out


@lru_cache(maxsize=1 << 16)  # asked of the same few thousand words for every text
def is_adjective_like(word: str) -> bool:
    """An adjective by its ending or a plain one; no part-of-speech tagger needed for names."""
    return (word.endswith(_ADJECTIVE_ENDINGS) and word not in _GERUND_NOUNS) or (
        word in PLAIN_ADJECTIVES
    )


def _leading_adjectives(mods: tuple[str, ...]) -> int:
    n = 0
    while n < len(mods) and is_adjective_like(mods[n]):
        n += 1
    return n


_ORDINALS = dict(
    zip(
        "1 2 3 4 5 6 7 8 9 10".split(),
        "first second third fourth fifth sixth seventh eighth ninth tenth".split(),
        strict=True,
    )
)
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
# parts numbered in order along a hand, a foot or the chest
_NUMBERED_PARTS = frozenset("finger toe metacarpal metatarsal rib digit ray".split())


# everyday names of numbered digits ("1st finger" is HPO's "thumb", "1st toe" its "hallux")
_DIGIT_NAMES: dict[tuple[str, str], tuple[Key, ...]] = {
    ("second", "finger"): (("index", "finger"),),
    ("third", "finger"): (("middle", "finger"),),
    ("fourth", "finger"): (("ring", "finger"),),
    ("fifth", "finger"): (("little", "finger"),),
    ("fifth", "toe"): (("little", "toe"),),
}


def _ordinal_variants(key: Key) -> list[Key]:
    """'Clinodactyly of the 5th finger' -> '... fifth finger'; '2-3 toe syndactyly' ->
    'syndactyly of the second and third toes', the way text spells the numbers."""
    if not any(w in _ORDINALS for w in key):
        return []
    words: list[str] = []
    for w in key:  # "5 th" -> "fifth"
        if w in _ORDINAL_SUFFIXES and words and words[-1] in _ORDINALS:
            words[-1] = _ORDINALS[words[-1]]
        else:
            words.append(w)
    i = 0
    while i < len(words):  # a run of numbers next to a numbered part: "2 3 toe", "toe 2 3"
        if words[i] not in _ORDINALS:
            i += 1
            continue
        j = i
        while j < len(words) and words[j] in _ORDINALS:
            j += 1
        before = words[i - 1] if i else ""
        after = words[j] if j < len(words) else ""
        if before in _NUMBERED_PARTS or after in _NUMBERED_PARTS:
            words[i:j] = [_ORDINALS[w] for w in words[i:j]]
        i = j
    out = [tuple(words)] if tuple(words) != key else []
    for i in range(len(words) - 1):  # "5th finger" is also the "little finger"
        lay = _DIGIT_NAMES.get((words[i], words[i + 1]))
        if lay is not None and not (i and words[i - 1] in ("and", "to", "or")):
            out.extend((*words[:i], *name, *words[i + 2 :]) for name in lay)
    if (
        len(key) >= 4
        and key[0] in _ORDINALS
        and key[1] in _ORDINALS
        and key[2] in _NUMBERED_PARTS
        and not FUNCTION_WORDS.intersection(key[3:])
    ):
        first, second, part, finding = _ORDINALS[key[0]], _ORDINALS[key[1]], key[2], key[3:]
        out.append((*finding, "of", first, "and", second, part))
        out.append((*finding, "between", first, "and", second, part))
    return out


def _word_order_variants(key: tuple[str, ...], nouns: dict[str, str]) -> list[tuple[str, ...]]:
    """'hip pain' -> 'pain of/in/at/on hip'; 'abnormality of hip' -> 'hip abnormality'.

    An adjective modifier with a known noun ('axonal' -> 'axon') gives 'degeneration of axon';
    longer noun chains take "of" only ('urinary bladder wall hypertrophy' -> 'hypertrophy of
    urinary bladder wall'), and a compound after "of" is unfolded ('sclerosis of toe phalanx'
    -> 'sclerosis of phalanx of toe').
    """
    out: list[tuple[str, ...]] = []
    if (
        2 <= len(key) <= 5
        and not FUNCTION_WORDS.intersection(key)
        and not key[-1].isdigit()
        and key[-1] not in POSTPOSED  # "reflexes absent" gives no "absent in reflexes"
        and _NUMBER_WORDS.isdisjoint(key)  # "absent one kidney" gives no "kidney in one"
    ):
        head, mods = key[-1], key[:-1]
        preps = _VARIANT_PREPOSITIONS if len(key) <= 3 else ("of",)
        noun_before = (
            not mods[-1].endswith(_ADJECTIVE_ENDINGS)
            and mods[-1] not in _SYSTEM_ADJECTIVES
            and mods[-1] not in PLAIN_ADJECTIVES  # no "thumb of broad"
        )
        if noun_before or mods[-1] in _GERUND_NOUNS:
            # "mandibular hyperplasia": no "of"; but "hearing loss" -> "loss of hearing"
            lead = _leading_adjectives(mods)
            if not _qualitative(mods[0], alone=len(mods) == 1):
                # no "reflex of absent achilles", "thumb of broad"; "soft tissue" stays
                out.extend((head, prep, *mods) for prep in preps)
            if len(mods) >= 2 and mods[0].endswith(_ADJECTIVE_ENDINGS):
                # the adjective stays with the head: "preaxial polydactyly of hand"
                out.extend((mods[0], head, prep, *mods[1:]) for prep in preps)
            if 0 < lead < len(mods) and (lead > 1 or mods[0] in PLAIN_ADJECTIVES):
                # all of them: "multiple adenomatous polyps of the colon"
                out.extend((*mods[:lead], head, prep, *mods[lead:]) for prep in preps)
        elif len(mods) == 1 and mods[0] in _SYSTEM_ADJECTIVES:
            out.append((head, "of", mods[0], "system"))  # "deficiency of the immune system"
        elif len(mods) == 1 and mods[0] in nouns:
            # "telangiectasia of / on / in the face" for "Facial telangiectasia"; a process
            # takes "of" only ("delay in the development of feeding skills" is no global delay)
            noun = nouns[mods[0]]
            out.extend((head, p, noun) for p in (("of",) if noun in _PROCESS_NOUNS else preps))
        elif mods[-1] in nouns and all(m in SIDES for m in mods[:-1]):
            # a side stays with the part: "dilatation of the left ventricle" for "Left
            # ventricular dilatation", "hypoplasia of the right lung"
            side, noun = mods[:-1], nouns[mods[-1]]
            out.extend((head, p, *side, noun) for p in ("of", "in"))
        elif mods[-1] in nouns and _leading_adjectives(mods[:-1]) == len(mods) - 1:
            # the other adjectives stay: "short nasal septum" -> "short septum of nose", "deep
            # plantar creases" -> "deep creases on the soles"
            out.extend((*mods[:-1], head, p, nouns[mods[-1]]) for p in preps if p != "at")
    if key.count("of") == 1 and 3 <= len(key) <= 5:
        i = key.index("of")
        left, right = key[:i], key[i + 1 :]
        if left and right and not FUNCTION_WORDS.intersection(left + right):
            out.append(right + left)
            if 2 <= len(right) <= 3 and not right[-2].endswith(_ADJECTIVE_ENDINGS):
                out.append((*left, "of", right[-1], "of", *right[:-1]))
    return out


# Adjective -> noun suffix rules, kept only when both words are in the vocabulary's lexicon:
# clavicular/clavicle, patellar/patella, axonal/axon, corneal/cornea, bridged/bridging.
_NOUN_OF_ADJECTIVE = (
    ("ular", "le"),
    ("ar", "a"),
    ("eal", "ea"),
    ("al", "a"),
    ("al", ""),
    ("al", "e"),
    ("ed", "ing"),
)
# Condition adjective -> condition noun: dysplastic/dysplasia, stenotic/stenosis, atrophic/atrophy.
_CONDITION_OF_ADJECTIVE = (
    ("stic", "sia"),
    ("tic", "sia"),
    ("tic", "sis"),
    ("ic", "ia"),
    ("ic", "y"),
)
# Condition adjectives whose noun is the -ness form: "weak muscles" for "Muscle weakness".
# Not the measures ("lip thickness", "narrowness") nor the senses that name no finding.
_NESS_CONDITIONS = frozenset(
    "weak stiff numb blind deaf dry red pale hoarse tight tired tender".split()
)
# Condition adjectives of another form: "swollen joints" for "Joint swelling", "painful
# joints" for "Joint pain".
_IRREGULAR_CONDITIONS = {
    "swollen": "swelling",
    "painful": "pain",
    # "hypermobile joints" for "Joint hypermobility": HPO never writes the adjective
    "hypermobile": "hypermobility",
    "fragile": "fragility",  # "fragile bones"
}
# Participle -> its noun: enlarged/enlargement, fused/fusion, calcified/calcification,
# duplicated/duplication, absent/absence ("-ed"/"-ing" pairs are covered by the noun rules).
_NOMINAL_OF_PARTICIPLE = (
    ("ured", "ure"),  # fractured/fracture, ruptured/rupture
    ("ified", "ification"),
    ("ated", "ation"),
    ("sed", "sion"),
    ("ted", "tion"),
    ("ed", "ement"),
    ("ed", "ation"),
    ("ed", "ion"),
    ("ed", "ment"),
    ("ent", "ence"),
)
# Verbs too general for the noun to name the same finding ("formed X" is no "formation of
# X", "developed speech" no "speech development"), and pairs of different senses.
_NOMINAL_EXCLUDED = frozenset(
    "associated based confused demonstrated dependent depressed developed different "
    "directed distributed expressed formed generalized isolated limited localized located "
    "organized placed present related stimulated underdeveloped".split()
)
# Relational adjectives whose noun is another word (Latin adjective, English noun), used like
# the suffix pairs above but only in a second pass: 'atrophy of the brain' for 'Cerebral
# atrophy' where no term claims it. Kept only when both words occur in the vocabulary.
# (Pairs that are the same concept in every HPO term are word synonyms in normalize.py.)
_QUALITATIVE_ENDINGS = ("ed", "ent", "ive", "ous")


def _qualitative(word: str, alone: bool) -> bool:
    """An adjective that says how a part is ("absent", "broad", "enlarged"), which stays before
    its noun; unlike a classifying one ("facial", "spinal": "weakness of the facial muscles").
    A plain adjective counts only `alone`: before another noun it may make a compound with it
    ("soft tissue swelling", "short term memory impairment")."""
    return (
        (alone and word in PLAIN_ADJECTIVES)
        or word in POSTPOSED
        or (word.endswith(_QUALITATIVE_ENDINGS) and word not in _GERUND_NOUNS)
    )


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
# Words in -al/-ar that name a part as nouns: "abnormal metacarpals", "the ear canal"
_NOUNS_LIKE_ADJECTIVES = frozenset(
    "canal ear molar premolar carpal metacarpal metatarsal pineal adrenal".split()
)


def _relational_adjective(word: str, nouns: dict[str, str]) -> bool:
    """A classifying adjective ("retinal", "pupillary"), which never ends a noun phrase."""
    if word in nouns or word in IRREGULAR_NOUN_OF_ADJECTIVE:
        return True
    return word.endswith(("al", "ar", "ic")) and word not in _NOUNS_LIKE_ADJECTIVES


IRREGULAR_NOUN_OF_ADJECTIVE = {
    "cerebral": "brain",
    "nasal": "nose",
    "oral": "mouth",
    "facial": "face",
    "cranial": "skull",
    "lingual": "tongue",
    "labial": "lip",
    "splenic": "spleen",
    "thoracic": "chest",
    "pancreatic": "pancreas",
    "colonic": "colon",
    "rectal": "rectum",
    "anal": "anus",
    "uterine": "uterus",
    "ovarian": "ovary",
    "testicular": "testis",
    "scrotal": "scrotum",
    "penile": "penis",
    "pupillary": "pupil",
    "palpebral": "eyelid",
    "mammary": "breast",
    "pelvic": "pelvis",
    "femoral": "femur",
    "humeral": "humerus",
    "costal": "rib",
    "sternal": "sternum",
    "spinal": "spine",
    "cerebellar": "cerebellum",
    "aortic": "aorta",
    "arterial": "artery",
    "venous": "vein",
    "esophageal": "esophagus",
    "laryngeal": "larynx",
    "pharyngeal": "pharynx",
    "bronchial": "bronchus",
    "duodenal": "duodenum",
    "umbilical": "umbilicus",
    "axillary": "axilla",
    "phalangeal": "phalanx",
    "atrial": "atrium",
    "valvular": "valve",
    "lenticular": "lens",
    "maxillary": "maxilla",
    "gingival": "gum",
    "helical": "helix",
    "genital": "genitalia",
    "abdominal": "abdomen",
    "palmar": "palm",
    "plantar": "sole",
    # "-ium" organs: "carcinoma of the endometrium", "thickening of the myocardium"
    "endometrial": "endometrium",
    "myocardial": "myocardium",
    "pericardial": "pericardium",
    "prostatic": "prostate",
    "thymic": "thymus",  # "thymic aplasia" is Aplasia of the thymus
    "vermian": "vermis",  # "vermian hypoplasia"
}
# Morphology terms are also written as malformations and shapes of the part.
_MORPHOLOGY_SYNONYMS = ("shape",)
# Closed compounds HPO spells as one word that authors also write as two ("ear lobe creases").
_COMPOUND_SPLITS = {
    "earlobe": ("ear", "lobe"),
    "eyelid": ("eye", "lid"),
    "eyelash": ("eye", "lash"),
    "eyebrow": ("eye", "brow"),
    "fingernail": ("finger", "nail"),
    "patella": ("knee", "cap"),  # "kneecap", "collarbone" are read as these (WORD_SYNONYMS)
    "clavicle": ("collar", "bone"),
    "cheekbone": ("cheek", "bone"),
    "hairline": ("hair", "line"),
    "fingertip": ("finger", "tip"),
    "birthweight": ("birth", "weight"),
    "heartbeat": ("heart", "beat"),
    "nosebleed": ("nose", "bleed"),
    "brainstem": ("brain", "stem"),  # "brain stem atrophy"
    "gallbladder": ("gall", "bladder"),
    "eyeball": ("eye", "ball"),
    "glutamyltransferase": ("glutamyl", "transferase"),  # "gamma-glutamyl transferase"
}


# and the other way: the two words HPO writes apart that authors close up ("Brain stem
# compression": "brainstem compression")
_COMPOUND_JOINS = {parts: word for word, parts in _COMPOUND_SPLITS.items()}


# Anatomical words written as phrases: "broad first toes" and "broad great toes" are Broad hallux.
_WORD_PHRASES = {
    "hallux": (("great", "toe"), ("big", "toe"), ("first", "toe")),
    "pollex": (("thumb",),),
}


def _compound_split_variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """'Anterior creases of earlobe' -> 'anterior creases of ear lobe'; 'Broad hallux' ->
    'broad great toe', 'broad first toe' ...; nothing without such a word."""
    out: list[tuple[str, ...]] = []
    if not _COMPOUND_SPLITS.keys().isdisjoint(key):
        out.append(tuple(part for w in key for part in _COMPOUND_SPLITS.get(w, (w,))))
    for i in range(len(key) - 1):  # "Brain stem compression": "brainstem compression"
        joined = _COMPOUND_JOINS.get(key[i : i + 2])
        if joined is not None:
            out.append((*key[:i], joined, *key[i + 2 :]))
    for word, phrases in _WORD_PHRASES.items():
        if word in key:
            i = key.index(word)
            out.extend((*key[:i], *phrase, *key[i + 1 :]) for phrase in phrases)
    return out


def _derived(lexicon: frozenset[str], rules: tuple[tuple[str, str], ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for w in lexicon:
        for suffix, repl in rules:
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                cand = w[: len(w) - len(suffix)] + repl
                if cand != w and cand in lexicon:
                    out[w] = cand
                    break
    return out


def _nominal_variants(
    key: tuple[str, ...], nominals: dict[str, str], participles: dict[str, str]
) -> list[tuple[str, ...]]:
    """'Enlarged kidney' -> 'kidney enlargement', 'enlargement of kidney'; and back:
    'Vertebral fusion' / 'fusion of vertebra' -> 'fused vertebra'.

    Only for short phrases without function words (beyond the one "of"), and the participle
    only before a noun: 'aortic dilatation' gives no 'dilated aortic'.
    """
    out: list[tuple[str, ...]] = []
    if not 2 <= len(key) <= 4 or key[-1].isdigit():
        return out
    plain = not FUNCTION_WORDS.intersection(key)
    if plain and key[0] in nominals:
        nom, rest = nominals[key[0]], key[1:]
        out.append((nom, "of", *rest))
        out.append((*rest, nom))
    if (
        plain
        and key[-1] in participles
        and (not key[-2].endswith(_ADJECTIVE_ENDINGS) or key[-2] in _GERUND_NOUNS)
    ):
        out.append((participles[key[-1]], *key[:-1]))
    if (
        len(key) >= 3
        and key[1] == "of"
        and key[0] in participles
        and not FUNCTION_WORDS.intersection(key[2:])
    ):
        out.append((participles[key[0]], *key[2:]))
    return out


def _abnormal_variants(key: tuple[str, ...], nouns: dict[str, str]) -> list[tuple[str, ...]]:
    """'EEG abnormality' / 'Abnormality of movement' -> 'abnormal EEG', 'abnormal movement';
    'Behavioral abnormality' -> 'abnormal behavior' (the adjective's noun, when known)."""
    before = key[-1] == "abnormality"  # the part before: maybe an adjective
    if before:
        part = key[:-1]
    elif key[:2] == ("abnormality", "of"):
        part = key[2:]
    else:
        return []
    if not 1 <= len(part) <= 2 or FUNCTION_WORDS.intersection(part) or part[-1].isdigit():
        return []
    if before and part[-1].endswith(_ADJECTIVE_ENDINGS):
        if part[-1] not in nouns:
            return []
        part = (*part[:-1], nouns[part[-1]])
    return [("abnormal", *part)]


def _morphology_variants(
    key: tuple[str, ...],
    nouns: dict[str, str],
    adjectives: dict[str, str],
    conditions: dict[str, str],
    condition_adjectives: dict[str, str],
) -> list[tuple[str, ...]]:
    """Variants from word formation, each a phrasing the ontology implies but does not list.

    'Abnormal rib morphology' -> 'abnormal rib', 'rib malformation', 'malformation of rib',
    'abnormal rib shape'; 'Dysplastic patella' -> 'patellar dysplasia', 'dysplasia of patella';
    'Bridged sella turcica' -> 'bridging of sella turcica'; 'Abnormal clavicle morphology' ->
    'abnormal clavicular morphology' (a noun replaced by its adjective).
    """
    out: list[tuple[str, ...]] = []
    if len(key) >= 3 and key[0] == "abnormal" and key[-1] == "morphology":
        part = key[1:-1]
        if not FUNCTION_WORDS.intersection(part):
            if not _relational_adjective(part[-1], nouns):
                # "abnormal rib", "abnormal capillaries"; no "abnormal retinal", whose
                # adjective belongs to the noun after it in any text ("abnormal retinal vessels")
                out.append(("abnormal", *part))
            out.append((*part, "malformation"))
            out.append(("malformation", "of", *part))
            out.extend(("abnormal", *part, syn) for syn in _MORPHOLOGY_SYNONYMS)
            noun_last = not part[-1].endswith(_ADJECTIVE_ENDINGS)
            if not noun_last and len(part) == 1 and part[0] in nouns:
                # "Abnormal aortic morphology" -> "abnormality of the aorta", "abnormal aorta"
                part = (nouns[part[0]],)
                noun_last = True
                out.append(("abnormal", *part))
            if noun_last and part[-1] not in IRREGULAR_NOUN_OF_ADJECTIVE:
                # no "abnormality of fetal", "anomaly of ovarian"
                out.extend(("abnormal", syn, "of", *part) for syn in _MORPHOLOGY_SYNONYMS)
                out.append(("abnormal", "morphology", "of", *part))
                # below any "Abnormality of X" term, which is wider and wins when it exists
                out.append(("abnormality", "of", *part))
    if 2 <= len(key) <= 3 and not FUNCTION_WORDS.intersection(key):
        adj, noun = key[0], key[1:]  # "Aplastic carpal bone" -> "carpal bone aplasia"
        if adj in conditions:
            cond = conditions[adj]
            out.append((*noun, cond))
            out.append((cond, "of", *noun))
            if len(noun) == 1 and noun[0] in adjectives:
                out.append((adjectives[noun[0]], cond))
        *part, cond = key
        adj = condition_adjectives.get(cond)
        if adj is not None and len(part) == 1:
            # "Renal hypoplasia" -> "hypoplastic kidney", "Patellar dysplasia" -> "dysplastic
            # patella": the part as a noun (renal is already "kidney"); none for an adjective
            # without one ("Optic atrophy" gives no "atrophic optic")
            if part[0] in nouns:
                out.append((adj, nouns[part[0]]))
            elif not part[0].endswith(_ADJECTIVE_ENDINGS):
                out.append((adj, part[0]))
        elif adj is not None and len(part) == 2 and not part[-1].endswith(_ADJECTIVE_ENDINGS):
            out.append((adj, *part))  # "Optic nerve atrophy" -> "atrophic optic nerve"
    if 3 <= len(key) <= 4 and key[1] == "of" and key[0] in condition_adjectives:
        # "Hypoplasia of the upper eyelids" -> "hypoplastic upper eyelid", "Aplasia of the
        # radius" -> "aplastic radius": the of-form names the part as nouns already
        part = key[2:]
        if not FUNCTION_WORDS.intersection(part) and not part[-1].endswith(_ADJECTIVE_ENDINGS):
            out.append((condition_adjectives[key[0]], *part))
    if 2 <= len(key) <= 3 and key[0] == "difficulty" and not FUNCTION_WORDS.intersection(key):
        # "Difficulty walking": "walking was difficult" (read by `predicative`)
        out.append(("difficult", *key[1:]))
    if 2 <= len(key) <= 4 and not FUNCTION_WORDS.intersection(key):
        verb, rest = key[0], key[1:]
        if verb.endswith("ed") and nouns.get(verb, "").endswith("ing"):
            out.append((nouns[verb], "of", *rest))  # "bridged X" -> "bridging of X"
            out.append((*rest, nouns[verb]))
    if len(key) <= 4:
        for i, w in enumerate(key):
            if w in adjectives and (i + 1 < len(key)) and key[i + 1] not in FUNCTION_WORDS:
                out.append((*key[:i], adjectives[w], *key[i + 1 :]))
    expanded = list(out)
    for v in out:  # "abnormal clavicular morphology" -> "abnormal clavicular shape"
        if v[0] == "abnormal" and v[-1] == "morphology" and len(v) >= 3:
            expanded.extend(("abnormal", *v[1:-1], syn) for syn in _MORPHOLOGY_SYNONYMS)
    return expanded


# noun suffix -> adjective suffixes ("hypotonia" -> "hypotonic", "obesity" -> "obese")
_SUFFIX_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("psy", ("ptic",)),  # epilepsy
    ("ism", ("e", "istic", "ic")),  # hirsutism, autism, dwarfism -> dwarfic? never written
    ("bility", ("ble",)),  # irritability
    ("ity", ("", "e")),  # spasticity, obesity, infertility, hyperactivity
    ("iness", ("y",)),  # drowsiness
    ("ness", ("",)),  # blindness, deafness
    ("osis", ("otic",)),  # cyanosis
    ("sion", ("sive", "sed")),  # hypertension, depression
    ("ation", ("ated",)),  # dehydration, agitation
    ("ice", ("iced",)),  # jaundice
    ("ia", ("ic",)),  # hypotonia, anemia, hemiplegia
    ("ea", ("eic",)),  # tachypnea, dyspnea, apnea
    ("y", ("ic",)),  # microcephaly, macrocephaly
)
# adjectives no suffix rule reaches, to the key of the term they describe
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "febrile": ("fever",),
    "feverish": ("fever",),
    "nauseated": ("nausea",),
    "nauseous": ("nausea",),
    "short": ("short", "stature"),
    "tall": ("tall", "stature"),
    "retarded": ("intellectual", "disability"),
    "pale": ("pallor",),  # "he was pale and sweaty"
    "sweaty": ("sweating",),
    "floppy": ("hypotonia",),  # "a floppy infant"
    "comatose": ("coma",),
}
# derived forms that say something else of a person: "negative for", "slow to", "left alone"
_NOT_CONDITION_ADJECTIVES = frozenset("negative alone cold slow dull inactive meninges shy".split())
_MIN_NOUN_LETTERS = 6  # "pain" -> "pa": short nouns give no adjective worth the risk


def condition_adjectives(
    one_word_terms: Iterable[tuple[str, str]],
    lemma: Callable[[str], str],
    terms: dict[tuple[str, ...], tuple[str, int]],
) -> dict[str, str]:
    """Adjective key -> HPO id, for one-word terms (key, id) listed in the ontology."""
    out: dict[str, str] = {}
    for noun, hpo_id in sorted(one_word_terms):
        if len(noun) < _MIN_NOUN_LETTERS:
            continue
        for suffix, replacements in _SUFFIX_RULES:
            if noun.endswith(suffix):
                stem = noun[: -len(suffix)]
                for r in replacements:
                    adj = lemma(stem + r)
                    if (adj,) not in terms and adj not in _NOT_CONDITION_ADJECTIVES:
                        # (a term of its own is matched as one)
                        out.setdefault(adj, hpo_id)
                break
    for adj, key in _IRREGULAR.items():
        hit = terms.get(key)
        if hit is not None:
            out.setdefault(lemma(adj), hit[0])
    return out
