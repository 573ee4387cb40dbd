"""One small test per ConText rule of context.py (negation scope, pseudo, terminations ...)."""

import json
from pathlib import Path

import pytest

from text_processing.context import apply_context
from text_processing.evaluation import evaluate, read_gold

GOLD = Path(__file__).resolve().parents[2] / "text_processing/gold/negation_clinical_dev.jsonl"


def _m(tagger, text, span, nth=0):
    s = -1
    for _ in range(nth + 1):
        s = text.index(span, s + 1)
    [m] = tagger.tag_targets(text, [(s, s + len(span))])
    return m


@pytest.mark.parametrize(
    "text,span",
    [
        ("No evidence of pneumonia.", "pneumonia"),
        ("CT was negative for acute hemorrhage.", "acute hemorrhage"),
        ("The abdomen is free of tenderness.", "tenderness"),
        ("There is no new infiltrate.", "infiltrate"),
        ("Pulmonary embolism was ruled out.", "Pulmonary embolism"),
        ("Appendicitis is unlikely.", "Appendicitis"),
        ("Guarding and rebound were absent.", "Guarding"),
        ("Edema resolved after diuresis.", "Edema"),
        ("Bleeding has stopped.", "Bleeding"),
        ("Her delirium cleared by day 3.", "delirium"),
        ("She was ruled out for myocardial infarction.", "myocardial infarction"),
        ("He is not yet talking.", "talking"),
        ("Lungs clear, no focal consolidation to suggest pneumonia.", "pneumonia"),
        ("The scan fails to show residual tumor.", "residual tumor"),
        ("None had diabetes.", "diabetes"),
        ("None developed ataxia, but all had fever.", "ataxia"),
    ],
)
def test_negation_triggers_forward_and_backward(tagger, text, span):
    assert _m(tagger, text, span).negated


def test_cue_reaching_into_the_mention_still_negates(tagger):
    assert _m(tagger, "No acute kidney injury.", "acute kidney injury").negated


def test_no_before_a_degree_word_that_begins_the_mention_negates(tagger):
    # "no increased" is a pseudo-trigger for what follows ("no increased risk of ..."), but
    # when the degree word is the mention's own, the finding is denied
    assert _m(tagger, "No increased eosinophils were seen.", "increased eosinophils").negated
    assert _m(tagger, "She had no enlarged lymph nodes.", "enlarged lymph nodes").negated
    assert not _m(tagger, "There was no increased risk of seizures.", "seizures").negated


@pytest.mark.parametrize(
    "text,finding",
    [
        ("Her son has not yet developed palmoplantar keratoderma.", "palmoplantar keratoderma"),
        ("He has not developed seizures.", "seizures"),
        ("Seizures have not yet developed.", "Seizures"),
    ],
)
def test_has_not_yet_developed_negates_before_or_after(tagger, text, finding):
    assert _m(tagger, text, finding).negated


def test_did_not_develop_after_the_finding_negates_it(tagger):
    assert _m(
        tagger, "Renal function stayed normal and proteinuria did not develop.", "proteinuria"
    ).negated
    assert _m(tagger, "Seizures never occurred during follow-up.", "Seizures").negated
    assert not _m(tagger, "Fever did not develop, but a rash appeared.", "rash").negated


def test_negative_glued_to_a_marker_names_a_kind_not_an_absence(tagger):
    text = "Muscle biopsy showed COX-negative fibers and ragged-red fibers."
    assert not _m(tagger, text, "ragged-red fibers").negated
    assert not _m(tagger, "Seizures were ANA-negative.", "Seizures").negated
    # a free-standing "negative" and a glued "-free" still deny
    assert _m(tagger, "Hepatomegaly, negative.", "Hepatomegaly").negated
    assert _m(tagger, "She has been seizure-free since May.", "seizure").negated


def test_list_stays_in_scope_when_other_items_are_symptoms(tagger):
    text = "Denies fever, chills, night sweats, nausea, vomiting, diarrhea or abdominal pain."
    assert _m(tagger, text, "abdominal pain").negated


