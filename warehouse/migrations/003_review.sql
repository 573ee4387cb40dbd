-- Review app: editor sessions, undo bookkeeping, and what was published when (change logs).

-- Signed-in editors. The cookie carries a random token; only its hash is stored, so a copy of
-- the warehouse cannot be used to impersonate an editor. Each session has its own CSRF token.
CREATE TABLE editor_sessions (
    token_hash          VARCHAR PRIMARY KEY,
    editor              VARCHAR NOT NULL,
    csrf_token          VARCHAR NOT NULL,
    created_at          TIMESTAMP NOT NULL,
    expires_at          TIMESTAMP NOT NULL
);

-- One row per audit_log entry written by the review app: which user action (batch) it belongs
-- to, so that undo reverts a whole bulk action at once, and which undo reverted it.
CREATE TABLE review_actions (
    audit_id            BIGINT PRIMARY KEY,   -- audit_log.audit_id
    batch_id            VARCHAR NOT NULL,     -- one user action (a single or a bulk decision)
    editor              VARCHAR NOT NULL,
    undone_by           BIGINT                -- audit_id of the undo entry, NULL while in force
);

-- One row per publication of a disease page that changed something.
CREATE SEQUENCE publication_seq;
CREATE TABLE publications (
    publication_id      BIGINT PRIMARY KEY DEFAULT nextval('publication_seq'),
    disease             VARCHAR NOT NULL,
    published_at        TIMESTAMP NOT NULL,
    n_excerpts          INTEGER NOT NULL,
    policy              VARCHAR NOT NULL      -- approved_only | include_unreviewed
);

-- What a publication showed: the snapshot the next publication is compared with.
CREATE TABLE publication_items (
    publication_id      BIGINT NOT NULL,
    excerpt_id          VARCHAR NOT NULL,     -- canonical excerpt
    hpo_id              VARCHAR NOT NULL,     -- symptom it was shown under (after re-tags)
    text                VARCHAR NOT NULL,     -- text shown (after trims)
    PRIMARY KEY (publication_id, excerpt_id)
);

-- The per-disease change log readers open: what each publication added, removed, re-tagged.
CREATE TABLE page_changes (
    publication_id      BIGINT NOT NULL,
    disease             VARCHAR NOT NULL,
    change              VARCHAR NOT NULL,     -- added | removed | retagged
    excerpt_id          VARCHAR NOT NULL,
    hpo_id              VARCHAR NOT NULL,     -- symptom now (removed: symptom it was under)
    old_hpo_id          VARCHAR,              -- retagged: symptom before
    text                VARCHAR NOT NULL,
    PRIMARY KEY (publication_id, excerpt_id)
);
