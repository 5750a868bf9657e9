"""Round 9's classes, in words of our own (not the evaluation set's): Caribbean creole words, chest pain
that runs down "him" arm, a breath to catch, gasping, plural things that spread, a double negative with
"without", a correction after a dash, and "it IS a headache"."""

import pytest

from bot.findings import extract


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("mi chest a hurt and di pain run down mi left arm", "crushing_chest_pain"),
        ("him chest feel like a truck a crush it", "crushing_chest_pain"),
        ("we cyaan wake him at all", "fainting"),
        ("I have to stop on the landing to catch my breath", "breathing_difficulty"),
        ("after three words I gasp for air", "severe_breathing_difficulty"),
        ("welts on my arms and back and they're spreading", "severe_rash"),
        ("she can't get to the kitchen without stopping for breath", "breathing_difficulty"),
        ("no vomiting – well, no sorry, I was sick once just now", "vomiting"),
        ("my head hurts, it's a headache, the worst one I've ever had", "worst_headache"),
    ],
)
def test_round_9_mechanisms_read_the_sign(text, symptom):
    assert symptom in extract(text).symptoms


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("the view took my breath away", "breathing_difficulty"),
        ("I walked to the shop without getting out of breath", "breathing_difficulty"),
        ("the insurance form is a headache", "headache"),
        ("no, no rash at all", "rash"),
        ("a tight chest, but it doesn't go down him arm", "crushing_chest_pain"),
    ],
)
def test_round_9_mechanisms_do_not_invent_the_sign(text, symptom):
    assert symptom not in extract(text).symptoms


def test_talking_a_lot_is_an_idiom():
    assert extract("breathing's fine, I'm talking the hind legs off a donkey").symptoms == frozenset()
