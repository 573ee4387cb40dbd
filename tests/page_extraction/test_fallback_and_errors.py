"""Pages trafilatura finds nothing in, and bytes that are not a page at all."""

from pathlib import Path

import pytest

from page_extraction.extract import ExtractionError, extract_page, to_document

PAGE = Path(__file__).parent / "pages" / "fallback_notice.html"
page = extract_page(PAGE.read_bytes(), "http://hillview-surgery.example/notice")


def test_trafilatura_alone_misses_the_notice_here():
    import trafilatura

    assert "Winter clinic" not in (trafilatura.extract(PAGE.read_bytes()) or "")


def test_fallback_path_finds_the_notice_with_its_headings():
    assert page.method == "fallback"
    assert [s.heading for s in page.sections] == ["Winter clinic changes", "Repeat prescriptions"]
    assert "high fever with a rash" in page.sections[0].text


def test_fallback_leaves_out_scripts_and_the_cookie_notice():
    assert "stores a cookie" not in page.text
    assert "banner" not in page.text


def test_fallback_title_from_title_tag():
    assert page.title == "Service notice"


def test_binary_content_served_as_html_is_an_error_naming_the_url():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(ExtractionError, match="http://a.example/photo.html.*binary"):
        extract_page(png, "http://a.example/photo.html")


def test_empty_body_is_an_error_naming_the_url():
    with pytest.raises(ExtractionError, match="http://a.example/empty"):
        extract_page(b"   ", "http://a.example/empty")


def test_a_page_with_no_text_comes_back_empty_not_failing():
    empty = extract_page(
        b"<html><body><script>var x=1;</script></body></html>", "http://a.example/"
    )
    assert empty.method == "none"
    assert empty.text == ""
    assert empty.sections == []


def test_utf16_page_with_bom_decodes():
    html = (
        "<html><body><h2>Zeichen</h2><p>Ärztliche Hilfe bei Fieber über 39 Grad.</p></body></html>"
    )
    decoded = extract_page(html.encode("utf-16"), "http://a.example/u16")
    assert "Ärztliche Hilfe" in decoded.text


def test_xml_declaration_with_encoding_is_accepted():
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
        'xml:lang="fr"><head><title>Fièvre</title></head><body><p>La fièvre est fréquente '
        "chez les enfants et passe souvent en trois jours.</p></body></html>"
    ).encode()
    decoded = extract_page(body, "http://a.example/x")
    assert decoded.language == "fr"
    assert "La fièvre est fréquente" in decoded.text


def test_a_file_page_has_no_canonical_url_and_cannot_become_a_document():
    local = extract_page(PAGE.read_bytes(), "notice.html")
    assert local.canonical_url == ""
    with pytest.raises(ExtractionError, match="notice.html"):
        to_document(local, "files")
