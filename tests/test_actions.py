"""Custom actions with Rasa SDK trackers and the CollectingDispatcher (no servers)."""

import asyncio
from dataclasses import replace

import pytest
from rasa_sdk.events import FollowupAction

from actions.action_ask_triage_question import ActionAskTriageQuestion
from actions.action_invite import ActionInvite
from actions.action_low_confidence import ActionLowConfidence
from actions.action_triage import ActionTriage
from actions.validate_triage_form import ValidateTriageForm
from bot.dialogue import State, ask
from bot.findings import extract
from bot.timeline import InfusionTime


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
    events = run(ActionTriage(), dispatcher, make_tracker("I have thrown up twice"), domain)
    [message] = triage_messages(dispatcher)
    assert message["custom"]["triage"]["level"] == "call_doctor_now"
    assert message["text"].startswith("Call your doctor now")
    assert slots_of(events)["triage_level"] == "call_doctor_now"
    # the disposition first; then, once, the signs that would make it an emergency
    assert dispatcher.messages.index(message) == 0
    assert FollowupAction("triage_form") in events
    assert slots_of(events)["dialogue"]["pending"] == "emergency_check"


def test_a_red_flag_with_a_worse_form_is_disposed_then_asked_about_it(make_tracker, dispatcher, domain):
    events = run(ActionTriage(), dispatcher, make_tracker("my chest feels tight"), domain)
    [message] = triage_messages(dispatcher)
    assert message["custom"]["triage"]["level"] == "call_doctor_now"
    assert FollowupAction("triage_form") in events
    assert slots_of(events)["dialogue"]["pending"] == "crushing_chest_pain"


def test_mild_report_starts_the_questions(make_tracker, dispatcher, domain):
    events = run(ActionTriage(), dispatcher, make_tracker("i have a headache"), domain)
    assert dispatcher.messages == []
    assert FollowupAction("triage_form") in events
    assert slots_of(events)["dialogue"]["pending"] == "neck_stiffness"
    assert "headache" in slots_of(events)["findings"]["symptoms"]


def test_after_the_questions_the_mild_disposition_with_a_summary(make_tracker, dispatcher, domain):
    findings = extract("i have a headache").with_answer("neck_stiffness", False).with_answer("severe_headache", False)
    findings = replace(findings, infusion=InfusionTime(2.0, False, "2 hours ago"))
    asked = ("neck_stiffness", "severe_headache", "vomiting", "infusion_time", "breathing_difficulty", "anything_else")
    state = State(asked=asked)
    tracker = make_tracker(
        "no",
        intent="inform",
        latest_action="triage_form",
        slots={"findings": findings.to_dict(), "dialogue": state.to_dict()},
    )
    events = run(ActionTriage(), dispatcher, tracker, domain)
    [message] = triage_messages(dispatcher)
    assert message["custom"]["triage"]["level"] == "manage_at_home"
    assert message["custom"]["triage"]["denied"] == ["neck_stiffness", "severe_headache"]
    assert "You told me you do not have a stiff neck or a severe headache." in message["text"]
    assert slots_of(events)["triage_level"] == "manage_at_home"


def test_no_mild_disposition_before_the_closing_screen(make_tracker, dispatcher, domain):
    findings = extract("i have a headache").with_answer("neck_stiffness", False).with_answer("severe_headache", False)
    findings = replace(findings, infusion=InfusionTime(2.0, False, "2 hours ago"))
    state = State(asked=("neck_stiffness", "severe_headache", "vomiting", "infusion_time", "breathing_difficulty"))
    tracker = make_tracker(
        "no",
        intent="inform",
        latest_action="triage_form",
        slots={"findings": findings.to_dict(), "dialogue": state.to_dict()},
    )
    events = run(ActionTriage(), dispatcher, tracker, domain)
    assert triage_messages(dispatcher) == []
    assert FollowupAction("triage_form") in events and slots_of(events)["dialogue"]["pending"] == "anything_else"


