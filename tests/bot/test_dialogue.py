"""The question policy (bot/dialogue.py) and the answer reader (bot/answers.py), without Rasa."""

import pytest

from bot import dialogue, lexicon, system_checks, wording
from bot.answers import Answer, read_answer, read_degree, read_temperature
from bot.dialogue import CLOSING, SAFE_YES, State, answer, ask, is_report, next_question, plan, question_text
from bot.findings import Findings, extract
from bot.triage import assess

NO_FOLLOW_UPS = ["no", "no", "no", "this morning", "no"]  # a headache's three questions, the infusion time, breathing


def converse(opening: str, replies: list[str], subject_intent: str | None = None):
    """Play the policy as the Rasa adapters do: plan the opening, then answer each question in turn."""
    message = extract(opening)
    decided = plan(message, message, State(), None, reported=True)
    findings, state, question = decided.findings, decided.state, decided.question
    asked, notes = [], []
    replies = list(replies)
    while question and replies:
        state = ask(question, state)
        asked.append(question)
        reply = replies.pop(0)
        step = answer(findings, extract(reply), reply, subject_intent, state)
        findings, state = step.findings, step.state
        notes += step.say
        question = None if step.done else (state.pending or next_question(findings, state))
    return findings, asked, notes


@pytest.mark.parametrize(
    "text, expected",
    [
        ("nope not really", Answer.NO),
        ("neck's fine", Answer.NO),
        ("No it isn't", Answer.NO),
        ("nah", Answer.NO),
        ("no, it's just annoying", Answer.NO),
        ("Not that I've noticed", Answer.NO),
        ("no swelling at all", Answer.NO),
        ("breathing's fine", Answer.NO),
        ("neck seems alright", Answer.NO),
        ("she's breathing fine", Answer.NO),
        ("he's eating normally", Answer.NO),
        ("not eating normally", None),
        ("👎", Answer.NO),
        ("yes", Answer.YES),
        ("Yep, since lunch", Answer.YES),
        ("it is, quite stiff", Answer.YES),
        ("👍", Answer.YES),
        ("he says it hurts", Answer.YES),
        ("she says bending her head forward hurts", Answer.YES),
        ("a bit", Answer.UNSURE),
        ("kinda", Answer.UNSURE),
        ("I think so", Answer.UNSURE),
        ("dunno", Answer.UNSURE),
        ("I'm not sure", Answer.UNSURE),
        ("sort of, hard to say", Answer.UNSURE),
        ("maybe?", Answer.UNSURE),
        ("hmm maybe a little? it twinges when I nod", Answer.UNSURE),
        ("no idea", Answer.UNSURE),
        ("yeah a bit", Answer.UNSURE),
        ("what are your hours?", None),
        ("about two hours ago", None),
        ("blorp", None),
        ("", None),
        # a fragment about the thing asked, a normal function, words before the answer
        ("Not swollen, no", Answer.NO),
        ("not that I know of", Answer.NO),
        ("all normal", Answer.NO),
        ("same as usual down there", Answer.NO),
        ("she can nod her head no problem", Answer.NO),
        ("he can swallow fine", Answer.NO),
        ("he can't swallow fine", None),
        ("I don't think so, my lips look normal", Answer.NO),
        ("I don't think so", Answer.UNSURE),
        ("haha no, I was only joking about the headache, not a real one", Answer.NO),
        ("oh dear, yes", Answer.YES),
        ("breathing's easy", Answer.NO),
        ("he's sleeping fine", Answer.NO),
        ("all grand", Answer.NO),
        ("otherwise good", Answer.NO),
        ("ok yes", Answer.YES),
        ("ok", None),  # an acknowledgement: asked again
        ("ok thanks", None),
        ("good grief, it aches", None),
        ("just at the drip spot. The rest of his leg is normal", Answer.NO),
        (
            "just at the drip spot, the rest of his leg is swollen too",
            None,
        ),  # a complaint: no denial (the rules read the ache)
        ("Can't say I have, it's no different to normal", Answer.NO),
        ("he hasn't complained of anything", Answer.NO),
        ("yes, normal colour", Answer.NO),  # to "is it darker, or less?": yes, it is normal
        ("yes, it's dark", Answer.YES),
        ("yes but it hurts", Answer.YES),
        ("alert, her usual self", Answer.NO),
        ("can't say she has", Answer.NO),
        ("can't say for sure", Answer.UNSURE),
        ("not too bad", None),  # a degree, not a denial of the sign
        ("not great", None),
    ],
)
def test_answers_in_many_forms(text, expected):
    assert read_answer(text) is expected


