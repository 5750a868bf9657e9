"""ConText mechanisms for symptoms that are over, idioms, who had the infusion, and denials that are not
denials (bot/context_rules.py, read by bot/nlp.py). Each case is in words of our own, with the case that
must not change beside it: a resolved headache is gone, the stiff neck after it is not."""

import pytest

from bot.findings import extract
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.nlp import load, without_idioms
from bot.triage import assess


def _reads(text: str, present: set[str], absent: set[str]) -> None:
    findings = extract(text)
    assert present <= findings.symptoms, (text, findings.symptoms)
    assert not absent & findings.symptoms, (text, findings.symptoms)


# ---------------------------------------------------------------- said to be over


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("got a bit of a headache earlier, that's gone away now", set(), {"headache"}),
        ("the queasiness from this morning has completely settled", set(), {"nausea"}),
        ("I felt queasy this morning, it's passed now and I'm eating", set(), {"nausea"}),
        ("the shivers stopped after twenty minutes, nothing since", set(), {"chills"}),
        ("was a little achy after the drip but that cleared up overnight", set(), {"muscle_aches"}),
        ("Felt flushed on the ward. It's totally gone now.", set(), {"flushing"}),
        # what comes after the resolution, or beside it, still counts
        ("my headache has gone, now my neck is stiff", {"neck_stiffness"}, {"headache"}),
        ("the nausea's settled down but I've been sick twice since", {"vomiting"}, {"nausea"}),
        ("I'm still exhausted, though the headache's gone now", {"tiredness"}, {"headache"}),
        # only partly over, back again, or asked about: still there
        ("the headache is almost gone", {"headache"}, set()),
        ("the headache hasn't gone away", {"headache"}, set()),
        ("the rash has settled a bit", {"rash"}, set()),
        ("my headache went away but it came back an hour later", {"headache"}, set()),
        ("is it normal that the headache hasn't settled?", {"headache"}, set()),
        ("should the headache have gone by now?", {"headache"}, set()),
        # "gone" that tells a change is no resolution
        ("his lips have gone blue", {"blue_lips"}, set()),
    ],
)
def test_a_symptom_said_to_be_over_is_not_current(text, present, absent):
    _reads(text, present, absent)


def test_an_over_symptom_is_not_there_now_and_the_message_is_no_report():
    findings = extract("had a bit of a headache at lunch but it's completely gone now")
    assert "headache" in findings.denied and not findings.symptoms
    assert assess(findings).level is None


@pytest.mark.parametrize(
    "text",
    [
        "I fainted this morning but I'm back to normal now",
        "my chest felt tight earlier but that's gone now",
        "I was sick twice overnight, it's settled now",
    ],
)
def test_a_red_flag_that_came_and_went_still_counts(text):
    assert assess(extract(text)).level in (CALL_DOCTOR_NOW, EMERGENCY)


@pytest.mark.parametrize(
    "text, celsius",
    [
        ("temperature was 38.4 this afternoon, back to normal now 36.9", 36.9),
        ("ran a temp of 38.3 after the drip, all gone by bedtime", None),
        ("temp 38.6 and the headache has gone", 38.6),  # the headache is over, not the temperature
        ("temp went to 38.1 earlier, it's 38.7 now", 38.7),
    ],
)
def test_a_temperature_said_to_be_over_is_not_a_current_fever(text, celsius):
    assert extract(text).temperature_c == celsius


def test_a_clause_from_before_the_infusion_that_cleared_up_is_left_out_for_the_learned_layer():
    doc = load()("My ear hurt a week before the drip, but it cleared up long ago. All fine.")
    assert "ear" not in without_idioms(doc).split()


