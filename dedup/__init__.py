"""Exact and near-duplicate detection for excerpt texts, pure (no I/O).

`normalize` defines exact duplicates (`text_key`). Near duplicates go texts -> `tokens` ->
`shingles` -> `minhash` -> `lsh` (loose banding, candidates) -> `verify` (exact Jaccard and the
`negation` guard) -> `unionfind`; `near_duplicates` runs the chain on a batch and `canonical`
states which member keys a cluster. `warehouse.clusters` runs it incrementally.
"""
