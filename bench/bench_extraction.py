"""Extraction throughput: `extract_page` against trafilatura's own `extract()` on the same pages.

Generates ~300 varied pages (article, news with ads, blog with comments, old table layout, wiki
with references, index pages of links, short items with a byline and a bullet list; short to
long) from a made-up vocabulary, warms both extractors up, then times each over the whole set
several times, interleaved, and keeps the best run of each (wall clock and this process's CPU
time, which is steadier when other work shares the machine). Prints one JSON line; the target
is ours costing at most 1.3x trafilatura alone.

    .venv/bin/python bench/bench_extraction.py [--pages 300] [--rounds 3]
        [--templates article,blog,table,wiki,index,short]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable

import trafilatura

from page_extraction.extract import extract_page

WORDS = (
    "patient patients fever cough headache fatigue nausea dizziness rash pain swelling joints "
    "clinic doctor nurse treatment therapy week month year morning evening night often rarely "
    "usually sometimes mild severe sudden gradual early late symptom symptoms sign signs test "
    "tests blood scan result results family history daily sleep appetite weight breathing chest "
    "the a of and to in with for on after before during may can should will not most many some "
    "people adults children older younger report describe notice feel feels felt improve worse"
).split()
HEADINGS = ["Overview", "Symptoms", "Causes", "Diagnosis", "Treatment", "Outlook", "Prevention"]
NAV = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(12))
FOOTER = "<footer><p>Example Health Site. Privacy. Terms. Contact. Copyright.</p></footer>"
COOKIE = '<div class="cookie-banner"><p>We use cookies on this site.</p><button>OK</button></div>'


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 24))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))


def body_sections(rng: random.Random, count: int) -> str:
    parts = []
    for heading in rng.sample(HEADINGS, k=min(count, len(HEADINGS))):
        parts.append(f"<h2>{heading}</h2>")
        parts += [f"<p>{paragraph(rng)}</p>" for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.3:
            parts.append("<ul>" + "".join(f"<li>{sentence(rng)}</li>" for _ in range(4)) + "</ul>")
    return "\n".join(parts)


def head(rng: random.Random, title: str) -> str:
    date = f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    meta = rng.choice(
        [
            f'<meta property="article:published_time" content="{date}">',
            f'<script type="application/ld+json">{{"datePublished": "{date}"}}</script>',
            f'<meta name="DC.date" content="{date}">',
            "",  # no date markup: htmldate has to look
        ]
    )
    script = "<script>" + "var tracking = {};" * rng.randint(5, 200) + "</script>"
    return f'<head><meta charset="utf-8"><title>{title} | Example Site</title>{meta}{script}</head>'


def article_page(rng: random.Random, title: str, sections: int) -> str:
    return (
        f'<html lang="en">{head(rng, title)}<body>{COOKIE}<header><nav><ul>{NAV}</ul></nav>'
        f"</header><main><article><h1>{title}</h1><p>{paragraph(rng)}</p>"
        f"{body_sections(rng, sections)}</article></main>"
        f'<aside class="related"><h3>Related</h3><ul>{NAV}</ul></aside>{FOOTER}</body></html>'
    )


def blog_page(rng: random.Random, title: str, sections: int) -> str:
    comments = "".join(
        f'<li class="comment"><p>{paragraph(rng)}</p></li>' for _ in range(rng.randint(2, 12))
    )
    return (
        f'<html lang="en">{head(rng, title)}<body><div id="page"><nav>{NAV}</nav>'
        f'<div class="entry-content"><h1>{title}</h1>{body_sections(rng, sections)}</div>'
        f'<div id="comments"><h2>Comments</h2><ol>{comments}</ol></div>{FOOTER}</div></body></html>'
    )


def table_page(rng: random.Random, title: str, sections: int) -> str:
    return (
        f"<html>{head(rng, title)}<body><table><tr><td class='menu'>{NAV}</td><td>"
        f"<h1>{title}</h1>{body_sections(rng, sections)}</td></tr></table>"
        f"<div class='footer'>Updated by the webmaster</div></body></html>"
    )


def wiki_page(rng: random.Random, title: str, sections: int) -> str:
    refs = "".join(f"<li>{sentence(rng)}</li>" for _ in range(rng.randint(3, 20)))
    return (
        f'<html lang="en">{head(rng, title)}<body><div id="content" role="main"><h1>{title}</h1>'
        f"<p>{paragraph(rng)}<sup>[1]</sup></p>{body_sections(rng, sections)}"
        f'<h2>References</h2><ol class="references">{refs}</ol></div>'
        f'<div id="navigation"><ul>{NAV}</ul></div></body></html>'
    )


def index_page(rng: random.Random, title: str, sections: int) -> str:
    """A hub page: a line of intro and lists of links, which extraction must drop."""
    lists = "".join(
        f"<h2>{heading}</h2><ul>"
        + "".join(f'<li><a href="/p/{k}">{sentence(rng)[:-1]}</a></li>' for k in range(8))
        + "</ul>"
        for heading in rng.sample(HEADINGS, k=min(sections, len(HEADINGS)))
    )
    return (
        f'<html lang="en">{head(rng, title)}<body>{COOKIE}<header><nav><ul>{NAV}</ul></nav>'
        f"</header><main><article><h1>{title}</h1><p>{sentence(rng)}</p>{lists}</article></main>"
        f"{FOOTER}</body></html>"
    )


def short_page(rng: random.Random, title: str, sections: int) -> str:
    """A short news item with a byline and a bullet list: trafilatura's flat last resort."""
    items = "".join(f"<li>{sentence(rng)[:40]}</li>" for _ in range(rng.randint(2, 5)))
    return (
        f'<html lang="en">{head(rng, title)}<body><header><nav><ul>{NAV}</ul></nav></header>'
        f'<main><article><h1>{title}</h1><p class="byline"><time>2024-01-0{sections}</time></p>'
        f"<p>{sentence(rng)[:60]}</p><h2>Symptoms</h2><ul>{items}</ul>"
        f'<ul class="more"><li><a href="/a">{sentence(rng)[:30]}</a></li>'
        f'<li><a href="/b">{sentence(rng)[:30]}</a></li></ul></article></main>'
        f"{FOOTER}</body></html>"
    )


