"""The HPO symptom vocabulary as token-key lookup tables, built once and cached.

Terms under Phenotypic abnormality (HP:0000118) with their names and synonyms, the curated lay
phrasings kept in this package, and phrasings generated from them (`word_formation.py`: "pain in
the hip" for "hip pain"; `phrasing_variants.py`: "elevated serum X" for lab findings) are turned
into tuples of normalized token keys. Building takes a few seconds; the
pickled result loads in well under one, which is what a pipeline worker or `evidence tag` pays.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from text_processing.catalogue_forms import spoken_forms
from text_processing.definition_forms import lab_name
from text_processing.normalize import GAP_WORDS, NUMBER_KEY, Lemmatizer, fold, raw_words
from text_processing.obo import current_ids, default_obo_path, descendants, read_obo
from text_processing.phrasing_variants import elsewhere_keys, family_variants
from text_processing.word_formation import (
    FUNCTION_WORDS,
    IRREGULAR_NOUN_OF_ADJECTIVE,
    SIDES,
    WordTables,
    condition_adjectives,
    term_variants,
)

PHENOTYPE_ROOT = "HP:0000118"
DATA_DIR = Path(__file__).parent / "data"
DEFAULT_PHRASINGS = DATA_DIR / "lay_phrasings.tsv"
BLOCKED_TERMS = DATA_DIR / "blocked_terms.tsv"
NOT_PHENOTYPES = DATA_DIR / "not_phenotypes.tsv"
# The id of a phrase that holds a term but names no phenotype; matched, then dropped.
NOT_A_PHENOTYPE = ""
# The id of a blood finding's words before another fluid ("increased levels of ferritin in the
# urine") where no urine or CSF term claims them: matched, then dropped; unlike a phrase that
# names no phenotype, the blood term inside is no nested concept either.
OTHER_FLUID = "-"
NO_TERM_IDS = frozenset({NOT_A_PHENOTYPE, OTHER_FLUID})
VOCAB_FORMAT = 7  # bump when the cached structure changes

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
    # "hypotonic" -> Hypotonia, read only where said of a person (`person_findings`)
    person_adjectives: dict[str, str] = field(default_factory=dict)

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

    def short_keys(self, hpo_id: str) -> tuple[tuple[str, ...], ...]:
        """Listed keys of one or two words naming this term ("cataract", "lens opacity")."""
        return self._short_keys.get(hpo_id, ())

    @functools.cached_property
    def _short_keys(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Built on first use in a process, after the vocabulary is cached on disk."""
        index: dict[str, list[tuple[str, ...]]] = {}
        for key, (term_id, prio) in self.terms.items():
            if len(key) <= 2 and prio <= PRIO_RELATED and key not in self.case_sensitive:
                index.setdefault(term_id, []).append(key)
        return {k: tuple(sorted(v)) for k, v in index.items()}

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


# test reports HPO names by their test ("EMG:", "EEG with"), which texts leave out
_REPORT_PREFIXES = (("emg",), ("eeg", "with"))


