"""ConText-style context rules: negated, uncertain, hypothetical, historical, other experiencer.

A trigger phrase opens a scope forward (to the right) or backward (to the left) inside its
sentence. The scope stops at a termination ("but", "however", "which", "presents with", ";" ...),
at a trigger that ends it (an uncertainty cue ends a negation: "no fever, likely viral"), or when
too many words that are not themselves symptom mentions lie between trigger and mention: lists
("denies fever, chills, night sweats or weight loss") stay in scope however long, prose drifts
out of it. Pseudo-triggers ("no change in", "gram negative", "not only") hold a trigger word but
negate nothing; they occupy their words so the trigger inside them is never seen.

Speed: triggers are found over words, not by regular expressions tried at every character.
Lower-cased words come from one `re.split` per text; a word that can start a phrase is found by
one set lookup (in C over the whole text), and only those positions walk a table of phrase
prefixes (leftmost-longest, like the term matcher). Everything is computed once per text and
only for sentences that hold a mention.

Rules were written from NegEx / ConText / negspaCy trigger lists (references, not copies) and
tuned on `gold/negation_clinical.jsonl` (dev part only; see docs/quality.md).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, compress, islice, repeat
from operator import contains, not_

try:  # the phrase loop compiled (setup.py); same output, see _scan.c
    from text_processing import _scan
except ImportError:  # no C compiler at install time: the Python loop
    _scan = None

FORWARD, BACKWARD, BOTH = "forward", "backward", "both"
INNER = "inner"  # reaches only a mention inside the phrase: "no [change in bowel habits]"
NEGATED, UNCERTAIN, HYPOTHETICAL, HISTORICAL, OTHER = (
    "negated",
    "uncertain",
    "hypothetical",
    "historical",
    "other",
)
# "No patient developed jaundice", "none of the patients had seizures": the negation sits on the
# subject, so the verb after it ("had", "developed") does not end the scope the way it ends
# "denies fever, has cough". A "with" between subject and mention restricts the subject
# instead ("no patient with [OH] fell": OH affirmed). Sets the negated flag like NEGATED.
NEGATED_SUBJECT = "negated_subject"
PSEUDO, TERMINATE, TERMINATE_NEG = "pseudo", "terminate", "terminate_negation"

# Largest number of words that are not mentions between a trigger and a mention it reaches.
WINDOWS = {
    (NEGATED, FORWARD): 8,
    (NEGATED, BACKWARD): 4,
    (NEGATED_SUBJECT, FORWARD): 12,
    (UNCERTAIN, FORWARD): 6,
    (UNCERTAIN, BACKWARD): 3,
    (HYPOTHETICAL, FORWARD): 6,
    (HYPOTHETICAL, BACKWARD): 3,
    (HISTORICAL, FORWARD): 6,
    (HISTORICAL, BACKWARD): 3,
    (OTHER, FORWARD): 8,
    (OTHER, BACKWARD): 4,
}

# (category, direction, phrases). "a|b" alternatives; "{x}" = optional words are not supported,
# write the variants out. Inner "/" and "'" are required separators ("r/o", "didn't").
_RULES: list[tuple[str, str, str]] = [
    (
        NEGATED,
        FORWARD,
        """no|not|non|without|w/o|denies|denied|deny|denying|declines|declined|absence of|
        absent|negative for|neg for|free of|free from|ruled out|rules out|ruled out for|
        rules out for|ruled him out for|ruled her out for|no evidence of|no evidence for|
        no evidence|no signs of|no sign of|no symptoms of|no history of|no hx of|no h/o|
        never|never had|neither|nor|lack of|lacks|lacked|lacking|fails to reveal|fails to show|
        fails to demonstrate|fail to show|fail to reveal|failed to reveal|failed to show|
        failed to demonstrate|no new|no further|no more|
        no complaints of|no complaint of|not complain of|no c/o|no reports of|no report of|
        unremarkable for|resolution of|
        did not have|does not have|did not show|does not show|did not develop|never developed|
        did not exhibit|did not reveal|did not experience|no longer|no longer has|
        no longer had|no longer any|none|nil|excludes|excluded|exclusion of|no findings of|
        no finding of|no findings to suggest|no findings to indicate|no suggestion of|
        no indication of|no suspicious|no significant|no definite|no obvious|no acute|
        no apparent|no abnormal|no residual|no recurrent|no recurrence of|no episodes of|
        no episode of|no further episodes of|no other|no associated|no known|no focal|
        no gross|no frank|no overt|no active|no current|no ongoing|no clinical|
        no clinical signs of|no clinical evidence of|no radiographic evidence of|
        no ct evidence of|no mri evidence of|no sonographic evidence of|no definite evidence of|
        without evidence of|without any evidence of|without signs of|without sign of|
        without any|without significant|without further|without any further|
        test negative for|tested negative for|negative|not seen|nothing to suggest|
        rather than|instead of|has not had|have not had|had not had|has never had|
        not demonstrate|not exhibit|not had|not have|not reveal|not see|not appreciate|
        cannot see|can't|cannot|can not|didn't|doesn't|don't|isn't|wasn't|weren't|aren't|
        hasn't|haven't|hadn't|won't|wouldn't|couldn't|never had any|resolved|
        no longer complains of|denies any|denied any|denies having|denied having|
        with no|with no evidence of|with no signs of|was ruled out for|were ruled out for|
        is ruled out for|was negative for|were negative for|is negative for|are negative for|
        is negative for any|not yet|has not yet|have not yet|not associated with|
        not accompanied by|unaccompanied by|has not developed|have not developed|
        had not developed|has not yet developed|have not yet developed|had not yet developed|
        not yet developed|has never developed|had never developed|no reported|no documented""",
    ),
    (
        NEGATED,
        BACKWARD,
        """absent|is absent|was absent|were absent|are absent|been absent|not seen|not observed|
        not present|not found|not detected|not noted|not identified|not evident|
        not appreciated|not reported|not demonstrated|not visualized|not shown|
        not elicited|not elicitable|not apparent|not visible|not palpable|not felt|
        not heard|not auscultated|not palpated|not found on exam|not recurred|not recur|
        not returned|not reoccurred|not reappeared|not been seen|not been noted|
        not been observed|not been present|not been reported|not been detected|
        not been found|not been identified|not been appreciated|
        is negative|was negative|were negative|are negative|has been negative|
        have been negative|negative|was ruled out|were ruled out|is ruled out|are ruled out|
        has been ruled out|have been ruled out|ruled out|was excluded|were excluded|
        is excluded|are excluded|has been excluded|have been excluded|excluded|
        is unlikely|was unlikely|are unlikely|were unlikely|unlikely|very unlikely|
        resolved|has resolved|had resolved|have resolved|cleared|has cleared|had cleared|
        have cleared|
        has since resolved|have since resolved|since resolved|had since resolved|
        has been resolved|was resolved|were resolved|disappeared|has disappeared|
        have disappeared|had disappeared|subsided|has subsided|had subsided|
        gone|has gone|went away|has gone away|stopped|has stopped|have stopped|had stopped|
        ceased|has ceased|not a feature|was not a feature|
        none|denied|is denied|was denied|were denied|free|
        were not seen|was not seen|is not seen|are not seen|was not present|
        were not present|is not present|are not present|no longer present|
        no longer seen|no longer evident|nil|none seen|none noted|
        not an issue|not a problem|not a concern|did not develop|does not develop|
        has not developed|have not developed|had not developed|never developed|
        has not yet developed|have not yet developed|had not yet developed|not yet developed|
        did not occur|has not occurred|never occurred|never observed|was never observed|
        were never observed|never seen|was never seen|were never seen|never noted|
        was never noted|never reported|was never reported|never detected|never found|
        not diagnosed|was not diagnosed|were not diagnosed|has not been diagnosed|
        had not been diagnosed|was never diagnosed|felt to be ruled out|thought to be ruled out|
        felt to be excluded|thought to be excluded|considered ruled out|considered excluded|
        had been excluded|had been ruled out|could not be induced|could not be provoked|
        could not be elicited|could not be detected|could not be demonstrated|
        could not be found|could not be identified|was not inducible|were not inducible|
        not inducible""",
    ),
    (
        UNCERTAIN,
        FORWARD,
        """possible|possibly|probable|probably|likely|most likely|may|might|may be|might be|
        could|could be|suspected|suspect|suspicious for|suspicion of|suspicion for|
        questionable|question of|questioned|rule out|r/o|ro|to rule out|rule him out|
        rule her out|rule out for|evaluate for|evaluation for|evaluated for|concern for|
        concerning for|concern of|consider|considered|consistent with|differential|
        differential diagnosis|ddx|vs|versus|cannot rule out|cannot exclude|can not exclude|
        can not rule out|could not rule out|could not exclude|not rule out|did not rule out|
        does not rule out|cannot be ruled out|cannot be excluded|suggestive of|suggest|
        suggests|suggesting|compatible with|presumed|presumably|perhaps|uncertain|unclear|
        unclear if|unclear whether|either|equivocal|borderline|apparent|apparently|
        worrisome for|worrying for|may represent|might represent|could represent|
        may reflect|could reflect|doubt|doubtful|not excluded|not ruled out|
        query|assess for|screen for|screening for|screened for|workup for|work up for|checked for|
        test for|tested for|testing for|to exclude|exclude|be ruled out|should be ruled out|
        needs to be ruled out|need to rule out|to evaluate for|to assess for|versus|
        rarely|seldom|infrequently|uncommonly""",
    ),
    (
        UNCERTAIN,
        BACKWARD,
        """is possible|was possible|is likely|was likely|is probable|is suspected|
        was suspected|were suspected|is questionable|is uncertain|seems likely|
        seemed likely|cannot be ruled out|can not be ruled out|could not be ruled out|
        cannot be excluded|can not be excluded|could not be excluded|not been ruled out|
        not ruled out|not excluded|is not excluded|was not excluded|suspected|possible|
        questionable|is considered|was considered|to be ruled out|be ruled out|
        should be ruled out|needs to be ruled out|must be ruled out|is being ruled out|
        being ruled out|is in the differential|in the differential|not excluded|
        is to be ruled out|is being considered|was being considered|is less likely|
        less likely|remains possible|remains a possibility|is a possibility|
        cannot be entirely excluded|cannot be completely excluded|rarely|seldom|infrequently|
        uncommonly""",
    ),
    (
        HYPOTHETICAL,
        FORWARD,
        """if|in case of|in the event of|should she develop|should he develop|
        should they develop|should she have|should he have|should the patient develop|
        should you develop|should you have|return if|return for|come back if|call if|
        call for|as needed|prn|risk of|at risk for|at risk of|risk for|to prevent|
        prevention of|prevent|prophylaxis for|prophylaxis against|watch for|monitor for|
        monitoring for|look out for|may develop|could develop|might develop|can cause|
        can lead to|may cause|may lead to|whether|in order to avoid|to avoid|avoid|
        instructed to report|advised to report|told to report|report any|seek care for|
        seek medical attention for|signs and symptoms of|warning signs of|
        educated on|counseled on|counselled on|reasons to return""",
    ),
    (
        HYPOTHETICAL,
        BACKWARD,
        """should occur|should develop|should recur|should arise|were to occur|
        were to develop""",
    ),
    (
        HISTORICAL,
        FORWARD,
        """history of|h/o|hx of|hx|past history of|past medical history of|
        past medical history|pmh|pmhx|pmh of|previous|previously|prior|prior history of|
        formerly|former|remote history of|status post|s/p|in the past|
        childhood history of|longstanding history of|known history of|since childhood""",
    ),
    (
        HISTORICAL,
        BACKWARD,
        """in the past|years ago|months ago|weeks ago|in childhood|as a child|previously|
        which resolved|that resolved|in the remote past|as a teenager|during childhood|
        years earlier|in infancy|at birth""",
    ),
    # Bare "children" and "siblings" are the patients of most abstracts ("affected children
    # show hypotonia", "two siblings had ataxia"); only someone's children or siblings are
    # other people.
    (
        OTHER,
        FORWARD,
        """family history of|family history|family hx of|family hx|fh of|fhx of|fh|fhx|
        mother|father|sister|brother|his sibling|her sibling|his siblings|her siblings|
        their siblings|sibling of|siblings of|parent|parents|aunt|uncle|cousin|
        cousins|grandmother|grandfather|grandparent|grandparents|relative|relatives|son|
        daughter|his children|her children|their children|husband|wife|spouse|partner|
        family member|family members|
        twin brother|twin sister|mother's|father's|his mother|her mother|his father|
        her father|maternal|paternal|mom|dad|nephew|niece|first degree relative|
        first-degree relative|first-degree relatives|first degree relatives|kindred|
        in other people|other people|in others|in other persons""",
    ),
    (
        OTHER,
        BACKWARD,
        """in his mother|in her mother|in the mother|in mother|in his father|in her father|
        in the father|in father|in his sister|in her sister|in his brother|in her brother|
        in both parents|in the parents|in his parents|in her parents|in their parents|
        in one parent|in a parent|in either parent|
        in siblings|in a sibling|in his siblings|in her siblings|in the family|
        in family members|in relatives|in a relative|in his family|in her family|
        in their family|runs in the family|runs in his family|runs in her family|
        in the patient's mother|in the patient's father|in the patient's family""",
    ),
]


