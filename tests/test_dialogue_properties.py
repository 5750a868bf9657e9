"""Property test of the real dialogue (trained model, Rasa server and action server, over REST).

Random sequences of patient turns from a small grammar; whatever the order, no turn is silent, the
fail-safe never answers while the action server is up, a red flag is never answered below
call_doctor_now, a symptom always gets a disposition within a bounded number of turns, and the
level never goes down."""

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ORDER = ("manage_at_home", "call_doctor_now", "emergency")
RED_FLAGS = [
    "my chest feels tight",
    "I have thrown up twice",
    "I can't breathe",
    "my lips are swelling up",
    "my neck is really stiff",
]
MILD = [
    "I have a headache",
    "I feel a bit sick",
    "a small rash on my arm",
    "I feel feverish",
    "I'm so tired",
    "my muscles ache",
]
TURNS = st.one_of(
    st.sampled_from(["yes", "no", "Not sure", "kinda", "dunno", "nope", "👍", "👎", "maybe?"]),
    st.sampled_from(["blorp", "asdf qwer", "???", "hmm"]),
    st.sampled_from(MILD),
    st.sampled_from(RED_FLAGS),
    st.sampled_from(["39.5", "thirty eight", "101 F", "2 hours ago", "this morning"]),
    st.sampled_from(["what are your hours?", "thanks", "hello", "what is the clinic's number?"]),
    st.sampled_from(["😀", ""]),
)
FAIL_SAFE = "I can't assess this right now"
# "no" answers after the last turn: the disposition must come within these (the fuller screen asks up to 13)
DRAIN_TURNS = 14


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(turns=st.lists(TURNS, min_size=1, max_size=6))
def test_the_dialogue_holds_whatever_the_patient_says(servers, turns):
    sender = f"prop-{uuid.uuid4().hex[:10]}"
    levels: list[str] = []
    asking = False

    def say(text: str) -> None:
        nonlocal asking
        replies = servers.chat(sender, text)
        assert replies, f"silent turn after {text!r}"
        assert not any((r.get("text") or "").startswith(FAIL_SAFE) for r in replies), (text, replies)
        levels.extend(r["custom"]["triage"]["level"] for r in replies if "triage" in (r.get("custom") or {}))
        asking = any("question" in (r.get("custom") or {}) for r in replies)

    answered_after_symptom = False
    for turn in turns:
        if turn in RED_FLAGS + MILD:
            answered_after_symptom = False
        given = len(levels)
        say(turn)
        answered_after_symptom = answered_after_symptom or len(levels) > given
    said_symptom = any(t in RED_FLAGS + MILD for t in turns)
    for _ in range(DRAIN_TURNS):  # the patient goes on answering "no" until the bot has nothing to ask
        if not asking and (answered_after_symptom or not said_symptom):
            break
        given = len(levels)
        say("no")
        answered_after_symptom = answered_after_symptom or len(levels) > given
    assert not asking, f"still asking after {DRAIN_TURNS} more answers: {turns}"
    if said_symptom:
        assert answered_after_symptom, f"no disposition after the last symptom: {turns} -> {levels}"
    if any(t in RED_FLAGS for t in turns):
        assert levels[-1] in ("call_doctor_now", "emergency"), (turns, levels)
    assert [ORDER.index(x) for x in levels] == sorted(ORDER.index(x) for x in levels), (turns, levels)
