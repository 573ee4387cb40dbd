"""Harvested text is untrusted: no input shape may make the tagger take quadratic time.

Hang guards, not speed targets (those live in bench/): each text below once took from tens of
seconds to minutes (a run of adjectives re-read from every word, whitespace runs backtracked
over every split, every trigger weighed against every mention of a long list). A 20 s alarm
fails the test long before such a text would stall the suite.
"""

import signal

import pytest

_CASES = {
    "adjective run with and": "short and " * 10_000 + "thumbs",
    "adjective run": "short " * 10_000 + "broad thumbs",
    "comma list of adjectives": "short, " * 10_000 + "broad thumbs",
    "whitespace run after a measure": "height was" + " " * 50_000 + "x centile",
    "whitespace run after a lab name": "platelet count" + " " * 50_000 + "5",
    "nested brackets": "(" * 10_000 + "fever" + ")" * 10_000,
    "negation run": "no " * 20_000 + "fever",
    "enzyme words": "kinase " * 10_000,
    "locants": "glucose-6-" * 10_000,
    # scope checks once ran over every trigger and mention pair and the cues between them
    "negated list": "no fever, " * 5_000,
    "review-of-systems signs": "(-) fever, " * 5_000,
    "signs after the findings": "fever (-), " * 5_000,
    "one generic term listed": "2+ edema, " * 5_000,
    "side words in one clause": "hypoplasia of the " + "right " * 10_000 + "radius",
    "coordination chain": "delayed or " * 10_000 + "absent puberty",
    "comma before a term": "high, " * 10_000 + "narrow palate",
}


@pytest.mark.parametrize("name", sorted(_CASES))
def test_pathological_text_is_tagged_without_hanging(tagger, name):
    def _timeout(signum, frame):
        raise TimeoutError(name)

    old = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(20)
    try:
        tagger.tag(_CASES[name])
        tagger.tag(_CASES[name], nested=True)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
