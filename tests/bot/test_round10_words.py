"""Round 10's classes, in words of our own (not the evaluation set's): punctuation said to voice dictation,
the treatment named as a time ("since the drip"), a comparison with the past, everyday pain idioms of the
muscles and joints, an earlier temperature replaced by a normal one now, a relative's symptom when the
writer is the patient and well, and requests for results and copies."""

import pytest

from bot.dialogue import is_report
from bot.findings import extract
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.nlp import about_someone_else, dictated_punctuation, load
from bot.system_checks import asks_for_paperwork
from tests.bot.levels import level

# ---------------------------------------------------------------- 1. dictated punctuation


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("he keeps calling me by my brother's name period he thinks it is 1975 period", "confusion"),
        ("grandad does not know where he is full stop he was fine this morning", "confusion"),
        ("she is not making sense comma she doesn't know what day it is", "confusion"),
    ],
)
def test_dictated_punctuation_ends_the_sentence(text, symptom):
    assert symptom in extract(text).symptoms


def test_dictated_marks_are_the_marks_they_name():
    doc = load()("it started an hour ago question mark no comma it was sudden")
    assert [doc[i].norm_ for i, _ in dictated_punctuation(doc)] == ["?", "?", ","]


@pytest.mark.parametrize(
    "text",
    [
        "my period came early and I have a headache",  # menstruation, said as a noun
        "I have had period cramps since yesterday",
        "she came to a full stop on the stairs",
        "headache. it lasted a short period. fine now",  # typed punctuation: "period" is a word
    ],
)
def test_a_period_that_is_a_word_stays_a_word(text):
    assert dictated_punctuation(load()(text)) == []


# ---------------------------------------------------------------- 2. the treatment as a time, and belly pain


@pytest.mark.parametrize(
    "text",
    [
        "my tummy has been aching ever since the infusion, stabbing low down on the left",
        "stomach sore after my IV yesterday",
        "belly pain since the drip went in",
    ],
)
def test_a_time_word_before_the_treatment_is_no_drip_site(text):
    found = extract(text)
    assert "infusion_site_irritation" not in found.symptoms
    assert level(text) == CALL_DOCTOR_NOW  # a belly pain is a symptom the lexicon does not know


def test_the_drip_named_as_a_place_is_still_the_site():
    assert "infusion_site_irritation" in extract("the skin where the drip was is sore and pink").symptoms


@pytest.mark.parametrize(
    "text",
    [
        "mild headache and my tummy really hurts",
        "bit tired, and a bad ache in my belly",
        "achy and stomach cramps",
    ],
)
def test_a_belly_pain_beside_a_mild_symptom_is_never_mild(text):
    assert level(text) == CALL_DOCTOR_NOW


def test_an_upset_stomach_stays_mild():
    assert level("my stomach feels a bit unsettled") == MANAGE_AT_HOME


# ---------------------------------------------------------------- 3. a comparison with the past


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("he's got a slight headache, same as after his last infusion", "headache"),
        ("worn out just like last time", "tiredness"),
        ("an itchy rash, similar to the last one", "rash"),
        ("my legs ache as usual after my infusions", "muscle_aches"),
    ],
)
def test_a_symptom_compared_with_the_past_is_present(text, symptom):
    assert symptom in extract(text).symptoms


def test_a_symptom_of_the_last_time_is_still_history():
    assert "rash" not in extract("I got a rash last time, nothing this time").symptoms


# ---------------------------------------------------------------- 4. pain idioms of the muscles and joints


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("my shoulders are killing me today", "muscle_aches"),
        ("my thighs are giving me grief", "muscle_aches"),
        ("her back muscles are playing up since yesterday", "muscle_aches"),
        ("my wrists are at me all morning", "joint_pain"),
        ("knees are acting up", "joint_pain"),
        ("his hips are murdering me, he says", "joint_pain"),
    ],
)
def test_pain_idioms_are_the_mild_aches(text, symptom):
    assert symptom in extract(text).symptoms