@pytest.mark.parametrize(
    "text,span",
    [
        ("There is no increase in pleural effusion.", "pleural effusion"),
        ("Blood cultures grew gram negative rods.", "rods"),
        ("Not only fatigue but also myalgia.", "fatigue"),
        ("No change in the opacity.", "opacity"),
        ("Film without change in the effusion.", "effusion"),
        ("No residua of the stroke.", "stroke"),
        ("Chest pain not relieved by nitroglycerin.", "Chest pain"),
        ("Without treatment, patients develop liver failure.", "liver failure"),
    ],
)
def test_pseudo_triggers_negate_nothing(tagger, text, span):
    assert not _m(tagger, text, span).negated


@pytest.mark.parametrize(
    "text,span",
    [
        ("Denies chest pain but reports palpitations.", "palpitations"),
        ("No fever, however cough persists.", "cough"),
        ("No fever, although he reports cough.", "cough"),
        ("No headache, which is reassuring, and photophobia is mild.", "photophobia"),
        ("Patient presents with abdominal pain and no vomiting.", "abdominal pain"),
        ("No fever; cough persists.", "cough"),
        ("Negative for chest pain, positive for nausea.", "nausea"),
        ("She has no pruritus despite the jaundice.", "jaundice"),
        ("Hepatomegaly, spleen not palpable.", "Hepatomegaly"),  # "spleen": the subject
    ],
)
def test_terminations_end_the_scope(tagger, text, span):
    assert not _m(tagger, text, span).negated


def test_a_list_item_before_a_backward_negation_is_no_new_subject(tagger):
    assert _m(tagger, "Chest pain, nausea not present.", "Chest pain").negated
    assert _m(tagger, "Fever, chills, and rash were denied.", "Fever").negated


def test_uncertainty_cue_ends_a_negation(tagger):
    m = _m(tagger, "No consolidation, likely atelectasis.", "atelectasis")
    assert not m.negated and m.uncertain


def test_rule_out_is_uncertain_not_negated(tagger):
    m = _m(tagger, "r/o MI.", "MI")
    assert m.uncertain and not m.negated


def test_question_mark_before_a_word_is_uncertain(tagger):
    assert _m(tagger, "CT chest ?pneumonia.", "pneumonia").uncertain


def test_colon_keeps_backward_scope_but_ends_forward_scope(tagger):
    assert _m(tagger, "Edema: none.", "Edema").negated
    assert not _m(tagger, "No pain: fever present.", "fever").negated


def test_affirmative_verbs_do_not_end_family_scope(tagger):
    assert _m(tagger, "His mother had tremor.", "tremor").experiencer == "other"


def test_apply_context_on_a_bare_sentence():
    [flags] = apply_context("Patient denies dyspnea.", [(15, 22)])
    assert flags.negated


def test_negation_dev_gold_stays_above_target(tagger):
    scores = evaluate(read_gold(GOLD), tagger.tag, tagger.tag_targets)
    assert scores.negated_class.f1 >= 0.982, json.dumps(scores.as_dict()["negated_class"])


@pytest.mark.parametrize(
    "text,span,experiencer",
    [
        ("Two unrelated children had craniofacial anomalies.", "craniofacial anomalies", "patient"),
        ("Two siblings had ataxia.", "ataxia", "patient"),
        ("Her children have deafness.", "deafness", "other"),
        ("His siblings had seizures.", "seizures", "other"),
        ("A boy born to consanguineous parents presented with seizures.", "seizures", "patient"),
        ("The daughter of healthy parents had microcephaly.", "microcephaly", "patient"),
        ("Parents reported that the child had frequent seizures.", "seizures", "patient"),
        ("The proband's mother had short stature.", "short stature", "other"),
        ("Affected family members had ataxia.", "ataxia", "patient"),
        ("His unaffected mother had diabetes.", "diabetes", "other"),
        ("Hearing loss was present in both parents.", "Hearing loss", "other"),
        ("In other people it may point to thyroid disease.", "thyroid disease", "other"),
    ],
)
def test_relatives_are_other_people_only_when_they_have_the_finding(
    tagger, text, span, experiencer
):
    assert _m(tagger, text, span).experiencer == experiencer


def test_screened_for_is_uncertain(tagger):
    assert _m(tagger, "Patients should be screened for hearing loss.", "hearing loss").uncertain


