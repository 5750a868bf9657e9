"""The rule layer reads patients' messy language: every symptom, negation, hedging, severity,
several symptoms at once, temperatures in °C and °F, typos."""

import pytest

from bot import lexicon
from bot.findings import Findings, extract, with_ml_symptoms
from bot.nlp import load, token_patterns
from bot.temperature import find_temperatures

# One lay phrase per symptom id, as a patient would type it.
SAID = {
    "infusion_site_irritation": "bit of redness where the IV went in",
    "headache": "i have a headache",
    "flushing": "my face is all red and hot",
    "fever": "i feel feverish",
    "chills": "i have the chills",
    "nausea": "feeling queasy",
    "muscle_aches": "my muscles ache",
    "joint_pain": "my knees and elbows ache",
    "tiredness": "so tired today",
    "flu_like_symptoms": "i feel like i have the flu",
    "rash": "i have a rash on my arm",
    "breathing_difficulty": "i can't catch my breath",
    "chest_tightness": "my chest feels tight",
    "vomiting": "i have been throwing up",
    "high_fever": "i am burning up",
    "severe_rash": "the rash is spreading",
    "neck_stiffness": "my neck is stiff",
    "severe_headache": "a splitting headache",
    "swollen_painful_limb": "my calf is swollen and painful",
    "dark_urine": "my pee is dark brown",
    "little_or_no_urine": "i haven't peed all day",
    "jaundice": "my eyes look yellow",
    "persistent_vomiting": "i can't keep anything down",
    "dizziness": "i feel dizzy",
    "palpitations": "my heart is racing",
    "clammy_skin": "I have gone cold and clammy",
    "indigestion": "I have had bad indigestion since the drip",
    "low_oxygen": "my oxygen is really low",
    "lowish_oxygen": "sats are a bit low",
    "fast_heart_rate": "his pulse is very high",
    "high_blood_pressure": "my blood pressure is really high",
    "low_blood_pressure": "her bp has dropped",
    "light_sensitivity": "I'm very sensitive to light today",
    "throat_or_face_swelling": "my throat is swelling up",
    "severe_breathing_difficulty": "i can't breathe",
    "blue_lips": "my lips are turning blue",
    "fainting": "she passed out",
    "seizure": "he is having a seizure",
    "stroke_signs": "her face is drooping on one side",
    "crushing_chest_pain": "crushing chest pain",
    "confusion": "he is confused and disoriented",
    "worst_headache": "the worst headache of my life",
}


def test_every_symptom_of_the_lexicon_has_a_lay_example():
    assert set(SAID) == set(lexicon.SYMPTOMS)


@pytest.mark.parametrize("symptom", sorted(SAID))
def test_each_symptom_is_recognised_in_lay_words(symptom):
    assert symptom in extract(SAID[symptom]).symptoms


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("can't catch my breath", "breathing_difficulty"),
        ("throwing up", "vomiting"),
        ("neck is stiff", "neck_stiffness"),
        ("hives", "rash"),
        ("burning up", "high_fever"),
        ("my tongue is swollen", "throat_or_face_swelling"),
        ("my lips look blue", "blue_lips"),
        ("fainted", "fainting"),
        ("slurred speech", "stroke_signs"),
        ("my calf is red and swollen", "swollen_painful_limb"),
        ("red urine", "dark_urine"),
        ("yellow skin", "jaundice"),
        ("vomiting that won't stop", "persistent_vomiting"),
    ],
)
def test_lay_synonyms_named_in_the_brief(text, symptom):
    assert symptom in extract(text).symptoms


@pytest.mark.parametrize(
    "text, denied",
    [
        ("no trouble breathing", "breathing_difficulty"),
        ("not vomiting", "vomiting"),
        ("i haven't thrown up", "vomiting"),
        ("headache but no stiff neck", "neck_stiffness"),
        ("nausea without vomiting", "vomiting"),
        ("no fever or chills", "chills"),
        ("my lips are not blue", "blue_lips"),
        ("my face isn't swollen", "throat_or_face_swelling"),
        ("denies chest pain", "chest_tightness"),
    ],
)
def test_negated_symptoms_are_denied_not_present(text, denied):
    findings = extract(text)
    assert denied in findings.denied
    assert denied not in findings.symptoms


@pytest.mark.parametrize(
    "text, present",
    [
        ("no, I threw up twice", "vomiting"),  # an answer, not a negation
        ("i can't stop vomiting", "persistent_vomiting"),  # a pseudo-negation
        ("no fever and i'm throwing up", "vomiting"),  # negation stops at "and"
        ("not sure but i think i'm short of breath", "breathing_difficulty"),
        ("no headache, but my chest is tight", "chest_tightness"),
    ],
)
def test_negation_does_not_reach_past_its_clause(text, present):
    assert present in extract(text).symptoms


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("kinda hard to breathe?", "breathing_difficulty"),
        ("maybe a bit short of breath", "breathing_difficulty"),
        ("i think my chest is sort of tight", "chest_tightness"),
        ("might have thrown up a little", "vomiting"),
    ],
)
def test_hedged_symptoms_count_as_present(text, symptom):
    findings = extract(text)
    assert symptom in findings.symptoms
    assert symptom in findings.hedged


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("worst headache ever", "worst_headache"),
        ("the worst headache i've ever had", "worst_headache"),
        ("my headache is getting worse", "severe_headache"),
        ("severe headache", "severe_headache"),
        ("the rash is spreading", "severe_rash"),
        ("rash all over my body", "severe_rash"),
        ("i have a rash that is getting worse", "severe_rash"),
        ("terrible chest pain", "crushing_chest_pain"),
    ],
)
def test_severity_and_trend_raise_the_symptom(text, symptom):
    assert symptom in extract(text).symptoms


