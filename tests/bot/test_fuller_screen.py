"""The fuller screen for older adults and vague reports, the emergency signs after "call your doctor",
the age reader, and answers read in more of patients' words (bot/dialogue.py, bot/age.py, bot/answers.py).

Written in our own words, not an evaluation set's."""

import pytest

from bot import dialogue
from bot.age import oldest_age
from bot.answers import Answer, read_answer, talks_normally
from bot.dialogue import (
    CLOSING,
    EMERGENCY_CHECK,
    FULLER_SCREEN,
    State,
    _read,
    answer,
    ask,
    needs_fuller_screen,
    next_question,
    question_for,
    question_text,
)
from bot.findings import extract
from bot.triage import assess
from tests.bot.test_dialogue import converse


@pytest.mark.parametrize(
    "text, age",
    [
        ("I'm 81 and had my drip yesterday", 81),
        ("my grandad (79) had IVIG this morning", 79),
        ("Mum is 88, she had her infusion today", 88),
        ("a 67-year-old here, bit of a headache", 67),
        ("she is in her late seventies", 70),
        ("my elderly father had his infusion", 80),
        ("my 6 yr old had IVIG", 6),
        ("my 9 month old baby", 0),
    ],
)
def test_an_age_is_read_where_it_is_plainly_one(text, age):
    assert oldest_age(text) == age


@pytest.mark.parametrize(
    "text",
    ["temp is 38.2", "she is 38.6 now", "pulse 96 sitting down", "my second infusion", "he's 39 weeks", "I am fine"],
)
def test_a_measurement_or_a_count_is_no_age(text):
    assert oldest_age(text) is None


def test_the_infusion_time_still_ignores_an_age_but_not_weeks_back():
    # an age said with "old" is no time; "2 weeks back" is a time (the age pattern needs "old" for weeks)
    assert oldest_age("had it 2 weeks back") is None


@pytest.mark.parametrize(
    "opening, fuller",
    [
        ("I'm 72 and have a mild headache", True),
        ("my nan is 90, she is a bit tired", True),
        ("just feeling tired today", True),
        ("feeling a bit meh after the drip", True),
        ("I have a mild headache", False),
        ("small red patch where the needle went in", False),
    ],
)
def test_older_adults_and_vague_reports_get_the_fuller_screen(opening, fuller):
    assert needs_fuller_screen(extract(opening)) is fuller


def screened(opening: str) -> tuple[list[str], str | None]:
    """The questions asked after the opening's own (fainting, the temperature, the time, breathing), up to the
    closing screen."""
    findings = extract(opening)
    state = State(asked=("fainting", "temperature", "infusion_time", "breathing_difficulty"))
    asked = []
    while (question := next_question(findings, state)) not in (CLOSING, None):
        asked.append(question)
        state = State(asked=state.asked + (question,))
    return asked, question


def test_the_fuller_screen_asks_each_sign_before_the_closing_screen():
    asked, last = screened("I'm 80 and a bit tired")
    assert set(asked) == set(FULLER_SCREEN) - {"fainting"} and last == CLOSING


def test_a_sign_already_spoken_of_is_not_screened_again():
    assert "little_or_no_urine" not in screened("I am 70, a bit tired, no dark urine")[0]


def test_a_sign_found_by_the_fuller_screen_raises_the_level():
    replies = ["no", "not measured it", "this morning", "no", "no", "no", "no", "yes, my heart keeps racing"]
    findings, asked, _ = converse("I'm 76 and feeling worn out", replies)
    assert "palpitations" in asked
    assert assess(findings).level == "call_doctor_now"


def test_after_call_your_doctor_the_emergency_signs_are_asked_once():
    findings = extract("my temperature is 38.9")
    assert assess(findings).level == "call_doctor_now"
    assert next_question(findings, State()) == EMERGENCY_CHECK
    assert next_question(findings, State(asked=(EMERGENCY_CHECK,))) is None
    assert "call emergency services" in question_text(EMERGENCY_CHECK)
    assert "• a seizure (fit)" in question_text(EMERGENCY_CHECK) or "seizure" in question_text(EMERGENCY_CHECK)
    assert question_text(EMERGENCY_CHECK, "he").startswith("While he is getting in touch")


