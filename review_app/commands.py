"""CLI commands of the review app: `review`, `editors add`, `publish`, `export`, `search-index`.

`evidence/cli.py` calls `register(app)`; each command reads the one validated config.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from evidence.config import ConfigError, Settings, load_settings

ConfigOption = Annotated[Path, typer.Option("--config", help="Path of config.toml.")]
EDITOR_NAME = re.compile(r"[A-Za-z0-9._-]{1,64}")
EDITOR_NAME_RULE = "1-64 characters: letters A-Z a-z, digits, '.', '_' or '-'"


def editor_name_problem(name: str) -> str:
    """Why `name` cannot be an editor's name (it shows on every decision); empty when it can.

    Names are plain ASCII so that two accounts cannot look alike in the audit log, and carry no
    whitespace, control characters or markup.
    """
    if EDITOR_NAME.fullmatch(name):
        return ""
    shown = repr(name) if len(name) <= 80 else f"{name[:40]!r}... ({len(name)} characters)"
    if not name:
        why = "it is empty"
    elif len(name) > 64:
        why = f"it has {len(name)} characters"
    else:
        bad = next(c for c in name if not EDITOR_NAME.fullmatch(c))
        why = "it contains whitespace" if bad.isspace() else f"it contains {bad!r}"
    return f"editor name {shown} is not allowed ({why}); use {EDITOR_NAME_RULE}"


def _settings(config: Path) -> Settings:
    try:
        return load_settings(config)
    except ConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _existing_warehouse(settings: Settings, config: Path) -> Path:
    """The configured warehouse; a missing file is an error, not a new empty warehouse."""
    path = settings.warehouse.path
    if not path.is_file():
        named_by = "EVIDENCE_WAREHOUSE" if os.environ.get("EVIDENCE_WAREHOUSE") else config
        _fail(
            f"{path}: no warehouse here yet (warehouse.path from {named_by}): run the pipeline "
            "first, or pass the --config that names your warehouse"
        )
    return path


def register(app: typer.Typer) -> None:
    editors = typer.Typer(help="Editor accounts of the review app.", no_args_is_help=True)
    app.add_typer(editors, name="editors")

    @app.command("review")
    def review(
        port: Annotated[
            int | None, typer.Option("--port", help="Default: review.port in config.")
        ] = None,
        config: ConfigOption = Path("config.toml"),
    ) -> None:
        """Start the editors' review app on 127.0.0.1 (or review.host)."""
        import uvicorn

        from review_app.app import create_app
        from review_app.db import Warehouse

        settings = _settings(config)
        app_ = create_app(Warehouse(_existing_warehouse(settings, config)), settings.review)
        uvicorn.run(app_, host=settings.review.host, port=port or settings.review.port)

    @editors.command("add")
    def editors_add(
        name: str,
        password_stdin: Annotated[
            bool, typer.Option("--password-stdin", help="Read the password from stdin.")
        ] = False,
        config: ConfigOption = Path("config.toml"),
    ) -> None:
        """Create an editor account (or reset its password).

        NAME: 1-64 letters, digits, '.', '_' or '-'.
        """
        from review_app.auth import AuthError, add_editor
        from review_app.db import Warehouse

        problem = editor_name_problem(name)
        if problem:
            _fail(problem)
        settings = _settings(config)
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        wh = Warehouse(settings.warehouse.path)
        try:
            with wh.write() as conn:
                add_editor(conn, name, password)
        except AuthError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
        finally:
            wh.close()
        typer.echo(f"editor {name!r} can now sign in")

    @app.command("publish")
    def publish(
        out: Annotated[Path, typer.Option("--out", help="Directory for the HTML and JSON pages.")],
        config: ConfigOption = Path("config.toml"),
    ) -> None:
        """Write one HTML and one JSON page per disease, and an index."""
        from review_app.db import Warehouse
        from review_app.publishing import publish as write_pages
        from warehouse.fts import build_excerpt_index

        settings = _settings(config)
        wh = Warehouse(_existing_warehouse(settings, config))
        try:
            files = write_pages(wh, settings.review, out)
            with wh.write() as conn:
                build_excerpt_index(conn)
        except OSError as exc:
            _fail(f"{out}: cannot write the pages: {exc.strerror or exc}", 1)
        finally:
            wh.close()
        typer.echo(f"wrote {len(files)} files to {out}")

    @app.command("export")
    def export(
        parquet: Annotated[
            Path, typer.Option("--parquet", help="Directory for the Parquet files.")
        ],
        config: ConfigOption = Path("config.toml"),
    ) -> None:
        """Write the warehouse's main tables and views as Parquet files."""
        from warehouse.export import export_parquet
        from warehouse.schema import connect

        settings = _settings(config)
        conn = connect(_existing_warehouse(settings, config), read_only=True)
        try:
            written = export_parquet(conn, parquet)
        except OSError as exc:
            _fail(f"{parquet}: cannot write the Parquet files: {exc.strerror or exc}", 1)
        finally:
            conn.close()
        for name, path in written.items():
            typer.echo(f"{name}: {path}")

    @app.command("search-index")
    def search_index(config: ConfigOption = Path("config.toml")) -> None:
        """Rebuild the full-text (BM25) index behind `search_excerpts('...')`."""
        from warehouse.fts import build_excerpt_index
        from warehouse.schema import connect

        conn = connect(_existing_warehouse(_settings(config), config))
        try:
            typer.echo(f"indexed {build_excerpt_index(conn)} excerpts")
        finally:
            conn.close()
