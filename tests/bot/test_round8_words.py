"""Round 8's classes of misreading, each in words of our own (never an evaluation set's sentence): a
modifier after a simile or said of a pain noun, Scots words, light that stings the eyes, a degree told by
what it stops, a rash that grows in a clause pointing back, a rash whose growth is denied or whose extent
is a small size, a coloured patch on the skin, a word taken back, said to be over, machine-like joints,
'hed' for the head, sick-note paperwork."""

import pytest

from bot.findings import extract
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from tests.bot.levels import level


@pytest.mark.parametrize(
    "text, symptom",
    [
        # a simile of the symptom does not set the modifier after it apart from the symptom
        (
            "my headache started like a freight train ploughing through my temples, totally out of nowhere",
            "worst_headache",
        ),
        # a pain noun stands for the symptom named before it in the sentence
        ("woke with a headache behind my eyes and down my neck today, easily the worst pain ever", "worst_headache"),
        # Scots: a degree told by what it stops, light stinging the eyes
        ("ma heid is sore, that bad I cannae read", "severe_headache"),
        ("sore head and the light's stinging my eyes", "light_sensitivity"),
        ("the headache is that painful I can't sit still", "severe_headache"),
        # a rash growing in a clause that points back to it, or in a later sentence that does
        (
            "there's a rash on my back that I noticed when I got out of the shower and it is spreading fast",
            "severe_rash",
        ),
        ("blotchy rash on my tummy. It's now across my hips and up to my shoulders", "severe_rash"),
        ("rash on his shoulders, neck and chest", "severe_rash"),
        # a coloured patch on the skin is a rash
        ("a pinkish patch on my ankle", "rash"),
        ("raised red marks on her thigh", "rash"),
        # joints like a machine's, muscles that scream, "hed"
        ("knees feel rusty since the drip", "joint_pain"),
        ("my muscles are screaming after the drip", "muscle_aches"),
        ("hed hurts a bit", "headache"),
        ("mah legs are aching", "muscle_aches"),
    ],
)
def test_round8_readings(text, symptom):
    assert symptom in extract(text).symptoms


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("a small rash on my wrist, it isn't getting any bigger", "severe_rash"),
        ("the rash hasn't got any larger since this morning", "severe_rash"),
        ("a few red spots covering an area the size of a 5p", "severe_rash"),
        ("I'm burning up, well, not really, it's 37.6", "high_fever"),
        ("my headache is not getting any worse", "severe_headache"),
        # a headache far off in another sentence is not made the worst by a pain said of something else
        ("I have a mild headache. My knee gave me the worst pain ever when I fell years ago", "worst_headache"),
        ("that rough patch at work is over", "rash"),
        ("can I have a sick note for work?", "nausea"),
    ],
)
def test_round8_not_read(text, symptom):
    assert symptom not in extract(text).symptoms


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a small red patch on my hand, flat, same size as this morning", MANAGE_AT_HOME),
        ("a little patch of rash on my neck, about the size of a 20p, hasnt got any bigger", MANAGE_AT_HOME),
        ("hed ache not too bad, resting", MANAGE_AT_HOME),
        ("I threw up on saturday but that passed and I've been fine since", None),
        ("had a headache after the drip but it went after a nap, fine now", None),
        ("it went numb down my arm", CALL_DOCTOR_NOW),  # a change, not an end: still read (an unknown symptom)
        # an emergency on a named day said to be over still counts (that day may be yesterday)
        ("she had a fit on monday but that passed", EMERGENCY),
        ("pain in my head that came on like being punched, in a split second", EMERGENCY),
    ],
)
def test_round8_levels(text, expected):
    assert level(text) == expected


def test_scots_negative_denies():
    findings = extract("I dinnae have any rash")
    assert "rash" in findings.denied and "rash" not in findings.symptoms


def test_a_word_taken_back_only_the_clause_before():
    findings = extract("I'm burning up, well, not really, but I have a rash")
    assert "high_fever" not in findings.symptoms and "rash" in findings.symptoms


@pytest.mark.parametrize(
    "text, improving",
    [
        ("she has perked up a lot since lunch", True),
        ("the ache is easing now", True),
        ("it isn't easing at all", False),
        ("no better, if anything it's getting worse", False),
        ("my head hurts", False),
    ],
)
def test_says_improving(text, improving):
    from bot.nlp import load, says_improving

    assert says_improving(load()(text)) is improving


def test_only_a_figure_of_speech_explains_the_tagged_words():
    from bot.nlp import load, only_idioms

    nlp = load()
    figure = "this parking app is giving me a headache"
    at = figure.index("headache")
    assert only_idioms(nlp(figure), [(at, at + len("headache"))])
    misread = "bit sicky and tired today"  # "sick and tired" may be a misread symptom: still a report
    at = misread.index("tired")
    assert not only_idioms(nlp(misread), [(at, at + len("tired"))])
