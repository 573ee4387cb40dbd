"""Only the compiled part of the build; everything else is declared in pyproject.toml.

`optional=True`: without a C compiler the install still succeeds and the tagger runs its
pure-Python path (same output, slower); `tests/text_processing/test_compiled_scan.py` fails
then, so a missing build is seen, not silently slow.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("text_processing._scan", ["text_processing/_scan.c"], optional=True),
    ]
)
