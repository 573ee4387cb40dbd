"""Link lists (index pages, related links, menus inside the content) never become body text;
symptom bullet lists stay, one item per line."""

from pathlib import Path

import trafilatura
from lxml import html as lxml_html

from fixture_web.content import ARTICLES, DOMAINS
from fixture_web.site import build_site
from page_extraction.blocks import Block, drop_empty_headings
from page_extraction.extract import extract_page
from page_extraction.linkdensity import drop_link_dense_blocks

PAGES = Path(__file__).parent / "pages"
related = extract_page(
    (PAGES / "related_links.html").read_bytes(), "https://hillside-joints.example/frozen"
)
index = extract_page((PAGES / "index_page.html").read_bytes(), "https://lakeside.example/az")
symptoms = extract_page(
    (PAGES / "symptom_list.html").read_bytes(), "https://northgate-skin.example/chilblains"
)


def pruned_text(body: str) -> str:
    tree = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    drop_link_dense_blocks(tree)
    return " ".join(" ".join(tree.itertext()).split())


# -- related links after a short article -------------------------------------------------------


def test_trafilatura_alone_keeps_the_related_links_on_this_page():
    assert "Tennis elbow and burning forearm pain" in trafilatura.extract(
        (PAGES / "related_links.html").read_bytes()
    )


def test_related_link_titles_are_not_text():
    for title in ("Rotator cuff tears", "Tennis elbow", "Neck pain", "Knee swelling", "Hip pain"):
        assert title not in related.text, title


def test_list_without_a_heading_in_a_plain_div_is_dropped_too():
    assert "Why joint pain and stiffness" not in related.text


def test_heading_of_a_dropped_link_list_goes_with_it():
    assert "You may also like" not in related.text


def test_single_link_paragraph_is_dropped():
    assert "Printable version" not in related.text


def test_prose_with_links_in_it_is_kept():
    assert "Gentle physiotherapy and steroid injections can ease the pain." in related.text


def test_related_page_body_is_two_paragraphs():
    assert related.text.splitlines() == [
        "Frozen shoulder begins with a dull ache in the upper arm that is worse at night.",
        "Gentle physiotherapy and steroid injections can ease the pain.",
    ]


# -- an index page that is only links ----------------------------------------------------------


def test_trafilatura_alone_reads_the_index_as_text():
    assert "Bronchitis and a chesty cough" in trafilatura.extract(
        (PAGES / "index_page.html").read_bytes()
    )


def test_index_page_has_no_text():
    assert index.text == ""
    assert index.sections == []
    assert index.method == "none"


def test_index_page_keeps_its_title():
    assert index.title == "Conditions A to Z"


# -- a short article whose symptom bullet list must be kept ------------------------------------


def test_trafilatura_alone_runs_the_bullets_together_on_this_page():
    text = trafilatura.extract((PAGES / "symptom_list.html").read_bytes())
    assert "Itchy red patches on the toes Burning in a warm room" in text


def test_each_symptom_is_a_line_of_its_own():
    lines = symptoms.text.splitlines()
    for item in (
        "Itchy red patches on the toes",
        "Burning in a warm room",
        "Swelling of the fingers (see swollen hands)",
        "Dark blue skin",
    ):
        assert item in lines, item


def test_symptoms_sit_under_their_heading():
    by_heading = {s.heading: s.text.splitlines() for s in symptoms.sections}
    assert by_heading["Symptoms"] == [
        "Itchy red patches on the toes",
        "Burning in a warm room",
        "Swelling of the fingers (see swollen hands)",
        "Dark blue skin",
    ]


def test_a_list_item_that_is_one_link_stays_when_the_list_is_content():
    by_heading = {s.heading: s.text for s in symptoms.sections}
    assert by_heading["See a doctor if"] == "You also have diabetes"


def test_title_and_byline_are_not_glued_into_the_body():
    assert symptoms.text.startswith("Chilblains follow cold.")
    assert "December 2022" not in symptoms.text


# -- the rules, block by block -----------------------------------------------------------------


def test_list_of_single_links_is_dropped():
    body = '<p>Intro.</p><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul>'
    assert pruned_text(body) == "Intro."


