"""The action server taken away (its process stopped) and given back, in the middle of real conversations.

What the patient is told at once comes from the Rasa server itself (components/patches/failsafe.py):
"Call 911 now" first for an emergency sign, "Call your doctor now" first for a red flag, the generic
fail-safe text only when nothing was recognised. Nothing said during the outage is forgotten (no
rewind), a disposition given then is audited with its reason, and the health route says so."""

import uuid

import pytest

from clinic import audit
from tests.hardening.conftest import wait_for

RED = ("call_doctor_now", "emergency")


def sender() -> str:
    return f"outage-{uuid.uuid4().hex[:10]}"


def tracker(hardened, conversation: str) -> dict:
    answer = hardened.request("GET", f"/conversations/{conversation}/tracker?token={hardened.token}")
    assert answer.status == 200
    return answer.json


def audit_rows(hardened, conversation: str) -> list[dict]:
    return [r for r in audit.rows(db_url=hardened.database_url) if r["conversation_id"] == conversation]


@pytest.fixture
def outage(hardened):
    """Stops the action server; `outage.back()` starts it again (and the fixture does at the end)."""

    class Outage:
        def back(self):
            if "actions" not in hardened.processes:
                hardened.start_actions()

    hardened.stop("actions")
    control = Outage()
    try:
        yield control
    finally:
        control.back()


def test_the_issue_sequence_ends_in_emergency_and_says_call_911_first(hardened, outage):
    conversation = sender()
    outage.back()
    assert "Is your neck stiff" in hardened.say(conversation, "I have a headache").text
    hardened.stop("actions")
    during = hardened.say(conversation, "my lips are swelling and I can't breathe")
    assert during.status == 200
    assert during.json[0]["text"].splitlines()[0] == "Call 911 now."  # the first line the patient sees
    assert during.triage["level"] == "emergency"
    assert {"throat_or_face_swelling", "headache"} <= set(during.triage["symptoms"])
    assert "Reference:" in during.text  # the nurse hand-off, from the Rasa server too

    health = hardened.health()
    assert health.status == 503 and health.json["action_server"]["status"] == "down"
    assert "action server down" in health.json["problems"]

    outage.back()
    levels = [during.triage["level"]]
    for message in ["no", "no", "this morning"]:
        answer = hardened.say(conversation, message)
        assert answer.status == 200 and answer.text
        if answer.triage:
            levels.append(answer.triage["level"])
    assert levels[-1] == "emergency" and "manage_at_home" not in levels

    state = tracker(hardened, conversation)
    assert state["slots"]["triage_level"] == "emergency"
    assert "throat_or_face_swelling" in state["slots"]["findings"]["symptoms"]
    assert not [e for e in state["events"] if e["event"] == "rewind"]  # nothing the patient said was dropped
    rows = audit_rows(hardened, conversation)
    degraded = [r for r in rows if r["degraded"]]
    assert [(r["level"], r["degraded"]) for r in degraded] == [("emergency", "action_server_unavailable")]
    assert degraded[0]["handoff"]["patient_words"]  # the hand-off is in the record, as for any emergency
    assert wait_for(lambda: hardened.health().status == 200)


def test_a_red_flag_during_the_outage_says_call_your_doctor_first(hardened, outage):
    conversation = sender()
    answer = hardened.say(conversation, "I threw up twice")
    assert answer.status == 200
    assert answer.json[0]["text"].startswith("Call your doctor now: Riverside Infusion Clinic, +1 555 0100.")
    assert answer.triage["level"] == "call_doctor_now" and "vomiting" in answer.triage["red_flags"]
    assert [r["degraded"] for r in audit_rows(hardened, conversation)] == ["action_server_unavailable"]


def test_a_yes_to_a_stiff_neck_during_the_outage_is_read_by_the_rasa_server(hardened, outage):
    conversation = sender()
    outage.back()
    assert "Is your neck stiff" in hardened.say(conversation, "I have a headache").text
    hardened.stop("actions")
    answer = hardened.say(conversation, "yes")
    assert answer.json[0]["text"].startswith("Call your doctor now")
    assert "headache_with_stiff_neck" in answer.triage["red_flags"]


def test_nothing_recognised_gets_the_generic_text_and_a_symptom_is_noted(hardened, outage):
    nothing = hardened.say(sender(), "asdkjh qwe")  # low NLU confidence: a custom action too
    assert nothing.json[0]["text"].startswith("I can't assess this right now")
    assert nothing.triage is None
    mild = hardened.say(sender(), "I have a mild headache")
    assert mild.json[0]["text"].startswith("I have noted a headache")
    assert "Call 911 now if" in mild.text and mild.triage is None


def test_what_was_said_during_the_outage_is_assessed_when_the_action_server_is_back(hardened, outage):
    conversation = sender()
    outage.back()
    assert "Is your neck stiff" in hardened.say(conversation, "I have a headache").text
    hardened.stop("actions")
    during = hardened.say(conversation, "and I feel nauseous")
    assert during.json[0]["text"].startswith("I have noted a headache and nausea")
    assert "Is your neck stiff" in during.json[-1]["text"]  # the question again, to answer when back
    assert during.json[-1].get("buttons")
    outage.back()
    final, asked = None, during.json[-1]["text"]
    for _ in range(8):  # answer "no" to each question, and when the infusion was
        answer = hardened.say(conversation, "this morning" if "infusion start" in asked else "no")
        asked = answer.text
        if answer.triage:
            final = answer.triage
            break
    assert final is not None, asked
    assert final["level"] == "manage_at_home"
    assert {"headache", "nausea"} <= set(final["symptoms"]) and "vomiting" in final["denied"]
    assert not audit_rows(hardened, conversation)[0]["degraded"]  # given by the action server
