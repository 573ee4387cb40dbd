"""The `evidence` command: a thin layer over the packages that do the work."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path

import typer

from evidence.config import ConfigError, load_settings

# With no Prefect server configured, flows start Prefect's temporary local API; on a busy
# 2-core machine it can take longer than Prefect's 20 s default to come up.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
# Offline by design: the local Prefect API must not try to send usage telemetry.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

app = typer.Typer(
    help="Harvest disease-symptom evidence from PubMed and the web into a DuckDB warehouse.",
    no_args_is_help=True,
    add_completion=False,
)

ConfigOption = typer.Option(Path("config.toml"), "--config", "-c", help="Configuration file.")


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def settings_or_exit(config: Path):
    try:
        return load_settings(config)
    except ConfigError as exc:
        fail(str(exc))


@app.command()
def run(
    config: Path = ConfigOption,
    only: list[str] = typer.Option(  # noqa: B008
        None, "--only", help="Limit to stages: pubmed, web (default: all configured)."
    ),
) -> None:
    """Run the whole pipeline once: harvest, extract, deduplicate, load."""
    settings = settings_or_exit(config)
    from flows.pipeline import run_pipeline
    from flows.progress import RichProgress
    from flows.report import render_report

    with RichProgress():
        report = run_pipeline(settings, config_path=config, only=only)
    typer.echo(render_report(report))
    if report.status == "failed":
        raise typer.Exit(1)


@app.command()
def show(
    disease: str = typer.Argument(..., help="Disease name or synonym, as configured."),
    config: Path = ConfigOption,
    per_symptom: int = typer.Option(3, "--per-symptom", "-k", min=1, help="Excerpts per symptom."),
) -> None:
    """Print a disease's evidence list: symptoms, then excerpts with source domain and PMID."""
    settings = settings_or_exit(config)
    try:
        name = settings.disease(disease).name
    except ConfigError as exc:
        fail(str(exc))
    from evidence.show import render_evidence
    from warehouse.queries import evidence_for
    from warehouse.schema import connect

    try:
        conn = connect(settings.warehouse.path, read_only=True)
    except FileNotFoundError as exc:
        fail(str(exc))
    with conn:
        symptoms = evidence_for(conn, name, per_symptom=per_symptom)
    typer.echo(render_evidence(name, symptoms))


@app.command("import")
def import_files(
    paths: list[Path] = typer.Argument(..., help="PubMed XML files (.xml or .xml.gz)."),  # noqa: B008
    config: Path = ConfigOption,
) -> None:
    """Load PubMed XML files (efetch output, annual baseline or daily update files)."""
    settings = settings_or_exit(config)
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        fail(f"no such file: {', '.join(missing)}")
    from flows.pipeline import run_import
    from flows.progress import RichProgress
    from flows.report import render_report

    with RichProgress():
        report = run_import(settings, paths, config_path=config)
    typer.echo(render_report(report))
    if report.status == "failed":
        raise typer.Exit(1)


# Packages that bring their own commands (see docs/architecture.md).
_COMMAND_MODULES = (
    "text_processing.commands",
    "page_extraction.commands",
    "review_app.commands",
    "flows.commands",
)


def _register_package_commands() -> None:
    for name in _COMMAND_MODULES:
        if importlib.util.find_spec(name.split(".")[0]) and _module_exists(name):
            importlib.import_module(name).register(app)


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


_register_package_commands()


def main() -> None:
    try:
        app()
    except ConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
