"""The question policy (bot/dialogue.py) and the answer reader (bot/answers.py), without Rasa."""

import pytest

from bot.answers import Answer, read_answer, read_temperature
from bot.dialogue import SAFE_YES, State, answer, ask, next_question, plan, question_text
from bot.findings import Findings, extract
from bot.triage import assess


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
    ],
)
def test_answers_in_many_forms(text, expected):
    assert read_answer(text) is expected


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


def test_a_mild_headache_asks_only_what_could_raise_it():
    findings, asked, _ = converse("i have a headache", ["no", "no", "this morning"])
    assert asked == ["neck_stiffness", "severe_headache", "infusion_time"]
    assert assess(findings).level == "manage_at_home"


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


def test_just_checking_in_is_no_report_whatever_the_classifier_said():
    decided = plan(Findings(), Findings(), State(), None, reported=True, text="I'm fine thanks, just checking in")
    assert decided.question is None and not decided.disposition_now
