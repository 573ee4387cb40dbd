-- Core tables of the evidence warehouse. Natural keys everywhere: reloading adds no rows.

CREATE TABLE sources (
    name        VARCHAR PRIMARY KEY,          -- configured source name; "pubmed" for PubMed
    kind        VARCHAR NOT NULL,             -- pubmed | sitemap | site | urls | import
    first_seen  TIMESTAMP NOT NULL,
    last_seen   TIMESTAMP NOT NULL
);

CREATE TABLE diseases (
    name        VARCHAR PRIMARY KEY,
    synonyms    VARCHAR[] NOT NULL,
    umls_cui    VARCHAR,
    mesh        VARCHAR[] NOT NULL,
    snomed_ct   VARCHAR[] NOT NULL,
    summary     VARCHAR
);

CREATE TABLE symptoms (
    hpo_id      VARCHAR PRIMARY KEY,          -- HP:0001824
    label       VARCHAR NOT NULL              -- Weight loss
);

CREATE TABLE runs (
    run_id              VARCHAR PRIMARY KEY,
    flow                VARCHAR NOT NULL,
    started_at          TIMESTAMP NOT NULL,
    finished_at         TIMESTAMP,
    status              VARCHAR NOT NULL,     -- running | completed | failed | partial
    counts              JSON,                 -- pages_fetched, records_fetched, excerpts_new, ...
    failures            JSON,                 -- [{"stage", "source", "cause"}]
    prefect_flow_run_id VARCHAR
);

-- One row per PubMed query (or web source) that harvests incrementally.
CREATE TABLE harvest_cursors (
    cursor_key          VARCHAR PRIMARY KEY,  -- "pubmed:<query>"
    last_success        TIMESTAMP NOT NULL,   -- when the last complete harvest started
    records_seen        BIGINT NOT NULL
);

CREATE TABLE documents (
    doc_id              VARCHAR PRIMARY KEY,  -- pmid:<PMID> | url:<canonical URL>
    kind                VARCHAR NOT NULL,     -- pubmed | web
    source              VARCHAR NOT NULL,
    url                 VARCHAR,
    domain              VARCHAR,
    pmid                VARCHAR,
    title               VARCHAR,
    journal             VARCHAR,
    year                INTEGER,
    published           VARCHAR,
    doi                 VARCHAR,
    language            VARCHAR,
    mesh_terms          VARCHAR[],
    publication_types   VARCHAR[],
    authors             JSON,
    content_hash        VARCHAR NOT NULL,
    entrez_date         VARCHAR,
    duplicate_of        VARCHAR,              -- same content under another doc_id (syndication)
    deleted             BOOLEAN NOT NULL DEFAULT false,  -- PubMed DeleteCitation honoured
    first_seen          TIMESTAMP NOT NULL,
    last_seen           TIMESTAMP NOT NULL,
    run_id              VARCHAR
);

-- An excerpt is one sentence as evidence for (disease, symptom); the same normalized sentence
-- from many documents is one excerpt with many citations.
CREATE TABLE excerpts (
    excerpt_id          VARCHAR PRIMARY KEY,  -- hash of disease, hpo_id, normalized text
    disease             VARCHAR NOT NULL,
    hpo_id              VARCHAR NOT NULL,
    symptom             VARCHAR NOT NULL,
    text                VARCHAR NOT NULL,
    text_key            VARCHAR NOT NULL,     -- hash of the normalized text (exact-duplicate key)
    section             VARCHAR NOT NULL,     -- presentation | workup | treatment | ...
    negated             BOOLEAN NOT NULL,
    uncertain           BOOLEAN NOT NULL,
    hypothetical        BOOLEAN NOT NULL,
    historical          BOOLEAN NOT NULL,
    experiencer         VARCHAR NOT NULL,     -- patient | other
    relevance           DOUBLE NOT NULL,
    relevance_reason    VARCHAR NOT NULL,
    first_seen          TIMESTAMP NOT NULL,
    last_seen           TIMESTAMP NOT NULL,
    run_id              VARCHAR
);

CREATE TABLE citations (
    excerpt_id          VARCHAR NOT NULL,
    doc_id              VARCHAR NOT NULL,
    domain              VARCHAR,
    url                 VARCHAR,
    pmid                VARCHAR,
    sentence_index      INTEGER NOT NULL,
    section_heading     VARCHAR,
    mention_start       INTEGER NOT NULL,
    mention_end         INTEGER NOT NULL,
    mention_text        VARCHAR NOT NULL,
    context_before      VARCHAR,
    context_after       VARCHAR,
    first_seen          TIMESTAMP NOT NULL,
    last_seen           TIMESTAMP NOT NULL,
    run_id              VARCHAR,
    PRIMARY KEY (excerpt_id, doc_id)
);

-- Near-duplicate clusters over normalized sentence texts (filled by the dedup stage).
CREATE TABLE text_clusters (
    text_key            VARCHAR PRIMARY KEY,
    cluster_key         VARCHAR NOT NULL,     -- text_key of the cluster's canonical text
    signature           BLOB,                 -- MinHash signature, kept for incremental runs
    first_seen          TIMESTAMP NOT NULL
);

-- Editors and their decisions on canonical excerpts (a decision covers the whole cluster).
CREATE TABLE editors (
    name                VARCHAR PRIMARY KEY,
    password_hash       VARCHAR NOT NULL,
    created_at          TIMESTAMP NOT NULL
);

CREATE TABLE decisions (
    excerpt_id          VARCHAR PRIMARY KEY,  -- canonical excerpt of a cluster
    status              VARCHAR NOT NULL,     -- approved | rejected | not_about_disease
    reason              VARCHAR,
    hpo_id              VARCHAR,              -- re-tag target, NULL when unchanged
    trimmed_text        VARCHAR,              -- editor's trim, NULL when unchanged
    editor              VARCHAR NOT NULL,
    decided_at          TIMESTAMP NOT NULL
);

CREATE SEQUENCE audit_seq;
CREATE TABLE audit_log (
    audit_id            BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'),
    excerpt_id          VARCHAR NOT NULL,
    editor              VARCHAR NOT NULL,
    action              VARCHAR NOT NULL,     -- approve | reject | retag | not_about | trim | undo
    acted_at            TIMESTAMP NOT NULL,
    before_state        JSON,
    after_state         JSON
);
