"""Title, language, publication date and rel=canonical from a page's own markup.

These are read from the parsed tree with a handful of XPath lookups instead of trafilatura's
`with_metadata=True`, whose date search deep-copies and rescans the whole document and would
cost more than the text extraction itself. htmldate is kept as the last resort for dates.
"""

from __future__ import annotations

import json
import re
from datetime import date

from htmldate import find_date
from lxml.html import HtmlElement

_SPACE = re.compile(r"\s+")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+")
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
EARLIEST_YEAR = 1990  # the web is younger: earlier "publication dates" are placeholders

_DATE_META_NAMES = (
    "article:published_time",
    "og:published_time",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date.issued",
    "dc.date.created",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "sailthru.date",
    "parsely-pub-date",
)
_TITLE_META_NAMES = ("og:title", "twitter:title", "citation_title", "dc.title")


def clean_space(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def meta_values(tree: HtmlElement) -> dict[str, str]:
    """First non-empty content per lowercased meta name/property/itemprop."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = clean_space(meta.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attr) or "").strip().lower()
            if key and key not in values:
                values[key] = content
    return values


def _first_text(tree: HtmlElement, xpath: str) -> str:
    for node in tree.xpath(xpath):
        text = clean_space(node.text_content() if hasattr(node, "text_content") else str(node))
        if text:
            return text
    return ""


def page_title(tree: HtmlElement, metas: dict[str, str]) -> str:
    """The article's own title, without the site name that <title> usually appends."""
    heading = _first_text(tree, "//article//h1|//main//h1|//*[@role='main']//h1|//h1")
    title_tag = next((metas[n] for n in _TITLE_META_NAMES if metas.get(n)), "")
    if title_tag:  # meta titles are meant for sharing and rarely carry the site name
        if heading and heading.casefold() in title_tag.casefold():
            return heading
        return title_tag
    title_tag = _first_text(tree, "//head/title|//title")
    if title_tag:
        parts = [p for p in _TITLE_SEPARATORS.split(title_tag) if p]
        if heading and heading.casefold() in title_tag.casefold():
            return heading
        # "Article | Site" is far more common than "Site | Article"
        return parts[0] if parts else title_tag
    return heading


def _normalize_language(value: str) -> str:
    primary = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    return primary if _LANGUAGE.match(primary) else ""


def page_language(tree: HtmlElement, metas: dict[str, str]) -> str:
    """ISO 639 primary subtag ("en" for "en-GB") from the markup; "" when the page is silent."""
    candidates = [
        tree.get("lang") or "",
        tree.get("xml:lang") or "",  # the HTML parser keeps the prefix in the name
        metas.get("content-language", "").split(",")[0],
        metas.get("language", ""),
        metas.get("dc.language", ""),
        metas.get("og:locale", ""),
    ]
    body = tree.find("body")
    if body is not None:
        candidates.append(body.get("lang") or "")
    for candidate in candidates:
        language = _normalize_language(candidate)
        if language:
            return language
    return ""


def parse_date(value: str) -> str:
    """ISO date from the common machine-readable spellings; "" when not a plausible date."""
    value = value.strip()
    match = _ISO_DATE.search(value) or _COMPACT_DATE.match(value)
    if not match:
        return ""
    try:
        parsed = date(*(int(g) for g in match.groups()))
    except ValueError:
        return ""
    if not EARLIEST_YEAR <= parsed.year <= date.today().year + 1:
        return ""  # placeholder dates (0001-01-01, 2099-...) say nothing about the page
    return parsed.isoformat()


def _json_ld_dates(tree: HtmlElement) -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key in ("datePublished", "dateCreated"):
                if isinstance(node.get(key), str):
                    found.append(node[key])
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            walk(json.loads(script.text or ""))
        except ValueError:
            continue  # broken JSON-LD is common and never fatal
    return found


def page_date(tree: HtmlElement, metas: dict[str, str], *, use_htmldate: bool = True) -> str:
    """Publication date as ISO ``YYYY-MM-DD``: meta tags, JSON-LD, <time>, then htmldate."""
    candidates = [metas[name] for name in _DATE_META_NAMES if name in metas]
    candidates += _json_ld_dates(tree)
    candidates += tree.xpath("//time[@itemprop='datePublished' or @pubdate]/@datetime")
    candidates += tree.xpath("//article//time/@datetime|//time/@datetime")
    for candidate in candidates:
        parsed = parse_date(str(candidate))
        if parsed:
            return parsed
    if use_htmldate:
        found = find_date(tree, extensive_search=False, original_date=True)
        return found or ""
    return ""


def rel_canonical(tree: HtmlElement) -> str | None:
    for link in tree.xpath("//link[@href]"):
        rels = (link.get("rel") or "").lower().split()
        if "canonical" in rels:
            return link.get("href").strip() or None
    return None
