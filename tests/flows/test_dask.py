"""The extract stage on a dask.distributed LocalCluster gives the same warehouse as in-process."""

from __future__ import annotations

import pytest
from flows_testkit import PAGES, assert_no_duplicates, content, host_overrides, urls_source

from flows.pipeline import pipeline

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_local_cluster_matches_in_process(tmp_path, make_config, eutils, web):
    extra = host_overrides(web.host_overrides) + urls_source("pages", PAGES)
    local = make_config(tmp_path / "local", eutils.base_url, extra)
    dask = make_config(
        tmp_path / "dask", eutils.base_url, extra + "\n[dask]\nlocal_cluster = true\nworkers = 2\n"
    )
    assert pipeline(config_path=str(local)).status == "completed"
    report = pipeline(config_path=str(dask))
    assert report.status == "completed", report.failures
    assert report.counts["excerpts_new"] > 0
    assert content(tmp_path / "dask" / "warehouse.duckdb") == content(
        tmp_path / "local" / "warehouse.duckdb"
    )
    assert_no_duplicates(tmp_path / "dask" / "warehouse.duckdb")
