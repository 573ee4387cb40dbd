"""The articles of the fixture web, written by the team for tests and the demo.

Every sentence here is invented for this project (no page copies a real site). The text is
shaped to exercise the pipeline: symptom phrases of diabetic amyotrophy repeated across sites and
across other diseases, negations ("no sensory loss"), defined abbreviations ("diabetic
amyotrophy (DA)"), and the usual headings (Symptoms, Causes, Diagnosis, Treatment, Prognosis).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One HTML page body: title, dated sections of paragraphs (inline HTML allowed)."""

    host: str
    path: str
    title: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    published: str = "2024-03-01"
    lang: str = "en"
    links: tuple[str, ...] = ()  # extra in-body links (absolute or host-relative)
    canonical: str = ""  # rel=canonical href, when the page declares one
    encoding: str = "utf-8"
    tags: frozenset[str] = field(default_factory=frozenset)


def _a(host: str, path: str, title: str, *sections, **kw) -> Article:
    return Article(host, path, title, tuple((h, tuple(ps)) for h, ps in sections), **kw)


NEURO = "neuro-clinic.example"
DIAB = "diabetes-care.example"
NEWS = "health-news.example"
ATLAS = "muscle-atlas.example"
FORUM = "patient-forum.example"
LIB = "med-library.example"

DOMAINS = (NEURO, DIAB, NEWS, ATLAS, FORUM, LIB)

# The syndicated article appears on two domains with the same body and different chrome.
_SYNDICATED_SECTIONS = (
    (
        "",
        (
            "Sudden thigh pain in a person with type 2 diabetes is easy to blame on a pulled "
            "muscle, but neurologists at the regional clinic say it can be the first sign of "
            "diabetic amyotrophy.",
            "The pain usually starts on one side, deep in the front of the thigh, and often "
            "wakes people at night. Within weeks many notice proximal leg weakness: climbing "
            "stairs or rising from a low chair becomes hard.",
        ),
    ),
    (
        "What doctors look for",
        (
            "Unintended weight loss of several kilograms frequently comes before or with the "
            "pain. Wasting of the thigh muscles can be visible within two months.",
            "Most patients have no sensory loss in the thigh itself, which helps separate the "
            "condition from a trapped nerve in the spine.",
        ),
    ),
    (
        "Outlook",
        (
            "Recovery is slow and often incomplete, yet most people walk again within one to "
            "two years with physiotherapy and good glucose control.",
        ),
    ),
)

