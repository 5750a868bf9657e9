"""NLU on the trained model: intents, and the rule layer routing every symptom report."""

import asyncio

import pytest


def parse(agent, text: str) -> dict:
    return asyncio.run(agent.parse_message(text))


@pytest.mark.parametrize(
    "text, intent",
    [
        ("hi there", "greet"),
        ("good evening", "greet"),
        ("bye for now", "goodbye"),
        ("thanks so much", "thank"),
        ("what are the side effects of ivig", "ask_side_effects"),
        ("what's the clinic phone number", "ask_clinic_contact"),
        ("what's the weather like", "out_of_scope"),
        ("yes", "affirm"),
        ("yeah it is", "affirm"),
        ("nope", "deny"),
        ("no it isn't", "deny"),
        ("no idea", "dont_know"),
        ("about 2 hours ago", "inform"),
        ("i have a headache", "report_symptoms"),
        ("my arm feels weird where they put the needle", "report_symptoms"),
    ],
)
def test_intents(agent, text, intent):
    assert parse(agent, text)["intent"]["name"] == intent


@pytest.mark.parametrize(
    "text, routed",
    [
        ("hello, I can't breathe", "report_emergency"),
        ("thanks. by the way my lips look blue", "report_emergency"),
        ("what's the weather, also i threw up", "report_symptoms"),
        ("bye, my chest is tight", "report_symptoms"),
    ],
)
def test_a_symptom_report_is_routed_whatever_the_classifier_says(agent, text, routed):
    result = parse(agent, text)
    assert result["intent"]["name"] == routed
    assert result["triage_findings"]["symptoms"]
    assert result["intent_before_scan"]


def test_several_symptoms_negation_and_temperature_reach_the_parse(agent):
    findings = parse(agent, "headache and chills, temp 38.4, no vomiting")["triage_findings"]
    assert {"headache", "chills"} <= set(findings["symptoms"])
    assert findings["denied"] == ["vomiting"]
    assert findings["temperature_c"] == 38.4


def test_the_statistical_layer_extracts_symptom_ids(agent):
    entities = parse(agent, "threw up twice")["entities"]
    assert any(e["entity"] == "symptom" and e["value"] == "vomiting" for e in entities)


def test_gibberish_is_low_confidence(agent):
    assert parse(agent, "asdkjh qwe")["intent"]["name"] == "nlu_fallback"


def test_a_general_question_is_not_a_report(agent):
    result = parse(agent, "can ivig cause trouble breathing?")
    assert result["intent"]["name"] == "ask_side_effects"
    assert not result["triage_findings"]["symptoms"]
