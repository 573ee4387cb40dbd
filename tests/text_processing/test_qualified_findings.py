"""A phrase after a finding that narrows it: time of onset, trigger, time of day."""

import pytest


@pytest.mark.parametrize(
    "text,span,hpo_id",
    [
        ("He had joint contractures evident at birth.", "joint contractures evident at birth",
         "HP:0002803"),  # Congenital contracture
        ("Joint contractures were present at birth.", "Joint contractures were present at birth",
         "HP:0002803"),
        ("Hypotonia was noted in the neonatal period.",
         "Hypotonia was noted in the neonatal period", "HP:0001319"),  # Neonatal hypotonia
        ("She had hypotonia in the first week of life.", "hypotonia in the first week of life",
         "HP:0001319"),
        ("Low blood glucose after an overnight fast.", "Low blood glucose after an overnight fast",
         "HP:0003162"),  # Fasting hypoglycemia
        ("High glucose levels after feeds.", "High glucose levels after feeds",
         "HP:0011998"),  # Postprandial hyperglycemia
        ("She reported breathlessness on exertion.", "breathlessness on exertion",
         "HP:0002875"),  # Exertional dyspnea
        ("Muscle pain after minor exertion.", "Muscle pain after minor exertion",
         "HP:0003738"),  # Exercise-induced myalgia
        ("Seizures at night were frequent.", "Seizures at night", "HP:0031951"),
    ],
)  # fmt: skip
def test_a_following_phrase_narrows_the_term(tag, text, span, hpo_id):
    assert tag(text) == [(span, hpo_id)]


def test_the_broader_term_stays_nested_for_gold_corpora(tag):
    assert tag("He had joint contractures evident at birth.", nested=True) == [
        ("joint contractures evident at birth", "HP:0002803"),
        ("joint contractures", "HP:0034392"),
    ]


def test_a_phrase_that_names_no_narrower_term_changes_nothing(tag):
    # no HPO term "Congenital rash" or "Fasting cough"
    assert tag("A rash at birth and a cough after fasting.") == [
        ("rash", "HP:0000988"),
        ("cough", "HP:0012735"),
    ]


def test_the_phrase_must_stay_in_the_finding_s_clause(tag):
    assert tag("Joint contractures, at birth a rash.") == [
        ("Joint contractures", "HP:0034392"),
        ("rash", "HP:0000988"),
    ]


def test_a_denied_finding_stays_denied_when_narrowed(tagger):
    [m] = tagger.tag("There were no joint contractures at birth.")
    assert (m.hpo_id, m.negated) == ("HP:0002803", True)


def test_repeated_and_recurring_read_as_recurrent(tag):
    assert tag("She had repeated aspiration pneumonias.") == [
        ("repeated aspiration pneumonias", "HP:0002100")  # Recurrent aspiration pneumonia
    ]
    assert tag("Recurring pancreatitis.") == [("Recurring pancreatitis", "HP:0100027")]
