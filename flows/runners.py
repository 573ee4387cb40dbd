"""Where the extract stage's tasks run: in-process, or on Dask when config.toml asks for it.

Only extraction is pure CPU work worth spreading; loading stays in the flow's process, the one
writer of the warehouse. `[dask] scheduler_address` uses an existing cluster (its workers need
this project installed); `local_cluster = true` starts a LocalCluster of `workers` processes for
the stage and stops it afterwards.
"""

from __future__ import annotations

from evidence.config import DaskSettings


def uses_dask(dask: DaskSettings) -> bool:
    return bool(dask.scheduler_address) or dask.local_cluster


def task_runner_for(dask: DaskSettings):
    """A prefect-dask DaskTaskRunner, or one background thread (extract while the flow loads)."""
    if dask.scheduler_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask.scheduler_address)
    if dask.local_cluster:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            cluster_kwargs={
                "n_workers": dask.workers,
                "processes": True,
                "threads_per_worker": 1,
                "dashboard_address": None,
            },
        )
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=1)


def in_flight(dask: DaskSettings) -> int:
    """Batches submitted ahead of loading: enough to keep every worker busy, bounded memory."""
    return 2 * dask.workers if uses_dask(dask) else 2
