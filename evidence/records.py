"""The nouns that cross stage boundaries.

Every stage reads and writes these plain dataclasses, so that harvesters (PubMed, web), text
processing and the warehouse loader can be built and tested apart from each other. They carry
no behaviour beyond cheap derived keys: the stages own the logic.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Section:
    """A run of body text under one heading (an abstract section, a page heading)."""

    heading: str  # as written: "BACKGROUND", "Symptoms", "" for untitled text
    text: str


@dataclass(slots=True)
class Author:
    last_name: str
    initials: str = ""
    collective: str = ""  # a group author ("Writing Committee ..."), when there is no person


@dataclass(slots=True)
class Document:
    """One PubMed record or one web page after canonicalization.

    `doc_id` is the natural key: ``pmid:<PMID>`` or ``url:<canonical URL>``.
    """

    doc_id: str
    kind: str  # "pubmed" | "web"
    source: str  # configured source name ("pubmed" for PubMed queries and imports)
    title: str
    sections: list[Section]
    url: str = ""
    domain: str = ""  # registered domain used in citations: "ncbi.nlm.nih.gov"
    pmid: str = ""
    journal: str = ""
    year: int | None = None
    published: str = ""  # ISO date when known
    doi: str = ""
    language: str = ""
    mesh_terms: list[str] = field(default_factory=list)
    publication_types: list[str] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)
    content_hash: str = ""  # sha256 of the text that extraction saw; unchanged hash = no work
    entrez_date: str = ""  # PubMed: date the record entered PubMed (ISO), for incremental cursors


@dataclass(slots=True)
class Mention:
    """A symptom (HPO) mention inside one sentence, offsets relative to the sentence."""

    start: int
    end: int
    text: str
    hpo_id: str
    label: str
    negated: bool = False
    uncertain: bool = False
    hypothetical: bool = False
    historical: bool = False
    experiencer: str = "patient"  # "patient" | "other"

    @property
    def is_positive(self) -> bool:
        """Negated or other-experiencer mentions never count as positive evidence."""
        return not self.negated and self.experiencer == "patient"


@dataclass(slots=True)
class Excerpt:
    """One sentence that is evidence (or flagged counter-evidence) for (disease, symptom)."""

    doc_id: str
    disease: str  # configured disease name
    hpo_id: str
    symptom: str  # HPO label
    text: str  # the sentence
    sentence_index: int  # position of the sentence within the document
    section_heading: str  # heading as written in the document
    # presentation|workup|treatment|prognosis|etiology|epidemiology|pathophysiology|prevention
    section: str
    mention_start: int  # offsets of the symptom mention inside `text`
    mention_end: int
    mention_text: str
    negated: bool = False
    uncertain: bool = False
    hypothetical: bool = False
    historical: bool = False
    experiencer: str = "patient"
    relevance: float = 1.0
    relevance_reason: str = ""
    context_before: str = ""  # the sentence before, for reviewers
    context_after: str = ""
