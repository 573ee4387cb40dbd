"""Growth measurements beyond the centile or SD line HPO's definitions draw."""

import pytest


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Head circumference was below the 3rd centile.",
            [("Head circumference was below the 3rd centile", "HP:0040195")],
        ),
        (
            "Height was below the third percentile.",
            [("Height was below the third percentile", "HP:0004322")],
        ),
        ("Final height -3.1 SD.", [("height -3.1 SD", "HP:0004322")]),
        ("OFC +3 SD", [("OFC +3 SD", "HP:0040194")]),
        ("weight above the 97th percentile", [("weight above the 97th percentile", "HP:0004324")]),
        (
            "birth weight below the 10th centile",
            [("birth weight below the 10th centile", "HP:0001518")],
        ),
        ("Her height was 140 cm (-2.8 SD).", [("height was 140 cm (-2.8 SD)", "HP:0004322")]),
        (
            "Head circumference was 3 SD below the mean.",
            [("Head circumference was 3 SD below the mean", "HP:0040195")],
        ),
    ],
)
def test_measurement_beyond_the_line_is_the_finding(tag, text, found):
    assert tag(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Height was on the 50th centile.",
        "Weight 30 kg (-1.2 SD).",  # inside the normal range
        "Height was above -2 SD.",
        "Femur length was below the 3rd centile.",  # a bone's length, not the body's
        "The mean telomere length was -2.5 SD.",
        "Height was not below the 3rd centile.",
        "Height was 1 SD below the mean.",
    ],
)
def test_measurement_inside_the_range_or_of_a_part_is_no_finding(tag, text):
    assert tag(text) == []


def test_a_relatives_measurement_is_the_relatives(tagger):
    [m] = tagger.tag("His mother's height was -2.5 SD.")
    assert (m.hpo_id, m.experiencer) == ("HP:0004322", "other")
