"""The infusion timeline in whole conversations over REST (the real Rasa and action servers)."""

from bot.advice import NURSE_NOW
from bot.settings import load_settings
from bot.timeline import watch_for

ASKED = "When did your infusion start"


def answer_no_until_disposition(conversation, limit: int = 5) -> list[str]:
    """Say "no" to each question; returns the questions' texts."""
    questions = []
    for _ in range(limit):
        if conversation.triage:
            break
        questions.append(conversation.text)
        conversation.say("no")
    assert conversation.triage, questions
    return questions


def test_a_time_in_the_opening_message_is_not_asked_again(conversation):
    conversation.say("finished the drip 2 hours ago and now I have a headache")
    questions = answer_no_until_disposition(conversation)
    assert not any(ASKED in q for q in questions)
    triage = conversation.triage
    assert triage["level"] == "manage_at_home"
    assert triage["infusion"] == {
        "hours_since_start": 5.0,
        "in_progress": False,
        "said": "finished the drip 2 hours ago",
    }
    assert "Your infusion: finished the drip 2 hours ago (started about 5 hours ago)." in conversation.text


def test_a_mild_symptom_at_4_days_calls_the_doctor(conversation):
    conversation.say("my infusion was 4 days ago and I have a slight headache")
    triage = conversation.triage  # no question can lower it: the disposition comes at once
    assert triage["level"] == "call_doctor_now"
    assert triage["red_flags"] == ["mild_symptoms_beyond_72_hours"]
    assert triage["infusion"]["hours_since_start"] == 96.0
    assert "My IVIG infusion: my infusion was 4 days ago (started about 4 days ago)." in conversation.text  # hand-off


def test_the_answer_4_days_ago_calls_the_doctor(conversation):
    conversation.say("I've got a bit of a headache")
    questions = []
    while ASKED not in conversation.text and conversation.triage is None and len(questions) < 3:
        questions.append(conversation.text)
        conversation.say("no")
    assert ASKED in conversation.text
    conversation.say("4 days ago")
    assert conversation.triage["level"] == "call_doctor_now"
    assert "mild_symptoms_beyond_72_hours" in conversation.triage["red_flags"]


def test_not_sure_is_accepted_and_not_asked_again(conversation):
    conversation.say("I have chills")
    asked = 0
    for _ in range(4):
        if conversation.triage:
            break
        asked += ASKED in conversation.text
        conversation.say("I'm not sure" if ASKED in conversation.text else "no")
    triage = conversation.triage
    assert asked == 1 and triage["level"] == "manage_at_home"
    assert triage["infusion"] == {"hours_since_start": None, "in_progress": False, "said": "I'm not sure"}
    assert len(triage["watch_for"]) == len(watch_for(None, load_settings()))  # unknown time: the whole list


def test_a_symptom_during_the_infusion_puts_the_nurse_first(conversation):
    conversation.say("I'm still on the drip and my face is flushed")
    answer_no_until_disposition(conversation, limit=8)  # flushing: the heart, the chest, the temperature too
    triage = conversation.triage
    assert triage["advice"][0] == NURSE_NOW
    assert triage["infusion"]["in_progress"] is True
    assert conversation.text.startswith(NURSE_NOW)


def test_the_watch_for_list_changes_with_the_time(servers):
    from tests.conftest import Conversation

    lists = {}
    for when in ("2 hours ago", "5 days ago"):
        conversation = Conversation(servers)
        conversation.say(f"my infusion was {when} and I feel tired")
        answer_no_until_disposition(conversation, limit=14)  # tiredness alone: the fuller screen
        lists[when] = conversation.triage["watch_for"]
    early, late = lists["2 hours ago"], lists["5 days ago"]
    assert any("racing heart" in w for w in early) and not any("racing heart" in w for w in late)
    assert any("stiff neck" in w for w in early) and not any("stiff neck" in w for w in late)
    assert any("dark urine" in w for w in late) and len(late) < len(early)


def test_a_time_said_during_the_questions_ends_them_when_it_raises_the_level(conversation):
    conversation.say("I've got a bit of a headache")
    assert conversation.triage is None and ASKED not in conversation.text
    conversation.say("no, and my infusion was 4 days ago")
    assert conversation.triage["level"] == "call_doctor_now"
    assert "mild_symptoms_beyond_72_hours" in conversation.triage["red_flags"]