@pytest.mark.parametrize(
    "text,negated,affirmed",
    [
        ("ROS: (+) fatigue, (+) myalgias; (-) fever, (-) rash.", ["fever", "rash"], ["fatigue"]),
        ("ROS: fever (-), cough (+), rash (-).", ["fever", "rash"], ["cough"]),
        ("(-) fever, (-) chills, (+) cough.", ["fever", "chills"], ["cough"]),
    ],
)
def test_review_of_systems_signs_negate_and_affirm(tagger, text, negated, affirmed):
    for span in negated:
        assert _m(tagger, text, span).negated, span
    for span in affirmed:
        assert not _m(tagger, text, span).negated, span


def test_a_bare_sign_between_two_findings_is_no_cue(tagger):
    # "fever (-) chills": does the sign close "fever" or open "chills"? Neither is read.
    text = "Fever (-) chills today."
    assert not _m(tagger, text, "chills").negated


def test_a_question_mark_after_a_semicolon_is_still_a_question(tagger):
    assert _m(tagger, "Chest pain; ?pneumonia.", "pneumonia").uncertain


@pytest.mark.parametrize(
    "text",
    [
        "Extremities without clubbing or cyanosis, trace edema at the ankles.",
        "No clubbing, cyanosis, 1+ pitting edema bilaterally.",
        "No clubbing, cyanosis, or 2+ edema.",
    ],
)
def test_a_graded_finding_in_a_denied_list_is_present(tagger, text):
    assert _m(tagger, text, "clubbing").negated
    assert not _m(tagger, text, "edema").negated


def test_no_trace_of_still_negates(tagger):
    assert _m(tagger, "No trace of blood in the stool.", "blood").negated


@pytest.mark.parametrize(
    "text,span",
    [
        ("Symptoms not consistent with cholecystitis.", "cholecystitis"),
        ("Findings are inconsistent with pneumonia.", "pneumonia"),
        ("The lesion is not suspicious for malignancy.", "malignancy"),
    ],
)
def test_findings_that_do_not_fit_deny_the_diagnosis(tagger, text, span):
    assert _m(tagger, text, span).negated


@pytest.mark.parametrize(
    "text,negated,affirmed",
    [
        ("Dyspnea, not due to heart failure.", "heart failure", "Dyspnea"),
        ("The anemia is not explained by iron deficiency.", "iron deficiency", "anemia"),
        ("Weakness was felt to be not caused by myopathy.", "myopathy", "Weakness"),
    ],
)
def test_a_denied_cause_is_negated_and_its_effect_stays(tagger, text, negated, affirmed):
    assert _m(tagger, text, negated).negated
    assert not _m(tagger, text, affirmed).negated


@pytest.mark.parametrize(
    "text,span",
    [
        ("CT showed no lesion concerning for hepatocellular carcinoma.", "carcinoma"),
        ("Nothing on exam to suggest meningitis.", "meningitis"),
        ("No findings suspicious for malignancy.", "malignancy"),
    ],
)
def test_a_denied_finding_denies_what_it_would_suggest(tagger, text, span):
    assert _m(tagger, text, span).negated


@pytest.mark.parametrize(
    "text,span",
    [
        ("No hydronephrosis on the left, mild hydronephrosis on the right.", "hydronephrosis"),
        ("No pregnancy identified, small amount of free fluid in the pelvis.", "free fluid"),
        ("Denies fever, mild cough.", "cough"),
    ],
)
def test_a_small_item_or_a_closed_phrase_ends_a_denied_list(tagger, text, span):
    nth = 1 if text.count(span) > 1 else 0
    assert not _m(tagger, text, span, nth).negated


def test_a_list_closed_by_its_participle_stays_denied(tagger):
    assert _m(tagger, "No murmurs, rubs, or gallops appreciated.", "gallops").negated
    assert _m(tagger, "No fever, severe headache or neck stiffness.", "headache").negated


def test_when_opens_a_new_clause(tagger):
    text = "Testing was negative, particularly when early puberty emerges."
    assert not _m(tagger, text, "early puberty").negated
    assert _m(tagger, "Denies chest pain when climbing stairs.", "chest pain").negated


def test_neither_with_a_verb_is_a_negated_subject(tagger):
    text = "Both are followed, and neither has developed a Wilms tumour."
    assert _m(tagger, text, "Wilms tumour").negated


def test_not_yet_excluded_is_possible_not_denied(tagger):
    m = _m(tagger, "Endocarditis not yet excluded.", "Endocarditis")
    assert not m.negated
    assert m.uncertain


