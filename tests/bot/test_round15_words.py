"""Round 15's classes, in words of our own (not the evaluation set's): a fit said as a verb after a pronoun's
"'s", a collapse told in Irish English, someone who cannot be got to wake, a faint said in the present or as
only about to happen, a Jamaican "deh", the arm without the drip, feeling "a bit off", a temperature that
opens the message or sits beside a feeling of fever, a number read as a pulse that is no temperature, a vein
that collapses, clothes that fit, and the answers: a function done ("I can breathe") and a limit ("only just")."""

import pytest

from bot.answers import Answer, read_answer, read_degree
from bot.findings import extract
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.temperature import find_temperatures
from tests.bot.levels import level


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fit, a collapse, not waking
        ("she's fitting again on the kitchen floor", EMERGENCY),
        ("hes fitting, what do i do", EMERGENCY),
        ("the compression sleeve is fitting nicely now", None),
        ("my son isn't fitting in at his new school", None),
        ("she's after collapsing in the hall", EMERGENCY),
        ("we can't get her to wake up properly", EMERGENCY),
        ("couldn't get him to respond for a minute", EMERGENCY),
        ("my vein kept collapsing so the nurse moved the needle", None),
        # fainting said in the present, or only about to happen
        ("is it normal to pass out after the drip?", EMERGENCY),
        ("I feel like I might pass out when I stand", CALL_DOCTOR_NOW),
        ("woozy, like I'm about to faint but I haven't", CALL_DOCTOR_NOW),
        # a Jamaican "deh": where one is
        ("granny nuh know where she deh", EMERGENCY),
        # the arm without the drip, the whole forearm
        ("the leg without the line in is swollen and sore, whole calf", CALL_DOCTOR_NOW),
        ("the arm without the cannula is swollen and painful from the elbow down", CALL_DOCTOR_NOW),
        # feeling off
        ("all a bit off since the infusion", CALL_DOCTOR_NOW),
        ("he's a tad off tonight", CALL_DOCTOR_NOW),
        ("the yoghurt smells a bit off", None),
        ("I'm off to bed after my infusion, all good", None),
    ],
)
def test_round15_words_get_their_level(text, expected):
    assert level(text) == expected


@pytest.mark.parametrize(
    "text, celsius",
    [
        ("102, and aching all over", 38.9),
        ("102. aching all over", 38.9),
        ("102 and shivering", 38.9),
        ("burning up, it says 101.5", 38.6),
        ("pulse 104, temp normal", None),
        ("heart rate 110 and feeling hot", None),
        ("sats 96 and shivery", None),
        ("pulse 90, temp 102", 38.9),
        ("room 102, is that where I go?", None),
        ("I'm 45, feel rough", None),
    ],
)
def test_a_temperature_is_read_where_it_is_news_and_never_from_a_pulse(text, celsius):
    found = [t.celsius for t in find_temperatures(text)]
    assert found == ([celsius] if celsius else [])


def test_a_number_that_opens_the_message_in_the_fever_range_is_a_high_fever():
    assert level("a hundred and two, headache, feel rubbish") == CALL_DOCTOR_NOW
    assert level("99, just tired") == MANAGE_AT_HOME


@pytest.mark.parametrize(
    "text, expected",
    [
        ("yes I can breathe, obviously", Answer.NO),
        ("she can swallow", Answer.NO),
        ("yeah he can talk", Answer.NO),
        ("I can barely breathe", None),
        ("I can breathe, just a bit wheezy", Answer.UNSURE),
    ],
)
def test_a_function_done_is_a_no_unless_something_limits_it(text, expected):
    assert read_answer(text) is expected


def test_a_function_done_with_a_limit_is_no_denial():
    assert read_answer("I can breathe but it's tight") is not Answer.NO
    assert read_answer("yes, I can walk but my calf is swollen") is not Answer.NO


def test_only_just_is_a_limit_not_a_small_degree():
    assert read_degree("yes, I can breathe but only just", extreme=True) is Answer.YES
    assert read_degree("a bit, not that bad", extreme=True) is Answer.NO


def test_the_other_limb_is_not_denied_by_without():
    findings = extract("my arm without the drip is swollen and hurts")
    assert "swollen_painful_limb" in findings.symptoms
    assert "swollen_painful_limb" not in findings.denied


@pytest.mark.parametrize(
    "text, expected",
    [
        ("No difficulty in breathing", None),
        ("no trouble in breathing, just tired", MANAGE_AT_HOME),
        ("the air won't go in", CALL_DOCTOR_NOW),
    ],
)
def test_a_negation_of_the_abnormal_word_is_a_denial_not_a_normal_word_negated(text, expected):
    assert level(text) == expected


def test_nothing_to_report_is_a_no():
    assert read_answer("I'm walking about, sadly nothing new to report") is Answer.NO


@pytest.mark.parametrize(
    "text, expected",
    [
        ("worse than usual? it's my usual one, came on slowly", Answer.NO),
        ("severe? yes, the worst I've had", Answer.YES),
    ],
)
def test_the_question_said_back_is_not_the_answer(text, expected):
    assert read_degree(text) is expected


def test_a_word_of_the_question_asked_back_is_no_report():
    assert level("what do you mean by dark? it looks like it always does") is None


def test_an_age_said_after_the_person_is_no_time_of_the_infusion():
    from datetime import UTC, datetime

    from bot.age import oldest_age
    from bot.timeline import read_infusion_time

    now = datetime(2026, 12, 2, 22, 0, tzinfo=UTC)
    text = "Sorry it's late. My mother 81 years had her IVIG today and she is very sleepy"
    assert oldest_age(text) == 81
    assert read_infusion_time(text, now).hours_since_start is None  # "today", no hour: not 81 years ago
    story = read_infusion_time("my wife had IVIG 4 years ago too; her infusion started at 9am", now)
    assert story.hours_since_start == 13.0
    assert read_infusion_time("3 months ago", now, answering=True).hours_since_start > 24 * 60
