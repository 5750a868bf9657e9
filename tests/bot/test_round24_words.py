"""Round 24's classes, in words of our own (not the evaluation set's): a carer's own complaints beside the one
who had the infusion, figures of speech about paperwork in other Englishes, an answer said again ("like I
said ..."), and a misspelt answer read as the word it stands for."""

import pytest

from bot.answers import Answer, read_answer, read_degree
from bot.dialogue import State, answer, ask
from bot.findings import extract
from bot.nlp import load, spelled_text
from tests.bot.levels import level


@pytest.mark.parametrize(
    "text",
    [
        "Dad had his IVIG this morning and he's fine. I've come down with a cold and a temperature of 38.4",
        "I look after my nan, she had her infusion yesterday. I've been sick all night myself, some bug",
        "My wife had the drip today and she seems well. I've got a stinking headache myself",
    ],
)
def test_a_carers_own_complaints_are_not_the_patients(text):
    assert level(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # the writer had one too: their own complaints count
        ("my boy had his infusion and he's fine, I had mine this morning and now I've a rash", "manage_at_home"),
        # a life-threatening sign counts whoever has it
        ("Mum had her IVIG and she's fine but my throat is closing up", "emergency"),
        # the patient's own complaint beside a carer
        ("I care for my dad, he had his IVIG today and he is vomiting", "call_doctor_now"),
        ("my husband had his ivig, and I'm not feeling myself, I have a rash", "manage_at_home"),
    ],
)
def test_the_carer_reading_keeps_what_must_count(text, expected):
    assert level(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "This insurance form gives me nosebleed honestly, who can help me fill it",
        "all this paperwork makes my head big, which one do I sign",
        "my head is spinning with these forms, where do I send them?",
    ],
)
def test_a_figure_of_speech_about_paperwork_is_no_symptom(text):
    assert level(text) is None


def test_a_head_spinning_from_something_real_is_dizziness():
    assert level("my head is spinning from getting up too fast") == "call_doctor_now"


@pytest.mark.parametrize(
    "reply, expected",
    [
        ("as I said, nothing too bad, a usual one", Answer.NO),
        ("like I told you, yes, worst ever", Answer.YES),
        ("I already said no", Answer.NO),
    ],
)
def test_an_answer_said_again(reply, expected):
    assert read_degree(reply) is expected and read_answer(reply) is expected


def test_a_misspelt_answer_is_read_as_the_word_it_stands_for():
    reply = "normle"
    spelled = spelled_text(load()(reply))
    assert spelled == "normal"
    findings = extract("so tired since the drip")
    step = answer(findings, extract(reply), reply, None, ask("little_or_no_urine", State()), spelled=spelled)
    assert "little_or_no_urine" in step.findings.denied and not step.say


@pytest.mark.parametrize(
    "text",
    [
        "the aches and the flushing have settled now",
        "shivers and a headache last night, by this morning all gone",
        "the tiredness passed already",
        "the chills stopped after half an hour",
    ],
)
def test_mild_symptoms_said_to_be_over_are_not_the_patients_now(text):
    assert level(text) is None


def test_a_red_flag_in_a_list_said_to_be_over_still_counts():
    assert level("the vomiting and the chills have stopped") == "call_doctor_now"


def test_an_end_said_of_the_last_of_a_list_only_by_a_relative_clause():
    assert level("aches, and a rash which has gone") == "manage_at_home"


@pytest.mark.parametrize("text", ["he cannot say full sentence", "she can't talk in whole sentences"])
def test_no_full_sentence_without_its_article(text):
    assert level(text) == "emergency"


def test_an_aside_between_a_limb_and_its_swelling():
    text = "my right leg (they put the drip in my left hand) is swollen and hot"
    assert level(text) == "call_doctor_now"


@pytest.mark.parametrize(
    "question, reply, denied",
    [
        ("vomiting", "He hasn't. I have though, twice, but I'm not the patient", True),
        ("vomiting", "she has. I haven't", False),
    ],
)
def test_a_carers_answer_about_both_is_read_for_the_patient(question, reply, denied):
    findings = extract("my son had his ivig and he has a headache")
    assert findings.subject == "he" or "she" in reply  # the conversation is about him (or her, below)
    if "she" in reply:
        findings = extract("my daughter had her ivig and she has a headache")
    step = answer(findings, extract(reply), reply, None, ask(question, State()))
    assert (question in step.findings.denied) is denied and (question in step.findings.symptoms) is not denied


def test_a_carers_temperature_beside_the_patients_is_not_the_patients():
    findings = extract("my wife had her ivig today, she is shivery")
    reply = "Hers is 37.4. Mine's 38.6 but I had no infusion"
    step = answer(findings, extract(reply), reply, None, ask("temperature", State()))
    assert step.findings.temperature_c == 37.4


def test_a_carers_own_complaint_in_an_answer_is_no_unknown_symptom_of_the_patient():
    findings = extract("my dad had his ivig, he is tired")
    reply = "He's breathing fine, I'm the one with the sniffles"
    message = extract(reply)
    from dataclasses import replace

    step = answer(findings, replace(message, unknown_symptom=True), reply, None, ask("breathing_difficulty", State()))
    assert not step.findings.unknown_symptom and "breathing_difficulty" in step.findings.denied
