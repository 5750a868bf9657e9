"""Round 16's classes, in words of our own (not the evaluation set's): a reaction said to be happening, one side
of the body told by tingling, dribbling or a dragging foot, a leg that will not hold one up, a hand not used, a
neck that pulls, a person gone grey (not their hair, nor the sky), a relative clause's own past ("my uncle who
died years ago"), urine called "water", and in the questions: a hedged racing heart with a fast number, and a
headache with light hurting the eyes asked whether it was sudden."""

import pytest

from bot import dialogue
from bot.answers import Answer
from bot.dialogue import State, next_question
from bot.findings import Findings, extract
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY
from tests.bot.levels import level


@pytest.mark.parametrize(
    "text, expected",
    [
        # a reaction happening, not asked about
        ("pretty sure I'm having an allergic reaction, my lips are puffing up", EMERGENCY),
        ("I think I'm having some kind of reaction", CALL_DOCTOR_NOW),
        ("what reactions should I watch for?", None),
        # one side of the body
        ("tingling all down my right side since lunch", EMERGENCY),
        ("he's drooling from one side of his mouth", EMERGENCY),
        ("mum keeps dragging her left foot", EMERGENCY),
        ("my right leg won't hold me up", EMERGENCY),
        ("she won't use her left hand at all", EMERGENCY),
        ("pins and needles in the hand where the drip was", CALL_DOCTOR_NOW),
        # a neck that pulls, with a headache
        ("bad head and my neck pulls when I look down", CALL_DOCTOR_NOW),
        # gone grey: the person, not the hair or the sky
        ("he's gone grey and sweaty", EMERGENCY),
        ("my hair went grey years ago", None),
        ("the sky's gone grey again", None),
        # a relative clause dates only itself
        ("she thinks I'm her sister who passed away years ago", EMERGENCY),
        # urine called water
        ("my water's gone the colour of rosé", CALL_DOCTOR_NOW),
        ("my water bottle is dark green", None),
    ],
)
def test_round16_words_get_their_level(text, expected):
    assert level(text) == expected


def test_a_hedged_racing_heart_with_a_fast_number_is_unsure_not_no():
    question = dialogue.question_for("palpitations")
    headache = extract("headache")
    assert dialogue._read(question, "maybe? feels thumpy, 112 on my watch", headache) is Answer.UNSURE
    assert dialogue._read(question, "not sure, it's 72", headache) is Answer.NO
    assert dialogue._read(question, "yes, 95", headache) is Answer.YES


def test_a_headache_with_light_hurting_the_eyes_is_asked_whether_it_was_sudden():
    findings = Findings(symptoms=frozenset({"headache", "light_sensitivity"}))
    state = State(asked=("neck_stiffness",))
    assert next_question(findings, state, CALL_DOCTOR_NOW) == "worst_headache"


def test_a_description_that_says_one_part_is_fine_is_still_a_complaint():
    from tests.bot.test_dialogue import converse

    findings, asked, _ = converse("hmm since the drip", ["all round the top of my skull, dull, 2/10, eyes are fine"])
    assert asked[0] == "describe_symptom"
    assert findings.unknown_symptom or findings.symptoms


def test_a_description_that_says_all_is_well_is_nothing_wrong():
    from tests.bot.test_dialogue import converse

    findings, asked, _ = converse("hmm since the drip", ["I'm fine, just checking in"])
    assert asked[0] == "describe_symptom" and not findings.unknown_symptom and not findings.symptoms


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nan has dementia; her confusion is exactly the same as always", None),
        ("grandad's muddled, but no different to before the drip", None),
        ("he's much more confused than usual since the drip", EMERGENCY),
        ("she's confused, which is new for her", EMERGENCY),
    ],
)
def test_confusion_unchanged_from_the_persons_usual_is_no_new_sign(text, expected):
    assert level(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my ankles are sore but they aren't swollen, it's my old gout a bit", Answer.NO),
        ("kinda sore, not swollen I think", Answer.UNSURE),
    ],
)
def test_the_sign_asked_about_denied_in_a_later_clause_is_a_no(text, expected):
    from bot.answers import read_answer

    assert read_answer(text) is expected


def test_filipino_english_courtesy_words_after_ok_are_still_ok():
    question = dialogue.question_for("breathing_difficulty")
    assert dialogue._read(question, "Ok naman po", extract("tired")) is Answer.NO


@pytest.mark.parametrize(
    "text",
    ["I didn't want to make a fuss", "it's probably nothing, don't want to bother you", "will it wear off on its own?"],
)
def test_playing_it_down_is_no_denial(text):
    from bot.answers import read_answer

    assert read_answer(text) is Answer.UNSURE


def test_playing_it_down_to_the_all_well_screen_asks_what_it_is():
    reply = "I didn't want to make a fuss"
    step = dialogue.answer(Findings(), extract(reply), reply, None, dialogue.ask(dialogue.CHECK_IN, State()))
    assert step.state.pending == "describe_symptom" and not step.done