@pytest.mark.parametrize(
    "text",
    ["I'm back home now, all good", "the rash is back", "back to normal today"],
)
def test_back_as_a_return_is_no_muscle(text):
    assert "muscle_aches" not in extract(text).symptoms


@pytest.mark.parametrize(
    "text",
    [
        "my belly is killing me",
        "the lower back is giving me grief",  # the back itself, not its muscles: not on the mild list
        "upper back pain, and a bit tired",
        "my back is playing up badly since the infusion",
    ],
)
def test_a_belly_or_back_pain_is_no_muscle_ache(text):
    assert "muscle_aches" not in extract(text).symptoms
    assert level(text) == CALL_DOCTOR_NOW


def test_a_cause_is_not_a_time():
    assert "infusion_site_irritation" in extract("a bruise on my wrist from the drip").symptoms


# ---------------------------------------------------------------- 5. several temperatures


@pytest.mark.parametrize(
    "text, celsius",
    [
        ("temperature was 38.0 last night but it's gone, 36.6 now", 36.6),
        ("yesterday 37.9, today it's 36.8, back to normal", None),  # "back to normal" says both are over
        ("had 37.6 earlier, now 38.4", 38.4),  # a higher reading now
        ("39.0 overnight and 37.6 this morning", 39.0),  # no word of it being over: the highest
        ("38.3 yesterday, 36.9 today, still feel feverish", 38.3),
    ],
)
def test_the_current_reading_counts_only_when_the_fever_is_over(text, celsius):
    assert extract(text).temperature_c == celsius


def test_a_high_reading_now_is_never_lowered():
    assert level("was 37.2 this morning, it's 38.7 now") == CALL_DOCTOR_NOW


# ---------------------------------------------------------------- 6. someone else's symptom


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("my brother has a mild rash, can he use my antihistamines? I feel fine", "rash"),
        ("my aunt who is visiting us has a headache, I am fine", "headache"),
    ],
)
def test_a_relatives_symptom_when_the_writer_is_the_well_patient(text, symptom):
    assert symptom not in extract(text).symptoms


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("my son had his infusion today and has a headache, I am fine", "headache"),  # the son is the patient
        ("my dad has a headache, can he take my paracetamol?", "headache"),  # no word that the writer is well
    ],
)
def test_the_patient_written_about_keeps_the_symptom(text, symptom):
    assert symptom in extract(text).symptoms


def test_a_red_flag_of_a_relative_counts_when_unsure():
    # only the writer's tablets and "I'm fine" say who the patient is: a red flag is kept
    assert level("my gran has a stiff neck, can she take my paracetamol? I'm fine") == CALL_DOCTOR_NOW
    assert extract("my gran has a temp of 39.2, can she have my paracetamol? I am fine").temperature_c == 39.2


def test_a_message_about_someone_else_asks_the_learned_layer_nothing():
    assert about_someone_else(load()("my wife has the flu. I'm the one who had the IVIG and I'm fine"))
    assert not about_someone_else(load()("my wife had her IVIG and I'm fine, she has a rash"))
    assert not about_someone_else(load()("I had my infusion and I'm not fine, my wife says I look pale"))


# ---------------------------------------------------------------- 7. requests for results and copies


@pytest.mark.parametrize(
    "text",
    [
        "please share my lab results on my mail id",
        "are the blood test results ready yet?",
        "could you send a copy of the report to my GP",
        "kindly email the receipt",
    ],
)
def test_requests_for_results_and_copies_are_not_reports(text):
    learned = {"consciousness": 0.5, "none": 0.1}
    assert asks_for_paperwork(text)
    assert not is_report(extract(text), True, text, learned)


@pytest.mark.parametrize("text", ["my results are back and I feel faint", "the report says my kidneys are bad"])
def test_a_request_with_a_complaint_is_read_as_usual(text):
    assert not asks_for_paperwork(text)


def test_the_emergency_examples_of_dictation_stay_emergencies():
    assert level("mum is drooling and her face has dropped on one side period please help") == EMERGENCY
