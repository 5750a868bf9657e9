"""Typed text is text: `/restart`, `/session_start` or `/deny{...}` typed on a public channel are read as
words, never run as Rasa commands; only the exact payloads of the buttons the bot just offered are."""

import uuid

import pytest


def sender() -> str:
    return f"typed-{uuid.uuid4().hex[:10]}"


def events(hardened, conversation: str) -> list[dict]:
    answer = hardened.request("GET", f"/conversations/{conversation}/tracker?token={hardened.token}")
    assert answer.status == 200
    return answer.json["events"]


def read_by_the_nlu(event: dict) -> bool:
    """A message the NLU pipeline read carries the rule layer's findings; a command's parse does not."""
    return "triage_findings" in (event.get("parse_data") or {})


@pytest.mark.parametrize("command", ["/restart", "/session_start", "/restart{}", "  /restart"])
def test_typed_restart_does_not_wipe_an_emergency(hardened, command):
    conversation = sender()
    assert hardened.say(conversation, "my throat is closing up").triage["level"] == "emergency"
    answer = hardened.say(conversation, command)
    assert answer.status == 200 and answer.text  # an answer, never silence
    history = events(hardened, conversation)
    assert not [e for e in history if e["event"] in ("restart", "session_started")][1:]  # only the first start
    assert read_by_the_nlu([e for e in history if e["event"] == "user"][-1])
    state = hardened.request("GET", f"/conversations/{conversation}/tracker?token={hardened.token}").json
    assert state["slots"]["triage_level"] == "emergency"
    assert "throat_or_face_swelling" in state["slots"]["findings"]["symptoms"]


def test_a_typed_intent_with_entities_is_read_as_text(hardened):
    conversation = sender()
    hardened.say(conversation, "hello")
    hardened.say(conversation, '/report_symptoms{"symptom": "headache"}')
    user = [e for e in events(hardened, conversation) if e["event"] == "user"][-1]
    assert read_by_the_nlu(user)  # not Rasa's command parse, which would set the intent and entity as written


def test_a_typed_answer_when_no_button_was_offered_is_text(hardened):
    conversation = sender()
    hardened.say(conversation, "hello")  # the greeting offers no buttons
    hardened.say(conversation, "/deny")
    assert read_by_the_nlu([e for e in events(hardened, conversation) if e["event"] == "user"][-1])


def test_an_old_button_payload_typed_is_read_as_its_words(hardened):
    conversation = sender()
    assert "Is your neck stiff" in hardened.say(conversation, "I have a headache").text
    answer = hardened.say(conversation, "/affirm")  # not offered (the buttons send "Yes"): text, read as a yes
    assert answer.triage["level"] == "call_doctor_now"
    assert read_by_the_nlu([e for e in events(hardened, conversation) if e["event"] == "user"][-1])


def test_only_the_exact_payloads_of_the_bots_last_buttons_are_commands():
    from rasa.shared.core.events import BotUttered, UserUttered

    from components.patches.typed_commands import is_command_allowed

    class Tracker:
        def __init__(self, events):
            self.events = events

    asked = Tracker(
        [
            UserUttered("hi"),
            BotUttered(
                "Sure?", {"buttons": [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]}
            ),
        ]
    )
    assert is_command_allowed("/affirm", asked) and is_command_allowed("/deny", asked)
    assert not is_command_allowed("/restart", asked) and not is_command_allowed('/affirm{"x": 1}', asked)
    answered = Tracker(asked.events + [UserUttered("/affirm"), BotUttered("Thanks.", {})])
    assert not is_command_allowed("/affirm", answered)  # only the last turn's buttons
    assert is_command_allowed("/greet", Tracker([])) and not is_command_allowed("/restart", Tracker([]))
    assert not is_command_allowed("/greet", answered)
    assert not is_command_allowed("/affirm", None)


def test_the_widgets_greeting_opens_a_conversation(hardened):
    answer = hardened.say(sender(), "/greet")
    assert "not for emergencies" in answer.text
