"""Plain-text rendering of a disease's evidence list for the terminal."""

from __future__ import annotations

from evidence.terminal import safe
from warehouse.queries import SymptomEvidence


def render_evidence(disease: str, symptoms: list[SymptomEvidence]) -> str:
    """Symptom headings by evidence strength; under each, excerpts with [domain] and PMID."""
    lines = [safe(disease), "=" * len(disease), ""]
    if not symptoms:
        lines.append("No evidence yet: run `evidence run` (or `make demo`) first.")
        return "\n".join(lines)
    for s in symptoms:
        share = f"{round(100 * s.pubmed_share)}% PubMed" if s.pubmed_share is not None else ""
        lines.append(f"{safe(s.symptom)} ({s.hpo_id}) - {s.n_sources} source(s), {share}")
        for item in s.items:
            tags = " ".join(f"[{safe(d)}]" for d in item.domains)
            pmids = " ".join(f"PMID {p}" for p in item.pmids)
            status = "" if item.review_status == "approved" else " (unreviewed)"
            where = " ".join(part for part in (tags, pmids) if part)
            lines.append(f'  - "{safe(item.excerpt)}" {where}{status}'.rstrip())
        lines.append("")
    return "\n".join(lines)
