"""The fast path (fast_scan.py) must give exactly the reference tokenizer's and matcher's output."""

import pytest

from text_processing.fast_scan import FastScanner
from text_processing.matcher import find_matches
from text_processing.normalize import tokenize


@pytest.fixture(scope="module")
def fast(tagger):
    return FastScanner(tagger.vocab, tagger.lemmatizer)


def test_fast_path_equals_reference_tokens_and_matches(tagger, fast, equivalence_texts):
    for text in equivalence_texts:
        ref = tokenize(text, tagger.lemmatizer)
        got = fast.tokenize(text)
        assert [list(x) for x in got] == [list(x) for x in ref], text
        assert fast.find_matches(text, got) == find_matches(tagger.vocab, text, *ref), text
