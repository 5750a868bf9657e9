"""Round 21's classes, in words of our own (not the evaluation set's): an inability said another way than
"can't" ("not able to", "unable to"), no breath "at all", too breathless to say a sentence, striving for
air, flu said as a learner of English says it, a person who never had the infusion (also when said in brackets), and a symptom that is
over because the person is "back to their old self"; emoji that name a symptom; a no taken back into a yes,
and an unsure word followed by a body that works."""

import pytest

from bot.answers import Answer, cannot_talk, read_answer, read_degree
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.nlp import with_inabilities
from tests.bot.levels import level
from tests.bot.test_dialogue import converse


@pytest.mark.parametrize(
    "text, expected",
    [
        # "can't" said another way: the inability is the sign, never its denial
        ("I'm not able to catch my breath", CALL_DOCTOR_NOW),
        ("is it ok that he is unable to catch his breath?", EMERGENCY),  # "unable" of the breath: severe (body_systems)
        ("she could not catch her breath on the stairs", CALL_DOCTOR_NOW),
        # no breath at all
        ("I cannot get a breath at all", EMERGENCY),
        ("not able to catch my breath at all", EMERGENCY),
        # too breathless to say a sentence
        ("he can't say a whole sentence, his breathing is so bad", EMERGENCY),
        # striving for air is not vomiting
        ("panting for breath just sitting on the sofa", EMERGENCY),
        ("heaving for air", EMERGENCY),
        ("I've been heaving all morning", CALL_DOCTOR_NOW),
        # flu as a learner of English says it; someone else's flu is not the patient's
        ("since the drip I am like with flu", MANAGE_AT_HOME),
        ("my son is off school with the flu, can I still come on Monday?", None),
        # a person who never had the infusion is not the patient
        ("my neighbour collapsed in the shop, she's never had ivig. I'm fine", None),
        ("my neighbour collapsed in the shop, she has had her ivig", EMERGENCY),
        # emoji that name a symptom, and only those
        ("since the drip 🤢🤮", CALL_DOCTOR_NOW),
        ("feeling 🤒 38.6", CALL_DOCTOR_NOW),
        ("no 🤮 thankfully, all fine", None),
        ("all good 😂", None),
        # the one named in a bracketed aside is not the subject of what follows it
        ("My son (he hasn't had any IVIG, I have) has been sick twice", None),
        ("My husband (he drove me home) says I've been sick twice", CALL_DOCTOR_NOW),
        # over: back to their old self
        ("Dad had a headache and chills on Saturday, he's back to his old self today", None),
        ("I had a headache on Saturday, back to my old self, but now my neck is stiff", CALL_DOCTOR_NOW),
    ],
)
def test_round21_words(text, expected):
    assert level(text) == expected


def test_every_cant_group_offers_the_other_inabilities():
    widened = with_inabilities("[can't|cannot] swallow")
    assert "unable to" in widened and "not able to" in widened
    assert with_inabilities("[my|the] throat") == "[my|the] throat"  # other groups are left as written


@pytest.mark.parametrize(
    "text, expected",
    [
        # a no taken back: the correction stands
        ("no, hang on, actually yes a bit when I look down", Answer.YES),
        ("nope. wait yeah, kind of", Answer.YES),
        ("no, actually I feel fine", Answer.NO),
        ("No, I mean it is fine", Answer.NO),
        # unsure of the word, sure of the body
        ("not sure? I can turn it fine, no problem at all", Answer.NO),
        ("dunno, I can bend it fine but it is a bit stiff", Answer.UNSURE),
        ("no idea, maybe", Answer.UNSURE),
        # a soft no with a clause that says it works: a vague word elsewhere is left to the findings
        ("I don't think so? watching it makes it feel odd, but I'm breathing normally", Answer.NO),
        ("I don't think so, it is not fine", Answer.UNSURE),
    ],
)
def test_round21_answers(text, expected):
    assert read_answer(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I don't think so? checking makes it feel strange, but I'm breathing normally", Answer.NO),
        ("not sure, I can talk fine", Answer.NO),
        ("not sure", Answer.UNSURE),
    ],
)
def test_round21_degree_of_breathing(text, expected):
    assert read_degree(text, extreme=True) is expected


def test_only_a_few_words_is_too_breathless_to_talk():
    assert cannot_talk("dunno, I can only get a few words out")
    assert not cannot_talk("I can talk fine")


def test_a_sign_beside_a_soft_no_is_still_heard():
    """The answer reads no to the question asked; the sign told in the same words is still triaged."""
    findings, _, _ = converse(
        "I feel a bit flushed", ["I don't think so, my breathing is fine but it hurts to breathe"] + ["no"] * 8
    )
    assert "breathing_difficulty" in findings.symptoms
