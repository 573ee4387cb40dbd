"""Language, dates and structure on the German, FAQ and leaflet pages."""

from pathlib import Path

from page_extraction.extract import extract_page

PAGES = Path(__file__).parent / "pages"
german = extract_page((PAGES / "german_page.html").read_bytes(), "https://praxis.example/schwindel")
faq = extract_page((PAGES / "faq_page.html").read_bytes(), "https://hearing.example/faq")
leaflet = extract_page((PAGES / "leaflet_table.html").read_bytes(), "https://coastal.example/l/3")


def test_german_language_and_umlauts():
    assert german.language == "de"
    assert "Übelkeit" in german.text
    assert german.title == "Schwindel im Alter"
    assert german.date == "2020-01-17"


def test_german_cookie_notice_and_menu_are_not_text():
    assert "Cookies" not in german.text
    assert "Startseite" not in german.text


def test_faq_questions_are_headings():
    assert [s.heading for s in faq.sections][:4] == [
        "",
        "What is tinnitus?",
        "Is it a sign of something serious?",
        "Can it be cured?",
    ]


def test_faq_slash_separated_citation_date():
    assert faq.date == "2018-09-12"


def test_faq_definition_list_terms_and_descriptions_are_kept():
    assert "Cognitive behavioural therapy can reduce the distress" in faq.text
    assert "Talking therapies" in faq.text


def test_leaflet_table_rows_are_lines_with_cells_separated():
    assert "One | Short walks of five minutes twice a day | Rest after each walk" in leaflet.text


def test_leaflet_list_items_sit_under_their_heading():
    warning = next(s.text for s in leaflet.sections if s.heading == "Warning signs")
    assert "chest pain or a racing heartbeat" in warning.splitlines()


def test_leaflet_breadcrumb_side_menu_and_feedback_are_not_text():
    for noise in ("Eczema", "Was this page helpful", "traditional custodians", "Search"):
        assert noise not in leaflet.text, noise


def test_leaflet_language_and_dublin_core_date():
    assert leaflet.language == "en"
    assert leaflet.date == "2022-05-09"


def test_placeholder_dates_are_ignored_for_a_real_one():
    html = (
        b'<html lang="en-GB"><head><title>Gout | Site</title>'
        b'<meta property="article:published_time" content="0001-01-01T00:00:00">'
        b'<meta name="dcterms.issued" content="2016-02-29"></head>'
        b"<body><p>Gout flares often start at night in the big toe joint.</p></body></html>"
    )
    assert extract_page(html, "http://a.example/gout").date == "2016-02-29"


def test_og_locale_gives_the_language_when_html_lang_is_missing():
    html = (
        b'<html><head><meta property="og:locale" content="es_ES"><title>Fiebre</title></head>'
        b"<body><p>La fiebre alta en ni\xc3\xb1os suele durar unos tres d\xc3\xadas.</p>"
        b"</body></html>"
    )
    assert extract_page(html, "http://a.example/fiebre").language == "es"


def test_og_title_with_site_name_gives_way_to_the_heading_it_contains():
    html = (
        b'<html><head><meta property="og:title" content="Shingles explained | Skin Help">'
        b"</head><body><article><h1>Shingles explained</h1><p>Shingles usually starts with "
        b"burning pain on one side of the body, followed by a band of blisters.</p>"
        b"</article></body></html>"
    )
    assert extract_page(html, "http://a.example/shingles").title == "Shingles explained"
