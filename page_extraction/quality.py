"""How close extracted main text is to a hand-marked body: word 4-gram overlap P/R/F1.

Word 4-grams reward getting whole runs of text right, and they are indifferent to line breaks,
punctuation and list bullets, which differ between extractors without changing what a reader
(or the sentence splitter) gets. Used by the tests and for tuning on new pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from page_extraction.extract import extract_page

_WORD = re.compile(r"\w+", re.UNICODE)
GOLD_SUFFIX = ".body.txt"


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float


def ngrams(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    if 0 < len(words) < n:  # a very short text still counts as one gram
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def score(extracted: str, gold: str, n: int = 4) -> Score:
    """Overlap of n-gram multisets; two empty texts agree perfectly."""
    got, want = ngrams(extracted, n), ngrams(gold, n)
    if not got and not want:
        return Score(1.0, 1.0, 1.0)
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1)


def ours(body: bytes, name: str) -> str:
    return extract_page(body, name).text


def trafilatura_alone(body: bytes, name: str) -> str:
    """The baseline the issue names: trafilatura's own extract() with its defaults."""
    return trafilatura.extract(body) or ""


def gold_pages(directory: Path) -> list[tuple[Path, str]]:
    """Every ``<name>.html`` that has a hand-marked ``<name>.body.txt`` next to it."""
    pairs = []
    for html in sorted(directory.glob("*.html")):
        gold = html.with_name(html.stem + GOLD_SUFFIX)
        if gold.exists():
            pairs.append((html, gold.read_text(encoding="utf-8")))
    return pairs


def mean_f1(scores: Iterable[Score]) -> float:
    values = [s.f1 for s in scores]
    return sum(values) / len(values) if values else 0.0


def evaluate(
    directory: Path, extractors: dict[str, Callable[[bytes, str], str]] | None = None
) -> dict[str, dict[str, Score]]:
    """Scores per extractor per page: {"ours": {"page.html": Score}, "trafilatura": {...}}."""
    extractors = extractors or {"ours": ours, "trafilatura": trafilatura_alone}
    results: dict[str, dict[str, Score]] = {name: {} for name in extractors}
    for html, gold in gold_pages(directory):
        body = html.read_bytes()
        for name, extractor in extractors.items():
            results[name][html.name] = score(extractor(body, html.name), gold)
    return results


def main() -> None:  # pragma: no cover - a tuning aid: python -m page_extraction.quality DIR
    import sys

    results = evaluate(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
    names = list(results)
    pages = sorted(next(iter(results.values())))
    print("page".ljust(28) + "".join(f"{n:>26}" for n in names))
    for page in pages:
        cells = "".join(
            f"   P{results[n][page].precision:.2f} R{results[n][page].recall:.2f} "
            f"F{results[n][page].f1:.3f}"
            for n in names
        )
        print(page.ljust(28) + cells)
    print("mean F1".ljust(28) + "".join(f"{mean_f1(results[n].values()):>26.3f}" for n in names))


if __name__ == "__main__":  # pragma: no cover
    main()
