import time

from evidence.config import TaggingSettings
from text_processing.normalize import fold
from text_processing.tagger import load_tagger


def test_hpo_name_is_found_with_offsets(tagger):
    text = "She had severe hip pain."
    [m] = tagger.tag(text)
    assert (m.hpo_id, m.label, text[m.start : m.end]) == ("HP:0030838", "Hip pain", "hip pain")


def test_case_and_plural_are_folded(tag):
    assert tag("SEIZURES were frequent.") == [("SEIZURES", "HP:0001250")]
    [(_, singular)] = tag("Hypoplastic nail.")
    [(_, plural)] = tag("Hypoplastic nails.")
    assert singular == plural != ""


def test_british_spelling_matches_american_term(tag):
    assert tag("Anaemia and oedema.") == [("Anaemia", "HP:0001903"), ("oedema", "HP:0000969")]
    assert fold("Haemorrhage") == "hemorrhage"
    assert fold("tumour") == "tumor"


def test_unicode_accents_are_folded():
    assert fold("Café") == "cafe"


def test_hyphens_and_slashes_are_word_breaks(tag):
    assert tag("He is wheelchair-bound.") == [("wheelchair-bound", "HP:0002505")]
    assert tag("He is wheelchair bound.") == [("wheelchair bound", "HP:0002505")]


def test_prefix_hyphen_joins(tag):
    [(span, hpo_id)] = tag("pre-auricular pits")
    assert (span, [hpo_id]) == ("pre-auricular pits", [h for _, h in tag("preauricular pits")])


def test_word_order_and_small_gaps(tag):
    assert tag("pain in the hip") == [("pain in the hip", "HP:0030838")]
    assert tag("weakness of the thighs") == [("weakness of the thighs", "HP:0007340")]


def test_reversed_of_phrase(tag):
    # "Abnormality of the eye" also reads "eye abnormality"; "ocular" is folded to "eye".
    assert tag("ocular abnormalities") == [("ocular abnormalities", "HP:0000478")]


def test_no_match_across_a_comma(tag):
    assert ("clefts, lip", "HP:0410030") not in tag("branchial clefts, lip pits")


def test_longest_match_wins(tag):
    assert tag("proximal muscle weakness") == [("proximal muscle weakness", "HP:0003701")]


def test_nested_reports_inner_concepts(tag):
    found = tag("aplastic or hypoplastic nails", nested=True)
    assert ("hypoplastic nails", "HP:0001792") in found
    assert ("aplastic or hypoplastic nails", "HP:0001798") in found


def test_coordinated_modifiers_share_the_head(tag):
    assert ("palmar and plantar pits", "HP:0010610") in tag("palmar and plantar pits")


def test_nested_skips_single_head_word(tag):
    assert tag("basal cell carcinoma", nested=True) == [("basal cell carcinoma", "HP:0002671")]


def test_generic_word_dropped_when_specific_term_in_sentence(tag):
    found = tag("Pain began in the hip: hip pain worsened.")
    assert ("hip pain", "HP:0030838") in found
    assert all(hpo != "HP:0012531" for _, hpo in found)


def test_generic_word_kept_on_its_own(tag):
    assert tag("The pain was constant.") == [("pain", "HP:0012531")]


def test_lay_phrasings_from_curated_file(tag):
    assert tag("I can't climb stairs.") == [("can't climb stairs", "HP:0003551")]
    assert tag("a weight loss of 12 kg") == [("weight loss of 12 kg", "HP:0001824")]


def test_short_abbreviation_synonym_needs_upper_case(tag):
    assert tag("an asd was repaired") == []


def test_blocked_everyday_word_is_not_a_symptom(tag):
    assert tag("She enjoys collecting stamps.") == []


def test_search_type_ahead(tagger):
    hits = tagger.search("hip pa", 5)
    assert hits and hits[0].hpo_id == "HP:0030838"
    assert len(tagger.search("pain", 3)) == 3


def test_label_and_ids(tagger):
    assert tagger.label("HP:0001824") == "Weight loss"
    assert tagger.label("HP:9999999") == ""
    assert "HP:0001824" in tagger.hpo_ids()


def test_vocabulary_loads_from_cache_fast(tagger, cache_dir):
    from text_processing import tagger as tagger_module

    tagger_module._TAGGERS.clear()
    t0 = time.perf_counter()
    load_tagger(TaggingSettings(cache_dir=cache_dir))
    assert time.perf_counter() - t0 < 3.0
