"""A demo-like world for pipeline tests: the mock E-utilities server and a config pointing at it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pubmed.mock_eutils import MockEutils

REPO = Path(__file__).resolve().parents[2]
DEMO_RECORDS = REPO / "pubmed" / "demo_records"

CONFIG = """
[warehouse]
path = "{root}/warehouse.duckdb"
archive_dir = "{root}/archive"
min_free_bytes = 0

[pubmed]
base_url = "{base_url}"
batch_size = 4
max_retries = 2
backoff_seconds = 0.05

[tagging]
cache_dir = "{cache}"

[flows]
retry_delay_seconds = 0
domain_concurrency = 0

[[diseases]]
name = "Diabetic amyotrophy"
synonyms = ["diabetic lumbosacral radiculoplexus neuropathy", "Bruns-Garland syndrome",
            "proximal diabetic neuropathy"]

[[diseases]]
name = "Guillain-Barre syndrome"
synonyms = ["Guillain-Barré syndrome"]

[[diseases]]
name = "Spinal muscular atrophy"
"""


def write_config(root: Path, base_url: str) -> Path:
    path = root / "config.toml"
    cache = REPO / "var" / "cache"
    path.write_text(CONFIG.format(root=root, base_url=base_url, cache=cache), encoding="utf-8")
    return path


@pytest.fixture
def eutils():
    with MockEutils([DEMO_RECORDS]) as server:
        yield server


@pytest.fixture
def pipeline_config(tmp_path, eutils) -> Path:
    return write_config(tmp_path, eutils.base_url)


@pytest.fixture(scope="module")
def shared_eutils():
    """One mock server for a module whose tests read one finished run."""
    with MockEutils([DEMO_RECORDS]) as server:
        yield server
