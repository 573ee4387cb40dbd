from evidence.config import Disease
from evidence.records import Document, Section
from text_processing.excerpts import extract_excerpts
from text_processing.sections import classify

DA = Disease(name="Diabetic amyotrophy", synonyms=["Bruns-Garland syndrome"])
OTHER = Disease(name="Lumbar spinal stenosis")


def _doc(title, *sections, mesh=()):
    return Document(
        doc_id="url:https://example.org/x",
        kind="web",
        source="fixture",
        title=title,
        sections=[Section(h, t) for h, t in sections],
        mesh_terms=list(mesh),
    )


def _by_symptom(excerpts):
    return {(e.disease, e.symptom): e for e in excerpts}


def test_sentence_naming_the_disease_enters_with_reason(tagger):
    doc = _doc("Notes", ("", "Diabetic amyotrophy causes thigh pain."))
    [e] = extract_excerpts(doc, [DA], tagger)
    assert (e.hpo_id, e.relevance, e.mention_text) == ("HP:0012514", 1.0, "thigh pain")
    assert "names Diabetic amyotrophy" in e.relevance_reason
    assert e.text[e.mention_start : e.mention_end] == "thigh pain"


def test_defined_abbreviation_names_the_disease(tagger):
    doc = _doc("Notes", ("", "Diabetic amyotrophy (DA) is rare. In DA, weight loss is common."))
    found = _by_symptom(extract_excerpts(doc, [DA], tagger))
    assert found[("Diabetic amyotrophy", "Weight loss")].relevance == 1.0


def test_document_about_the_disease_by_title(tagger):
    doc = _doc("Diabetic amyotrophy", ("Symptoms", "Many people notice weight loss."))
    [e] = extract_excerpts(doc, [DA], tagger)
    assert e.relevance == 0.8 and "title" in e.relevance_reason


def test_document_about_the_disease_by_mesh(tagger):
    doc = _doc("A case", ("", "Weight loss was marked."), mesh=["Diabetic amyotrophy"])
    [e] = extract_excerpts(doc, [DA], tagger)
    assert "MeSH" in e.relevance_reason


def test_sentence_about_another_disease_does_not_enter(tagger):
    doc = _doc(
        "Diabetic amyotrophy",
        ("Other causes", "Spinal muscular atrophy also causes muscle weakness in children."),
    )
    assert extract_excerpts(doc, [DA], tagger) == []


def test_other_configured_disease_goes_to_its_own_list(tagger):
    doc = _doc("Leg pain", ("", "Lumbar spinal stenosis causes leg pain on walking."))
    found = extract_excerpts(doc, [DA, OTHER], tagger)
    assert [e.disease for e in found] == ["Lumbar spinal stenosis"]


def test_unrelated_document_gives_nothing(tagger):
    doc = _doc("Gardening", ("", "Weight loss is common in gardeners."))
    assert extract_excerpts(doc, [DA], tagger) == []


def test_one_excerpt_per_symptom_and_context(tagger):
    doc = _doc(
        "Diabetic amyotrophy",
        ("", "It starts suddenly. Thigh pain and weight loss follow. Recovery is slow."),
    )
    found = _by_symptom(extract_excerpts(doc, [DA], tagger))
    assert set(found) == {
        ("Diabetic amyotrophy", "Lower limb pain"),
        ("Diabetic amyotrophy", "Weight loss"),
    }
    e = found[("Diabetic amyotrophy", "Weight loss")]
    assert (e.context_before, e.context_after) == ("It starts suddenly.", "Recovery is slow.")


def test_negated_mention_is_kept_with_its_flag(tagger):
    doc = _doc("Diabetic amyotrophy", ("", "There is no weight loss."))
    [e] = extract_excerpts(doc, [DA], tagger)
    assert e.negated


def test_symptom_word_inside_the_disease_name_is_not_a_symptom(tagger):
    doc = _doc("Notes", ("", "Diabetic amyotrophy is painful."))
    assert extract_excerpts(doc, [DA], tagger) == []


