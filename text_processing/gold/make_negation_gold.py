"""Convert negation_clinical.txt ([span] affirmed, [span|neg] negated) to gold JSON lines.

Writes negation_clinical.jsonl (all), negation_clinical_dev.jsonl (tuned on) and
negation_clinical_test.jsonl (held out: every 4th sentence). hpo_id is "" throughout: only
the context flags of the given spans are judged. Run from the repository root:
    python text_processing/gold/make_negation_gold.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
_MARK = re.compile(r"\[([^\[\]|]+)(?:\|(neg))?\]")


def parse(line: str) -> tuple[str, list[dict]]:
    text, anns, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(line):
        before = line[pos : m.start()]
        text.append(before)
        length += len(before)
        span = m.group(1)
        anns.append(
            {"start": length, "end": length + len(span), "hpo_id": "", "negated": bool(m.group(2))}
        )
        text.append(span)
        length += len(span)
        pos = m.end()
    text.append(line[pos:])
    return "".join(text), anns


def main() -> None:
    lines = [
        x.strip()
        for x in (HERE / "negation_clinical.txt").read_text(encoding="utf-8").splitlines()
        if x.strip() and not x.startswith("#")
    ]
    parts: dict[str, list[str]] = {"": [], "_dev": [], "_test": []}
    for i, line in enumerate(lines):
        text, anns = parse(line)
        split = "test" if i % 4 == 3 else "dev"
        rec = json.dumps({"id": f"neg-{split}-{i}", "text": text, "annotations": anns})
        parts[""].append(rec)
        parts["_" + split].append(rec)
    for suffix, recs in parts.items():
        (HERE / f"negation_clinical{suffix}.jsonl").write_text("\n".join(recs) + "\n")


if __name__ == "__main__":
    main()
