"""Canonical URL rules and citation domains: one page reached by two URLs is one document."""

import pytest

from page_extraction.urls import canonicalize_url, registered_domain, registrable_domain


def test_scheme_and_host_are_lowercased_and_fragment_dropped():
    assert canonicalize_url("HTTP://Neuro-Clinic.EXAMPLE/Conditions#symptoms") == (
        "http://neuro-clinic.example/Conditions"
    )


def test_default_ports_are_dropped_but_others_kept():
    assert canonicalize_url("http://a.example:80/x") == "http://a.example/x"
    assert canonicalize_url("https://a.example:443/x") == "https://a.example/x"
    assert canonicalize_url("http://a.example:8080/x") == "http://a.example:8080/x"


def test_tracking_parameters_are_dropped_and_the_rest_sorted():
    url = "http://a.example/p?utm_source=news&b=2&gclid=x&a=1&fbclid=y&mc_cid=1&mc_eid=2&ref=tw"
    assert canonicalize_url(url) == "http://a.example/p?a=1&b=2"


def test_session_ids_are_dropped_from_query_and_path():
    assert canonicalize_url("http://a.example/p;jsessionid=AB12?sessionid=9&id=4") == (
        "http://a.example/p?id=4"
    )


def test_trailing_slash_is_stripped_except_on_the_root():
    assert canonicalize_url("http://a.example/guides/") == "http://a.example/guides"
    assert canonicalize_url("http://a.example") == "http://a.example/"
    assert canonicalize_url("http://a.example/") == "http://a.example/"


def test_two_spellings_of_one_page_are_one_url():
    first = canonicalize_url("http://A.example:80/guides/flu/?utm_medium=email#top")
    second = canonicalize_url("http://a.example/guides/./flu")
    assert first == second == "http://a.example/guides/flu"


def test_percent_escapes_are_normalized():
    assert canonicalize_url("http://a.example/%7euser/caf%c3%a9") == (
        "http://a.example/~user/caf%C3%A9"
    )


def test_rel_canonical_on_the_same_site_wins():
    assert canonicalize_url("http://www.a.example/p?id=3", "/guides/p/") == (
        "http://www.a.example/guides/p"
    )
    assert canonicalize_url("http://www.a.example/p", "https://a.example/p") == (
        "https://a.example/p"
    )


def test_rel_canonical_on_another_site_is_ignored():
    """A syndicated copy stays its own document on its own domain."""
    assert canonicalize_url("http://copy.example/story", "http://origin.example/story") == (
        "http://copy.example/story"
    )


def test_a_broken_rel_canonical_is_ignored():
    assert canonicalize_url("http://a.example/p", "mailto:someone@a.example") == (
        "http://a.example/p"
    )


@pytest.mark.parametrize("bad", ["ftp://a.example/x", "/relative/path", "http://"])
def test_non_http_urls_are_rejected_naming_the_url(bad):
    with pytest.raises(ValueError, match="a.example|relative|http://"):
        canonicalize_url(bad)


@pytest.mark.parametrize(
    ("given", "cited"),
    [
        ("https://www.ncbi.nlm.nih.gov/pmc/articles/1", "ncbi.nlm.nih.gov"),
        ("www.neuro-clinic.example", "neuro-clinic.example"),
        ("http://WWW.Neuro-Clinic.example:8080/x", "neuro-clinic.example"),
        ("https://m.en.openmedwiki.example/wiki/Fever", "en.openmedwiki.example"),
        ("https://amp.health-news.example/a/1", "health-news.example"),
        # nhs.uk is itself on the public suffix list, so "www" is part of the site's name
        ("https://www.nhs.uk/conditions/", "www.nhs.uk"),
        ("https://www.bbc.co.uk/news", "bbc.co.uk"),
        ("https://patients.clinic.example/leaflets", "patients.clinic.example"),
        ("https://www.co.uk/", "www.co.uk"),  # never strip into a public suffix
        ("https://www.example/", "www.example"),
        ("http://127.0.0.1:8000/page", "127.0.0.1"),
        ("localhost", "localhost"),
    ],
)
def test_citation_domain(given, cited):
    assert registered_domain(given) == cited


def test_registrable_domain_is_the_public_suffix_plus_one():
    assert registrable_domain("www.ncbi.nlm.nih.gov") == "nih.gov"
    assert registrable_domain("https://www.neuro-clinic.example/x") == "neuro-clinic.example"


def test_a_url_without_host_is_rejected():
    with pytest.raises(ValueError, match="no host"):
        registered_domain("http:///path")
