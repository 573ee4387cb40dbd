from text_processing.sentences import split_sentences


def _split(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_closing_quote_and_next_capital_end_a_sentence():
    assert _split('He said "Stop." Then he left.') == ['He said "Stop."', "Then he left."]


def test_long_word_before_the_dot_ends_a_sentence_without_abbreviation_check():
    assert _split("Symptoms included fatigue. Weakness followed.") == [
        "Symptoms included fatigue.",
        "Weakness followed.",
    ]


def test_short_abbreviation_at_text_start_does_not_end_a_sentence():
    assert _split("Dr. Lee saw her. She improved.") == ["Dr. Lee saw her.", "She improved."]