def _combine(*parts: str) -> str:
    """Every phrase "a b c" for a in parts[0], b in parts[1] ...; "" = the part left out."""
    out = [""]
    for part in parts:
        out = [f"{x} {y}".strip() for x in out for y in part.split("|")]
    return "|".join(out)


_NOT = "not|never|didn't|doesn't|don't|hasn't|haven't|hadn't|wasn't|weren't|isn't|aren't"
_RULES += [
    # A negator before a verb that otherwise opens an affirmative clause ("had", "developed"):
    # "didn't have fever", "hasn't developed jaundice", "does not report dyspnea".
    (
        NEGATED,
        FORWARD,
        _combine(
            _NOT,
            "had|have|has|having|been having|develop|developed|experience|experienced|"
            "experiencing|report|endorse|endorsed|note|notice|noticed|mention|complain|"
            "complained|complain of|complained of|complaining of|suffer from|suffered from|"
            "show|reveal|demonstrate|display|exhibit",
        ),
    ),
    # "wheezing is no longer heard": the backward "not X" participles after "no longer".
    (
        NEGATED,
        BACKWARD,
        _combine(
            "no longer",
            "present|seen|evident|heard|noted|appreciated|palpable|visible|detected|"
            "identified|observed|felt|found|reported|demonstrated|visualized|apparent|"
            "an issue|a problem|a concern|a feature",
        ),
    ),
    # Rarity is not evidence that a symptom is present, nor that it is absent: "fasciculations
    # are uncommon in diabetic amyotrophy", "hearing loss is rarely seen", "rarely, seizures
    # occur" are uncertain (NegEx would call them affirmed; as evidence they are too weak to
    # count as positive). Only a copula + rarity adjective, or a rarity adverb, is a cue: "rare
    # disease", "rare episodes of chest pain" (= occasional, present) name no doubt, and "not
    # uncommon", "rarely absent" are pseudo-triggers.
    (
        UNCERTAIN,
        BACKWARD,
        _combine(
            "is|are|was|were|remains|remain|be|been|seems|seem",
            "|very|relatively|extremely|quite|exceedingly|exceptionally|generally|usually",
            "uncommon|unusual|rare|infrequent|exceptional|a rare|an uncommon|an unusual|"
            "an infrequent|an exceptional",
        ),
    ),
]

