"""Retries with backoff for the tasks that touch the network, set from `[flows]` in config.toml.

HTTP clients already retry single requests (Entrez client, Scrapy's RetryMiddleware). A task
retry is the second line: a whole PubMed query or crawl that failed (server down for minutes,
a crashed crawl process) is tried again later, with doubling delays and jitter so that runs
started together do not hammer a recovering server in step. A crawl retried this way resumes
from its archive, so it refetches nothing.
"""

from __future__ import annotations

from typing import TypeVar

from evidence.config import Settings

T = TypeVar("T")


def backoff_delays(settings: Settings) -> list[float]:
    f = settings.flows
    return [f.retry_delay_seconds * 2**i for i in range(f.task_retries)]


def with_network_retries(task: T, settings: Settings) -> T:
    """The task with `task_retries` retries, doubling delays, `retry_jitter_factor` jitter."""
    f = settings.flows
    return task.with_options(  # type: ignore[attr-defined]
        retries=f.task_retries,
        retry_delay_seconds=backoff_delays(settings) or 0,
        retry_jitter_factor=f.retry_jitter_factor if f.retry_delay_seconds else None,
    )
