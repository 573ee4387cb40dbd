"""Benchmark: streaming PubMed parser vs Biopython's Entrez.read on one baseline-sized file.

Generates a PubmedArticleSet of 30,000 records (~3 KB each, the size of an NCBI baseline file)
from templates, then parses it in separate child processes, one per contender, so that each
child's peak RSS (``ru_maxrss``) is its own. A third child only imports the same modules and
parses nothing: its RSS is subtracted to give the memory the parse itself needed. Prints one
JSON line.

    .venv/bin/python bench/bench_pubmed_parse.py [--records 30000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]

# Template prose written for this benchmark; combined at random into abstracts.
_SENTENCES = [
    "We enrolled {n} consecutive patients referred to a tertiary neuromuscular clinic.",
    "Median age at onset was {n} years and {p}% of participants were women.",
    "Proximal muscle weakness was present in {p}% of patients at the first visit.",
    "Weight loss of more than five kilograms preceded the weakness in {n} patients.",
    "Nerve conduction studies showed reduced compound muscle action potentials in the legs.",
    "Areflexia at the knee was documented in {p}% and paresthesia of the feet in {n} patients.",
    "Pain scores fell by a median of {n} points over the first three months of follow-up.",
    "Magnetic resonance imaging of the lumbosacral plexus was abnormal in {n} of the cases.",
    "Neither fasciculations nor tongue weakness were observed during the study period.",
    "Adverse events were mild and no participant withdrew because of them.",
    "Orthostatic hypotension was recorded in {n} patients with autonomic symptoms.",
    "These findings support early referral of patients with subacute painful weakness.",
    "Further prospective studies with longer follow-up are needed to confirm the results.",
    "Muscle atrophy of the thigh became visible within {n} weeks of onset in most patients.",
]
_TITLE_WORDS = [
    "Clinical",
    "course",
    "of",
    "painful",
    "proximal",
    "neuropathy",
    "in",
    "adults",
    "with",
    "diabetes",
    "a",
    "cohort",
    "study",
    "outcome",
    "electrodiagnostic",
    "features",
    "weakness",
    "and",
    "pain",
]
_MESH = [
    "Humans",
    "Male",
    "Female",
    "Aged",
    "Middle Aged",
    "Diabetic Neuropathies",
    "Muscle Weakness",
    "Pain",
    "Weight Loss",
    "Electromyography",
    "Lumbosacral Plexus",
    "Retrospective Studies",
    "Prospective Studies",
    "Treatment Outcome",
]
_NAMES = ["Halvorsen", "Okafor", "Reyes", "Nakamura", "Lefèvre", "Müller", "Svensson", "Patel"]
_LABELS = ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]


_AFFILIATIONS = [
    "Department of Neurology, Demo University Hospital, Springfield, Demo Land.",
    "Neuromuscular Unit, Example Medical Centre, Rivertown, Demo Land.",
    "Division of Endocrinology, Sample Institute of Health, Lakeside, Demo Land.",
]
_CLOCKED = ("entrez", "pubmed", "medline")
_KEYWORDS = ["neuropathy", "diabetes", "weakness", "pain", "plexopathy", "electromyography"]


def _date(tag: str, year: int, month: int, day: int, attrs: str = "", clock: bool = False) -> str:
    extra = "<Hour>6</Hour><Minute>0</Minute>" if clock else ""
    return (
        f"<{tag}{attrs}><Year>{year}</Year><Month>{month:02d}</Month><Day>{day:02d}</Day>"
        f"{extra}</{tag}>"
    )


def _record(pmid: int, rng: random.Random) -> str:
    """One record shaped like a MEDLINE citation in a baseline file (not only the used parts)."""

    def sentence() -> str:
        return rng.choice(_SENTENCES).format(n=rng.randint(3, 90), p=rng.randint(5, 95))

    title = " ".join(rng.sample(_TITLE_WORDS, rng.randint(8, 14))).capitalize()
    if rng.random() < 0.2:
        title += " in <i>SMN1</i> carriers"
    if rng.random() < 0.5:
        abstract = "".join(
            f'<AbstractText Label="{label}" NlmCategory="{label}">'
            f"{escape(' '.join(sentence() for _ in range(1)))}</AbstractText>"
            for label in _LABELS
        )
    else:
        abstract = f"<AbstractText>{' '.join(sentence() for _ in range(rng.randint(3, 5)))}"
        abstract += "</AbstractText>"
    authors = "".join(
        f'<Author ValidYN="Y"><LastName>{rng.choice(_NAMES)}</LastName><ForeName>Anna B</ForeName>'
        f"<Initials>AB</Initials><AffiliationInfo><Affiliation>{rng.choice(_AFFILIATIONS)}"
        f"</Affiliation></AffiliationInfo></Author>"
        for _ in range(rng.randint(1, 4))
    )
    mesh = "".join(
        f'<MeshHeading><DescriptorName UI="D0{i:05d}" MajorTopicYN="N">{m}</DescriptorName>'
        + (
            '<QualifierName UI="Q000175" MajorTopicYN="Y">diagnosis</QualifierName>'
            if i % 3
            else ""
        )
        + "</MeshHeading>"
        for i, m in enumerate(rng.sample(_MESH, rng.randint(4, 8)))
    )
    keywords = "".join(f'<Keyword MajorTopicYN="N">{k}</Keyword>' for k in rng.sample(_KEYWORDS, 3))
    year, month, day = rng.randint(2000, 2025), rng.randint(1, 12), rng.randint(1, 28)
    article_date = _date("ArticleDate", year, month, day, attrs=' DateType="Electronic"')
    history = "".join(
        _date("PubMedPubDate", year, month, day, f' PubStatus="{status}"', clock=status in _CLOCKED)
        for status in ("received", "accepted", "entrez", "pubmed", "medline")
    )
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM" IndexingMethod="Automated">'
        f'<PMID Version="1">{pmid}</PMID>{_date("DateCompleted", year, month, day)}'
        f'{_date("DateRevised", year + 1, month, day)}<Article PubModel="Print-Electronic">'
        f'<Journal><ISSN IssnType="Electronic">1234-5678</ISSN><JournalIssue CitedMedium='
        f'"Internet"><Volume>{rng.randint(1, 90)}</Volume><Issue>{rng.randint(1, 12)}</Issue>'
        f"<PubDate><Year>{year}</Year><Month>{month:02d}</Month></PubDate></JournalIssue>"
        f"<Title>Demo Journal of Neurology</Title><ISOAbbreviation>Demo J Neurol"
        f"</ISOAbbreviation></Journal><ArticleTitle>{title}.</ArticleTitle><Pagination>"
        f"<MedlinePgn>{rng.randint(1, 900)}-{rng.randint(1, 99)}</MedlinePgn></Pagination>"
        f'<ELocationID EIdType="doi" ValidYN="Y">10.5555/bench.{pmid}</ELocationID>'
        f"<Abstract>{abstract}<CopyrightInformation>Copyright Demo Publisher."
        f'</CopyrightInformation></Abstract><AuthorList CompleteYN="Y">{authors}</AuthorList>'
        f'<Language>eng</Language><PublicationTypeList><PublicationType UI="D016428">Journal '
        f"Article</PublicationType></PublicationTypeList>"
        f"{article_date}</Article>"
        f"<MedlineJournalInfo><Country>Demo Land</Country><MedlineTA>Demo J Neurol</MedlineTA>"
        f"<NlmUniqueID>0000001</NlmUniqueID><ISSNLinking>1234-5678</ISSNLinking>"
        f"</MedlineJournalInfo><CitationSubset>IM</CitationSubset>"
        f"<MeshHeadingList>{mesh}</MeshHeadingList>"
        f'<KeywordList Owner="NOTNLM">{keywords}</KeywordList></MedlineCitation><PubmedData>'
        f"<History>"
        f"{history}"
        f"</History><PublicationStatus>ppublish</PublicationStatus><ArticleIdList>"
        f'<ArticleId IdType="pubmed">{pmid}</ArticleId><ArticleId IdType="doi">10.5555/bench.'
        f"{pmid}</ArticleId></ArticleIdList></PubmedData></PubmedArticle>\n"
    )


def generate(path: Path, records: int, seed: int = 7) -> int:
    """Write the file record by record (never held whole); returns its size in bytes."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle,'
            ' 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">'
            "\n<PubmedArticleSet>\n"
        )
        for i in range(records):
            out.write(_record(80_000_000 + i, rng))
        out.write("</PubmedArticleSet>\n")
    return path.stat().st_size