# "Seizures have not recurred": an auxiliary before a backward "not X" belongs to it, or the
# auxiliary ("has", "had" open affirmative clauses) would end the scope.
_RULES.append(
    (
        NEGATED,
        BACKWARD,
        "|".join(
            f"{aux} {p}"
            for rule in _RULES
            if rule[:2] == (NEGATED, BACKWARD)
            for p in (" ".join(x.split()) for x in rule[2].split("|"))
            if p.startswith("not ")
            for aux in ("has", "have", "had")
        ),
    )
)

# "No displacement of the fracture", "no worsening of dyspnea": what is denied is the change,
# and the thing that changes is present (NegEx's "no change", "no increase" pseudo-triggers);
# a mention that is the change itself ("no [change in bowel habits]") is negated.
_RULES.append(
    (
        NEGATED,
        INNER,
        _combine(
            "no|no significant|no interval|no significant interval|no further|no definite",
            "change|increase|decrease|worsening|progression|displacement|extension|"
            "enlargement|expansion|propagation|spread|migration",
            "in|of",
        ),
    )
)
# "No increased eosinophils", "no elevated CK": when the degree word begins the mention, the
# "no" denies the finding; after it ("no increased risk of seizures") the pseudo-trigger holds.
_RULES.append(
    (
        NEGATED,
        INNER,
        "no increased|no elevated|no raised|no decreased|no reduced|no enlarged|no high|no low",
    )
)
# A finding the findings do not fit is denied ("not consistent with cholecystitis"), where the
# affirmative "consistent with" alone would only raise it as possible.
_RULES.append(
    (
        NEGATED,
        FORWARD,
        _combine(
            "not|is not|are not|was not|were not|not felt to be",
            "consistent with|compatible with|suggestive of|indicative of|diagnostic of|"
            "typical of|characteristic of|concerning for|suspicious for",
        )
        + "|inconsistent with|incompatible with",
    )
)
# A denied cause is denied ("dyspnea, not due to [CHF exacerbation]", "anemia not explained by
# [iron deficiency]"); the finding before it stays (these phrases hide their "not" from the
# backward scope, as the pseudo-triggers "not related to", "not worsened by" do).
_RULES.append(
    (
        NEGATED,
        FORWARD,
        _combine(
            "|is|are|was|were|probably|likely|felt|thought|felt to be|thought to be",
            "not due to|not caused by|not secondary to|not attributed to|not attributable to|"
            "not explained by|not the result of|not a result of|not a consequence of",
        ),
    )
)
# A denied finding that would have suggested a disease denies the disease too: "no lesion
# concerning for [hepatocellular carcinoma]", "nothing on exam to suggest [meningitis]" (the
# uncertainty cue inside would otherwise end the negation).
_RULES.append(
    (
        NEGATED,
        FORWARD,
        _combine(
            "no|nothing|without|no new|no focal|no suspicious",
            "|lesion|lesions|mass|masses|nodule|nodules|finding|findings|feature|features|"
            "change|changes|abnormality|abnormalities|sign|signs|evidence|symptom|symptoms|"
            "opacity|opacities|lymph nodes|collection|on exam|on examination|on imaging|"
            "on physical exam|in the history|on history|clinically|on ct|on mri",
            "concerning for|suspicious for|suggestive of|worrisome for|to suggest|"
            "that would suggest|to indicate|indicative of",
        ),
    )
)
# "Endocarditis not yet excluded" is still possible, not denied ("not yet" alone negates).
_RULES.append(
    (
        UNCERTAIN,
        BACKWARD,
        "not yet excluded|not yet been excluded|not yet ruled out|not yet been ruled out",
    )
)
_RULES.append(
    (
        NEGATED_SUBJECT,
        FORWARD,
        """no patient|no patients|no other patient|no other patients|none of the|none of our|
        none of these|none of those|none of them|none of her|none of his|none of their|
        none of whom|no one|no one else|nobody|no subject|no subjects|no case|no cases|
        no other child|no other children|no other participant|no other participants|
        no other individual|no other individuals|no other case|no other cases|
        no further patient|no further patients|no further case|no further cases|
        no participant|no participants|
        no individual|no individuals|neither patient|neither of the|neither of them|
        none had|none has|none have|none showed|none developed|none presented|none displayed|
        none exhibited|none reported|none experienced|none was|none were|none carried|
        none harbored|none harboured|none required|none received|none presented with|
        none presenting with|
        no family member|no family members|no other family member|no other family members|
        no affected family member|no member|no members|no relative|no relatives|
        no other relative|no other relatives|no sibling|no siblings|no child|no children|
        no parent|no carrier|no carriers|no affected member|no affected members|
        no affected individual|no affected individuals|no affected patient|no affected sib|
        no affected child|no affected relative|none of which|none of whom|neither child|
        neither sibling|neither parent|
        neither brother|neither sister|neither twin|neither case|neither individual|
        neither boy|neither girl|neither sib|neither has|neither had|neither have|
        neither developed|neither showed|neither was|neither were|neither the|neither her|
        neither his|neither their|nor the|nor her|nor his|nor their""",
    )
)

# Phrases that hold a trigger but are not one.
# A case report's patient is introduced through the family ("a boy born to consanguineous
# parents presented with seizures", "the daughter of healthy parents had microcephaly"), and
# parents often tell the history ("parents reported that the child had seizures"): none of
# that makes the findings someone else's.
_FAMILY_BACKGROUND = _combine(
    "born to|child of|children of|son of|daughter of|offspring of|boy of|girl of|infant of",
    "|healthy|consanguineous|nonconsanguineous|non-consanguineous|unrelated|related|"
    "unaffected|normal|first-cousin|first cousin|young|phenotypically normal",
    "parents|parent",
)
_PARENTS_TELLING = _combine(
    "parents|mother|father|the parents|the mother|the father|his parents|her parents|"
    "his mother|her mother",
    "reported|noted|noticed|described|observed|said|stated|report|note|notice|describe|"
    "reports|notes|notices|describes",
)
# An affected relative has the disease the text is about: their findings are its evidence
# ("affected family members had ataxia"), unlike a relative's other conditions.
_AFFECTED_RELATIVES = _combine(
    "affected",
    "family member|family members|relative|relatives|member|members|sibling|siblings|"
    "sib|sibs|brother|brothers|sister|sisters|mother|father|son|sons|daughter|daughters|"
    "cousin|cousins|twin|twins",
)
_PSEUDO = (
    "|".join((_FAMILY_BACKGROUND, _PARENTS_TELLING, _AFFECTED_RELATIVES))
    + "|"
    + """no increase|no increased|no suspicious change|no significant change|no change|
no interval change|no definite change|no significant interval change|no significant difference|
without change|without interval change|without significant change|no residua|
with or without|
negative deflection|negative deflections|
not significantly different|no difference|not extend|not drain|not certain if|
not certain whether|gram negative|gram-negative|without difficulty|not necessarily|not only|
not just|not all|not always|not yet known|not well understood|not fully understood|not known|
no further treatment|no further workup|no further work up|no further intervention|
no further imaging|no further testing|no further evaluation|no further follow up|
no further follow-up|no known cause|no known etiology|no clear cause|no obvious cause|
no apparent cause|no identifiable cause|free text|history and physical|social history|
family history negative|whether or not|not to be confused|without treatment|
without therapy|without early treatment|without appropriate treatment|without intervention|
without surgery|without medication|without surgical intervention|no longer than|no more than|
not more than|not less than|no less than|nothing but|not unusual|not uncommon|not rare|
not infrequent|not unlike|not improved|not improving|has not improved|did not improve|
not resolved|has not resolved|not resolving|not relieved|not relieved by|without relief|
not responsive|not responding|did not respond|not respond|not responded|has not responded|
have not responded|had not responded|no relief|no response|
no improvement|not tolerate|not tolerating|did not tolerate|without improvement|
not controlled|poorly controlled|not well controlled|cannot tolerate|not able to|
unable to|could not|not been able|no sooner|negative pressure|rh negative|hiv negative|
coag negative|coagulase negative|coagulase-negative|heme negative|guaiac negative|
negative predictive|triple negative|free water|free wall|sugar free|fat free|
pain free interval|symptom free interval|free flap|not clinically significant|
no significant interval|not significant|not been ruled out|not be ruled out|
not ruled out|not excluded|cannot be ruled out|can not be ruled out|could not be ruled out|
cannot rule out|cannot exclude|can not exclude|could not exclude|cannot be excluded|
could not be excluded|can not be excluded|did not rule out|does not rule out|not rule out|
cannot be entirely excluded|cannot be completely excluded|no doubt|to suggest|
without doubt|no wonder|no matter|not sure|not certain|no history and physical|
none other than|not further|not otherwise specified|nos|not infrequently|not rarely|
not uncommonly|not seldom|not so rare|not that rare|not that uncommon|not so uncommon|
rarely absent|seldom absent|rarely lacking|rarely missing|rarely normal|rarely negative|
not related to|not related|unrelated to|not worsened by|not worse with|
not exacerbated by|not aggravated by|not provoked by|not triggered by|not precipitated by|
not brought on by|not worsened with|not exacerbated with|
from none|from none at all|none at all to|did not differ|do not differ|does not differ|
not differ|not differ in|in either group|either group|in either sex|
either sex|in either cohort|on either side|either side"""
)

