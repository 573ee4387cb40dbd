"""Run reports: the counts and failures an operator reads after every run."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class RunReport:
    run_id: str = ""
    flow: str = "pipeline"
    status: str = "running"  # completed | partial | failed
    counts: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    failures: list[dict] = field(default_factory=list)  # {"stage", "source", "cause"}
    warehouse: str = ""
    prefect_flow_run_id: str = ""

    def fail(self, stage: str, source: str, cause: str) -> None:
        self.failures.append({"stage": stage, "source": source, "cause": cause})

    def merge(self, part: RunReport) -> None:
        """Fold a task's partial report into the run's report."""
        self.counts.update(part.counts)
        self.skipped.update(part.skipped)
        self.failures.extend(part.failures)

    def finish(self) -> None:
        if not self.failures:
            self.status = "completed"
        elif self.counts.get("documents_loaded", 0) or self.counts.get("sources_ok", 0):
            self.status = "partial"
        else:
            self.status = "failed"

    def as_counts(self) -> dict:
        merged = dict(self.counts)
        merged.update({f"skipped_{k}": v for k, v in self.skipped.items()})
        return merged


def render_report(report: RunReport) -> str:
    """Plain text for the terminal."""
    lines = [f"run {report.run_id}: {report.status}"]
    for key, value in sorted(report.as_counts().items()):
        lines.append(f"  {key:<28} {value}")
    for f in report.failures:
        lines.append(f"  FAILED {f['stage']} [{f['source']}]: {f['cause']}")
    if report.warehouse:
        lines.append(f"warehouse: {report.warehouse}")
    return "\n".join(lines)


def render_markdown(report: RunReport) -> str:
    """The same report as a Prefect markdown artifact."""
    rows = "\n".join(f"| {k} | {v} |" for k, v in sorted(report.as_counts().items()))
    out = [f"# Run {report.run_id}: {report.status}", "", "| count | value |", "|---|---|", rows]
    if report.failures:
        out += ["", "## Failures", ""]
        out += [f"- **{f['stage']}** `{f['source']}`: {f['cause']}" for f in report.failures]
    return "\n".join(out)
