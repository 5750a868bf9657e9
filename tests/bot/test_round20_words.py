"""Round 20's classes, in words of our own (not the evaluation set's): words spelt as they sound, a chest
that whistles, a reliever inhaler that does not help, speech cut to a whisper, words that are not words, a
side that will not do what it is told, chest pain going to the arm or with a cold sweat, a fit told as a
fragment, "not my migraine", a blood pressure read off a machine, the limb "not the drip arm", and where a
thermometer was put."""

import pytest

from bot import vitals
from bot.answers import Answer, read_degree
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from tests.bot.levels import level
from tests.bot.test_dialogue import converse


@pytest.mark.parametrize(
    "text, expected",
    [
        # spelt as it sounds (more than two edits from the word, not from its sound)
        ("sudon hedake, wurst I ever had", EMERGENCY),
        ("bad hedake since the drip", CALL_DOCTOR_NOW),
        # a chest that whistles or rattles is breathing
        ("his chest is rattling", CALL_DOCTOR_NOW),
        ("the kettle is whistling, all fine here", None),
        # a reliever that does not help
        ("puffer isn't helping and I'm tight", CALL_DOCTOR_NOW),
        ("took my inhaler and it helped, all fine now", None),
        # too breathless to do more than whisper
        ("wheezing so much I can only whisper", EMERGENCY),
        # words that are not words
        ("he is saying words that aren't real words", EMERGENCY),
        ("I'm lost for words, the nurses were amazing", None),
        # a side that will not do what it is told
        ("my right hand won't do what I tell it", EMERGENCY),
        # chest pain going to the arm, or with a cold sweat
        ("pain in my chest, it's going to my left arm", EMERGENCY),
        ("tight chest and a cold sweat", EMERGENCY),
        ("chest is a bit tight, I put a heat pack to my neck", CALL_DOCTOR_NOW),
        # a fit told as a fragment
        ("baby. fitting. help", EMERGENCY),
        # not the headache the patient knows
        ("I get migraines. This is not my migraine, it came on in a second", EMERGENCY),
        ("I don't have my migraine today, just tired", MANAGE_AT_HOME),
        # the limb that is not the drip arm
        ("my left arm - not the drip arm - is swollen and sore", CALL_DOCTOR_NOW),
        ("left arm (not the cannula arm) is puffy and aching", CALL_DOCTOR_NOW),
        # where the thermometer was put is no sign
        ("37.6 under the arm, she's a bit droopy but playing", MANAGE_AT_HOME),
    ],
)
def test_round20_levels(text, expected):
    assert level(text) == expected


@pytest.mark.parametrize(
    "text, signs",
    [
        ("bp 172/96 this morning", {vitals.HIGH_BLOOD_PRESSURE}),
        ("blood pressure 150 over 104", {vitals.HIGH_BLOOD_PRESSURE}),
        ("my machine says 84/50 and I feel faint", {vitals.LOW_BLOOD_PRESSURE}),
        ("pain 7/10, bp 128/76", set()),
        ("I'm usually 170/100, today 130/80", set()),
        ("appointment on 12/05", set()),
    ],
)
def test_a_blood_pressure_read_off_a_machine(text, signs):
    assert vitals.signs(text) == signs


@pytest.mark.parametrize(
    "text, expected",
    [
        # Nigerian English "feeling somehow"; Scots "no right"; something off, its kind not named
        ("I am feeling somehow since the drip", CALL_DOCTOR_NOW),
        ("mum's no right since her infusion", CALL_DOCTOR_NOW),
        ("fine mostly but something's off with my hearing", CALL_DOCTOR_NOW),
        # puzzled by a thing is no confusion; confused about where one is is
        ("all good, just confused by the paperwork", None),
        ("she is confused about where she is", EMERGENCY),
        # a complaint said to be as always is no new one
        ("back and forth to the loo as usual", None),
        # general aching is muscle aches
        ("just general aching since the drip", MANAGE_AT_HOME),
    ],
)
def test_round20_conversation_words(text, expected):
    assert level(text) == expected


@pytest.mark.parametrize(
    "text, extreme, expected",
    [
        ("not the worst but a solid eight", False, Answer.YES),
        ("about a three, it came on slowly", False, Answer.NO),
        ("it's gone from her tummy down to both legs", False, Answer.YES),
        ("gone now", False, Answer.NO),
    ],
)
def test_round20_degrees(text, extreme, expected):
    assert read_degree(text, extreme=extreme) is expected


def test_talking_or_singing_answers_the_breathing_question():
    findings, _, _ = converse("my son is shivery after the drip", ["37.4", "he's fine, singing away"] + ["no"] * 12)
    assert "breathing_difficulty" in findings.denied


def test_a_name_is_never_matched_by_sound():
    assert level("my daughter Amira had her drip today and is fine") is None
    assert level("bit akey after my ivig") == MANAGE_AT_HOME  # "achy", spelt as it sounds


def test_a_device_number_said_in_words():
    assert level("his heart rate is a hundred and thirty five") == CALL_DOCTOR_NOW
    assert level("my wee has been scant all day") == CALL_DOCTOR_NOW


def test_another_languages_word_is_not_matched_by_sound():
    assert level("tengo fiebre y vómitos") is None  # the Spanish note goes first (components/channels)
