import pytest


def _flags(tagger, text, span):
    s = text.index(span)
    [m] = tagger.tag_targets(text, [(s, s + len(span))])
    return m


@pytest.mark.parametrize(
    "text,span",
    [
        ("The patient denies chest pain.", "chest pain"),
        ("There was no fever.", "fever"),
        ("Admitted without dyspnea.", "dyspnea"),
        ("Absence of areflexia was noted.", "areflexia"),
        ("Negative for hematuria.", "hematuria"),
        ("Hepatomegaly was ruled out.", "Hepatomegaly"),
        ("Splenomegaly was not seen.", "Splenomegaly"),
        ("Ataxia was absent.", "Ataxia"),
        ("No fever, chills, nausea, vomiting or rash.", "rash"),
    ],
)
def test_negation_triggers(tagger, text, span):
    assert _flags(tagger, text, span).negated


def test_termination_stops_negation(tagger):
    assert not _flags(tagger, "Denies chest pain but reports palpitations.", "palpitations").negated


def test_pseudo_trigger_is_not_negation(tagger):
    assert not _flags(tagger, "No change in tremor was seen.", "tremor").negated
    assert not _flags(tagger, "Not only fatigue but myalgia.", "fatigue").negated


def test_scope_ends_after_a_window_of_prose(tagger):
    text = "No one in the clinic could explain why she later developed a fever."
    assert not _flags(tagger, text, "fever").negated


def test_uncertain(tagger):
    assert _flags(tagger, "Possible hepatomegaly on the scan.", "hepatomegaly").uncertain
    assert _flags(tagger, "Hepatomegaly cannot be ruled out.", "Hepatomegaly").uncertain
    assert not _flags(tagger, "Hepatomegaly cannot be ruled out.", "Hepatomegaly").negated


def test_hypothetical(tagger):
    assert _flags(tagger, "Return if fever develops.", "fever").hypothetical


def test_historical(tagger):
    assert _flags(tagger, "She has a history of syncope.", "syncope").historical


def test_other_experiencer(tagger):
    m = _flags(tagger, "Family history of seizures.", "seizures")
    assert m.experiencer == "other" and not m.is_positive
    assert _flags(tagger, "His mother had tremor.", "tremor").experiencer == "other"


def test_negated_other_experiencer(tagger):
    m = _flags(tagger, "There is no family history of seizures.", "seizures")
    assert m.negated and m.experiencer == "other"


def test_trigger_inside_a_term_is_part_of_the_term(tagger):
    [m] = tagger.tag("I can't climb stairs.")
    assert not m.negated


def test_target_without_term_gets_empty_id(tagger):
    [m] = tagger.tag_targets("No blue feelings.", [(3, 7)])
    assert m.hpo_id == "" and m.negated