def test_a_message_the_model_rates_nothing_to_report_gets_the_invitation_not_the_clarifying_question(
    make_tracker, dispatcher, domain
):
    from bot.system_checks import NOT_A_REPORT_THRESHOLD, PARSE_KEY

    tracker = make_tracker("is there parking at the centre?")
    tracker.latest_message[PARSE_KEY] = {"none": NOT_A_REPORT_THRESHOLD + 0.05}
    events = run(ActionTriage(), dispatcher, tracker, domain)
    assert triage_messages(dispatcher) == [] and slots_of(events)["dialogue"]["pending"] == "how_do_you_feel"
    tracker = make_tracker("is there parking at the centre?")  # the model unsure: one clarifying question
    tracker.latest_message[PARSE_KEY] = {"none": NOT_A_REPORT_THRESHOLD - 0.2}
    events = run(ActionTriage(), type(dispatcher)(), tracker, domain)
    assert slots_of(events)["dialogue"]["pending"] == "describe_symptom"


def test_the_invitation_is_the_domains_check_in_reply_and_names_itself(make_tracker, dispatcher, domain):
    tracker = make_tracker("", slots={"dialogue": {"pending": "how_do_you_feel"}})
    run(ActionAskTriageQuestion(), dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["text"] == domain["responses"]["utter_how_can_i_help"][0]["text"]
    assert message["custom"] == {"question": "how_do_you_feel"} and message["buttons"] == []


def test_a_bare_answer_with_nothing_pending_is_invited_to_say_how_one_feels(make_tracker, dispatcher, domain):
    """ "bit rough the day" read as an aside: the invitation, as a question the next message answers."""
    events = run(ActionInvite(), dispatcher, make_tracker("bit rough the day", intent="inform"), domain)
    assert slots_of(events)["dialogue"]["pending"] == "how_do_you_feel"
    assert FollowupAction("triage_form") in events


def test_after_a_triage_a_bare_answer_gets_how_the_bot_can_help(make_tracker, dispatcher, domain):
    tracker = make_tracker("yes", intent="affirm", slots={"triage_level": "manage_at_home"})
    assert run(ActionInvite(), dispatcher, tracker, domain) == []
    assert dispatcher.messages[0]["response"] == "utter_how_can_i_help"


def test_after_an_answer_to_a_question_the_invitation_says_nothing_more(make_tracker, dispatcher, domain):
    tracker = make_tracker("", slots={"triage_level": "manage_at_home"}, latest_action="utter_side_effects")
    assert run(ActionInvite(), dispatcher, tracker, domain) == [] and dispatcher.messages == []


def test_unknown_symptom_one_clarifying_question_first(make_tracker, dispatcher, domain):
    events = run(ActionTriage(), dispatcher, make_tracker("my toe itches"), domain)
    assert triage_messages(dispatcher) == []
    assert slots_of(events)["dialogue"]["pending"] == "describe_symptom"


def test_a_level_is_never_lowered(make_tracker, dispatcher, domain):
    tracker = make_tracker(
        "actually it is just a mild headache",
        slots={"findings": extract("my chest is tight").to_dict(), "triage_level": "call_doctor_now"},
    )
    run(ActionTriage(), dispatcher, tracker, domain)
    assert triage_messages(dispatcher)[0]["custom"]["triage"]["level"] == "call_doctor_now"


def test_only_denied_symptoms_get_no_disposition(make_tracker, dispatcher, domain):
    run(ActionTriage(), dispatcher, make_tracker("no trouble breathing"), domain)
    assert triage_messages(dispatcher) == []
    assert dispatcher.messages[0]["response"] == "utter_how_can_i_help"


# ---------------------------------------------------------------- the questions (triage_form)


def form_tracker(make_tracker, text, findings_text, question, intent="inform"):
    state = ask(question, State())
    return make_tracker(
        text,
        intent=intent,
        classifier_intent=intent,
        latest_action="triage_form",
        slots={
            "findings": extract(findings_text).to_dict(),
            "dialogue": state.to_dict(),
            "requested_slot": "triage_question",
        },
    )


def form_run(tracker, dispatcher, domain):
    return slots_of(run(ValidateTriageForm(), dispatcher, tracker, domain))


def test_form_starting_asks_what_action_triage_chose(make_tracker, dispatcher, domain):
    tracker = make_tracker("i have a headache", slots={"dialogue": {"pending": "neck_stiffness", "put": False}})
    slots = form_run(tracker, dispatcher, domain)
    assert slots["triage_question"] is None and slots["dialogue"]["pending"] == "neck_stiffness"
    assert dispatcher.messages == []


def test_the_ask_action_names_its_question_and_offers_not_sure(make_tracker, dispatcher, domain):
    tracker = make_tracker(
        "", slots={"dialogue": {"pending": "neck_stiffness"}, "findings": {"symptoms": ["headache"], "subject": "he"}}
    )
    events = run(ActionAskTriageQuestion(), dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["text"] == "Is his neck stiff, or does it hurt him to bend his head forward?"
    assert [b["title"] for b in message["buttons"]] == ["Yes", "No", "Not sure"]
    assert message["custom"] == {"question": "neck_stiffness"}
    assert slots_of(events)["dialogue"]["put"] is True


def test_form_takes_a_no_and_moves_on(make_tracker, dispatcher, domain):
    slots = form_run(form_tracker(make_tracker, "no", "headache", "neck_stiffness", "deny"), dispatcher, domain)
    assert "neck_stiffness" in slots["findings"]["denied"]
    assert slots["dialogue"]["pending"] == "severe_headache" and slots["triage_question"] is None


def test_form_ends_at_once_when_an_answer_is_a_red_flag(make_tracker, dispatcher, domain):
    slots = form_run(form_tracker(make_tracker, "yes", "headache", "neck_stiffness", "affirm"), dispatcher, domain)
    assert "neck_stiffness" in slots["findings"]["symptoms"]
    assert slots["triage_question"] == "answered"


def test_form_never_rejects_an_aside(make_tracker, dispatcher, domain):
    tracker = form_tracker(
        make_tracker, "what is the clinic's number?", "headache", "neck_stiffness", "ask_clinic_contact"
    )
    slots = form_run(tracker, dispatcher, domain)
    assert dispatcher.messages[0]["response"] == "utter_clinic_contact"
    assert slots["triage_question"] is None and slots["dialogue"]["pending"] == "neck_stiffness"


@pytest.mark.parametrize(
    "answer, expected",
    [("38.4", 38.4), ("101.5 F", 38.6), ("39,1", 39.1), ("103", 39.4), ("thirty nine point two", 39.2)],
)
def test_form_reads_the_temperature(make_tracker, dispatcher, domain, answer, expected):
    slots = form_run(form_tracker(make_tracker, answer, "feverish", "temperature"), dispatcher, domain)
    assert slots["findings"]["temperature_c"] == pytest.approx(expected, abs=0.05)
    assert slots["triage_question"] == "answered"  # all of these are high fevers: no more questions


def test_form_accepts_that_the_temperature_cannot_be_measured(make_tracker, dispatcher, domain):
    slots = form_run(
        form_tracker(make_tracker, "no thermometer", "feverish", "temperature", "dont_know"), dispatcher, domain
    )
    assert slots["findings"]["temperature_unknown"] is True
    assert slots["triage_question"] == "answered"  # an unmeasured fever goes to the doctor: no more questions


# ---------------------------------------------------------------- low confidence


def fallback_tracker(make_tracker, previous_intent):
    tracker = make_tracker("blorp", intent="nlu_fallback")
    tracker.events.insert(0, {"event": "user", "text": "x", "parse_data": {"intent": {"name": previous_intent}}})
    return tracker


def test_low_confidence_before_any_triage_is_invited_to_say_how_one_feels(make_tracker, dispatcher, domain):
    """ "quick q", "feel gross": not understood, and the reply to the invitation is read as a report."""
    events = run(ActionLowConfidence(), dispatcher, fallback_tracker(make_tracker, "greet"), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_not_understood"]
    assert slots_of(events)["dialogue"]["pending"] == "how_do_you_feel" and FollowupAction("triage_form") in events


def test_low_confidence_after_a_triage_asks_to_rephrase_once_then_gives_the_phone(make_tracker, dispatcher, domain):
    for previous in ("greet", "nlu_fallback"):
        tracker = fallback_tracker(make_tracker, previous)
        tracker.slots["triage_level"] = "manage_at_home"
        run(ActionLowConfidence(), dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_ask_rephrase", "utter_low_confidence_call_clinic"]


def test_no_after_the_disposition_is_goodbye(make_tracker, dispatcher, domain):
    tracker = make_tracker("no", intent="deny", slots={"triage_level": "manage_at_home"})
    assert run(ActionInvite(), dispatcher, tracker, domain) == []
    assert dispatcher.messages[0]["response"] == "utter_goodbye"


def test_actions_log_no_patient_text(make_tracker, dispatcher, domain, caplog):
    caplog.set_level("DEBUG")
    run(ActionTriage(), dispatcher, make_tracker("my chest feels tight since lunch"), domain)
    assert "disposition" in caplog.text
    assert "since lunch" not in caplog.text and "feels tight" not in caplog.text
