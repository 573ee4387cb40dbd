"""Full `Tagger.tag()` output (spans, ids, labels, flags) equals the recorded reference.

`data/tag_reference.json.gz` was written by `make_tag_reference.py` from the tagger before the
pyahocorasick rework (plain, `nested=True`, and `tag_targets` on the gold targets), over the
edge cases, every gold set and the benchmark documents. A speed change must not move it.
"""

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_tag_reference import OUT, digest, mention_row, texts  # noqa: E402


@pytest.fixture(scope="module")
def reference() -> dict[str, dict]:
    with gzip.open(OUT, "rt", encoding="utf-8") as f:
        return json.load(f)


def test_tag_output_equals_reference(tagger, reference):
    done = 0
    for text, targets in texts():
        key = digest(text) + ":" + digest(json.dumps(targets))
        if key not in reference:  # a gold file outside the repo may be missing or changed
            continue
        ref = reference[key]
        assert [mention_row(m) for m in tagger.tag(text)] == ref["tag"], text
        assert [mention_row(m) for m in tagger.tag(text, nested=True)] == ref["nested"], text
        got = [mention_row(m) for m in tagger.tag_targets(text, targets)]
        assert got == ref["targets"], text
        done += 1
    assert done >= 300
