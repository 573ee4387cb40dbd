"""A windows-1252 page on an old table layout: the charset must be honoured."""

from pathlib import Path

import pytest

from page_extraction.extract import extract_page

PAGE = Path(__file__).parent / "pages" / "windows1252_page.html"
BODY = PAGE.read_bytes()
page = extract_page(BODY, "http://cold-hands.example/raynaud.html")


def test_the_file_really_is_not_utf8():
    with pytest.raises(UnicodeDecodeError):
        BODY.decode("utf-8")


def test_meta_charset_is_honoured():
    assert page.encoding == "cp1252"
    assert "The café owner" in page.text
    assert "turning “white as paper”" in page.text
    assert "\ufffd" not in page.text


def test_http_charset_beats_a_wrong_guess():
    """A server that says windows-1252 is believed even when the page has no meta tag."""
    stripped = BODY.replace(
        b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', b""
    )
    assert b"charset" not in stripped
    from_header = extract_page(stripped, "http://cold-hands.example/r", encoding="windows-1252")
    assert "Raynaud’s phenomenon is a common condition" in from_header.text


def test_undeclared_non_utf8_bytes_still_decode():
    stripped = BODY.replace(
        b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', b""
    )
    guessed = extract_page(stripped, "http://cold-hands.example/r")
    assert "The café owner" in guessed.text


def test_title_keeps_its_typographic_characters():
    assert page.title == "Raynaud’s phenomenon – a short guide"


def test_layout_table_cells_become_paragraphs_and_headings():
    assert [s.heading for s in page.sections][-2:] == ["Primary or secondary?", "Self-help"]
    assert "Keep the whole body warm" in page.sections[-1].text


def test_language_and_date_from_meta_tags():
    assert page.language == "en"
    assert page.date == "2019-06-30"