@pytest.mark.parametrize(
    "text,span",
    [
        ("No family member had hearing loss or vocal cord paresis.", "vocal cord paresis"),
        ("Neither child had liver fibrosis or extra digits.", "extra digits"),
        ("Blistering was never observed.", "Blistering"),
        ("Intellectual disability was not diagnosed in any child.", "Intellectual disability"),
    ],
)
def test_negated_relatives_and_never_observed(tagger, text, span):
    assert _m(tagger, text, span).negated


def test_a_new_subject_ends_a_negated_subject(tagger):
    text = "None had cardiomyopathy, and only one showed a restrictive ventilatory defect."
    assert _m(tagger, text, "cardiomyopathy").negated
    assert not _m(tagger, text, "restrictive ventilatory defect").negated


@pytest.mark.parametrize(
    "text,span",
    [
        ("Holter showed runs of non-sustained ventricular tachycardia.", "ventricular tachycardia"),
        ("He had a non-productive cough.", "cough"),
    ],
)
def test_non_glued_to_the_next_word_negates_nothing_after_it(tagger, text, span):
    assert not _m(tagger, text, span).negated


@pytest.mark.parametrize(
    "text,negated,affirmed",
    [
        (
            "Started on antibiotics for pneumonia, and her fever resolved within 48 hours.",
            "fever",
            "pneumonia",
        ),
        (
            "A stress test showed no inducible ischemia, so his chest pain was felt to be "
            "musculoskeletal.",
            "ischemia",
            "chest pain",
        ),
        (
            "MRI shows no parametrial invasion by the known cervical carcinoma.",
            "invasion",
            "cervical carcinoma",
        ),
        (
            "He has no uremic symptoms, and his anemia has not responded to iron.",
            "uremic symptoms",
            "anemia",
        ),
        ("No erythema, and range of motion is limited by pain.", "erythema", "pain"),
    ],
)
def test_a_new_clause_or_subject_ends_the_negation(tagger, text, negated, affirmed):
    assert _m(tagger, text, negated).negated
    assert not _m(tagger, text, affirmed).negated


def test_none_of_which_denies_what_follows_not_what_precedes(tagger):
    text = "Lesions consistent with multiple sclerosis, none of which enhance."
    assert not _m(tagger, text, "multiple sclerosis").negated


def test_felt_to_be_ruled_out_negates(tagger):
    assert _m(tagger, "Endocarditis was felt to be ruled out.", "Endocarditis").negated


def test_none_before_a_verb_is_the_subject_not_a_backward_negation(tagger):
    text = "Among patients with CHH, none carried an ANOS1 variant."
    assert not _m(tagger, text, "CHH").negated
    assert _m(tagger, "None presented with ketoacidosis.", "ketoacidosis").negated


def test_no_affected_member_is_a_negated_subject(tagger):
    text = "No affected member had mental retardation."
    assert _m(tagger, text, "mental retardation").negated


def test_the_many_mention_tests_answer_as_the_plain_loops():
    """Sentences of many mentions use sorted ranges and running counts; same answers."""
    import random

    from text_processing.context import Cue, _few_mention_tests, _mention_tests

    rng = random.Random(29)
    for _ in range(300):
        covered = []
        for _ in range(rng.randint(1, 30)):
            a = rng.randint(0, 60)
            covered.append((a, a + rng.randint(1, 5)))
        plain_inside, plain_words = _few_mention_tests(covered)
        fast_inside, fast_words = _mention_tests(covered)
        for _ in range(40):
            first = rng.randint(0, 70)
            cue = Cue(first, first + rng.randint(0, 3), None)
            assert fast_inside(cue) == plain_inside(cue), (covered, cue)
            a = rng.randint(0, 70)
            b = a + rng.randint(0, 20)
            assert fast_words(a, b) == plain_words(a, b), (covered, a, b)


def test_no_with_a_qualified_person_noun_is_a_negated_subject(tagger):
    text = "No normosmic patient had renal agenesis or mirror movements."
    assert _m(tagger, text, "renal agenesis").negated
    assert _m(tagger, text, "mirror movements").negated


def test_absent_before_a_noun_does_not_deny_the_list_after_its_comma(tagger):
    text = "Examination showed absent canalicular staining, short stature and ptosis."
    assert not _m(tagger, text, "short stature").negated
    assert not _m(tagger, text, "ptosis").negated
    # within its own phrase it still denies: "absent pedal pulses and edema"
    assert _m(tagger, "Absent pedal pulses and edema.", "edema").negated


