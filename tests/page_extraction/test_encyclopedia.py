"""A wiki-style page: edit links, footnote markers, a reference list, navigation."""

from pathlib import Path

from page_extraction.extract import extract_page

PAGE = Path(__file__).parent / "pages" / "encyclopedia.html"
page = extract_page(PAGE.read_bytes(), "https://en.openmedwiki.example/wiki/Photophobia?oldid=7")


def test_canonical_url_from_rel_canonical():
    assert page.canonical_url == "https://en.openmedwiki.example/wiki/Photophobia"


def test_headings_lose_their_edit_links():
    assert [s.heading for s in page.sections][1:] == ["Causes", "Mechanism", "Management"]
    assert "[edit]" not in page.text


def test_footnote_markers_are_removed_from_sentences():
    assert "nothing to do with fear." in page.text
    assert "[1]" not in page.text and "[2]" not in page.text


def test_reference_list_is_not_body_text():
    """Cited titles are full of symptom words but are not statements of the page."""
    assert "Headache signs that need attention" not in page.text
    assert "References" not in page.text.splitlines()


def test_list_items_under_causes_are_lines_of_their_own():
    causes = next(s.text for s in page.sections if s.heading == "Causes")
    assert "Uveitis and other forms of eye inflammation" in causes.splitlines()


def test_navigation_and_donation_banner_are_not_text():
    for noise in ("Random article", "donate today", "Navigation menu", "Categories"):
        assert noise not in page.text, noise
