"""Only the compiled part of the build; everything else is declared in pyproject.toml.

Two kinds of compiled code, both optional: without a C compiler (or without Cython) the install
still succeeds and the tagger runs as plain Python (same output, slower), and
`tests/text_processing/test_compiled_scan.py` (C) or `test_compiled_modules.py` (Cython) fails,
so a missing build is seen, not silently slow.

- `_scan.c`: the per-word loops, written in C by hand.
- The modules of the tagging path, compiled unchanged by Cython: the tagger's time is spread
  over dozens of small passes (docs/benchmarks.md), so compiling them is worth more than
  rewriting any one; their source stays the reference, and `text_processing/__init__.py`
  imports the source of any module edited after its build.
"""

import tomllib
from pathlib import Path

from setuptools import Extension, setup

# [tool.symptom_evidence] cython_modules: the modules a document passes through
PYPROJECT = tomllib.loads((Path(__file__).parent / "pyproject.toml").read_text())
CYTHON_MODULES = PYPROJECT["tool"]["symptom_evidence"]["cython_modules"]

extensions = [Extension("text_processing._scan", ["text_processing/_scan.c"], optional=True)]
try:
    from Cython.Build import cythonize
except ImportError:  # no Cython: the modules run as Python
    cythonize = None
if cythonize is not None:
    extensions += cythonize(
        [
            Extension(f"text_processing.{name}", [f"text_processing/{name}.py"], optional=True)
            for name in CYTHON_MODULES
        ],
        build_dir="build/cython",
        compiler_directives={"language_level": 3},
        quiet=True,
    )

setup(ext_modules=extensions, options={"build_ext": {"parallel": 2}})
