"""The triage rules and the words of each disposition."""

import dataclasses

import pytest

from bot import lexicon
from bot.advice import message_for, reasons, told, told_summary, triage_payload
from bot.findings import Findings, extract
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.settings import load_settings
from bot.triage import LEVELS, assess

SETTINGS = load_settings()
ARTICLE_RED_FLAGS = {  # the IVIG article's "call your doctor right away" list
    "breathing difficulties": ("it's hard to breathe", "breathing_difficulty"),
    "severe, worsening rash": ("my rash is getting worse and spreading", "severe_rash"),
    "high fever": ("my temperature is 38.6", "high_fever"),
    "severe headache with neck stiffness": ("bad headache and a stiff neck", "headache_with_stiff_neck"),
    "nausea and vomiting": ("nauseous and vomiting", "vomiting"),
    "chest tightness": ("my chest is tight", "chest_tightness"),
}
ARTICLE_MILD = {  # the article's mild side effects
    "irritation at the infusion site": "the IV site is a bit sore",
    "headache": "slight headache",
    "flushing": "my face is flushed",
    "fever (not high)": "low grade fever, 37.8",
    "chills": "chills",
    "nausea (without vomiting)": "a little nauseous, not vomiting",
    "muscle aches": "sore muscles",
}


@pytest.mark.parametrize("name", sorted(ARTICLE_RED_FLAGS))
def test_each_red_flag_of_the_article_means_call_the_doctor(name):
    text, red_flag = ARTICLE_RED_FLAGS[name]
    disposition = assess(extract(text))
    assert disposition.level == CALL_DOCTOR_NOW
    assert red_flag in disposition.red_flags


@pytest.mark.parametrize("name", sorted(ARTICLE_MILD))
def test_each_mild_effect_of_the_article_is_managed_at_home(name):
    disposition = assess(extract(ARTICLE_MILD[name]))
    assert disposition.level == MANAGE_AT_HOME
    assert disposition.red_flags == ()


@pytest.mark.parametrize("symptom", sorted(lexicon.SYMPTOMS))
def test_every_symptom_alone_gets_at_least_its_own_level(symptom):
    level = assess(Findings(symptoms=frozenset({symptom}))).level
    assert LEVELS.index(level) >= LEVELS.index(lexicon.SYMPTOMS[symptom].level)


@pytest.mark.parametrize("symptom", sorted(s for s, v in lexicon.SYMPTOMS.items() if v.level == EMERGENCY))
def test_life_threatening_signs_are_emergencies(symptom):
    assert assess(Findings(symptoms=frozenset({symptom}))).level == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "headache, chills, and oh my throat feels like it's closing",
        "mild headache and nausea but i can't breathe properly, gasping",
        "sore arm where the drip was, and my husband says i was confused and not making sense",
    ],
)
def test_the_most_serious_level_wins(text):
    assert assess(extract(text)).level == EMERGENCY


def test_a_level_is_never_lowered_by_a_later_message():
    first = assess(extract("my chest is tight"))
    later = assess(extract("actually i just have a headache"), previous_level=first.level)
    assert later.level == CALL_DOCTOR_NOW


@pytest.mark.parametrize(
    "celsius, level", [(37.2, MANAGE_AT_HOME), (37.9, MANAGE_AT_HOME), (38.0, CALL_DOCTOR_NOW), (39.4, CALL_DOCTOR_NOW)]
)
def test_high_fever_starts_at_38_celsius(celsius, level):
    assert assess(Findings(symptoms=frozenset({"fever"}), temperature_c=celsius)).level == level


def test_the_high_fever_mark_is_configured_in_one_place():
    stricter = dataclasses.replace(SETTINGS, high_fever_celsius=37.5)
    findings = Findings(symptoms=frozenset({"fever"}), temperature_c=37.8)
    assert assess(findings, settings=stricter).level == CALL_DOCTOR_NOW
    assert assess(findings, settings=SETTINGS).level == MANAGE_AT_HOME


def test_a_fever_that_could_not_be_measured_is_not_guessed_mild():
    findings = Findings(symptoms=frozenset({"fever"}), temperature_unknown=True)
    assert assess(findings).level == CALL_DOCTOR_NOW