def test_a_negated_severity_word_does_not_raise():
    assert "severe_headache" not in extract("headache, it is not getting worse").symptoms


def test_several_symptoms_in_one_message():
    findings = extract("headache, chills and my muscles ache, also a bit queasy but no vomiting")
    assert {"headache", "chills", "muscle_aches", "nausea"} <= findings.symptoms
    assert "vomiting" in findings.denied


@pytest.mark.parametrize(
    "text, celsius",
    [
        ("temp is 38.5", 38.5),
        ("39,1", 39.1),
        ("101 F", 38.3),
        ("fever of 103", 39.4),
        ("100.2F", 37.9),
        ("37.8 C", 37.8),
        ("temperature 100.4", 38.0),
        ("102 degrees", 38.9),
        ("it says 38", 38.0),
    ],
)
def test_temperatures_in_celsius_and_fahrenheit(text, celsius):
    found = find_temperatures(text, expecting=True)
    assert found and found[0].celsius == pytest.approx(celsius, abs=0.05)


@pytest.mark.parametrize("text", ["took 2 tablets at 10", "about 3 hours ago", "i am 67 years old", "room 101"])
def test_numbers_that_are_not_temperatures(text):
    assert find_temperatures(text) == []


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("i keep vomitting", "vomiting"),
        ("bad headach", "headache"),
        ("im nauseus", "nausea"),
        ("stiff nek", "neck_stiffness"),
        ("my tounge is swolen", "throat_or_face_swelling"),
        ("hard to brethe", "breathing_difficulty"),
        ("feaver and chils", "fever"),
        # of two words one edit away, the one that keeps every consonant typed ("weeing" drops the z)
        ("been weezing all night", "breathing_difficulty"),
    ],
)
def test_typos(text, symptom):
    assert symptom in extract(text).symptoms


@pytest.mark.parametrize("text", ["coughing a lot", "stuff is fine", "three times", "in a rush"])
def test_spelling_does_not_invent_symptoms(text):
    assert not (extract(text).symptoms & {"fainting", "crushing_chest_pain", "rash", "vomiting", "neck_stiffness"})


@pytest.mark.parametrize(
    "text", ["my toe itches", "i got a nosebleed", "my ears hurt", "coughing a lot", "my legs are getting weaker"]
)
def test_unknown_complaints_are_flagged(text):
    assert extract(text).unknown_symptom


def test_a_general_question_about_side_effects_is_not_a_report():
    findings = extract("can ivig cause trouble breathing?")
    assert not findings.symptoms
    assert "breathing_difficulty" in findings.asked_about


def test_findings_merge_keeps_a_reported_symptom_even_if_later_denied():
    merged = extract("my neck is stiff").merge(extract("no stiff neck"))
    assert "neck_stiffness" in merged.symptoms and "neck_stiffness" not in merged.denied


def test_findings_round_trip_through_a_slot():
    findings = extract("headache, no vomiting, temp 37.9")
    assert Findings.from_dict(findings.to_dict()) == findings


def test_statistical_symptoms_add_but_never_override_a_denial():
    findings = extract("no vomiting")
    assert "vomiting" not in with_ml_symptoms(findings, ["vomiting"]).symptoms
    assert "chest_tightness" in with_ml_symptoms(findings, ["chest_tightness"]).symptoms
    assert not with_ml_symptoms(findings, ["chest_tightness"]).unknown_symptom


def test_a_statistical_symptom_phrase_without_a_known_id_is_an_unknown_symptom():
    assert with_ml_symptoms(extract("hello"), ["my ears feel full"]).unknown_symptom


def test_option_groups_become_token_patterns():
    patterns = token_patterns(load(), "[my|] chest [is|feels] [really|kind of|] tight")
    assert len(patterns) == 3  # only the group with a two-word option is expanded
    assert patterns[-1] == [
        {"NORM": {"IN": ["my"]}, "OP": "?"},
        {"NORM": "chest"},
        {"NORM": {"IN": ["feels", "is"]}},
        {"NORM": "tight"},
    ]
    assert all(token_patterns(load(), p) for s in lexicon.SYMPTOMS.values() for p in s.phrases)


@pytest.mark.parametrize(
    "text",
    [
        "sudden head pain, worst ever, out of nowhere",
        "headache came on suddenly",
        "all of a sudden my head is killing me",
    ],
)
def test_a_sudden_headache_is_the_worst_headache(text):
    assert "worst_headache" in extract(text).symptoms


def test_sudden_onset_does_not_make_other_symptoms_severe():
    assert "severe_rash" not in extract("my rash suddenly appeared").symptoms
