"""Progress of long stages, shown as bars on the CLI and silent elsewhere.

Flows report through whatever `Progress` is current; the CLI installs a rich one, tests and
scheduled runs keep the silent default. Counts for run reports are kept separately (report.py).
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Protocol


class Progress(Protocol):
    def start(self, stage: str, total: int | None = None) -> None: ...
    def advance(self, stage: str, amount: int = 1) -> None: ...
    def total(self, stage: str, total: int) -> None: ...


class SilentProgress:
    def start(self, stage: str, total: int | None = None) -> None:
        pass

    def advance(self, stage: str, amount: int = 1) -> None:
        pass

    def total(self, stage: str, total: int) -> None:
        pass


_SILENT = SilentProgress()
_current: ContextVar[Progress | None] = ContextVar("evidence_progress", default=None)


def current() -> Progress:
    return _current.get() or _SILENT


def install(progress: Progress):
    """Make `progress` current; returns the token to reset it."""
    return _current.set(progress)


def reset(token) -> None:
    _current.reset(token)


class RichProgress:
    """Progress bars on stderr, one per stage, for operators running `evidence run`."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self._bars = Progress(
            TextColumn("{task.description:<22}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._tasks: dict[str, int] = {}
        self._token = None

    def __enter__(self) -> RichProgress:
        self._bars.__enter__()
        self._token = install(self)
        return self

    def __exit__(self, *exc) -> None:
        reset(self._token)
        self._bars.__exit__(*exc)

    def start(self, stage: str, total: int | None = None) -> None:
        if stage not in self._tasks:
            self._tasks[stage] = self._bars.add_task(stage, total=total)

    def advance(self, stage: str, amount: int = 1) -> None:
        self.start(stage)
        self._bars.advance(self._tasks[stage], amount)

    def total(self, stage: str, total: int) -> None:
        self.start(stage)
        self._bars.update(self._tasks[stage], total=total)
