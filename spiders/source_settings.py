"""One source's Scrapy settings: the project module plus that source's manners."""

from __future__ import annotations

from scrapy.settings import Settings as ScrapySettings

from evidence.config import ConfigError, Settings, SiteSource, Source


def find_source(settings: Settings, name: str) -> Source:
    for source in settings.sources:
        if source.name == name:
            return source
    known = ", ".join(s.name for s in settings.sources) or "none"
    raise ConfigError(f"no configured source named {name!r} (configured: {known})")


def scrapy_settings(settings: Settings, source: Source) -> ScrapySettings:
    """Project defaults from `spiders.settings`, overridden by the source's Politeness."""
    out = ScrapySettings()
    out.setmodule("spiders.settings", priority="project")
    p = source.politeness
    overrides = {
        "ROBOTSTXT_OBEY": p.obey_robots,
        "USER_AGENT": p.user_agent,
        "DOWNLOAD_DELAY": p.download_delay,
        "AUTOTHROTTLE_ENABLED": p.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(p.download_delay, 1.0),
        "CONCURRENT_REQUESTS_PER_DOMAIN": p.concurrency_per_domain,
        "DOWNLOAD_TIMEOUT": p.timeout_seconds,
        "RETRY_TIMES": p.retries,
        "RETRY_ENABLED": p.retries > 0,
        "DOWNLOAD_MAXSIZE": p.max_response_bytes,
        "DOWNLOAD_WARNSIZE": p.max_response_bytes // 2,
        "EVIDENCE_CONTENT_TYPES": list(p.content_types),
        "EVIDENCE_SOURCE": source.name,
        "EVIDENCE_ARCHIVE_DIR": str(settings.warehouse.archive_dir),
        "EVIDENCE_HOST_OVERRIDES": dict(settings.crawl.host_overrides),
    }
    if isinstance(source, SiteSource):
        overrides["DEPTH_LIMIT"] = source.depth_limit
    out.setdict(overrides, priority="cmdline")
    return out
