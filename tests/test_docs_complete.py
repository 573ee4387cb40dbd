"""Docs fail the build when a command or a setting is missing from them (Datasette's rule)."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from evidence.cli import app
from evidence.config import Disease, Settings, SitemapSource, SiteSource, UrlsSource

DOCS = Path(__file__).resolve().parent.parent / "docs"
README = Path(__file__).resolve().parent.parent / "README.md"


def command_names() -> list[str]:
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    names += [g.name for g in app.registered_groups]
    return sorted(names)


def setting_keys() -> list[str]:
    def walk(model: type[BaseModel], prefix: str) -> typing.Iterator[str]:
        for name, field in model.model_fields.items():
            ann = field.annotation
            if isinstance(ann, type) and issubclass(ann, BaseModel):
                yield from walk(ann, f"{prefix}{name}.")
            elif name not in {"diseases", "sources"} or prefix:
                yield f"{prefix}{name}"

    keys = set(walk(Settings, ""))
    keys |= set(walk(Disease, "diseases[]."))
    for source in (SitemapSource, SiteSource, UrlsSource):
        keys |= set(walk(source, "sources[]."))
    return sorted(keys)


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_readme(name):
    assert f"`evidence {name}" in README.read_text(encoding="utf-8")


@pytest.mark.parametrize("key", setting_keys())
def test_every_setting_is_in_the_configuration_doc(key):
    assert f"`{key}`" in (DOCS / "configuration.md").read_text(encoding="utf-8")
