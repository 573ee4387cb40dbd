"""Headings and paragraphs in reading order, and how they become sections and plain text.

Both extraction paths (trafilatura, BeautifulSoup fallback) produce the same `Block` list, so
the rules for sections, the page title and the plain-text layout live in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import _Element

from evidence.records import Section

_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
_LINES = re.compile(r"\s*\n\s*")


@dataclass(slots=True)
class Block:
    text: str
    is_heading: bool = False
    level: int = 0  # heading level 1-6 (0 when unknown or not a heading)


# Sections that are about the page rather than its subject: citations of other works, link
# lists and readers' comments. Their text is full of symptom words that are not evidence.
NON_BODY_HEADINGS = frozenset(
    {
        "references",
        "reference",
        "bibliography",
        "sources",
        "citations",
        "notes",
        "footnotes",
        "see also",
        "external links",
        "further reading",
        "related articles",
        "related pages",
        "related links",
        "related content",
        "related stories",
        "read more",
        "more on this topic",
        "comments",
        "leave a comment",
        "leave a reply",
        "share this",
        "share this page",
        "share this article",
    }
)
# Wiki-style edit links and footnote markers that trafilatura keeps inside the text.
_MARKERS = re.compile(r"\[(?:\d{1,3}|[a-z]|edit|citation needed|clarification needed)\]", re.I)
_BLOCK_CHILDREN = frozenset({"p", "head", "list", "quote", "table", "code"})


def tidy(text: str) -> str:
    """Collapse runs of spaces, keep deliberate line breaks, trim each line."""
    text = _SPACE.sub(" ", _MARKERS.sub("", text))
    return _LINES.sub("\n", text).strip()


def _inline_text(element: _Element) -> str:
    """Text of an element with <lb/> as a line break (itertext would glue the lines together)."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _list_lines(element: _Element) -> list[str]:
    lines: list[str] = []
    for item in element:
        if item.tag != "item":
            continue
        own = [item.text or ""]
        nested: list[str] = []
        for child in item:
            if child.tag == "list":
                nested.extend(_list_lines(child))
            elif child.tag == "lb":
                own.append("\n")
            else:
                own.append(_inline_text(child))
            own.append(child.tail or "")
        line = tidy("".join(own))
        if line:
            lines.append(line)
        lines.extend(nested)
    return lines


def _cells(table: _Element) -> list[_Element]:
    """The table's own cells (not those of tables nested inside them)."""
    return [cell for row in table if row.tag == "row" for cell in row if cell.tag == "cell"]


def _is_layout_table(element: _Element) -> bool:
    """Old sites lay pages out with tables: cells holding paragraphs and headings are not data."""
    return any(child.tag in _BLOCK_CHILDREN for cell in _cells(element) for child in cell)


def _cell_blocks(element: _Element) -> list[Block]:
    blocks: list[Block] = []
    for cell in _cells(element):
        lead = tidy(cell.text or "")
        if lead:
            blocks.append(Block(lead))
        blocks.extend(blocks_from_trafilatura(cell, tails=True))
    return blocks


def _table_lines(element: _Element) -> list[str]:
    lines = []
    for row in (child for child in element if child.tag == "row"):
        cells = [tidy(_inline_text(cell)).replace("\n", " ") for cell in row if cell.tag == "cell"]
        line = " | ".join(c for c in cells if c)
        if line:
            lines.append(line)
    return lines


def _heading_level(element: _Element) -> int:
    rend = element.get("rend") or ""
    return int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1].isdigit() else 0


def blocks_from_trafilatura(body: _Element, *, tails: bool = False) -> list[Block]:
    """Flatten trafilatura's XML body (<head>, <p>, <list>, <table>, <quote> ...) into blocks.

    `tails` keeps loose text between child elements, as found inside layout-table cells.
    """
    blocks: list[Block] = []
    for element in body:
        tag = element.tag
        if tag == "head":
            text = tidy(_inline_text(element)).replace("\n", " ")
            if text:
                blocks.append(Block(text, is_heading=True, level=_heading_level(element)))
        elif tag == "table" and _is_layout_table(element):
            blocks.extend(_cell_blocks(element))
        else:
            blocks.extend(Block(line) for line in _element_lines(element) if line)
        if tails and tidy(element.tail or ""):
            blocks.append(Block(tidy(element.tail or "")))
    return blocks


def _element_lines(element: _Element) -> list[str]:
    tag = element.tag
    if tag == "list":
        return _list_lines(element)
    if tag == "table":
        return _table_lines(element)
    if tag == "graphic":
        return []
    return [tidy(_inline_text(element))]


def _same_heading(a: str, b: str) -> bool:
    return a.casefold().strip(" .:") == b.casefold().strip(" .:")


TITLE_SEARCH_WORDS = 40  # the title heading sits above the body, after at most a menu's worth


def drop_title(blocks: list[Block], title: str) -> list[Block]:
    """The page title is metadata, not body: drop the heading that repeats it near the top."""
    if not title:
        return blocks
    words_before = 0
    for index, block in enumerate(blocks):
        if block.is_heading and (
            _same_heading(block.text, title) or (len(block.text) > 20 and block.text in title)
        ):
            return blocks[:index] + blocks[index + 1 :]
        words_before += len(block.text.split())
        if words_before > TITLE_SEARCH_WORDS:
            break
    return blocks


def _is_non_body_heading(text: str) -> bool:
    return text.casefold().strip(" .:()0123456789") in NON_BODY_HEADINGS


def drop_non_body_sections(blocks: list[Block]) -> list[Block]:
    """Cut reference lists, link lists and comment threads, up to the next heading as high."""
    kept: list[Block] = []
    cut_level: int | None = None
    for block in blocks:
        if block.is_heading and cut_level is not None:
            if block.level == 0 or cut_level == 0 or block.level <= cut_level:
                cut_level = None
        if cut_level is not None:
            continue
        if block.is_heading and _is_non_body_heading(block.text):
            cut_level = block.level
            continue
        kept.append(block)
    return kept


def drop_empty_headings(blocks: list[Block]) -> list[Block]:
    """A heading left with nothing under it (its link list was dropped) is not body text.

    Empty means: the last block, or followed by a heading as high or higher. A heading whose
    level is unknown (0) only counts as empty at the very end.
    """
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if block.is_heading:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is None:
                continue
            if (
                following.is_heading
                and block.level
                and following.level
                and following.level <= block.level
            ):
                continue
        kept.append(block)
    return kept


def to_sections(blocks: list[Block]) -> list[Section]:
    """Group paragraphs under the nearest heading above them; headings with no text vanish."""
    sections: list[Section] = []
    heading = ""
    paragraphs: list[str] = []
    for block in blocks:
        if block.is_heading:
            if paragraphs:
                sections.append(Section(heading, "\n".join(paragraphs)))
            heading, paragraphs = block.text, []
        else:
            paragraphs.append(block.text)
    if paragraphs:
        sections.append(Section(heading, "\n".join(paragraphs)))
    return sections


def to_text(blocks: list[Block]) -> str:
    """One block per line: headings on lines of their own, then their paragraphs."""
    return "\n".join(block.text for block in blocks)