@pytest.mark.parametrize(
    "text, extreme, expected",
    [
        ("about a 5 out of 10", False, Answer.NO),
        ("7/10", False, Answer.YES),
        ("medium", False, Answer.NO),
        ("only around the cannula spot", False, Answer.NO),  # confined to the drip site: not spreading
        ("just by the needle site but it's spreading up my arm", False, Answer.YES),  # never a no: spreading said
        ("a bit", False, Answer.UNSURE),  # "a bit" very severe: the safer reading
        # the very worst form: a small degree, a gradual onset or a familiar headache is a no
        ("a bit", True, Answer.NO),
        ("middling, maybe 5 outta 10", True, Answer.NO),
        ("it crept in slowly after lunch", True, Answer.NO),
        ("not the worst, I get migraines like this, similar to my usual ones", True, Answer.NO),
        ("it's bad but not sudden at all", True, Answer.NO),
        ("yes, it came on all of a sudden", True, Answer.YES),
        ("never had anything like it", True, Answer.YES),
        ("yes", True, Answer.YES),
        ("no idea", True, Answer.UNSURE),
        ("stairs wind me a little. Sitting here I can talk fine", True, Answer.NO),
    ],
)
def test_answers_to_questions_of_degree(text, extreme, expected):
    assert read_degree(text, extreme=extreme) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("thirty eight point four", 38.4),
        ("a hundred and one", 38.3),
        ("38-39", 39.0),
        ("101F", 38.3),
        ("37,8", 37.8),
        ("thirty nine and a bit", 39.0),
        ("normal", "not_high"),
        ("no fever", "not_high"),
        ("not sure", "unknown"),
        ("haven't got a thermometer", "unknown"),
        ("can't measure it", "unknown"),
        ("blorp", None),
    ],
)
def test_temperatures_in_words_and_ranges(text, expected):
    result = read_temperature(text)
    assert result == pytest.approx(expected, abs=0.05) if isinstance(expected, float) else result == expected


def test_a_mild_headache_asks_only_what_could_raise_it_then_the_closing_screen():
    findings, asked, _ = converse("i have a headache", NO_FOLLOW_UPS + ["no"])
    assert asked == ["neck_stiffness", "severe_headache", "vomiting", "infusion_time", "breathing_difficulty", CLOSING]
    assert assess(findings).level == "manage_at_home"


def test_breathing_is_asked_before_manage_at_home_unless_the_patient_spoke_of_it():
    for said, asks in (
        ("i have a headache", True),
        ("headache, no trouble breathing", False),
        ("headache, bit wheezy", False),
    ):
        findings = extract(said)
        state = State(asked=("neck_stiffness", "severe_headache", "vomiting", "infusion_time"))
        assert (next_question(findings, state) == "breathing_difficulty") is asks, said


def test_a_hedged_answer_to_a_safety_question_counts_as_yes_and_says_so():
    findings, asked, notes = converse("my head hurts", ["hmm maybe a little? it twinges when I nod"])
    assert asked == ["neck_stiffness"]
    assert assess(findings).level == "call_doctor_now" and "neck_stiffness" in findings.symptoms
    assert SAFE_YES in notes


def test_not_sure_is_never_read_as_no():
    findings, _, _ = converse("a rash on my arm", ["no", "I'm not sure"])
    assert "throat_or_face_swelling" in findings.symptoms
    assert "throat_or_face_swelling" not in findings.denied
    assert assess(findings).level == "emergency"


def test_an_unreadable_answer_is_asked_once_more_then_taken_as_unsure():
    findings, asked, notes = converse("my head hurts", ["blorp", "blorp"])
    assert asked == ["neck_stiffness", "neck_stiffness"]
    assert "neck_stiffness" in findings.symptoms and SAFE_YES in notes


