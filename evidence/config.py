"""The one validated place for settings.

`config.toml` is read once at start and checked completely before any work begins, so a typo
fails in a second with the file and the key named, not an hour into a crawl. Secrets may come
from the environment so that the file can be committed.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import sys
import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

DEFAULT_CONFIG = Path("config.toml")


class ConfigError(Exception):
    """A configuration problem, already phrased for the operator (file and key named)."""


class _Strict(BaseModel):
    # strict: "200" is not a number and "true" not a boolean (a wrong type is an error, not
    # silently converted); paths are the one exception, written as strings in TOML.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class WarehouseSettings(_Strict):
    path: Path = Field(default=Path("var/warehouse.duckdb"), strict=False)
    archive_dir: Path = Field(default=Path("var/archive"), strict=False)
    min_free_bytes: int = Field(default=200_000_000, ge=0)
    # analysts' read-only copy, republished (copy + rename) after every run; see docs/operations.md
    # default: next to the warehouse, "<name>-snapshot.duckdb"
    snapshot_path: Path | None = Field(default=None, strict=False)

    @property
    def snapshot(self) -> Path:
        return self.snapshot_path or self.path.with_name(f"{self.path.stem}-snapshot.duckdb")


class PubMedSettings(_Strict):
    base_url: str = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
    email: str = ""  # NCBI asks for a contact address; env EVIDENCE_NCBI_EMAIL overrides
    api_key: str = ""  # env NCBI_API_KEY overrides; raises the rate limit from 3 to 10 req/s
    tool: str = "symptom-evidence"
    batch_size: int = Field(default=200, ge=1, le=10_000)  # efetch maximum is 10,000
    max_records: int = Field(default=2000, ge=1)
    overlap_days: int = Field(default=2, ge=0)
    max_retries: int = Field(default=4, ge=0, le=20)
    backoff_seconds: float = Field(default=1.0, ge=0)
    timeout_seconds: float = Field(default=30.0, gt=0)

    @field_validator("base_url")
    @classmethod
    def _slash(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return v if v.endswith("/") else v + "/"


class Disease(_Strict):
    name: str = Field(min_length=1)
    synonyms: list[str] = []
    umls_cui: str = ""
    mesh: list[str] = []
    snomed_ct: list[str] = []
    summary: str = ""
    pubmed_query: str = ""  # default: built from name and synonyms

    def query(self) -> str:
        """The PubMed query: explicit when given, else every name as a phrase in title/abstract."""
        if self.pubmed_query:
            return self.pubmed_query
        names = [self.name, *self.synonyms]
        return " OR ".join(f'"{n}"[Title/Abstract]' for n in names)

    @property
    def names(self) -> list[str]:
        return [self.name, *self.synonyms]


class Politeness(_Strict):
    """Crawl manners, pinned here rather than left to Scrapy's defaults."""

    obey_robots: bool = True
    download_delay: float = Field(default=1.0, ge=0)
    autothrottle: bool = True
    concurrency_per_domain: int = Field(default=2, ge=1, le=32)
    user_agent: str = "SymptomEvidenceBot/0.1 (+mailto:evidence@example.org)"
    timeout_seconds: float = Field(default=20.0, gt=0)
    retries: int = Field(default=2, ge=0, le=10)
    max_response_bytes: int = Field(default=5_000_000, gt=0)
    content_types: list[str] = ["text/html", "application/xhtml+xml"]


class _SourceBase(_Strict):
    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+$")
    politeness: Politeness = Politeness()
    schedule: str = ""  # cron expression or "every 6h"; empty: follows the pipeline schedule

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, v: str) -> str:
        return check_schedule(v)


class SitemapSource(_SourceBase):
    kind: Literal["sitemap"]
    sitemap_urls: list[str] = Field(min_length=1)
    allow: list[str] = []
    deny: list[str] = []


class SiteSource(_SourceBase):
    kind: Literal["site"]
    start_urls: list[str] = Field(min_length=1)
    allowed_domains: list[str] = []
    allow: list[str] = []
    deny: list[str] = []
    depth_limit: int = Field(default=3, ge=0)
    page_limit: int = Field(default=500, ge=1)


class UrlsSource(_SourceBase):
    kind: Literal["urls"]
    urls: list[str] = Field(min_length=1)


Source = Annotated[SitemapSource | SiteSource | UrlsSource, Field(discriminator="kind")]


