"""The warehouse side of deduplication: incremental text clusters and syndicated documents.

`assign_clusters` gives every distinct excerpt text (`text_key`) a row in `text_clusters`.
Only texts without a row are processed: their MinHash signatures are computed, candidates are
looked up among themselves (numpy buckets) and among stored texts (a join on `text_bands`),
every candidate is verified by exact Jaccard and the negation guard (`dedup.verify`), and the
new rows, their band keys and any cluster merges are written in one transaction. Old signatures
are never recomputed, unless the dedup settings change (then they are rebuilt once).

Clusters follow `dedup.linkage` (complete linkage, no chaining): new texts are placed in
canonical order (`dedup.canonical`), and a new text joins a cluster, stored or formed earlier
in the run, only if it is a near-duplicate of every member, the canonical text included; the
members of each stored cluster it touches through a band key are read back (their texts, for
the exact check, not their signatures). Cluster keys: a new cluster is keyed by its canonical
member (the first placed); a text that joins an existing cluster takes its key; two clusters
that one text could join are merged only when every pair across them is a near-duplicate too,
under the key of the one whose canonical member ranks first (the older one). Clusters formed
before this rule (by union-find) are left as they are; new texts must match all their members.

`mark_duplicate_documents` sets `documents.duplicate_of` so that the views count a syndicated
article, a page under two URLs or an abstract quoted whole on a page as one source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb
import numpy as np
import pyarrow as pa

from dedup.canonical import TextFacts
from dedup.linkage import complete_linkage
from dedup.lsh import BandPlan, band_keys, candidate_pairs, plan_bands
from dedup.minhash import SIGNATURE_VERSION, minhash_signatures
from dedup.near_duplicates import concat_features, text_features
from dedup.unionfind import components
from dedup.verify import accept_pairs
from evidence.config import DedupSettings
from warehouse.load import utcnow

# Members of one stored LSH bucket compared with a new text. A bucket bigger than this is
# boilerplate repeated many times, already clustered among itself, so a few members suffice.
MAX_BUCKET_MEMBERS = 32


@dataclass
class ClusterCounts:
    texts_new: int = 0  # distinct texts given a cluster this run
    joined_existing: int = 0  # of those, texts that joined a cluster stored before
    clusters_formed: int = 0  # new clusters of 2+ texts made only of new texts
    clusters_merged: int = 0  # stored clusters folded into an older one by a bridging text
    candidates: int = 0  # candidate pairs from LSH (new-new and new-stored)
    pairs_accepted: int = 0  # candidates that passed exact Jaccard and the negation guard
    signatures_rebuilt: int = 0  # stored texts re-signed because the dedup settings changed


def _signature_params(settings: DedupSettings) -> str:
    return f"{SIGNATURE_VERSION};shingle_size={settings.shingle_size};num_perm={settings.num_perm}"


def _plan_label(plan: BandPlan) -> str:
    return f"{plan.bands}x{plan.rows}"


def _arrow_signatures(signatures: np.ndarray) -> pa.Array:
    width = signatures.shape[1] * 4
    raw = pa.py_buffer(np.ascontiguousarray(signatures, dtype="<u4").tobytes())
    fixed = pa.FixedSizeBinaryArray.from_buffers(pa.binary(width), signatures.shape[0], [None, raw])
    return fixed.cast(pa.binary())


def _band_rows(text_keys: list[str], keys: np.ndarray) -> pa.Table:
    """One row per text with its band keys as a list; SQL unnests it (no per-band strings)."""
    offsets = pa.array(np.arange(0, keys.size + 1, keys.shape[1], dtype=np.int32))
    lists = pa.ListArray.from_arrays(offsets, pa.array(keys.ravel(), type=pa.uint64()))
    return pa.table({"text_key": pa.array(text_keys, pa.string()), "band_keys": lists})


def _facts_query(where: str) -> str:
    """Per distinct text: earliest sighting, one spelling, and whether PubMed cites it."""
    return f"""
        SELECT e.text_key, min(e.first_seen) AS first_seen, min(e.text) AS text,
               coalesce(bool_or(d.kind = 'pubmed'), false) AS from_pubmed
        FROM excerpts e
        LEFT JOIN citations c ON c.excerpt_id = e.excerpt_id
        LEFT JOIN documents d ON d.doc_id = c.doc_id
        WHERE {where}
        GROUP BY e.text_key
        ORDER BY e.text_key
    """


@dataclass
class _Texts:
    keys: list[str]
    texts: list[str]
    first_seen: list[datetime]
    from_pubmed: list[bool]

    @classmethod
    def fetch(cls, conn: duckdb.DuckDBPyConnection, where: str) -> _Texts:
        rows = conn.execute(_facts_query(where)).fetchall()
        return cls(
            keys=[r[0] for r in rows],
            first_seen=[r[1] for r in rows],
            texts=[r[2] for r in rows],
            from_pubmed=[bool(r[3]) for r in rows],
        )

    def facts(self, lengths: np.ndarray) -> list[TextFacts]:
        return [
            TextFacts(k, f, p, int(n))
            for k, f, p, n in zip(
                self.keys, self.first_seen, self.from_pubmed, lengths.tolist(), strict=True
            )
        ]


def _fetch_keys(conn: duckdb.DuckDBPyConnection, keys: list[str]) -> _Texts:
    conn.register("wanted_text_keys", pa.table({"text_key": pa.array(keys, type=pa.string())}))
    try:
        return _Texts.fetch(conn, "e.text_key IN (SELECT text_key FROM wanted_text_keys)")
    finally:
        conn.unregister("wanted_text_keys")


def _rebuild_if_settings_changed(
    conn: duckdb.DuckDBPyConnection, settings: DedupSettings, plan: BandPlan
) -> int:
    """Make stored signatures and band keys match the current settings; returns texts re-signed.

    Called inside the run's transaction. Cluster keys are left as they are: a settings change
    affects how future texts are compared, not the clusters already formed.
    """
    state = dict(conn.execute("SELECT name, value FROM dedup_state").fetchall())
    wanted = {"signature_params": _signature_params(settings), "band_plan": _plan_label(plan)}
    if state == wanted:
        return 0
    stored = conn.execute("SELECT count(*) FROM text_clusters").fetchone()[0]
    resigned = 0
    if stored and state.get("signature_params") != wanted["signature_params"]:
        old = _fetch_keys(
            conn, [r[0] for r in conn.execute("SELECT text_key FROM text_clusters").fetchall()]
        )
        features = text_features(old.texts, settings.shingle_size)
        signatures = minhash_signatures(features.shingles, settings.num_perm)
        conn.register(
            "resigned",
            pa.table(
                {"text_key": pa.array(old.keys, pa.string()), "sig": _arrow_signatures(signatures)}
            ),
        )
        conn.execute(
            "UPDATE text_clusters SET signature = r.sig FROM resigned r "
            "WHERE text_clusters.text_key = r.text_key"
        )
        conn.unregister("resigned")
        resigned = len(old.keys)
    if stored:
        rows = conn.execute(
            "SELECT text_key, signature FROM text_clusters WHERE octet_length(signature) = ?",
            [settings.num_perm * 4],
        ).to_arrow_table()
        blob = b"".join(rows.column("signature").to_pylist())
        signatures = np.frombuffer(blob, dtype="<u4").reshape(rows.num_rows, settings.num_perm)
        conn.execute("DELETE FROM text_bands")
        conn.register(
            "rebuilt_bands",
            _band_rows(rows.column("text_key").to_pylist(), band_keys(signatures, plan)),
        )
        conn.execute("INSERT INTO text_bands SELECT unnest(band_keys), text_key FROM rebuilt_bands")
        conn.unregister("rebuilt_bands")
    conn.execute("DELETE FROM dedup_state")
    conn.executemany("INSERT INTO dedup_state VALUES (?, ?)", list(wanted.items()))
    return resigned


def _stored_candidates(
    conn: duckdb.DuckDBPyConnection, keys: np.ndarray
) -> tuple[np.ndarray, list[str], list[str]]:
    """(new index, stored text_key, its cluster_key) for stored texts sharing a band key."""
    n, bands = keys.shape
    probe = pa.table(
        {
            "band_key": pa.array(keys.ravel(), type=pa.uint64()),
            "idx": pa.array(np.repeat(np.arange(n, dtype=np.int64), bands)),
        }
    )
    conn.register("probe_bands", probe)
    try:
        rows = conn.execute(
            """
            WITH hits AS (
                SELECT p.idx, tb.text_key
                FROM probe_bands p JOIN text_bands tb USING (band_key)
                QUALIFY row_number() OVER (PARTITION BY p.idx, p.band_key ORDER BY tb.text_key)
                        <= $cap
            )
            SELECT DISTINCT h.idx, h.text_key, tc.cluster_key
            FROM hits h JOIN text_clusters tc USING (text_key)
            ORDER BY h.idx, h.text_key
            """,
            {"cap": MAX_BUCKET_MEMBERS},
        ).fetchall()
    finally:
        conn.unregister("probe_bands")
    return (
        np.array([r[0] for r in rows], dtype=np.int64),
        [r[1] for r in rows],
        [r[2] for r in rows],
    )


def assign_clusters(conn: duckdb.DuckDBPyConnection, settings: DedupSettings) -> ClusterCounts:
    """Cluster every excerpt text not yet in `text_clusters`; safe on an empty warehouse."""
    counts = ClusterCounts()
    plan = plan_bands(settings.num_perm, settings.jaccard_threshold)
    conn.execute("BEGIN TRANSACTION")
    try:
        counts.signatures_rebuilt = _rebuild_if_settings_changed(conn, settings, plan)
        new = _Texts.fetch(
            conn,
            "NOT EXISTS (SELECT 1 FROM text_clusters tc WHERE tc.text_key = e.text_key)",
        )
        if new.keys:
            _cluster_new_texts(conn, settings, plan, new, counts)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return counts


def _cluster_members(
    conn: duckdb.DuckDBPyConnection, cluster_keys: list[str]
) -> tuple[_Texts, list[str]]:
    """Every stored member of these clusters that still has an excerpt, with its cluster_key."""
    if not cluster_keys:
        return _Texts([], [], [], []), []
    conn.register("wanted_clusters", pa.table({"cluster_key": pa.array(cluster_keys, pa.string())}))
    try:
        rows = conn.execute(
            "SELECT text_key, cluster_key FROM text_clusters "
            "WHERE cluster_key IN (SELECT cluster_key FROM wanted_clusters) ORDER BY text_key"
        ).fetchall()
    finally:
        conn.unregister("wanted_clusters")
    cluster_of = dict(rows)
    texts = _fetch_keys(conn, [r[0] for r in rows])
    return texts, [cluster_of[k] for k in texts.keys]


def _cluster_new_texts(
    conn: duckdb.DuckDBPyConnection,
    settings: DedupSettings,
    plan: BandPlan,
    new: _Texts,
    counts: ClusterCounts,
) -> None:
    n_new = len(new.keys)
    new_features = text_features(new.texts, settings.shingle_size)
    signatures = minhash_signatures(new_features.shingles, settings.num_perm)
    keys = band_keys(signatures, plan)
    usable = new_features.shingles.sizes > 0

    # Candidates among the new texts, and between new and stored texts.
    new_i, new_j = candidate_pairs(keys, usable=usable)
    probe_rows = np.flatnonzero(usable)
    hit_idx, hit_keys, hit_clusters = _stored_candidates(conn, keys[probe_rows])
    hit_idx = probe_rows[hit_idx] if hit_idx.size else hit_idx
    counts.candidates = len(new_i) + len(hit_idx)

    # One feature table: new texts first, then every member of every stored cluster hit (a new
    # text joins a cluster only if it is a near-duplicate of all its members). Their texts are
    # shingled for the exact check; their stored signatures and band keys are not recomputed.
    stored, stored_cluster = _cluster_members(conn, sorted(set(hit_clusters)))
    stored_pos = {k: n_new + p for p, k in enumerate(stored.keys)}
    known = np.array([k in stored_pos for k in hit_keys], dtype=bool)
    pair_i = np.concatenate([new_i, hit_idx[known]])
    stored_j = [stored_pos[k] for k in hit_keys if k in stored_pos]
    pair_j = np.concatenate([new_j, np.array(stored_j, dtype=np.int64)])
    stored_features = text_features(stored.texts, settings.shingle_size)
    features = concat_features(new_features, stored_features)
    accepted, similarity = accept_pairs(
        features.shingles, features.negation, pair_i, pair_j, settings.jaccard_threshold
    )
    counts.pairs_accepted = int(accepted.sum())

    # Canonical order over all rows; stored clusters enter with their canonical text first.
    facts = new.facts(new_features.lengths) + stored.facts(stored_features.lengths)
    rank = np.empty(len(facts), dtype=np.int64)
    rank[sorted(range(len(facts)), key=lambda k: facts[k].rank())] = np.arange(len(facts))
    groups: dict[str, list[int]] = {}
    for p, c in enumerate(stored_cluster):
        groups.setdefault(c, []).append(n_new + p)
    existing: list[list[int]] = []
    key_of_rep: dict[int, str] = {}
    for c, rows in groups.items():
        rows.sort(key=rank.__getitem__)
        if c in stored_pos:  # the canonical text itself, unless it has no excerpt left
            rows.remove(stored_pos[c])
            rows.insert(0, stored_pos[c])
        existing.append(rows)
        key_of_rep[rows[0]] = c
    linkage = complete_linkage(
        features.shingles,
        features.negation,
        settings.jaccard_threshold,
        rank,
        pair_i,
        pair_j,
        accepted,
        similarity,
        existing,
    )

    def key_of(rep: int) -> str:
        return key_of_rep.get(rep) or new.keys[rep]

    home = linkage.cluster.tolist()
    cluster_key = [key_of(home[i]) for i in range(n_new)]
    merges = {c: key_of(home[rows[0]]) for c, rows in zip(groups, existing, strict=True)}
    merges = {old: key for old, key in merges.items() if old != key}
    with_stored = set(home[n_new:])
    sizes: dict[int, int] = {}
    for i in range(n_new):
        sizes[home[i]] = sizes.get(home[i], 0) + 1
    counts.joined_existing = sum(home[i] in with_stored for i in range(n_new))
    counts.clusters_formed = sum(size > 1 for rep, size in sizes.items() if rep not in with_stored)
    counts.clusters_merged = len(merges)
    counts.texts_new = n_new
    _write(conn, new, cluster_key, signatures, keys, merges)


def _write(
    conn: duckdb.DuckDBPyConnection,
    new: _Texts,
    cluster_key: list[str],
    signatures: np.ndarray,
    keys: np.ndarray,
    merges: dict[str, str],
) -> None:
    now = utcnow()
    rows = pa.table(
        {
            "text_key": pa.array(new.keys, pa.string()),
            "cluster_key": pa.array(cluster_key, pa.string()),
            "signature": _arrow_signatures(signatures),
            "first_seen": pa.array(new.first_seen, pa.timestamp("us")),
        }
    )
    conn.register("new_clusters", rows)
    conn.execute(
        "INSERT INTO text_clusters (text_key, cluster_key, signature, first_seen, clustered_at) "
        "SELECT text_key, cluster_key, signature, first_seen, $now FROM new_clusters",
        {"now": now},
    )
    conn.unregister("new_clusters")
    conn.register("new_bands", _band_rows(new.keys, keys))
    conn.execute("INSERT INTO text_bands SELECT unnest(band_keys), text_key FROM new_bands")
    conn.unregister("new_bands")
    if merges:
        conn.register(
            "cluster_merges",
            pa.table({"old_key": list(merges), "new_key": list(merges.values())}),
        )
        conn.execute(
            "UPDATE text_clusters SET cluster_key = m.new_key, clustered_at = $now "
            "FROM cluster_merges m WHERE text_clusters.cluster_key = m.old_key",
            {"now": now},
        )
        conn.unregister("cluster_merges")


# Document-level duplicates. Two live documents are one source when they have the same content
# hash (the same page under two URLs), or when their sets of excerpt clusters are near-identical
# (Jaccard >= DOC_SET_JACCARD over at least MIN_SHARED_NEAR shared clusters: one article on two
# domains), or when all but a sliver of the smaller set appears in the larger one (containment
# >= DOC_CONTAINMENT over at least MIN_SHARED_CONTAINED clusters: an abstract quoted on a page).
# A single shared sentence is never enough: two sites quoting one line are two sources.
DOC_SET_JACCARD = 0.8
DOC_CONTAINMENT = 0.9
MIN_SHARED_NEAR = 2
MIN_SHARED_CONTAINED = 3
# A cluster cited by more documents than this is boilerplate; it still counts in set sizes but
# pairs are not formed through it (that join would grow with the square of its citations).
MAX_DOCS_PER_CLUSTER = 500

_DOCUMENT_PAIRS = """
WITH live AS (
    SELECT doc_id, content_hash FROM documents WHERE NOT deleted
),
doc_clusters AS (
    SELECT DISTINCT c.doc_id, coalesce(tc.cluster_key, e.text_key) AS cluster_key
    FROM citations c
    JOIN live USING (doc_id)
    JOIN excerpts e ON e.excerpt_id = c.excerpt_id
    LEFT JOIN text_clusters tc ON tc.text_key = e.text_key
),
sizes AS (SELECT doc_id, count(*) AS n FROM doc_clusters GROUP BY doc_id),
joinable AS (
    SELECT * FROM doc_clusters
    WHERE cluster_key IN (
        SELECT cluster_key FROM doc_clusters GROUP BY cluster_key HAVING count(*) <= $max_docs
    )
),
shared AS (
    SELECT a.doc_id AS doc_a, b.doc_id AS doc_b, count(*) AS n_shared
    FROM joinable a JOIN joinable b ON a.cluster_key = b.cluster_key AND a.doc_id < b.doc_id
    GROUP BY ALL
)
SELECT s.doc_a, s.doc_b
FROM shared s
JOIN sizes sa ON sa.doc_id = s.doc_a
JOIN sizes sb ON sb.doc_id = s.doc_b
WHERE (s.n_shared >= $min_near AND s.n_shared / (sa.n + sb.n - s.n_shared) >= $jaccard)
   OR (s.n_shared >= $min_contained AND s.n_shared / least(sa.n, sb.n) >= $containment)
