"""Round 25's classes, in words of our own (not the evaluation set's): a person fitting said without its verb,
a neck that will not bend told of anyone, a rash over a large area or from little to much, a thunderclap told
at length of the head, the eyes of a fit (not legs "going up" stairs), Scots words, ends said with "before"."""

import pytest

from tests.bot.levels import level
from tests.bot.test_dialogue import converse


@pytest.mark.parametrize(
    "text, expected",
    [
        ("daughter fitting again", "emergency"),
        ("toddler seizing, what do I do", "emergency"),
        ("she's fitting in well at her new school", None),
        ("she can't get her chin down to her chest and has a headache", "call_doctor_now"),
        ("hives all over her arms and chest since the drip", "call_doctor_now"),
        ("the rash went from a couple of dots to loads of them", "call_doctor_now"),
        ("rash on my wrist and loads of questions about my next dose", "manage_at_home"),
        ("dull headache all morning, then something slammed inside my head, worst ever, out of nowhere", "emergency"),
        ("my legs ache going up hills", "manage_at_home"),
        ("his eyes were rolling up and he wouldn't answer", "emergency"),
        ("my heid is sair the day", "manage_at_home"),
        ("the flushing went before I got home and nothing since", None),
        ("my husband, not the one having IVIG, has been sick twice", None),
    ],
)
def test_round25_words(text, expected):
    assert level(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("welts on his back and both arms", "call_doctor_now"),
        ("hives on her neck and chest", "call_doctor_now"),
        ("a small itchy rash on my arms and chest", "manage_at_home"),
        ("a rash on my back", "manage_at_home"),
    ],
)
def test_a_rash_on_two_large_parts_of_the_body_is_over_a_large_area(text, expected):
    assert level(text) == expected


def test_a_small_child_is_asked_what_a_parent_sees():
    _, asked, _ = converse("our 10 month old has a little rash on her back since the drip", ["no"] * 12)
    assert {"fainting", "little_or_no_urine"} <= set(asked) and "palpitations" not in asked


def test_a_feverish_small_child_is_asked_whether_floppy_or_hard_to_wake():
    from bot.dialogue import State, next_question
    from bot.findings import extract

    findings = extract("my toddler had his ivig today and he's hot, 38.4")
    assert next_question(findings, State()) == "fainting"


def test_a_warm_red_face_is_asked_about_swelling():
    _, asked, _ = converse("my face is flushed and warm since the infusion", ["no"] * 10)
    assert "throat_or_face_swelling" in asked


def test_one_heavy_arm_is_asked_as_the_weakness_it_may_be():
    _, asked, _ = converse("my arm feels heavy since this morning", ["no"] * 10)
    assert asked[0] == "stroke_signs"


def test_a_chest_described_after_a_comma_by_a_simile():
    assert level("pain in my chest, like a weight sitting there, going into my jaw") == "emergency"


def test_seems_ok_but_for_something_is_no_all_clear():
    from bot.dialogue import State, plan
    from bot.findings import Findings

    text = "she seems fine, just a bit floppy"
    assert plan(Findings(), Findings(), State(), None, reported=True, text=text).question == "how_do_you_feel"
