"""Round 14's classes, in words of our own (not the evaluation set's): the clinical words of nurses and
pharmacists, the numbers of other measures beside a pulse or a temperature, a reading dated in its own clause,
a comparison that is no age, a temperature "had", what the treatment can do said as a fact, the drip site read
past another clause's negation, indigestion, travel sickness, onset counted in seconds, and the answers: the
degree denied, "not that she's said", "nil", a question back, not looked, and "fine" in other languages."""

import pytest

from bot import dialogue
from bot.age import oldest_age
from bot.answers import Answer, read_answer, read_degree
from bot.dialogue import says_fine
from bot.findings import extract
from bot.lexicon import CALL_DOCTOR_NOW, CLINICAL_TERMS, EMERGENCY, MANAGE_AT_HOME, SYMPTOMS
from bot.vitals import heart_rates
from tests.bot.levels import level

# ---------------------------------------------------------------- 1. clinical words


@pytest.mark.parametrize("sign", sorted(CLINICAL_TERMS))
def test_each_clinical_term_is_read_as_its_sign(sign):
    for term in CLINICAL_TERMS[sign][:2]:
        if "[" not in term:
            assert sign in extract(f"on review: {term} noted").symptoms, term


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mum, 71, post IVIG: myalgia and malaise, afebrile", MANAGE_AT_HOME),
        ("dyspnoea on exertion since this morning", CALL_DOCTOR_NOW),
        ("audible stridor, very anxious", EMERGENCY),
        ("GCS 12, not himself", EMERGENCY),
        ("I sob when I think about the bills", None),
    ],
)
def test_clinical_notes_get_the_level_of_what_they_name(text, expected):
    assert level(text) == expected


# ---------------------------------------------------------------- 2. other measures beside the numbers


@pytest.mark.parametrize(
    "text", ["HR 76, BP 132/84, sats 98%", "pulse 70 and blood pressure 125 over 80", "HR 90 RR 18 T 37.1"]
)
def test_a_normal_pulse_beside_other_measures_is_not_fast(text):
    assert max(heart_rates(text)) < 120


@pytest.mark.parametrize(
    "text", ["pulse 80, can't be right, now 135", "pulse 90 I don't know, 130 now", "HR 85 T 37.2, no wait HR 135"]
)
def test_a_contraction_is_no_other_measure_and_a_rate_said_again_counts(text):
    assert max(heart_rates(text)) >= 120


@pytest.mark.parametrize("text", ["feeling 100% today, no fever", "BP 100/60, no temp", "sats 99% on air"])
def test_a_percentage_or_a_blood_pressure_is_no_temperature(text):
    assert extract(text).temperature_c is None


def test_a_reading_before_the_infusion_does_not_date_a_reading_now_in_another_clause():
    assert extract("38.1 this evening, it was 39.5 before the drip", expecting_temperature=True).temperature_c == 38.1


def test_a_normal_reading_since_yesterday_replaces_an_earlier_fever_said_to_be_over():
    found = extract("temp was 38.6 on monday, gone now, steady at 36.9 since yesterday")
    assert found.temperature_c == 36.9


# ---------------------------------------------------------------- 3. words


@pytest.mark.parametrize("text", ["my hips ache like I'm 90", "I feel like a 100 year old", "moving as if she's 80"])
def test_a_comparison_is_no_age(text):
    assert oldest_age(text) is None


@pytest.mark.parametrize("text", ["my boy has a temp since the drip", "she's running a temperature"])
def test_a_temperature_had_is_a_fever(text):
    assert "fever" in extract(text).symptoms


@pytest.mark.parametrize(
    "text", ["a leaflet said IVIG can cause headaches, all fine here", "the drip may give you a rash, right?"]
)
def test_what_the_treatment_can_do_said_as_a_fact_is_asked_about(text):
    found = extract(text)
    assert not found.symptoms and found.asked_about


def test_a_sign_a_few_words_after_what_the_treatment_can_do_is_the_patients():
    assert "neck_stiffness" in extract("IVIG can cause meningitis and my neck is really stiff").symptoms


def test_another_clauses_negation_does_not_stop_the_drip_site_explaining_a_swelling():
    found = extract("2am, can't settle, the cannula site on my right arm is puffy and pink")
    assert found.symptoms == {"infusion_site_irritation"}


@pytest.mark.parametrize("text", ["really bad heartburn tonight", "bit of indigestion since the infusion"])
def test_indigestion_is_a_symptom_to_call_about_and_asks_about_the_heart(text):
    found = extract(text)
    assert "indigestion" in found.symptoms and level(text) == CALL_DOCTOR_NOW
    assert dialogue.next_question(found, dialogue.State()) == "crushing_chest_pain"


@pytest.mark.parametrize("text", ["like being car sick", "a bit seasick", "feel travel sick"])
def test_travel_sickness_is_nausea(text):
    assert extract(text).symptoms == {"nausea"}


@pytest.mark.parametrize(
    "text",
    ["my headache hit in two seconds flat", "the headache came on like thunder", "my head hurts, the worst of my life"],
)
def test_onset_in_seconds_or_a_worst_ever_said_after_is_the_worst_headache(text):
    assert level(text) == EMERGENCY


@pytest.mark.parametrize(
    "text", ["bad headache. the worst of all is the noise", "the headache is the worst part, 6/10"]
)
def test_an_ordering_is_no_worst_ever(text):
    assert "worst_headache" not in extract(text).symptoms


def test_aches_ask_about_a_swollen_painful_limb():
    found = extract("achy legs after the infusion")
    state = dialogue.State(asked=("temperature", "infusion_time"))
    found = found.merge(extract("37.0", expecting_temperature=True))
    assert dialogue.next_question(found, state) == "swollen_painful_limb"


def test_a_headache_asks_about_vomiting():
    state = dialogue.State(asked=("neck_stiffness", "severe_headache"))
    assert dialogue.next_question(extract("headache since the drip"), state) == "vomiting"


# ---------------------------------------------------------------- 4. answers


@pytest.mark.parametrize(
    "text",
    [
        "just an ordinary one, not severe",
        "It's mild, came on slowly. Certainly not the worst I've had.",
        "a dull one, nothing like the worst ever",
    ],
)
def test_a_degree_denied_answers_no(text):
    assert read_degree(text) is Answer.NO


@pytest.mark.parametrize("text", ["not a normal one, it's awful", "no, this isn't my usual headache"])
def test_not_the_usual_kind_answers_yes(text):
    assert read_degree(text) is Answer.YES


@pytest.mark.parametrize(
    "text",
    ["Not that she's said", "He hasn't said so", "not that he's complained of", "Nil", "Bien", "dobrze", "nie"],
)
def test_more_ways_of_saying_no(text):
    assert read_answer(text) is Answer.NO


@pytest.mark.parametrize("text", ["I didn't look, sorry", "haven't checked", "not looked"])
def test_not_looked_is_unsure(text):
    assert read_answer(text) is Answer.UNSURE


@pytest.mark.parametrize("text", ["Is ginger tea ok?", "Are you open on Sunday?"])
def test_a_question_back_is_no_hedge(text):
    assert read_answer(text) is None


@pytest.mark.parametrize("text", ["Am I ok to take Gaviscon?", "is it fine to shower?", "a headache as well"])
def test_permission_or_as_well_is_not_all_being_well(text):
    assert not says_fine(text)


def test_eating_and_playing_is_all_being_well():
    assert says_fine("he's eaten his tea and is playing now") and not says_fine("she is not eating")


def test_every_clinical_term_names_a_sign_of_the_lexicon():
    assert set(CLINICAL_TERMS) <= set(SYMPTOMS)
