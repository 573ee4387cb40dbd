"""How well the generated phrasings reach wordings nobody listed: HPO's own synonyms, held out.

Half of HPO's EXACT synonyms (a seeded random half, abbreviations excepted) are removed from the
ontology, the vocabulary is built from the rest, and each removed synonym is tagged on its own.
It counts as reached when one mention spans the whole synonym with its term's id. The curators
wrote those synonyms for how people phrase a finding, so the share reached measures the
normalization and variant rules on wordings they were not written from (GSC+ dev is too small
to show such rules, and our own gold was written by the rules' author). Most synonyms are other
words altogether ("Polypnea" for Tachypnea), which no rule reaches: the figure is for
comparing rule sets, not a recall to expect on text.

    .venv/bin/python -m text_processing.synonym_holdout
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

from text_processing.obo import default_obo_path
from text_processing.tagger import Tagger
from text_processing.vocabulary import DEFAULT_PHRASINGS, build_vocabulary


def held_out_synonyms(obo_text: str, seed: int = 7) -> tuple[str, list[tuple[str, str]]]:
    """The ontology text without half of its EXACT synonyms, and those (id, synonym)."""
    rng = random.Random(seed)
    kept: list[str] = []
    held: list[tuple[str, str]] = []
    current = ""
    for line in obo_text.splitlines():
        if line.startswith("id: HP:"):
            current = line[4:]
        elif (
            current
            and line.startswith('synonym: "')
            and " EXACT" in line
            and "abbreviation" not in line
            and rng.random() < 0.5
        ):
            held.append((current, line.split('"')[1]))
            continue
        kept.append(line)
    return "\n".join(kept) + "\n", held


def synonym_recall(obo_path: Path, phrasings_path: Path, seed: int = 7) -> dict:
    """Share of held-out synonyms the tagger reads as their own term (see module docstring)."""
    text, held = held_out_synonyms(obo_path.read_text(encoding="utf-8"), seed)
    with tempfile.TemporaryDirectory() as tmp:
        reduced = Path(tmp) / "hp.obo"
        reduced.write_text(text, encoding="utf-8")
        vocab = build_vocabulary(reduced, phrasings_path)
    tagger = Tagger(vocab)
    reached = wrong = missed = 0
    for hpo_id, synonym in held:
        if hpo_id not in vocab.labels:
            continue  # outside Phenotypic abnormality
        whole = [m for m in tagger.tag(synonym) if m.start == 0 and m.end == len(synonym)]
        if any(m.hpo_id == hpo_id for m in whole):
            reached += 1
        elif whole:
            wrong += 1
        else:
            missed += 1
    total = reached + wrong + missed
    return {
        "held_out": total,
        "reached": reached,
        "other_term": wrong,
        "missed": missed,
        "recall": round(reached / total, 3) if total else 0.0,
    }


def main() -> None:
    print(json.dumps(synonym_recall(default_obo_path(), DEFAULT_PHRASINGS)))


if __name__ == "__main__":
    main()