def test_section_from_heading_and_cue_words(tagger):
    doc = _doc("Diabetic amyotrophy", ("Treatment", "Pain eases with time."))
    [e] = extract_excerpts(doc, [DA], tagger)
    assert e.section == "treatment" and e.section_heading == "Treatment"
    assert classify("The incidence is low among those with fever.") == "epidemiology"
    assert classify("Fever was treated with paracetamol.", "RESULTS") == "treatment"
    assert classify("Fever and chills.", "Diagnosis") == "workup"
    assert classify("Fever and chills.") == "presentation"


def test_disease_name_head_premodified_is_another_disease_not_a_symptom(tagger):
    # "monomelic amyotrophy" is in no list: the head of "diabetic amyotrophy", premodified,
    # names another amyotrophy; "amyotrophy" is not muscle-atrophy evidence here
    doc = _doc("Notes", ("", "See also diabetic amyotrophy and monomelic amyotrophy."))
    assert extract_excerpts(doc, [DA], tagger) == []
    doc = _doc("Notes", ("", "See also diabetic amyotrophy and neuralgic amyotrophy."))
    assert extract_excerpts(doc, [DA], tagger) == []


def test_condition_the_disease_complicates_is_not_its_symptom(tagger):
    sentence = "A 58-year-old man with type 2 diabetes presented with thigh pain."
    doc = _doc("Diabetic amyotrophy", ("", sentence))
    assert [m.label for m in tagger.tag(sentence)] == [
        "Type II diabetes mellitus",
        "Lower limb pain",
    ]
    assert [e.symptom for e in extract_excerpts(doc, [DA], tagger)] == ["Lower limb pain"]
    # the same sentence stays a source of diabetes for a disease not named after it
    found = extract_excerpts(_doc("Lumbar spinal stenosis", ("", sentence)), [OTHER], tagger)
    assert "Type II diabetes mellitus" in [e.symptom for e in found]


def test_link_list_is_not_a_sentence(tagger):
    links = (
        "Home Health Topics Diabetes Nerve Pain Weight Loss Thigh Pain Muscle Weakness "
        "Treatment Options Clinical Trials Contact Us Privacy Policy About Us"
    )
    doc = _doc("Diabetic amyotrophy", ("Symptoms", links + "\n\nMany people notice weight loss."))
    found = extract_excerpts(doc, [DA], tagger)
    assert [(e.symptom, e.text) for e in found] == [
        ("Weight loss", "Many people notice weight loss.")
    ]
    assert found[0].context_before == ""


def test_comparison_with_another_disease_enters_ranked_below(tagger):
    doc = _doc(
        "Notes", ("", "Unlike Guillain-Barre syndrome, diabetic amyotrophy begins with thigh pain.")
    )
    [e] = extract_excerpts(doc, [DA], tagger)
    assert e.relevance == 0.7
    assert "another disease" in e.relevance_reason


def test_common_abbreviation_of_another_disease_is_recognized(tagger):
    doc = _doc("Notes", ("", "Thigh pain is unusual in CIDP but common in diabetic amyotrophy."))
    [e] = extract_excerpts(doc, [DA], tagger)
    assert e.relevance == 0.7


def test_symptom_in_the_other_diseases_clause_of_a_comparison_stays_out(tagger):
    doc = _doc(
        "Notes",
        (
            "",
            "Fasciculations are frequent in spinal muscular atrophy, whereas they are uncommon "
            "in diabetic amyotrophy. Diabetic amyotrophy causes thigh pain, whereas CIDP causes "
            "distal weakness.",
        ),
    )
    found = _by_symptom(extract_excerpts(doc, [DA], tagger))
    assert set(found) == {("Diabetic amyotrophy", "Lower limb pain")}


def test_symptom_shared_by_both_clauses_of_a_comparison_stays_in(tagger):
    doc = _doc(
        "Notes",
        ("", "Fasciculations were seen in spinal muscular atrophy and in diabetic amyotrophy."),
    )
    [e] = extract_excerpts(doc, [DA], tagger)
    assert (e.symptom, e.relevance) == ("Fasciculations", 0.7)