@pytest.mark.parametrize("trigger", ["Denies", "Negative", "Absent"])
def test_a_colon_after_a_trigger_opens_its_list(tagger, trigger):
    text = f"{trigger}: fever, chills, rash."
    assert all(_m(tagger, text, w).negated for w in ("fever", "chills", "rash"))


def test_a_colon_after_other_words_still_ends_a_denial(tagger):
    text = "No fever at discharge, diagnosis: pneumonia."
    assert _m(tagger, text, "fever").negated
    assert not _m(tagger, text, "pneumonia").negated


def test_a_trigger_opening_the_next_sentence_does_not_reach_back(tagger):
    text = "He had seizures. Possible pneumonia."
    seizures = _m(tagger, text, "seizures")
    assert not seizures.uncertain and not seizures.negated
    assert _m(tagger, text, "pneumonia").uncertain


@pytest.mark.parametrize(
    "text,finding",
    [
        ("No girl had liver disease.", "liver disease"),
        ("Neither father nor son had lens dislocation.", "lens dislocation"),
        ("Neither the mother nor the aunt showed cognitive impairment.", "cognitive impairment"),
    ],
)
def test_a_denied_person_is_a_negated_subject(tagger, text, finding):
    assert _m(tagger, text, finding).negated


def test_with_or_without_denies_nothing(tagger):
    assert not _m(tagger, "A movement disorder, with or without epilepsy.", "epilepsy").negated


def test_none_as_a_subject_does_not_deny_backward(tagger):
    text = "All had hypotonia in infancy, and none sat before 2 years of age."
    assert not _m(tagger, text, "hypotonia").negated
    assert _m(tagger, "Fever: none.", "Fever").negated
    assert _m(tagger, "Seizures none.", "Seizures").negated


def test_a_backward_negation_with_a_subject_of_its_own_after_a_comma_stops_there(tagger):
    text = "Biopsy showed portal fibrosis, and BSEP staining was absent."
    assert not _m(tagger, text, "portal fibrosis").negated
    # a list before the negation stays in its scope
    text = "Headache, photophobia and neck stiffness were absent."
    assert _m(tagger, text, "Headache").negated
    assert _m(tagger, "Fever, night sweats not present.", "Fever").negated


def test_a_closing_participle_before_and_ends_a_denial(tagger):
    text = "Fevers for which no infectious source was found, and loss of speech followed."
    assert not _m(tagger, text, "loss of speech").negated


def test_a_negated_subject_reaches_past_a_relative_phrase(tagger):
    text = "None of the 31 patients carrying E148Q as their only variant developed arthritis."
    assert _m(tagger, text, "arthritis").negated


def test_absent_before_a_noun_denies_nothing_before_it(tagger):
    text = "The biopsy showed cleavage of the lamina lucida and absent staining for integrin."
    assert not _m(tagger, text, "cleavage of the lamina lucida").negated
    assert _m(tagger, "Fever absent in all patients.", "Fever").negated


def test_absent_closing_its_clause_denies_nothing_after_it(tagger):
    text = "Edema absent, rash present."
    assert _m(tagger, text, "Edema").negated
    assert not _m(tagger, text, "rash").negated


@pytest.mark.parametrize(
    "text,denied,affirmed",
    [
        ("Fatigue: yes. Fevers: no.", "Fevers", "Fatigue"),
        ("Headache - denies. Nausea - yes.", "Headache", "Nausea"),
        ("Seizures: no, but ataxia: yes.", "Seizures", "ataxia"),
    ],
)
def test_a_form_field_answered_no_is_denied(tagger, text, denied, affirmed):
    assert _m(tagger, text, denied).negated
    assert not _m(tagger, text, affirmed).negated


@pytest.mark.parametrize(
    "text,finding",
    [
        ("Resting comfortably, no c/o pain.", "pain"),
        ("No reports of vomiting since yesterday, diarrhea ongoing.", "vomiting"),
    ],
)
def test_no_complaint_or_report_of_a_finding_denies_it(tagger, text, finding):
    assert _m(tagger, text, finding).negated


@pytest.mark.parametrize(
    "text,finding",
    [
        ("No participant had vasculitis during follow-up.", "vasculitis"),
        ("No other child had a tumour on ultrasound.", "tumour"),
        ("No further patients had seizures.", "seizures"),
    ],
)
def test_more_denied_subjects(tagger, text, finding):
    assert _m(tagger, text, finding).negated


