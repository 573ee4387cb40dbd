"""The fast path (fast_scan.py) must give exactly the reference tokenizer's and matcher's output."""

import json
import sys
from pathlib import Path

import pytest

from text_processing.fast_scan import FastScanner
from text_processing.matcher import find_matches
from text_processing.normalize import tokenize

ROOT = Path(__file__).resolve().parents[2]
GOLDS = [
    ROOT / "text_processing/gold/dev_sentences.jsonl",
    ROOT / "text_processing/gold/negation_clinical.jsonl",
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
]


def _texts() -> list[str]:
    texts = list(EDGE_CASES)
    for path in GOLDS:
        if path.exists():
            texts += [json.loads(x)["text"] for x in path.read_text().splitlines() if x.strip()]
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_tagging import documents

    return texts + documents()[:40]


@pytest.fixture(scope="module")
def fast(tagger):
    return FastScanner(tagger.vocab, tagger.lemmatizer)


def test_fast_path_equals_reference_tokens_and_matches(tagger, fast):
    for text in _texts():
        ref = tokenize(text, tagger.lemmatizer)
        got = fast.tokenize(text)
        assert [list(x) for x in got] == [list(x) for x in ref], text
        assert fast.find_matches(text, got) == find_matches(tagger.vocab, text, *ref), text
