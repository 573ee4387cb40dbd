"""Link lists are not body text: drop link-dense blocks from the parsed page before extraction.

Index pages, "related articles" lists, tables of contents and menus inside the main content are
mostly anchor text. trafilatura keeps some of them (and its short-page rescue keeps everything),
and once links are flattened to text the list reads as one long "sentence" of titles. So the
blocks are judged on the lxml tree, where we still know which words are links:

- a list (``ul``/``ol``/``menu``/``dl``) or a paragraph goes when more than `TEXT_LINK_DENSITY`
  of its text is anchor text;
- a page-furniture container (``nav``, ``aside``, ``header``, ``footer``, ``div``, ``section``,
  ``table``, and a table cell with two links or more: a layout table's menu column) goes when
  more than `CONTAINER_LINK_DENSITY` of its text is anchor text;
- a list of two or more items that are each one link with at most a few words beside it goes
  whatever its density ("Printable guide (PDF, 2 pages)");

unless the block is clearly prose: sentences outside the links, with some words of their own
(for a paragraph, one sentence is enough: "<a>Thigh pain</a> and <a>weight loss</a> are
common." stays; a menu ending in "All rights reserved." does not). Lists without links, such as
symptom bullet lists, have no anchor text at all and are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.etree import _Element
from lxml.html import HtmlElement

TEXT_LINK_DENSITY = 0.6  # lists and paragraphs
CONTAINER_LINK_DENSITY = 0.5  # nav, aside, div ...: furniture, so a lower bar
LINK_ITEM_MAX_WORDS = 4  # words beside the link in one item of a link list: "(PDF, 2 pages)"
PROSE_MIN_WORDS = 10  # non-link words that, with a sentence end among them, make a block prose

LIST_TAGS = frozenset({"ul", "ol", "menu", "dl"})
TEXT_TAGS = frozenset({"p"})
CONTAINER_TAGS = frozenset({"nav", "aside", "header", "footer", "div", "section", "table"})
CELL_TAGS = frozenset({"td", "th"})  # a menu column of an old layout table
_CANDIDATES = LIST_TAGS | TEXT_TAGS | CONTAINER_TAGS | CELL_TAGS
_ITEM_TAGS = frozenset({"li", "dt", "dd"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})
_CLOSERS = "\"'’”)]"


@dataclass(slots=True)
class _Stats:
    chars: int = 0  # non-space characters of all text
    link_chars: int = 0  # of those, inside <a href>
    words: int = 0  # words outside links
    sentence_ends: int = 0  # . ! ? outside links
    links: int = 0  # <a href> elements
    ends_in_sentence: bool = False  # the last text (in reading order) is a sentence end

    def add_text(self, text: str | None, in_link: bool) -> None:
        if not text or text.isspace():
            return
        words = text.split()
        size = sum(map(len, words))
        self.chars += size
        if in_link:
            self.link_chars += size
            self.ends_in_sentence = False
            return
        self.words += len(words)
        self.sentence_ends += text.count(".") + text.count("!") + text.count("?")
        self.ends_in_sentence = words[-1].rstrip(_CLOSERS)[-1:] in (".", "!", "?")

    def add(self, other: _Stats) -> None:
        self.chars += other.chars
        self.link_chars += other.link_chars
        self.words += other.words
        self.sentence_ends += other.sentence_ends
        self.links += other.links
        if other.chars:
            self.ends_in_sentence = other.ends_in_sentence

    @property
    def density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0

    def is_prose(self, *, one_sentence: bool = False) -> bool:
        """Sentences of its own outside the links: `PROSE_MIN_WORDS` words with a sentence end
        among them or, for a paragraph (`one_sentence`), a sentence end closing the block."""
        if not self.sentence_ends:
            return False
        if self.words >= PROSE_MIN_WORDS:
            return True
        return one_sentence and self.ends_in_sentence and self.words >= 2


def _is_link_list(items: list[_Stats]) -> bool:
    """Two or more items, each a single link with at most a few words beside it."""
    if len(items) < 2:
        return False
    return all(
        item.links == 1 and item.words <= LINK_ITEM_MAX_WORDS and not item.is_prose()
        for item in items
    )


def _link_dense(element: _Element, stats: _Stats, items: list[_Stats]) -> bool:
    tag = element.tag
    if not stats.link_chars or stats.is_prose(one_sentence=tag in TEXT_TAGS):
        return False
    if tag in LIST_TAGS:
        return stats.density > TEXT_LINK_DENSITY or _is_link_list(items)
    if tag in TEXT_TAGS:
        return stats.density > TEXT_LINK_DENSITY
    if tag in CELL_TAGS:  # one linked cell in a data table is data: only menus of links go
        return stats.links >= 2 and stats.density > CONTAINER_LINK_DENSITY
    return stats.density > CONTAINER_LINK_DENSITY


_OWN_STATS = _CANDIDATES | _ITEM_TAGS  # elements judged (or counted) on their own


def _collect(element: _Element, stats: _Stats, in_link: bool, doomed: list, items: list) -> None:
    """Add the text inside `element` (not its tail) to `stats`; blocks inside are judged."""
    stats.add_text(element.text, in_link)
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in _SKIP_TAGS:
            if tag in _OWN_STATS:
                child_stats = _judge(child, in_link, doomed)
                stats.add(child_stats)
                if tag in _ITEM_TAGS:
                    items.append(child_stats)
            else:
                link = in_link or (tag == "a" and child.get("href") is not None)
                if link and not in_link:
                    stats.links += 1
                _collect(child, stats, link, doomed, items)
        stats.add_text(child.tail, in_link)


def _judge(element: _Element, in_link: bool, doomed: list) -> _Stats:
    """Post-order: the block's text statistics; a link-dense block goes into `doomed`."""
    start = len(doomed)
    stats = _Stats()
    items: list[_Stats] = []
    _collect(element, stats, in_link, doomed, items)
    if element.tag in _CANDIDATES and not in_link and _link_dense(element, stats, items):
        del doomed[start:]  # the blocks inside go with it
        doomed.append((element, stats.chars))
    return stats


def drop_link_dense_blocks(root: HtmlElement) -> int:
    """Remove link-dense lists, paragraphs and containers from the page's body.

    Returns how many characters of text (not counting spaces, scripts and styles) the body
    has left. A block inside one that goes is not removed on its own. <body>, <main> and
    <article> are never removed whole: only the link lists inside them.
    """
    doomed: list[tuple[HtmlElement, int]] = []
    body = root.find("body") if root.tag == "html" else root
    stats = _judge(root if body is None else body, False, doomed)
    for element, _ in doomed:
        if element.getparent() is not None:
            element.drop_tree()
    return stats.chars - sum(chars for _, chars in doomed)