def test_list_of_links_with_a_few_words_beside_each_is_dropped():
    body = (
        '<ul><li><a href="/a.pdf">Leaflet on gout</a> (PDF, 2 pages)</li>'
        '<li><a href="/b.pdf">Leaflet on lupus</a> (PDF, 3 pages)</li></ul>'
    )
    assert pruned_text(body) == ""


def test_symptom_list_without_links_is_kept():
    body = "<ul><li>Fever</li><li>Stiff neck</li><li>A rash that does not fade</li></ul>"
    assert pruned_text(body) == "Fever Stiff neck A rash that does not fade"


def test_heavily_linked_sentence_is_prose():
    body = '<p><a href="/t">Thigh pain</a> and <a href="/w">weight loss</a> are common.</p>'
    assert pruned_text(body) == "Thigh pain and weight loss are common."


def test_menu_and_in_page_contents_are_dropped():
    body = (
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        '<div class="toc">Contents <ol><li><a href="#a">Causes</a></li>'
        '<li><a href="#b">Treatment</a></li></ol></div><p>Body text stays here.</p>'
    )
    assert pruned_text(body) == "Body text stays here."


def test_container_with_a_paragraph_keeps_the_paragraph_and_loses_its_link_list():
    body = (
        "<div><p>Gout causes sudden pain and swelling in the big toe, often at night, and the "
        'joint turns red and hot.</p><ul><li><a href="/1">Gout diet</a></li>'
        '<li><a href="/2">Gout drugs</a></li><li><a href="/3">Gout and kidneys</a></li></ul></div>'
    )
    assert pruned_text(body).endswith("the joint turns red and hot.")


def test_data_table_cell_with_one_link_is_kept():
    body = (
        "<table><tr><td>Gout</td><td><a href='/g'>Leaflet</a></td></tr>"
        "<tr><td>Lupus rash and joint pain</td><td><a href='/l'>Leaflet</a></td></tr></table>"
    )
    assert "Leaflet" in pruned_text(body)


def test_layout_table_menu_column_is_dropped():
    body = (
        "<table><tr><td><a href='/'>Home</a><br><a href='/g'>Guides</a></td>"
        "<td><p>Chilblains are itchy patches on the toes after cold.</p></td></tr></table>"
    )
    assert pruned_text(body) == "Chilblains are itchy patches on the toes after cold."


def test_named_anchor_is_not_a_link():
    assert pruned_text('<p><a name="top">Symptoms</a> of gout</p>') == "Symptoms of gout"


# -- empty headings ----------------------------------------------------------------------------


def test_heading_with_nothing_under_it_is_dropped():
    blocks = [Block("Text."), Block("Read next", is_heading=True, level=2)]
    assert drop_empty_headings(blocks) == [Block("Text.")]


def test_heading_followed_by_a_subheading_stays():
    blocks = [
        Block("Symptoms", is_heading=True, level=2),
        Block("Early", is_heading=True, level=3),
        Block("Tingling."),
    ]
    assert drop_empty_headings(blocks) == blocks


def test_heading_followed_by_one_as_high_is_dropped():
    blocks = [
        Block("Related", is_heading=True, level=2),
        Block("Causes", is_heading=True, level=2),
        Block("Uric acid."),
    ]
    assert drop_empty_headings(blocks) == blocks[1:]


# -- the fixture web: what the demo showed ------------------------------------------------------


def test_no_fixture_index_page_reads_article_titles_as_text():
    site = build_site()
    titles = {a.title for a in ARTICLES}
    index_pages = [(host, "/") for host in DOMAINS] + [("neuro-clinic.example", "/conditions")]
    for host, path in index_pages:
        page = extract_page(site[(host, path)].body, f"http://{host}{path}")
        listed = [t for t in titles if t in page.text]
        assert not listed, (host, path, listed)


def test_menu_ending_in_a_short_sentence_is_still_a_menu():
    body = (
        '<div class="bottom"><a href="/">Home</a> <a href="/privacy">Privacy</a> '
        '<a href="/terms">Terms of use</a> <a href="/contact">Contact us</a> Reserved.</div>'
        "<p>Body text stays here.</p>"
    )
    assert pruned_text(body) == "Body text stays here."
