"""End-to-end conversations over REST through the real Rasa server and action server."""

import time

import pytest


def test_chest_tightness_gets_its_disposition_at_once(conversation):
    """The disposition is in the first reply, before any question (its latency is measured by `make bench`)."""
    conversation.say("my chest feels tight")
    assert conversation.triage["level"] in ("call_doctor_now", "emergency")
    assert "chest_tightness" in conversation.triage["red_flags"]
    texts = [r.get("text") or "" for r in conversation.replies]
    assert "Call your doctor now" in texts[0] or "911" in texts[0]


def test_hello_gets_no_disposition_and_the_invitation_the_next_message_answers(conversation):
    conversation.say("hello")
    assert conversation.triage is None
    assert "not for emergencies" in conversation.text
    assert conversation.replies[-1]["custom"] == {"question": "how_do_you_feel"}
    conversation.say("is this normal?")  # said of something not yet named: what is it?
    assert conversation.triage is None and "other words" in conversation.text


def test_redness_at_the_infusion_site_is_managed_at_home_within_five_exchanges(conversation):
    # a swollen limb (a clot, told apart from the site), when, breathing, anything else
    replies = ["bit of redness where the IV went in", "no", "this morning", "no", "no"]
    for exchange, message in enumerate(replies, start=1):
        conversation.say(message)
        if conversation.triage:
            break
    assert exchange <= 5
    assert conversation.triage["level"] == "manage_at_home"
    assert conversation.triage["symptoms"] == ["infusion_site_irritation"]


def test_headache_with_no_red_flags_asks_then_manages_at_home(conversation):
    conversation.say("I've got a headache since the infusion")
    assert "neck stiff" in conversation.text and conversation.triage is None
    conversation.say("no")
    assert "very severe" in conversation.text
    conversation.say("no, it's just annoying")
    assert "vomited" in conversation.text  # a headache with vomiting is a red flag
    conversation.say("no")
    assert "When did your infusion start" in conversation.text
    conversation.say("about 3 hours ago")
    assert conversation.triage is None and "trouble breathing" in conversation.text  # always asked
    conversation.say("breathing's fine")
    assert conversation.triage is None and "anything else?" in conversation.text  # the closing screen
    assert "• difficulty breathing" in conversation.text and conversation.replies[-1]["custom"] == {
        "question": "anything_else"
    }
    conversation.say("no, that's all")
    triage = conversation.triage
    assert triage["level"] == "manage_at_home"
    assert triage["denied"] == ["breathing_difficulty", "neck_stiffness", "severe_headache", "vomiting"]
    assert "You told me you have a headache." in conversation.text
    assert "about 3 hours ago" in conversation.text


def test_headache_then_yes_to_stiff_neck_calls_the_doctor(conversation):
    conversation.say("i have a headache")
    conversation.say("Yes")  # the Yes button
    assert conversation.triage["level"] == "call_doctor_now"
    assert "headache_with_stiff_neck" in conversation.triage["red_flags"]


def test_nausea_then_vomiting_mid_questions_calls_the_doctor(conversation):
    conversation.say("feeling a bit nauseous")
    assert "vomited" in conversation.text
    conversation.say("yes twice")
    assert conversation.triage["level"] == "call_doctor_now"
    assert "vomiting" in conversation.triage["red_flags"]


@pytest.mark.parametrize(
    "reading, level", [("39,1", "call_doctor_now"), ("101.5 F", "call_doctor_now"), ("37.6", "manage_at_home")]
)
def test_fever_asks_for_the_temperature(conversation, reading, level):
    conversation.say("i feel feverish")
    assert "temperature" in conversation.text
    conversation.say(reading)
    if conversation.triage is None:  # not high: when the infusion was, breathing, anything else
        conversation.say("yesterday evening")
        conversation.say("no")
        assert conversation.triage is None and "anything else?" in conversation.text
        conversation.say("no")
    assert conversation.triage["level"] == level


def test_an_unmeasured_fever_is_not_guessed_mild(conversation):
    conversation.say("i think i have a fever")
    conversation.say("no thermometer, sorry")
    assert conversation.triage["level"] == "call_doctor_now"


def test_a_red_flag_told_at_the_closing_screen_is_not_sent_home(conversation):
    conversation.say("a bit chilly after the infusion")
    for reply in ("37.3", "this morning", "no"):
        conversation.say(reply)
    assert "anything else?" in conversation.text and conversation.triage is None
    conversation.say("well my chest has felt crushed for 10 minutes now")
    assert conversation.triage["level"] == "emergency"


def test_a_yes_at_the_closing_screen_gets_the_clarifying_question_then_the_doctor(conversation):
    conversation.say("finished the drip 2 hours ago, bit of redness where the IV went in")
    conversation.say("no")  # a swollen limb
    conversation.say("no")  # the breathing check
    assert "anything else?" in conversation.text
    conversation.say("Yes")
    assert "other words" in conversation.text and conversation.triage is None
    conversation.say("hard to explain")
    assert conversation.triage["level"] == "call_doctor_now"
    assert conversation.triage["red_flags"] == ["unknown_symptom"]