# Scope ends here: a new clause about something else ("None had cardiomyopathy, and only one
# showed a restrictive defect": a new subject).
_TERMINATIONS = """only one|only two|only three|only a few|only some|and her|and his|
and their|and its|so|therefore|thus|hence|but|however|nevertheless|yet|though|although|
still|aside from|except|
except for|apart from|other than|which|who|whose|whom|whereas|while|because|since|
as the cause of|as the source of|as the reason for|as the etiology of|as a cause of|
cause of|cause for|causes of|source of|source for|etiology of|etiology for|reason for|
reasons for|origin of|secondary to|due to|now|currently|then|later|subsequently|after|until|
instead|otherwise|and now|despite|in spite of|before|prior to|besides|when|whenever|once|
with the exception of|excepting|save for|and several|and some|and most|and many|
and others|and the others|and the remaining|and the rest|in contrast to|in contrast with|
as opposed to|unlike|compared with|compared to"""

# A negation (or doubt) also ends where the clause turns affirmative: "denies fever, reports
# cough", "no rash; positive for arthralgia". Other categories ("his mother had tremor") go on.
_AFFIRMATIVE = """presenting with|presented with|presents with|present with|complains of|
complained of|complaining of|complaint of|c/o|the known|his known|her known|their known|
is limited by|was limited by|are limited by|were limited by|reports|reported|reporting|
endorses|endorsed|
endorsing|admits to|admitted to|notes|noted|revealed|showed|shows|demonstrated|demonstrates|
disclosed|discloses|
developed|develops|there is|there was|there are|there were|as well as|positive for|pos for|
significant for|notable for|remarkable for|consistent with|with|has|had|have|having|
is positive|was positive|were positive|positive|has had|experienced|experiences|
experiencing|found to have|diagnosed with|treated for|started on|exam revealed|exam showed|
exam shows|exam demonstrated|also|complains|complained|states|stated|describes|described|
including|includes|given|and has|and had|and is|and was|but has|but had|and reports|
and complains of|just|only|present|persists|persisted|persist"""

# Affirmative cues that restrict a negated subject rather than state its predicate.
_RESTRICTS = frozenset({("with",), ("having",), ("presenting", "with"), ("diagnosed", "with")})
# Relative pronouns: after a negated subject they open a clause that restricts it ("none of the
# 14 who underwent endoscopy had X"), where elsewhere they end a scope.
_RELATIVES = frozenset({("who",), ("whom",)})

# Negators that negate backward when they end a clause ("... but vertigo was not.").
_ELLIPTIC = """not|wasn't|weren't|isn't|aren't|didn't|doesn't|don't|hasn't|haven't|hadn't"""
_AUXILIARIES = frozenset(
    "was were is are did does do has have had could would will can should".split()
)
_CLAUSE_END = frozenset(".,;:!)")
# A form's field answered in one word: "Fevers: no.", "Headache - denies." (review of systems)
_ANSWERS = frozenset({"no", "denies", "denied"})


def _answers_field(sep: str) -> bool:
    """The separator before a one-word answer: a colon or a dash."""
    return sep.strip() in (":", "-", "\u2013", "\u2014")


# Categories whose triggers end another category's forward scope.
_ENDS_SCOPE = {NEGATED: frozenset({UNCERTAIN, HYPOTHETICAL})}

_NOT_TRIGGERS = frozenset({PSEUDO, TERMINATE, TERMINATE_NEG})
WORD_SPLIT_PATTERN = r"(\d+(?:[.,]\d+)?|[^\W\d_]+)"  # the tokenizer's words, as one split
_WORD_SPLIT = re.compile(WORD_SPLIT_PATTERN)
_CUE_CHARS = frozenset(";:?")


@dataclass(slots=True)
class ContextFlags:
    negated: bool = False
    uncertain: bool = False
    hypothetical: bool = False
    historical: bool = False
    experiencer: str = "patient"


@dataclass(frozen=True, slots=True)
class Roles:
    """What a phrase does, decided once per phrase when the tables are built."""

    triggers: tuple[tuple[str, str], ...]  # (category, direction)
    stops: frozenset[str]  # directions whose scopes it ends, for every category
    stops_negation: frozenset[str]  # directions whose negated/uncertain scopes it ends
    ends_negation: bool  # an uncertainty/hypothesis cue: a negation before it stops here
    restricts: bool = False  # "with": a negated subject's restriction ("no patient with X")
    relative: bool = False  # "who": opens a relative clause on a negated subject


def _roles(roles: list[tuple[str, str]], restricts: bool = False, relative: bool = False) -> Roles:
    def dirs(kinds: set[str]) -> frozenset[str]:
        out: set[str] = set()
        for kind, d in roles:
            if kind in kinds:
                out.update((FORWARD, BACKWARD) if d == BOTH else (d,))
        return frozenset(out)

    return Roles(
        triggers=tuple(r for r in roles if r[0] not in _NOT_TRIGGERS),
        stops=dirs({TERMINATE}),
        stops_negation=dirs({TERMINATE, TERMINATE_NEG}),
        ends_negation=any(r[0] in _ENDS_SCOPE[NEGATED] for r in roles),
        restricts=restricts,
        relative=relative,
    )


_FAR = 1 << 62


@dataclass(slots=True)
class Cue:
    first: int  # word index, inclusive
    last: int  # word index, exclusive
    roles: Roles
    reach: int = _FAR  # a forward scope takes in no mention that starts at this word or later