ARTICLES: tuple[Article, ...] = (
    # ---------------------------------------------------------------- neuro-clinic.example
    _a(
        NEURO,
        "/conditions/diabetic-amyotrophy",
        "Diabetic amyotrophy",
        (
            "",
            (
                "Diabetic amyotrophy (DA) is a nerve disorder of people with diabetes that "
                "affects the lumbosacral plexus and the nerve roots of the legs. It is also "
                "called diabetic lumbosacral radiculoplexus neuropathy.",
            ),
        ),
        (
            "Symptoms",
            (
                "DA typically begins with severe thigh pain, often on one side, followed by "
                "hip pain and buttock pain that is worse at night.",
                "Proximal leg weakness develops over days to weeks; patients report difficulty "
                "climbing stairs and getting up from a chair.",
                "Marked weight loss is common, and muscle wasting of the thigh follows. Some "
                "patients become wheelchair-bound for several months.",
                "Paresthesia in the feet may be present from an older diabetic neuropathy, but "
                "there is usually no sensory loss over the thigh.",
            ),
        ),
        (
            "Causes",
            (
                "The cause is thought to be an immune-mediated inflammation of small blood "
                "vessels in the nerves (microvasculitis), not high blood sugar alone.",
            ),
        ),
        (
            "Diagnosis",
            (
                "Diagnosis rests on the history and examination, supported by nerve "
                "conduction studies and electromyography. An MRI of the lumbar spine rules "
                "out a compressed nerve root.",
            ),
        ),
        (
            "Treatment",
            (
                "Treatment focuses on pain control, physiotherapy and careful glucose control. "
                "Immunotherapy has been tried, with mixed results.",
            ),
        ),
        (
            "Prognosis",
            (
                "DA is usually monophasic. Most patients improve over 12 to 24 months, "
                "although some weakness of the thigh may remain.",
            ),
        ),
        canonical=f"http://{NEURO}/conditions/diabetic-amyotrophy",
        published="2023-11-14",
    ),
    _a(
        NEURO,
        "/conditions/guillain-barre-syndrome",
        "Guillain-Barre syndrome",
        (
            "",
            (
                "Guillain-Barre syndrome (GBS) is an acute immune attack on the peripheral "
                "nerves that often follows an infection.",
            ),
        ),
        (
            "Symptoms",
            (
                "Tingling and paresthesia of the toes and fingers are often the first "
                "complaints. Weakness then rises from the feet to the thighs within days.",
                "Proximal leg weakness can be severe, and back and hip pain are frequent early "
                "on. Unlike diabetic amyotrophy, weight loss is not a feature.",
            ),
        ),
        (
            "Diagnosis",
            (
                "A lumbar puncture shows raised protein with a normal cell count. Nerve "
                "conduction studies confirm demyelination.",
            ),
        ),
        (
            "Treatment",
            (
                "Intravenous immunoglobulin or plasma exchange shortens the illness. Patients "
                "are watched closely for breathing problems.",
            ),
        ),
        (
            "Prognosis",
            (
                "Most people recover well, although some remain wheelchair-bound for months "
                "and a minority keep lasting weakness.",
            ),
        ),
        published="2024-01-20",
    ),
    _a(
        NEURO,
        "/conditions/spinal-muscular-atrophy",
        "Spinal muscular atrophy",
        (
            "",
            (
                "Spinal muscular atrophy (SMA) is an inherited loss of motor neurons in the "
                "spinal cord.",
            ),
        ),
        (
            "Symptoms",
            (
                "Muscle atrophy and proximal leg weakness dominate, with the thighs and hips "
                "affected more than the hands.",
                "Sensation is normal: there is no paresthesia and no sensory loss. Children "
                "with severe forms may never walk and are wheelchair-bound.",
            ),
        ),
        (
            "Causes",
            ("Most cases come from changes in the SMN1 gene inherited from both parents.",),
        ),
        (
            "Treatment",
            ("Gene-targeted therapies given early have changed the outlook for many families.",),
        ),
        published="2024-02-02",
    ),
    _a(
        NEURO,
        "/conditions/cidp",
        "Chronic inflammatory demyelinating polyneuropathy",
        (
            "Symptoms",
            (
                "Chronic inflammatory demyelinating polyneuropathy (CIDP) causes weakness of "
                "the hips and thighs that progresses over more than two months.",
                "Paresthesia and numbness of the feet are common. Thigh pain is unusual, which "
                "helps to tell CIDP apart from diabetic amyotrophy.",
            ),
        ),
        (
            "Treatment",
            ("Long courses of immunoglobulin or steroids keep most patients walking.",),
        ),
        published="2023-09-05",
    ),
    _a(
        NEURO,
        "/clinic/emg-testing",
        "Nerve and muscle testing at the clinic",
        (
            "What to expect",
            (
                "Electromyography records the electrical activity of muscles through a fine "
                "needle. Nerve conduction studies use small electrical pulses on the skin.",
                "The tests help us find the cause of leg weakness, muscle wasting or "
                "unexplained pain, and take about an hour.",
            ),
        ),
        published="2022-06-30",
    ),
    _a(
        NEURO,
        "/clinic/visiting",
        "Visiting the clinic",
        (
            "",
            (
                "The clinic is open on weekdays. Please bring a list of your medicines and any "
                "earlier scan reports.",
                "Parking is available behind the building; the entrance has step-free access.",
            ),
        ),
        published="2021-04-12",
    ),
    _a(
        NEURO,
        "/staff/rota",
        "Staff rota (internal)",
        ("", ("This page is for staff and must not be crawled.",)),
    ),
    # ---------------------------------------------------------------- diabetes-care.example
    _a(
        DIAB,
        "/guides/nerve-complications",
        "Nerve complications of diabetes",
        (
            "",
            (
                "High blood glucose over many years can damage nerves. The most common pattern "
                "is a glove-and-stocking neuropathy with paresthesia of the feet.",
            ),
        ),
        (
            "Less common forms",
            (
                "Diabetic amyotrophy is a rarer form that strikes the thigh. It brings "
                "sudden thigh pain, proximal leg weakness and weight loss.",
                "Another rare form affects single nerves and can cause a drooping eyelid or "
                "double vision.",
            ),
        ),
        published="2024-04-18",
    ),
    _a(
        DIAB,
        "/guides/diabetic-amyotrophy-recovery",
        "Living with diabetic amyotrophy: a recovery guide",
        (
            "",
            (
                "This guide is for people recently told they have diabetic amyotrophy (DA). "
                "DA can be frightening, but most people get better.",
            ),
        ),
        (
            "Symptoms you may notice",
            (
                "The first months are usually the hardest: thigh pain and hip pain can be "
                "intense, and the leg may give way without warning.",
                "Many readers tell us they lost weight quickly before the diagnosis. Muscle "
                "atrophy of the thigh is common and can be alarming to see.",
                "Not everyone has numbness; many have no sensory loss at all.",
            ),
        ),
        (
            "Treatment and rehabilitation",
            (
                "Physiotherapy keeps joints moving while the nerves recover. Walking aids, and "
                "sometimes a wheelchair for a while, help people stay independent.",
            ),
        ),
        (
            "Prognosis",
            (
                "Improvement often starts within three to six months and continues for up to "
                "two years.",
            ),
        ),
        published="2024-05-09",
    ),
    Article(
        DIAB,
        "/news/thigh-pain-diabetes",
        "Thigh pain in diabetes can signal a rare nerve disorder",
        _SYNDICATED_SECTIONS,
        published="2024-06-03",
        tags=frozenset({"syndicated"}),
    ),
    _a(
        DIAB,
        "/guides/weight-loss-and-neuropathy",
        "Unexplained weight loss and nerve pain",
        (
            "",
            (
                "Losing weight without trying should always be discussed with your care team.",
                "In diabetic amyotrophy, weight loss of ten percent or more often precedes "
                "leg weakness. In other people it may point to thyroid disease or an "
                "infection.",
            ),
        ),
        published="2023-12-01",
    ),
    _a(
        DIAB,
        "/guides/foot-care",
        "Foot care for people with diabetes",
        (
            "",
            (
                "Check your feet every day for cuts and blisters, especially if you have "
                "paresthesia or reduced feeling.",
                "Wear shoes that fit well and see a podiatrist once a year.",
            ),
        ),
        published="2022-10-10",
    ),
    _a(
        DIAB,
        "/private/member-area",
        "Members only",
        ("", ("Member content that robots.txt keeps out of crawls.",)),
    ),
    # ---------------------------------------------------------------- health-news.example
    Article(
        NEWS,
        "/articles/thigh-pain-diabetes",
        "Thigh pain in diabetes can signal a rare nerve disorder",
        _SYNDICATED_SECTIONS,
        published="2024-06-03",
        tags=frozenset({"syndicated", "noisy"}),
    ),
    _a(
        NEWS,
        "/articles/diabetic-amyotrophy-case",
        "From marathon runner to wheelchair and back",
        (
            "",
            (
                "When a retired teacher developed burning thigh pain last spring, she assumed "
                "it was a running injury.",
                "Within a month she had lost eight kilograms and could not climb the stairs "
                "at home. By summer she was wheelchair-bound.",
            ),
        ),
        (
            "The diagnosis",
            (
                "A neurologist diagnosed diabetic amyotrophy after nerve tests showed damage "
                "to the lumbosacral plexus. There was no sensory loss in her legs.",
            ),
        ),
        (
            "Recovery",
            (
                "Eighteen months later she walks with a stick. Her quadriceps are still thin, "
                "but the pain has gone.",
            ),
        ),
        published="2024-02-27",
        tags=frozenset({"noisy"}),
    ),
    _a(
        NEWS,
        "/articles/gbs-explainer",
        "Explainer: why Guillain-Barre syndrome follows infections",
        (
            "",
            (
                "Guillain-Barre syndrome can appear a few weeks after a stomach bug or a "
                "respiratory infection.",
                "Patients describe paresthesia in the hands and feet, then rising weakness. "
                "Hip pain and back pain are common in the first week.",
            ),
        ),
        published="2024-03-15",
        tags=frozenset({"noisy"}),
    ),
    _a(
        NEWS,
        "/articles/sma-gene-therapy",
        "New treatments bring hope for spinal muscular atrophy",
        (
            "",
            (
                "Children with spinal muscular atrophy used to face steady muscle atrophy and "
                "loss of the ability to stand.",
                "Early treatment now lets many walk, although some older patients remain "
                "wheelchair-bound.",
            ),
        ),
        published="2024-04-22",
        tags=frozenset({"noisy"}),
    ),
    _a(
        NEWS,
        "/slow/weekly-roundup",
        "Weekly health roundup",
        (
            "",
            (
                "This week: a survey of clinics found that thigh pain in older adults with "
                "diabetes is often investigated late.",
                "Also: researchers call for faster referral of patients with proximal leg "
                "weakness.",
            ),
        ),
        published="2024-07-01",
        tags=frozenset({"slow"}),
    ),
    _a(
        NEWS,
        "/flaky/once",
        "Clinic waiting times improve",
        (
            "",
            (
                "Average waiting times for neurology appointments fell this quarter, the "
                "regional health board said.",
            ),
        ),
        published="2024-07-02",
        tags=frozenset({"fails-once"}),
    ),
    # ---------------------------------------------------------------- muscle-atlas.example
    _a(
        ATLAS,
        "/muscles/quadriceps",
        "Quadriceps femoris",
        (
            "Anatomy",
            (
                "The quadriceps is the large muscle group at the front of the thigh. It "
                "straightens the knee and helps with rising from a chair.",
            ),
        ),
        (
            "Disorders",
            (
                "Quadriceps atrophy is seen in diabetic amyotrophy, in spinal muscular atrophy "
                "and after long bed rest. Wasting of the quadriceps causes the knee to buckle.",
            ),
        ),
        published="2021-08-08",
    ),
    _a(
        ATLAS,
        "/muscles/iliopsoas",
        "Iliopsoas",
        (
            "Anatomy",
            (
                "The iliopsoas flexes the hip. It is supplied by branches of the lumbar "
                "plexus and the femoral nerve.",
            ),
        ),
        (
            "Disorders",
            (
                "Weakness of hip flexion is an early sign of lumbosacral plexus disorders. "
                "Hip pain with weakness of the iliopsoas should prompt a neurological review.",
            ),
        ),
        published="2021-08-09",
    ),
    _a(
        ATLAS,
        "/disorders/amyotrophy-overview",
        "Amyotrophy: an overview",
        (
            "",
            (
                "Amyotrophy means muscle wasting caused by nerve damage. Diabetic amyotrophy "
                "(DA) is the best-known example in adults.",
                "In DA the wasting is proximal: the thigh and hip muscles shrink while the "
                "foot muscles are spared.",
            ),
        ),
        (
            "Related conditions",
            (
                "Neuralgic amyotrophy affects the shoulder instead, with severe shoulder pain "
                "followed by weakness.",
            ),
        ),
        published="2022-01-17",
    ),
    _a(
        ATLAS,
        "/disorders/sma-types",
        "Types of spinal muscular atrophy",
        (
            "",
            (
                "SMA is grouped into types by age of onset. In the adult-onset type, proximal "
                "leg weakness appears slowly and muscle atrophy is mild.",
                "Paresthesia is not part of SMA; sensory nerves are spared.",
            ),
        ),
        published="2022-02-11",
    ),
    _a(
        ATLAS,
        "/disorders/myasthenia",
        "Myasthenia gravis",
        (
            "",
            (
                "Myasthenia gravis causes weakness that worsens with use and improves with "
                "rest. Drooping eyelids and double vision are typical.",
                "Muscle atrophy is uncommon, and there is no thigh pain.",
            ),
        ),
        published="2022-03-03",
    ),
    # ---------------------------------------------------------------- patient-forum.example
    _a(
        FORUM,
        "/threads/thigh-pain-after-diagnosis",
        "Thigh pain months after diagnosis - anyone else?",
        (
            "Original post",
            (
                "I was told I have diabetic amyotrophy in January. The thigh pain is still bad "
                "at night and my right leg feels weak on stairs.",
            ),
        ),
        (
            "Replies",
            (
                "Same here. My pain eased after about five months but the muscle wasting took "
                "much longer to improve.",
                "My father had it too. He lost a lot of weight before anyone knew what it was.",
            ),
        ),
        published="2024-03-30",
    ),
    _a(
        FORUM,
        "/threads/legs-gave-way",
        "My legs gave way at the café",
        (
            "Original post",
            (
                "Last week my legs gave way at the café near work \u2013 I couldn\u2019t "
                "stand up from the chair. The doctor says it\u2019s diabetic amyotrophy and "
                "that the hip pain fits.",
                "I had no numbness or sensory loss, just weakness and a deep ache. "
                "Na\u00efve question: will the muscle come back?",
            ),
        ),
        (
            "Replies",
            (
                "It did for me, slowly. Physio twice a week made the difference \u2014 "
                "stick with it.",
            ),
        ),
        published="2024-04-02",
        encoding="windows-1252",
    ),
    _a(
        FORUM,
        "/threads/wheelchair-months",
        "Six months in a wheelchair, now walking",
        (
            "Original post",
            (
                "With DA I was wheelchair-bound from March to September. Proximal leg weakness "
                "was the worst part; I could not get out of the car.",
                "Today I walked to the shop and back. Do not give up.",
            ),
        ),
        published="2024-05-12",
    ),
    _a(
        FORUM,
        "/threads/gbs-recovery-diary",
        "GBS recovery diary",
        (
            "Week 1",
            (
                "Pins and needles in my feet, then my legs went weak within three days. I had "
                "no weight loss but terrible back pain.",
            ),
        ),
        (
            "Week 12",
            ("Walking with a frame now. The paresthesia is fading.",),
        ),
        published="2024-01-08",
    ),
    _a(
        FORUM,
        "/threads/script-test",
        "Formatting test <script>alert('title')</script>",
        (
            "Original post",
            (
                "Testing if the forum escapes things: <img src=x onerror=alert(1)> end of test.",
                "Here is a script tag written as text: &lt;script&gt;alert(&quot;x&quot;)"
                "&lt;/script&gt; and my thigh pain from diabetic amyotrophy is better today.",
                "My &lt;img src=x onerror=alert(2)&gt; diabetic amyotrophy gave me weight loss.",
            ),
        ),
        published="2024-06-21",
        tags=frozenset({"xss"}),
    ),
    # ---------------------------------------------------------------- med-library.example
    _a(
        LIB,
        "/reviews/proximal-diabetic-neuropathy",
        "Review: proximal diabetic neuropathy",
        (
            "Abstract",
            (
                "Proximal diabetic neuropathy, also known as diabetic amyotrophy, presents "
                "with asymmetric thigh pain, proximal leg weakness and weight loss.",
            ),
        ),
        (
            "Clinical features",
            (
                "Pain precedes weakness in most series. Muscle atrophy of the quadriceps and "
                "iliopsoas follows within weeks, and a quarter of patients become "
                "wheelchair-bound at the nadir.",
                "Sensory symptoms are mild; several case series report no sensory loss in "
                "the affected thigh.",
            ),
        ),
        (
            "Prognosis",
            ("Partial recovery over one to three years is the rule.",),
        ),
        published="2020-05-05",
    ),
    _a(
        LIB,
        "/reviews/lumbosacral-radiculoplexus",
        "Lumbosacral radiculoplexus neuropathy in people without diabetes",
        (
            "",
            (
                "A similar syndrome occurs in people without diabetes. It shares the thigh "
                "pain, weakness and weight loss of diabetic amyotrophy.",
                "Nerve biopsy shows the same microvasculitis in both groups.",
            ),
        ),
        published="2021-02-14",
    ),
    _a(
        LIB,
        "/reviews/motor-neuron-disorders",
        "Motor neuron disorders: a primer",
        (
            "",
            (
                "Motor neuron disorders cause painless weakness and muscle atrophy. Spinal "
                "muscular atrophy affects lower motor neurons only.",
                "Pain is not typical, so severe thigh pain points away from a motor neuron "
                "disorder.",
            ),
        ),
        published="2019-10-10",
    ),
    _a(
        LIB,
        "/glossary/amyotrophy",
        "Glossary: amyotrophy",
        (
            "",
            (
                "Amyotrophy: wasting of muscle due to loss of its nerve supply. See also "
                "diabetic amyotrophy and neuralgic amyotrophy.",
            ),
        ),
        published="2018-01-01",
    ),
    _a(
        LIB,
        "/glossary/paresthesia",
        "Glossary: paresthesia",
        (
            "",
            (
                "Paresthesia: an abnormal sensation such as tingling, prickling or pins and "
                "needles, without an outside cause.",
            ),
        ),
        published="2018-01-01",
    ),
    _a(
        LIB,
        "/glossary/fasciculation",
        "Glossary: fasciculation",
        (
            "",
            (
                "Fasciculation: a brief twitch of a small group of muscle fibres, visible "
                "under the skin.",
            ),
        ),
        published="2018-01-01",
    ),
    _a(
        LIB,
        "/internal/drafts",
        "Drafts (internal)",
        ("", ("Unpublished drafts; robots.txt keeps crawlers out.",)),
    ),
)


def oversized_paragraphs(target_bytes: int) -> list[str]:
    """Proceedings text repeated past `target_bytes`, for the page a size limit must refuse."""
    line = (
        "Session {n}: case discussion of a patient with thigh pain, proximal leg weakness "
        "and weight loss; the panel agreed on a diagnosis of diabetic amyotrophy."
    )
    out: list[str] = []
    size = 0
    n = 0
    while size < target_bytes:
        n += 1
        text = line.format(n=n)
        out.append(text)
        size += len(text) + 8
    return out