UNION
SELECT a.doc_id, b.doc_id
FROM live a JOIN live b ON a.content_hash = b.content_hash AND a.doc_id < b.doc_id
WHERE a.content_hash <> ''
"""


def mark_duplicate_documents(conn: duckdb.DuckDBPyConnection) -> int:
    """Set `documents.duplicate_of` for copies; returns how many documents changed.

    Matched documents form groups (union-find); each group's original is its PubMed record if
    it has one (an abstract is never the copy of a page quoting it), else the earliest seen,
    then the smallest doc_id; every other member points at it. The whole mapping is recomputed
    and only differences are written, so a rerun writes nothing and a document that stops
    matching (changed content, deleted original) is set free again. Run after
    `assign_clusters`, since near-identical articles are matched through excerpt clusters.
    """
    pairs = conn.execute(
        _DOCUMENT_PAIRS,
        {
            "max_docs": MAX_DOCS_PER_CLUSTER,
            "min_near": MIN_SHARED_NEAR,
            "jaccard": DOC_SET_JACCARD,
            "min_contained": MIN_SHARED_CONTAINED,
            "containment": DOC_CONTAINMENT,
        },
    ).fetchall()
    docs = conn.execute(
        "SELECT doc_id, kind, first_seen, duplicate_of FROM documents WHERE NOT deleted "
        "ORDER BY doc_id"
    ).fetchall()
    index = {row[0]: k for k, row in enumerate(docs)}
    a = np.array([index[p[0]] for p in pairs], dtype=np.int64)
    b = np.array([index[p[1]] for p in pairs], dtype=np.int64)
    labels = components(len(docs), a, b)

    groups: dict[int, list[int]] = {}
    for k, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(k)
    changes: dict[str, str | None] = {}
    for group in groups.values():
        original = min(group, key=lambda k: (docs[k][1] != "pubmed", docs[k][2], docs[k][0]))
        for k in group:
            wanted = None if k == original else docs[original][0]
            if docs[k][3] != wanted:
                changes[docs[k][0]] = wanted
    if not changes:
        return 0
    conn.register(
        "duplicate_changes",
        pa.table(
            {
                "doc_id": pa.array(list(changes), pa.string()),
                "duplicate_of": pa.array(list(changes.values()), pa.string()),
            }
        ),
    )
    try:
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(
                "UPDATE documents SET duplicate_of = ch.duplicate_of FROM duplicate_changes ch "
                "WHERE documents.doc_id = ch.doc_id"
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.unregister("duplicate_changes")
    return len(changes)
