"""CLI commands of the flows package: `evidence serve` and `evidence snapshot`."""

from __future__ import annotations

import os
from pathlib import Path

import typer

ConfigOption = typer.Option(Path("config.toml"), "--config", "-c", help="Configuration file.")


def serve(
    config: Path = ConfigOption,
    start_server: bool = typer.Option(
        True,
        "--start-server/--no-start-server",
        help="Without PREFECT_API_URL, start `prefect server start` on loopback for you.",
    ),
    port: int = typer.Option(4200, "--port", help="Port of the local Prefect server."),
    limit: int = typer.Option(2, "--limit", min=1, help="Flow runs at once, all deployments."),
) -> None:
    """Serve the scheduled pipeline deployments of config.toml until interrupted (Ctrl-C)."""
    from evidence.cli import fail, settings_or_exit
    from evidence.config import ConfigError
    from flows.prefect_api import PrefectApiError, configured_api_url, local_server

    settings = settings_or_exit(config)
    try:
        from flows.schedules import plan

        planned = plan(settings)
        _check(settings, config)
    except ConfigError as exc:
        fail(str(exc))
    if not planned:
        fail(f"{config}: no schedule set ([schedules] and sources' schedule are all empty)")
    # Runs started by the served deployments are child processes: they read the environment.
    os.environ["PREFECT_FLOWS_HEARTBEAT_FREQUENCY"] = str(settings.flows.heartbeat_seconds)
    api = configured_api_url()
    try:
        if api:
            typer.echo(f"Prefect API: {api} (PREFECT_API_URL)", err=True)
            _serve(settings, config, limit)
        elif not start_server:
            fail("no Prefect API: set PREFECT_API_URL, or let serve start one (--start-server)")
        else:
            log = Path("var/prefect-server.log")
            with local_server(port, log) as url:
                typer.echo(f"Prefect API: {url} (local server, log {log})", err=True)
                from prefect.settings import PREFECT_API_URL, temporary_settings

                os.environ["PREFECT_API_URL"] = url
                with temporary_settings({PREFECT_API_URL: url}):
                    _serve(settings, config, limit)
    except PrefectApiError as exc:
        fail(str(exc))


def _check(settings, config: Path) -> None:
    """Parse every schedule before serving: a typo fails now, with its key named."""
    from flows.schedules import parse_schedule, plan

    for p in plan(settings):
        parse_schedule(p.schedule, settings.schedules.timezone, f"{config}: {p.key}")


def _serve(settings, config: Path, limit: int) -> None:
    from prefect import serve as prefect_serve

    from flows.limits import ensure_limits
    from flows.pipeline import prepare_prefect
    from flows.schedules import build_deployments, plan

    prepare_prefect(settings)
    ensure_limits(settings)
    for p in plan(settings):
        typer.echo(f"  pipeline/{p.name}: {p.schedule} {p.parameters or ''}", err=True)
    prefect_serve(*build_deployments(settings, config), limit=limit)


def snapshot(config: Path = ConfigOption) -> None:
    """Publish the analysts' read-only snapshot of the warehouse now (also done after each run)."""
    from evidence.cli import fail, settings_or_exit
    from flows.snapshot import publish_snapshot
    from warehouse.session import WarehouseError

    settings = settings_or_exit(config)
    wh = settings.warehouse
    try:
        path = publish_snapshot(wh.path, wh.snapshot, wh.min_free_bytes)
    except WarehouseError as exc:
        fail(str(exc), code=1)
    typer.echo(f"snapshot: {path}")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("snapshot")(snapshot)
