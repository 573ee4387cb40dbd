"""Turn words into comparable keys: the one normalization shared by vocabulary and text.

Matching compares token keys, never raw strings, so the vocabulary and the text must be folded
by exactly the same function. Tokens keep their character offsets in the original text, so
folding (which may change a word's length, e.g. "ß" or ligatures) never shifts an offset.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from itertools import compress

# Letters and digits; hyphens, slashes, apostrophes and other punctuation separate tokens, so
# "wheelchair-bound" == "wheelchair bound" and "can't" == "can t" on both sides.
# Numbers are one token ("2.5"), and letters and digits split apart ("12kg" -> "12", "kg").
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+")
NUMBER_KEY = "#"  # what a number matches in curated patterns: "weight loss of # kg"

# Function words that may appear inside a phrase without changing the concept: "weakness of the
# thighs" == "weakness of thighs". Dropped from both terms and text before matching.
GAP_WORDS = frozenset({"the", "both", "his", "her", "their", "its", "my", "your", "our"})

# Whole-word British -> American spellings not covered by the letter rules below.
_SPELLING_WORDS = {
    "centre": "center",
    "centres": "centers",
    "fibre": "fiber",
    "fibres": "fibers",
    "grey": "gray",
    "sulphur": "sulfur",
    "goitre": "goiter",
    "goitres": "goiters",
    "connexion": "connection",
    "litre": "liter",
    "metre": "meter",
    "mould": "mold",
    "manoeuvre": "maneuver",
    "programme": "program",
    "aluminium": "aluminum",
}

# British -our- before a suffix: "behavioural", "discoloured", "favourable" (not "hours").
_OUR_INFIX = re.compile(r"(?<=[a-z]{3})our(?=(?:al|ally|ed|ing|able|ite|ites|ful|less)$)")

_ISE_RE = re.compile(r"^(.{4,})is(e|ed|es|ing)$")

IRREGULAR_PLURALS = {
    "feet": "foot",
    "teeth": "tooth",
    "children": "child",
    "men": "man",
    "women": "woman",
    "mice": "mouse",
    "lice": "louse",
    "calves": "calf",  # not "calve": "enlarged calves" are Calf muscle hypertrophy
    "halves": "half",
}


def fold(word: str) -> str:
    """Case, accents and British spelling folded away: 'Anaemia' -> 'anemia'."""
    w = word.casefold()
    if not w.isascii():
        w = unicodedata.normalize("NFKD", w)
        w = "".join(c for c in w if not unicodedata.combining(c))
    w = _SPELLING_WORDS.get(w, w)
    if len(w) > 3:
        if "ae" in w[:-1]:
            w = w[:-2].replace("ae", "e") + w[-2:]  # anaemia, haem-; keeps plural 'vertebrae'
        if "oe" in w[:-1]:
            head = w[:-2]
            while "oe" in head:  # "tracheo-oesophageal" folds like "tracheoesophageal"
                head = head.replace("oe", "e")
            w = head + w[-2:]  # oedema, diarrhoea; keeps 'toe'
            if w.endswith(("oea", "oeas")):
                w = w.replace("oea", "ea")  # diarrhoea, dyspnoea, apnoea, amenorrhoea
        if w.startswith("sulph"):
            w = "sulf" + w[5:]  # sulphate, sulphonamide
        if w.endswith("our") and len(w) > 4:
            w = w[:-3] + "or"  # tumour, behaviour
        elif w.endswith("ours") and len(w) > 5:
            w = w[:-4] + "ors"
        elif "our" in w[3:-2]:
            w = _OUR_INFIX.sub("or", w)  # behavioural, coloured, favourable
        if "leuco" in w:
            w = w.replace("leuco", "leuko")  # leucopenia, leucodystrophy (not leucine)
        if w.startswith("paralys") and w.endswith(("sed", "sing", "se")):
            w = "paralyz" + w[7:]  # paralysed limb (the noun paralysis stays)
        if "isation" in w:
            w = w.replace("isation", "ization")
        if w.endswith(("ise", "ised", "ises", "ising")):
            # decided on the stem, so every form of a word folds alike: "organised" ->
            # "organized", while "bruise", "bruises", "bruising" all stay
            w = _ISE_RE.sub(r"\1iz\2", w)
    return w


_ES_STEM_ENDINGS = ("s", "x", "z", "ch", "sh", "o")


def singular_candidates(w: str) -> list[str]:
    """Possible singular forms of a folded word, most specific rule first."""
    if w in IRREGULAR_PLURALS:
        return [IRREGULAR_PLURALS[w]]
    out: list[str] = []
    if len(w) <= 3:
        return out
    if w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("mata"):
        out.append(w[:-2])  # fibromata -> fibroma, scotomata -> scotoma
    if w.endswith("ina"):
        out.append(w[:-3] + "en")  # foramina -> foramen, lumina -> lumen
    if w.endswith("nges"):
        out.append(w[:-3] + "x")  # phalanges -> phalanx, larynges -> larynx
    if w.endswith("ses"):
        out.append(w[:-3] + "sis")  # stenoses -> stenosis
    if w.endswith("tes"):
        out.append(w[:-2] + "is")  # testes -> testis (before "test")
    if w.endswith("ices"):
        out.extend([w[:-4] + "ex", w[:-4] + "ix"])  # appendices
    if w.endswith("ora"):
        out.extend([w[:-3] + "ur", w[:-3] + "us"])  # femora -> femur, corpora -> corpus
    if w.endswith("ae"):
        out.append(w[:-1])  # vertebrae -> vertebra
    if w.endswith("i"):
        out.append(w[:-1] + "us")  # nuclei -> nucleus
    if w.endswith("a") and w not in _SINGULAR_A:
        out.append(w[:-1] + "um")  # diverticula -> diverticulum
        if len(w) >= 7 and not w.endswith("tia"):  # not Latin -tia (dementia, serratia)
            out.append(w[:-1] + "on")  # acrochorda -> acrochordon, ganglia -> ganglion
    # "-s" before "-es": "toes" is "toe" (not "to"), "bones" "bone"; "boxes" has no "boxe"
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        out.append(w[:-1])
    if w.endswith("es") and w[:-2].endswith(_ES_STEM_ENDINGS):
        out.append(w[:-2])  # "boxes", "reflexes"; "hives" is no "hiv"
    return out


# Singular nouns in -a beside a Latin -um word of the vocabulary: "cornea" is no plural of
# "(stratum) corneum" (it was, and "corneas" then missed every term of the cornea).
_SINGULAR_A = frozenset({"cornea"})


def _plurals_of(w: str) -> list[str]:
    """Plural forms of a singular: English, then Latin and Greek ("hemivertebra" -> "-ae")."""
    out = [w + "s"]
    if w.endswith(_ES_STEM_ENDINGS):
        out.append(w + "es")  # not "hiv" -> "hives"
    if w.endswith("a"):
        out.append(w + "e")  # vertebra -> vertebrae
    elif w.endswith("us"):
        out.append(w[:-2] + "i")  # nevus -> nevi
    elif w.endswith("um"):
        out.append(w[:-2] + "a")  # diverticulum -> diverticula
    elif w.endswith("is"):
        out.append(w[:-2] + "es")  # testis -> testes
    elif w.endswith("on"):
        out.append(w[:-2] + "a")  # ganglion -> ganglia
    return out


class Lemmatizer:
    """Maps folded words to one key per lemma, decided against the vocabulary's own words.

    Rules alone mangle English ("diseases" -> "diseasis"); checking each candidate against the
    lexicon of the vocabulary picks the form that actually exists, so singular and plural fall
    together without a dictionary of English.
    """

    def __init__(self, lexicon: Iterable[str]) -> None:
        self.lexicon = frozenset(lexicon)
        self._cache: dict[str, str] = {}

    def lemma_of_folded(self, w: str) -> str:
        if w.endswith("ologic"):
            w += "al"  # neurologic == neurological, hematologic == hematological
        for cand in singular_candidates(w):
            if cand in self.lexicon or cand in WORD_SYNONYMS:  # "manifestations"
                return WORD_SYNONYMS.get(cand, cand)
        if w in self.lexicon:
            return WORD_SYNONYMS.get(w, w)
        if w in WORD_SYNONYMS and w != "manifestation":
            # (a single "manifestation of X" is a sign of X, not an abnormality of it)
            return WORD_SYNONYMS[w]
        for plural in _plurals_of(w):  # vocabulary has only the plural ("nails", "nevi")
            if plural in self.lexicon:
                return WORD_SYNONYMS.get(plural, plural)
        return WORD_SYNONYMS.get(w, w)

    def key(self, word: str) -> str:
        """The matching key of a raw word (cached: texts repeat words endlessly)."""
        k = self._cache.get(word)
        if k is None:
            k = self.lemma_of_folded(fold(word))
            if len(self._cache) < 500_000:
                self._cache[word] = k
        return k


# "pre-auricular" is "preauricular": a hyphen after these prefixes joins rather than splits.
# So does one after a combining form of an organ: "tracheo-oesophageal", "sensori-neural",
# "vesico-ureteral", "hepato-splenomegaly", the closed compounds HPO names. (At most 8
# letters each: the compiled tokenizer tests no longer word.)
JOINING_PREFIXES = frozenset(
    "pre post non anti hyper hypo micro macro peri para sub supra intra inter extra bi poly "
    "multi semi pseudo co hemi up down "
    "tracheo gastro cardio neuro musculo oculo cranio fronto naso oro hepato spleno sensori "
    "cerebro osteo chondro broncho thoraco cortico retino chorio dento facio scapulo uretero "
    "vesico spino ponto olivo laryngo pharyngo".split()
)

# Same concept, different word, after lemmas: "ocular abnormalities" == "eye abnormality".
WORD_SYNONYMS = {
    "anomaly": "abnormality",
    "manifestation": "abnormality",
    "sequela": "abnormality",  # "neurological sequelae"
    "sequelae": "abnormality",
    "cutaneous": "skin",
    "ocular": "eye",
    "ophthalmic": "eye",
    "ophthalmologic": "eye",
    "ophthalmological": "eye",
    "renal": "kidney",
    "cardiac": "heart",
    "hepatic": "liver",
    "auditory": "hearing",  # "auditory manifestations" are hearing abnormalities
    "articular": "joint",
    "otic": "ear",
    "dental": "tooth",
    "pulmonary": "lung",
    "dilation": "dilatation",  # one noun, two spellings
    "dilatated": "dilated",
    "gastric": "stomach",
    "vertebral": "vertebra",
    "facies": "face",  # "long facies" is a long face
    "missing": "absent",  # "missing ribs"
    "underdeveloped": "hypoplastic",  # HPO's lay synonyms use it so
    # lay names of bones and organs, one word each ("short breastbone", "fractured collarbone")
    "collarbone": "clavicle",
    "breastbone": "sternum",
    "kneecap": "patella",
    "shinbone": "tibia",
    "thighbone": "femur",
    "windpipe": "trachea",
    "womb": "uterus",
    "armpit": "axilla",
    "achilles": "ankle",  # "reduced ankle reflexes" are HPO's "Decreased Achilles reflex"
    # HPO's own synonyms swap these words freely (checked: no two terms differ by one only)
    "wide": "broad",
    "neoplasia": "neoplasm",
    "tumor": "neoplasm",
    "bleeding": "hemorrhage",
    "reduced": "decreased",
    "elevated": "increased",
    "exaggerated": "increased",  # "exaggerated lumbar lordosis", "exaggerated startle"
    "immunological": "immune",  # "immunological abnormalities"
    "immunologic": "immune",
    "frequent": "recurrent",
    "recurring": "recurrent",  # "recurring pancreatitis"
    "repeated": "recurrent",  # "repeated aspiration pneumonias"
    "wasting": "atrophy",  # "wasting of the thenar muscles"; HPO lists both for most terms
    "deciduous": "primary",
    "elongated": "long",
    "extra": "supernumerary",
    "level": "concentration",
    "telangiectasis": "telangiectasia",
    "teleangiectasia": "telangiectasia",
    "nostril": "naris",
    "tailbone": "coccyx",
    "fontanel": "fontanelle",
    "pronounced": "prominent",
    "stubby": "short",
    "scanty": "sparse",  # HPO's own "Scanty eyelashes" is Sparse eyelashes
    "scant": "sparse",
    # British "-trophin" for the pituitary hormones HPO spells "-tropin"
    "gonadotrophin": "gonadotropin",
    "corticotrophin": "corticotropin",
    "thyrotrophin": "thyrotropin",
    # gamma-glutamyl transpeptidase is HPO's gamma-glutamyltransferase
    "transpeptidase": "transferase",
    "glutamyltranspeptidase": "glutamyltransferase",
}

# The adjectives among those synonyms. Folded to their noun they let "enlargement of the renal
# pelvis" read as "enlargement of the kidney"; `dangling_adjective_ends` stops that.
RELATIONAL_ADJECTIVES = frozenset(
    "cutaneous ocular ophthalmic ophthalmologic ophthalmological renal cardiac hepatic auditory "
    "articular otic dental pulmonary gastric vertebral".split()
)
_ADJECTIVE_NOUNS = frozenset(WORD_SYNONYMS[a] for a in RELATIONAL_ADJECTIVES)


def dangling_adjective_ends(
    text: str, starts: list[int], ends: list[int], keys: list[str], limits: list[int]
) -> frozenset[int]:
    """Token indices where no match may end: just after a relational adjective that modifies
    the next word.

    "cysts of the renal cortex" are no renal cysts and "small renal arteries" no small kidney:
    the adjective belongs to the noun after it, so a term that would end on it (read as
    "kidney") is not what the text says.
    """
    if _ADJECTIVE_NOUNS.isdisjoint(keys):
        return frozenset()
    out = set()
    for t in compress(range(len(keys)), map(_ADJECTIVE_NOUNS.__contains__, keys)):
        if (
            t + 1 < limits[t]
            and text[starts[t] : ends[t]].casefold() in RELATIONAL_ADJECTIVES
            and not keys[t + 1][:1].isdigit()
        ):
            out.add(t + 1)
    return frozenset(out)


# Heads of enzyme names: "creatine kinase", "lactate dehydrogenase", "alanine aminotransferase"
_ENZYME_ENDINGS = (
    "kinase", "genase", "ferase", "aminase", "oxidase", "phatase", "synthase", "synthetase",
    "ductase", "boxylase", "oxylase", "merase", "lyase", "mutase", "esterase", "lipase",
    "peptidase", "protease", "nuclease", "sidase", "amylase", "drolase", "ligase", "catalase",
    "sulfatase", "aldolase", "enolase", "transaminase",
)  # fmt: skip


# found by their last letters, then read back to the word's start: a literal scan is ten
# times faster than one pattern over every word
_ASE_RE = re.compile(r"ases?\b")
_LOCANT_RE = re.compile(r"-\d+[-,]")


def compound_name_ends(
    text: str, starts: list[int], ends: list[int], keys: list[str], limits: list[int]
) -> frozenset[int]:
    """Token indices where no match may end: inside the name of an enzyme or a compound.

    "elevated creatine kinase" holds no "elevated creatine", "increased pyruvate kinase
    activity" no raised pyruvate, and "reduced glucose-6-phosphate dehydrogenase" no low
    glucose: the substrate's name is the first word of another noun.
    """
    heads: list[int] = []  # where each enzyme word or locant starts
    for m in _ASE_RE.finditer(text):  # lower case: enzyme names are not capitalised
        end = m.start() + 3
        begin = end
        while begin > 0 and text[begin - 1].isalpha():
            begin -= 1
        if text[begin:end].lower().endswith(_ENZYME_ENDINGS):
            heads.append(begin)
    heads.extend(m.start() + 1 for m in _LOCANT_RE.finditer(text))
    out = set()
    for at in heads:
        t = bisect.bisect_left(starts, at)
        if not 0 < t < len(keys) or starts[t] != at or t >= limits[t - 1]:
            continue
        gap = text[ends[t - 1] : starts[t]]
        if text[at].isdigit():
            if gap == "-":  # a locant: "glucose-6-phosphate", "fructose-1,6-bisphosphate"
                out.add(t)
        elif gap.strip() in ("", "-"):
            out.add(t)
    return frozenset(out)


# Punctuation that no term spans: "clefts, lip pseudoclefts" holds no "cleft lip".
_BREAK_CHARS = frozenset(',;:.()[]{}!?"\u201c\u201d')


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for each word, with prefix hyphenation joined ("pre-auricular")."""
    out: list[tuple[int, int, str]] = []
    for m in TOKEN_RE.finditer(text):
        if (
            out
            and out[-1][1] + 1 == m.start()
            and text[out[-1][1]] == "-"
            and out[-1][2].lower() in JOINING_PREFIXES
        ):
            s, _, w = out.pop()
            out.append((s, m.end(), w + m.group()))
            continue
        out.append((m.start(), m.end(), m.group()))
    return out


