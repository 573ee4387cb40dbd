-- Near-duplicate state kept between runs by warehouse/clusters.py, so that a run compares only
-- its new texts against everything stored instead of recomputing old signatures.

-- LSH band keys of every clustered text (one row per text and band). A new text's candidates
-- are the stored texts sharing any of its band keys: one hash join, no old signature touched.
CREATE TABLE text_bands (
    band_key            UBIGINT NOT NULL,     -- hash of one band of the MinHash signature
    text_key            VARCHAR NOT NULL      -- (the band number is mixed into the key)
);

-- The parameters stored signatures and band keys were made with: when the settings or the
-- signature scheme change, stored signatures and bands are rebuilt (cluster keys are kept).
CREATE TABLE dedup_state (
    name                VARCHAR PRIMARY KEY,  -- signature_params | band_plan
    value               VARCHAR NOT NULL
);

-- When a text's cluster_key was last set (joined, or moved by a bridging merge): lets the
-- review side see which clusters changed since a decision.
ALTER TABLE text_clusters ADD COLUMN clustered_at TIMESTAMP;
