"""Clusters from verified pairs by complete linkage in canonical order, not by chaining.

Union-find over accepted pairs chains edits: A ~ B and B ~ C put A and C in one cluster even
when Jaccard(A, C) is below the threshold (two different one-word edits of one sentence are
each within 0.8 of it but often not of each other), and one cluster then shows as "the same
evidence" texts that are not near-duplicates. The rule used instead:

1. Texts are placed one at a time in canonical order (`dedup.canonical`: earliest first, ...).
2. A text joins a cluster only if it is a near-duplicate (Jaccard >= threshold and the same
   negation cues, `dedup.verify`) of *every* member: of the cluster's representative (its
   canonical text, the member placed first) and of all the others. So every pair inside a
   cluster is a verified near-duplicate pair, and the canonical text shown for a cluster is a
   near-duplicate of each text whose citations it carries.
3. Of the clusters it may join, it joins the one whose representative it is most similar to;
   ties go to the cluster whose representative ranks first. If it may join none, it starts a
   cluster and is its representative.
4. Another cluster it could also have joined is merged in only when every pair across the two
   clusters is a near-duplicate too, under the representative that ranks first. Within one batch
   this never happens (the later cluster's first text would have joined the earlier one); across
   warehouse runs it repairs a link an earlier run missed, and never breaks rule 2.

Which clusters a text may join comes from its accepted pairs (LSH candidates checked exactly).
Its pairs with the other members of such a cluster are read from the verified candidates when
LSH proposed them and computed exactly otherwise, so a missed band can cost a join (recall)
but never admit a text that is not within the threshold of every member (precision).

The price is recall: when an original has two edits that are not near-duplicates of each
other, the one placed later cannot join the original's cluster, and that true pair is lost
(on the benchmark sample: precision 1.000, recall 0.979, where chaining gave 0.979 and 1.000;
a rule checking the representative only gave 0.993 precision with the sample in random order
but 0.980 with originals first, the realistic order, since a star around the original chains).
Cost: one check per (text, member) of each cluster it may join; exact duplicates should be
collapsed before (the batch does; the warehouse keys texts by their normalized form).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dedup.shingles import ShingleSets
from dedup.verify import accept_pairs

_NOT_NEAR = -1.0  # stored answer for a pair that is not a near-duplicate


@dataclass(frozen=True)
class Linkage:
    cluster: np.ndarray  # per row: its cluster's representative row (itself when alone)
    merged: dict[int, int]  # representative of an absorbed cluster -> the one it joined


class _Answers:
    """Near-duplicate answers by pair: Jaccard when accepted, `_NOT_NEAR` when not.

    Seeded with the verified LSH candidates; any other pair is verified exactly when asked.
    """

    def __init__(
        self,
        sets: ShingleSets,
        negation: np.ndarray,
        threshold: float,
        i: np.ndarray,
        j: np.ndarray,
        accepted: np.ndarray,
        similarity: np.ndarray,
    ) -> None:
        self.sets, self.negation, self.threshold = sets, negation, threshold
        self.n = len(sets)
        codes = np.minimum(i, j).astype(np.int64) * self.n + np.maximum(i, j).astype(np.int64)
        self.known: dict[int, float] = dict(
            zip(codes.tolist(), np.where(accepted, similarity, _NOT_NEAR).tolist(), strict=True)
        )

    def get(self, a: Sequence[int], b: Sequence[int]) -> list[float]:
        """Answers for the pairs (a[k], b[k])."""
        n, known = self.n, self.known
        codes = [min(x, y) * n + max(x, y) for x, y in zip(a, b, strict=True)]
        missing = [k for k, c in enumerate(codes) if c not in known]
        if missing:
            mi = np.array([a[k] for k in missing], dtype=np.int64)
            mj = np.array([b[k] for k in missing], dtype=np.int64)
            ok, sim = accept_pairs(self.sets, self.negation, mi, mj, self.threshold)
            for k, good, s in zip(missing, ok.tolist(), sim.tolist(), strict=True):
                known[codes[k]] = s if good else _NOT_NEAR
        return [known[c] for c in codes]


def complete_linkage(
    sets: ShingleSets,
    negation: np.ndarray,
    threshold: float,
    rank: np.ndarray,
    pair_i: np.ndarray,
    pair_j: np.ndarray,
    accepted: np.ndarray,
    similarity: np.ndarray,
    existing: Sequence[Sequence[int]] = (),
) -> Linkage:
    """Place every row not in `existing` by the rule in the module docstring.

    `rank` orders rows (smaller first: the canonical order); `pair_*`, `accepted` and
    `similarity` are the verified candidate pairs; `existing` lists clusters formed earlier,
    each as its member rows with the representative first. Rows without an accepted pair stay
    alone (their own representative).
    """
    n = len(sets)
    answers = _Answers(sets, negation, threshold, pair_i, pair_j, accepted, similarity)
    cluster = np.full(n, -1, dtype=np.int64)
    members: dict[int, list[int]] = {}
    for rows in existing:
        rows = list(rows)
        if rows:
            members[rows[0]] = rows
            cluster[rows] = rows[0]
    placed_before = cluster >= 0

    a, b = pair_i[accepted].tolist(), pair_j[accepted].tolist()
    neighbours: dict[int, list[int]] = {}
    for x, y in zip(a, b, strict=True):
        neighbours.setdefault(x, []).append(y)
        neighbours.setdefault(y, []).append(x)

    rank_of = rank.tolist()
    merged: dict[int, int] = {}
    for t in np.argsort(rank, kind="stable").tolist():
        if placed_before[t]:
            continue
        options = sorted(
            {int(cluster[u]) for u in neighbours.get(t, ()) if cluster[u] >= 0},
            key=rank_of.__getitem__,
        )
        eligible: list[tuple[float, int]] = []  # (similarity to representative, cluster)
        if options:
            rows = [m for c in options for m in members[c]]
            got = answers.get([t] * len(rows), rows)
            at = 0
            for c in options:
                size = len(members[c])
                part = got[at : at + size]
                at += size
                if min(part) >= 0:
                    eligible.append((part[0], c))
        if not eligible:
            cluster[t] = t
            members[t] = [t]
            continue
        eligible.sort(key=lambda e: (-e[0], rank_of[e[1]]))
        home = eligible[0][1]
        for _, other in eligible[1:]:
            ours, theirs = members[home], members[other]
            cross = answers.get(
                [x for x in ours for _ in theirs], [y for _ in ours for y in theirs]
            )
            if min(cross) < 0:
                continue
            keep, gone = (home, other) if rank_of[home] <= rank_of[other] else (other, home)
            members[keep] = sorted(members[keep] + members.pop(gone), key=rank_of.__getitem__)
            members[keep].remove(keep)
            members[keep].insert(0, keep)
            cluster[members[keep]] = keep
            merged[gone] = keep
            home = keep
        members[home].append(t)
        cluster[t] = home
    return Linkage(cluster=cluster, merged=merged)
