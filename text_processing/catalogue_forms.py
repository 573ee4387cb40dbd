"""Listed names written as a catalogue writes them, rewritten the way running text says them.

Many HPO synonyms come from older index lists: "Seizures, tonic-clonic", "Hypotonia, neonatal,
generalised", "Telangiectasia, facial"; some carry a curator's note in brackets: "Generalized
tonic-clonic seizure (without specification of onset)". No author writes either form, so the
synonym as listed never matches; "tonic-clonic seizures" and "generalized tonic-clonic
seizure" do. The rewritten forms enter the vocabulary beside the listed one, for the same term.
"""

from __future__ import annotations

import re

from text_processing.word_formation import is_adjective_like

# "Seizures, tonic-clonic": a head of one or two words, then its modifiers after commas
_MAX_HEAD_WORDS = 2
_MAX_MODIFIER_WORDS = 3
_COORDINATORS = frozenset(("and", "or", "nor", "but"))
# a trailing note in brackets, of several words ("(pulmonary CT finding)"), not an abbreviation
_TRAILING_NOTE = re.compile(r"^(?P<rest>[^()]+?)\s*\((?P<note>[^()]+)\)$")
# what is left must still say enough on its own: "Septal lines (pulmonary CT finding)" would
# become "septal lines", which names a heart finding as well
_MIN_WORDS_LEFT = 3


def spoken_forms(text: str) -> list[str]:
    """The forms of one listed name that running text would use, other than the name itself."""
    out: list[str] = []
    inverted = _uninverted(text)
    if inverted:
        out.append(inverted)
    stripped = _without_note(text)
    if stripped:
        out.append(stripped)
        again = _uninverted(stripped)
        if again:
            out.append(again)
    return out


def _uninverted(text: str) -> str | None:
    """'Muscle weakness, lower limb, distal' -> 'distal lower limb Muscle weakness'."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2 or not all(parts):
        return None
    head, modifiers = parts[0], parts[1:]
    if len(head.split()) > _MAX_HEAD_WORDS:
        return None  # "Bowing of thighbone at birth, straightening with time": two clauses
    if " " not in head and is_adjective_like(head.lower()):
        return None  # "Soft, doughy skin": adjectives in a row, nothing inverted
    for m in modifiers:
        words = m.split()
        if len(words) > _MAX_MODIFIER_WORDS or _COORDINATORS.intersection(w.lower() for w in words):
            return None  # "Webbed third, fourth, and fifth finger" is a list, not an inversion
    if not all(_modifier_like(m.split()[-1]) for m in modifiers):
        # "Helix, Darwin tubercle", "Foot, talipes equinovarus": a second name, not a modifier
        return None
    return " ".join([*reversed(modifiers), head])


def _modifier_like(word: str) -> bool:
    """An adjective, or a hyphenated compound ("late-onset", "exercise-induced"), which
    modifies a noun far more often than it names one."""
    return "-" in word or is_adjective_like(word.lower())


def _without_note(text: str) -> str | None:
    """'Generalized tonic-clonic seizure (without specification of onset)' -> its first part."""
    m = _TRAILING_NOTE.match(text)
    if not m:
        return None
    rest, note = m.group("rest"), m.group("note")
    if len(note.split()) < 2 or len(rest.replace("-", " ").split()) < _MIN_WORDS_LEFT:
        return None  # "(REM)", "(finger)": part of the name
    return rest
