"""A news story: date only in JSON-LD, ads and related links around the body."""

from pathlib import Path

from page_extraction.extract import extract_page

PAGE = Path(__file__).parent / "pages" / "news_story.html"
page = extract_page(PAGE.read_bytes(), "https://www.health-news.example/a/naps")


def test_title_drops_the_site_name_after_the_dash():
    assert page.title == "Sleep study links long naps to morning grogginess"


def test_date_from_json_ld_date_published_not_modified():
    assert page.date == "2024-11-02"


def test_language_from_html_lang():
    assert page.language == "en"


def test_headings_split_the_story_into_sections():
    assert [s.heading for s in page.sections] == [
        "",
        "Not a cause, yet",
        "What sleep doctors suggest",
    ]


def test_quotes_keep_their_curly_quotation_marks():
    assert "“We want to repeat this" in page.text


def test_ads_related_links_and_signup_are_left_out():
    for noise in ("Advertisement", "Five myths about insomnia", "Sign up", "Log in", "Topics:"):
        assert noise not in page.text, noise
