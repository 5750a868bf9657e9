"""Round 18's classes, in words of our own (not the evaluation set's): the "-ed" a learner of English drops,
someone close not known, a fallen coma score or a response only to pain, a rash told by its extent, idioms of
laughter, health and a spinning head, "nobody" who did it, a colour a carer does not like, a rate read off a
watch, how it seems, a room going round and a vague turn; in the answers, a spreading told from its start, a
sign the crushing-chest-pain question names, and a plain answer that gets no learned question."""

import pytest

from bot.answers import Answer, read_degree
from bot.findings import extract
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from tests.bot.levels import level


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare verb where a state is told: the "-ed" dropped
        ("my mother is so confuse since this morning", EMERGENCY),
        ("she confuse me with her sister", None),
        # someone close not known
        ("dad not know us anymore", EMERGENCY),
        ("she doesn't know me, keeps asking who I am", EMERGENCY),
        ("the new receptionist doesn't know me yet", None),
        # consciousness on the nurses' scales
        ("his avpu is down, responds only to pain", EMERGENCY),
        ("she is only waking to pain", EMERGENCY),
        # a rash told by how much of the body it covers
        ("extensive hives on my back and arms", CALL_DOCTOR_NOW),
        ("generalised itchy rash", CALL_DOCTOR_NOW),
        ("a small rash on my wrist", MANAGE_AT_HOME),
        # idioms of laughter, health and a spinning head
        ("we cried laughing at the waiting room telly", None),
        ("feeling right as rain today, when is my next appointment?", None),
        ("all these leaflets make my head spin", None),
        ("the drip made my head spin", CALL_DOCTOR_NOW),
        # nobody who did it
        ("nobody has passed out, we're all fine", None),
        ("nobody knows why he collapsed", EMERGENCY),
        ("no one can rouse her", EMERGENCY),
        # a colour a carer does not like is the emergency sign until said to be milder
        ("my wife says I'm a strange colour", EMERGENCY),
        ("his colour looks right to me", None),
        ("the bruise is a funny colour", None),
        ("she's gone a funny colour since her drip", EMERGENCY),  # "since her drip" is when, not a mark
        ("her lips went a funny blue colour after the drip", EMERGENCY),
        # a rate read off a watch, loose motions
        ("my watch says my heart is at 140 sitting down", CALL_DOCTOR_NOW),
        ("my heart is at ease now the infusion is done", None),
        ("loose motions since morning", CALL_DOCTOR_NOW),
        # how it seems is no denial
        ("just can't seem to catch my breath", CALL_DOCTOR_NOW),
        ("she doesn't seem to be sick", None),
        # a room going round, and a vague turn (a near faint: the fainting question follows)
        ("the whole lounge went round, I had to sit down", CALL_DOCTOR_NOW),
        ("I went round the house closing windows", None),
        ("dad had a funny turn in the garden", CALL_DOCTOR_NOW),
        ("we had a funny moment at the desk lol", None),
    ],
)
def test_words(text, expected):
    assert level(text) == expected


@pytest.mark.parametrize(
    "reply, expected",
    [
        # how it began is no small degree of how it is now
        ("yes, at first just on the wrist, now up to the shoulder", Answer.YES),
        ("it started small, now more and more of my back", Answer.YES),
        ("no, just a small patch, same as before", Answer.NO),
    ],
)
def test_spreading_told_from_its_start(reply, expected):
    assert read_degree(reply) == expected


def test_zero_symptoms_is_all_well():
    from bot.dialogue import says_fine

    assert says_fine("zero side effects this time, thanks") and not says_fine("zero energy since the drip")


@pytest.mark.parametrize(
    "reply, expected",
    [
        ("heavy, like a sack of coal on me, and it goes into my arm a bit", Answer.YES),
        ("no arm pain but I'm sweaty", Answer.YES),
        ("it doesn't go to my arm or jaw, just a tightness", Answer.NO),
        ("my arm's fine, just a little tight", Answer.NO),
    ],
)
def test_a_sign_the_crushing_question_names_answers_it(reply, expected):
    from bot.dialogue import State, answer, ask

    state = ask("crushing_chest_pain", State())
    step = answer(extract("my chest is tight"), extract(reply), reply, None, state)
    said = "crushing_chest_pain" in step.findings.symptoms
    assert said == (expected is Answer.YES)


def test_a_plain_answer_gets_no_learned_question():
    """ "nope, nothing like that" carries nothing for the model to read (the lower thresholds of the symptom-free
    corpus had it ask about breathing); a reply with words of its own still does."""
    import spacy

    from bot.system_checks import says_only_an_answer

    nlp = spacy.blank("en")

    def content_words(text: str) -> list[str]:
        return [t.lower_ for t in nlp(text) if not t.is_stop]

    assert says_only_an_answer(content_words("Nope, nothing like that"))
    assert not says_only_an_answer(content_words("no but the air won't go in"))
