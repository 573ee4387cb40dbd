from text_processing.sentences import split_sentences


def _split(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_on_full_stops_and_question_marks():
    assert _split("Pain began. Was it severe? Yes!") == ["Pain began.", "Was it severe?", "Yes!"]


def test_abbreviations_do_not_end_a_sentence():
    text = "Dr. Lee et al. saw weakness, e.g. in the hips. Then it eased."
    assert _split(text) == ["Dr. Lee et al. saw weakness, e.g. in the hips.", "Then it eased."]


def test_decimals_and_initials_do_not_end_a_sentence():
    assert _split("J. R. Smith gave 2.5 mg daily. It helped.") == [
        "J. R. Smith gave 2.5 mg daily.",
        "It helped.",
    ]


def test_blank_line_ends_a_sentence_without_punctuation():
    assert _split("Symptoms\n\nThigh pain is common.") == ["Symptoms", "Thigh pain is common."]


def test_offsets_point_into_the_text():
    text = "  First one.  Second one. "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]
