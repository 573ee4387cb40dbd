"""Scores against a gold file: mention level (exact, overlapping), document level, negation.

Gold format, one JSON object a line: {"id", "text", "annotations": [{"start", "end", "hpo_id",
"negated"?}]}. All scores are micro-averaged over the whole file. Gold and predicted ids are
first mapped to the current primary HPO id (alt_id, obsolete term -> replaced_by) when a
`canonical` function is given, so a gold file made with an older HPO release is scored on the
concept, not on the id it had then. Negation is scored apart from
matching: the gold spans are handed to the tagger as targets, and only annotations that carry a
"negated" key count, so corpora without negation labels do not distort it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from evidence.records import Mention


class GoldError(ValueError):
    """A gold line that cannot be scored, phrased with file and line."""


@dataclass(slots=True)
class GoldAnnotation:
    start: int
    end: int
    hpo_id: str
    negated: bool | None = None


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    annotations: list[GoldAnnotation]


@dataclass(slots=True)
class PRF:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0


@dataclass(slots=True)
class Scores:
    documents: int = 0
    mention_exact: PRF = field(default_factory=PRF)
    mention_overlap: PRF = field(default_factory=PRF)
    document: PRF = field(default_factory=PRF)
    negation_total: int = 0
    negation_accuracy: float = 0.0
    negated_class: PRF = field(default_factory=PRF)
    skipped_lines: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def read_gold(path: Path, errors: list[str] | None = None) -> list[GoldDoc]:
    """Parse the gold file; a broken line is reported in `errors` (file:line) and skipped."""
    docs: list[GoldDoc] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                docs.append(_parse_gold_line(line))
            except GoldError as exc:
                message = f"{path}:{lineno}: {exc}"
                if errors is None:
                    raise GoldError(message) from None
                errors.append(message)
    return docs


def _parse_gold_line(line: str) -> GoldDoc:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldError(f"not valid JSON ({exc.msg})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise GoldError('no "text" string')
    text = obj["text"]
    anns = []
    for k, a in enumerate(obj.get("annotations", [])):
        try:
            start, end, hpo_id = int(a["start"]), int(a["end"]), str(a["hpo_id"])
        except (KeyError, TypeError, ValueError):
            raise GoldError(f"annotation {k}: needs start, end and hpo_id") from None
        if not 0 <= start < end <= len(text):
            raise GoldError(f"annotation {k}: offsets {start}-{end} outside the text")
        neg = a.get("negated")
        anns.append(GoldAnnotation(start, end, hpo_id, None if neg is None else bool(neg)))
    return GoldDoc(str(obj.get("id", "")), text, anns)


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> PRF:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(tp_pred, n_pred, n_gold, round(p, 4), round(r, 4), round(f, 4))


TagFn = Callable[[str], list[Mention]]
TargetFn = Callable[[str, list[tuple[int, int]]], list[Mention]]
IdFn = Callable[[str], str]


def _same(hpo_id: str) -> str:
    return hpo_id


def evaluate(
    docs: Iterable[GoldDoc], tag: TagFn, tag_targets: TargetFn, canonical: IdFn = _same
) -> Scores:
    ex_tp = ov_tp_pred = ov_tp_gold = n_pred = n_gold = 0
    doc_tp = doc_pred = doc_gold = 0
    neg_total = neg_correct = neg_tp = neg_pred = neg_gold = 0
    n_docs = 0
    for doc in docs:
        n_docs += 1
        pred = [(m.start, m.end, canonical(m.hpo_id)) for m in tag(doc.text) if m.hpo_id]
        pred = list(dict.fromkeys(pred))
        gold = list(dict.fromkeys((a.start, a.end, canonical(a.hpo_id)) for a in doc.annotations))
        n_pred += len(pred)
        n_gold += len(gold)
        ex_tp += len(set(pred) & set(gold))
        ov_tp_pred += sum(
            any(h == gh and s < ge and gs < e for gs, ge, gh in gold) for s, e, h in pred
        )
        ov_tp_gold += sum(
            any(h == ph and s < pe and ps < e for ps, pe, ph in pred) for s, e, h in gold
        )
        pred_ids = {h for _, _, h in pred}
        gold_ids = {h for _, _, h in gold}
        doc_tp += len(pred_ids & gold_ids)
        doc_pred += len(pred_ids)
        doc_gold += len(gold_ids)
        labelled = [a for a in doc.annotations if a.negated is not None]
        if labelled:
            flags = tag_targets(doc.text, [(a.start, a.end) for a in labelled])
            for a, m in zip(labelled, flags, strict=True):
                neg_total += 1
                neg_correct += a.negated == m.negated
                neg_tp += a.negated and m.negated
                neg_pred += m.negated
                neg_gold += a.negated
    return Scores(
        documents=n_docs,
        mention_exact=_prf(ex_tp, n_pred, ex_tp, n_gold),
        mention_overlap=_prf(ov_tp_pred, n_pred, ov_tp_gold, n_gold),
        document=_prf(doc_tp, doc_pred, doc_tp, doc_gold),
        negation_total=neg_total,
        negation_accuracy=round(neg_correct / neg_total, 4) if neg_total else 0.0,
        negated_class=_prf(neg_tp, neg_pred, neg_tp, neg_gold),
    )


def errors_report(
    docs: Iterable[GoldDoc], tag: TagFn, limit: int = 50, canonical: IdFn = _same
) -> list[str]:
    """False positives and negatives (exact span + id), for finding what fails."""
    lines: list[str] = []
    for doc in docs:
        pred = {(m.start, m.end, canonical(m.hpo_id)) for m in tag(doc.text) if m.hpo_id}
        gold = {(a.start, a.end, canonical(a.hpo_id)) for a in doc.annotations}
        for s, e, h in sorted(pred - gold):
            lines.append(f"FP {doc.id} {h} {doc.text[s:e]!r}")
        for s, e, h in sorted(gold - pred):
            lines.append(f"FN {doc.id} {h} {doc.text[s:e]!r}")
    return lines[:limit] if limit else lines