PINNA_ROOT = "HP:0000377"  # Abnormal pinna morphology


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
        lab = lab_name(t.definition)  # "Hyperserinemia": "Increased circulating serine ..."
        if lab:
            entries.append((lab, hpo_id, PRIO_LOOSE, ""))
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
    # "Seizures, tonic-clonic" is also written "tonic-clonic seizures"
    entries += [
        (form, hpo_id, prio, "")
        for text, hpo_id, prio, surface in entries
        if not surface
        for form in spoken_forms(text)
    ]
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
        IRREGULAR_NOUN_OF_ADJECTIVE.values()
    )
    lem = Lemmatizer(vocab.lexicon)
    tables = WordTables.from_lexicon(vocab.lexicon, lem)
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
            early, late, fallback = term_variants(key, tables, lem)
            variants.extend((k, hpo_id) for k in early)
            late_variants.extend((k, hpo_id) for k in late)
            fallbacks.extend((k, hpo_id) for k in fallback)
        if prio <= PRIO_RELATED:
            vocab.search_names.append((text.casefold(), hpo_id, text))
    for key, hpo_id in variants + late_variants:
        vocab.add(key, hpo_id, PRIO_VARIANT)
    for key, hpo_id in qualified_parent_names(vocab):
        vocab.add(key, hpo_id, PRIO_VARIANT)
    for key, hpo_id in fallbacks:
        vocab.add(key, hpo_id, PRIO_FALLBACK)
    by_priority = sorted(vocab.terms.items(), key=lambda item: item[1][1])
    for key, hpo_id in family_variants([(k, h) for k, (h, _) in by_priority]):
        vocab.add(key, hpo_id, PRIO_FALLBACK)
    outer_ear = descendants(terms, PINNA_ROOT)
    for key, (hpo_id, prio) in by_priority:
        # an outer ear's finding is also written of its pinna ("cup-shaped pinnae", "posteriorly
        # rotated pinnae"); HPO lists the pinna form for a few terms only
        if hpo_id in outer_ear and "ear" in key:
            vocab.add(tuple("pinna" if w == "ear" else w for w in key), hpo_id, PRIO_FALLBACK)
        # "EMG: myotonic discharges", "EEG with focal slow activity" are what a report calls
        # "myotonic discharges", "focal slow activity"; from HPO's own names only, not from
        # their reorderings ("slow waves are focal sharp")
        if prio <= PRIO_RELATED:
            for prefix in _REPORT_PREFIXES:
                n = len(prefix)
                if len(key) >= n + 2 and key[:n] == prefix:
                    vocab.add(key[n:], hpo_id, PRIO_FALLBACK)
    blood_labs = {h for k, (h, _) in vocab.terms.items() if "circulating" in k}
    for key in elsewhere_keys([k for k, (h, _) in vocab.terms.items() if h in blood_labs]):
        vocab.add(key, OTHER_FLUID, PRIO_FALLBACK)  # only where no term claims the words
    for phrase in read_blocked(NOT_PHENOTYPES):  # longer than the term inside, so they win
        key = tuple(lem.lemma_of_folded(w) for w in phrase.split() if w not in GAP_WORDS)
        vocab.add(key, NOT_A_PHENOTYPE, PRIO_CURATED)
    vocab.person_adjectives = condition_adjectives(
        (
            (key[0], hpo_id)
            for key, (hpo_id, prio) in vocab.terms.items()
            if len(key) == 1 and prio <= PRIO_RELATED and key not in vocab.case_sensitive
        ),
        lem.lemma_of_folded,
        vocab.terms,
    )
    vocab.search_names.sort()
    return vocab


# Not carried over: a side ("unilateral microphthalmia" is read as microphthalmia with its side
# left out, as gold corpora mark it) and adverbs ("very preterm infants").
_NOT_QUALIFIERS = FUNCTION_WORDS | SIDES | {"very"}


def qualified_parent_names(vocab: Vocabulary) -> list[tuple[tuple[str, ...], str]]:
    """A term named by one word before its parent's name takes that word before the parent's
    other names too: "Profound sensorineural hearing impairment" is a "profound sensorineural
    deafness", "Episodic hypertension" an "episodic high blood pressure", "Profound global
    developmental delay" a "profound developmental delay". HPO lists the synonyms once, on
    the parent; authors put the grade or the course before whichever name they use.
    """
    names: dict[str, list[tuple[str, ...]]] = {}
    curated: set[tuple[str, ...]] = set()
    for key, (hpo_id, prio) in vocab.terms.items():
        if prio <= PRIO_RELATED and key not in vocab.case_sensitive:
            names.setdefault(hpo_id, []).append(key)
            if prio == PRIO_CURATED:
                curated.add(key)
    # what HPO's own names give comes first and wins a tie: a curated name ("convulsion" for
    # Seizure) splits a child's name ("Generalized convulsion") into a qualifier and a parent's
    # name, and must not take "generalized epilepsy" from Generalized-onset seizure
    out: list[tuple[tuple[str, ...], str]] = []
    late: list[tuple[tuple[str, ...], str]] = []
    for hpo_id, parents in vocab.parents.items():
        own = names.get(hpo_id, ())
        for parent in parents:
            others = names.get(parent, ())
            if not others:
                continue
            listed = set(others)
            for key in own:
                for n in (1, 2):  # one qualifier word, or two ("high-frequency")
                    rest = key[n:]
                    if rest in listed and _NOT_QUALIFIERS.isdisjoint(key[:n]):
                        for k in others:
                            if k != rest and len(k) <= 4:
                                bucket = late if {key, rest, k} & curated else out
                                bucket.append(((*key[:n], *k), hpo_id))
    return out + late


def _source_fingerprint(*paths: Path) -> str:
    """Changes when the ontology, the curated files or this code change."""
    h = hashlib.sha256(str(VOCAB_FORMAT).encode())
    here = Path(__file__).parent
    for p in (
        *paths,
        BLOCKED_TERMS,
        NOT_PHENOTYPES,
        *(
            here / f
            for f in (
                "vocabulary.py",
                "normalize.py",
                "obo.py",
                "phrasing_variants.py",
                "word_formation.py",
                "catalogue_forms.py",
                "definition_forms.py",
            )
        ),
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
