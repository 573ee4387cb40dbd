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


def test_missing_urls_of_a_urls_source_is_named(tmp_path):
    # "urls" is both the discriminator tag and the field name: the key must still be named
    text = MINIMAL + '\n[[sources]]\nname = "list"\nkind = "urls"\n'
    with pytest.raises(ConfigError) as err:
        load_settings(write(tmp_path, text))
    assert "key sources[0] (name='list').urls: Field required" in str(err.value)


@pytest.mark.parametrize(
    ("section", "line", "key"),
    [
        ("pubmed", 'batch_size = "200"', "pubmed.batch_size"),
        ("review", 'publish_unreviewed = "yes"', "review.publish_unreviewed"),
        ("review", "port = 8765.0", "review.port"),
    ],
)
def test_wrong_type_is_an_error_not_converted(tmp_path, section, line, key):
    with pytest.raises(ConfigError, match=rf"key {key}: Input should be a valid"):
        load_settings(write(tmp_path, MINIMAL + f"\n[{section}]\n{line}\n"))


def test_paths_and_whole_seconds_are_still_accepted(tmp_path):
    text = MINIMAL + '\n[warehouse]\npath = "x/w.duckdb"\n[pubmed]\nbackoff_seconds = 2\n'
    settings = load_settings(write(tmp_path, text), env={})
    assert settings.warehouse.path == Path("x/w.duckdb")
    assert settings.pubmed.backoff_seconds == 2.0
