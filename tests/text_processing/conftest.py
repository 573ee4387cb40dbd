import json
import sys
from pathlib import Path

import pytest

from evidence.config import TaggingSettings
from text_processing.tagger import Tagger, load_tagger


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("tagger-cache")


@pytest.fixture(scope="session")
def tagger(cache_dir) -> Tagger:
    return load_tagger(TaggingSettings(cache_dir=cache_dir))


@pytest.fixture(scope="session")
def tag(tagger):
    """(text, hpo_id) pairs of the mentions found, for compact assertions."""

    def run(text: str, nested: bool = False) -> list[tuple[str, str]]:
        return [(m.text, m.hpo_id) for m in tagger.tag(text, nested=nested)]

    return run


ROOT = Path(__file__).resolve().parents[2]
GOLDS = [
    ROOT / "text_processing/gold/dev_sentences.jsonl",
    ROOT / "text_processing/gold/negation_clinical.jsonl",
    ROOT.parent / "shared/data/phenotype-gold/gscplus_dev.jsonl",
]
# What a reimplementation of the word loops gets wrong first: hyphenated prefixes, numbers,
# Unicode, gap words next to punctuation, case-sensitive abbreviations.
EDGE_CASES = [
    "",
    "   ",
    "-",
    "pre-auricular pits and non-progressive ataxia",
    "PRE-AURICULAR tags, Pre-auricular pit, co-co-morbid, pre-",
    "a pre-, non- and anti-inflammatory; sub-12 kg; hyper-2",
    "the pre-the, his-pre-auricular",
    "weight loss of 12 kg, the 2.5 mg dose; 1,000 cells",
    "ASD and asd (atrial septal defect); the ASD",
    "the",
    "(fever) the, chills; her rash",
    "the, the; fever",
    "Anämie, œdème, naïve café-au-lait spots",
    "12kg weight loss² and ²fever",
    "İnfantile spasms, ẞ and ﬁbrosis",
    "weakness of the thighs and pain in the hip",
]


@pytest.fixture(scope="session")
def equivalence_texts() -> list[str]:
    """Edge cases, every gold text, and bench documents and abstracts: where two
    implementations of the same step must agree exactly."""
    texts = list(EDGE_CASES)
    for path in GOLDS:
        if path.exists():
            texts += [json.loads(x)["text"] for x in path.read_text().splitlines() if x.strip()]
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_tagging import abstracts, documents

    return texts + documents()[:40] + abstracts()[:40]