def test_an_aside_is_answered_and_the_question_asked_again():
    message = extract("i have a headache")
    state = ask("neck_stiffness", State())
    step = answer(message, extract("what are your hours?"), "what are your hours?", "ask_clinic_contact", state)
    assert step.aside == "ask_clinic_contact" and step.state.pending == "neck_stiffness" and not step.done


def test_a_new_red_flag_mid_way_ends_the_questions():
    message = extract("i have a headache")
    step = answer(
        message, extract("no, but now i threw up"), "no, but now i threw up", "deny", ask("neck_stiffness", State())
    )
    assert step.done and "vomiting" in step.findings.symptoms and "neck_stiffness" in step.findings.denied


def test_what_was_said_is_not_asked_again():
    findings = extract("a rash on my legs that keeps spreading")
    assert "severe_rash" in findings.symptoms
    decided = plan(findings, findings, State(), None, reported=True)
    assert decided.disposition_now and decided.question == "throat_or_face_swelling"  # red flag first, then this


def test_an_unknown_complaint_gets_one_question_then_the_doctor_whatever_the_reply():
    for reply in ("no", "I can't", "my toe itches", ""):
        message = extract("my toe itches")
        decided = plan(message, message, State(), None, reported=True)
        assert decided.question == "describe_symptom" and not decided.disposition_now
        step = answer(decided.findings, extract(reply), reply, "deny", ask("describe_symptom", decided.state))
        assert assess(step.findings).level == "call_doctor_now", reply
        assert assess(step.findings).red_flags == ("unknown_symptom",)


def test_an_unclear_report_that_turns_out_to_be_nothing_gets_no_disposition():
    message = Findings()
    decided = plan(message, message, State(), None, reported=True)
    assert decided.question == "describe_symptom"
    step = answer(message, Findings(), "I'm fine, nothing to report", None, ask("describe_symptom", decided.state))
    assert step.no_symptom and assess(step.findings).level is None


def test_the_temperature_question_reads_words_and_an_unmeasured_fever_goes_to_the_doctor():
    findings, asked, _ = converse("bit feverish", ["thirty nine and a bit"])
    assert asked == ["temperature"] and assess(findings).level == "call_doctor_now"
    findings, _, _ = converse("bit feverish", ["normal", "this morning"])
    assert assess(findings).level == "manage_at_home"
    findings, _, _ = converse("bit feverish", ["I don't have a thermometer"])
    assert "fever_not_measured" in assess(findings).red_flags


@pytest.mark.parametrize(
    "subject, expected",
    [
        (None, "Is your neck stiff, or does it hurt you to bend your head forward?"),
        ("he", "Is his neck stiff, or does it hurt him to bend his head forward?"),
        ("she", "Is her neck stiff, or does it hurt her to bend her head forward?"),
    ],
)
def test_questions_follow_the_person_they_are_about(subject, expected):
    assert question_text("neck_stiffness", subject) == expected
    assert question_text("vomiting", "she") == "Has she vomited (thrown up)?"


def test_a_learned_suggestion_gets_one_targeted_question():
    findings = Findings(symptoms=frozenset({"tiredness"}), to_check=frozenset({"breathing_difficulty"}))
    assert next_question(findings, State()) == "breathing_difficulty"
    assert next_question(findings, State(asked=("breathing_difficulty",))) != "breathing_difficulty"


def test_emergency_asks_nothing():
    findings = extract("my lips are swelling and I can't breathe")
    assert next_question(findings, State()) is None


def test_just_checking_in_is_no_report_but_gets_the_red_flag_screen_once():
    decided = plan(Findings(), Findings(), State(), None, reported=True, text="I'm fine thanks, just checking in")
    assert decided.question == dialogue.CHECK_IN and not decided.disposition_now
    assert question_text(dialogue.CHECK_IN, "she").startswith("Good to hear. Just to be sure: does she have any")
    state = ask(dialogue.CHECK_IN, decided.state)
    step = answer(Findings(), extract("nope, all good"), "nope, all good", "deny", state)
    assert step.state.pending is None and next_question(step.findings, step.state) is None
    assert assess(step.findings).level is None  # no disposition for nothing
    again = plan(Findings(), Findings(), step.state, None, reported=True, text="still fine, just saying")
    assert again.question is None
    # what the screen brings out is assessed as any answer is
    step = answer(
        Findings(), extract("well my lips look a bit swollen"), "well my lips look a bit swollen", None, state
    )
    assert assess(step.findings).level == "emergency"
    # after a symptom or a disposition, "fine" is no check-in
    after = plan(extract("headache"), Findings(), State(), "manage_at_home", reported=True, text="all good now")
    assert after.question != dialogue.CHECK_IN