def test_a_relative_clause_on_a_denied_subject_restricts_it(tagger):
    text = "None of the 14 who underwent airway endoscopy had tracheomalacia."
    assert _m(tagger, text, "tracheomalacia").negated
    text = "None of the patients who had seizures developed ataxia."
    assert not _m(tagger, text, "seizures").negated  # who they were, not what they lacked
    assert _m(tagger, text, "ataxia").negated


def test_a_relative_pronoun_still_ends_a_plain_denial(tagger):
    text = "There was no fever in the boy who had seizures."
    assert _m(tagger, text, "fever").negated
    assert not _m(tagger, text, "seizures").negated


def test_free_of_denies_what_follows_not_what_precedes(tagger):
    text = "Recurrent skin abscesses that were strikingly free of warmth and redness."
    assert not _m(tagger, text, "skin abscesses").negated
    assert _m(tagger, "She was free of seizures.", "seizures").negated
    assert _m(tagger, "He remained seizure free.", "seizure").negated


@pytest.mark.parametrize(
    "text,finding",
    [
        # a person after a hyphenated word, or a sex, is a denied subject
        ("Whereas no mutation-positive patient had HCM.", "HCM"),
        ("No affected female had polydactyly.", "polydactyly"),
        # "either" names the groups, not a doubt
        (
            "No patient in either group developed spinal cord compression.",
            "spinal cord compression",
        ),
        # denied after the finding: excluded earlier, not inducible
        ("Hirschsprung disease had been excluded by rectal biopsy.", "Hirschsprung disease"),
        ("Ventricular tachycardia could not be induced by stimulation.", "Ventricular tachycardia"),
        # "reported" after "no" is part of the denial, not an affirmation
        ("No reported seizures, rash or fever.", "fever"),
    ],
)
def test_denials_of_older_abstracts(tagger, text, finding):
    assert _m(tagger, text, finding).negated


@pytest.mark.parametrize(
    "text,finding",
    [
        # the negation denied a clause of its own, ended by the comma
        (
            "If the disease is not treated, affected children develop seizures and eczema.",
            "seizures",
        ),
        (
            "Although no single sign is specific, the combination of slow saccades suggests SCA2.",
            "slow saccades",
        ),
        ("A beaded vitreous rather than the membranous pattern, SNHL was more marked.", "SNHL"),
        # a range from none, a new subject, a contrast
        ("Expression ranges from none at all to exertional dyspnoea and syncope.", "syncope"),
        ("None had macrocephaly and several had minor skeletal anomalies.", "skeletal anomalies"),
        (
            "No patient developed renal failure, in contrast to methylmalonic acidaemia.",
            "methylmalonic acidaemia",
        ),
        # after the first comma, "and" with a subject and a verb of its own: a new clause
        (
            "No affected individual had a marfanoid habitus, and hypertension was present in one.",
            "hypertension",
        ),
        (
            "It was seen in none of the controls, and two males had a prolonged QT interval.",
            "prolonged QT interval",
        ),
        # "disclosed" affirms like "revealed"; "once" opens a clause
        (
            "Although he never complained about his sight, examination disclosed optic atrophy.",
            "optic atrophy",
        ),
        ("Transplantation did not halt progression once spasticity was present.", "spasticity"),
        # "-free" glued to a word denies that word only
        ("From infantile dehydration to symptom-free hypokalaemia.", "dehydration"),
    ],
)
def test_what_a_negation_of_another_clause_leaves_affirmed(tagger, text, finding):
    assert not _m(tagger, text, finding).negated


def test_a_denied_list_still_runs_over_its_commas(tagger):
    text = "He denies fever, chills, or night sweats."
    assert _m(tagger, text, "night sweats").negated
    text = "She has not had fever, chills or rash."
    assert _m(tagger, text, "rash").negated
    text = "No fever, cough, and rash were reported."  # a list's predicate after its commas
    assert _m(tagger, text, "rash").negated
    assert _m(tagger, "He remained seizure-free.", "seizure").negated


def test_not_differing_in_frequency_denies_nothing(tagger):
    text = "Patients did not differ in the frequency of congenital heart defects or cysts."
    assert not _m(tagger, text, "congenital heart defects").negated