# ---------------------------------------------------------------- idioms


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("the pharmacy's phone line is giving me a headache lol", set(), {"headache"}),
        ("the claim form for my infusion is giving me a right headache", set(), {"headache"}),  # about, not by
        ("sorting the parking permit has been giving me a proper headache", set(), {"headache"}),
        ("my heart skipped a beat when I opened the letter", set(), {"palpitations", "tiredness"}),
        ("the sunset over the hills took my breath away", set(), {"breathing_difficulty"}),
        ("my grandson hit it out of the park in his exams", set(), {"fainting"}),
        ("she's been talking my ear off all afternoon", set(), {"stroke_signs"}),
        ("he can't get his words out and his face looks odd", {"stroke_signs"}, set()),
        # the same words said of a real cause, or a real complaint, are the patient's
        ("the bright light in here is giving me a headache", {"headache"}, set()),
        ("the infusion has given me a headache", {"headache"}, set()),
        ("the noise of the pump is giving me a headache", {"headache"}, set()),
        ("I have a real headache", {"headache"}, set()),
        ("my heart keeps skipping beats", {"palpitations"}, set()),
        ("my heart skipped a beat when I stood up", {"palpitations"}, set()),
        ("I'm out of breath walking to the car", {"breathing_difficulty"}, set()),
    ],
)
def test_an_idiom_is_no_symptom_and_the_literal_words_still_are(text, present, absent):
    _reads(text, present, absent)


def test_the_learned_layer_reads_the_message_without_the_new_idioms():
    text = without_idioms(load()("the concert took my breath away and we knocked it out of the park"))
    assert "breath" not in text and "knocked" not in text


# ---------------------------------------------------------------- who had the infusion


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("My son had his IVIG yesterday. His sister has a fever of 39 and a headache", set(), {"fever", "headache"}),
        ("My dad came with me to my infusion and he's got a rash", set(), {"rash"}),
        ("my brother's flatmate has been vomiting, my brother (who had the drip) is grand", set(), {"vomiting"}),
        (
            "My gran's carer collapsed yesterday, what should we look out for in gran after her drip?",
            set(),
            {"fainting"},
        ),
        ("He's feeling dizzy but he never had the infusion, I did and I'm ok", set(), {"dizziness"}),
        (
            "My partner had the IVIG and has a rash. I've got a headache but I haven't had any infusion",
            {"rash"},
            {"headache"},
        ),
        # the one tied to the infusion, or anyone who may be them, counts
        ("My son had his IVIG yesterday, the boy has a rash now", {"rash"}, set()),
        ("My mum had her IVIG, my sister says she is confused", {"confusion"}, set()),
        ("I didn't have any infusion, my wife did, and she's vomiting", {"vomiting"}, set()),
        ("my gf had ivig today and she just passed out", {"fainting"}, set()),
        # another family word may be the patient as someone else calls them: it counts
        ("My wife had her infusion and my daughter says mum's lips look blue", {"blue_lips"}, set()),
        ("My dad had IVIG this morning and grandad seems dizzy", {"dizziness"}, set()),
        # the patient's own someone, or the other sex, is someone else
        ("My wife had her drip and her mother is confused", set(), {"confusion"}),
        ("I haven't had my infusion yet but I've got a temp of 38.5", {"fever"}, set()),
    ],
)
def test_the_patient_is_the_one_who_had_the_infusion(text, present, absent):
    _reads(text, present, absent)


def test_someone_elses_temperature_is_not_the_patients():
    findings = extract("My husband's got a temp of 39.2 but he isn't on IVIG, I am, and I feel fine")
    assert findings.temperature_c is None and assess(findings).level is None


def test_what_is_said_of_someone_else_is_left_out_for_the_learned_layer():
    text = without_idioms(load()("My wife has a sore throat, she hasn't had any infusion, I have."))
    assert "throat" not in text


@pytest.mark.parametrize(
    "text, present",
    [
        (
            "my husbands talking nonsense and doesnt know what day it is, he was totally fine before his drip",
            "confusion",
        ),
        ("she was her normal self till the infusion, now she can't recognise me", "confusion"),
    ],
)
def test_fine_before_the_infusion_makes_what_is_wrong_now_new(text, present):
    assert present in extract(text).symptoms


