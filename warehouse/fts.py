"""Full-text search over excerpts: DuckDB's fts extension, BM25-ranked.

DuckDB cannot download extensions here, so the extension file comes from the
`duckdb-extension-fts` PyPI package and is installed from its path. The index is a snapshot:
rebuild it (`build_excerpt_index`) after loading new excerpts; the pipeline, `evidence publish`
and `evidence export` do. Search it with the table macro `search_excerpts('query')`.
"""

from __future__ import annotations

from pathlib import Path

import duckdb


def extension_path() -> Path:
    """The .duckdb_extension file shipped by the PyPI package for this DuckDB version."""
    import duckdb_extension_fts

    root = Path(duckdb_extension_fts.__file__).parent / "extensions"
    wanted = root / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if wanted.exists():
        return wanted
    found = sorted(root.glob("*/fts.duckdb_extension"))
    if not found:
        raise RuntimeError(f"no fts.duckdb_extension under {root}; reinstall duckdb-extension-fts")
    return found[-1]


def load_fts(conn: duckdb.DuckDBPyConnection) -> None:
    """Install (a local file copy, no network) and load the extension in this connection."""
    conn.execute(f"INSTALL '{str(extension_path()).replace(chr(39), chr(39) * 2)}'")
    conn.execute("LOAD fts")


# Every excerpt is indexed, negated ones included (analysts search counter-evidence too); the
# `negated` and `experiencer` columns say which is which.
_MACRO = """
CREATE OR REPLACE MACRO search_excerpts(q) AS TABLE
SELECT e.excerpt_id, e.disease, e.hpo_id, e.symptom, e.text, e.section, e.negated,
       e.experiencer, e.first_seen, s.score
FROM (
    SELECT excerpt_id, fts_main_excerpts.match_bm25(excerpt_id, q) AS score FROM excerpts
) s
JOIN excerpts e USING (excerpt_id)
WHERE s.score IS NOT NULL
ORDER BY s.score DESC, e.excerpt_id
"""


def build_excerpt_index(conn: duckdb.DuckDBPyConnection) -> int:
    """(Re)build the BM25 index over excerpt text and symptom label; rows indexed."""
    load_fts(conn)
    conn.execute(
        "PRAGMA create_fts_index('excerpts', 'excerpt_id', 'text', 'symptom', "
        "stemmer = 'porter', stopwords = 'english', lower = 1, strip_accents = 1, overwrite = 1)"
    )
    conn.execute(_MACRO)
    return conn.execute("SELECT count(*) FROM excerpts").fetchone()[0]


def search(conn: duckdb.DuckDBPyConnection, query: str, limit: int = 20) -> list[tuple]:
    """BM25 search from Python; the index must have been built."""
    load_fts(conn)
    return conn.execute("SELECT * FROM search_excerpts(?) LIMIT ?", [query, limit]).fetchall()
