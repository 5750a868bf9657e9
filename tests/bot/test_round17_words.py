"""Round 17's classes, in words of our own (not the evaluation set's): "what do I do" asking for help now, a
dictated "seizure" written as a common pair after an article, and in the questions: a score of the usual
beside a worse one, a rash that has "gone round", a spreading asked back with a hedge, "at worst", "nothing
sudden", a question back before the answer, "no, just ..." at a screen, and a guess on top of a guess."""

import pytest

from bot import dialogue
from bot.answers import Answer, read_degree
from bot.dialogue import GUESS_NOT_COUNTED, SAFE_YES, State, answer, ask
from bot.findings import Findings, extract
from bot.lexicon import EMERGENCY
from bot.triage import assess
from tests.bot.levels import level


@pytest.mark.parametrize(
    "text, expected",
    [
        # "what do I do" without an "if" asks for help now (dictated: no full stop after it)
        ("what do i do she is fitting on the floor", EMERGENCY),
        ("what should I do his lips have gone blue", EMERGENCY),
        ("what do I do if he has a fit", None),
        ("what should I do when a rash comes up", None),
        # a dictated "seizure" after an article, even as a common English pair
        ("my son is having a sees her", EMERGENCY),
        ("she sees her sister on Sundays", None),
    ],
)
def test_words(text, expected):
    assert level(text) == expected


@pytest.mark.parametrize(
    "reply, expected",
    [
        # a score of the usual is not this one's
        ("yes, far worse than normal, my usual ones are a 3/10", Answer.YES),
        ("normally it's 2 out of 10 but this is much worse", Answer.YES),
        ("no, about a 3/10", Answer.NO),
        ("yes, 8.5/10", Answer.YES),  # a score's point is no clause break
        ("normally 2.5/10 but this is 8.5/10", Answer.YES),
        # "gone" that moved is growth; "gone" that ended is not
        ("it's gone round onto her back now", None),
        ("it's gone now", Answer.NO),
        # a spreading said with a hedge is the answer, not the question said back
        ("I think it's spreading? hard to say", Answer.UNSURE),
        ("spreading? no, same size", Answer.NO),
    ],
)
def test_degree_answers(reply, expected):
    got = read_degree(reply)
    assert got is not Answer.NO if expected is None else got is expected


@pytest.mark.parametrize(
    "reply",
    [
        "no, moderate at worst, came on slowly",
        "a 4 at its worst, built up over the evening",
        "it's bad but nothing sudden about it, crept up over hours",
        "no sudden start, it grew through the day",
    ],
)
def test_how_bad_it_got_is_no_worst_ever(reply):
    assert read_degree(reply, extreme=True) is Answer.NO


def _answer(question: str, reply: str, findings: Findings = Findings()):
    return answer(findings, extract(reply), reply, None, ask(question, State()))


@pytest.mark.parametrize(
    "question, reply",
    [
        ("neck_stiffness", "Why, is a stiff neck serious? No, it turns fine"),
        ("fainting", "Do people pass out from this? I haven't."),
        ("palpitations", "should it be? no, steady as ever"),
    ],
)
def test_a_question_back_then_the_answer(question, reply):
    step = _answer(question, reply)
    assert question in step.findings.denied and question not in step.findings.symptoms


def test_a_question_back_in_the_patients_own_words_is_a_report():
    step = _answer("neck_stiffness", "is it bad that I threw up? no stiff neck though")
    assert "vomiting" in step.findings.symptoms


@pytest.mark.parametrize("reply", ["No, just the stair thing", "only the knees", "nope, apart from the other business"])
def test_none_of_those_but_something_else_is_asked_about(reply):
    step = _answer(dialogue.CLOSING, reply, extract("I have a headache"))
    assert step.state.pending == "describe_symptom"


@pytest.mark.parametrize("reply", ["no, just checking", "nope, just the usual", "no, only what I said"])
def test_just_checking_is_nothing_more(reply):
    step = _answer(dialogue.CLOSING, reply, extract("I have a headache"))
    assert step.state.pending is None


def test_a_guess_on_a_guess_makes_no_emergency():
    """ "Can't say" to a tight chest (taken as yes), then "can't say" whether it is crushing: call the doctor,
    not 911; a tight chest the patient told, with "not sure" whether it is crushing, stays an emergency."""
    first = _answer("chest_tightness", "she can't say", extract("my baby is very sleepy"))
    assert SAFE_YES in first.say and "chest_tightness" in first.findings.symptoms
    second = answer(
        first.findings, extract("she can't say"), "she can't say", None, ask("crushing_chest_pain", first.state)
    )
    assert GUESS_NOT_COUNTED in second.say
    assert assess(second.findings).level != EMERGENCY
    told = _answer("crushing_chest_pain", "not sure", extract("my chest is tight"))
    assert assess(told.findings).level == EMERGENCY
