"""A page stuffed with scripts, templates, a consent dialog and hidden keyword blocks."""

from pathlib import Path

from page_extraction.extract import extract_page

PAGE = Path(__file__).parent / "pages" / "script_noise.html"
page = extract_page(PAGE.read_bytes(), "https://sleepwell.example/rls")


def test_script_style_and_template_content_never_become_text():
    for noise in (
        "__CONFIG__",
        "abTest",
        "font-family",
        "Template text",
        "trackScroll",
        "Injected paragraph",
        "console.log",
        "editor note",
    ):
        assert noise not in page.text, noise


def test_consent_dialog_is_not_text():
    assert "214 partners" not in page.text
    assert "Your privacy matters" not in page.text


def test_hidden_keyword_block_is_not_text():
    assert "Hidden keyword block" not in page.text


def test_body_paragraphs_all_survive():
    assert page.text.startswith("Restless legs syndrome causes an overwhelming urge")
    assert "A blood test for iron is often the first step" in page.text
    assert [s.heading for s in page.sections] == ["", "Common triggers", "When to see a doctor"]


def test_date_from_publish_date_meta():
    assert page.date == "2021-10-05"
