"""The compiled word loops (`_scan.c`) give exactly what the Python loops and the reference give.

The tagger runs the compiled loops when `make` built them (setup.py); the Python loops remain
as the fallback. Both must agree token for token and match for match, on every gold set, real
abstracts and the edge cases a C port gets wrong first (hyphenated prefixes, numbers, Unicode,
gap words next to punctuation, case-sensitive abbreviations).
"""

import pytest

from text_processing import context
from text_processing.fast_scan import FastScanner, split_words
from text_processing.matcher import find_matches
from text_processing.normalize import tokenize


@pytest.fixture(scope="module")
def fast(tagger):
    scanner = FastScanner(tagger.vocab, tagger.lemmatizer)
    if not scanner.compiled:
        pytest.fail("text_processing._scan is not built: run `make venv` (needs gcc)")
    return scanner


def test_the_compiled_loops_are_built_and_used(tagger, fast):
    assert fast.compiled and tagger.compiled


def test_compiled_tokens_equal_python_and_reference(tagger, fast, equivalence_texts):
    for text in equivalence_texts:
        parts = split_words(text)
        got = [list(x) for x in fast.tokenize(text, parts)]
        assert got == [list(x) for x in tokenize(text, tagger.lemmatizer)], text
        if "-" not in text:  # the Python fast path hands joined prefixes to the reference
            assert got == [list(x) for x in fast._tokenize_python(text, parts)], text


def test_compiled_matches_equal_python_and_reference(tagger, fast, equivalence_texts):
    for text in equivalence_texts:
        tokens = fast.tokenize(text)
        got = fast.find_matches(text, tokens)
        assert got == fast._find_matches_python(text, tokens), text
        assert got == find_matches(tagger.vocab, text, *tokens), text


def test_compiled_word_columns_equal_python(fast, equivalence_texts):
    from itertools import accumulate

    for text in [*equivalence_texts, "ÄRZTE İstanbul STRASSE ß", "", "ABC"]:
        parts = split_words(text)
        words = context.text_words(text, parts)
        pos = list(accumulate(map(len, parts)))
        assert words.lower == [w.lower() for w in parts[1::2]], text
        assert (words.starts, words.ends) == (pos[0:-1:2], pos[1::2]), text


def test_compiled_cues_equal_python(fast, equivalence_texts):
    for text in equivalence_texts:
        words = context.text_words(text)
        assert context.RULES.cues(words) == context.RULES.cues_python(words), text


def test_cues_of_a_sentence_are_the_whole_texts_cues_there(equivalence_texts):
    """The tagger reads cues only for sentences with mentions: that must not change them."""
    from bisect import bisect_left

    from text_processing.sentences import split_sentences

    texts = [" ".join(equivalence_texts[k : k + 4]) for k in range(0, 800, 4)]
    for text in texts:
        words = context.text_words(text)
        whole = context.RULES.cues(words)
        for s0, s1 in split_sentences(text):
            lo, hi = bisect_left(words.starts, s0), bisect_left(words.starts, s1)
            want = [c for c in whole if lo <= c.first <= hi]
            assert context.RULES.cues(words, lo, hi) == want, (text[s0:s1], lo, hi)
            assert context.RULES.cues_python(words, lo, hi) == want, (text[s0:s1], lo, hi)


def test_a_question_mark_after_the_last_word_of_a_range_is_read():
    words = context.text_words("Pneumonia? Chest pain began.")
    cues = context.RULES.cues(words, 0, 1)
    assert [(c.first, c.last) for c in cues] == [(1, 1)]


def test_compiled_split_equals_the_regex_split(fast, equivalence_texts):
    from text_processing.fast_scan import _SPLIT_RE

    every_char = "".join(chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000)
    chunks = [every_char[k : k + 400] + " 1.5 a,1 2.x" for k in range(0, 0x2F000, 400)]
    texts = equivalence_texts + chunks
    for text in texts:
        assert split_words(text) == _SPLIT_RE.split(text), text[:80]


def test_compiled_loops_equal_python_on_shuffled_text(tagger, fast, equivalence_texts):
    """Random texts made of the gold sets' own words and separators, fixed seed."""
    import random

    rng = random.Random(20261127)
    pool: list[str] = []
    for text in equivalence_texts[:320]:
        pool.extend(split_words(text))
    pool = [p for p in pool if p] + ["-", "pre-", " (", ") ", ", ", "; ", "’", "1.5", "²"]
    for _ in range(1500):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        parts = split_words(text)
        tokens = fast.tokenize(text, parts)
        assert [list(x) for x in tokens] == [list(x) for x in tokenize(text, tagger.lemmatizer)]
        assert fast.find_matches(text, tokens) == find_matches(tagger.vocab, text, *tokens)
        words = context.text_words(text)
        assert context.RULES.cues(words) == context.RULES.cues_python(words), text
