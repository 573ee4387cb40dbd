"""The pure machinery: shingles, MinHash, loose LSH, verification, negation guard, clusters."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

from dedup.canonical import TextFacts, canonical
from dedup.lsh import bucket_pairs, plan_bands
from dedup.minhash import minhash_signatures
from dedup.near_duplicates import find_near_duplicates, text_features
from dedup.unionfind import components
from dedup.verify import pair_jaccard
from evidence.config import DedupSettings

BASE = (
    "In a cohort of adults with myasthenia gravis, fatigable weakness of the eyelids and "
    "double vision were the presenting complaints in most patients, and weight loss was "
    "reported by a minority during the first year after diagnosis"
)


def words_jaccard(a: str, b: str, k: int = 3) -> float:
    """Reference Jaccard of word k-shingle sets, on plain Python strings."""

    def grams(t: str) -> set[tuple[str, ...]]:
        w = t.lower().replace(",", " ").split()
        return {tuple(w[p : p + k]) for p in range(max(1, len(w) - k + 1))}

    x, y = grams(a), grams(b)
    return len(x & y) / len(x | y)


def substitute(text: str, position: int, word: str) -> str:
    words = text.split()
    words[position] = word
    return " ".join(words)


def test_hashed_shingle_jaccard_equals_the_string_jaccard():
    texts = [BASE, substitute(BASE, 12, "ptosis"), substitute(BASE, 30, "gain"), "Short one."]
    features = text_features(texts, 3)
    i = np.array([0, 0, 1, 0])
    j = np.array([1, 2, 2, 3])
    got = pair_jaccard(features.shingles, i, j)
    want = [words_jaccard(texts[a], texts[b]) for a, b in zip(i, j, strict=True)]
    assert np.allclose(got, want)


def test_texts_shorter_than_a_shingle_still_compare():
    features = text_features(["Ptosis.", "ptosis", "Diplopia", ""], 3)
    assert features.shingles.sizes.tolist() == [1, 1, 1, 0]
    assert pair_jaccard(features.shingles, np.array([0, 0]), np.array([1, 2])).tolist() == [1, 0]


def test_minhash_agreement_estimates_jaccard():
    rng = np.random.default_rng(3)
    vocab = [f"w{k}" for k in range(5000)]
    a = [vocab[k] for k in rng.integers(0, 5000, 400)]
    b = a[:300] + [vocab[k] for k in rng.integers(0, 5000, 100)]
    features = text_features([" ".join(a), " ".join(b)], 3)
    true = pair_jaccard(features.shingles, np.array([0]), np.array([1]))[0]
    sig = minhash_signatures(features.shingles, 512)
    estimate = float((sig[0] == sig[1]).mean())
    assert 0.3 < true < 0.8
    assert abs(estimate - true) < 0.07


def test_signatures_are_the_same_in_another_process():
    """Stored signatures are compared with new ones from later runs: no per-process salt."""
    code = (
        "from dedup.near_duplicates import text_features;"
        "from dedup.minhash import minhash_signatures;"
        f"f = text_features([{BASE!r}], 3);"
        "print(minhash_signatures(f.shingles, 64)[0].tolist())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "123", "PATH": ""},
    )
    here = minhash_signatures(text_features([BASE], 3).shingles, 64)[0].tolist()
    assert out.stdout.strip() == str(here)


def test_band_plan_is_looser_than_the_threshold():
    plan = plan_bands(128, 0.8)
    assert plan.bands * plan.rows <= 128
    assert plan.candidate_probability(0.8) >= 0.999
    assert plan.candidate_probability(0.7) >= 0.95  # pairs just below still become candidates
    assert plan.candidate_probability(0.2) < 0.01


def test_huge_bucket_gives_a_connected_chain_not_all_pairs():
    keys = np.zeros(1000, dtype=np.uint64)
    i, j = bucket_pairs(keys, max_span=4)
    assert len(i) < 4 * 1000
    labels = components(1000, i, j)
    assert set(labels.tolist()) == {0}


def test_small_edits_cluster_and_unrelated_texts_do_not():
    edited = substitute(BASE, 12, "ptosis")
    texts = [
        BASE,
        "“" + BASE.upper() + "!”",  # exact duplicate after normalization
        edited,
        "Cough and fever are typical of community-acquired pneumonia in older adults.",
        "Cough and fever are typical of community acquired pneumonia in older people too.",
    ]
    assert words_jaccard(BASE, edited) >= 0.8
    result = find_near_duplicates(texts, DedupSettings())
    labels = result.labels.tolist()
    assert labels[0] == labels[1] == labels[2]
    assert labels[3] != labels[0] and labels[4] != labels[0]
    assert (result.similarity >= 0.8).all()


def test_a_sentence_and_its_negation_are_not_merged():
    negated = BASE.replace("weight loss was", "no weight loss was")
    assert words_jaccard(BASE, negated) >= 0.8  # shingles alone would merge them
    denied = BASE.replace("were the presenting", "were not the presenting")
    result = find_near_duplicates([BASE, negated, denied], DedupSettings())
    assert len(set(result.labels.tolist())) == 3


def test_canonical_rule_earliest_then_pubmed_then_shortest():
    from datetime import datetime

    early, late = datetime(2024, 1, 1), datetime(2024, 6, 1)
    web_early = TextFacts("k3", early, False, 90)
    pubmed_late = TextFacts("k1", late, True, 50)
    assert canonical([pubmed_late, web_early]) is web_early
    pubmed_early = TextFacts("k2", early, True, 120)
    assert canonical([web_early, pubmed_early]) is pubmed_early
    short = TextFacts("k9", early, True, 60)
    assert canonical([pubmed_early, short]) is short


def intra_cluster_jaccards(texts: list[str], labels: np.ndarray, k: int) -> list[float]:
    """Reference Jaccard of every pair of texts that share a cluster."""
    out = []
    for x in range(len(texts)):
        for y in range(x + 1, len(texts)):
            if labels[x] == labels[y]:
                out.append(words_jaccard(texts[x], texts[y], k))
    return out


def test_two_edits_of_one_sentence_are_not_chained_through_it():
    """b and c are each within 0.8 of BASE but not of each other: union-find put all three in
    one cluster; the text placed later (c) may not join because it is too far from b."""
    b = substitute(substitute(BASE, 5, "drooping"), 15, "modest")
    c = substitute(substitute(BASE, 25, "several"), 35, "second")
    assert words_jaccard(BASE, b, 2) >= 0.8 and words_jaccard(BASE, c, 2) >= 0.8
    assert words_jaccard(b, c, 2) < 0.8
    result = find_near_duplicates([BASE, b, c], DedupSettings(shingle_size=2))
    assert len(result.pair_i) == 2  # both edges to BASE are accepted ...
    chained = components(3, result.pair_i, result.pair_j)
    assert len(set(chained.tolist())) == 1  # ... and chaining them merges b with c
    assert result.labels.tolist() == [0, 0, 2]  # the first text is the representative


def test_order_decides_the_representative_and_who_stays_out():
    b = substitute(substitute(BASE, 5, "drooping"), 15, "modest")
    c = substitute(substitute(BASE, 25, "several"), 35, "second")
    result = find_near_duplicates([c, BASE, b], DedupSettings(shingle_size=2))
    assert result.labels.tolist() == [0, 0, 2]  # c leads, BASE joins c, b is too far from c


def test_every_pair_inside_a_cluster_is_within_the_threshold():
    rng = np.random.default_rng(5)
    words = BASE.split()
    fillers = ["ptosis", "gain", "drooping", "several", "modest", "second", "fatigue", "few"]
    texts = [BASE]
    for _ in range(40):
        variant = list(words)
        for _ in range(int(rng.integers(1, 4))):
            variant[int(rng.integers(0, len(variant)))] = fillers[int(rng.integers(0, 8))]
        texts.append(" ".join(variant))
    texts.append(BASE.upper())  # an exact copy follows its first text
    result = find_near_duplicates(texts, DedupSettings(shingle_size=2))
    assert result.labels[-1] == result.labels[0] == 0
    inside = intra_cluster_jaccards(texts, result.labels, 2)
    assert inside and min(inside) >= 0.8
    chained = components(len(texts), result.pair_i, result.pair_j)
    assert min(intra_cluster_jaccards(texts, chained, 2)) < 0.8  # chaining would break it