def test_an_unknown_symptom_is_never_managed_at_home():
    disposition = assess(Findings(unknown_symptom=True))
    assert disposition.level == CALL_DOCTOR_NOW and "unknown_symptom" in disposition.red_flags


def test_nothing_to_assess_gives_no_level():
    assert assess(Findings(denied=frozenset({"vomiting"}))).level is None


# ---------------------------------------------------------------- the words


def words(text: str):
    findings = extract(text)
    disposition = assess(findings)
    message, advice = message_for(disposition, findings, SETTINGS)
    return disposition, message, advice


def test_emergency_puts_the_emergency_number_first():
    _, message, advice = words("my throat is closing up")
    assert message.startswith(f"Call {SETTINGS.emergency_number} now.")
    assert advice[0] == f"Call {SETTINGS.emergency_number} now."


def test_call_doctor_gives_the_clinic_phone_and_what_to_watch_for():
    _, message, _ = words("i threw up twice")
    assert SETTINGS.clinic_phone in message.splitlines()[0]
    assert f"Call {SETTINGS.emergency_number} if your throat" in message


def test_home_care_follows_the_article():
    _, _, advice = words("sore where the needle went in and a headache")
    assert any("hydrated" in a for a in advice)
    assert any("over-the-counter pain medicine" in a and "doctor has recommended" in a for a in advice)
    assert any("infusion site" in a for a in advice)
    assert any("Call your doctor right away if" in a for a in advice)  # what to watch for next


@pytest.mark.parametrize("text", ["my throat is closing", "i threw up", "slight headache"])
def test_no_disposition_claims_a_diagnosis(text):
    _, message, _ = words(text)
    assert "not a diagnosis" in message
    assert "you have meningitis" not in message.lower() and "diagnosed" not in message.lower()


def test_summary_says_what_was_reported_and_denied():
    _, message, _ = words("headache but no stiff neck and no vomiting")
    assert "You told me you have a headache." in message
    assert "You told me you do not have a stiff neck or vomiting." in message


def test_the_payload_contract():
    disposition, _, advice = words("my chest is tight, no vomiting")
    payload = triage_payload(disposition, advice, extract("my chest is tight, no vomiting"))
    assert set(payload) == {"triage"}
    triage = payload["triage"]
    assert set(triage) == {
        "level",
        "red_flags",
        "symptoms",
        "denied",
        "advice",
        "infusion",
        "watch_for",
        "why",
        "summary",
    }
    assert triage["level"] == CALL_DOCTOR_NOW
    assert triage["red_flags"] == ["chest_tightness"]
    assert triage["symptoms"] == ["chest_tightness"]
    assert triage["denied"] == ["vomiting"]
    assert triage["advice"] == advice and all(isinstance(a, str) for a in advice)
    assert triage["infusion"] == {"hours_since_start": None, "in_progress": False, "said": None}  # not said
    assert triage["watch_for"] and all(isinstance(w, str) for w in triage["watch_for"])
    assert triage["why"] == "chest tightness"
    assert triage["summary"] == "You told me you have chest tightness. You told me you do not have vomiting."


# ---------------------------------------------------------------- the summary: each finding once, as a nurse says it


def handoff_for(findings):
    from datetime import datetime

    from bot.handoff import handoff_summary, handoff_text

    return handoff_text(
        handoff_summary(
            assess(findings),
            findings,
            SETTINGS,
            conversation_id="c",
            audit_id="0" * 32,
            recorded_at=datetime(2026, 1, 1),
        )
    )


def everything_said(findings) -> str:
    """The REST text, the card's words (the payload's why and summary) and the nurse hand-off."""
    disposition = assess(findings)
    message, advice = message_for(disposition, findings, SETTINGS)
    triage = triage_payload(disposition, advice, findings)["triage"]
    return "\n".join([message, triage["why"], triage["summary"], handoff_for(findings)])


def test_a_severe_headache_with_a_stiff_neck_is_named_once():
    findings = extract("bad headache and a stiff neck")
    assert findings.symptoms >= {"severe_headache", "neck_stiffness"}
    disposition = assess(findings)
    assert reasons(disposition) == ["a severe headache with a stiff neck"]
    said = everything_said(findings)
    assert "tell them you had an IVIG infusion and have a severe headache with a stiff neck." in said
    assert "because of a severe headache with a stiff neck." in said  # the hand-off
    assert "a headache with a stiff neck, a stiff neck" not in said and "neck, a stiff neck" not in said
    assert "You told me you have a stiff neck and a severe headache." in said  # each finding once


