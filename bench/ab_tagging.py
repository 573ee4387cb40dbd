"""Tagging speed of two checkouts, measured in alternation: is a change faster?

On this host one checkout's throughput drifts by 15-25% within minutes, so two bench runs made
one after the other compare the host's moods more than the code. Here each checkout runs in a
worker process of its own (vocabulary loaded, text tagged once to warm up); the workers then
tag the same text in turns, A B, B A, A B, ... so drift falls on both alike, and the ratio of
each pair is the figure. Prints one JSON line: per checkout the median and best MB/s per core
(CPU time), and the median of the pair ratios B/A.

    .venv/bin/python bench/ab_tagging.py /path/to/checkout_a /path/to/checkout_b --pairs 20

Each checkout needs its compiled parts built (`python setup.py build_ext --inplace` there).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def worker(root: Path, text: str, cache: Path) -> None:
    """Load the checkout's tagger, then tag the text once per line read on stdin."""
    sys.path.insert(0, str(root))
    sys.path.insert(0, str(root / "bench"))
    from bench_tagging import abstracts, documents

    import text_processing
    from text_processing.tagger import Tagger
    from text_processing.vocabulary import load_vocabulary

    if not str(text_processing.__file__).startswith(str(root)):
        raise SystemExit(f"{root}: imported text_processing from {text_processing.__file__}")
    tagger = Tagger(load_vocabulary(cache))
    docs = abstracts() if text == "abstracts" else documents()
    mb = sum(len(d.encode()) for d in docs) / 1e6
    for d in docs:
        tagger.tag(d)
    print("ready", flush=True)
    for _ in sys.stdin:
        t0 = time.process_time()
        for d in docs:
            tagger.tag(d)
        print(mb / (time.process_time() - t0), flush=True)


def compare(a: Path, b: Path, text: str, pairs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        procs = [
            subprocess.Popen(
                [sys.executable, __file__, "--worker", str(root), "--text", text],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                env={**os.environ, "AB_CACHE": str(Path(tmp) / name)},
            )
            for name, root in (("a", a), ("b", b))
        ]
        for p in procs:
            if p.stdout.readline().strip() != "ready":
                raise SystemExit("a worker failed to start")
        runs: list[list[float]] = [[], []]
        for i in range(pairs):
            for k in (0, 1) if i % 2 == 0 else (1, 0):
                procs[k].stdin.write("go\n")
                procs[k].stdin.flush()
                runs[k].append(float(procs[k].stdout.readline()))
        for p in procs:
            p.stdin.close()
            p.wait()
    ratios = [y / x for x, y in zip(runs[0], runs[1], strict=True)]
    return {
        "bench": "tagging_ab",
        "text": text,
        "pairs": pairs,
        "a": str(a),
        "b": str(b),
        "a_mb_per_s_median": round(statistics.median(runs[0]), 3),
        "a_mb_per_s_best": round(max(runs[0]), 3),
        "b_mb_per_s_median": round(statistics.median(runs[1]), 3),
        "b_mb_per_s_best": round(max(runs[1]), 3),
        "b_over_a_median_ratio": round(statistics.median(ratios), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path, nargs="?")
    parser.add_argument("b", type=Path, nargs="?")
    parser.add_argument("--text", choices=("abstracts", "dense"), default="abstracts")
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        worker(args.worker.resolve(), args.text, Path(os.environ["AB_CACHE"]))
        return
    if args.a is None or args.b is None:
        parser.error("two checkouts to compare")
    print(json.dumps(compare(args.a.resolve(), args.b.resolve(), args.text, args.pairs)))


if __name__ == "__main__":
    main()
