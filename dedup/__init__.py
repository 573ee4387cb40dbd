"""Exact and near-duplicate detection for excerpt texts, pure (no I/O).

`normalize` defines exact duplicates (`text_key`). Near duplicates go texts -> `tokens` ->
`shingles` -> `minhash` -> `lsh` (loose banding, candidates) -> `verify` (exact Jaccard and the
`negation` guard) -> `linkage` (complete linkage in canonical order: a text joins a cluster only
if it is a near-duplicate of every member, so edits are not chained); `near_duplicates` runs
the chain on a batch and `canonical` states which member keys a cluster. `warehouse.clusters`
runs it incrementally. `unionfind` groups documents (warehouse), not texts.
"""
