"""Custom actions with Rasa SDK trackers and the CollectingDispatcher (no servers)."""
import asyncio

import pytest
from rasa_sdk.events import FollowupAction, SlotSet

from actions.action_low_confidence import ActionLowConfidence
from actions.action_triage import ActionTriage
from actions.validate_followup_form import ValidateFollowupForm
from bot.findings import extract


@pytest.fixture(autouse=True)
def private_database(tmp_path, monkeypatch):
    """action_triage audits each disposition: into a throw-away database, never the checkout's var/."""
    monkeypatch.setenv("TRIAGE_DATABASE_URL", f"sqlite:///{tmp_path}/conversations.db")


def run(action, dispatcher, tracker, domain):
    return asyncio.run(action.run(dispatcher, tracker, domain))


def slots_of(events) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def triage_messages(dispatcher) -> list[dict]:
    return [m for m in dispatcher.messages if (m.get("custom") or {}).get("triage")]


def test_red_flag_gets_its_disposition_at_once(make_tracker, dispatcher, domain):
    events = run(ActionTriage(), dispatcher, make_tracker("my chest feels tight"), domain)
    [message] = triage_messages(dispatcher)
    assert message["custom"]["triage"]["level"] == "call_doctor_now"
    assert message["text"].startswith("Call your doctor now")
    assert slots_of(events)["triage_level"] == "call_doctor_now"
    assert not any(e.get("event") == "followup" for e in events)


def test_mild_report_starts_the_follow_up_questions(make_tracker, dispatcher, domain):
    events = run(ActionTriage(), dispatcher, make_tracker("i have a headache"), domain)
    assert dispatcher.messages == []
    assert FollowupAction("followup_form") in events
    assert "headache" in slots_of(events)["findings"]["symptoms"]


def test_after_the_questions_the_mild_disposition_with_a_summary(make_tracker, dispatcher, domain):
    findings = extract("i have a headache").to_dict()
    tracker = make_tracker("2 hours ago", intent="inform", latest_action="followup_form",
                           slots={"findings": findings, "neck_stiffness": False, "severe_headache": False,
                                  "infusion_time": "2 hours ago"})
    events = run(ActionTriage(), dispatcher, tracker, domain)
    [message] = triage_messages(dispatcher)
    assert message["custom"]["triage"]["level"] == "manage_at_home"
    assert message["custom"]["triage"]["denied"] == ["neck_stiffness", "severe_headache"]
    assert "You told me you do not have a stiff neck or a severe headache." in message["text"]
    assert slots_of(events)["neck_stiffness"] is None  # answers moved into findings, form cleared


def test_a_yes_to_stiff_neck_escalates(make_tracker, dispatcher, domain):
    tracker = make_tracker("/affirm", intent="affirm", latest_action="followup_form",
                           slots={"findings": extract("headache").to_dict(), "neck_stiffness": True})
    run(ActionTriage(), dispatcher, tracker, domain)
    [message] = triage_messages(dispatcher)
    assert message["custom"]["triage"]["level"] == "call_doctor_now"
    assert "headache_with_stiff_neck" in message["custom"]["triage"]["red_flags"]


def test_unknown_symptom_one_clarifying_question_then_call_the_doctor(make_tracker, dispatcher, domain):
    first = run(ActionTriage(), dispatcher, make_tracker("my toe itches"), domain)
    assert dispatcher.messages[0]["response"] == "utter_ask_describe_symptom"
    assert triage_messages(dispatcher) == []
    dispatcher.messages.clear()
    run(ActionTriage(), dispatcher, make_tracker("like a tingly itch", slots=slots_of(first)), domain)
    [message] = triage_messages(dispatcher)
    assert message["custom"]["triage"]["level"] == "call_doctor_now"
    assert message["custom"]["triage"]["red_flags"] == ["unknown_symptom"]


def test_a_level_is_never_lowered(make_tracker, dispatcher, domain):
    tracker = make_tracker("actually it is just a mild headache",
                           slots={"findings": extract("my chest is tight").to_dict(), "triage_level": "call_doctor_now"})
    run(ActionTriage(), dispatcher, tracker, domain)
    assert triage_messages(dispatcher)[0]["custom"]["triage"]["level"] == "call_doctor_now"


def test_only_denied_symptoms_get_no_disposition(make_tracker, dispatcher, domain):
    run(ActionTriage(), dispatcher, make_tracker("no trouble breathing"), domain)
    assert triage_messages(dispatcher) == []
    assert dispatcher.messages[0]["response"] == "utter_how_can_i_help"