def child(contender: str, path: str) -> None:
    """Runs in its own process: parse, then report time, records and this process's peak RSS."""
    from Bio import Entrez  # both contenders' modules, so the baseline child matches

    from evidence.records import Document
    from pubmed.parser import iter_pubmed

    start, cpu_start = time.perf_counter(), time.process_time()
    if contender == "streaming":
        count = sum(1 for item in iter_pubmed(path) if isinstance(item, Document))
    elif contender == "biopython":
        with open(path, "rb") as handle:
            count = len(Entrez.read(handle)["PubmedArticle"])
    else:
        count = 0
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {"records": count, "seconds": seconds, "cpu": cpu, "peak_rss_mb": peak_kb / 1024}
        )
    )


def _run_child(contender: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", contender, str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=30_000)
    parser.add_argument("--child", nargs=2, metavar=("CONTENDER", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pubmed_bench.xml"
        size = generate(path, args.records)
        baseline = _run_child("imports-only", path)
        ours = _run_child("streaming", path)
        bio = _run_child("biopython", path)
    mb = size / 1e6
    assert ours["records"] == bio["records"] == args.records, (ours, bio)
    ours_mem = ours["peak_rss_mb"] - baseline["peak_rss_mb"]
    bio_mem = bio["peak_rss_mb"] - baseline["peak_rss_mb"]
    result = {
        "benchmark": "pubmed_xml_parse",
        "records": args.records,
        "file_mb": round(mb, 1),
        "bytes_per_record": round(size / args.records),
        # rates use each child's CPU time: the machine is shared, wall time is reported too
        "streaming_records_per_s": round(ours["records"] / ours["cpu"]),
        "streaming_mb_per_s": round(mb / ours["cpu"], 1),
        "biopython_records_per_s": round(bio["records"] / bio["cpu"]),
        "biopython_mb_per_s": round(mb / bio["cpu"], 1),
        "speedup": round(bio["cpu"] / ours["cpu"], 1),
        "streaming_wall_s": round(ours["seconds"], 2),
        "biopython_wall_s": round(bio["seconds"], 2),
        "imports_only_peak_rss_mb": round(baseline["peak_rss_mb"], 1),
        "streaming_peak_rss_mb": round(ours["peak_rss_mb"], 1),
        "biopython_peak_rss_mb": round(bio["peak_rss_mb"], 1),
        "streaming_parse_mem_mb": round(ours_mem, 1),
        "biopython_parse_mem_mb": round(bio_mem, 1),
        "parse_mem_ratio": round(bio_mem / max(ours_mem, 0.1), 1),
        "total_rss_ratio": round(bio["peak_rss_mb"] / ours["peak_rss_mb"], 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