# ---------------------------------------------------------------- the closing screen (anything_else)


def test_the_closing_screen_names_the_red_flags_in_the_lexicons_words(monkeypatch):
    text = question_text(CLOSING)
    assert text.startswith("One last check before my advice: do you have anything else?")
    for symptom in dialogue.CLOSING_SIGNS:
        assert lexicon.SYMPTOMS[symptom].level in ("call_doctor_now", "emergency"), symptom
        assert f"• {lexicon.SYMPTOMS[symptom].name}" in text
    # written once: the names come from the lexicon, so changing one changes the question
    renamed = {**lexicon.SYMPTOMS, "vomiting": lexicon.Symptom("call_doctor_now", "being sick", ())}
    monkeypatch.setattr(lexicon, "SYMPTOMS", renamed)
    assert "• being sick" in dialogue._closing_text()


@pytest.mark.parametrize("subject, words", [("he", "does he have"), ("she", "does she have"), ("they", "do they have")])
def test_the_closing_screen_follows_the_person(subject, words):
    assert f"my advice: {words} anything else?" in question_text(CLOSING, subject)


def test_the_closing_screen_is_the_last_question_and_only_before_manage_at_home():
    findings = extract("i have a headache")
    state = State(asked=("neck_stiffness", "severe_headache", "vomiting"))
    assert next_question(findings, state) == "infusion_time"
    assert next_question(findings, replace_asked(state, "infusion_time")) == "breathing_difficulty"
    assert next_question(findings, replace_asked(state, "infusion_time", "breathing_difficulty")) == CLOSING
    assert next_question(findings, replace_asked(state, "infusion_time", "breathing_difficulty", CLOSING)) is None
    for red in ("i threw up", "my chest feels tight", "my lips are swelling"):
        assert next_question(extract(red), State()) != CLOSING, red
    # a red flag said earlier in the conversation: nothing is mild any more; only the emergency signs are left
    earlier = replace_asked(state, "infusion_time")
    assert next_question(findings, earlier, previous_level="call_doctor_now") == dialogue.EMERGENCY_CHECK
    assert next_question(findings, replace_asked(earlier, dialogue.EMERGENCY_CHECK), "call_doctor_now") is None


def replace_asked(state: State, *questions: str) -> State:
    return State(asked=state.asked + questions)


@pytest.mark.parametrize(
    "reply, level, symptom",
    [
        ("well I threw up after breakfast if that counts", "call_doctor_now", "vomiting"),
        ("well my chest has felt crushed for 10 minutes now", "emergency", "crushing_chest_pain"),
        ("actually yes, my wee has gone pink", "call_doctor_now", "dark_urine"),
        ("no, but I feel a bit wheezy", "call_doctor_now", "breathing_difficulty"),
    ],
)
def test_a_symptom_named_in_the_closing_answer_is_read_as_any_message(reply, level, symptom):
    findings, asked, _ = converse("i have a headache", NO_FOLLOW_UPS + [reply])
    assert asked[-1] == CLOSING and symptom in findings.symptoms
    assert assess(findings).level == level


def test_a_mild_symptom_in_the_closing_answer_gets_its_own_questions():
    findings, asked, _ = converse("i have a headache", NO_FOLLOW_UPS + ["yes, the drip site is a bit sore", "no"])
    assert asked[-2:] == [CLOSING, "swollen_painful_limb"] and "infusion_site_irritation" in findings.symptoms
    assert assess(findings).level == "manage_at_home"


@pytest.mark.parametrize("reply", ["no", "nope, that's all", "nothing else", "I'm fine otherwise", "that's it", "👎"])
def test_nothing_else_gives_the_mild_disposition(reply):
    findings, asked, notes = converse("i have a headache", NO_FOLLOW_UPS + [reply])
    assert asked[-1] == CLOSING and assess(findings).level == "manage_at_home", reply
    assert not notes


