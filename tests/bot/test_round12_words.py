"""Round 12's classes, in words of our own (not the evaluation set's): a "so" of degree inside a pair, a breath
that cannot be got, speech cut to single words, a message in capitals, a time of the past that dates its own
clause only, where or who one is not known, someone long dead sought, words that come out wrong, a part that
feels like someone else's, and "achey"."""

import pytest

from bot.findings import extract
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from tests.bot.levels import level

# ---------------------------------------------------------------- 1. "so" of degree, and "so" as a conjunction


@pytest.mark.parametrize(
    "text",
    [
        "she's struggling so much to breathe",
        "my chest feels so tight and heavy",
        "breathing is so hard this evening",
    ],
)
def test_a_so_of_degree_does_not_break_a_body_system_pair(text):
    assert level(text) in (CALL_DOCTOR_NOW, EMERGENCY)


@pytest.mark.parametrize(
    "text",
    ["I was short on time so my breathing exercises got skipped", "it was hard work so I had a nap"],
)
def test_a_so_before_a_new_clause_still_breaks_a_pair(text):
    assert "breathing_difficulty" not in extract(text).symptoms


# ---------------------------------------------------------------- 2. a breath that cannot be got


@pytest.mark.parametrize("text", ["mum can't get her breath", "I couldn't get my breath walking up the hill"])
def test_a_breath_that_cannot_be_got_is_difficulty_breathing(text):
    assert "breathing_difficulty" in extract(text).symptoms


@pytest.mark.parametrize("text", ["I can get my breath fine", "walked the dog without getting out of breath"])
def test_a_breath_got_is_no_sign(text):
    assert "breathing_difficulty" not in extract(text).symptoms


# ---------------------------------------------------------------- 3. speech cut to single words, and capitals


@pytest.mark.parametrize(
    "text",
    [
        "he's so out of breath he has to pause after each word",
        "short of breath, I have to stop between every word",
    ],
)
def test_breathlessness_that_cuts_speech_to_single_words_is_an_emergency(text):
    assert level(text) == EMERGENCY


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("MY SON CANT GET HIS BREATH", "breathing_difficulty"),
        ("SHE ISNT MAKING SENSE", "confusion"),
        ("I DONT KNOW WHERE I AM", "confusion"),
    ],
)
def test_a_message_in_capitals_reads_as_in_lower_case(text, symptom):
    assert symptom in extract(text).symptoms
    assert symptom in extract(text.lower()).symptoms


def test_a_denial_in_capitals_still_denies():
    findings = extract("NO RASH AND I DONT HAVE A TEMPERATURE")
    assert "rash" in findings.denied
    assert not findings.symptoms


# ---------------------------------------------------------------- 4. a time of the past dates its own clause


@pytest.mark.parametrize(
    "text",
    [
        "dad doesn't know what year it is, he moved here 30 years ago",
        "my chest is tight, we had the boiler fixed last week",
    ],
)
def test_a_past_time_with_its_own_subject_dates_only_its_own_clause(text):
    assert level(text) in (CALL_DOCTOR_NOW, EMERGENCY)


@pytest.mark.parametrize("text", ["bad migraine, I had that years ago", "vomiting, years ago"])
def test_a_past_time_that_points_back_still_dates_the_symptom(text):
    assert not extract(text).symptoms & {"vomiting", "severe_headache"}


# ---------------------------------------------------------------- 5. where or who one is, someone long dead sought


@pytest.mark.parametrize(
    "text",
    [
        "grandad is not knowing who they are, his own grandchildren",
        "she doesn't know where she was taken today",
        "he keeps asking for his brother who expired years back",
    ],
)
def test_not_knowing_who_or_where_and_seeking_the_dead_are_confusion(text):
    assert level(text) == EMERGENCY


# ---------------------------------------------------------------- 6. words that come out wrong; a part not one's own


@pytest.mark.parametrize(
    "text",
    [
        "I can't seem to get my words out properly",
        "she knows what she wants to say and it comes out jumbled",
        "my left leg feels like someone else's",
        "his right arm feels like it belongs to someone else",
    ],
)
def test_speech_that_comes_out_wrong_or_a_part_not_ones_own_are_stroke_signs(text):
    assert "stroke_signs" in extract(text).symptoms
    assert level(text) == EMERGENCY


