"""Benchmark: near-duplicate clustering of a million excerpt-like sentences.

Prints one JSON line. Generated corpus: `--n` sentences (default 1,000,000) of 10-40 words drawn
from a Zipf-distributed vocabulary of 30,000 words plus frequent clinical phrases, of which 10%
are copies of an earlier sentence with 1-3 small edits (word substitution, insertion, deletion,
typo) and some case/punctuation noise. Figures:

- `full`: wall time and peak RSS (ru_maxrss) of `find_near_duplicates` on all `--n` sentences.
- `sample`: 20,000 sentences holding >= 1,000 true pairs (whole groups of copies plus filler),
  truth by brute-force Jaccard of word-shingle sets of the configured size (sparse all-pairs
  intersection, in Python strings, independent of the hashed shingles), threshold 0.8;
  precision/recall of all pairs inside our clusters (complete linkage, `dedup.linkage`), of the
  accepted pairs alone, of union-find over those pairs (the chaining rule used before), and of
  datasketch's MinHashLSH(0.8, 128 perms) query results.
- `baseline_slice`: datasketch's time (MinHash.bulk + insert + query) on `--slice` sentences,
  and ours on the same slice.
- `warehouse`: `assign_clusters` on a fresh DuckDB file holding `--warehouse-n` texts, then an
  incremental run after 5% more texts arrive, then a rerun with nothing new.

Run: .venv/bin/python bench/bench_dedup.py [--n 1000000] [--sample 20000] [--slice 50000]
     [--warehouse-n 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time

import numpy as np

from dedup.near_duplicates import find_near_duplicates
from dedup.negation import NEGATION_CUES
from dedup.normalize import normalize_text
from dedup.unionfind import components
from evidence.config import DedupSettings

_SYLLABLES = [
    c + v
    for c in ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "st"]
    for v in ["a", "e", "i", "o", "u", "ia", "eo", "ou"]
]
_PHRASES = [
    "patients with",
    "in the",
    "of the",
    "was reported in",
    "is associated with",
    "may present with",
    "the most common symptom is",
    "in children and adults",
    "the disease",
    "symptoms include",
    "such as",
    "as well as",
]


def make_vocabulary(rng: np.random.Generator, size: int) -> np.ndarray:
    words: set[str] = set()
    while len(words) < size:
        k = int(rng.integers(1, 4))
        w = "".join(_SYLLABLES[s] for s in rng.integers(0, len(_SYLLABLES), k))
        if w not in NEGATION_CUES:
            words.add(w)
    return np.array(sorted(words), dtype=object)


def _edit(words: list[str], rng: np.random.Generator, vocab: np.ndarray) -> list[str]:
    words = list(words)
    for _ in range(int(rng.integers(1, 4))):
        op = int(rng.integers(0, 4))
        at = int(rng.integers(0, len(words)))
        if op == 0:
            words[at] = vocab[int(rng.zipf(1.3)) % len(vocab)]
        elif op == 1:
            words.insert(at, vocab[int(rng.zipf(1.3)) % len(vocab)])
        elif op == 2 and len(words) > 5:
            del words[at]
        else:
            w = words[at]
            c = int(rng.integers(0, len(w)))
            words[at] = w[:c] + "xq"[int(rng.integers(0, 2))] + w[c + 1 :]
    return words


def _render(words: list[str], rng: np.random.Generator) -> str:
    text = " ".join(words)
    if rng.random() < 0.3:
        text = text.upper() if rng.random() < 0.1 else text.capitalize()
    return text + (". " if rng.random() < 0.8 else ";")


def generate(n: int, seed: int = 7) -> tuple[list[str], np.ndarray]:
    """Sentences and, per sentence, the index of the original it copies (itself if none)."""
    rng = np.random.default_rng(seed)
    vocab = make_vocabulary(rng, 30_000)
    n_copies = n // 10
    n_orig = n - n_copies
    lengths = rng.integers(10, 41, n_orig)
    ids = (rng.zipf(1.15, int(lengths.sum())) - 1) % len(vocab)
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    phrase_at = rng.integers(0, len(_PHRASES) * 3, n_orig)  # a third get a stock phrase
    originals: list[list[str]] = []
    for k in range(n_orig):
        words = vocab[ids[bounds[k] : bounds[k + 1]]].tolist()
        if phrase_at[k] < len(_PHRASES):
            words[1:1] = _PHRASES[phrase_at[k]].split()
        originals.append(words)
    source = np.concatenate([np.arange(n_orig), rng.integers(0, n_orig, n_copies)])
    texts = [_render(w, rng) for w in originals]
    texts += [_render(_edit(originals[s], rng, vocab), rng) for s in source[n_orig:]]
    order = rng.permutation(n)
    return [texts[k] for k in order], source[order]


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _load_texts(conn, texts: list[str], run_id: str) -> None:
    """Bulk-insert excerpts with one web citation each (the loader's row shapes, minus parsing)."""
    import pyarrow as pa

    from dedup.normalize import text_key
    from warehouse.load import excerpt_id

    table = pa.table(
        {
            "excerpt_id": [excerpt_id("bench", "HP:0000001", t) for t in texts],
            "text": texts,
            "text_key": [text_key(t) for t in texts],
        }
    )
    conn.register("bench_texts", table)
    conn.execute(
        "INSERT INTO excerpts SELECT excerpt_id, 'bench', 'HP:0000001', 'x', text, text_key, "
        "'presentation', false, false, false, false, 'patient', 1.0, '', now()::TIMESTAMP, "
        "now()::TIMESTAMP, $run FROM bench_texts ON CONFLICT DO NOTHING",
        {"run": run_id},
    )
    conn.execute(
        "INSERT INTO documents (doc_id, kind, source, content_hash, first_seen, last_seen) "
        "SELECT 'url:' || excerpt_id, 'web', 'bench', excerpt_id, now()::TIMESTAMP, "
        "now()::TIMESTAMP FROM bench_texts ON CONFLICT DO NOTHING"
    )
    conn.execute(
        "INSERT INTO citations SELECT excerpt_id, 'url:' || excerpt_id, 'bench.example', NULL, "
        "NULL, 0, '', 0, 1, 'x', '', '', now()::TIMESTAMP, now()::TIMESTAMP, $run "
        "FROM bench_texts ON CONFLICT DO NOTHING",
        {"run": run_id},
    )
    conn.unregister("bench_texts")


def warehouse_runs(texts: list[str], settings: DedupSettings) -> dict:
    """Full, incremental (+5%) and empty reruns of `assign_clusters` on a real DuckDB file."""
    from warehouse.clusters import assign_clusters
    from warehouse.schema import connect

    base = len(texts) * 20 // 21
    report: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as folder:
        conn = connect(os.path.join(folder, "bench.duckdb"))
        for label, chunk in (("full", texts[:base]), ("incremental", texts[base:]), ("rerun", [])):
            if chunk:
                _load_texts(conn, chunk, label)
            start = time.perf_counter()
            counts = assign_clusters(conn, settings)
            report[label] = {
                "texts_new": counts.texts_new,
                "joined_existing": counts.joined_existing,
                "seconds": round(time.perf_counter() - start, 2),
            }
        conn.close()
    return report


def pick_sample(source: np.ndarray, size: int, seed: int = 11) -> np.ndarray:
    """Whole groups of copies for half the sample (that is where the true pairs are), the rest
    uniformly at random: a uniform sample of 20,000 from 1M would hold almost no pairs."""
    rng = np.random.default_rng(seed)
    _, inverse, counts = np.unique(source, return_inverse=True, return_counts=True)
    grouped = np.flatnonzero(counts[inverse] > 1)
    by_group: dict[int, list[int]] = {}
    for k in grouped.tolist():
        by_group.setdefault(int(inverse[k]), []).append(k)
    chosen: list[int] = []
    for g in rng.permutation(list(by_group)):
        if len(chosen) >= size // 2:
            break
        chosen.extend(by_group[int(g)])
    taken = set(chosen)
    rest = [k for k in rng.permutation(len(source)).tolist() if k not in taken]
    chosen.extend(rest[: size - len(chosen)])
    return np.array(sorted(chosen[:size]), dtype=np.int64)


def true_pairs(texts: list[str], threshold: float, size: int) -> set[tuple[int, int]]:
    """Brute force: exact intersection of every pair's word-shingle sets (sparse product)."""
    from scipy import sparse

    column: dict[tuple[str, ...], int] = {}
    rows, cols = [], []
    for r, text in enumerate(texts):
        tokens = normalize_text(text).split()
        grams = {tuple(tokens[p : p + size]) for p in range(max(1, len(tokens) - size + 1))}
        for g in grams:
            rows.append(r)
            cols.append(column.setdefault(g, len(column)))
    m = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)))
    sizes = np.asarray(m.sum(axis=1)).ravel()
    inter = sparse.triu(m @ m.T, k=1).tocoo()
    jac = inter.data / (sizes[inter.row] + sizes[inter.col] - inter.data)
    keep = jac >= threshold
    return set(zip(inter.row[keep].tolist(), inter.col[keep].tolist(), strict=True))


