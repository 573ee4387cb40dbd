"""Convert negation_fresh.txt ([span] affirmed, [span|neg] negated) to negation_fresh.jsonl.

Another such file by stem as argument: `python text_processing/gold/make_negation_fresh.py
negation_independent` (the sets helpers wrote without reading the rules); for those it also
writes `<stem>_dev.jsonl` (even sentences, tuned on) and `<stem>_test.jsonl` (odd, held out).

A second held-out negation set, written by the team and never used for tuning. One JSON object
per sentence: {"id": "fresh-<n>", "text", "annotations": [{"start", "end", "hpo_id": "",
"negated"}]}.
Uses the same markup parser as make_negation_gold.py. Run from the repository root:
    python text_processing/gold/make_negation_fresh.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_negation_gold import parse  # noqa: E402

_MARK = re.compile(r"\[([^\[\]|]+)(?:\|(neg))?\]")


def main() -> None:
    stem = sys.argv[1] if len(sys.argv) > 1 else "negation_fresh"
    prefix = "fresh" if stem == "negation_fresh" else stem.removeprefix("negation_")
    lines = [
        x.strip()
        for x in (HERE / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
        if x.strip() and not x.startswith("#")
    ]
    recs = []
    for i, line in enumerate(lines):
        text, anns = parse(line)
        spans = [m.group(1) for m in _MARK.finditer(line)]
        if "[" in text or "]" in text or "|neg" in text:
            raise ValueError(f"malformed markup in line {i}: {line!r}")
        if [text[a["start"] : a["end"]] for a in anns] != spans:
            raise ValueError(f"offset mismatch in line {i}: {line!r}")
        recs.append(json.dumps({"id": f"{prefix}-{i}", "text": text, "annotations": anns}))
    (HERE / f"{stem}.jsonl").write_text("\n".join(recs) + "\n", encoding="utf-8")
    if stem != "negation_fresh":
        # the helper-written sets: rules were tuned on the even sentences, the odd held out
        for half, keep in (("dev", 0), ("test", 1)):
            part = [r for i, r in enumerate(recs) if i % 2 == keep]
            (HERE / f"{stem}_{half}.jsonl").write_text("\n".join(part) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