def test_someone_elses_thing_is_no_stroke_sign():
    assert "stroke_signs" not in extract("I borrowed someone else's arm sling").symptoms


# ---------------------------------------------------------------- 7. "achey"


@pytest.mark.parametrize("text", ["achey knees today", "my muscles are achey"])
def test_achey_is_aching(text):
    assert level(text) == MANAGE_AT_HOME


# ---------------------------------------------------------------- 8. a sign only come close to; idioms of the eyes


@pytest.mark.parametrize(
    "text",
    [
        "feel like I could throw up any minute",
        "she nearly threw up in the car but didn't",
        "I'm about to throw up I think",
        "he says he feels like puking",
    ],
)
def test_a_vomit_only_come_close_to_is_nausea(text):
    findings = extract(text)
    assert "nausea" in findings.symptoms and "vomiting" not in findings.symptoms


@pytest.mark.parametrize("text", ["I might have thrown up in my sleep", "she threw up after lunch"])
def test_a_vomit_had_or_perhaps_had_stays_vomiting(text):
    assert "vomiting" in extract(text).symptoms


@pytest.mark.parametrize(
    "text, sign",
    [
        ("my teenager keeps rolling his eyes at me", "seizure"),
        ("I read the stroke leaflet they gave me", "stroke_signs"),
    ],
)
def test_eyes_rolled_at_someone_and_a_stroke_leaflet_are_no_signs(text, sign):
    assert sign not in extract(text).symptoms


def test_eyes_rolling_back_are_still_a_fit():
    assert level("his eyes rolled back and his arms were jerking") == EMERGENCY


# ---------------------------------------------------------------- 9. "they" doing the care; "no" as an answer


def test_they_who_put_the_line_in_are_the_staff():
    findings = extract("I had my infusion this morning and the spot where they put the needle in is sore")
    assert "infusion_site_irritation" in findings.symptoms


@pytest.mark.parametrize("reply", ["no she's breathing normally", "no I'm breathing fine"])
def test_a_no_before_a_subject_is_the_answer_not_a_negation_of_normal(reply):
    assert "breathing_difficulty" not in extract(reply).symptoms


# ---------------------------------------------------------------- 10. a headache that shuts the light out


@pytest.mark.parametrize(
    "text",
    ["my head is pounding and I've kept the blinds down all day", "bad headache, had to pull the curtains shut"],
)
def test_a_headache_that_shuts_the_light_out_is_light_sensitivity(text):
    assert "light_sensitivity" in extract(text).symptoms
    assert level(text) == CALL_DOCTOR_NOW


@pytest.mark.parametrize(
    "text", ["a slight headache so I drew the curtains for a nap", "headache, we watched a film with the lights off"]
)
def test_curtains_drawn_for_a_nap_or_a_film_are_no_sign(text):
    assert "light_sensitivity" not in extract(text).symptoms


# ---------------------------------------------------------------- round 13 (first run at d01f9d7), in our words


@pytest.mark.parametrize(
    "text",
    [
        "next thing I knew I was on the bathroom floor",
        "got up in the night and woke up on the landing, no idea how",
    ],
)
def test_a_faint_told_by_where_one_came_to_is_an_emergency(text):
    assert level(text) == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "she didn't know what day it was this evening",
        "dad kept asking what town we are in",
        "he can't get his breath, two words then he gasps",
        "her lips have gone a bluey colour",
        "just wondering if it's normal that my left side has gone numb",
        "I cannae move my neck, it's that stiff, and a banging headache",
    ],
)
def test_round_13_signs_in_new_words(text):
    assert level(text) in (CALL_DOCTOR_NOW, EMERGENCY)


def test_the_other_arm_swollen_is_not_explained_by_the_drip_arm():
    text = "the drip arm is fine but my other arm is swollen and hot"
    assert "swollen_painful_limb" in extract(text).symptoms


@pytest.mark.parametrize("text", ["zero energy today", "feeling totally wiped"])
def test_tiredness_in_other_words(text):
    assert level(text) == MANAGE_AT_HOME


def test_wiping_a_table_is_no_tiredness():
    assert not extract("I wiped the table and did the dishes").symptoms
