"""The HPO symptom vocabulary as token-key lookup tables, built once and cached.

Terms under Phenotypic abnormality (HP:0000118) with their names and synonyms, the curated lay
phrasings kept in this package, and generated word-order variants ("pain in the hip" for "hip
pain") are turned into tuples of normalized token keys. Building takes a few seconds; the
pickled result loads in well under one, which is what a pipeline worker or `evidence tag` pays.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from text_processing.normalize import NUMBER_KEY, Lemmatizer, fold, raw_words
from text_processing.obo import current_ids, default_obo_path, descendants, read_obo
from text_processing.phrasing_variants import family_variants

PHENOTYPE_ROOT = "HP:0000118"
DATA_DIR = Path(__file__).parent / "data"
DEFAULT_PHRASINGS = DATA_DIR / "lay_phrasings.tsv"
BLOCKED_TERMS = DATA_DIR / "blocked_terms.tsv"
NOT_PHENOTYPES = DATA_DIR / "not_phenotypes.tsv"
# The id of a phrase that holds a term but names no phenotype; matched, then dropped.
NOT_A_PHENOTYPE = ""
VOCAB_FORMAT = 6  # bump when the cached structure changes

# Words that make a phrase relational; phrases holding them get no word-order variants.
_FUNCTION_WORDS = frozenset(
    "of in on at and or with to by for from without not no nor as is are into per than".split()
)
_VARIANT_PREPOSITIONS = ("of", "in", "at", "on")
_ADJECTIVE_ENDINGS = ("al", "ar", "ic", "ous", "ive", "ary", "ed", "ing", "ile", "oid", "ent")
# Words in -ing that name a function, used as nouns before a head ("hearing loss", "swallowing
# difficulty"), unlike participles ("bulging forehead"): they take "loss of hearing".
_GERUND_NOUNS = frozenset(
    "hearing bleeding breathing swallowing sleeping feeding walking learning speaking chewing "
    "sweating vomiting smelling reading writing sucking urinating".split()
)

# Priorities: lower wins when two terms share a key.
# Curated phrasings come first: an editor's decision overrides the ontology's default reading.
# Names of obsolete terms map to their successor, below every current name and synonym; HPO's
# BROAD and NARROW synonyms share that rank.
(
    PRIO_CURATED,
    PRIO_NAME,
    PRIO_EXACT,
    PRIO_LAY,
    PRIO_RELATED,
    PRIO_OBSOLETE,
    PRIO_VARIANT,
    PRIO_FALLBACK,
) = range(8)
PRIO_LOOSE = PRIO_OBSOLETE  # HPO's BROAD and NARROW synonyms: wider or narrower than the term


@dataclass
class Vocabulary:
    """Lookup tables for the matcher, plus labels and the is_a graph for callers."""

    terms: dict[tuple[str, ...], tuple[str, int]] = field(default_factory=dict)
    # key -> the letters the text must show exactly (short upper-case abbreviations: "ASD").
    case_sensitive: dict[tuple[str, ...], str] = field(default_factory=dict)
    max_len: dict[str, int] = field(default_factory=dict)  # first key -> longest term length
    labels: dict[str, str] = field(default_factory=dict)
    parents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lexicon: frozenset[str] = frozenset()
    search_names: list[tuple[str, str, str]] = field(default_factory=list)  # (folded, id, shown)
    # alt_id or obsolete id -> the current primary id (gold from an older HPO release)
    replaced: dict[str, str] = field(default_factory=dict)

    def add(self, key: tuple[str, ...], hpo_id: str, prio: int, surface: str = "") -> None:
        if not key:
            return
        old = self.terms.get(key)
        if old is not None and old[1] <= prio:
            return
        self.terms[key] = (hpo_id, prio)
        if surface:
            self.case_sensitive[key] = surface
        else:
            self.case_sensitive.pop(key, None)
        if self.max_len.get(key[0], 0) < len(key):
            self.max_len[key[0]] = len(key)

    def current_id(self, hpo_id: str) -> str:
        """The id HPO uses today for `hpo_id` (itself when it is current or unknown)."""
        return self.replaced.get(hpo_id, hpo_id)

    def ancestors(self, hpo_id: str) -> set[str]:
        out: set[str] = set()
        stack = list(self.parents.get(hpo_id, ()))
        while stack:
            p = stack.pop()
            if p not in out:
                out.add(p)
                stack.extend(self.parents.get(p, ()))
        return out


def _is_abbreviation(text: str, syn_type: str) -> bool:
    """Whether the synonym must match letter case: "ASD", "NFTs", but not "Abnormal EEG".

    HPO types a phrase holding an abbreviation as one ("Abnormal EEG", "GI hemorrhage"); its
    ordinary words make it unambiguous, so only a one-word or all-capitals synonym keeps case.
    """
    letters = text.replace("-", "").replace(" ", "")
    upper = letters.isalnum() and letters.upper() == letters
    if syn_type == "abbreviation":
        return upper or " " not in text.strip()
    return upper and len(letters) <= 6


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def read_blocked(path: Path = BLOCKED_TERMS) -> set[str]:
    """Phrases never matched: ambiguous English words and over-generic terms (folded text)."""
    if not path.exists():
        return set()
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        phrase = line.split("\t")[0].strip()
        if phrase and not phrase.startswith("#"):
            out.add(" ".join(fold(w) for w in raw_words(phrase)))
    return out


def read_phrasings(path: Path) -> list[tuple[str, str, int]]:
    """Curated lay phrasings: `phrase<TAB>HP:id[<TAB>note]`; '#' stands for any number.

    Raises ValueError naming the file and line of a malformed row, so an editor's typo is found
    at load rather than silently dropping a phrasing.
    """
    rows: list[tuple[str, str, int]] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.reader(fh, delimiter="\t"), start=1):
            if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
                continue
            if len(row) < 2 or not row[1].strip().startswith("HP:"):
                raise ValueError(f"{path}:{lineno}: expected 'phrase<TAB>HP:nnnnnnn', got {row!r}")
            rows.append((row[0].strip(), row[1].strip(), lineno))
    return rows


def _word_order_variants(key: tuple[str, ...], nouns: dict[str, str]) -> list[tuple[str, ...]]:
    """'hip pain' -> 'pain of/in/at/on hip'; 'abnormality of hip' -> 'hip abnormality'.

    An adjective modifier with a known noun ('axonal' -> 'axon') gives 'degeneration of axon';
    longer noun chains take "of" only ('urinary bladder wall hypertrophy' -> 'hypertrophy of
    urinary bladder wall'), and a compound after "of" is unfolded ('sclerosis of toe phalanx'
    -> 'sclerosis of phalanx of toe').
    """
    out: list[tuple[str, ...]] = []
    if 2 <= len(key) <= 5 and not _FUNCTION_WORDS.intersection(key) and not key[-1].isdigit():
        head, mods = key[-1], key[:-1]
        preps = _VARIANT_PREPOSITIONS if len(key) <= 3 else ("of",)
        if not mods[-1].endswith(_ADJECTIVE_ENDINGS) or mods[-1] in _GERUND_NOUNS:
            # "mandibular hyperplasia": no "of"; but "hearing loss" -> "loss of hearing"
            out.extend((head, prep, *mods) for prep in preps)
            if len(mods) >= 2 and mods[0].endswith(_ADJECTIVE_ENDINGS):
                # the adjective stays with the head: "preaxial polydactyly of hand"
                out.extend((mods[0], head, prep, *mods[1:]) for prep in preps)
        elif len(mods) == 1 and mods[0] in nouns:
            out.append((head, "of", nouns[mods[0]]))
    if key.count("of") == 1 and 3 <= len(key) <= 5:
        i = key.index("of")
        left, right = key[:i], key[i + 1 :]
        if left and right and not _FUNCTION_WORDS.intersection(left + right):
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
# Participle -> its noun: enlarged/enlargement, fused/fusion, calcified/calcification,
# duplicated/duplication, absent/absence ("-ed"/"-ing" pairs are covered by the noun rules).
_NOMINAL_OF_PARTICIPLE = (
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
_IRREGULAR_NOUN_OF_ADJECTIVE = {
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
    "kneecap": ("knee", "cap"),
    "collarbone": ("collar", "bone"),
    "cheekbone": ("cheek", "bone"),
    "hairline": ("hair", "line"),
    "fingertip": ("finger", "tip"),
    "birthweight": ("birth", "weight"),
    "heartbeat": ("heart", "beat"),
    "nosebleed": ("nose", "bleed"),
}


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
                cand = w[: -len(suffix)] + repl
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
    plain = not _FUNCTION_WORDS.intersection(key)
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
        and not _FUNCTION_WORDS.intersection(key[2:])
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
    if not 1 <= len(part) <= 2 or _FUNCTION_WORDS.intersection(part) or part[-1].isdigit():
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
        if not _FUNCTION_WORDS.intersection(part):
            out.append(("abnormal", *part))
            out.append((*part, "malformation"))
            out.append(("malformation", "of", *part))
            out.extend(("abnormal", *part, syn) for syn in _MORPHOLOGY_SYNONYMS)
            noun_last = not part[-1].endswith(_ADJECTIVE_ENDINGS)
            if noun_last and part[-1] not in _IRREGULAR_NOUN_OF_ADJECTIVE:
                # no "abnormality of fetal", "anomaly of ovarian"
                out.extend(("abnormal", syn, "of", *part) for syn in _MORPHOLOGY_SYNONYMS)
                out.append(("abnormal", "morphology", "of", *part))
                # below any "Abnormality of X" term, which is wider and wins when it exists
                out.append(("abnormality", "of", *part))
    if 2 <= len(key) <= 3 and not _FUNCTION_WORDS.intersection(key):
        adj, noun = key[0], key[1:]  # "Aplastic carpal bone" -> "carpal bone aplasia"
        if adj in conditions:
            cond = conditions[adj]
            out.append((*noun, cond))
            out.append((cond, "of", *noun))
            if len(noun) == 1 and noun[0] in adjectives:
                out.append((adjectives[noun[0]], cond))
    if 2 <= len(key) <= 4 and not _FUNCTION_WORDS.intersection(key):
        verb, rest = key[0], key[1:]
        if verb.endswith("ed") and nouns.get(verb, "").endswith("ing"):
            out.append((nouns[verb], "of", *rest))  # "bridged X" -> "bridging of X"
            out.append((*rest, nouns[verb]))
    if len(key) <= 4:
        for i, w in enumerate(key):
            if w in adjectives and (i + 1 < len(key)) and key[i + 1] not in _FUNCTION_WORDS:
                out.append((*key[:i], adjectives[w], *key[i + 1 :]))
    expanded = list(out)
    for v in out:  # "abnormal clavicular morphology" -> "abnormal clavicular shape"
        if v[0] == "abnormal" and v[-1] == "morphology" and len(v) >= 3:
            expanded.extend(("abnormal", *v[1:-1], syn) for syn in _MORPHOLOGY_SYNONYMS)
    return expanded


def build_vocabulary(obo_path: Path, phrasings_path: Path) -> Vocabulary:
    terms = read_obo(obo_path)
    keep = descendants(terms, PHENOTYPE_ROOT)
    blocked = read_blocked()
    vocab = Vocabulary()
    entries: list[tuple[str, str, int, str]] = []  # (text, id, prio, surface-if-case-sensitive)
    for hpo_id in sorted(keep):
        t = terms[hpo_id]
        vocab.labels[hpo_id] = t.name
        vocab.parents[hpo_id] = tuple(p for p in t.parents if p in keep)
        entries.append((t.name, hpo_id, PRIO_NAME, ""))
        for text, scope, syn_type in t.synonyms:
            if syn_type == "obsolete_synonym":
                continue
            if scope in ("BROAD", "NARROW"):
                # what HPO's curators say people write ("Big head", "Kidney disease")
                prio = PRIO_LOOSE
            elif syn_type == "layperson":
                prio = PRIO_LAY
            else:
                prio = PRIO_EXACT if scope == "EXACT" else PRIO_RELATED
            surface = _letters(text) if _is_abbreviation(text, syn_type) else ""
            if surface and len(surface) < 3:
                continue  # two-letter abbreviations ("MR", "ID") are ordinary words too often
            entries.append((text, hpo_id, prio, surface))
    vocab.replaced = {old: new for old, new in current_ids(terms).items() if new in keep}
    for old_id, new_id in sorted(vocab.replaced.items()):
        t = terms.get(old_id)
        if t is None or not t.obsolete:
            continue  # an alt_id has no text of its own
        # An obsolete term's words still name its successor: "obsolete Congenital strabismus".
        for text in [t.name.removeprefix("obsolete ")] + [
            syn for syn, scope, syn_type in t.synonyms if scope in ("EXACT", "RELATED")
        ]:
            if not _is_abbreviation(text, ""):
                entries.append((text, new_id, PRIO_OBSOLETE, ""))
    for phrase, hpo_id, lineno in read_phrasings(phrasings_path):
        if hpo_id not in keep:
            raise ValueError(f"{phrasings_path}:{lineno}: {hpo_id} is not a phenotype term")
        entries.append((phrase, hpo_id, PRIO_CURATED, ""))

    # A '#' in a curated phrasing is any number: tokenized as a digit, then keyed NUMBER_KEY.
    folded = [
        [
            NUMBER_KEY if (prio == PRIO_CURATED and w == "0") else fold(w)
            for w in raw_words(text.replace("#", "0") if prio == PRIO_CURATED else text)
        ]
        for text, _, prio, _ in entries
    ]
    # the nouns of the irregular adjective pairs too, so "axillae" has a lemma for "axillary"
    vocab.lexicon = frozenset(w for words in folded for w in words).union(
        _IRREGULAR_NOUN_OF_ADJECTIVE.values()
    )
    lem = Lemmatizer(vocab.lexicon)
    from text_processing.normalize import GAP_WORDS

    nouns = _derived(vocab.lexicon, _NOUN_OF_ADJECTIVE)
    adjectives = {n: a for a, n in sorted(nouns.items()) if not a.endswith("ed")}
    late_nouns = dict(nouns)  # with the irregular pairs, for the second pass
    for adj, noun in _IRREGULAR_NOUN_OF_ADJECTIVE.items():
        if adj in vocab.lexicon and noun in vocab.lexicon:
            late_nouns.setdefault(lem.lemma_of_folded(adj), lem.lemma_of_folded(noun))
    late_adjectives = {n: a for a, n in sorted(late_nouns.items()) if not a.endswith("ed")}
    conditions = _derived(vocab.lexicon, _CONDITION_OF_ADJECTIVE)
    nominals = {
        lem.lemma_of_folded(p): lem.lemma_of_folded(n)
        for p, n in sorted(_derived(vocab.lexicon, _NOMINAL_OF_PARTICIPLE).items())
        if p not in _NOMINAL_EXCLUDED
    }
    participles: dict[str, str] = {}
    for p, n in sorted(nominals.items()):
        participles.setdefault(n, p)
    variants: list[tuple[tuple[str, ...], str]] = []
    fallbacks: list[tuple[tuple[str, ...], str]] = []
    # after the other variants, so they never take a phrase one of those already reads
    late_variants: list[tuple[tuple[str, ...], str]] = []
    for (text, hpo_id, prio, surface), words in zip(entries, folded, strict=True):
        if " ".join(words) in blocked:
            continue
        key = tuple(
            w if w == NUMBER_KEY else lem.lemma_of_folded(w) for w in words if w not in GAP_WORDS
        )
        vocab.add(key, hpo_id, prio, surface)
        # "Aplasia/Hypoplasia of the thumb" names alternatives, not a phrase: word order
        # would make "hypoplasia of thumb aplasia" of it
        if not surface and "/" not in text:
            variants.extend((v, hpo_id) for v in _word_order_variants(key, nouns))
            variants.extend(
                (v, hpo_id) for v in _morphology_variants(key, nouns, adjectives, conditions)
            )
            late = _nominal_variants(key, nominals, participles)
            if len(key) == 2 and key[0] == "large":  # "Large spleen": "enlarged spleen" too
                late += [("enlarged", *key[1:])]
                late += _nominal_variants(("enlarged", *key[1:]), nominals, participles)
            late += _word_order_variants(key, late_nouns)
            if 2 <= len(key) <= 3 and key[0] in _IRREGULAR_NOUN_OF_ADJECTIVE:
                # "Cerebral edema" is also "brain edema"
                late.append((lem.lemma_of_folded(_IRREGULAR_NOUN_OF_ADJECTIVE[key[0]]), *key[1:]))
            if 2 <= len(key) <= 4 and key[0] == "premature":
                late.append(("early", *key[1:]))  # "early loss of permanent teeth"
            for split in _compound_split_variants(key):
                late.append(split)
                late += _word_order_variants(split, late_nouns)
            late += _morphology_variants(key, late_nouns, late_adjectives, conditions)
            late += _abnormal_variants(key, late_nouns)
            late_variants.extend((v, hpo_id) for v in late)
            if len(key) >= 3 and key[:2] == ("abnormality", "of"):
                # a malformation is morphological: this reading only where no morphology
                # term claimed the phrase ("malformation of the ear" without one)
                fallbacks.append(((*key[2:], "malformation"), hpo_id))
                fallbacks.append((("malformation", "of", *key[2:]), hpo_id))
        if prio <= PRIO_RELATED:
            vocab.search_names.append((text.casefold(), hpo_id, text))
    for key, hpo_id in variants + late_variants:
        vocab.add(key, hpo_id, PRIO_VARIANT)
    for key, hpo_id in fallbacks:
        vocab.add(key, hpo_id, PRIO_FALLBACK)
    by_priority = sorted(vocab.terms.items(), key=lambda item: item[1][1])
    for key, hpo_id in family_variants([(k, h) for k, (h, _) in by_priority]):
        vocab.add(key, hpo_id, PRIO_FALLBACK)
    for phrase in read_blocked(NOT_PHENOTYPES):  # longer than the term inside, so they win
        key = tuple(lem.lemma_of_folded(w) for w in phrase.split() if w not in GAP_WORDS)
        vocab.add(key, NOT_A_PHENOTYPE, PRIO_CURATED)
    vocab.search_names.sort()
    return vocab


def _source_fingerprint(*paths: Path) -> str:
    """Changes when the ontology, the curated files or this code change."""
    h = hashlib.sha256(str(VOCAB_FORMAT).encode())
    here = Path(__file__).parent
    for p in (
        *paths,
        BLOCKED_TERMS,
        NOT_PHENOTYPES,
        *(here / f for f in ("vocabulary.py", "normalize.py", "obo.py", "phrasing_variants.py")),
    ):
        if p.exists():
            st = p.stat()
            h.update(f"{p}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def load_vocabulary(
    cache_dir: Path | None,
    phrasings_path: Path | None = None,
    obo_path: Path | None = None,
) -> Vocabulary:
    """From the cache when fresh, else built and cached (cache failures only cost time)."""
    obo_path = obo_path or default_obo_path()
    phrasings_path = phrasings_path or DEFAULT_PHRASINGS
    if not phrasings_path.exists():
        raise FileNotFoundError(f"{phrasings_path}: lay phrasings file not found")
    cache_file = None
    if cache_dir is not None:
        cache_file = Path(cache_dir) / (
            f"hpo_vocab_{_source_fingerprint(obo_path, phrasings_path)}.pickle"
        )
        if cache_file.exists():
            try:
                with open(cache_file, "rb") as fh:
                    return pickle.load(fh)
            except Exception:  # noqa: BLE001 - a corrupt cache is rebuilt, never fatal
                pass
    vocab = build_vocabulary(obo_path, phrasings_path)
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")  # workers may build at once
            with open(tmp, "wb") as fh:
                pickle.dump(vocab, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache_file)
        except OSError:
            pass
    return vocab