def test_an_emergency_sign_told_at_the_emergency_check_makes_it_an_emergency():
    findings = extract("my temperature is 38.9")
    reply = "well she had a fit about an hour ago, shaking all over"
    step = answer(findings, extract(reply), reply, "report_symptoms", ask(EMERGENCY_CHECK, State()))
    assert assess(step.findings).level == "emergency" and step.done


def test_no_at_the_emergency_check_keeps_call_your_doctor():
    findings = extract("my temperature is 38.9")
    step = answer(findings, extract("nope"), "nope", None, ask(EMERGENCY_CHECK, State()))
    assert assess(step.findings).level == "call_doctor_now"


def test_a_contraction_without_its_apostrophe_negates_but_went_does_not():
    assert read_answer("went to the toilet, normal") is Answer.NO
    assert talks_normally("I can chat in whole sentences")


def test_a_closing_reply_about_what_they_are_doing_is_nothing_more():
    findings = extract("I have a mild headache")
    reply = "we have opened the window and she is sipping some juice"
    step = answer(findings, extract(reply), reply, "report_symptoms", ask(CLOSING, State()))
    assert step.state.pending is None and assess(step.findings).level == "manage_at_home"


def test_a_short_unreadable_closing_reply_is_still_asked_again():
    findings = extract("I have a mild headache")
    step = answer(findings, extract("the thing is"), "the thing is", "report_symptoms", ask(CLOSING, State()))
    assert step.say == (dialogue.NOT_READ,)


def test_a_hedge_after_the_normal_state_is_of_something_else():
    question = question_for("fainting")
    assert _read(question, "wide awake, just a little low", extract("wide awake, just a little low")) == Answer.NO
    assert _read(question, "sort of awake", extract("sort of awake")) == Answer.UNSURE


@pytest.mark.parametrize(
    "question, reply, reading",
    [
        ("fainting", "yeah wide awake", Answer.NO),
        ("fainting", "absolutely with it", Answer.NO),
        ("fainting", "I'm alright", Answer.NO),
        ("fainting", "sleepy but ok", Answer.NO),
        ("fainting", "dozy but wakes up easily", Answer.NO),
        ("fainting", "she's her usual chatty self", Answer.NO),
        ("fainting", "he isnt responding", Answer.YES),
        ("fainting", "not ok at all", Answer.YES),
        ("dizziness", "he says no", Answer.NO),
        ("dizziness", "my husband says not really", Answer.NO),
        ("palpitations", "she says yes", Answer.YES),
        ("palpitations", "fine I reckon", Answer.NO),
        ("little_or_no_urine", "she went to the loo just now, all normal", Answer.NO),
        ("swollen_painful_limb", "only a little lump at the cannula spot, the rest of the arm is normal", Answer.NO),
        ("severe_breathing_difficulty", "a bit breathless but I can speak in full sentences", Answer.NO),
        ("severe_breathing_difficulty", "she can't finish a sentence", Answer.YES),
        ("worst_headache", "bad, but it crept up over the day, not all of a sudden", Answer.NO),
        ("severe_rash", "tiny, no bigger than a coin, same as this morning", Answer.NO),
        ("severe_headache", "naw, just a dull one", Answer.NO),
        ("breathing_difficulty", "she breathes ok", Answer.NO),
        ("palpitations", "pulse feels normal I guess", Answer.NO),
        ("palpitations", "yeah I reckon", Answer.YES),
        ("fainting", "nothing more, just sleepy", Answer.NO),
        ("neck_stiffness", "a little, that's all", Answer.UNSURE),
        ("palpitations", "nice and steady", Answer.NO),
        ("palpitations", "not steady, all over the place", Answer.YES),
        ("neck_stiffness", "loose as anything, no pain", Answer.NO),
        ("severe_headache", "about 1 out of 5", Answer.NO),
        ("severe_headache", "4 out of 5, awful", Answer.YES),
        ("neck_stiffness", "I looked it up online, and no, it bends fine", Answer.NO),
        ("neck_stiffness", "I looked it up online, but yes, it hurts to bend", Answer.YES),
    ],
)
def test_answers_in_patients_words(question, reply, reading):
    assert _read(question_for(question), reply, extract(reply)) == reading