# ---------------------------------------------------------------- denials that are not denials


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # "nothing like a X" with an article denies; a comparison does not
        ("I'm not dizzy, nothing like a rash either", set(), {"rash", "dizziness"}),
        ("it's nothing like a normal headache, it's much worse", {"headache"}, set()),
        # a denial of a denial affirms
        ("It isn't that she doesn't have a rash, she does, a small one", {"rash"}, set()),
        # a hedged denial counts; a plain one denies
        ("I wouldn't say my chest hurts exactly, more a heavy pressure", {"chest_tightness"}, set()),
        ("can't say I'm breathless as such, but walking to the shop is hard work", {"breathing_difficulty"}, set()),
        ("I can't say I've had a headache", set(), {"headache"}),
        ("it's not my chest that hurts, it's more like my back", set(), {"chest_tightness"}),
        # a denial taken back at once
        ("I'm not dizzy, well, I was for a minute when I stood up", {"dizziness"}, set()),
        ("not breathless, actually I am a bit when I walk", {"breathing_difficulty"}, set()),
        ("no fever, well I don't think so", set(), {"fever"}),
        # a hypothetical trend of a real symptom
        ("what if this rash spreads to my face? it's only on my arm now", {"rash"}, {"severe_rash"}),
        ("what if the rash spreads?", set(), {"rash", "severe_rash"}),
    ],
)
def test_denials_hedges_retractions_and_hypothetical_trends(text, present, absent):
    _reads(text, present, absent)


def test_a_hypothetical_trend_of_a_mild_symptom_stays_mild():
    assert assess(extract("What happens if my headache gets worse? At the moment it's mild")).level == MANAGE_AT_HOME


@pytest.mark.parametrize(
    "text, level",
    [
        ("out of the blue a pounding headache, severe, struck in an instant", EMERGENCY),
        ("a pounding headache that came on suddenly", EMERGENCY),  # a severe headache grows with "sudden"
        ("a pounding headache, getting worse", CALL_DOCTOR_NOW),
        # a superlative bounded in time is severe, not the worst ever
        ("a severe headache, the worst I've known for ages, it crept up over the afternoon", CALL_DOCTOR_NOW),
        # a sentence that says "it" qualifies the symptom of the sentence before
        ("I've got a headache. It struck out of nowhere, like a thunderclap", EMERGENCY),
        ("I have a headache. It is the worst I have ever had", EMERGENCY),
    ],
)
def test_a_worse_form_of_a_symptom_is_still_raised_by_its_modifiers(text, level):
    assert assess(extract(text)).level == level


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("No way is this an ordinary headache", {"headache"}, set()),  # emphasis, not a denial
        ("no way I have a fever, I feel fine", set(), {"fever"}),
    ],
)
def test_no_way_is_emphasis_before_this_and_a_denial_before_i(text, present, absent):
    _reads(text, present, absent)


@pytest.mark.parametrize(
    "text, fine",
    [
        ("I don't have any symptoms, it's my sister who is unwell", True),
        ("I haven't got any symptoms myself", True),
        ("do I have any symptoms of a reaction?", False),
    ],
)
def test_a_reply_that_says_the_writer_has_no_symptoms_is_all_well(text, fine):
    from bot.dialogue import says_fine

    assert says_fine(text) is fine


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # a question about what a present state is: the state is the patient's
        ("Could it be an allergy if her lips are puffed up?", {"throat_or_face_swelling"}, set()),
        ("is that a reaction if I feel dizzy now?", {"dizziness"}, set()),
        # a state to come is still a question
        ("what if my lips swell up?", set(), {"throat_or_face_swelling"}),
        ("is it normal if I get a headache later?", set(), {"headache"}),
    ],
)
def test_an_if_after_a_question_about_a_present_state_is_no_hypothesis(text, present, absent):
    _reads(text, present, absent)
