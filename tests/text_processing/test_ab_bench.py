"""bench/ab_tagging.py: two checkouts tagged in alternation (docs/benchmarks.md uses it)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_against_itself_reports_both_and_a_ratio_near_one():
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "ab_tagging.py"), str(ROOT), str(ROOT)]
        + ["--pairs", "2"],
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
    )
    result = json.loads(out.stdout)
    assert result["pairs"] == 2 and result["text"] == "abstracts"
    assert result["a_mb_per_s_median"] > 0 and result["b_mb_per_s_median"] > 0
    assert result["a_mb_per_s_best"] >= result["a_mb_per_s_median"]
    # the same code: only the host's drift between turns separates them
    assert 0.5 < result["b_over_a_median_ratio"] < 2.0