# ---------------------------------------------------------------- the follow-up form

def form_run(tracker, dispatcher, domain):
    return slots_of(run(ValidateFollowupForm(), dispatcher, tracker, domain))


def test_form_asks_the_first_open_question(make_tracker, dispatcher, domain):
    slots = form_run(make_tracker("i have a headache"), dispatcher, domain)
    assert slots["requested_slot"] == "neck_stiffness"


def test_form_takes_a_no_and_moves_on(make_tracker, dispatcher, domain):
    tracker = make_tracker("no", intent="deny", slots={"findings": extract("headache").to_dict(),
                                                       "requested_slot": "neck_stiffness"})
    slots = form_run(tracker, dispatcher, domain)
    assert slots["neck_stiffness"] is False
    assert slots["requested_slot"] == "severe_headache"


def test_form_ends_at_once_when_an_answer_is_a_red_flag(make_tracker, dispatcher, domain):
    tracker = make_tracker("yes", intent="affirm", slots={"findings": extract("headache").to_dict(),
                                                          "requested_slot": "neck_stiffness"})
    slots = form_run(tracker, dispatcher, domain)
    assert slots["neck_stiffness"] is True  # kept, though no question is left
    assert slots["requested_slot"] is None


def test_form_ends_when_a_new_red_flag_is_said_mid_way(make_tracker, dispatcher, domain):
    tracker = make_tracker("no, but now i threw up", classifier_intent="deny",
                           slots={"findings": extract("headache").to_dict(), "requested_slot": "neck_stiffness"})
    slots = form_run(tracker, dispatcher, domain)
    assert "vomiting" in slots["findings"]["symptoms"]
    assert slots["requested_slot"] is None


@pytest.mark.parametrize("answer, expected", [("38.4", 38.4), ("101.5 F", 38.6), ("39,1", 39.1), ("103", 39.4)])
def test_form_reads_the_temperature(make_tracker, dispatcher, domain, answer, expected):
    tracker = make_tracker(answer, intent="inform", slots={"findings": extract("feverish").to_dict(),
                                                           "requested_slot": "temperature"})
    slots = form_run(tracker, dispatcher, domain)
    # a reading with decimals is already a finding of the message; a bare "103" is read as the answer
    reading = slots.get("temperature") or slots["findings"]["temperature_c"]
    assert reading == pytest.approx(expected, abs=0.05)
    assert slots["requested_slot"] is None  # all of these are high fevers: no more questions


def test_form_accepts_that_the_temperature_cannot_be_measured(make_tracker, dispatcher, domain):
    tracker = make_tracker("no thermometer", intent="dont_know",
                           slots={"findings": extract("feverish").to_dict(), "requested_slot": "temperature"})
    slots = form_run(tracker, dispatcher, domain)
    assert slots["temperature"] == "unknown"
    assert slots["requested_slot"] is None  # an unmeasured fever goes to the doctor: no more questions


def test_form_records_when_the_infusion_was(make_tracker, dispatcher, domain):
    tracker = make_tracker("this morning around 9", intent="inform",
                           slots={"findings": extract("slight headache").to_dict(), "neck_stiffness": False,
                                  "severe_headache": False, "requested_slot": "infusion_time"})
    slots = form_run(tracker, dispatcher, domain)
    assert slots["infusion_time"] == "this morning around 9"
    assert slots["requested_slot"] is None


# ---------------------------------------------------------------- low confidence

def fallback_tracker(make_tracker, previous_intent):
    tracker = make_tracker("blorp", intent="nlu_fallback")
    tracker.events.insert(0, {"event": "user", "text": "x", "parse_data": {"intent": {"name": previous_intent}}})
    return tracker


def test_low_confidence_asks_to_rephrase_once_then_gives_the_phone(make_tracker, dispatcher, domain):
    run(ActionLowConfidence(), dispatcher, fallback_tracker(make_tracker, "greet"), domain)
    run(ActionLowConfidence(), dispatcher, fallback_tracker(make_tracker, "nlu_fallback"), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_ask_rephrase", "utter_low_confidence_call_clinic"]


def test_actions_log_no_patient_text(make_tracker, dispatcher, domain, caplog):
    caplog.set_level("DEBUG")
    run(ActionTriage(), dispatcher, make_tracker("my chest feels tight since lunch"), domain)
    assert "disposition" in caplog.text
    assert "since lunch" not in caplog.text and "feels tight" not in caplog.text
