"""Write gold sentences by hand, get gold JSON lines: `[span|HPO label or id|neg]` markup.

Offsets typed by hand are wrong half the time; brackets are not. The HPO concept is named by its
label (or id) and resolved against the ontology labels only (never through the tagger), so the
gold does not inherit the tagger's mistakes. Run:
    python -m text_processing.goldmarkup text_processing/gold/dev_sentences.txt > ....jsonl
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_MARK = re.compile(r"\[([^\[\]|]+)\|([^\[\]|]+)(?:\|(neg))?\]")


def parse_markup(line: str, labels: dict[str, str]) -> tuple[str, list[dict]]:
    """(plain text, annotations) from one markup line; ValueError names an unknown concept."""
    by_label = {v.casefold(): k for k, v in labels.items()}
    text_parts: list[str] = []
    anns: list[dict] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(line):
        before = line[pos : m.start()]
        text_parts.append(before)
        length += len(before)
        span, concept, neg = m.group(1), m.group(2).strip(), m.group(3)
        hpo_id = concept if concept.startswith("HP:") else by_label.get(concept.casefold())
        if hpo_id is None or hpo_id not in labels:
            raise ValueError(f"unknown HPO concept {concept!r}")
        anns.append(
            {"start": length, "end": length + len(span), "hpo_id": hpo_id, "negated": bool(neg)}
        )
        text_parts.append(span)
        length += len(span)
        pos = m.end()
    text_parts.append(line[pos:])
    return "".join(text_parts), anns


def convert(path: Path, labels: dict[str, str]) -> list[dict]:
    out = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            text, anns = parse_markup(line, labels)
        except ValueError as exc:
            raise ValueError(f"{path}:{lineno}: {exc}") from None
        out.append({"id": f"{path.stem}-{lineno}", "text": text, "annotations": anns})
    return out


def main() -> None:
    from text_processing.tagger import load_tagger

    labels = load_tagger().vocab.labels
    for rec in convert(Path(sys.argv[1]), labels):
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
