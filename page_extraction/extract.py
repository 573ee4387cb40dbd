"""One HTML page in, its main text with headings and its metadata out.

The pipeline and `evidence extract` both call `extract_page`, so what an operator sees when
tuning a source is exactly what the excerpt stage will read. trafilatura finds the main text;
the page is decoded and parsed once here, and metadata is read from that same tree.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

import trafilatura
from lxml import html as lxml_html
from lxml.html import HtmlElement

from evidence.records import Document, Section
from page_extraction.blocks import (
    Block,
    blocks_from_trafilatura,
    drop_empty_headings,
    drop_non_body_sections,
    drop_title,
    to_sections,
    to_text,
)
from page_extraction.decoding import ExtractionError, decode_html, parse_html
from page_extraction.fallback import fallback_blocks
from page_extraction.linkdensity import drop_link_dense_blocks
from page_extraction.metadata import (
    meta_values,
    page_date,
    page_language,
    page_title,
    rel_canonical,
)
from page_extraction.urls import canonicalize_url, registered_domain

__all__ = ["ExtractedPage", "ExtractionError", "extract_page", "to_document"]


@dataclass(slots=True)
class ExtractedPage:
    url: str  # as fetched (final URL after redirects) or the file path
    canonical_url: str  # "" for pages read from files without a URL
    title: str
    language: str  # ISO 639 primary subtag, "" when the page does not say
    date: str  # ISO publication date, "" when unknown
    text: str  # main body: one paragraph per line, body headings on lines of their own
    sections: list[Section] = field(default_factory=list)
    method: str = "trafilatura"  # "trafilatura" | "fallback" | "none": which path found the text
    encoding: str = ""  # the charset the bytes were decoded with
    source: str = ""  # configured source name, when known


# Consent banners: trafilatura keeps them on short pages, and they are never evidence.
_CONSENT_XPATH = (
    "//*[not(self::html or self::body or self::main or self::article)]"
    "[contains(translate(concat(@id, ' ', @class), 'COKIESNT', 'cokiesnt'), 'cookie')"
    " or contains(translate(concat(@id, ' ', @class), 'COKIESNT', 'cokiesnt'), 'consent')"
    " or contains(translate(concat(@id, ' ', @class), 'GDPR', 'gdpr'), 'gdpr')]"
)
_CONSENT_MAX_WORDS = 150  # a container this large is more than a banner: leave it to trafilatura
_WORD = re.compile(r"\w+")
# A page with less text than this once link lists are gone (spaces not counted) is a short item
# or an index page: trafilatura's rescue cascade has nothing to choose between there.
SHORT_PAGE_CHARS = 300


def _drop_never_shown(tree: HtmlElement) -> int:
    """Remove what is never body text but trafilatura may keep: <template>, consent banners,
    and link lists (index pages, related links, menus inside the content).

    Returns how many characters of text the page has left (spaces not counted)."""
    for element in tree.xpath("//template"):
        element.drop_tree()
    for element in tree.xpath(_CONSENT_XPATH):
        if element.getparent() is not None and (
            len(element.text_content().split()) <= _CONSENT_MAX_WORDS
        ):
            element.drop_tree()
    return drop_link_dense_blocks(tree)


def _trafilatura_blocks(tree: HtmlElement, url: str | None, *, fast: bool = False) -> list[Block]:
    """Main-text blocks; comments are left out because readers' comments are not evidence.

    `fast` skips trafilatura's second opinions (readability, justext): on a page with only a
    few lines of text left they cost more than everything else and choose among those lines.
    """
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=fast,
        include_comments=False,
        include_tables=True,
        with_metadata=False,
    )
    if result is None or result.body is None:
        return []
    return blocks_from_trafilatura(result.body)


def _fallback(tree: HtmlElement) -> list[Block]:
    # the pruned tree, not the page: link lists and banners stay out of the fallback too
    return fallback_blocks(lxml_html.tostring(tree, encoding="unicode"))


RELAID_MIN_SHARE = 0.6  # of the flat text's words the re-laid blocks must keep


def _words(blocks: list[Block]) -> list[str]:
    return _WORD.findall(" ".join(block.text for block in blocks).casefold())


def _in_order(part: list[str], whole: list[str]) -> bool:
    """Every word of `part`, in the same order, within `whole` (gaps allowed)."""
    rest = iter(whole)
    return all(word in rest for word in part)


def _relaid(flat: Block, tree: HtmlElement) -> list[Block] | None:
    """The same text with its headings and list items back, when trafilatura ran it flat.

    On short pages trafilatura's last resort takes the whole article (or page) as one paragraph:
    the title, byline, headings and each bullet of a symptom list end up in one run-on
    "sentence". When the fallback path reads the same words as separate blocks (it may leave
    out a byline or a share box, never add a word, and keeps most of them), its layout wins;
    otherwise trafilatura's text stands. Returns None to keep the flat block.
    """
    blocks = _fallback(tree)
    if len(blocks) == 1 and not blocks[0].is_heading:
        return None  # one paragraph either way: nothing to re-lay
    flat_words, words = _words([flat]), _words(blocks)
    if not words or len(words) < RELAID_MIN_SHARE * len(flat_words):
        return None
    return blocks if _in_order(words, flat_words) else None


def _canonical(url: str, tree: HtmlElement) -> str:
    if not url.startswith(("http://", "https://")):
        return ""
    return canonicalize_url(url, rel_canonical(tree))


def extract_page(
    body: bytes, url: str, *, encoding: str | None = None, source: str = ""
) -> ExtractedPage:
    """Extract one page. `encoding` is the HTTP charset when the response declared one.

    Raises ExtractionError naming `url` when the bytes are not HTML at all (binary, empty).
    A page that is HTML but has no main text comes back with empty `text` and method "none".
    """
    used_encoding, html_text = decode_html(body, encoding=encoding, where=url)
    tree = parse_html(html_text, where=url)
    metas = meta_values(tree)
    title = page_title(tree, metas)
    language = page_language(tree, metas)
    published = page_date(tree, metas)
    canonical = _canonical(url, tree)

    http_url = url if url.startswith(("http://", "https://")) else None
    method = "trafilatura"
    chars_left = _drop_never_shown(tree)
    blocks = _trafilatura_blocks(tree, http_url, fast=chars_left < SHORT_PAGE_CHARS)
    if len(blocks) == 1 and not blocks[0].is_heading:
        relaid = _relaid(blocks[0], tree)
        if relaid is not None:
            method, blocks = "fallback", relaid
    elif not any(not b.is_heading for b in blocks):
        method, blocks = "fallback", _fallback(tree)
    blocks = drop_empty_headings(drop_non_body_sections(drop_title(blocks, title)))
    if not any(not b.is_heading for b in blocks):
        method, blocks = "none", []
    return ExtractedPage(
        url=url,
        canonical_url=canonical,
        title=title,
        language=language,
        date=published,
        text=to_text(blocks),
        sections=to_sections(blocks),
        method=method,
        encoding=used_encoding,
        source=source,
    )


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _year(iso_date: str) -> int | None:
    try:
        return date.fromisoformat(iso_date).year
    except ValueError:
        return None


def to_document(page: ExtractedPage, source: str) -> Document:
    """The pipeline's record for a web page, keyed by its canonical URL."""
    url = page.canonical_url or page.url
    if not url.startswith(("http://", "https://")):
        raise ExtractionError(f"{page.url}: a web document needs an http(s) URL")
    return Document(
        doc_id=f"url:{url}",
        kind="web",
        source=source,
        title=page.title,
        sections=list(page.sections),
        url=url,
        domain=registered_domain(url),
        published=page.date,
        year=_year(page.date),
        language=page.language,
        content_hash=content_hash(page.text),
    )