class CrawlSettings(_Strict):
    # host -> "127.0.0.1:PORT": requests to these hosts go to a local address (fixture web).
    host_overrides: dict[str, str] = {}


class TaggingSettings(_Strict):
    # default: the curated file shipped in text_processing
    extra_phrasings: Path | None = Field(default=None, strict=False)
    cache_dir: Path = Field(default=Path("var/cache"), strict=False)
    min_relevance: float = Field(default=0.5, ge=0, le=1)


class DedupSettings(_Strict):
    jaccard_threshold: float = Field(default=0.8, gt=0, le=1)
    # 2: a one-word edit in a 20-word sentence stays above 0.8 (3 needs 29+ words)
    shingle_size: int = Field(default=2, ge=1, le=10)
    num_perm: int = Field(default=128, ge=16, le=1024)


class ReviewSettings(_Strict):
    host: str = "127.0.0.1"
    port: int = Field(default=8765, ge=1, le=65535)
    publish_unreviewed: bool = True  # unreviewed excerpts appear, marked, on published pages
    excerpts_per_symptom: int = Field(default=3, ge=1, le=50)
    secret_key: str = ""  # env EVIDENCE_SECRET_KEY overrides; random per start when empty


_SCHEDULE = re.compile(r"^(every\s+\d+\s*[smhd]|(\S+\s+){4,5}\S+)$")
_EVERY = re.compile(r"^every\s+(\d+)\s*[smhd]$")
_CRON_FIELDS = ("minute", "hour", "day of month", "month", "day of week", "second")


@functools.cache
def _croniter() -> type:
    """Prefect's own cron parser (`prefect._vendor.croniter`), the one `evidence serve` uses.

    Importing the `prefect` package takes over a second, which every command would pay for
    reading its config; the parser is one module needing only pytz and dateutil, so it is loaded
    from its file unless Prefect is imported already (or the file has moved).
    """
    if "prefect" not in sys.modules:
        try:
            spec = importlib.util.find_spec("prefect")
            folder = Path(spec.submodule_search_locations[0]) / "_vendor" / "croniter"
            file_spec = importlib.util.spec_from_file_location(
                "_evidence_prefect_croniter", folder / "croniter.py"
            )
            module = importlib.util.module_from_spec(file_spec)
            file_spec.loader.exec_module(module)
            return module.croniter
        except (ImportError, OSError, AttributeError, TypeError, IndexError):
            pass
    from prefect._vendor.croniter import croniter

    return croniter


def _cron_problem(value: str) -> str:
    """Why Prefect would refuse the cron expression `value`; empty when it is accepted."""
    fields = value.split()
    if any(f.casefold() in ("r", "h") for f in fields):
        return "random (R) and hashed (H) expressions are not supported"
    croniter = _croniter()
    if croniter.is_valid(value):
        return ""
    for i, field in enumerate(fields):  # name the first field that is wrong on its own
        alone = " ".join(f if j == i else "*" for j, f in enumerate(fields))
        if not croniter.is_valid(alone):
            return f"{_CRON_FIELDS[i]} field {field!r} is out of range or malformed"
    return "not a valid combination of fields"


def check_schedule(value: str) -> str:
    """A cron expression (5 or 6 fields) or "every <n><s|m|h|d>"; empty means unscheduled.

    Cron expressions are parsed here, with the parser `evidence serve` uses, so that a typo
    stops every command at start and not only `evidence serve`.
    """
    value = value.strip()
    if value and not _SCHEDULE.match(value):
        raise ValueError(f"{value!r} is neither a cron expression nor 'every 6h' / 'every 30m'")
    every = _EVERY.match(value)
    if every and int(every.group(1)) <= 0:
        raise ValueError(f"{value!r}: the interval must be positive")
    if value and not every:
        problem = _cron_problem(value)
        if problem:
            raise ValueError(
                f"{value!r} is not a valid cron expression ({problem}; the fields are "
                "minute hour day-of-month month day-of-week, e.g. '0 3 * * *')"
            )
    return value


class ScheduleSettings(_Strict):
    """When `evidence serve` runs what; an empty schedule means no deployment of its own."""

    pipeline: str = "0 3 * * *"  # cron, or "every 6h" / "every 30m"
    pubmed: str = ""  # PubMed harvest alone (pipeline limited to PubMed)
    web: str = ""  # every web source alone (pipeline limited to the web)
    timezone: str = "UTC"

    @field_validator("pipeline", "pubmed", "web")
    @classmethod
    def _schedule(cls, v: str) -> str:
        return check_schedule(v)