@pytest.mark.parametrize("reply, note", [("yes", ()), ("Yes", ()), ("maybe", (SAFE_YES,)), ("Not sure", (SAFE_YES,))])
def test_a_yes_or_a_hedge_to_the_closing_screen_gets_the_clarifying_question(reply, note):
    message = extract("i have a headache")
    step = answer(message, extract(reply), reply, None, ask(CLOSING, State(asked=("neck_stiffness",))))
    assert not step.done and step.state.pending == "describe_symptom" and not step.state.put
    assert step.say == note and CLOSING not in step.findings.symptoms | step.findings.denied


@pytest.mark.parametrize(
    "description, level",
    [("blorp", "call_doctor_now"), ("no", "call_doctor_now"), ("just the headache", "manage_at_home")],
)
def test_after_a_yes_an_unreadable_description_is_a_symptom_i_cannot_assess(description, level):
    findings, asked, _ = converse("i have a headache", NO_FOLLOW_UPS + ["yes", description])
    assert asked[-2:] == [CLOSING, "describe_symptom"]
    assert assess(findings).level == level, description
    if level == "call_doctor_now":
        assert assess(findings).red_flags == ("unknown_symptom",)


def test_an_unreadable_closing_report_is_asked_once_more_then_clarified():
    findings, reply = extract("i have a headache"), "the thing is"
    step = answer(findings, extract(reply), reply, "report_symptoms", ask(CLOSING, State()))
    assert step.say == (dialogue.NOT_READ,) and step.state.pending == CLOSING and not step.done
    step = answer(findings, extract(reply), reply, "report_symptoms", ask(CLOSING, step.state))
    assert step.say == (SAFE_YES,) and step.state.pending == "describe_symptom"


def test_a_bare_hedge_at_the_closing_screen_is_clarified():
    findings, asked, notes = converse("i have a headache", NO_FOLLOW_UPS + ["maybe", "my toe is tingling"])
    assert asked[-2:] == [CLOSING, "describe_symptom"] and notes == [SAFE_YES]
    assert assess(findings).level == "call_doctor_now"


def test_a_closing_reply_that_names_nothing_and_reports_nothing_is_nothing_more():
    findings, asked, notes = converse("i have a headache", NO_FOLLOW_UPS + ["feels a bit better since they slowed it"])
    assert asked[-1] == CLOSING and notes == []
    assert assess(findings).level == "manage_at_home"


def test_leaving_at_the_closing_screen_gives_the_disposition_on_what_was_said():
    message = extract("i have a headache")
    step = answer(message, extract("bye"), "bye", "goodbye", ask(CLOSING, State()))
    assert step.state.pending is None and assess(step.findings).level == "manage_at_home"
    assert next_question(step.findings, step.state) != CLOSING


def test_an_aside_at_the_closing_screen_is_answered_and_the_question_asked_again_once():
    findings, aside = extract("i have a headache"), "what are your hours?"
    step = answer(findings, Findings(), aside, "ask_clinic_contact", ask(CLOSING, State()))
    assert step.aside == "ask_clinic_contact" and step.state.pending == CLOSING and not step.done
    step = answer(findings, Findings(), aside, "ask_clinic_contact", ask(CLOSING, step.state))
    assert step.aside == "ask_clinic_contact" and step.done and step.state.pending is None
    assert assess(step.findings).level == "manage_at_home"


# ---------------------------------------------------------------- the temperature when a fever is plausible


@pytest.mark.parametrize(
    "opening",
    ["Shivering like mad under two blankets", "I've got the chills", "rigors since the drip", "I feel hot", "flu-like"],
)
def test_the_temperature_is_asked_when_a_fever_is_plausible(opening):
    message = extract(opening)
    assert set(dialogue.QUESTIONS["temperature"].when) & message.symptoms, opening
    assert plan(message, message, State(), None, reported=True).question == "temperature"
    findings, _, _ = converse(opening, ["38.4"])
    assert assess(findings).level == "call_doctor_now"


def test_the_temperature_is_not_asked_when_it_was_said_or_no_fever_is_plausible():
    message = extract("chills, 37.2 this evening")
    assert "temperature" not in converse("chills, 37.2 this evening", ["no"] * 3)[1]
    assert message.temperature_c == pytest.approx(37.2)
    assert "temperature" not in converse("i have a headache", NO_FOLLOW_UPS + ["no"])[1]


