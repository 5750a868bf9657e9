"""Round 23's classes, in words of our own (not the evaluation set's): a degree answered by a kind ("ordinary",
"not my normal"), a question back before a neck that bends, a vague "not great" explained by known symptoms,
a "fine mostly" or "is this normal?" in reply to the invitation, a greeting that is no all-clear."""

import pytest

from bot import dialogue
from bot.answers import Answer, read_degree
from bot.dialogue import State, answer, ask, plan, says_fine
from bot.findings import Findings, extract
from bot.triage import assess
from tests.bot.levels import level


@pytest.mark.parametrize(
    "reply, expected",
    [
        ("ordinary", Answer.NO),
        ("usual one, like when I skip lunch", Answer.NO),
        ("not normal", Answer.YES),
        ("nothing like my normal ones", Answer.YES),
        ("I don't think this is normal", Answer.YES),
        ("not too bad, a normal one", Answer.NO),
    ],
)
def test_a_headache_told_by_its_kind(reply, expected):
    assert read_degree(reply) is expected


@pytest.mark.parametrize(
    "reply", ["how stiff is stiff? she can get her chin down to her chest", "what do you mean? it bends forward fine"]
)
def test_a_question_back_then_a_neck_that_bends_is_a_no(reply):
    findings = extract("bad head since the drip")
    step = answer(findings, extract(reply), reply, None, ask("neck_stiffness", State()))
    assert "neck_stiffness" in step.findings.denied and not step.say


def test_a_vague_complaint_explained_by_known_symptoms_is_assessed_on_them():
    opening = extract("not too good")
    decided = plan(opening, opening, State(), None, reported=True, text="not too good")
    assert decided.question == "describe_symptom"
    reply = "achy legs and sleepy"
    step = answer(decided.findings, extract(reply), reply, None, ask("describe_symptom", decided.state))
    assert not step.findings.unknown_symptom and assess(step.findings).level == "manage_at_home"


def test_a_specific_complaint_is_not_explained_away_by_a_mild_word():
    opening = Findings(unknown_symptom=True)  # as the learned layer reads it: a complaint the lexicon lacks
    decided = plan(opening, opening, State(), None, reported=True, text="my ears feel blocked and full")
    reply = "a bit tired too"
    step = answer(decided.findings, extract(reply), reply, None, ask("describe_symptom", decided.state))
    assert step.findings.unknown_symptom  # the ears are still a symptom we cannot assess


@pytest.mark.parametrize("reply", ["ok mostly", "is that normal after the drip?", "should we be worried?"])
def test_the_invitation_answered_with_something_untold_asks_for_it(reply):
    step = answer(Findings(), extract(reply), reply, "deny", ask(dialogue.INVITE, State()))
    assert step.state.pending == "describe_symptom" and not step.done


def test_a_greeting_is_no_all_clear():
    assert not says_fine("Good afternoon, I had my infusion this morning")
    assert says_fine("good afternoon, all fine here")


@pytest.mark.parametrize(
    "reply", ["came on an hour ago, getting worse", "a bit blah since teatime", "started after lunch"]
)
def test_the_invitation_answered_with_something_going_on_asks_what(reply):
    step = answer(Findings(), extract(reply), reply, "inform", ask(dialogue.INVITE, State()))
    assert step.state.pending == "describe_symptom" and not step.done


def test_something_giving_way_inside_the_head_is_the_worst_headache():
    assert level("feels like something popped inside my head") == "emergency"


@pytest.mark.parametrize("text", ["gasping. every breath", "each breath. takes effort"])
def test_a_breathless_message_of_fragments_is_read_across_its_stops(text):
    assert level(text) == "emergency"


def test_fragments_that_each_name_a_body_part_keep_their_stop():
    assert "breathing_difficulty" not in extract("breathing fine. knee hurts").symptoms


@pytest.mark.parametrize("text", ["Nan had a funny turn after tea", "I took a queer turn at the shops"])
def test_a_turn_is_never_mild(text):
    assert level(text) in ("call_doctor_now", "emergency")


def test_a_complaint_that_started_beside_a_fine_is_asked_about():
    reply = "ok in the morning but the pounding began after lunch"
    step = answer(Findings(), extract(reply), reply, "inform", ask(dialogue.INVITE, State()))
    assert step.state.pending == "describe_symptom" and not step.done
    fine = "fine since the infusion thanks"
    assert answer(Findings(), extract(fine), fine, "inform", ask(dialogue.INVITE, State())).done
