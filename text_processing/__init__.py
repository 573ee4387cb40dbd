"""text_processing: sentences, symptom tagging, negation and context, deduplication helpers.

Most modules of the tagging path may also be present compiled (setup.py builds them with
Cython, unchanged). Python imports a compiled module before its source, so a module edited
after the build would silently run as it was; the finder below imports the source instead
whenever it is newer than the compiled file.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# set (to anything) to run every module from source: how tests check that compiled and source
# modules tag alike
PURE_PYTHON_ENV = "TEXT_PROCESSING_PURE_PYTHON"


def newer_source(directory: Path, module: str) -> Path | None:
    """The module's source when a compiled build of it exists and is older; else None."""
    source = directory / f"{module}.py"
    built = [directory / f"{module}{suffix}" for suffix in importlib.machinery.EXTENSION_SUFFIXES]
    built_times = [p.stat().st_mtime for p in built if p.exists()]
    if not built_times or not source.exists():
        return None
    return source if source.stat().st_mtime > max(built_times) else None


def compiled_modules() -> dict[str, bool]:
    """For each imported module of this package: whether it runs compiled."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return {
        name.rpartition(".")[2]: str(getattr(module, "__file__", "")).endswith(suffixes)
        for name, module in sorted(sys.modules.items())
        if name.startswith(__name__ + ".") and module is not None
    }


class _NewerSourceFinder:
    """Imports text_processing.X from X.py when X.py is newer than its compiled build."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None):
        package, _, module = name.rpartition(".")
        if package != __name__:
            return None
        if os.environ.get(PURE_PYTHON_ENV):
            source = _HERE / f"{module}.py"  # _scan has none: C only, its fallback is Python
            source = source if source.exists() else None
        else:
            source = newer_source(_HERE, module)
        return None if source is None else importlib.util.spec_from_file_location(name, source)


# only in a source checkout, where sources are edited: an installed wheel writes its files in
# no set order, so a source there may be a moment newer than its compiled module
if (_HERE.parent / "pyproject.toml").exists() or os.environ.get(PURE_PYTHON_ENV):
    sys.meta_path.insert(0, _NewerSourceFinder)
