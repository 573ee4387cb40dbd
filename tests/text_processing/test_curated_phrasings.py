"""The curated phrasing file editors review: each phrase once, each id a phenotype term."""

from collections import Counter

from text_processing.vocabulary import DEFAULT_PHRASINGS, read_phrasings


def test_each_curated_phrase_is_listed_once():
    phrases = Counter(phrase.casefold() for phrase, _, _ in read_phrasings(DEFAULT_PHRASINGS))
    assert [phrase for phrase, n in phrases.items() if n > 1] == []
