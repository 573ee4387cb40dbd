"""BeautifulSoup extraction for pages where trafilatura finds nothing.

trafilatura gives up on pages that are short, oddly nested, or built from bare <div>s. This path
is deliberately simple: strip what is never body text (scripts, navigation, banners, comments,
footers), pick the most specific main container, and read its headings and text blocks in order.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from page_extraction.blocks import Block, tidy

NEVER_TEXT_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
)
# Page furniture by its semantics; dropped first, kept on a second try when nothing else is left.
FURNITURE_TAGS = ("nav", "header", "footer", "aside", "menu", "dialog")
# Never kept, even on the second try: a page whose only text is its copyright line has none.
FOOTER_TAGS = ("footer",)
BOILERPLATE_HINT = re.compile(
    r"cookie|consent|gdpr|banner|comment|disqus|nav|menu|breadcrumb|footer|header|sidebar|"
    r"related|share|social|newsletter|subscribe|advert|\bads?\b|promo|popup|modal|masthead|"
    r"byline|dateline",
    re.IGNORECASE,
)
CONSENT_HINT = re.compile(r"cookie|consent|gdpr", re.IGNORECASE)
BOILERPLATE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCK_TAGS = {"p", "li", "blockquote", "pre", "dd", "dt", "figcaption", "td", "th", "caption"}
CONTAINER_TAGS = {"div", "section", "article", "main", "body", "ul", "ol", "dl", "table"}
# get_text(" ") puts a space at every tag edge: "(see <a>hands</a>)" reads "(see hands )"
_SPACE_BEFORE_CLOSER = re.compile(r" (?=[,.;:!?)\]])")
_SPACE_AFTER_OPENER = re.compile(r"(?<=[(\[]) ")


def _clean(text: str) -> str:
    return _SPACE_AFTER_OPENER.sub("", _SPACE_BEFORE_CLOSER.sub("", tidy(text)))


def _is_boilerplate(tag: Tag, hint: re.Pattern[str], *, strict: bool) -> bool:
    if tag.name in ("body", "html", "main", "article"):
        return False
    if strict and (tag.get("role") or "").lower() in BOILERPLATE_ROLES:
        return True
    marks = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
    return bool(marks and hint.search(marks))


def _prune(root: Tag, *, strict: bool) -> None:
    """Strict: drop all page furniture. Relaxed: only what is never text, footers and consent
    banners."""
    for node in root.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    never = NEVER_TEXT_TAGS + (FURNITURE_TAGS if strict else FOOTER_TAGS)
    for tag in root.find_all(never):
        tag.decompose()
    hint = BOILERPLATE_HINT if strict else CONSENT_HINT
    for tag in root.find_all(True):
        if not tag.decomposed and _is_boilerplate(tag, hint, strict=strict):
            tag.decompose()


def _main_container(soup: BeautifulSoup) -> Tag | None:
    for selector in ("main", "[role=main]", "article", "#content", ".content", "body"):
        found = soup.select_one(selector)
        if found is not None and tidy(found.get_text(" ")):
            return found
    return None


def _walk(node: Tag, blocks: list[Block], loose: list[str]) -> None:
    """Headings and block tags become blocks; bare text in containers is gathered per run."""

    def flush() -> None:
        text = _clean(" ".join(loose))
        if text:
            blocks.append(Block(text))
        loose.clear()

    for child in node.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, Comment) and child.strip():
                loose.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name in HEADING_TAGS:
            flush()
            text = _clean(child.get_text(" ")).replace("\n", " ")
            if text:
                blocks.append(Block(text, is_heading=True, level=int(child.name[1])))
        elif child.name in BLOCK_TAGS and not child.find(list(BLOCK_TAGS | HEADING_TAGS)):
            flush()
            text = _clean(child.get_text(" "))
            if text:
                blocks.append(Block(text))
        elif child.name in CONTAINER_TAGS or child.find(list(BLOCK_TAGS | HEADING_TAGS)):
            flush()
            _walk(child, blocks, loose)
            flush()
        elif child.name == "br":
            flush()
        else:
            loose.append(child.get_text(" "))
    flush()


def _blocks(html_text: str, *, strict: bool) -> list[Block]:
    soup = BeautifulSoup(html_text, "lxml")
    if soup.body is None:
        return []
    _prune(soup.body, strict=strict)
    container = _main_container(soup)
    blocks: list[Block] = []
    if container is not None:
        _walk(container, blocks, [])
    return blocks


def fallback_blocks(html_text: str) -> list[Block]:
    """Headings and text blocks; furniture is only kept when the page has nothing else."""
    blocks = _blocks(html_text, strict=True)
    if not any(not block.is_heading for block in blocks):
        blocks = _blocks(html_text, strict=False)
    return blocks
