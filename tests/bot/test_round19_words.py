"""Round 19's classes, in words of our own (not the evaluation set's): a Fahrenheit reading said digit by
digit, hives that run together, speech that will not come out right and a face that drops on one side, a
time of the past told in a relative clause, "wee" before a verb, "fine otherwise", a heart attack anyone
would get, a head "on me", a site that has healed, a site pointed back to; in the answers, "I did" followed
by what was done, something done without any bother, a cry for help, and a worst-ever word in an answer of
degree."""

import pytest

from bot.answers import Answer, cries_for_help, read_answer, read_degree
from bot.findings import extract
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.nlp import excluded, load
from bot.temperature import in_digits
from bot.triage import assess
from tests.bot.levels import level
from tests.bot.test_dialogue import converse


@pytest.mark.parametrize(
    "text, expected",
    [
        # a Fahrenheit reading said digit by digit
        ("he's one oh two and shivering", CALL_DOCTOR_NOW),
        ("thermometer says one oh oh point two", MANAGE_AT_HOME),
        ("we rang nine nine nine for my neighbour, one of us had to", None),
        # hives that run together cover a large area
        ("the welts have merged into one big blotch on my back", CALL_DOCTOR_NOW),
        ("a couple of hives on my hand, not joined up", MANAGE_AT_HOME),
        # speech that will not come out right; one side of the face that drops
        ("she can't speak proper and her face is dropping on the left side", EMERGENCY),
        ("I can't talk right now, my breathing is fine", None),
        # a time of the past told in a relative clause dates that clause only
        ("dad keeps talking to his brother who passed years ago and doesn't know where he is", EMERGENCY),
        ("I had a rash years ago and none since", None),
        # the Scots "wee" (small) is never followed by a verb: before one it is urine
        ("should the wee be this dark after the drip?", CALL_DOCTOR_NOW),
        ("my wee girl has a wee headache", MANAGE_AT_HOME),
        # well but for what was said
        ("bit of a headache, fine otherwise", MANAGE_AT_HOME),
        ("a red face but I feel fine in myself", MANAGE_AT_HOME),
        ("no rash, fine otherwise", None),
        # a heart attack anyone would get from the bill is an idiom; one of the patient's is not
        ("the parking charges would give anyone a heart attack", None),
        ("I think I'm having a heart attack", EMERGENCY),
        # a head "on me": a headache in Irish and Scots English
        ("I've a bit of a head on me since the drip", MANAGE_AT_HOME),
        # a site that has healed is over
        ("the needle spot was sore on Friday, all healed now", None),
        # the site named, then pointed back to in the next clause
        ("she keeps touching her hand where the needle went in, it's a bit swollen", MANAGE_AT_HOME),
        # the face told by its size
        ("his lips have gone huge", EMERGENCY),
        ("my mouth is big, I talk too much", None),
        # drowning said alone is of the air; drowning in paperwork is not
        ("drowning", EMERGENCY),
        ("drowning in forms since my infusion, where do I send them?", None),
        # never known pain like it: the worst ever
        ("never known a headache like it, came from nowhere", EMERGENCY),
    ],
)
def test_round19_levels(text, expected):
    assert level(text) == expected


def test_a_reading_said_digit_by_digit():
    assert in_digits("one oh three") == "103"
    assert in_digits("temp one oh one point five") == "temp 101.5"
    assert in_digits("one of the nurses") == "one of the nurses"
    assert extract("temp one oh three").temperature_c == 39.4


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I did my gardening this morning without any bother", Answer.NO),
        ("walked to the shop with no trouble", Answer.NO),
        ("I did", Answer.YES),
        ("she did, this morning", Answer.YES),
        ("I have, a bit", Answer.UNSURE),
        ("I can't walk without stopping", None),
    ],
)
def test_i_did_is_a_yes_only_when_nothing_else_was_done(text, expected):
    assert read_answer(text) is expected


def test_a_cry_for_help_is_a_yes_to_a_red_flag_question():
    assert cries_for_help("help!!") and cries_for_help("please help me") and not cries_for_help("help me understand")
    told, asked, _ = converse("my chest feels tight", ["help"] + ["no"] * 10)
    assert asked[0] == "crushing_chest_pain" and "crushing_chest_pain" in told.symptoms
    denied, _, _ = converse("my chest feels tight", ["no"] * 10)
    assert "crushing_chest_pain" in denied.denied


def test_a_worst_ever_word_in_an_answer_of_degree():
    assert read_degree("one minute fine, the next like a hammer, never known pain like it") is Answer.YES
    findings, _, _ = converse(
        "headache since the drip",
        ["neck moves fine", "I was fine, then out of nowhere it hit, never had pain like it"] + ["no"] * 10,
    )
    assert "worst_headache" in findings.symptoms


@pytest.mark.parametrize(
    "text, expected",
    [
        # each part said to be well
        ("Both arms work, her smile's even, and the speech is fine", Answer.NO),
        # a sign told beside something fine is told
        ("arm is weak, speech is fine", None),
        ("both legs work but one is numb", None),
        # the answer given as a verdict after its reason
        ("he's been climbing trees all day, so I'd say no", Answer.NO),
        ("she keeps rubbing it, so I'd say yes", Answer.YES),
    ],
)
def test_answers_given_sideways(text, expected):
    assert read_answer(text) is expected


def test_a_sudden_word_denied_is_no_sudden_onset():
    assert read_degree("bad, but not like I was hit by anything, it built up slowly", extreme=True) is Answer.NO
    assert read_degree("it hit me like a train", extreme=True) is Answer.YES


@pytest.mark.parametrize(
    "opening, reply",
    [
        ("my legs ache after the drip", "both legs look the same"),
        ("bit of a headache and tired", "steady on my feet"),
    ],
)
def test_the_normal_state_answers_the_question(opening, reply):
    findings, asked, _ = converse(opening, [reply] + ["no"] * 12)
    assert assess(findings).level == MANAGE_AT_HOME, asked


def test_voices_heard_far_off_are_no_speech_sign():
    assert level("my ears are ringing and voices sound far off") == CALL_DOCTOR_NOW  # not on the mild list
    assert level("his voice sounds slurred") == EMERGENCY


def test_an_idiom_with_ordinary_words_is_no_unknown_symptom():
    doc = load()("I'm sick to death of waiting on hold")
    start = doc.text.index("sick")
    assert excluded(doc, start, doc.text.index("waiting") + len("waiting"))
    doc = load()("I'm sick to death of this rash")
    assert not excluded(doc, doc.text.index("rash"), len(doc.text))
