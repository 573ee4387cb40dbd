"""The tagging path's modules run compiled (Cython, setup.py) once built, and an edited module
runs from its source until it is built again.

The compiled modules are the Python source compiled unchanged; `test_tag_reference.py` pins
their output to the reference taken from the source, so these tests only check that the build
is in use and cannot shadow an edit.
"""

import importlib
import importlib.machinery
import os
import tomllib
from pathlib import Path

import pytest

from text_processing import compiled_modules, newer_source

ROOT = Path(__file__).resolve().parents[2]
CYTHON_MODULES = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["symptom_evidence"][
    "cython_modules"
]
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


@pytest.mark.parametrize("name", CYTHON_MODULES)
def test_each_tagging_module_runs_compiled(name):
    importlib.import_module(f"text_processing.{name}")
    assert compiled_modules()[name], (
        f"text_processing/{name}.py runs as Python: run `make build` (needs gcc and Cython)"
    )


def test_the_tagger_is_among_the_compiled_modules():
    assert {"tagger", "matcher", "context"} <= set(CYTHON_MODULES)


def _files(tmp_path: Path, source_time: float, built_time: float | None) -> None:
    source = tmp_path / "demo_module.py"
    source.write_text("X = 1\n")
    os.utime(source, (source_time, source_time))
    if built_time is not None:
        built = tmp_path / f"demo_module{SUFFIX}"
        built.write_bytes(b"")
        os.utime(built, (built_time, built_time))


def test_a_source_edited_after_the_build_is_imported_instead(tmp_path):
    _files(tmp_path, source_time=2_000, built_time=1_000)
    assert newer_source(tmp_path, "demo_module") == tmp_path / "demo_module.py"


def test_a_build_newer_than_its_source_is_imported(tmp_path):
    _files(tmp_path, source_time=1_000, built_time=2_000)
    assert newer_source(tmp_path, "demo_module") is None


def test_a_module_without_a_build_is_left_to_the_usual_import(tmp_path):
    _files(tmp_path, source_time=1_000, built_time=None)
    assert newer_source(tmp_path, "demo_module") is None
