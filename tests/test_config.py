"""config.toml is validated before any work: errors name the file and the key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from evidence.config import ConfigError, load_settings

MINIMAL = """
[[diseases]]
name = "Diabetic amyotrophy"
synonyms = ["Bruns-Garland syndrome"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_repository_config_is_valid(repo_root):
    settings = load_settings(repo_root / "config.toml")
    assert settings.disease("bruns-garland syndrome").name == "Diabetic amyotrophy"


def test_minimal_config_gets_polite_defaults(tmp_path):
    settings = load_settings(write(tmp_path, MINIMAL))
    assert settings.pubmed.base_url.startswith("https://eutils.ncbi.nlm.nih.gov/")
    assert settings.pubmed.batch_size <= 10_000


def test_default_query_is_built_from_name_and_synonyms(tmp_path):
    disease = load_settings(write(tmp_path, MINIMAL)).diseases[0]
    assert disease.query() == (
        '"Diabetic amyotrophy"[Title/Abstract] OR "Bruns-Garland syndrome"[Title/Abstract]'
    )


def test_unknown_key_is_named_with_file(tmp_path):
    path = write(tmp_path, MINIMAL + "\n[pubmed]\nbatch_sise = 10\n")
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert str(path) in str(err.value)
    assert "pubmed.batch_sise" in str(err.value)


def test_wrong_value_is_named(tmp_path):
    path = write(tmp_path, MINIMAL + "\n[pubmed]\nbatch_size = 20000\n")
    with pytest.raises(ConfigError, match=r"key pubmed\.batch_size"):
        load_settings(path)


def test_missing_diseases_is_named(tmp_path):
    with pytest.raises(ConfigError, match="key diseases"):
        load_settings(write(tmp_path, "[pubmed]\nbatch_size = 10\n"))


def test_bad_source_entry_names_source_and_key(tmp_path):
    text = MINIMAL + '\n[[sources]]\nname = "clinic"\nkind = "site"\nstart_url = "http://x/"\n'
    with pytest.raises(ConfigError) as err:
        load_settings(write(tmp_path, text))
    message = str(err.value)
    assert "sources[0] (name='clinic')" in message
    assert "start_url" in message


def test_secrets_come_from_environment(tmp_path):
    env = {"NCBI_API_KEY": "k123", "EVIDENCE_NCBI_EMAIL": "ops@example.org"}
    settings = load_settings(write(tmp_path, MINIMAL), env=env)
    assert settings.pubmed.api_key == "k123"
    assert settings.pubmed.email == "ops@example.org"


def test_not_toml_is_reported(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(write(tmp_path, "[[diseases]\nname="))


def test_cli_fails_fast_on_bad_config(tmp_path):
    path = write(tmp_path, MINIMAL + "\n[warehouse]\npaht = 'x'\n")
    proc = subprocess.run(
        [sys.executable, "-m", "evidence.cli", "run", "--config", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert f"{path}: key warehouse.paht: unknown key" in proc.stderr
    assert not (tmp_path / "var").exists()
