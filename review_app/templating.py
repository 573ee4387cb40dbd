"""The one Jinja2 environment, autoescaping everything.

Harvested text is untrusted: templates never mark it safe. Highlighting is done by handing the
template separate pieces (before, mention, after) that it escapes one by one.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined


def _date(value: datetime | None, fmt: str = "%Y-%m-%d") -> str:
    return value.strftime(fmt) if value else ""


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("review_app", "templates"),
        autoescape=True,  # every template, including included CSS-free partials
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date"] = _date
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
