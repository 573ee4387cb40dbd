"""Laboratory names read from HPO's definitions ("An increased concentration of X in the blood")."""

from text_processing.definition_forms import lab_name


def test_plain_blood_definition_gives_a_circulating_name():
    assert lab_name("An increased concentration of serine in the blood.") == (
        "Increased circulating serine concentration"
    )


def test_urine_and_csf_definitions():
    assert lab_name("Decreased concentration of sulfate in the urine.") == (
        "Decreased urine sulfate concentration"
    )
    assert lab_name("Abnormally high level of lactate in the cerebrospinal fluid (CSF).") == (
        "Increased CSF lactate concentration"
    )


def test_stereo_prefix_is_dropped():
    assert lab_name("An increased concentration of L-phenylalanine in the blood.") == (
        "Increased circulating phenylalanine concentration"
    )


def test_any_other_definition_gives_nothing():
    assert lab_name("Body temperature elevated above the normal range.") == ""
    assert lab_name("An increased concentration of serine in the blood, with seizures.") == ""


def test_a_greek_named_term_is_found_in_plain_words(tag):
    # HPO names it "Hyperserinemia" and lists no laboratory synonym
    assert tag("high serine levels") == [("high serine levels", "HP:0500138")]
    assert tag("low fibrinogen levels")[0][0] == "low fibrinogen levels"
