"""A clinic article with every kind of page furniture around it, parsed once."""

from pathlib import Path

from page_extraction.extract import content_hash, extract_page, to_document

PAGE = Path(__file__).parent / "pages" / "clinic_article.html"
URL = "https://www.neuro-clinic.example/conditions/cluster-headache/?utm_source=newsletter"
page = extract_page(PAGE.read_bytes(), URL, source="neuro-clinic")


def test_title_is_the_article_title_without_site_name():
    assert page.title == "Understanding Cluster Headache"


def test_date_comes_from_the_published_time_meta():
    assert page.date == "2023-03-14"


def test_language_is_the_primary_subtag_of_html_lang():
    assert page.language == "en"


def test_canonical_url_follows_rel_canonical_on_the_same_site():
    assert page.canonical_url == "https://www.neuro-clinic.example/conditions/cluster-headache"


def test_sections_follow_the_body_headings_in_order():
    assert [s.heading for s in page.sections] == [
        "",
        "What an attack feels like",
        "Patterns over weeks and months",
        "How we make the diagnosis",
        "Treatment at the clinic",
    ]


def test_each_paragraph_sits_under_its_heading():
    by_heading = {s.heading: s.text for s in page.sections}
    assert "the eyelid can droop" in by_heading["What an attack feels like"]
    assert (
        "Night-time attacks that wake the patient" in by_heading["Patterns over weeks and months"]
    )
    assert "high-flow oxygen" in by_heading["Treatment at the clinic"]
    assert by_heading[""].startswith("Cluster headache is a rare primary headache disorder")


def test_text_has_headings_on_lines_of_their_own_and_no_title():
    lines = page.text.splitlines()
    assert "What an attack feels like" in lines
    assert "Understanding Cluster Headache" not in lines
    assert lines[0].startswith("Cluster headache is a rare")


def test_boilerplate_never_becomes_text():
    for noise in (
        "We use cookies",
        "Accept all cookies",
        "Book an appointment",
        "Conditions we treat",
        "Trigeminal neuralgia",
        "monthly newsletter",
        "Registered charity",
        "Share this page",
        "dataLayer",
        "cookie-banner",
    ):
        assert noise not in page.text, noise


def test_readers_comments_never_become_text():
    assert "nobody believed him" not in page.text
    assert "Oxygen therapy changed everything" not in page.text


def test_to_document_keys_the_page_by_canonical_url_and_cites_its_domain():
    document = to_document(page, "neuro-clinic")
    assert document.doc_id == "url:https://www.neuro-clinic.example/conditions/cluster-headache"
    assert document.kind == "web"
    assert document.source == "neuro-clinic"
    assert document.url == page.canonical_url
    assert document.domain == "neuro-clinic.example"
    assert document.published == "2023-03-14"
    assert document.year == 2023
    assert document.language == "en"
    assert document.title == "Understanding Cluster Headache"
    assert document.sections == page.sections
    assert document.content_hash == content_hash(page.text)


def test_the_same_page_under_another_url_is_the_same_document():
    other = extract_page(PAGE.read_bytes(), "http://neuro-clinic.example/c?id=1#x")
    assert to_document(other, "neuro-clinic").doc_id == to_document(page, "neuro-clinic").doc_id