def test_a_symptom_free_message_gets_the_invitation_not_a_disposition(conversation):
    conversation.say("Is there parking at the infusion centre or should I get the bus?")
    asked = [r["custom"]["question"] for r in conversation.replies if "question" in (r.get("custom") or {})]
    assert conversation.triage is None and asked in ([], ["how_do_you_feel"]), asked
    assert "in your own words" in conversation.text and "other words" not in conversation.text
    conversation.say("just about the parking")  # nothing to tell: what to do if that changes, never a disposition
    assert conversation.triage is None and "Take care" in conversation.text and "other words" not in conversation.text


def test_after_a_question_about_the_clinic_how_the_patient_feels_is_asked_and_read(conversation):
    conversation.say("what's the clinic's phone number?")
    assert conversation.replies[-1]["custom"] == {"question": "how_do_you_feel"} and conversation.triage is None
    conversation.say("well now you mention it my chest feels tight")
    assert conversation.triage["level"] == "call_doctor_now"


def test_all_is_well_gets_the_red_flag_screen_once_then_goodbye(conversation):
    conversation.say("I'm fine thanks, just checking in after the drip")
    assert conversation.replies[-1]["custom"] == {"question": "all_well_check"}
    assert "Good to hear" in conversation.text and "• difficulty breathing" in conversation.text
    conversation.say("nope, nothing like that")
    assert conversation.triage is None and "Take care" in conversation.text


def test_what_the_red_flag_screen_brings_out_is_assessed(conversation):
    conversation.say("all fine, just checking in")
    conversation.say("well actually my lips have swollen up")
    assert conversation.triage["level"] == "emergency"


def test_emergency_sign_inside_a_greeting(conversation):
    conversation.say("hi, my throat is closing up and i can't breathe")
    assert conversation.triage["level"] == "emergency"
    assert conversation.replies[0]["text"].startswith("Call 911 now")  # from the domain, before any action


def test_symptoms_added_later_are_covered_and_the_level_never_drops(conversation):
    conversation.say("i threw up")
    assert conversation.triage["level"] == "call_doctor_now"
    conversation.say("also a slight headache, nothing else")
    assert conversation.triage["level"] == "call_doctor_now"
    assert {"vomiting", "headache"} <= set(conversation.triage["symptoms"])


def test_negated_red_flags_do_not_escalate(conversation):
    conversation.say("chills and sore muscles, no trouble breathing and no vomiting")
    assert "legs or arms swollen" in conversation.text  # aching: a clot is told that way too
    conversation.say("no")
    assert "temperature" in conversation.text  # chills: a fever is plausible
    for reply in ("37.2", "an hour ago", "no"):
        conversation.say(reply)
    assert conversation.triage["level"] == "manage_at_home"
    assert set(conversation.triage["denied"]) == {"breathing_difficulty", "vomiting", "swollen_painful_limb"}


def test_unknown_symptom_gets_one_question_then_call_the_doctor(conversation):
    conversation.say("my ears are ringing")
    assert conversation.triage is None and "other words" in conversation.text
    conversation.say("a high pitched noise in both ears")
    assert conversation.triage["level"] == "call_doctor_now"


def test_side_effect_question_is_answered_without_a_disposition(conversation):
    conversation.say("what are the side effects of ivig?")
    assert conversation.triage is None
    assert "30 to 60 minutes" in conversation.text


def test_low_confidence_is_invited_then_points_to_the_clinic(conversation):
    conversation.say("asdkjh qwe")
    assert "did not understand" in conversation.text and "in your own words" in conversation.text
    conversation.say("zxqv blorp")
    assert "+1 555 0100" in conversation.text and conversation.triage is None


def test_a_question_mid_form_is_answered_then_the_question_comes_back(conversation):
    conversation.say("i have a rash on my arm")
    assert "spreading" in conversation.text
    conversation.say("what is the clinic's phone number?")
    assert "+1 555 0100" in conversation.text and "spreading" in conversation.text


def test_only_the_disposition_carries_the_triage_payload(conversation):
    for message in ["hello", "i have a headache", "no", "no", "this morning", "thanks"]:
        conversation.say(message)
        payloads = [r for r in conversation.replies if "triage" in (r.get("custom") or {})]
        texts = [
            r for r in conversation.replies if "This sounds like a mild" in r.get("text", "")
        ]  # after the nurse line, early on
        assert len(payloads) == len(texts)


def test_action_server_down_the_patient_still_gets_the_red_flags_and_the_phone(servers):
    from tests.conftest import Conversation

    patient = Conversation(servers)
    patient.say("hello")
    servers.stop("actions")
    try:
        started = time.monotonic()
        patient.say("i have a headache")
        assert time.monotonic() - started < 8
        assert "can't assess this right now" in patient.text
        assert "+1 555 0100" in patient.text and "trouble breathing" in patient.text and "911" in patient.text
        patient.say("hi, my throat is closing up")  # emergency guidance without the action server
        assert patient.replies[0]["text"].startswith("Call 911 now")
    finally:
        servers.start_actions()
    patient.say("my chest is tight")  # the outage's emergency was remembered: the level never drops
    assert patient.triage["level"] == "emergency"
    assert {"chest_tightness", "throat_or_face_swelling", "headache"} <= set(patient.triage["symptoms"])
    # another patient, just after the outage: a disposition's follow-up question is still asked (only the turn
    # the fail-safe itself answered skips the actions after it)
    other = Conversation(servers)
    other.say("come out in hives after my IVIG")
    other.say("yes more of them")
    assert other.triage["level"] == "call_doctor_now"
    assert "swelling of your face" in other.text
