"""Round 11's classes, in words of our own (not the evaluation set's): a faint told as a story, confusion in
regional speech (Scots "no", creole "nah", "he don't"), Scots words of the body, a swollen arm said to be the
other one, a colour beside the cannula, a severity word said of the writer, a trend said of a symptom it cannot
raise, a temperature said in words or asked about before it is had, and someone else's symptom."""

import pytest

from bot.findings import extract
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.nlp import load
from tests.bot.levels import level

# ---------------------------------------------------------------- 1. a faint told as a story


@pytest.mark.parametrize(
    "text",
    [
        "after tea he just slumped over in his chair and was out for a few seconds",
        "my wife keeled over in the kitchen, she's come round now and says she's ok",
        "he went out like a light on the sofa for about a minute then came round again",
        "she flopped sideways onto the arm of the settee, has come round now but is very pale",
    ],
)
def test_a_faint_told_as_a_story_is_an_emergency_even_when_over(text):
    assert "fainting" in extract(text).symptoms
    assert level(text) == EMERGENCY


@pytest.mark.parametrize(
    "text",
    ["my sister came round for a cup of tea", "I went out for a walk this afternoon", "we went out for a meal"],
)
def test_visiting_and_going_out_are_no_faint(text):
    assert "fainting" not in extract(text).symptoms


# ---------------------------------------------------------------- 2. confusion in regional speech


@pytest.mark.parametrize(
    "text",
    [
        "grandad don't know where he is, he's in his own kitchen",  # "don't" for "doesn't"
        "she don't know who I am",
        "he's no makin sense at all since the drip",  # Scots "no" for "not"
        "mum doesn't know my name today",
        "my dad can't remember our names",
        "he keeps calling me my sisters name",
        "she doesnt realise shes at home",
    ],
)
def test_confusion_in_regional_speech_and_new_words(text):
    assert "confusion" in extract(text).symptoms
    assert level(text) == EMERGENCY


def test_regional_negation_reads_as_not():
    norms = [t.norm_ for t in load()("she's no making sense and the rash nah spread and he don't know")]
    assert norms.count("not") == 3
    assert "does" in norms


def test_creole_nah_before_a_verb_denies_the_spread():
    assert level("small rash pon mi leg, it nah spread at all") == MANAGE_AT_HOME


def test_no_as_a_plain_answer_is_left_alone():
    assert [t.norm_ for t in load()("no, nah, I'm fine")][:3] == ["no", ",", "nah"]


# ---------------------------------------------------------------- 3. Scots words of the body


@pytest.mark.parametrize("text", ["he's gone blue aroond the mooth", "her mooth is blue"])
def test_scots_mouth_is_the_mouth(text):
    assert level(text) == EMERGENCY


def test_scots_head():
    assert "headache" in extract("ma heid is pounding").symptoms


# ---------------------------------------------------------------- 4. the other arm


@pytest.mark.parametrize(
    "text",
    [
        "My leg is swollen and hot from the knee to the ankle, not the one with the drip.",
        "Her arm is puffy and sore all the way up. It's not the one where the cannula was, it's the other arm.",
    ],
)
def test_a_swollen_limb_said_not_to_be_the_drip_one_is_not_explained_away(text):
    assert "swollen_painful_limb" in extract(text).symptoms
    assert level(text) == CALL_DOCTOR_NOW


def test_a_person_who_is_not_the_one_is_still_someone_else():
    assert level("my son has a bad cough but he's not the one on IVIG, I am, and I'm fine") is None


# ---------------------------------------------------------------- 5. a colour beside the cannula


@pytest.mark.parametrize(
    "text",
    [
        "where the needle was it's gone bluish like a bruise and it's a bit sore",
        "the area round the drip site has turned purple like a bruise, and it's tender",
    ],
)
def test_a_bruise_coloured_site_is_the_site_not_cyanosis(text):
    findings = extract(text)
    assert "blue_lips" not in findings.symptoms
    assert level(text) == MANAGE_AT_HOME


def test_blue_lips_beside_a_cannula_stay_an_emergency():
    assert level("the cannula site is bruised and his lips have gone blue") == EMERGENCY


# ---------------------------------------------------------------- 7. severity and trend words said of another thing


@pytest.mark.parametrize(
    "text",
    [
        "I'm an awful worrier, but I have a mild headache and a temp of 37.6",
        "a small headache and aching all over like a cold coming on",
    ],
)
def test_a_mild_headache_is_not_made_severe_by_words_of_something_else(text):
    assert "severe_headache" not in extract(text).symptoms
    assert level(text) == MANAGE_AT_HOME


@pytest.mark.parametrize("text", ["an awful headache", "my aches are fine but the headache is getting worse"])
def test_severity_and_trend_words_of_the_headache_still_raise_it(text):
    assert "severe_headache" in extract(text).symptoms


# ---------------------------------------------------------------- 9-10. temperatures asked about, and in words


@pytest.mark.parametrize(
    "text",
    [
        "if my son's temperature goes above 38 at the weekend, do we go to A&E?",
        "in case I get a temp of 38.5 tomorrow, do I ring you or 111?",
    ],
)
def test_a_temperature_not_yet_had_is_no_reading(text):
    assert extract(text).temperature_c is None


def test_a_temperature_had_and_asked_about_still_counts():
    assert extract("if my temp is 38.6 should I come in?").temperature_c == 38.6


def test_an_earlier_reading_in_words_replaced_by_a_normal_one_now():
    text = "it was thirty-eight point four last night but it's normal now, thirty-six point nine this morning"
    assert extract(text).temperature_c == 36.9
    assert level(text) is None


def test_a_reading_in_words_now_counts():
    assert extract("his temp is thirty-nine point one now").temperature_c == 39.1


# ---------------------------------------------------------------- 8, 11. idioms and someone else


def test_someone_who_came_with_the_patient_is_someone_else():
    text = "my friend who drove me in is feeling sick today, I'm the patient and I feel fine"
    assert level(text) is None


def test_the_writer_still_counts_when_not_said_to_be_fine():
    assert level("my husband drove me home and now I feel dizzy") is not None


@pytest.mark.parametrize("text", ["I'm so spewing about the parking ticket", "spewing, we missed the train home"])
def test_australian_spewing_about_a_mishap_is_an_idiom(text):
    assert "vomiting" not in extract(text).symptoms


def test_spewing_of_the_body_is_still_vomiting():
    assert "vomiting" in extract("he's been spewing since lunch").symptoms


# ---------------------------------------------------------------- 12. paperwork


@pytest.mark.parametrize(
    "text",
    [
        "could you send a copy of the prescription for my claim please",
        "the letter says my appointment is at 2pm but the text message said 3pm, which is right?",
    ],
)
def test_a_claim_or_a_clash_of_appointment_times_is_paperwork(text):
    from bot.system_checks import asks_for_paperwork

    assert asks_for_paperwork(text)


def test_paperwork_with_a_symptom_is_read_as_usual():
    from bot.system_checks import asks_for_paperwork

    assert not asks_for_paperwork("the letter says 2pm but I feel faint, which is right?")
