"""Premature birth stated as the week of birth."""

import pytest

from text_processing.gestational_age import preterm_births


@pytest.mark.parametrize(
    "text,span",
    [
        ("She was born at 32 weeks of gestation.", "born at 32 weeks of gestation"),
        ("He was delivered at 29 weeks.", "delivered at 29 weeks"),
        ("Born before 34 weeks of gestation.", "Born before 34 weeks of gestation"),
        ("Born at 31+2 weeks' gestation.", "Born at 31+2 weeks' gestation"),
        ("Born at a gestational age of 30 weeks.", "Born at a gestational age of 30 weeks"),
    ],
)
def test_a_birth_before_34_weeks_is_premature(tagger, text, span):
    assert [(m.text, m.hpo_id) for m in tagger.tag(text)] == [(span, "HP:0001622")]


@pytest.mark.parametrize(
    "text",
    [
        "She was born at 39 weeks of gestation.",
        "Born at 34 weeks.",  # late preterm: stated as a date, not as a finding
        "Born at 36 weeks.",
        "At 20 weeks of gestation, ultrasound showed a small stomach.",  # a scan, no birth
    ],
)
def test_a_term_birth_or_a_scan_is_no_finding(text):
    assert preterm_births(text) == []


def test_born_before_34_weeks_is_premature_but_at_34_is_not():
    assert preterm_births("born before 34 weeks") != []
    assert preterm_births("born at 34 weeks") == []


def test_prematurity_named_in_words_keeps_its_own_span(tagger):
    found = [(m.text, m.hpo_id) for m in tagger.tag("He was born prematurely at 30 weeks.")]
    assert found == [("born prematurely", "HP:0001622")]