_SUBJECT_NEGATORS = frozenset({"no", "neither", "nor"})
# Nouns of persons that a negated subject may name after one word of its own ("no affected
# patient", "no normosmic individuals").
_PERSON_NOUNS = frozenset(
    "patient patients individual individuals subject subjects case cases child children "
    "boy boys girl girls adult adults infant infants proband probands sibling siblings sib "
    "sibs relative relatives member members carrier carriers woman women man men father "
    "fathers mother mothers son sons daughter daughters brother brothers sister sisters "
    "parent parents twin twins participant participants person persons people neonate "
    "neonates newborn newborns baby babies adolescent adolescents family families female "
    "females male males".split()
)
_STOP_ALL = _roles([(TERMINATE, BOTH)])
_STOP_FORWARD = _roles([(TERMINATE, FORWARD)])
_STOP_BACKWARD = _roles([(TERMINATE, BACKWARD)])
_QUESTION_FORWARD = _roles([(UNCERTAIN, FORWARD)])
_QUESTION_BACKWARD = _roles([(UNCERTAIN, BACKWARD)])
_ELLIPSIS = _roles([(NEGATED, BACKWARD)])
_NONE_AS_SUBJECT = _roles([(NEGATED_SUBJECT, FORWARD)])
_SUBJECT_STOP = _roles([(TERMINATE_NEG, BACKWARD)])
_SIGN_NEGATIVE_FORWARD = _roles([(NEGATED, FORWARD)])
_SIGN_NEGATIVE_BACKWARD = _roles([(NEGATED, BACKWARD)])
_SIGN_POSITIVE = _roles([(TERMINATE_NEG, BOTH)])
# Review-of-systems signs: "(-) fever, (+) cough", "fever (-), cough (+)". A sign opening a
# list item (after a comma, colon or the start) reads forward; one closing an item (before a
# comma, full stop or the end) reads backward. A bare "a (-) b" between words is ambiguous and
# is no cue. "1+ edema", "trace edema": a graded finding is present, even inside a denied list.
_SIGN_BEFORE = re.compile(r"(^|[,;:.])\s*\(\s*([-\u2212+])\s*\)\s*$")
_SIGN_AFTER = re.compile(r"^\s*\(\s*([-\u2212+])\s*\)\s*(?:[,;:.]|$)")
_NEAREST = 64  # triggers read on each side of a mention
_ANY_SIGN = re.compile(r"\(\s*[-\u2212]\s*\)")  # "+" alone is tested first, as a substring
_GRADES = frozenset("1 2 3 4 trace".split())
# After a comma inside a denied list, an item that opens with a small amount or degree is
# present ("no hydronephrosis on the left, mild hydronephrosis on the right", "no mass, small
# amount of free fluid"): nobody denies a mild thing. "Severe" and "significant" are left out,
# since they are denied in lists ("denies fever, severe headache or neck stiffness").
_SMALL_DEGREES = frozenset(
    "mild mildly small moderate moderately minimal minimally slight slightly tiny minor".split()
)
# "No intrauterine pregnancy identified, small amount of free fluid", "no infectious source was
# found, and loss of skills": a participle that closes a denied noun phrase before a comma ends
# the forward scope there.
_CLOSING_PARTICIPLES = frozenset(
    "seen identified noted detected appreciated visualized visualised demonstrated found "
    "evident elicited heard palpated".split()
)
# A negation whose clause has its own verb before the next comma denied that clause, not the
# list after the comma: "if the disease is not treated by diet, children develop seizures",
# "although no single sign is specific, the combination of slow saccades ...". So does a
# contrast: "a beaded vitreous rather than the membranous pattern, SNHL was more marked".
_CLAUSE_VERBS = frozenset("is are was were be been".split())
_CONTRASTS = frozenset({("rather", "than"), ("instead", "of")})
_NOT_WORDS = frozenset({"not", "never", "t"})  # "t": the end of "didn't" as words split


def _comma_after(words: Words, cues: list[Cue], k: int) -> Cue | None:
    """The nearest of `cues` before word k when the comma before k is the first after it in
    its sentence, else None."""
    cue = max((c for c in cues if c.last <= k), key=lambda c: c.last, default=None)
    if cue is None or cue.last == k:
        return None  # no cue before the comma, or the comma right after one
    seps = words.seps
    between = range(cue.last + 1, k)  # separators inside the words after the cue
    if any("," in seps[j] or not _SENTENCE_MARKS.isdisjoint(seps[j]) for j in between):
        return None  # not the first comma after it, or in another sentence
    return cue


def _denied_clause(words: Words, negations: list[Cue], k: int) -> bool:
    """Whether the comma before word k is the first after a negation (the nearest before it)
    that denied a verb or a clause rather than the items of a list."""
    lower = words.lower
    cue = _comma_after(words, negations, k)
    if cue is None:
        return False
    if tuple(lower[cue.first : cue.last]) in _CONTRASTS:
        return True
    after = lower[cue.last : k]
    # a participle after "not" is the verb denied ("not treated"); after "no" an adjective
    verb_denied = lower[cue.last - 1] in _NOT_WORDS and after[0].endswith("ed")
    return verb_denied or not _CLAUSE_VERBS.isdisjoint(after)


# ", and 2 affected males had a prolonged QT interval": after the first comma that follows a
# denial, "and" or "but", a subject and a verb of its own open a new clause, which the denial
# does not reach ("no cysts, and renal anomalies were found"); after a second comma the items
# are a list ("no cysts, tumours, and anomalies were found").
_CLAUSE_JOINS = frozenset({"and", "but"})
_NEW_CLAUSE_VERBS = frozenset("was were is are had has have showed developed".split())
_NEW_CLAUSE_REACH = 6  # words after the conjunction in which its verb must come


def _new_clause(words: Words, denials: list[Cue], k: int) -> bool:
    lower, seps = words.lower, words.seps
    if _comma_after(words, denials, k) is None:
        return False
    for j in range(k + 2, min(k + 2 + _NEW_CLAUSE_REACH, len(lower))):
        if not _CLAUSE_END.isdisjoint(seps[j]):
            return False
        if lower[j] in _NEW_CLAUSE_VERBS:
            return True
    return False


# Words that continue a list or a clause rather than name a new subject.
_LIST_WORDS = frozenset("and or nor were was is are all both none".split())


def _split_phrases(phrases: str) -> list[str]:
    return [" ".join(p.split()) for p in phrases.replace("\n", " ").split("|") if p.strip()]