# ---------------------------------------------------------------- is this a report?

NOTHING = {"none": 0.99}  # the learned layer: "nothing to report"
SOMETHING = {"none": 0.2, "breathing": 0.1}


def test_a_message_the_rules_read_nothing_in_is_no_report_when_the_model_says_nothing_to_report():
    assert not is_report(Findings(), True, "Is there parking at the centre?", NOTHING)
    assert is_report(Findings(), True, "I feel off", SOMETHING)
    threshold = system_checks.NOT_A_REPORT_THRESHOLD
    assert not is_report(Findings(), True, "", {"none": threshold})
    assert is_report(Findings(), True, "", {"none": threshold - 0.01})


def test_without_the_learned_layer_the_classifier_decides():
    assert is_report(Findings(), True, "", None) and not is_report(Findings(), False, "", None)


@pytest.mark.parametrize("text", ["my chest feels tight", "my toe itches", "temp 38.5", "bit of a headache"])
def test_a_message_the_rules_read_something_in_is_a_report_whatever_the_model_says(text):
    message = extract(text)
    assert is_report(message, False, text, NOTHING)
    assert plan(message, message, State(), None, reported=False, text=text, systems=NOTHING).findings == message


def test_denials_a_check_in_and_a_learned_suggestion():
    assert not is_report(extract("no rash"), True, "no rash", SOMETHING)
    assert not is_report(Findings(), True, "I'm fine thanks, just checking in", SOMETHING)
    assert is_report(Findings(), True, "I'm not feeling well", SOMETHING)  # "well", but not fine
    suggestion = Findings(to_check=frozenset({"breathing_difficulty"}))
    assert is_report(suggestion, False, "", NOTHING)


def test_what_is_no_report_gets_the_invitation_once_and_no_disposition():
    decided = plan(Findings(), Findings(), State(), None, reported=True, text="Any news on my bloods?", systems=NOTHING)
    assert decided.question == dialogue.INVITE and not decided.disposition_now
    assert question_text(dialogue.INVITE) == wording.HOW_CAN_I_HELP  # the check-in reply, written once
    again = plan(Findings(), Findings(), ask(dialogue.INVITE, State()), None, True, "Any news?", systems=NOTHING)
    assert again.question is None and not again.disposition_now
    assert plan(Findings(), Findings(), State(), None, False, "what are your hours?", systems=NOTHING).question is None


@pytest.mark.parametrize(
    "reply, intent, systems, level, pending",
    [
        ("a bit queasy and sleepy", "report_symptoms", SOMETHING, "manage_at_home", None),  # read: its questions
        ("my chest feels tight", "report_symptoms", NOTHING, "call_doctor_now", None),
        ("just a practical question", "report_symptoms", NOTHING, None, None),
        ("what are your hours?", "ask_clinic_contact", NOTHING, None, None),
        ("not right since the drip", "report_symptoms", SOMETHING, None, "describe_symptom"),  # a report after all
        ("is this normal?", "deny", NOTHING, None, "describe_symptom"),  # something not yet named
        ("should I be worried?", "ask_side_effects", NOTHING, None, "describe_symptom"),
        ("is it normal to feel like this after IVIG", "ask_side_effects", NOTHING, None, "describe_symptom"),
    ],
)
def test_the_reply_to_the_invitation_is_read_as_a_new_message(reply, intent, systems, level, pending):
    state = ask(dialogue.INVITE, State())
    step = answer(Findings(), extract(reply), reply, intent, state, systems)
    assert assess(step.findings).level == level and step.state.pending == pending
    assert step.done == (pending is None and level != "manage_at_home")
    decided = plan(
        Findings(), Findings(), State(), None, reported=True, text="something's not right", systems=SOMETHING
    )
    assert decided.question == "describe_symptom"