class FlowSettings(_Strict):
    """How flows behave under faults: task retries, heartbeats, concurrency leases."""

    task_retries: int = Field(default=2, ge=0, le=10)  # network tasks, on top of HTTP retries
    retry_delay_seconds: float = Field(default=30.0, ge=0)  # doubled per retry, with jitter
    retry_jitter_factor: float = Field(default=0.5, ge=0)
    heartbeat_seconds: int = Field(default=30, ge=30)  # Prefect's minimum is 30 s
    zombie_after_seconds: int = Field(default=120, ge=60)  # no heartbeat this long: Crashed
    lease_seconds: float = Field(default=60.0, ge=60)  # a dead run's domain slot frees after this
    domain_concurrency: int = Field(default=1, ge=0)  # crawls/harvests of one domain; 0: no limit


class DaskSettings(_Strict):
    scheduler_address: str = ""  # "tcp://host:8786"; empty and local_cluster=false: in-process
    local_cluster: bool = False
    workers: int = Field(default=2, ge=1)


class Settings(_Strict):
    warehouse: WarehouseSettings = WarehouseSettings()
    pubmed: PubMedSettings = PubMedSettings()
    crawl: CrawlSettings = CrawlSettings()
    tagging: TaggingSettings = TaggingSettings()
    dedup: DedupSettings = DedupSettings()
    review: ReviewSettings = ReviewSettings()
    schedules: ScheduleSettings = ScheduleSettings()
    dask: DaskSettings = DaskSettings()
    flows: FlowSettings = FlowSettings()
    diseases: list[Disease] = Field(min_length=1)
    sources: list[Source] = []

    @model_validator(mode="after")
    def _unique_names(self) -> Settings:
        for what, names in (
            ("diseases", [d.name.lower() for d in self.diseases]),
            ("sources", [s.name for s in self.sources]),
        ):
            dupes = {n for n in names if names.count(n) > 1}
            if dupes:
                raise ValueError(f"{what}: duplicate name(s) {sorted(dupes)}")
        return self

    def disease(self, name: str) -> Disease:
        for d in self.diseases:
            if name.lower() in (n.lower() for n in d.names):
                return d
        known = ", ".join(d.name for d in self.diseases)
        raise ConfigError(f"no configured disease named {name!r} (configured: {known})")


_ENV_OVERRIDES = {
    ("pubmed", "email"): "EVIDENCE_NCBI_EMAIL",
    ("pubmed", "api_key"): "NCBI_API_KEY",
    ("pubmed", "base_url"): "EVIDENCE_EUTILS_URL",
    ("warehouse", "path"): "EVIDENCE_WAREHOUSE",
    ("warehouse", "archive_dir"): "EVIDENCE_ARCHIVE_DIR",
    ("review", "secret_key"): "EVIDENCE_SECRET_KEY",
}


def _key_path(raw: dict, loc: tuple) -> str:
    """Render a pydantic error location the way it is written in TOML: sources[2].politeness."""
    parts: list[str] = []
    node: object = raw
    after_index = False
    for item in loc:
        tag_position, after_index = after_index, isinstance(item, int)
        if isinstance(item, int):
            label = ""
            if isinstance(node, list) and item < len(node) and isinstance(node[item], dict):
                name = node[item].get("name")
                label = f" (name={name!r})" if name else ""
            parts[-1] = f"{parts[-1]}[{item}]{label}" if parts else f"[{item}]"
            node = node[item] if isinstance(node, list) and item < len(node) else None
        else:
            if tag_position and isinstance(node, dict) and item in {"sitemap", "site", "urls"}:
                continue  # discriminator tag inserted by pydantic after the index, not a TOML key
            parts.append(str(item))
            node = node.get(item) if isinstance(node, dict) else None
    return ".".join(parts) or "(top level)"


def load_settings(path: Path | str = DEFAULT_CONFIG, env: dict[str, str] | None = None) -> Settings:
    """Read and validate the config; raise ConfigError naming the file and the key at fault."""
    path = Path(path)
    env = os.environ if env is None else env
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    for (section, key), var in _ENV_OVERRIDES.items():
        if env.get(var):
            raw.setdefault(section, {})[key] = env[var]
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = _key_path(raw, tuple(err["loc"]))
            msg = err["msg"].replace("Extra inputs are not permitted", "unknown key")
            problems.append(f"{path}: key {key}: {msg}")
        raise ConfigError("\n".join(problems)) from None