def _phrase_key(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words, inner separators) of a phrase; a separator is "" for plain whitespace."""
    parts = _WORD_SPLIT.split(phrase.lower())
    words = tuple(parts[1::2])
    seps = tuple(s.strip().replace("\u2019", "'") for s in parts[2:-1:2])
    return words, seps


class ContextRules:
    """Compiled trigger tables; one shared instance (`RULES`) serves every text."""

    def __init__(self) -> None:
        table: dict[tuple[str, ...], dict[tuple[str, ...], list[tuple[str, str]]]] = {}

        def add(phrase: str, role: tuple[str, str]) -> None:
            words, seps = _phrase_key(phrase)
            if not words:
                return
            roles = table.setdefault(words, {}).setdefault(seps, [])
            if role not in roles:
                roles.append(role)

        for category, direction, phrases in _RULES:
            for p in _split_phrases(phrases):
                add(p, (category, direction))
        for p in _split_phrases(_PSEUDO):
            add(p, (PSEUDO, BOTH))
        for p in _split_phrases(_TERMINATIONS):
            add(p, (TERMINATE, BOTH))
        for p in _split_phrases(_AFFIRMATIVE):
            add(p, (TERMINATE_NEG, BOTH))
        self.table = {
            words: {
                seps: _roles(roles, words in _RESTRICTS, words in _RELATIVES)
                for seps, roles in by_sep.items()
            }
            for words, by_sep in table.items()
        }
        prefixes: set[tuple[str, ...]] = set()
        for words in self.table:
            for n in range(1, len(words)):
                prefixes.add(words[:n])
        self.prefixes = frozenset(prefixes)
        self.singles = frozenset(w[0] for w, by_sep in self.table.items() if len(w) == 1)
        self.pairs = frozenset(w[:2] for w in self.table if len(w) >= 2)
        self.pair_firsts = frozenset(w[0] for w in self.pairs)
        # "Tinnitus was present but vertigo was not.": a negator ending its clause after an
        # auxiliary negates backward (its verb is elided) instead of forward.
        self.elliptic = frozenset(
            id(self.table[w][sep])
            for w, sep in map(_phrase_key, _split_phrases(_ELLIPTIC))
            if sep in self.table.get(w, {})
        )
        # "No normosmic patient had ...": a negated subject with one word of its own
        subject_words, subject_seps = _phrase_key("no patient")
        self.subject_roles = self.table[subject_words][subject_seps]

    # -- cues --------------------------------------------------------------------------------
    def cues(self, words: Words, lo: int = 0, hi: int | None = None) -> list[Cue]:
        """Leftmost-longest trigger phrases starting at words lo..hi (inclusive), in text order.

        The tagger asks only for the sentences that hold mentions: in abstracts more than half
        of the text has none, and no cue there can reach a mention.
        """
        hi = len(words.lower) if hi is None else min(hi, len(words.lower))
        if _scan is None:
            return self.cues_python(words, lo, hi)
        out = _scan.cue_phrases(
            words.lower,
            words.seps,
            self.table,
            self.prefixes,
            self.singles,
            self.pairs,
            self.pair_firsts,
            _sep_key,
            Cue,
            lo,
            hi + 1,
        )
        return self._finish(words, out, lo, hi)

    def cues_python(self, words: Words, lo: int = 0, hi: int | None = None) -> list[Cue]:
        """`cues` without the compiled phrase loop (`_scan.c`): the fallback and its reference."""
        lower, seps = words.lower, words.seps
        table = self.table
        prefixes = self.prefixes
        end = len(lower)
        hi = end if hi is None else min(hi, end)
        out: list[Cue] = []
        nxt = lo
        window = lower[lo : hi + 2]
        cands = {
            lo + k
            for k in (
                *compress(range(len(window)), map(self.singles.__contains__, window)),
                *compress(
                    range(len(window)),
                    map(self.pairs.__contains__, zip(window, window[1:], strict=False)),
                ),
            )
            if lo + k <= hi
        }
        for i in sorted(cands):
            if i < nxt:
                continue
            best = None
            j = i + 1
            while j <= end:
                key = tuple(lower[i:j])
                by_sep = table.get(key)
                if by_sep is not None:
                    if j - i == 1:
                        roles = by_sep.get(())
                    else:
                        inner = tuple(_sep_key(seps[k]) for k in range(i + 1, j))
                        roles = by_sep.get(inner)
                    if roles is not None:
                        best = (j, roles)
                if key not in prefixes:
                    break
                j += 1
            if best is not None:
                out.append(Cue(i, best[0], best[1]))
                nxt = best[0]
        return self._finish(words, out, lo, hi)

    def _finish(self, words: Words, out: list[Cue], lo: int, last: int) -> list[Cue]:
        """Elliptic negators turned backward, then the punctuation cues (at separators lo..last),
        all in text order."""
        lower, seps = words.lower, words.seps
        hi = len(lower)
        # "COX-negative fibers", "ANA-negative": glued to a marker, "negative" names a kind of
        # cell or result, not the absence of a finding ("seizure-free" still negates).
        # "non-sustained ventricular tachycardia", "non-productive cough": a prefix glued to
        # the next word, not the absence of the finding after it.
        present = set(lower[lo : last + 1])  # one pass; each word test below is then a lookup
        if "negative" in present or "non" in present:
            out = [
                cue
                for cue in out
                if not (
                    cue.last == cue.first + 1
                    and (
                        (
                            cue.first > 0
                            and lower[cue.first] == "negative"
                            and seps[cue.first] == "-"
                        )
                        or (lower[cue.first] == "non" and cue.last < hi and seps[cue.last] == "-")
                    )
                )
            ]
        if not _SUBJECT_NEGATORS.isdisjoint(present):
            out = self._qualified_subjects(words, out)
        if "none" in present:
            _none_as_subject(words, out)
        if "absent" in present:
            _limit_absent(words, out, last)
        elliptic = self.elliptic
        for cue in out:
            i, j = cue.first, cue.last
            if id(cue.roles) in elliptic:
                turned = j - i > 1 or (i > 0 and lower[i - 1] in _AUXILIARIES)
            elif j - i == 1 and i > 0 and lower[i] in _ANSWERS:
                turned = _answers_field(seps[i])
            else:
                continue
            if turned and (j == hi or seps[j].lstrip()[:1] in _CLAUSE_END):
                cue.roles = _ELLIPSIS
        added = _subject_stops(words, out)
        if "free" in present:
            # "symptom-free": glued to a word, "free" denies that word only ("from infantile
            # dehydration to symptom-free hypokalaemia"; "seizure-free" still denies seizures)
            added.extend(
                Cue(c.first - 1, c.first - 1, _STOP_BACKWARD)
                for c in out
                if c.last == c.first + 1 and lower[c.first] == "free" and seps[c.first] == "-"
            )
        near = seps[lo : last + 1]
        glued = "".join(near)
        if "+" in glued or _ANY_SIGN.search(glued) or "trace" in present:
            signs = [k for k, sep in enumerate(near, lo) if "(" in sep or "+" in sep]
            added.extend(self._sign_cues(words, signs, lo, last))
        if "," in glued:
            commas = compress(range(lo, last + 1), map(contains, near, repeat(",")))
            added.extend(self._comma_cues(words, commas, out))
        # Punctuation: ";" and ":" end a clause; "?pneumonia" and "pneumonia?" are questions.
        for k in compress(range(lo, last + 1), map(not_, map(_CUE_CHARS.isdisjoint, near))):
            sep = seps[k]
            if ";" in sep:
                added.append(Cue(k, k, _STOP_ALL))
            elif ":" in sep and not (sep.strip() == ":" and _opens_list(out, k)):
                added.append(Cue(k, k, _STOP_FORWARD))  # "Edema: absent" keeps its backward
            if "?" in sep:
                if sep.endswith("?") and k < hi:
                    added.append(Cue(k, k, _QUESTION_FORWARD))
                elif sep.startswith("?") and k > 0:
                    added.append(Cue(k, k, _QUESTION_BACKWARD))
        if added:  # the cues added here, after the phrase cues: one stable sort for all
            out.extend(added)
            out.sort(key=lambda c: (c.first, c.last))
        return out

    def _qualified_subjects(self, words: Words, out: list[Cue]) -> list[Cue]:
        """ "No girl had X", "no normosmic patient had X", "neither father nor son had X": a
        bare "no", "neither" or "nor" before a noun of persons (and at most one word of its
        own) negates the subject, as "no patient" does, so the verb after it does not end the
        scope. The word between must be no cue of its own."""
        lower, seps = words.lower, words.seps
        hi = len(lower)
        starts = {c.first for c in out}
        for k, cue in enumerate(out):
            i = cue.first
            if cue.last != i + 1 or lower[i] not in _SUBJECT_NEGATORS:
                continue
            # "no girl had", "no normosmic patient had", "no mutation-positive patient had"
            # (a hyphenated word is one word)
            for person in (i + 1, i + 2, i + 3):
                if (
                    person < hi
                    and lower[person] in _PERSON_NOUNS
                    and not (seps[i + 1] + seps[person]).strip()
                    and all(sep == "-" for sep in seps[i + 2 : person])
                    # the person may be a cue of its own ("father": another experiencer),
                    # the word before it not
                    and (person == i + 1 or not {i + 1, person} & starts)
                ):
                    out[k] = Cue(i, person + 1, self.subject_roles)
                    break
        return out

    @staticmethod
    def _comma_cues(words: Words, commas: Iterable[int], cues: list[Cue]) -> list[Cue]:
        """Cues at the words after commas (`commas`): an item of small degree is present, a
        closing participle ends the forward scope, and so does the first comma after a
        negation that denied a clause of its own (`_denied_clause`)."""
        lower = words.lower
        hi = len(lower)
        out = []
        negations = [c for c in cues if (NEGATED, FORWARD) in c.roles.triggers]
        denials = [
            c
            for c in cues
            if (NEGATED, FORWARD) in c.roles.triggers
            or (NEGATED_SUBJECT, FORWARD) in c.roles.triggers
        ]
        for k in commas:
            if k == 0 or k >= hi:
                continue
            if lower[k] in _SMALL_DEGREES:
                out.append(Cue(k, k, _SIGN_POSITIVE))
            elif lower[k - 1] in _CLOSING_PARTICIPLES and (
                lower[k] not in _LIST_WORDS or lower[k] == "and"  # ", and" opens a new clause
            ):
                out.append(Cue(k, k, _STOP_FORWARD))
            elif negations and _denied_clause(words, negations, k):
                out.append(Cue(k, k, _STOP_FORWARD))
            elif lower[k] in _CLAUSE_JOINS and _new_clause(words, denials, k):
                out.append(Cue(k, k, _STOP_FORWARD))
        return out

    @staticmethod
    def _sign_cues(words: Words, signs: list[int], lo: int, last: int) -> list[Cue]:
        """Cues of "(-)" / "(+)" signs and of grades ("2+", "trace") before a finding."""
        lower, seps = words.lower, words.seps
        hi = len(lower)
        out = []
        for k in signs:
            sep = seps[k]
            m = _SIGN_BEFORE.search(sep) if k < hi else None
            if m and (m.group(1) or k == 0):
                neg = m.group(2) != "+"
                out.append(Cue(k, k, _SIGN_NEGATIVE_FORWARD if neg else _SIGN_POSITIVE))
                continue
            m = _SIGN_AFTER.search(sep) if k > 0 else None
            if m:
                neg = m.group(1) != "+"
                out.append(Cue(k, k, _SIGN_NEGATIVE_BACKWARD if neg else _SIGN_POSITIVE))
            elif k > 0 and lower[k - 1] in _GRADES and sep.startswith("+") and k < hi:
                out.append(Cue(k - 1, k - 1, _SIGN_POSITIVE))  # "no clubbing, 2+ edema"
        # "trace" is a point cue before its word, not a phrase of the table: a target span
        # that starts with it ("[trace edema]") must still be bounded by it
        for k in range(lo, min(last + 1, hi)):
            if lower[k] == "trace" and k + 1 < hi and not seps[k + 1].strip():
                if k == 0 or lower[k - 1] not in ("no", "of", "without"):
                    out.append(Cue(k, k, _SIGN_POSITIVE))  # "without clubbing, trace edema"
        return out

    # -- flags -------------------------------------------------------------------------------
    def flags(
        self,
        cues: list[Cue],
        spans: list[tuple[int, int]],
        covered: list[tuple[int, int]] | None = None,
    ) -> list[ContextFlags]:
        """Flags for mentions given as word ranges [first, last), all in one sentence.

        `cues`: the cues of that sentence. `covered`: word ranges of every known mention in
        the sentence (default: `spans`); their words do not count toward a scope window, and
        a trigger inside one is part of the term ("absent reflexes", "can't walk").
        """
        out = [NO_CONTEXT] * len(spans)
        if not cues:
            return out
        covered = spans if covered is None else covered
        if len(covered) > _MANY_MENTIONS:
            inside_one, words_inside = _mention_tests(covered)
        else:  # the plain loops cost less for the few mentions of most sentences
            inside_one, words_inside = _few_mention_tests(covered)
        cues = [c for c in cues if not inside_one(c)]
        triggers = [c for c in cues if c.roles.triggers]
        if not triggers:
            return out
        firsts = [c.first for c in cues]
        trigger_at = [c.first for c in triggers]
        for idx, (ms, me) in enumerate(spans):
            f = None
            done: set[str] = set()  # categories already set: no other trigger can add to them
            # the nearest triggers on either side only: a scope never runs over dozens of other
            # triggers, and reading all of them made a list of "(-) fever, " quadratic
            p = bisect.bisect_left(trigger_at, ms)
            for c in islice(triggers, max(0, p - _NEAREST), p + _NEAREST):
                for category, direction in c.roles.triggers:
                    if category in done:
                        continue
                    if direction == FORWARD and (c.first < ms or c.last <= ms) and ms < c.reach:
                        # "no acute [acute kidney injury]": a cue reaching into the mention, or
                        # over it ("no [complaints] of")
                        a, b, d = min(c.last, ms), ms, FORWARD
                    elif direction == BACKWARD and c.first >= me:
                        a, b, d = me, c.first, BACKWARD
                    elif direction == INNER and c.first < ms < c.last:
                        a, b, d = ms, ms, FORWARD
                    else:
                        continue
                    if b - a > WINDOWS[(category, d)]:  # count only words outside mentions
                        if b - a - words_inside(a, b) > WINDOWS[(category, d)]:
                            continue
                    if _stopped(cues, category, d, a, b, c, bisect.bisect_left(firsts, a)):
                        continue
                    if f is None:
                        f = out[idx] = ContextFlags()
                    _set(f, category)
                    done.add(category)
        return out


_MANY_MENTIONS = 16


def _opens_list(cues: list[Cue], k: int) -> bool:
    """A forward trigger ends right before the colon before word k: "Denies: fever, chills",
    "Negative: rash" announce the list after it rather than end a clause."""
    return any(
        c.last == k and c.first < k and any(d == FORWARD for _, d in c.roles.triggers) for c in cues
    )


_CLAUSE_CONJUNCTIONS = frozenset({"and", "but", "while", "whereas"})
_SUBJECT_WORDS = 4  # "..., and canalicular BSEP staining was absent"
_SENTENCE_MARKS = frozenset(".;:!?")


def _subject_stops(words: Words, cues: list[Cue]) -> list[Cue]:
    """Stops for backward negations that have a subject of their own after a comma.

    "Liver enlarged, spleen not palpable", "portal fibrosis, and BSEP staining was absent":
    the words between the comma (and a clause's conjunction) and the negation are its own
    subject, and the scope stops at them; unless they are a mention (then the stop, inside
    it, is dropped: a list item, "fever, night sweats not present") or hold a list word
    ("fever, chills and rash were absent")."""
    lower, seps = words.lower, words.seps
    out = []
    for cue in cues:
        f = cue.first
        if f < 2 or (NEGATED, BACKWARD) not in cue.roles.triggers:
            continue
        p = _after_comma_before(seps, f)
        if p is None:
            continue
        s = p + 1 if lower[p] in _CLAUSE_CONJUNCTIONS and p + 1 < f else p
        if _LIST_WORDS.isdisjoint(lower[s:f]):
            out.append(Cue(s, s + 1, _SUBJECT_STOP))
    return out


def _after_comma_before(seps: list[str], f: int) -> int | None:
    """The word after the nearest comma among the `_SUBJECT_WORDS` words before word f; None
    when there is none, or a sentence mark comes first (the negation opens its sentence)."""
    for p in range(f - 1, max(0, f - _SUBJECT_WORDS) - 1, -1):
        if not _SENTENCE_MARKS.isdisjoint(seps[p + 1]):
            return None
        if "," in seps[p]:
            return p or None
    return None


def _none_as_subject(words: Words, cues: list[Cue]) -> None:
    """ "Fever: none." denies backward; in "and none sat before 2 years" the word is the
    subject of the verb after it, and denies only forward ("none of ..." alike)."""
    lower, seps = words.lower, words.seps
    hi = len(lower)
    for cue in cues:
        j = cue.last
        if (
            j == cue.first + 1
            and lower[cue.first] == "none"
            and j < hi
            and seps[j].lstrip()[:1] not in _CLAUSE_END
            and seps[j].strip() != "-"
        ):
            cue.roles = _NONE_AS_SUBJECT


# words that follow "absent" used as a predicate ("reflexes absent in the legs", "absent
# bilaterally", "absent at birth"): there it still denies what stands before it
_AFTER_PREDICATE_ABSENT = frozenset(
    "in at on from since to during throughout and or but as except with without despite until "
    "by for after before when while both bilaterally".split()
)
_ATTRIBUTIVE_ABSENT = _roles([(NEGATED, FORWARD)])
_PREDICATE_ENDS = frozenset(",;.)")


def _limit_absent(words: Words, cues: list[Cue], last: int) -> None:
    """ "with absent canalicular staining, short stature and ptosis": "absent" before a noun is
    that noun's adjective (HPO's "Absent thumb" is a finding, not a negation), so its forward
    scope ends at the next comma instead of running over the list that follows ("Absent:
    fever, chills" keeps its list), and it denies nothing before it."""
    lower, seps = words.lower, words.seps
    end = min(last + 1, len(lower))
    for cue in cues:
        i = cue.first
        if cue.last != i + 1 or lower[i] != "absent":
            continue
        if i + 1 < len(lower) and seps[i + 1].lstrip()[:1] in _PREDICATE_ENDS:
            cue.roles = _ELLIPSIS  # "Edema absent, rash present": it closes its clause
            continue
        if i + 1 < end and not seps[i + 1].strip():
            for k in range(i + 1, end):
                if "," in seps[k]:
                    cue.reach = k
                    break
            after = lower[i + 1]
            if after not in _AFTER_PREDICATE_ABSENT and not after.endswith("ly"):
                # "cleavage ... and absent staining for integrin": an attribute of the noun
                # after it, so it denies nothing before it
                cue.roles = _ATTRIBUTIVE_ABSENT


def _few_mention_tests(
    covered: list[tuple[int, int]],
) -> tuple[Callable[[Cue], bool], Callable[[int, int], int]]:
    """(whether a cue lies inside a mention, how many words of a..b lie inside mentions), by
    loops over the mentions."""

    def inside_one(c: Cue) -> bool:
        if c.first == c.last:  # punctuation: strictly inside ("(-)" at a mention's edge)
            return any(a < c.first < b for a, b in covered)
        return any(a <= c.first and c.last <= b for a, b in covered)

    def words_inside(a: int, b: int) -> int:
        return sum(min(b, ce) - max(a, cs) for cs, ce in covered if cs < b and a < ce)

    return inside_one, words_inside


def _mention_tests(
    covered: list[tuple[int, int]],
) -> tuple[Callable[[Cue], bool], Callable[[int, int], int]]:
    """The same tests in log or constant time, for sentences of many mentions (testing every
    cue and every window against every mention made a list of "no fever, " cubic)."""
    ordered = sorted(covered)
    range_starts = [cs for cs, _ in ordered]
    furthest = list(accumulate((ce for _, ce in ordered), max))
    base, top = ordered[0][0], furthest[-1]
    inside = [0] * (top - base + 1)
    for cs, ce in covered:
        inside[cs - base] += 1
        inside[ce - base] -= 1
    running = list(accumulate(accumulate(inside), initial=0))  # words in mentions before k

    def inside_one(c: Cue) -> bool:
        if c.first == c.last:
            k = bisect.bisect_left(range_starts, c.first)
            return k > 0 and furthest[k - 1] > c.first
        k = bisect.bisect_right(range_starts, c.first)
        return k > 0 and furthest[k - 1] >= c.last

    def words_inside(a: int, b: int) -> int:
        a = min(max(a - base, 0), top - base)
        b = min(max(b - base, 0), top - base)
        return running[b] - running[a]

    return inside_one, words_inside


def _stopped(
    cues: list[Cue], category: str, d: str, a: int, b: int, trigger: Cue, start: int = 0
) -> bool:
    """A termination (or, for a negation, an uncertainty cue) between a and b ends the scope.

    `start`: an index into `cues` before which no cue starts at or after word a."""
    if category == NEGATED_SUBJECT:
        return _stopped_subject(cues, a, b, trigger, start)
    neg = category in (NEGATED, UNCERTAIN)
    for c in _cues_between(cues, a, b, trigger, start):
        r = c.roles
        if d in (r.stops_negation if neg else r.stops):
            return True
        if category == NEGATED and r.ends_negation and d == FORWARD:
            return True
    return False


def _stopped_subject(cues: list[Cue], a: int, b: int, trigger: Cue, start: int = 0) -> bool:
    """A negated subject's scope: ended by terminations and doubt, restricted by "with"."""
    restricted = False
    relative_end = -1  # where the last relative pronoun ends
    for c in _cues_between(cues, a, b, trigger, start):
        r = c.roles
        if r.relative:  # "none of the 14 who underwent endoscopy had X"
            restricted, relative_end = True, c.last
            continue
        if FORWARD in r.stops or r.ends_negation:
            return True
        if FORWARD in r.stops_negation:
            if c.first == relative_end:
                continue  # "who had seizures": the relative clause's own verb
            restricted = r.restricts  # the last affirmative cue before the mention decides
    return restricted


def _cues_between(cues: list[Cue], a: int, b: int, trigger: Cue, start: int = 0) -> Iterator[Cue]:
    """The cues lying wholly within words a..b, the trigger itself left out (cues in order).

    Punctuation cues in the same separator as a punctuation trigger lie on its far side: in
    "; (-) fever" and "pneumonia?;" the ";" does not end the sign's or the question's scope.
    """
    point = trigger.first == trigger.last
    for c in islice(cues, start, None):
        if c.first > b:
            break
        if c is not trigger and c.first >= a and c.last <= b:
            if point and c.first == c.last == trigger.first:
                continue
            yield c


def _sep_key(sep: str) -> str:
    return sep.strip().replace("\u2019", "'")


def _set(flags: ContextFlags, category: str) -> None:
    if category == NEGATED or category == NEGATED_SUBJECT:
        flags.negated = True
    elif category == UNCERTAIN:
        flags.uncertain = True
    elif category == HYPOTHETICAL:
        flags.hypothetical = True
    elif category == HISTORICAL:
        flags.historical = True
    elif category == OTHER:
        flags.experiencer = "other"


RULES = ContextRules()
NO_CONTEXT = ContextFlags()  # shared, never modified: the flags of a mention no cue reaches


# -- words of a text -------------------------------------------------------------------------
@dataclass(slots=True)
class Words:
    """Lower-cased words of a text with offsets; seps[k] is the text before word k."""

    lower: list[str]
    starts: list[int]
    ends: list[int]
    seps: list[str]


def text_words(text: str, parts: list[str] | None = None) -> Words:
    """Words of `text`; `parts` = `_WORD_SPLIT.split(text)` when the caller already has it."""
    if parts is None:
        parts = _WORD_SPLIT.split(text)
    if _scan is not None:  # one pass, and no new string for a word already in lower case
        lower, starts, ends = _scan.word_columns(parts)
        return Words(lower, starts, ends, parts[0::2])
    pos = list(accumulate(map(len, parts)))
    return Words(list(map(str.lower, parts[1::2])), pos[0:-1:2], pos[1::2], parts[0::2])


def word_range(words: Words, start: int, end: int) -> tuple[int, int]:
    """Word indices [first, last) of the words overlapping the characters start..end."""
    return bisect.bisect_right(words.ends, start), bisect.bisect_left(words.starts, end)


def apply_context(sentence: str, spans: list[tuple[int, int]]) -> list[ContextFlags]:
    """Flags for each mention span (character offsets into one sentence)."""
    w = text_words(sentence)
    return RULES.flags(RULES.cues(w), [word_range(w, s, e) for s, e in spans])
