"""The tagging path's modules run compiled (Cython, setup.py) once built, and an edited module
runs from its source until it is built again.

The compiled modules are the Python source compiled unchanged; `test_tag_reference.py` pins
their output to the reference taken from the source, so these tests only check that the build
is in use and cannot shadow an edit.
"""

import ast
import importlib
import importlib.machinery
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from text_processing import PURE_PYTHON_ENV, compiled_modules, newer_source

ROOT = Path(__file__).resolve().parents[2]
CYTHON_MODULES = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["symptom_evidence"][
    "cython_modules"
]
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]
REFERENCE_TEST = Path(__file__).with_name("test_tag_reference.py")


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


def _run(code_or_args: list[str], pure: bool) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop(PURE_PYTHON_ENV, None)
    if pure:
        env[PURE_PYTHON_ENV] = "1"
    return subprocess.run(
        [sys.executable, *code_or_args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )


def test_the_pure_python_switch_runs_every_module_from_source():
    code = "import text_processing.tagger as t, text_processing as p; print(p.compiled_modules())"
    out = _run(["-c", code], pure=True)
    compiled = ast.literal_eval(out.stdout)  # the dict the child printed
    assert not any(v for k, v in compiled.items() if k != "_scan"), compiled


def test_the_source_modules_tag_exactly_as_the_compiled_ones():
    """The tag reference (made from the source, checked compiled in this run) holds when every
    module runs from source too: the compiled build changes speed, never output."""
    out = _run(["-m", "pytest", "-q", "-p", "no:cacheprovider", str(REFERENCE_TEST)], pure=True)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert " passed" in out.stdout