@pytest.mark.parametrize(
    "question, reply, expected",
    [
        ("severe_headache", "small headache only", Answer.NO),
        ("severe_headache", "just a little one I think?", Answer.NO),
        ("severe_headache", "it's gone now", Answer.NO),
        ("severe_rash", "same size since this morning, not spreading", Answer.NO),
        ("severe_rash", "small but getting bigger", Answer.UNSURE),
        ("severe_headache", "a little worse than usual", Answer.UNSURE),
    ],
)
def test_a_question_of_degree_hears_a_small_degree_as_no(question, reply, expected):
    step = answer(extract("i have a headache and a rash"), extract(reply), reply, None, ask(question, State()))
    if expected is Answer.NO:
        assert question in step.findings.denied and question not in step.findings.symptoms
    else:  # unsure now, or asked again and then unsure: never a no
        assert question not in step.findings.denied


def test_a_serious_headache_is_asked_whether_it_is_the_worst_ever():
    findings = extract("headache and my neck is stiff")
    assert next_question(findings, State()) == "worst_headache"
    step = answer(findings, extract("yes it came on in seconds"), "yes", None, ask("worst_headache", State()))
    assert assess(step.findings).level == "emergency"


def test_a_yes_taken_to_be_safe_still_gets_the_questions_that_could_raise_it():
    """Never under-triage: a stiff neck half-confirmed ("a bit stiff maybe") is still asked about a
    thunderclap; the price is that an unreadable answer there is also taken as yes."""
    findings = extract("i have a headache")
    step = answer(findings, extract("maybe a bit"), "maybe a bit", None, ask("neck_stiffness", State()))
    assert "neck_stiffness" in step.findings.symptoms and "neck_stiffness" in step.findings.hedged
    assert next_question(step.findings, step.state) == "worst_headache"


def test_a_symptom_hedged_in_the_patients_own_words_still_gets_its_questions():
    findings = extract("maybe a little headache?")
    assert next_question(findings, State()) == "neck_stiffness"


# ---------------------------------------------------------------- the worst form of a red flag already found


@pytest.mark.parametrize(
    "opening, question, reply, level",
    [
        ("my chest feels tight", "crushing_chest_pain", "just a little tight, nothing heavy", "call_doctor_now"),
        ("my chest feels tight", "crushing_chest_pain", "yes, it goes up into my jaw", "emergency"),
        (
            "bit short of breath since the drip",
            "severe_breathing_difficulty",
            "I can chat away fine",
            "call_doctor_now",
        ),
        ("bit short of breath since the drip", "severe_breathing_difficulty", "not sure", "emergency"),
        ("awful headache and a stiff neck", "worst_headache", "it crept in slowly after lunch", "call_doctor_now"),
    ],
)
def test_the_worst_form_is_asked_after_the_red_flags_disposition(opening, question, reply, level):
    message = extract(opening)
    decided = plan(message, message, State(), None, reported=True, text=opening)
    assert decided.disposition_now and assess(message).level == "call_doctor_now"
    assert decided.question == question
    step = answer(decided.findings, extract(reply), reply, None, ask(question, decided.state))
    assert assess(step.findings).level == level


@pytest.mark.parametrize(
    "question, reply, expected",
    [
        ("swollen_painful_limb", "only puffy at the spot where the drip went in", False),
        ("swollen_painful_limb", "yes, and the drip site is sore too", True),
        ("vomiting", "no but I feel queasy", False),
        ("vomiting", "just nauseous", False),
    ],
)
def test_an_answer_that_places_the_sign_in_its_milder_form_is_a_no(question, reply, expected):
    step = answer(Findings(), extract(reply), reply, None, ask(question, State()))
    assert (question in step.findings.symptoms) is expected


def test_leaving_before_the_worst_form_is_answered_keeps_the_red_flags_instruction():
    message = extract("my chest feels tight")
    decided = plan(message, message, State(), None, reported=True, text="my chest feels tight")
    step = answer(decided.findings, extract("bye"), "bye", "goodbye", ask("crushing_chest_pain", decided.state))
    assert step.done and assess(step.findings).level == "call_doctor_now"


@pytest.mark.parametrize(
    "later, level, form",
    [
        ("it suddenly exploded out of nowhere, like a bang", lexicon.EMERGENCY, "worst_headache"),
        ("worst pain I've ever had in my life", lexicon.EMERGENCY, "worst_headache"),
        ("the pain is much worse now", lexicon.CALL_DOCTOR_NOW, "severe_headache"),
    ],
)
def test_a_later_message_pointing_back_at_a_headache_raises_it(later, level, form):
    known = extract("a mild headache since the drip")
    message = dialogue.in_context(known, extract(later), later)
    assert form in message.symptoms and not message.unknown_symptom
    assert assess(known.merge(message)).level == level


