"""Write `data/tag_reference.json.gz`: the tagger's full output on every equivalence text.

The fixture pins `Tagger.tag()` (plain and `nested=True`) and `Tagger.tag_targets()` (gold
targets) as produced by the code at the time it was written; `test_tag_reference.py` asserts
the current code gives the same. Regenerate only for an intended change of output:

    .venv/bin/python tests/text_processing/make_tag_reference.py
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "data" / "tag_reference.json.gz"
GOLDS = [
    ROOT / "text_processing/gold/dev_sentences.jsonl",
    ROOT / "text_processing/gold/negation_clinical.jsonl",
    ROOT / "text_processing/gold/negation_clinical_dev.jsonl",
    ROOT / "text_processing/gold/negation_clinical_test.jsonl",
    ROOT.parent / "shared/data/phenotype-gold/gscplus_dev.jsonl",
]
EDGE_CASES = [
    "",
    "   ",
    "pre-auricular pits and non-progressive ataxia",
    "weight loss of 12 kg, the 2.5 mg dose; 1,000 cells",
    "ASD and asd (atrial septal defect)",
    "the",
    "(fever) the, chills; her rash",
    "Anämie, œdème, naïve café-au-lait spots",
    "12kg weight loss²",
    "No fever? Possible rash; denies pain: absent. Dr. J. Smith e.g. fever. U.S. data.",
    "His mother had seizures, but he has no ataxia and no hip pain or pain.\n\n- fever\n1. cough",
    "Denies chest pain , shortness of breath , or nausea ; reports headache .",
    "no   fever\tand\u00a0no\u2019 rash didn\u2019t have cough; can't walk",
]


def texts() -> list[tuple[str, list[tuple[int, int]]]]:
    """(text, gold target spans) for edge cases, gold sets and the benchmark documents."""
    out: list[tuple[str, list[tuple[int, int]]]] = [(t, []) for t in EDGE_CASES]
    for path in GOLDS:
        if not path.exists():
            continue
        for line in path.read_text().splitlines():
            if line.strip():
                d = json.loads(line)
                spans = [(a["start"], a["end"]) for a in d.get("annotations", [])]
                out.append((d["text"], spans))
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_tagging import documents

    seen: set[str] = set()
    for d in documents():
        if d not in seen:
            seen.add(d)
            out.append((d, []))
    return out


def mention_row(m) -> list:
    return [
        m.start,
        m.end,
        m.text,
        m.hpo_id,
        m.label,
        m.negated,
        m.uncertain,
        m.hypothetical,
        m.historical,
        m.experiencer,
    ]


def digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def outputs(tagger) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for text, targets in texts():
        key = digest(text) + ":" + digest(json.dumps(targets))
        out[key] = {
            "tag": [mention_row(m) for m in tagger.tag(text)],
            "nested": [mention_row(m) for m in tagger.tag(text, nested=True)],
            "targets": [mention_row(m) for m in tagger.tag_targets(text, targets)],
        }
    return out


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from text_processing.tagger import Tagger
    from text_processing.vocabulary import load_vocabulary

    with tempfile.TemporaryDirectory() as cache:
        tagger = Tagger(load_vocabulary(Path(cache)))
    OUT.parent.mkdir(exist_ok=True)
    data = outputs(tagger)
    with gzip.open(OUT, "wt", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    n = sum(len(v["tag"]) for v in data.values())
    print(f"{len(data)} texts, {n} mentions -> {OUT}")


if __name__ == "__main__":
    main()
