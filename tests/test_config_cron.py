"""Cron typos in schedules stop every command at start, not only `evidence serve`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidence.cli import app
from evidence.config import ConfigError, load_settings

MINIMAL = """
[[diseases]]
name = "Diabetic amyotrophy"
"""

BAD_CRONS = [
    "61 * * * *",  # minute out of range
    "0 25 * * *",  # hour out of range
    "0 3 32 * *",  # day of month out of range
    "0 3 * 13 *",  # month out of range
    "0 3 * * mon-fry",  # day-of-week typo
    "*/0 * * * *",  # zero step
    "H 3 * * *",  # hashed: Prefect refuses it
]
GOOD_SCHEDULES = ["0 3 * * *", "*/15 * * * 1-5", "30 2 1 * sun", "every 6h", "every 30m"]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(MINIMAL + text, encoding="utf-8")
    return path


@pytest.mark.parametrize("cron", BAD_CRONS)
def test_bad_cron_in_schedules_names_key_and_value(tmp_path, cron):
    path = write(tmp_path, f'\n[schedules]\npipeline = "{cron}"\n')
    with pytest.raises(ConfigError) as err:
        load_settings(path, env={})
    message = str(err.value)
    assert len(message.splitlines()) == 1
    assert f"{path}: key schedules.pipeline:" in message
    assert repr(cron) in message


def test_out_of_range_field_is_named(tmp_path):
    path = write(tmp_path, '\n[schedules]\nweb = "0 25 * * *"\n')
    with pytest.raises(ConfigError, match=r"key schedules\.web: .*hour field '25'"):
        load_settings(path, env={})


def test_bad_cron_of_a_source_names_the_source(tmp_path):
    source = (
        '\n[[sources]]\nname = "clinic"\nkind = "urls"\nurls = ["http://x.example/"]\n'
        'schedule = "0 3 * * 8"\n'
    )
    with pytest.raises(ConfigError) as err:
        load_settings(write(tmp_path, source), env={})
    assert "key sources[0] (name='clinic').schedule:" in str(err.value)
    assert "'0 3 * * 8'" in str(err.value)


def test_zero_interval_is_refused(tmp_path):
    with pytest.raises(ConfigError, match=r"key schedules\.pubmed: .*'every 0h'"):
        load_settings(write(tmp_path, '\n[schedules]\npubmed = "every 0h"\n'), env={})


@pytest.mark.parametrize("schedule", GOOD_SCHEDULES)
def test_good_schedules_load(tmp_path, schedule):
    settings = load_settings(write(tmp_path, f'\n[schedules]\npipeline = "{schedule}"\n'), env={})
    assert settings.schedules.pipeline == schedule


def test_repository_config_schedules_load(repo_root):
    assert load_settings(repo_root / "config.toml", env={}).schedules.pipeline


@pytest.mark.parametrize("schedule", BAD_CRONS + GOOD_SCHEDULES + ["0 3 * * * 30"])
def test_config_agrees_with_what_serve_accepts(tmp_path, schedule):
    """The config check and `evidence serve` (flows.schedules) accept the same schedules."""
    from flows.schedules import parse_schedule

    try:
        parse_schedule(schedule, "UTC", "schedules.pipeline")
        serve_accepts = True
    except ConfigError:
        serve_accepts = False
    path = write(tmp_path, f'\n[schedules]\npipeline = "{schedule}"\n')
    try:
        load_settings(path, env={})
        config_accepts = True
    except ConfigError:
        config_accepts = False
    assert config_accepts == serve_accepts


def test_evidence_run_stops_on_a_cron_typo_before_any_work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, '\n[schedules]\npipeline = "0 3 * * mon-fry"\n')
    result = CliRunner().invoke(app, ["run", "--config", str(path)])
    assert result.exit_code == 2
    assert f"error: {path}: key schedules.pipeline:" in result.output
    assert "'0 3 * * mon-fry'" in result.output
    assert not (tmp_path / "var").exists()


def test_checking_cron_does_not_import_prefect(tmp_path, repo_root):
    """Reading the config stays fast: Prefect's cron parser is loaded without Prefect."""
    code = (
        "import sys\n"
        "from evidence.config import load_settings\n"
        f"load_settings({str(repo_root / 'config.toml')!r})\n"
        "assert 'prefect' not in sys.modules, 'prefect imported'\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
