-- Derived views, recreated after every migration run (CREATE OR REPLACE): they hold no data.

-- Every excerpt with the near-duplicate cluster it belongs to (its own text when unclustered).
CREATE OR REPLACE VIEW excerpt_members AS
SELECT e.*, coalesce(tc.cluster_key, e.text_key) AS cluster_key
FROM excerpts e
LEFT JOIN text_clusters tc USING (text_key);

-- Positive evidence only: negated and other-experiencer mentions are kept in `excerpts` for
-- analysts but never count for a disease. The canonical excerpt of a cluster is the member whose
-- text gave the cluster its key (dedup.canonical: earliest, then PubMed, then shortest), else its
-- earliest member (ties broken by id), so the choice is stable across runs.
CREATE OR REPLACE VIEW canonical_excerpts AS
SELECT
    disease,
    hpo_id,
    cluster_key,
    first(excerpt_id ORDER BY text_key <> cluster_key, first_seen, excerpt_id) AS excerpt_id,
    list(excerpt_id ORDER BY first_seen, excerpt_id) AS member_ids,
    count(*) AS n_members
FROM excerpt_members
WHERE NOT negated AND experiencer = 'patient'
GROUP BY disease, hpo_id, cluster_key;

-- Member excerpt -> canonical excerpt, for decisions that apply to a whole cluster.
CREATE OR REPLACE VIEW excerpt_canonical AS
SELECT unnest(member_ids) AS excerpt_id, excerpt_id AS canonical_id
FROM canonical_excerpts;

-- Citations of each canonical excerpt, gathered from all its members, live documents only.
-- `independent_doc` folds syndicated copies onto one document so that copies do not count twice.
CREATE OR REPLACE VIEW canonical_citations AS
SELECT
    ec.canonical_id,
    c.*,
    d.kind AS doc_kind,
    coalesce(d.duplicate_of, d.doc_id) AS independent_doc
FROM excerpt_canonical ec
JOIN citations c ON c.excerpt_id = ec.excerpt_id
JOIN documents d ON d.doc_id = c.doc_id
WHERE NOT d.deleted;

-- The per-disease, per-symptom evidence list analysts and pages read.
CREATE OR REPLACE VIEW evidence_list AS
WITH cited AS (
    SELECT
        canonical_id,
        list(DISTINCT domain ORDER BY domain) FILTER (WHERE domain IS NOT NULL) AS domains,
        list(DISTINCT pmid ORDER BY pmid) FILTER (WHERE pmid IS NOT NULL AND pmid <> '') AS pmids,
        list(DISTINCT url ORDER BY url) FILTER (WHERE url IS NOT NULL AND url <> '') AS urls,
        count(DISTINCT independent_doc) AS n_sources,
        count(DISTINCT independent_doc) FILTER (WHERE doc_kind = 'pubmed') AS n_pubmed,
        max(last_seen) AS last_seen
    FROM canonical_citations
    GROUP BY canonical_id
),
-- A decision made on any member of a cluster covers the whole cluster (the latest one wins),
-- so a decision survives when later clustering makes another member canonical.
cluster_decisions AS (
    SELECT
        ec.canonical_id,
        first(d.status ORDER BY d.decided_at DESC) AS status,
        first(d.hpo_id ORDER BY d.decided_at DESC) AS hpo_id,
        first(d.trimmed_text ORDER BY d.decided_at DESC) AS trimmed_text
    FROM decisions d
    JOIN excerpt_canonical ec ON ec.excerpt_id = d.excerpt_id
    GROUP BY ec.canonical_id
),
reviewed AS (
    SELECT
        ce.disease,
        coalesce(dec.hpo_id, ce.hpo_id) AS hpo_id,
        e.hpo_id AS tagged_hpo_id,
        ce.excerpt_id,
        coalesce(dec.trimmed_text, e.text) AS excerpt,
        e.section,
        e.uncertain,
        e.relevance,
        e.relevance_reason,
        e.first_seen,
        ce.n_members,
        coalesce(dec.status, 'unreviewed') AS review_status,
        cited.*
    FROM canonical_excerpts ce
    JOIN excerpts e ON e.excerpt_id = ce.excerpt_id
    JOIN cited ON cited.canonical_id = ce.excerpt_id
    LEFT JOIN cluster_decisions dec ON dec.canonical_id = ce.excerpt_id
    WHERE coalesce(dec.status, 'unreviewed') IN ('unreviewed', 'approved')
)
SELECT
    r.disease,
    r.hpo_id,
    coalesce(s.label, r.hpo_id) AS symptom,
    r.excerpt_id,
    r.excerpt,
    r.domains,
    r.pmids,
    r.urls,
    r.section,
    r.n_sources,
    r.n_pubmed,
    r.n_members,
    r.uncertain,
    r.relevance,
    r.relevance_reason,
    r.review_status,
    r.tagged_hpo_id,
    r.first_seen,
    r.last_seen,
    row_number() OVER (
        PARTITION BY r.disease, r.hpo_id
        ORDER BY r.review_status = 'approved' DESC, r.n_sources DESC, r.relevance DESC,
                 r.uncertain ASC, r.last_seen DESC, r.excerpt_id
    ) AS rank
FROM reviewed r
LEFT JOIN symptoms s ON s.hpo_id = r.hpo_id;

-- Evidence strength per (disease, symptom): distinct independent sources first, then the share
-- of PubMed among them, then recency. Each factor is a column so the order is explainable.
CREATE OR REPLACE VIEW symptom_strength AS
WITH per_symptom AS (
    SELECT
        el.disease,
        el.hpo_id,
        any_value(el.symptom) AS symptom,
        count(*) AS n_excerpts,
        count(DISTINCT cc.independent_doc) AS n_sources,
        count(DISTINCT cc.independent_doc) FILTER (WHERE cc.doc_kind = 'pubmed') AS n_pubmed,
        max(el.last_seen) AS last_seen
    FROM evidence_list el
    JOIN canonical_citations cc ON cc.canonical_id = el.excerpt_id
    GROUP BY el.disease, el.hpo_id
)
SELECT
    *,
    round(n_pubmed / n_sources, 3) AS pubmed_share,
    row_number() OVER (
        PARTITION BY disease
        ORDER BY n_sources DESC, n_pubmed / n_sources DESC, last_seen DESC, hpo_id
    ) AS rank
FROM per_symptom;

-- Negated and other-experiencer findings, for analysts ("no weight loss" is information too).
CREATE OR REPLACE VIEW counter_evidence AS
SELECT e.disease, e.hpo_id, e.symptom, e.text AS excerpt, e.negated, e.experiencer,
       c.domain, c.pmid, c.url
FROM excerpts e
JOIN citations c USING (excerpt_id)
WHERE e.negated OR e.experiencer <> 'patient';
