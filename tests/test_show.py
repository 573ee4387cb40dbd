"""`evidence show` prints one line per excerpt: quote, [domain] and PMID, review status."""

from __future__ import annotations

from evidence.show import render_evidence
from warehouse.queries import EvidenceItem, SymptomEvidence


def item(domains, pmids, status="unreviewed") -> EvidenceItem:
    text = "Thigh pain came first."
    return EvidenceItem("x", text, domains, pmids, [], "presentation", 1, status)


def test_excerpt_lines_have_single_spaces_with_or_without_pmid():
    symptom = SymptomEvidence(
        "HP:0012514",
        "Lower limb pain",
        2,
        0.5,
        [
            item(["clinic.example"], []),
            item(["ncbi.nlm.nih.gov"], ["90000001"]),
            item(["clinic.example"], [], "approved"),
        ],
    )
    lines = render_evidence("Diabetic amyotrophy", [symptom]).splitlines()
    assert lines[4:7] == [
        '  - "Thigh pain came first." [clinic.example] (unreviewed)',
        '  - "Thigh pain came first." [ncbi.nlm.nih.gov] PMID 90000001 (unreviewed)',
        '  - "Thigh pain came first." [clinic.example]',
    ]
