"""Numbers beyond a reference line are findings: lab values, vital signs, IQ scores."""

import pytest

from text_processing.lab_values import lab_value_findings


def _ids(text: str) -> list[str]:
    return [hpo_id for _, _, hpo_id in lab_value_findings(text)]


@pytest.mark.parametrize(
    ("text", "hpo_id"),
    [
        ("Platelet count was 45,000/μL.", "HP:0001873"),  # Thrombocytopenia
        ("Platelets were 45 x 10^9/L.", "HP:0001873"),
        ("platelets 620 x 10^9/L", "HP:0001894"),  # Thrombocytosis
        ("Serum sodium was 125 mmol/L.", "HP:0002902"),  # Hyponatremia
        ("sodium 151 mEq/L", "HP:0003228"),  # Hypernatremia
        ("Serum potassium was 2.8 mEq/L.", "HP:0002900"),  # Hypokalemia
        ("hemoglobin 7.2 g/dL", "HP:0001903"),  # Anemia
        ("Hb 65 g/L on admission", "HP:0001903"),
        ("a temperature of 39.5 °C", "HP:0001945"),  # Fever
        ("Temperature 101.5 F", "HP:0001945"),
        ("Blood pressure was 180/110 mmHg.", "HP:0000822"),  # Hypertension
        ("Body mass index was 35 kg/m2.", "HP:0001513"),  # Obesity
        ("His IQ was 55.", "HP:0001256"),  # mild
        ("FSIQ = 38", "HP:0002342"),  # moderate
        ("full-scale IQ of 28", "HP:0010864"),  # severe
        ("IQ 75", "HP:0006889"),  # borderline
        ("Plasma ammonia of 1,240 micromol/L.", "HP:0001987"),  # Hyperammonemia
        ("ammonia 150 ug/dL", "HP:0001987"),
        ("Serum albumin of 18 g/L.", "HP:0003073"),  # Hypoalbuminemia
        ("albumin 2.1 g/dL", "HP:0003073"),
        ("Serum creatinine of 2.9 mg/dL.", "HP:0003259"),
        ("creatinine 250 µmol/L", "HP:0003259"),
        ("Blood glucose was 1.8 mmol/L.", "HP:0001943"),  # Hypoglycemia
        ("glucose 38 mg/dL", "HP:0001943"),
        ("Blood glucose of 28 mmol/L.", "HP:0003074"),  # Hyperglycemia, fasting or not
        ("Total IgE of 4,850 kU/L.", "HP:0003212"),  # Increased circulating IgE
        ("an ejection fraction of 32%", "HP:0012665"),  # moderately reduced LVEF
        ("LVEF was 45%", "HP:0012663"),  # mildly
        ("left ventricular ejection fraction 20%", "HP:0012666"),  # severely
        ("QTc of 540 ms", "HP:0005184"),  # Prolonged QTc interval
    ],
)
def test_value_beyond_the_line_is_the_finding(text, hpo_id):
    assert _ids(text) == [hpo_id]


@pytest.mark.parametrize(
    "text",
    [
        "Platelet count 250,000/μL, sodium 140 mmol/L, potassium 4.1 mmol/L, Hb 13.2 g/dL.",
        "Temperature was 36.8°C and blood pressure 118/76 mmHg.",
        "IQ was 102.",
        "BMI 22 kg/m2",
        "The dose of sodium was 2 g.",  # a dose, no serum level
        "Cultures were grown at a temperature of 42 °C.",  # no patient is that hot
        "Ammonia 35 µmol/L, albumin 41 g/L, creatinine 0.8 mg/dL, glucose 5.2 mmol/L.",
        "Ejection fraction was 62% and QTc 420 ms.",
        "Urine albumin was 2 g/L.",  # the urine's, not the blood's
        "CSF glucose was 1.5 mmol/L.",
        "Creatinine clearance was 30 mL/min.",
        "Glucose was 7.5 mmol/L.",  # high fasting, normal after a meal: no line for both
    ],
)
def test_value_inside_the_range_or_no_measure_is_no_finding(text):
    assert _ids(text) == []


def test_span_runs_from_the_measure_to_the_unit():
    text = "On admission the platelet count was 45,000/μL."
    ((start, end, _),) = lab_value_findings(text)
    assert text[start:end] == "platelet count was 45,000/μL"


def test_tagger_reports_the_value_with_its_context(tagger):
    (m,) = tagger.tag("There was no fever; temperature was 38.9 °C two days later.")[1:]
    assert (m.text, m.hpo_id, m.negated) == ("temperature was 38.9 °C", "HP:0001945", False)


@pytest.mark.parametrize(
    "text",
    [
        "platelet count" + " " * 20_000 + "5",
        "height" + " " * 20_000 + "5 SD",
        "height was" + " " * 20_000 + "x centile",
    ],
)
def test_long_whitespace_runs_do_not_hang_the_patterns(text):
    """A hang guard, not a speed target: harvested text is untrusted, and these patterns once
    backtracked over every split of a whitespace run (60 s for 20 kB). A 10 s alarm fails the
    test long before a hang would stop the suite."""
    import signal

    from text_processing.measurements import measurement_findings

    def _timeout(signum, frame):
        raise TimeoutError(text[:20])

    old = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(10)
    try:
        assert lab_value_findings(text) == []
        assert measurement_findings(text) == []
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