def test_aches_with_tiredness_are_a_vague_report_but_not_alone():
    assert needs_fuller_screen(extract("wiped out and achy all over since yesterday"))
    assert not needs_fuller_screen(extract("achy all over since yesterday"))
    assert not needs_fuller_screen(extract("tired and a rash on my arm"))


def test_short_of_breath_asks_about_the_chest():
    findings = extract("I'm a bit short of breath")
    asked, state = [], State()
    while (question := next_question(findings, state)) is not None:
        asked.append(question)
        state = State(asked=state.asked + (question,))
    assert "crushing_chest_pain" in asked
    reply = "yes, like a heavy weight on it, going into my jaw"
    step = answer(findings, extract(reply), reply, None, ask("crushing_chest_pain", State()))
    assert assess(step.findings).level == "emergency"
    step = answer(
        findings, extract("no chest pain at all"), "no chest pain at all", None, ask("crushing_chest_pain", State())
    )
    assert assess(step.findings).level == "call_doctor_now"


def test_an_answer_that_only_names_the_ache_told_is_no_new_complaint():
    findings = extract("my muscles ache")
    step = answer(findings, extract("no, only aching"), "no, only aching", None, ask("swollen_painful_limb", State()))
    assert assess(step.findings).level == "manage_at_home"
    reply = "no, but my ears are ringing"
    step = answer(findings, extract(reply), reply, None, ask("swollen_painful_limb", State()))
    assert step.findings.unknown_symptom  # a new complaint, a new part of the body: kept


@pytest.mark.parametrize("reply", ["ok", "all good", "Breathing perfectly well, thanks"])
def test_ok_to_a_question_about_a_sign_is_no(reply):
    assert _read(question_for("breathing_difficulty"), reply, extract(reply)) == Answer.NO


def test_not_unwell_and_only_a_question_say_nothing_is_wrong():
    assert dialogue.says_fine("I'm not unwell, it's a billing question")
    assert not dialogue.says_fine("not feeling well at all")


def test_feels_sick_is_nausea():
    assert "nausea" in extract("my son feels sick after his drip").symptoms


@pytest.mark.parametrize(
    "reply, reading",
    [("seems normal, about 72", Answer.NO), ("it's 135 on my watch", Answer.YES), ("yes, 95 and pounding", Answer.YES)],
)
def test_a_number_answers_the_heartbeat_question(reply, reading):
    assert _read(question_for("palpitations"), reply, extract(reply)) == reading


def test_mostly_fine_is_asked_how_they_feel_not_screened_and_let_go():
    message = extract("had the drip this morning, mostly fine, just letting you know")
    decided = dialogue.plan(message, message, State(), None, reported=False, text="mostly fine, just letting you know")
    assert decided.question == dialogue.INVITE
    fine = extract("all fine, just letting you know")
    decided = dialogue.plan(fine, fine, State(), None, reported=False, text="all fine, just letting you know")
    assert decided.question == dialogue.CHECK_IN


# ---------------------------------------------------------------- round 12: the limb question and the drip site


@pytest.mark.parametrize(
    "reply", ["just the drip site, a bit puffy", "only around the cannula, nothing elsewhere", "Denies."]
)
def test_a_swelling_only_at_the_drip_site_or_a_denial_answers_the_limb_question_no(reply):
    assert _read(question_for("swollen_painful_limb"), reply, extract(reply)) is Answer.NO


@pytest.mark.parametrize("reply", ["kind of, my calf near the drip site", "my leg, not just the needle spot"])
def test_a_swelling_of_a_leg_beside_the_site_is_not_explained_by_it(reply):
    assert _read(question_for("swollen_painful_limb"), reply, extract(reply)) is not Answer.NO


# ---------------------------------------------------------------- round 12: what a nurse asks beside a mild sign


def asked_of(opening: str) -> list[str]:
    """The questions put, in order, to a patient who answers every one with a plain no (and no temperature)."""
    _, asked, _ = converse(opening, ["no"] * 20)
    return asked


