from evidence.records import Mention
from text_processing.evaluation import GoldAnnotation, GoldDoc, evaluate


def _m(s, e, h, neg=False):
    return Mention(s, e, "", h, "", negated=neg)


def test_scores_exact_overlap_document_and_negation():
    doc = GoldDoc(
        "d",
        "no hip pain and fever",
        [GoldAnnotation(3, 11, "HP:0030838", True), GoldAnnotation(16, 21, "HP:0001945", False)],
    )
    pred = [_m(7, 11, "HP:0030838"), _m(16, 21, "HP:0001945"), _m(0, 2, "HP:0000001")]
    scores = evaluate(
        [doc], lambda t: pred, lambda t, spans: [_m(s, e, "", neg=True) for s, e in spans]
    )
    assert (scores.mention_exact.tp, scores.mention_exact.n_pred) == (1, 3)
    assert scores.mention_overlap.recall == 1.0
    assert scores.document.precision == round(2 / 3, 4)
    assert scores.negation_accuracy == 0.5
    assert scores.negated_class.precision == 0.5 and scores.negated_class.recall == 1.0


def test_old_gold_ids_are_scored_as_their_current_id():
    doc = GoldDoc("d", "strabismus", [GoldAnnotation(0, 10, "HP:0000487")])  # obsolete id
    pred = [_m(0, 10, "HP:0000486")]
    current = {"HP:0000487": "HP:0000486"}.get
    assert evaluate([doc], lambda t: pred, lambda t, s: []).mention_exact.tp == 0
    scores = evaluate([doc], lambda t: pred, lambda t, s: [], lambda h: current(h, h))
    assert scores.mention_exact.f1 == 1.0 and scores.document.f1 == 1.0
