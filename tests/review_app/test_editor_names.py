"""`evidence editors add NAME` refuses names that would be confusing or unsafe in the audit log."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from review_app import commands

PASSWORD = "a long enough password\n"


def _cli() -> typer.Typer:
    app = typer.Typer()
    commands.register(app)
    return app


@pytest.fixture
def config(sample, tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[warehouse]\npath = "{sample.path}"\n\n[[diseases]]\nname = "Whipple disease"\n',
        encoding="utf-8",
    )
    return path


def _add(config: Path, name: str):
    return CliRunner().invoke(
        _cli(),
        ["editors", "add", name, "--password-stdin", "--config", str(config)],
        input=PASSWORD,
    )


def _editors(sample) -> set[str]:
    with duckdb.connect(str(sample.path), read_only=True) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM editors").fetchall()}


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("grace hopper", "whitespace"),
        (" grace", "whitespace"),
        ("grace\tx", "whitespace"),
        ("grace\nx", "whitespace"),
        ("grace\x00", "'\\x00'"),
        ("grace\x1b[31m", "'\\x1b'"),
        ("<script>alert(1)</script>", "'<'"),
        ("grace&co", "'&'"),
        ('gr"ace', "'\"'"),
        ("grâce", "'â'"),
        ("grace\u200b", "'\\u200b'"),
        ("", "empty"),
        ("g" * 65, "65 characters"),
    ],
)
def test_bad_name_is_refused_with_one_line_naming_it(sample, config, name, why):
    before = _editors(sample)
    result = _add(config, name)
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    line = lines[0]
    assert line.startswith("error: editor name ")
    shown = repr(name) if len(name) <= 80 else repr(name[:40])
    assert shown in line
    assert why in line
    assert "letters" in line and "digits" in line
    assert _editors(sample) == before  # nothing was written


def test_very_long_name_is_shortened_in_the_message(sample, config):
    result = _add(config, "x" * 500)
    assert result.exit_code == 2
    assert "(500 characters)" in result.output
    assert len(result.output.strip()) < 250


@pytest.mark.parametrize("name", ["grace", "Grace.Hopper", "ed_2", "a-b", "x", "g" * 64])
def test_good_names_are_accepted_and_can_sign_in(sample, config, name):
    result = _add(config, name)
    assert result.exit_code == 0, result.output
    assert f"editor {name!r} can now sign in" in result.output
    assert name in _editors(sample)


def test_bad_name_is_refused_before_the_password_is_asked(sample, config):
    result = CliRunner().invoke(
        _cli(), ["editors", "add", "two words", "--config", str(config)], input=""
    )
    assert result.exit_code == 2
    assert "Password" not in result.output
