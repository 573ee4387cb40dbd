"""A blog post followed by a long comment thread full of symptom words."""

from pathlib import Path

from page_extraction.extract import extract_page

PAGE = Path(__file__).parent / "pages" / "blog_comments.html"
page = extract_page(PAGE.read_bytes(), "http://balance-notes.example/?p=88&utm_campaign=x")


def test_relative_rel_canonical_is_resolved_against_the_page_url():
    assert page.canonical_url == "http://balance-notes.example/2022/08/living-with-vertigo"


def test_date_from_time_element():
    assert page.date == "2022-08-21"


def test_title_without_blog_name():
    assert page.title == "Living with vertigo: my first year"


def test_comments_are_not_text():
    for comment in ("ringing in your ears", "blurred vision", "my mother", "Leave a Reply"):
        assert comment not in page.text, comment


def test_sidebar_and_post_navigation_are_not_text():
    for noise in ("Recent posts", "Archives", "Previous post", "Proudly powered"):
        assert noise not in page.text, noise


def test_last_section_is_complete():
    assert page.sections[-1].heading == "Where I am now"
    assert page.sections[-1].text.endswith("I know it passes.")
