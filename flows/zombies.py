"""Zombie detection: a flow run whose process died stops sending heartbeats and is Crashed.

Flow runs send a `prefect.flow-run.heartbeat` event every `flows.heartbeat_seconds` (Prefect's
PREFECT_FLOWS_HEARTBEAT_FREQUENCY). A process killed with SIGKILL cannot report its own end, so
the server needs an automation: after a heartbeat, expect another heartbeat (or a final state)
within `flows.zombie_after_seconds`, else set the run Crashed. This is Prefect's documented
recipe; `evidence serve` and `evidence run` make sure it exists on the server they talk to.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

from evidence.config import Settings

AUTOMATION_NAME = "evidence: crash zombie flow runs"
FINAL_EVENTS = {
    "prefect.flow-run.heartbeat",
    "prefect.flow-run.Completed",
    "prefect.flow-run.Failed",
    "prefect.flow-run.Cancelled",
    "prefect.flow-run.Crashed",
}


def ensure_zombie_automation(settings: Settings) -> None:
    """Create the automation, or update its window if the config changed."""
    from prefect.automations import Automation
    from prefect.client.schemas.objects import StateType
    from prefect.events.actions import ChangeFlowRunState
    from prefect.events.schemas.automations import EventTrigger, Posture
    from prefect.events.schemas.events import ResourceSpecification

    trigger = EventTrigger(
        match=ResourceSpecification({"prefect.resource.id": ["prefect.flow-run.*"]}),
        after={"prefect.flow-run.heartbeat"},
        expect=FINAL_EVENTS,
        for_each={"prefect.resource.id"},
        posture=Posture.Proactive,
        threshold=1,
        within=timedelta(seconds=settings.flows.zombie_after_seconds),
    )
    action = ChangeFlowRunState(
        state=StateType.CRASHED,
        message="flow run stopped sending heartbeats (process killed?): marked Crashed",
    )
    try:
        existing = Automation.read(name=AUTOMATION_NAME)
    except ValueError:
        existing = None
    if existing is None:
        Automation(name=AUTOMATION_NAME, trigger=trigger, actions=[action]).create()
    elif existing.trigger != trigger:
        existing.trigger = trigger
        existing.actions = [action]
        existing.update()


@contextmanager
def heartbeats(settings: Settings):
    """Flow runs started inside the block send heartbeats every `flows.heartbeat_seconds`."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: settings.flows.heartbeat_seconds}):
        yield
