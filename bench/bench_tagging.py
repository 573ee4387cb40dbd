"""Tagging throughput (MB/s of text per core) vs one compiled regex alternation, same run.

Two texts, each about 2 MB: real PubMed abstracts (what the 3 MB/s target is stated for:
"about 2,000 abstracts a second"), and the team's dev gold sentences grouped into ~1.5 kB
documents, which hold about five times as many mentions per kB as abstracts do (a worst case
for the per-mention work). Prints one JSON line: per text the tagger's MB/s (full HPO
vocabulary, abbreviations, context rules) and the regex-alternation baseline's MB/s over the
same terms and text; vocabulary load time from a warm cache; peak resident memory; whether
the compiled word loops (`text_processing/_scan.c`) were in use, and which modules ran compiled
by Cython (setup.py; a module edited since its build runs from source).

"Per core" = text divided by the CPU time of this (single-threaded) process, so a busy machine
does not distort the figure the way wall time would; the best of five passes is reported for
both tagger and baseline (this host's speed drifts by 15-25% within minutes, and the best of
three often held no quiet pass). The bench text repeats ~220 sentences, so no stage may cache
results per sentence or per document (none does: only word -> key and word -> adjective
lookups are cached).
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pubmed.parser import iter_pubmed  # noqa: E402
from text_processing import compiled_modules  # noqa: E402
from text_processing.baseline import RegexBaseline  # noqa: E402
from text_processing.tagger import Tagger  # noqa: E402
from text_processing.vocabulary import load_vocabulary  # noqa: E402

GOLD = ROOT / "text_processing" / "gold" / "dev_sentences.jsonl"
SHARED = ROOT.parent / "shared" / "data"
TARGET_BYTES = 2_000_000
PASSES = 5


def documents() -> list[str]:
    sentences = [json.loads(line)["text"] for line in GOLD.read_text().splitlines() if line]
    docs, cur = [], []
    for s in sentences:
        cur.append(s)
        if sum(len(x) for x in cur) > 1500:
            docs.append(" ".join(cur))
            cur = []
    docs.append(" ".join(cur))
    return _repeated(docs)


def _repeated(texts: list[str]) -> list[str]:
    """`texts` over and over until they hold TARGET_BYTES of UTF-8."""
    out, size = [], 0
    while size < TARGET_BYTES:
        for t in texts:
            out.append(t)
            size += len(t.encode())
    return out


def abstracts() -> list[str]:
    """Real PubMed abstracts (title + text), repeated to ~2 MB: the text the target is about.

    GSC+ dev abstracts and the abstracts in the recorded E-utilities answers, both in shared/
    beside the checkout; used here for speed only (quality is scored by `evidence eval`).
    """
    texts = [
        json.loads(line)["text"]
        for line in (SHARED / "phenotype-gold" / "gscplus_dev.jsonl").read_text().splitlines()
        if line
    ]
    for path in sorted((SHARED / "entrez").glob("pubmed*.xml")):
        for doc in iter_pubmed(path):
            body = " ".join(s.text for s in getattr(doc, "sections", []))
            if body:
                texts.append(f"{doc.title} {body}")
    return _repeated(texts)


def measure(tagger: Tagger, baseline: RegexBaseline, docs: list[str]) -> dict:
    """Best of `PASSES` passes (CPU seconds) for tagger and baseline, alternating, same text."""
    mb = sum(len(d.encode()) for d in docs) / 1e6
    n_tagger = n_regex = 0
    tagger_s = regex_s = float("inf")
    for _ in range(PASSES):
        t0 = time.process_time()
        n_tagger = sum(len(tagger.tag(d)) for d in docs)
        tagger_s = min(tagger_s, time.process_time() - t0)

        t0 = time.process_time()
        n_regex = sum(1 for d in docs for _ in baseline.pattern.finditer(d))
        regex_s = min(regex_s, time.process_time() - t0)
    return {
        "text_mb": round(mb, 2),
        "documents": len(docs),
        "tagger_mb_per_s_per_core": round(mb / tagger_s, 2),
        "tagger_documents_per_s_per_core": round(len(docs) / tagger_s),
        "baseline_regex_mb_per_s_per_core": round(mb / regex_s, 2),
        "tagger_vs_baseline": round(regex_s / tagger_s, 2),
        "tagger_mentions": n_tagger,
        "baseline_matches": n_regex,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        load_vocabulary(Path(cache))  # build and write the cache
        t0 = time.perf_counter()
        vocab = load_vocabulary(Path(cache))
        load_s = time.perf_counter() - t0
    tagger = Tagger(vocab)
    baseline = RegexBaseline(vocab)
    result = {
        "bench": "tagging",
        "compiled_scan": tagger.compiled,
        "compiled_modules": sorted(k for k, v in compiled_modules().items() if v and k != "_scan"),
        "pubmed_abstracts": measure(tagger, baseline, abstracts()),
        "dense_team_sentences": measure(tagger, baseline, documents()),
        "vocab_load_s_from_cache": round(load_s, 3),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
