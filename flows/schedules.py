"""Scheduled deployments from config.toml, for `evidence serve`.

Schedules are cron expressions ("0 3 * * *") or intervals ("every 6h", "every 30m"), in
`[schedules].timezone`. Every deployment runs the one `pipeline` flow with different parameters,
so a per-stage or per-source run has the same report, retries and fault handling as a full one:

- `pipeline/scheduled`: everything, on `[schedules].pipeline`;
- `pipeline/pubmed`, `pipeline/web`: one half, on `[schedules].pubmed` / `.web` when set;
- `pipeline/source-<name>`: one web source, on that source's `schedule` when set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from evidence.config import ConfigError, Settings

_EVERY = re.compile(r"^every\s+(\d+)\s*([smhd])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


@dataclass(frozen=True)
class PlannedDeployment:
    name: str
    schedule: str  # as written in config.toml
    key: str  # where it was written, for error messages
    parameters: dict = field(default_factory=dict)


def parse_schedule(text: str, timezone: str, key: str):
    """A Prefect schedule object; ConfigError naming `key` when the text is not one."""
    from prefect.client.schemas.schedules import CronSchedule, IntervalSchedule

    text = text.strip()
    try:
        every = _EVERY.match(text)
        if every:
            amount = int(every.group(1))
            if amount <= 0:
                raise ValueError("the interval must be positive")
            interval = timedelta(**{_UNITS[every.group(2)]: amount})
            return IntervalSchedule(interval=interval, timezone=timezone)
        return CronSchedule(cron=text, timezone=timezone)
    except ValueError as exc:
        errors = getattr(exc, "errors", None)  # pydantic's ValidationError: keep its message only
        cause = errors()[0]["msg"].removeprefix("Value error, ") if errors else str(exc)
        raise ConfigError(
            f"{key}: {text!r} is not a schedule (cron like '0 3 * * *' or 'every 6h'): {cause}"
        ) from None


def plan(settings: Settings) -> list[PlannedDeployment]:
    """The deployments `evidence serve` registers; empty schedules register nothing."""
    s = settings.schedules
    planned = [
        PlannedDeployment("scheduled", s.pipeline, "schedules.pipeline", {}),
        PlannedDeployment("pubmed", s.pubmed, "schedules.pubmed", {"only": ["pubmed"]}),
        PlannedDeployment("web", s.web, "schedules.web", {"only": ["web"]}),
    ]
    for source in settings.sources:
        planned.append(
            PlannedDeployment(
                f"source-{source.name}",
                source.schedule,
                f"sources[name={source.name!r}].schedule",
                {"only": ["web"], "sources": [source.name]},
            )
        )
    return [p for p in planned if p.schedule.strip()]


def build_deployments(settings: Settings, config_path: Path) -> list:
    """RunnerDeployments of the `pipeline` flow, all reading the same (absolute) config file."""
    from flows.pipeline import pipeline

    out = []
    for p in plan(settings):
        schedule = parse_schedule(p.schedule, settings.schedules.timezone, p.key)
        out.append(
            pipeline.to_deployment(
                name=p.name,
                schedules=[schedule],
                parameters={"config_path": str(config_path.resolve()), **p.parameters},
                description=f"pipeline {p.parameters or '(everything)'} on {p.schedule!r}",
                tags=["evidence"],
                concurrency_limit=1,
            )
        )
    return out