TEMPLATES = [article_page, blog_page, table_page, wiki_page, index_page, short_page]


TEMPLATE_NAMES = {template.__name__.removesuffix("_page"): template for template in TEMPLATES}


def generate_pages(count: int, seed: int = 4, templates: list | None = None) -> list[bytes]:
    templates = templates or TEMPLATES
    rng = random.Random(seed)
    pages = []
    for i in range(count):
        template = templates[i % len(templates)]
        title = f"{rng.choice(HEADINGS)} of condition {i}"
        sections = rng.choice([1, 2, 3, 5, 7])
        pages.append(template(rng, title, sections).encode("utf-8"))
    return pages


def time_run(pages: list[bytes], extractor: Callable[[bytes, int], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of this process; CPU time is steadier on a busy machine."""
    start, start_cpu = time.perf_counter(), time.process_time()
    for index, body in enumerate(pages):
        extractor(body, index)
    return time.perf_counter() - start, time.process_time() - start_cpu


def ours(body: bytes, index: int) -> object:
    return extract_page(body, f"http://www.bench-{index % 7}.example/page/{index}")


def baseline(body: bytes, index: int) -> object:
    return trafilatura.extract(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--templates",
        default=",".join(TEMPLATE_NAMES),
        help=f"comma-separated page kinds (default all: {','.join(TEMPLATE_NAMES)})",
    )
    args = parser.parse_args()

    templates = [TEMPLATE_NAMES[name.strip()] for name in args.templates.split(",")]
    pages = generate_pages(args.pages, templates=templates)
    megabytes = sum(len(p) for p in pages) / 1e6
    warm = pages[: len(templates) * 3]
    time_run(warm, ours)  # one-time costs (stop lists, regexes, suffix list) stay out of it
    time_run(warm, baseline)

    wall = {"ours": float("inf"), "trafilatura": float("inf")}
    cpu = dict(wall)
    for _ in range(args.rounds):
        for name, extractor in (("trafilatura", baseline), ("ours", ours)):
            seconds, cpu_seconds = time_run(pages, extractor)
            wall[name] = min(wall[name], seconds)
            cpu[name] = min(cpu[name], cpu_seconds)

    ratio = wall["ours"] / wall["trafilatura"]
    cpu_ratio = cpu["ours"] / cpu["trafilatura"]
    print(
        json.dumps(
            {
                "benchmark": "web_page_extraction",
                "pages": len(pages),
                "templates": [t.__name__.removesuffix("_page") for t in templates],
                "html_mb": round(megabytes, 2),
                "ours_pages_per_s": round(len(pages) / wall["ours"], 1),
                "ours_mb_per_s": round(megabytes / wall["ours"], 2),
                "baseline": "trafilatura.extract() defaults, same pages, same run",
                "baseline_pages_per_s": round(len(pages) / wall["trafilatura"], 1),
                "baseline_mb_per_s": round(megabytes / wall["trafilatura"], 2),
                "cost_ratio": round(ratio, 3),
                "cpu_cost_ratio": round(cpu_ratio, 3),
                "target_cost_ratio": 1.3,
                "meets_target": ratio <= 1.3,
            }
        )
    )


if __name__ == "__main__":
    main()
