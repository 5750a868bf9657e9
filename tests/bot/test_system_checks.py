"""The learned layer's clinical map (bot/system_checks.py): what it may ask, and that it never decides."""

import json
import string
from pathlib import Path

import pytest

from bot import dialogue, lexicon
from bot import system_checks as bs
from bot.findings import Findings
from bot.triage import assess

CORPUS = Path(__file__).resolve().parents[2] / "data" / "body_systems" / "corpus.jsonl"
SUBJECTS = (None, "he", "she", "they")


def corpus_categories() -> set[str]:
    return {label for line in CORPUS.read_text().splitlines() for label in json.loads(line)["labels"]}


def probabilities(**high: float) -> dict[str, float]:
    return dict.fromkeys(corpus_categories(), 0.0) | {"none": 0.01} | high


def test_every_question_id_is_a_red_flag_symptom_of_the_lexicon():
    for system, symptom in bs.ASK_ABOUT.items():
        assert lexicon.SYMPTOMS[symptom].level != lexicon.MANAGE_AT_HOME, system
        assert bs.SYSTEM_OF[symptom] == system  # the question is about the system that asked it


def test_every_lexicon_symptom_has_a_body_system_of_the_corpus():
    assert set(lexicon.SYMPTOMS) == set(bs.SYSTEM_OF)
    assert set(bs.SYSTEM_OF.values()) | {"none"} == corpus_categories()
    assert set(bs.THRESHOLDS) == set(bs.ASK_ABOUT)
    assert all(0 < t < 1 for t in bs.THRESHOLDS.values())


@pytest.mark.parametrize("symptom", sorted(bs.ASK_ABOUT.values()))
@pytest.mark.parametrize("subject", SUBJECTS)
def test_each_id_is_asked_as_a_yes_no_question_for_the_patient_or_a_caregiver(symptom, subject):
    text = dialogue.question_text(symptom, subject)
    assert text.endswith("?") and text[0] in string.ascii_uppercase
    assert "{" not in text and "}" not in text
    assert dialogue.question_for(symptom).kind == dialogue.YES_NO
    words = set(text.lower().replace("?", "").replace(",", "").split())
    if subject is None:
        assert not words & {"he", "his", "him", "she", "her", "they", "their", "them"}
    else:
        assert not words & {"you", "your"}


def test_the_caregiver_form_agrees_with_its_subject():
    assert dialogue.question_text("breathing_difficulty") == "Are you having any trouble breathing right now?"
    assert dialogue.question_text("breathing_difficulty", "she") == "Is she having any trouble breathing right now?"
    assert (
        dialogue.question_text("little_or_no_urine", "he")
        == "Is his pee much darker than usual, or is he passing much less of it?"
    )
    assert (
        dialogue.question_text("fainting", "they")
        == "Have they fainted or passed out, or are they very hard to wake or not responding normally?"
    )


def test_every_asked_symptom_has_one_targeted_question_written_once():
    for symptom in bs.ASK_ABOUT.values():
        assert symptom in dialogue.QUESTIONS or symptom in bs.QUESTIONS, symptom
        if symptom in dialogue.QUESTIONS and symptom in bs.QUESTIONS:  # the policy asks it too: the same words
            assert dialogue.QUESTIONS[symptom].text == bs.QUESTIONS[symptom], symptom
    assert set(bs.QUESTIONS) <= set(bs.ASK_ABOUT.values())


def test_the_dialogue_asks_a_suggestion_whose_yes_would_raise_the_level():
    findings = Findings(symptoms=frozenset({"headache"}), to_check=frozenset({"breathing_difficulty"}))
    assert dialogue.next_question(findings, dialogue.State()) == "breathing_difficulty"


@pytest.mark.parametrize("system", sorted(bs.ASK_ABOUT))
def test_a_red_flag_system_the_rules_did_not_find_becomes_one_question(system):
    assert bs.suggest(probabilities(**{system: 0.99}), frozenset()) == {bs.ASK_ABOUT[system]}
    below = bs.THRESHOLDS[system] - 0.01
    assert bs.suggest(probabilities(**{system: below}), frozenset()) == frozenset()


