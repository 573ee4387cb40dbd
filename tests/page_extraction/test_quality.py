"""The 4-gram scorer, and ours against trafilatura.extract() alone on hand-marked pages."""

from pathlib import Path

import pytest

from page_extraction.quality import evaluate, gold_pages, mean_f1, score

PAGES = Path(__file__).parent / "pages"
results = evaluate(PAGES)


def test_identical_texts_score_one():
    assert (
        score("fever and cough in the winter months", "fever and cough in the winter months").f1
        == 1.0
    )


def test_layout_and_punctuation_do_not_count():
    assert score("- Fever, and cough\nin the winter", "fever and cough in the winter").f1 == 1.0


def test_extra_boilerplate_lowers_precision_only():
    result = score(
        "fever and cough in the winter months. accept all cookies to continue",
        "fever and cough in the winter months",
    )
    assert result.recall == 1.0
    assert result.precision == pytest.approx(4 / 9)  # 12 words: 9 grams, 4 of them in the gold


def test_missing_text_lowers_recall_only():
    result = score("fever and cough in the", "fever and cough in the winter months")
    assert result.precision == 1.0
    assert result.recall == pytest.approx(2 / 4)


def test_empty_against_text_scores_zero():
    assert score("", "fever and cough in the winter").f1 == 0.0
    assert score("", "").f1 == 1.0


def test_there_are_enough_hand_marked_pages():
    assert len(gold_pages(PAGES)) >= 10


def test_ours_scores_at_least_trafilatura_alone_on_average():
    ours, baseline = mean_f1(results["ours"].values()), mean_f1(results["trafilatura"].values())
    assert ours >= baseline
    assert ours >= 0.95


@pytest.mark.parametrize("name", sorted(p.name for p, _ in gold_pages(PAGES)))
def test_no_page_is_worse_than_trafilatura_alone(name):
    ours, baseline = results["ours"][name], results["trafilatura"][name]
    assert ours.f1 >= baseline.f1 - 1e-9
    # we only ever remove text trafilatura keeps when it is not body text
    assert ours.recall >= baseline.recall - 1e-9