def cluster_pairs(labels: np.ndarray) -> set[tuple[int, int]]:
    groups: dict[int, list[int]] = {}
    for k, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(k)
    return {(a, b) for g in groups.values() for x, a in enumerate(g) for b in g[x + 1 :]}


def score(found: set[tuple[int, int]], truth: set[tuple[int, int]]) -> dict[str, float]:
    hit = len(found & truth)
    return {
        "pairs_found": len(found),
        "precision": round(hit / len(found), 4) if found else 1.0,
        "recall": round(hit / len(truth), 4) if truth else 1.0,
    }


def _shingle_strings(text: str, size: int) -> list[bytes]:
    tokens = normalize_text(text).split()
    return [" ".join(tokens[p : p + size]).encode() for p in range(max(1, len(tokens) - size + 1))]


def datasketch_pairs(texts: list[str], settings: DedupSettings) -> tuple[set, float]:
    """datasketch's MinHashLSH at the threshold, its query results taken as the pairs."""
    from datasketch import MinHash, MinHashLSH

    start = time.perf_counter()
    shingles = [_shingle_strings(t, settings.shingle_size) for t in texts]
    hashes = MinHash.bulk(shingles, num_perm=settings.num_perm)
    lsh = MinHashLSH(threshold=settings.jaccard_threshold, num_perm=settings.num_perm)
    for k, h in enumerate(hashes):
        lsh.insert(k, h)
    found = set()
    for k, h in enumerate(hashes):
        for other in lsh.query(h):
            if other != k:
                found.add((min(k, other), max(k, other)))
    return found, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=20_000)
    parser.add_argument("--slice", type=int, default=50_000)
    parser.add_argument("--warehouse-n", type=int, default=100_000)
    args = parser.parse_args()
    settings = DedupSettings()

    texts, source = generate(args.n)
    rss_before = peak_rss_mib()
    cpu_before = cpu_seconds()
    start = time.perf_counter()
    result = find_near_duplicates(texts, settings)
    full_seconds = time.perf_counter() - start
    full = {
        "n": args.n,
        "seconds": round(full_seconds, 1),
        "cpu_seconds": round(cpu_seconds() - cpu_before, 1),
        "peak_rss_mib": round(peak_rss_mib()),
        "peak_rss_mib_after_generation": round(rss_before),
        "candidates": result.n_candidates,
        "accepted_pairs": len(result.pair_i),
        "clusters_with_2plus": int((np.bincount(result.labels) > 1).sum()),
        "bands": result.plan.bands,
        "rows": result.plan.rows,
    }
    del result

    picked = pick_sample(source, min(args.sample, args.n))
    sample = [texts[k] for k in picked.tolist()]
    truth = true_pairs(sample, settings.jaccard_threshold, settings.shingle_size)
    start = time.perf_counter()
    ours = find_near_duplicates(sample, settings)
    ours_seconds = time.perf_counter() - start
    ds_found, ds_seconds = datasketch_pairs(sample, settings)
    edges = set(zip(ours.pair_i.tolist(), ours.pair_j.tolist(), strict=True))
    sample_report = {
        "n": len(sample),
        "true_pairs": len(truth),
        "ours_clusters": score(cluster_pairs(ours.labels), truth)
        | {"seconds": round(ours_seconds, 2)},
        "ours_accepted_edges": score(edges, truth),
        "union_find_over_edges": score(
            cluster_pairs(components(len(sample), ours.pair_i, ours.pair_j)), truth
        ),
        "datasketch_lsh_pairs": score(ds_found, truth) | {"seconds": round(ds_seconds, 2)},
    }

    part = texts[: min(args.slice, args.n)]
    _, ds_slice_seconds = datasketch_pairs(part, settings)
    start = time.perf_counter()
    find_near_duplicates(part, settings)
    ours_slice_seconds = time.perf_counter() - start
    warehouse = warehouse_runs(texts[: min(args.warehouse_n, args.n)], settings)
    print(
        json.dumps(
            {
                "bench": "dedup",
                "full": full,
                "sample": sample_report,
                "baseline_slice": {
                    "n": len(part),
                    "datasketch_seconds": round(ds_slice_seconds, 1),
                    "ours_seconds": round(ours_slice_seconds, 1),
                },
                "warehouse": {"n": min(args.warehouse_n, args.n)} | warehouse,
            }
        )
    )


if __name__ == "__main__":
    main()