@pytest.mark.parametrize("later", ["it isn't getting any worse", "the traffic was bad", "thanks, that helps"])
def test_a_later_message_that_does_not_point_back_adds_nothing(later):
    known = extract("a mild headache since the drip")
    assert dialogue.in_context(known, extract(later), later).symptoms == frozenset()


def test_none_at_all_to_passing_less_urine_is_a_yes():
    state = ask("little_or_no_urine", State())
    step = answer(Findings(), extract("None at all since 4pm"), "None at all since 4pm", None, state)
    assert "little_or_no_urine" in step.findings.symptoms


def test_words_describing_the_symptom_asked_about_are_no_new_complaint():
    findings = extract("a dull headache since the drip")
    state = ask("severe_headache", State())
    reply = "No, it's a background sort of ache, 3 out of 10"
    step = answer(findings, Findings(unknown_symptom=True), reply, None, state)  # as the statistical layer tags it
    assert not step.findings.unknown_symptom and "severe_headache" in step.findings.denied


@pytest.mark.parametrize(
    "reply, expected",
    [
        ("Wide awake, reading the paper", Answer.NO),
        ("perfectly alert", Answer.NO),
        ("not really awake, he keeps drifting off", Answer.YES),
        ("barely responding", Answer.YES),
    ],
)
def test_what_the_sign_is_not_answers_the_fainting_question(reply, expected):
    step = answer(Findings(), extract(reply), reply, None, ask("fainting", State()))
    assert ("fainting" in step.findings.symptoms) is (expected is Answer.YES)


@pytest.mark.parametrize(
    "reply",
    [
        "It's not the worst I've ever had, it built up over the evening",
        "8 out of 10 but not the worst I've had in my life, it crept up slowly",
    ],
)
def test_not_the_worst_ever_answers_the_worst_form_question_no(reply):
    assert read_degree(reply, extreme=True) is Answer.NO


def test_a_question_of_the_patients_own_at_the_closing_screen_names_nothing_more():
    findings = extract("a bit shivery since the drip")
    reply = "Can I take paracetamol? The nurse said I could."
    step = answer(findings, extract(reply), reply, None, ask(CLOSING, State()))
    assert step.state.pending is None and step.findings.symptoms == findings.symptoms


def test_a_tired_patient_is_asked_whether_they_are_hard_to_wake():
    findings = extract("he's been very sleepy since the infusion")
    assert next_question(findings, State()) == "fainting"


@pytest.mark.parametrize("question", ["breathing_difficulty", "severe_breathing_difficulty", "fainting"])
@pytest.mark.parametrize("reply", ["ok", "Sweet.", "all good"])
def test_ok_alone_to_a_question_of_trouble_now_is_a_no(question, reply):
    step = answer(Findings(), extract(reply), reply, None, ask(question, State()))
    assert question in step.findings.denied


def test_all_there_answers_the_fainting_question_no():
    step = answer(Findings(), extract("All there 👍"), "All there 👍", None, ask("fainting", State()))
    assert "fainting" in step.findings.denied


def test_a_red_flag_told_again_during_a_question_is_answered_and_the_question_stays_open():
    """'i threw up' while asked about a crushing chest pain (the vomiting only taken as yes before): the
    patient is told again what to do, and the question that could still mean 911 is asked after it."""
    findings = extract("I have a headache and my chest is tight").merge(Findings(symptoms=frozenset({"vomiting"})))
    state = ask("crushing_chest_pain", State(assumed=("vomiting",)))
    step = answer(findings, extract("i threw up"), "i threw up", "report_symptoms", state)
    assert step.done and "vomiting" not in step.state.assumed
    assert assess(step.findings).level == lexicon.CALL_DOCTOR_NOW
    after = dialogue.reopened(step.state)
    assert next_question(step.findings, after, lexicon.CALL_DOCTOR_NOW) == "crushing_chest_pain"


def test_an_answered_question_is_not_reopened():
    state = dialogue.reopened(State(asked=("vomiting",), pending=None, put=True))
    assert state.asked == ("vomiting",) and state.pending is None and not state.put
