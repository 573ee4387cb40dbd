"""Schedule texts of config.toml: a bad one is reported in one line, with the key named."""

from __future__ import annotations

import pytest

from evidence.config import ConfigError
from flows.schedules import parse_schedule


def test_bad_cron_is_one_clear_line():
    with pytest.raises(ConfigError) as err:
        parse_schedule("61 * * * *", "UTC", "schedules.pipeline")
    message = str(err.value)
    assert message.startswith("schedules.pipeline: '61 * * * *' is not a schedule")
    assert "\n" not in message
    assert "pydantic" not in message and "validation error" not in message


def test_zero_interval_is_refused():
    with pytest.raises(ConfigError, match="the interval must be positive"):
        parse_schedule("every 0h", "UTC", "schedules.web")


def test_good_schedules_parse():
    assert parse_schedule("every 6h", "UTC", "k").interval.total_seconds() == 6 * 3600
    assert parse_schedule("0 3 * * *", "Europe/Paris", "k").cron == "0 3 * * *"