def raw_words(text: str) -> list[str]:
    return [w for _, _, w in word_spans(text)]


def tokenize(
    text: str, lemmatizer: Lemmatizer
) -> tuple[list[int], list[int], list[str], list[int]]:
    """Parallel lists of token starts, ends (offsets into `text`), keys, and segment limits.

    `limits[i]` is the index of the first token after a punctuation break at or after token i,
    so no match runs across a comma or bracket. Parallel lists rather than token objects: this
    loop runs over every word of every document, and object creation would dominate it.
    """
    key = lemmatizer.key
    starts: list[int] = []
    ends: list[int] = []
    keys: list[str] = []
    breaks: list[bool] = []
    prev_end = 0
    for s, e, w in word_spans(text):
        k = key(w)
        if k in GAP_WORDS:
            continue
        if s - prev_end == 1 and text[prev_end] == " ":
            breaks.append(False)  # the common case, decided without scanning the gap
        else:
            breaks.append(bool(keys) and not _BREAK_CHARS.isdisjoint(text[prev_end:s]))
        starts.append(s)
        ends.append(e)
        keys.append(k)
        prev_end = e
    n = len(keys)
    limits = [n] * n
    nxt = n
    for i in range(n - 1, -1, -1):
        limits[i] = nxt
        if breaks[i]:
            nxt = i
    return starts, ends, keys, limits