@pytest.mark.parametrize("system", ["fever", "stomach_mild", "infusion_site", "muscles_joints", "general_mild"])
def test_a_mild_system_is_never_a_question(system):
    assert bs.suggest(probabilities(**{system: 0.99}), frozenset()) == frozenset()


def test_no_question_when_the_model_rates_nothing_to_report_higher():
    assert bs.suggest(probabilities(breathing=0.7, none=0.9), frozenset()) == frozenset()
    assert bs.suggest(probabilities(breathing=0.99, none=0.6), frozenset()) == {"breathing_difficulty"}


def test_no_question_about_a_system_the_rules_found_even_as_a_mild_symptom():
    # A headache already leads to the stiff-neck question; a rash to "is it spreading?"
    assert bs.suggest(probabilities(headache_neck=0.99), frozenset({"headache"})) == frozenset()
    assert bs.suggest(probabilities(skin_rash=0.99), frozenset({"rash"})) == frozenset()
    assert (
        bs.suggest(probabilities(breathing=0.99), frozenset(), asked_about=frozenset({"breathing_difficulty"}))
        == frozenset()
    )


def test_a_question_the_follow_ups_also_ask_is_asked_once():
    findings = Findings(
        symptoms=frozenset({"nausea"}), to_check=bs.suggest(probabilities(vomiting=0.99), frozenset({"nausea"}))
    )
    state = dialogue.State()
    asked = []
    while (qid := dialogue.next_question(findings, state, asked_infusion_time=False)) is not None:
        asked.append(qid)
        state = dialogue.ask(qid, state)
        findings = findings.with_answer(qid, False)
    assert asked.count("vomiting") == 1


def test_a_denial_stops_only_the_question_about_that_symptom():
    assert bs.suggest(probabilities(breathing=0.99), frozenset(), frozenset({"breathing_difficulty"})) == frozenset()
    # "not crushing or anything, just heavy": chest tightness is still worth asking about
    assert bs.suggest(probabilities(chest=0.99), frozenset(), frozenset({"crushing_chest_pain"})) == {"chest_tightness"}


def test_nothing_to_ask_once_the_rules_give_an_emergency():
    assert bs.suggest(probabilities(breathing=0.99), frozenset({"seizure"}), level=lexicon.EMERGENCY) == frozenset()


def test_a_suggestion_never_becomes_a_symptom_or_a_level_by_itself():
    findings = Findings(symptoms=frozenset({"headache"}), to_check=frozenset({"breathing_difficulty", "fainting"}))
    assert assess(findings).level == lexicon.MANAGE_AT_HOME
    assert Findings(to_check=frozenset({"fainting"})).is_empty
    assert "breathing_difficulty" not in findings.merge(Findings(symptoms=frozenset({"chills"}))).symptoms


def test_the_answer_decides_through_the_rules():
    asked = Findings(symptoms=frozenset({"headache"}), to_check=frozenset({"breathing_difficulty"}))
    yes = asked.with_answer("breathing_difficulty", True)
    assert assess(yes).level == lexicon.CALL_DOCTOR_NOW and not yes.to_check
    no = asked.with_answer("breathing_difficulty", False)
    assert assess(no).level == lexicon.MANAGE_AT_HOME and not no.to_check
    assert assess(Findings(to_check=frozenset({"fainting"})).with_answer("fainting", True)).level == lexicon.EMERGENCY


def test_beside_a_symptom_the_rules_found_another_system_must_be_more_likely_than_not():
    found = frozenset({"infusion_site_irritation"})
    below = bs.FOUND_SOMETHING_THRESHOLD - 0.05
    assert bs.suggest(probabilities(consciousness=below, infusion_site=0.9), found) == frozenset()
    assert bs.suggest(probabilities(consciousness=0.9, infusion_site=0.9), found) == {"fainting"}
    assert bs.suggest(probabilities(consciousness=below), frozenset()) == {"fainting"}
