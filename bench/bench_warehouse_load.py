"""Warehouse loading throughput: bulk Arrow loads against row-by-row executemany, same run.

Usage: .venv/bin/python bench/bench_warehouse_load.py [--rows 100000] [--baseline-rows 5000]
Prints one JSON line. Rows are excerpts (each with one document citation).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dedup.normalize import text_key  # noqa: E402
from evidence.records import Document, Excerpt, Section  # noqa: E402
from warehouse.load import excerpt_id, load_batch, utcnow  # noqa: E402
from warehouse.schema import connect  # noqa: E402

WORDS = "patients weakness thigh pain weight loss proximal muscle wasting reported".split()


def make(n: int, seed: int = 7) -> tuple[list[Document], list[Excerpt]]:
    rng = random.Random(seed)
    docs, exs = [], []
    for i in range(n):
        doc_id = f"pmid:{10_000_000 + i // 10}"
        if i % 10 == 0:
            docs.append(
                Document(
                    doc_id=doc_id,
                    kind="pubmed",
                    source="bench",
                    title=f"T{i}",
                    sections=[Section("", "x")],
                    pmid=doc_id[5:],
                    domain="ncbi.nlm.nih.gov",
                    content_hash=f"h{i}",
                )
            )
        text = " ".join(rng.choice(WORDS) for _ in range(18)) + f" {i}."
        exs.append(
            Excerpt(
                doc_id=doc_id,
                disease="Diabetic amyotrophy",
                hpo_id="HP:0001824",
                symptom="Weight loss",
                text=text,
                sentence_index=i % 10,
                section_heading="",
                section="presentation",
                mention_start=0,
                mention_end=5,
                mention_text="x",
            )
        )
    return docs, exs


def bulk(path: Path, docs: list[Document], exs: list[Excerpt], batch: int = 10_000) -> float:
    conn = connect(path)
    by_doc: dict[str, list[Excerpt]] = {}
    for e in exs:
        by_doc.setdefault(e.doc_id, []).append(e)
    start = time.perf_counter()
    for i in range(0, len(docs), batch // 10):
        chunk = docs[i : i + batch // 10]
        load_batch(conn, chunk, [e for d in chunk for e in by_doc[d.doc_id]], "bench")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def row_by_row(path: Path, docs: list[Document], exs: list[Excerpt]) -> float:
    conn = connect(path)
    now = utcnow()
    start = time.perf_counter()
    conn.execute("BEGIN TRANSACTION")
    conn.executemany(
        "INSERT INTO documents (doc_id, kind, source, url, domain, pmid, title, content_hash, "
        "first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [
            (d.doc_id, d.kind, d.source, d.url, d.domain, d.pmid, d.title, d.content_hash, now, now)
            for d in docs
        ],
    )
    conn.executemany(
        "INSERT INTO excerpts VALUES (?, ?, ?, ?, ?, ?, ?, false, false, false, false, 'patient',"
        " 1.0, '', ?, ?, 'bench') ON CONFLICT DO NOTHING",
        [
            (
                excerpt_id(e.disease, e.hpo_id, e.text),
                e.disease,
                e.hpo_id,
                e.symptom,
                e.text,
                text_key(e.text),
                e.section,
                now,
                now,
            )
            for e in exs
        ],
    )
    conn.executemany(
        "INSERT INTO citations VALUES (?, ?, 'ncbi.nlm.nih.gov', '', '', ?, '', 0, 5, 'x', '', '',"
        " ?, ?, 'bench') ON CONFLICT DO NOTHING",
        [
            (excerpt_id(e.disease, e.hpo_id, e.text), e.doc_id, e.sentence_index, now, now)
            for e in exs
        ],
    )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--baseline-rows", type=int, default=2_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docs, exs = make(args.rows)
        t_bulk = bulk(Path(tmp) / "bulk.duckdb", docs, exs)
        bdocs, bexs = make(args.baseline_rows, seed=8)
        t_rows = row_by_row(Path(tmp) / "rows.duckdb", bdocs, bexs)
    bulk_rate = args.rows / t_bulk
    base_rate = args.baseline_rows / t_rows
    print(
        json.dumps(
            {
                "bench": "warehouse_load",
                "rows": args.rows,
                "bulk_rows_per_s": round(bulk_rate),
                "baseline_rows": args.baseline_rows,
                "baseline_row_by_row_rows_per_s": round(base_rate),
                "speedup": round(bulk_rate / base_rate, 1),
                "target_speedup": 20,
            }
        )
    )


if __name__ == "__main__":
    main()