def test_difficulty_breathing_is_not_said_twice():
    findings = Findings(symptoms=frozenset({"breathing_difficulty", "severe_breathing_difficulty"}))
    _, advice = message_for(assess(findings), findings, SETTINGS)
    assert advice[1].startswith("Severe difficulty breathing can be life-threatening.")
    said = everything_said(findings)
    assert "Difficulty breathing and severe difficulty breathing" not in said
    assert "You told me you have severe difficulty breathing." in said and "I have severe difficulty breathing." in said


def test_an_unknown_symptom_is_described_to_the_clinic_not_named_as_unassessable():
    findings = Findings(unknown_symptom=True)
    _, advice = message_for(assess(findings), findings, SETTINGS)
    assert advice[0].startswith(
        f"Call {SETTINGS.clinic_name} now at {SETTINGS.clinic_phone} and tell them you had an "
        "IVIG infusion and describe what you feel."
    )
    said = everything_said(findings)
    assert "I cannot assess" not in said and "have a symptom" not in said
    with_chest = Findings(symptoms=frozenset({"chest_tightness"}), unknown_symptom=True)
    _, advice = message_for(assess(with_chest), with_chest, SETTINGS)
    assert "and have chest tightness, and describe what else you feel." in advice[0]


def test_denied_findings_are_listed_with_or():
    findings = Findings(symptoms=frozenset({"rash"}), denied=frozenset({"severe_rash", "throat_or_face_swelling"}))
    said = everything_said(findings)
    assert (
        "You told me you do not have a severe or spreading rash, or swelling of the throat, tongue, lips or face."
        in said
    )
    assert "rash and swelling" not in said
    assert told_summary(["a headache"], ["a stiff neck", "vomiting"]) == [
        "You told me you have a headache.",
        "You told me you do not have a stiff neck or vomiting.",
    ]
    assert told_summary(["a headache"], ["vomiting"], speaker="I") == ["I have a headache.", "I do not have vomiting."]


def test_the_more_serious_form_is_named_instead_of_the_general_one():
    findings = Findings(symptoms=frozenset({"headache", "severe_headache", "fever"}), temperature_c=38.6)
    assert told(assess(findings)) == (["a high fever", "a severe headache"], [])
    denied = Findings(symptoms=frozenset({"nausea"}), denied=frozenset({"vomiting", "persistent_vomiting"}))
    assert told(assess(denied)) == (["nausea"], ["vomiting"])


def test_the_hand_off_speaks_in_the_patients_voice():
    findings = Findings(symptoms=frozenset({"worst_headache", "headache"}))
    text = handoff_for(findings)
    assert "I have the worst headache of my life." in text and "your life" not in text


def test_about_someone_else_the_summary_says_he_or_she():
    findings = Findings(
        symptoms=frozenset({"worst_headache", "headache", "vomiting"}),
        denied=frozenset({"rash"}),
        temperature_c=38.6,
        subject="he",
    )
    said = everything_said(findings)
    assert "You told me he has" in said and "You told me he does not have a rash." in said
    assert "the worst headache of his life" in said and "your life" not in said and "my life" not in said
    assert "His temperature: 38.6" in said  # the card and the REST text
    assert "He has " in said and "He does not have a rash." in said and "I have" not in said  # the hand-off
    neck = Findings(symptoms=frozenset({"headache", "neck_stiffness"}), subject="she")
    _, advice = message_for(assess(neck), neck, SETTINGS)
    assert "tell them she had an IVIG infusion and has a headache with a stiff neck." in advice[0]


@pytest.mark.parametrize(
    "text", ["slight headache", "a rash on my arm, not spreading", "i threw up", "my throat is closing up"]
)
def test_no_disposition_speaks_of_older_adults(text):
    findings = extract(text)
    message, _ = message_for(assess(findings), findings, SETTINGS)
    assert "older adults" not in message.lower()
