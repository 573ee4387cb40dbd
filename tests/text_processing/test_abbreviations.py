from text_processing.abbreviations import find_abbreviations


def test_schwartz_hearst_definition():
    [a] = find_abbreviations("Diabetic amyotrophy (DA) is rare.")
    assert (a.short, a.long) == ("DA", "Diabetic amyotrophy")


def test_parenthetical_that_is_not_an_abbreviation():
    assert find_abbreviations("Weakness (mild) was seen.") == []


def test_symptom_abbreviation_is_expanded(tagger):
    text = "Proximal muscle weakness (PMW) was seen; PMW was asymmetric."
    found = [(m.text, m.hpo_id) for m in tagger.tag(text)]
    assert found == [("Proximal muscle weakness", "HP:0003701"), ("PMW", "HP:0003701")]


def test_abbreviation_is_local_to_the_text(tagger):
    assert tagger.tag("PMW was asymmetric.") == []


def test_the_definition_itself_is_no_second_mention(tag):
    # HPO lists "VSD" itself; "(VSD)" right after the long form restates it
    assert tag("Ventricular septal defect (VSD) was repaired; the VSD was small.") == [
        ("Ventricular septal defect", "HP:0001629"),
        ("VSD", "HP:0001629"),
    ]


def test_a_defined_short_form_is_not_read_as_another_term_in_its_definition(tag):
    # HPO knows "ASD" as autism spectrum disorder; this text defines it as the heart defect
    assert tag("An atrial septal defect (ASD) was seen; the ASD was closed.") == [
        ("atrial septal defect", "HP:0001631"),
        ("ASD", "HP:0001631"),
    ]


def test_the_term_ending_a_long_form_names_the_short_form(tag):
    # "congenital" only says which kind: CHH is hypogonadotropic hypogonadism
    found = tag("Congenital hypogonadotropic hypogonadism (CHH) is rare; CHH was found.")
    assert ("CHH", "HP:0000044") in found


def test_a_disease_named_after_a_condition_is_no_finding_of_its_head(tag):
    # diabetic amyotrophy is a disease; its short form names no muscle atrophy
    found = tag("Diabetic amyotrophy (DA) is rare; DA causes thigh pain.")
    assert not any(text == "DA" for text, _ in found)


def test_a_finding_about_the_long_form_is_not_its_short_form(tag):
    found = tag("An elevated erythrocyte sedimentation rate (ESR) was found; the ESR is a test.")
    assert not any(text == "ESR" for text, _ in found)


def test_a_hereditary_disease_short_form_is_no_finding(tag):
    found = tag("Hereditary spastic paraplegia (HSP) is rare; HSP was seen.")
    assert not any(text == "HSP" for text, _ in found)


def test_a_short_form_is_found_in_its_other_number(tag):
    text = "Stroke-like episodes (SLEs) recurred. A further SLE caused hemianopia."
    assert ("SLE", "HP:0002401") in tag(text)  # not lupus, the vocabulary's own "SLE"


def test_words_before_a_short_form_qualify_its_long_form(tag):
    text = "Arteriovenous malformations (AVMs) were found: pulmonary AVMs and a cerebral AVM."
    found = tag(text)
    assert ("pulmonary AVMs", "HP:0006548") in found
    assert ("cerebral AVM", "HP:0002408") in found


def test_a_function_word_before_a_short_form_adds_nothing(tag):
    text = "Atrial septal defect (ASD) was closed. The ASD recurred."
    assert tag(text)[-1] == ("ASD", "HP:0001631")


def test_a_short_form_is_used_only_as_a_whole_word():
    from text_processing.abbreviations import occurrences

    assert occurrences("AA AAA AA-x xAA AA_ AA", "AA") == [(0, 2), (20, 22)]
    assert occurrences("DA and DA", "DA", after=1) == [(7, 9)]


def test_a_mode_of_inheritance_makes_a_disease_name(tag):
    # like "hereditary": "XLI" names the disease; its uses are no mention of the finding
    found = tag("X-linked ichthyosis (XLI) affects boys. XLI is common.")
    assert found == [("ichthyosis", "HP:0008064")]


def test_a_term_split_by_its_short_form(tag):
    # "KF" abbreviates "Kayser-Fleischer"; the term goes on after the bracket, and so do uses
    found = tag("Kayser-Fleischer (KF) rings were seen. KF rings are typical; a KF ring faded.")
    assert found == [
        ("Kayser-Fleischer (KF) rings", "HP:0200032"),
        ("KF rings", "HP:0200032"),
        ("KF ring", "HP:0200032"),
    ]
    assert tag("Six cafe-au-lait (CAL) spots. Two CAL spots.")[1] == ("CAL spots", "HP:0000957")