@pytest.mark.parametrize(
    "opening, questions",
    [
        ("my cheeks have gone pink and hot since the drip", {"palpitations", "chest_tightness"}),
        ("a sore red patch where the cannula was", {"swollen_painful_limb"}),
        ("tired and achy all over", {"temperature"}),
        ("feel rough and a bit sweaty", set(FULLER_SCREEN)),  # vague, with feeling hot beside it
    ],
)
def test_a_mild_sign_is_asked_about_what_shows_with_it(opening, questions):
    assert questions <= set(asked_of(opening))


def test_a_complaint_that_cannot_be_named_is_asked_about_fainting_and_stroke_before_the_emergency_list():
    asked = asked_of("feel a bit off, sort of floaty")
    assert dialogue.UNKNOWN_SCREEN == ("fainting", "stroke_signs")
    assert set(dialogue.UNKNOWN_SCREEN) <= set(asked)
    assert asked.index("stroke_signs") < asked.index(EMERGENCY_CHECK)


def test_a_hidden_faint_after_a_vague_complaint_is_an_emergency():
    findings, _, _ = converse("feel a bit off", ["weird and floaty", "yes I blacked out in the kitchen earlier"])
    assert assess(findings).level == "emergency"


def test_a_sign_assumed_from_answers_we_cannot_read_is_not_built_upon():
    # "she's resting" twice to the racing heart: a yes to be safe (call the doctor), but its follow-up question
    # (crushing chest pain) is not asked on it, so two unreadable answers never make an emergency
    # (the face swelling a flushed face is asked about first: "no")
    findings, asked, notes = converse("my wife is flushed after her IVIG", ["no"] + ["she's resting"] * 8)
    assert "palpitations" in findings.symptoms and dialogue.SAFE_YES in notes
    assert "crushing_chest_pain" not in asked
    assert assess(findings).level == "call_doctor_now"


def test_a_sign_told_still_gets_its_follow_up():
    state = ask("palpitations", State(asked=("throat_or_face_swelling",)))  # asked of the flushing before
    reply = "yes her heart is racing"
    step = answer(extract("my wife is flushed after her IVIG"), extract(reply), reply, None, state)
    assert next_question(step.findings, step.state) == "crushing_chest_pain"


# ---------------------------------------------------------------- round 13: answers to the degree questions, asides


def test_the_worst_ever_said_in_answer_to_is_it_severe_is_the_worst_headache():
    reply = "honestly it's the worst one ever, came on sudden like somebody hit me"
    findings, _, _ = converse("got a headache after my infusion", ["nope", reply])
    assert "worst_headache" in findings.symptoms and assess(findings).level == "emergency"


def test_had_way_worse_in_answer_to_is_it_severe_is_a_no():
    reply = "Naw, it's a dull kinda thing. I've had way worse. Came on slow last night"
    findings, _, _ = converse("got a headache after my infusion", ["no", reply])
    assert "severe_headache" not in findings.symptoms and "severe_headache" in findings.denied


def test_asides_are_answered_and_never_taken_as_a_yes():
    # "what's the phone number?", then "thanks", to "is the chest pain crushing?": no emergency by asides
    state = ask("crushing_chest_pain", State())
    findings = extract("my chest is tight")
    for text, intent in (("what is the clinic's phone number?", "ask_clinic_contact"), ("thanks", "thank")):
        step = answer(findings, extract(text), text, intent, state)
        assert step.aside == intent and "crushing_chest_pain" not in step.findings.symptoms
        findings, state = step.findings, ask("crushing_chest_pain", step.state)


@pytest.mark.parametrize("reply", ["she says naw", "not that I noticed", "not that we've seen"])
def test_more_ways_of_saying_no(reply):
    assert read_answer(reply) is Answer.NO


def test_a_worst_ever_answer_taken_for_an_aside_is_still_the_worst_headache():
    reply = "honestly it's the worst one ever came on sudden like somebody hit me with a hammer"
    step = answer(
        extract("getting that headache"), extract(reply), reply, "out_of_scope", ask("severe_headache", State())
    )
    assert step.aside is None and assess(step.findings).level == "emergency"
