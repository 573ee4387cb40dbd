"""ConText-style context rules: negated, uncertain, hypothetical, historical, other experiencer.

A trigger phrase opens a scope forward (to the right) or backward (to the left). The scope
stops at a termination word ("but", "however", "which" ...) or when too many words that are not
themselves symptom mentions lie between trigger and mention: lists of symptoms ("no fever,
chills, rash or weight loss") stay in scope however long they are, while prose drifts out of it.
Pseudo-triggers ("no change in", "cannot be ruled out") contain a trigger but are not one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FORWARD, BACKWARD = "forward", "backward"
NEGATED, UNCERTAIN, HYPOTHETICAL, HISTORICAL, OTHER = (
    "negated",
    "uncertain",
    "hypothetical",
    "historical",
    "other",
)

# (category, direction, max words in scope that are not mentions, phrases)
_RULES: list[tuple[str, str, int, str]] = [
    (
        NEGATED,
        FORWARD,
        6,
        """no|not|non|without|w/o|denies|denied|deny|denying|absence of|absent|negative for|
        free of|free from|ruled out|rules out|rule out for|no evidence of|no signs? of|
        no history of|never|neither|nor|lack of|lacks|lacked|lacking|fails? to reveal|
        failed to (?:reveal|show|demonstrate)|no new|no further|no complaints? of|unremarkable for|
        resolution of|resolved|n't|none|nil|excludes?|excluded|exclusion of|
        did not (?:have|show|develop|exhibit|reveal|experience)|no longer|free""",
    ),
    (
        NEGATED,
        BACKWARD,
        3,
        """absent|(?:was|were|is|are|been|be) absent|not (?:seen|observed|present|found|detected|
        noted|identified|evident|appreciated|reported|demonstrated|visualized|shown)|
        (?:was|were|is|are|has been|have been) negative|negative|(?:was|were|is|are|has been|
        have been|being) ruled out|ruled out|(?:was|were|is|are|been) excluded|excluded|
        (?:was|were|is|are) not|free|resolved|has resolved|had resolved|disappeared|
        (?:was|were|is|are) (?:not|never) (?:a feature|present|seen|observed)|unlikely""",
    ),
    (
        UNCERTAIN,
        FORWARD,
        5,
        """possible|possibly|probable|probably|likely|may|might|could|suspected|suspect|
        suspicious for|suspicion of|suspicion for|questionable|question of|\\?|rule out|r/o|
        to rule out|evaluate for|evaluation for|concern for|concerning for|consider|considered|
        differential|differential diagnosis|vs\\.?|versus|cannot rule out|cannot exclude|
        can not exclude|suggestive of|suggests|suggesting|compatible with|presumed|presumably|
        perhaps|uncertain|unclear if|unclear whether|either""",
    ),
    (
        UNCERTAIN,
        BACKWARD,
        3,
        """(?:is|was|were|are|seems|seemed) (?:possible|likely|suspected|questionable|uncertain)|
        cannot be (?:ruled out|excluded)|can not be (?:ruled out|excluded)|could not be
        (?:ruled out|excluded)|not (?:been )?(?:ruled out|excluded)|\\?|suspected|possible|
        is not excluded""",
    ),
    (
        HYPOTHETICAL,
        FORWARD,
        6,
        """if|in case of|in the event of|should (?:she|he|they|the patient|you) (?:develop|have|
        experience)|return if|return for|come back if|call if|as needed|risk of|at risk for|
        at risk of|to prevent|prevention of|prevent|watch for|monitor for|look out for|
        may develop|could develop|can cause|can lead to|whether""",
    ),
    (
        HISTORICAL,
        FORWARD,
        6,
        """history of|h/o|past history of|past medical history of|previous|previously|prior|
        prior history of|formerly|former|remote history of|status post|s/p""",
    ),
    (
        HISTORICAL,
        BACKWARD,
        3,
        """in the past|years ago|months ago|in childhood|as a child|previously|
        (?:which|that) resolved""",
    ),
    (
        OTHER,
        FORWARD,
        8,
        """family history of|family history|fh of|mother|father|sister|brother|siblings?|
        parents?|aunt|uncle|cousins?|grandmother|grandfather|grandparents?|relatives?|son|
        daughter|husband|wife|spouse|partner|family members?|twin brother|twin sister|
        mother's|father's|his mother|her mother""",
    ),
    (
        OTHER,
        BACKWARD,
        4,
        """in (?:his|her|their|the)? ?(?:mother|father|sister|brother|siblings?|parents?|
        relatives?|family|family members?|aunt|uncle|cousins?|grandmother|grandfather)|
        runs in the family|in the family""",
    ),
]

# Phrases that contain a trigger but negate nothing; their span cancels triggers inside it.
_PSEUDO = """no increase|no change|no significant change|no significant difference|
not significantly different|no difference|not only|not necessarily|not certain if|not certain
whether|not clear|not clearly|gram negative|without difficulty|not cause|not drain|not ruled
out|not been ruled out|not be ruled out|cannot be ruled out|can not be ruled out|could not be
ruled out|cannot rule out|cannot exclude|can not exclude|could not exclude|cannot be excluded|
not excluded|no further treatment|no other|no known cause|not always|not all|not yet known|
not well understood|not fully understood|not known|free text|history and physical|social history|
family history negative|whether or not|not to be confused|no longer than|no more than|
not more than|not less than|no less than|nothing but|not just|not unusual|not uncommon|not rare|
not infrequent|not unlike"""

# Scope ends here: a new clause about something else.
_TERMINATIONS = """but|however|nevertheless|yet|though|although|still|aside from|except|apart
from|other than|which|who|whose|whom|whereas|while|because|since|as the cause of|cause of|
causes of|source of|etiology of|reason for|origin of|secondary to|presenting with|presented with|
presents with|complains of|complained of|complaining of|reports|reported|reporting|revealed|
showed|shows|demonstrated|developed|there is|there was|there are|there were|now|currently|
then|later|subsequently|after|until|[;:]|\\.|\\bas well as\\b"""


def _split_top(phrases: str) -> list[str]:
    """Split on '|' outside parentheses, so phrases may hold their own (?:a|b) groups."""
    parts, depth, cur = [], 0, []
    for ch in phrases.replace("\n", " "):
        if ch == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
            continue
        depth += ch == "("
        depth -= ch == ")"
        cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts]


def _alternation(phrases: str) -> str:
    parts = _split_top(phrases)
    parts = [re.sub(r"\s+", " ", p).replace(" ", r"\s+") for p in parts if p]
    parts.sort(key=len, reverse=True)
    return "|".join(parts)


def _compile(phrases: str) -> re.Pattern[str]:
    # A phrase is bounded by non-word characters, except the "n't" and "?" forms.
    return re.compile(r"(?<![\w-])(?:" + _alternation(phrases) + r")(?![\w-])|n't\b", re.I)


def _compile_plain(phrases: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + _alternation(phrases) + r")(?![\w-])", re.I)


_RULE_PATTERNS = [
    (cat, direction, window, _compile_plain(phrases) if "n't" not in phrases else _compile(phrases))
    for cat, direction, window, phrases in _RULES
]
_PSEUDO_RE = _compile_plain(_PSEUDO)
_TERMINATION_RE = re.compile(
    r"(?<![\w-])(?:" + _alternation(_TERMINATIONS) + r")(?![\w-])|[;:.]|\s[-–—]\s", re.I
)
_WORD_RE = re.compile(r"[^\W_]+")


@dataclass(slots=True)
class ContextFlags:
    negated: bool = False
    uncertain: bool = False
    hypothetical: bool = False
    historical: bool = False
    experiencer: str = "patient"


@dataclass(slots=True)
class _Trigger:
    start: int
    end: int
    category: str
    direction: str
    window: int


# Any trigger at all: one pass that lets most sentences skip the per-rule scans.
_ANY_TRIGGER = re.compile("|".join(p.pattern for _, _, _, p in _RULE_PATTERNS) + r"|n't\b", re.I)


def find_triggers(sentence: str) -> list[_Trigger]:
    """All triggers in the sentence not covered by a pseudo-trigger (longest trigger wins)."""
    if _ANY_TRIGGER.search(sentence) is None:
        return []
    pseudo = [(m.start(), m.end()) for m in _PSEUDO_RE.finditer(sentence)]
    found: list[_Trigger] = []
    for cat, direction, window, pattern in _RULE_PATTERNS:
        for m in pattern.finditer(sentence):
            s, e = m.start(), m.end()
            if s == e or (cat == NEGATED and any(ps <= s and e <= pe for ps, pe in pseudo)):
                continue
            found.append(_Trigger(s, e, cat, direction, window))
    return found


def _words_outside(sentence: str, a: int, b: int, covered: list[tuple[int, int]]) -> int:
    """Words in sentence[a:b] that are not inside any mention span."""
    count = 0
    for m in _WORD_RE.finditer(sentence, a, b):
        if not any(cs <= m.start() and m.end() <= ce for cs, ce in covered):
            count += 1
    return count


def _terminated(sentence: str, a: int, b: int, covered: list[tuple[int, int]]) -> bool:
    for m in _TERMINATION_RE.finditer(sentence, a, b):
        if m.group() == "." and _is_inner_dot(sentence, m.start()):
            continue
        if not any(cs <= m.start() and m.end() <= ce for cs, ce in covered):
            return True
    return False


def _is_inner_dot(sentence: str, i: int) -> bool:
    """A dot inside a number or abbreviation ("2.5", "e.g.") does not close a clause."""
    before = sentence[i - 1] if i > 0 else " "
    after = sentence[i + 1] if i + 1 < len(sentence) else " "
    return not after.isspace() or (before.isalpha() and i >= 2 and sentence[i - 2] == ".")


def apply_context(
    sentence: str, spans: list[tuple[int, int]], triggers: list[_Trigger] | None = None
) -> list[ContextFlags]:
    """Flags for each mention span (offsets into `sentence`)."""
    if triggers is None:
        triggers = find_triggers(sentence)
    covered = list(spans)
    # A trigger inside a mention ("Absent reflexes", "can't climb stairs") is part of the term.
    triggers = [t for t in triggers if not any(cs <= t.start and t.end <= ce for cs, ce in covered)]
    triggers = _drop_overlapped(triggers)
    out: list[ContextFlags] = []
    for s, e in spans:
        flags = ContextFlags()
        for t in triggers:
            if t.direction == FORWARD:
                if t.end > s:
                    continue
                gap_a, gap_b = t.end, s
            else:
                if t.start < e:
                    continue
                gap_a, gap_b = e, t.start
            if _words_outside(sentence, gap_a, gap_b, covered) > t.window:
                continue
            if _terminated(sentence, gap_a, gap_b, covered):
                continue
            _set(flags, t.category)
        out.append(flags)
    return out


def _drop_overlapped(triggers: list[_Trigger]) -> list[_Trigger]:
    """Where triggers overlap, the longest phrase speaks ("no history of" over "history of")."""
    triggers = sorted(triggers, key=lambda t: (-(t.end - t.start), t.start))
    kept: list[_Trigger] = []
    for t in triggers:
        if any(k.start < t.end and t.start < k.end and k.category != t.category for k in kept):
            continue
        kept.append(t)
    return kept


def _set(flags: ContextFlags, category: str) -> None:
    if category == NEGATED:
        flags.negated = True
    elif category == UNCERTAIN:
        flags.uncertain = True
    elif category == HYPOTHETICAL:
        flags.hypothetical = True
    elif category == HISTORICAL:
        flags.historical = True
    elif category == OTHER:
        flags.experiencer = "other"
