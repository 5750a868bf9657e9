"""The infusion timeline: reading when the infusion was, and what the time changes."""

import dataclasses
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from bot import timeline
from bot.advice import NURSE_IF_THERE, NURSE_NOW, message_for, triage_payload
from bot.findings import Findings, extract
from bot.handoff import handoff_summary, handoff_text
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.settings import load_settings
from bot.timeline import InfusionTime, needs_infusion_time, read_infusion_time, watch_for
from bot.triage import assess
from tests.support.servers import ROOT, server_env

SETTINGS = load_settings()
# Thursday 3 December 2026, 20:00 UTC: 15:00 in New York, 20:00 in London, Friday 05:00 in Tokyo.
NOW = datetime(2026, 12, 3, 20, 0, tzinfo=UTC)
# Thursday 00:30 in New York (05:30 UTC): just after midnight, "yesterday" is Wednesday.
AFTER_MIDNIGHT = datetime(2026, 12, 3, 5, 30, tzinfo=UTC)
NY, LONDON, TOKYO = "America/New_York", "Europe/London", "Asia/Tokyo"

# (now, time zone, the answer, hours since the start or None, running)
ANSWERS = [
    (NOW, NY, "this morning", 6, False),  # 9:00
    (NOW, NY, "2 hours ago", 2, False),
    (NOW, NY, "about 2 hours ago", 2, False),
    (NOW, NY, "half an hour ago", 0.5, False),
    (NOW, NY, "a couple of hours ago", 2, False),
    (NOW, NY, "yesterday afternoon", 25, False),  # Wednesday 14:00
    (NOW, NY, "yesterday at 4", 23, False),  # 4 without am/pm at an infusion centre: 16:00
    (NOW, NY, "at 9", 6, False),  # an hour, not September
    (NOW, NY, "on Monday", 75, False),  # some time that day: midday
    (NOW, NY, "Monday morning", 78, False),
    (NOW, NY, "finished at 7pm", 23, False),  # 7pm is later today: yesterday's, and it started ~3 h before
    (NOW, NY, "started at 7pm", 20, False),
    (NOW, NY, "4 days ago", 96, False),
    (NOW, NY, "started at 9:30", 5.5, False),
    (NOW, NY, "at 11:15", 3.8, False),  # dateparser alone says yesterday (it compares with the UTC clock)
    (NOW, NY, "had it at 8am", 7, False),
    (NOW, NY, "on Thursday", 171, False),  # said on a Thursday: a week ago (the longer reading calls sooner)
    (NOW, NY, "I think around 10?", 5, False),
    (NOW, NY, "today", None, False),  # some time today: not known, and not "now"
    (NOW, NY, "earlier today", None, False),
    (NOW, NY, "last night", 17, False),  # 22:00
    (NOW, NY, "I had it on 1 December", 51, False),  # Tuesday, midday
    (NOW, NY, "day 2 of 5", None, False),  # a multi-day course: today's dose, time not said
    (NOW, NY, "still on the drip", None, True),
    (NOW, NY, "it's running now", None, True),
    (NOW, NY, "still going, it started 30 minutes ago", 0.5, True),
    (NOW, NY, "not sure", None, False),
    (NOW, NY, "I don't remember", None, False),
    (NOW, LONDON, "this morning", 11, False),
    (NOW, LONDON, "yesterday afternoon", 30, False),
    (NOW, LONDON, "2 hours ago", 2, False),  # a relative time is the same everywhere
    (NOW, TOKYO, "yesterday afternoon", 15, False),  # in Tokyo it is Friday: yesterday is Thursday
    (NOW, TOKYO, "last night", 7, False),
    (NOW, TOKYO, "started at 7pm", 10, False),
    (NOW, TOKYO, "on Monday", 89, False),
    (NOW, TOKYO, "this morning", None, False),  # 05:00: "this morning" at 9 has not come yet: unknown
    (AFTER_MIDNIGHT, NY, "yesterday afternoon", 10.5, False),
    (AFTER_MIDNIGHT, NY, "last night", 2.5, False),
    (AFTER_MIDNIGHT, NY, "at 10pm", 2.5, False),  # a clock time later than now: the day before
    (AFTER_MIDNIGHT, NY, "this morning", None, False),
]


@pytest.mark.parametrize("now, tz, text, hours, running", ANSWERS, ids=[f"{a[1]}-{a[2]}" for a in ANSWERS])
def test_reading_an_answer(now, tz, text, hours, running):
    infusion = read_infusion_time(text, now, tz, answering=True)
    assert infusion is not None
    assert infusion.in_progress is running
    if hours is None:
        assert infusion.hours_since_start is None
    else:
        assert infusion.hours_since_start == pytest.approx(hours, abs=0.1)
        started = datetime.fromisoformat(infusion.started_at)
        assert abs((now - started).total_seconds() / 3600 - hours) <= 0.1
    assert infusion.said and infusion.said in text  # the patient's words, trimmed


@pytest.mark.parametrize("text", ["tomorrow", "in 2 hours", "next week", "my infusion is due next Monday"])
def test_a_time_still_to_come_is_an_unknown_time(text):
    infusion = read_infusion_time(text, NOW, NY, answering=True)
    assert infusion is not None and infusion.hours_since_start is None and not infusion.in_progress


@pytest.mark.parametrize(
    "text",
    [
        "banana",
        "",
        "   ",
        "asdf 99:99",
        "at 99",
        "32/13/2026",
        "25:00",
        "🙂🙂",
        "?!",
        "x" * 5000,
        "my nose is running",
        "42",
    ],
)
def test_nonsense_is_no_time_and_never_a_crash(text):
    infusion = read_infusion_time(text, NOW, NY, answering=True)
    assert infusion is None or infusion.hours_since_start is None or infusion.hours_since_start >= 0


def test_a_wrong_time_zone_reads_in_utc_rather_than_failing():
    assert read_infusion_time("2 hours ago", NOW, "Not/AZone", answering=True).hours_since_start == 2


# In any message, a time counts only where the infusion is named: "a headache since yesterday" dates the headache.
MESSAGES = [
    ("finished the drip 2 hours ago and now I have a headache", 5, False, "finished the drip 2 hours ago"),
    ("had my infusion on Monday, headache now", 75, False, "had my infusion on Monday"),
    ("headache since this morning, infusion yesterday", 24, False, "infusion yesterday"),
    ("I had my IVIG yesterday at 2pm and feel achy", 25, False, "I had my IVIG yesterday at 2pm"),
    ("my infusion was 4 days ago and I have a slight headache", 96, False, "my infusion was 4 days ago"),
    ("I'm still on the drip, started an hour ago, and I feel itchy", 1, True, None),
    ("the infusion is still running and I feel flushed", None, True, "the infusion is still running"),
    ("day 2 of 5 and I have a headache", None, False, "day 2 of 5"),
    ("I had my infusion today and now I have a headache", None, False, "I had my infusion today"),
    ("so i had my 3rd ivig yesterday at the hospital", 24, False, None),  # a count, not 3 March
    ("my 8 yr old is shivery after her IVIG this afternoon", 1, False, None),  # an age, not 8 years ago
    ("dad, 81 years old, had his infusion yesterday", 24, False, None),
    ("my infusion was on Sat", 123, False, None),
    (
        "had a vomiting bug last week, all better, today just tired after the infusion",
        None,
        False,
        "today just tired after the infusion",
    ),
]


@pytest.mark.parametrize(
    "text",
    [
        "my face went red since I got back from the infusion, like I've been sat by the fire",
        "the infusion went fine, sun was out so we sat outside after",
    ],
)
def test_a_short_day_name_that_is_an_ordinary_word_is_no_time(text):
    assert read_infusion_time(text, NOW, NY) is None


@pytest.mark.parametrize("text, hours, running, said", MESSAGES)
def test_reading_any_message(text, hours, running, said):
    infusion = read_infusion_time(text, NOW, NY)
    assert infusion is not None and infusion.in_progress is running
    assert infusion.hours_since_start == (pytest.approx(hours, abs=0.1) if hours is not None else None)
    assert infusion.said == (said or infusion.said) and infusion.said in text


@pytest.mark.parametrize(
    "text",
    [
        "I have a headache since yesterday",
        "my nose is running",
        "i may have a fever",
        "can I drive after my infusion next week?",
        "my infusion starts tomorrow",
        "not sure what this rash is",
        "I feel sick now",
        "took a tylenol 2 hours ago",
        "had a tummy bug last week before the infusion, all fine now",
        "I had a headache on Monday, then I stayed in bed, and my infusion went well",
    ],
)
def test_a_message_that_does_not_date_the_infusion(text):
    assert read_infusion_time(text, NOW, NY) is None


@hypothesis_settings(max_examples=150, deadline=None)
@given(st.text(max_size=80), st.booleans(), st.sampled_from([NY, LONDON, TOKYO, "UTC"]))
def test_any_text_reads_safely(text, answering, tz):
    infusion = read_infusion_time(text, NOW, tz, answering=answering)
    assert infusion is None or (infusion.hours_since_start is None or infusion.hours_since_start >= 0)


def test_the_reader_is_fast_and_dateparser_loads_lazily_without_the_network():
    probe = (
        "import socket, sys, time\n"
        "def refuse(*a, **k): raise OSError('no network')\n"
        "socket.socket.connect = refuse; socket.getaddrinfo = refuse; socket.create_connection = refuse\n"
        "import bot.findings, bot.triage, bot.advice, bot.handoff\n"
        "assert 'dateparser' not in sys.modules, 'dateparser must load only when a message has a time'\n"
        "from datetime import datetime, timezone\n"
        "from bot.timeline import read_infusion_time\n"
        "start = time.perf_counter()\n"
        "r = read_infusion_time('2 hours ago', datetime.now(timezone.utc), 'UTC', answering=True)\n"
        "print(time.perf_counter() - start, r.hours_since_start)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, env=server_env(), timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    first_call, hours = result.stdout.split()
    assert float(hours) == 2.0 and float(first_call) < 10  # measured about 1.0-1.5 s (the import)
    read_infusion_time("2 hours ago", NOW, NY, answering=True)  # warm
    timings = []
    for _, tz, text, *_ in ANSWERS:
        start = time.perf_counter()
        read_infusion_time(text, NOW, tz, answering=True)
        timings.append(time.perf_counter() - start)
    assert statistics.median(timings) < 0.05  # measured 1-10 ms each
    start = time.perf_counter()
    read_infusion_time("I have a headache and feel a bit sick", NOW, NY)
    assert time.perf_counter() - start < 0.01  # no time word: dateparser is not called


# ---------------------------------------------------------------- stored and updated


def test_findings_keep_the_time_and_old_findings_still_load():
    infusion = read_infusion_time("2 hours ago", NOW, NY, answering=True)
    findings = Findings(symptoms=frozenset({"headache"}), infusion=infusion)
    assert Findings.from_dict(findings.to_dict()) == findings
    old = Findings.from_dict({"symptoms": ["headache"], "infusion_time": "this morning"})  # stored before the timeline
    assert old.infusion == InfusionTime(None, False, "this morning") and old.infusion_time == "this morning"


def test_a_later_answer_adds_to_an_earlier_one():
    unknown = Findings(infusion=read_infusion_time("not sure", NOW, NY, answering=True))
    known = Findings(infusion=read_infusion_time("2 hours ago", NOW, NY, answering=True))
    running = Findings(infusion=read_infusion_time("still on the drip", NOW, NY, answering=True))
    assert unknown.merge(known).infusion.hours_since_start == 2
    assert known.merge(unknown).infusion.hours_since_start == 2
    both = running.merge(known).infusion
    assert both.in_progress and both.hours_since_start == 2


def test_hours_are_brought_up_to_date_and_a_running_drip_ends():
    infusion = read_infusion_time("I'm still on the drip, started an hour ago", NOW, NY)
    later = infusion.as_of(NOW + timedelta(hours=5))
    assert later.hours_since_start == pytest.approx(6) and not later.in_progress
    assert infusion.as_of(NOW + timedelta(hours=1)).in_progress


# ---------------------------------------------------------------- what the time changes


def at(hours: float | None, running: bool = False, said: str = "said") -> InfusionTime:
    return InfusionTime(hours, running, said)


def test_mild_symptoms_at_4_days_call_the_doctor_with_a_rule_of_their_own():
    findings = extract("slight headache and a bit achy").merge(
        Findings(infusion=read_infusion_time("my infusion was 4 days ago", NOW, NY))
    )
    disposition = assess(findings)
    assert disposition.level == CALL_DOCTOR_NOW
    assert disposition.red_flags == ("mild_symptoms_beyond_72_hours",)
    _, advice = message_for(disposition, findings, SETTINGS)
    assert "more than 3 days after your infusion" in advice[0]


@pytest.mark.parametrize(
    "hours, level",
    [(None, MANAGE_AT_HOME), (2, MANAGE_AT_HOME), (71, MANAGE_AT_HOME), (72, CALL_DOCTOR_NOW), (500, CALL_DOCTOR_NOW)],
)
def test_the_72_hour_mark(hours, level):
    assert assess(Findings(symptoms=frozenset({"headache"}), infusion=at(hours))).level == level


def test_no_symptom_no_72_hour_call():
    assert assess(Findings(denied=frozenset({"headache"}), infusion=at(100))).level is None


@pytest.mark.parametrize(
    "text, level",
    [("slight headache", MANAGE_AT_HOME), ("i threw up", CALL_DOCTOR_NOW), ("my throat is closing up", EMERGENCY)],
)
def test_a_running_infusion_puts_the_nurse_first_at_every_level(text, level):
    findings = extract(text).merge(Findings(infusion=at(None, running=True)))
    disposition = assess(findings)
    message, advice = message_for(disposition, findings, SETTINGS)
    assert disposition.level == level
    assert advice[0] == NURSE_NOW and message.startswith(NURSE_NOW)
    if level == EMERGENCY:  # the emergency number right after, for a patient no nurse is with
        assert advice[1] == f"If no nurse is with you, call {SETTINGS.emergency_number} now."
    assert advice.count(NURSE_NOW) == 1 and message.count(NURSE_NOW) == 1


def test_within_the_first_hour_the_nurse_comes_first_but_not_before_the_emergency_number():
    mild = extract("slight headache").merge(Findings(infusion=at(0.5)))
    assert message_for(assess(mild), mild, SETTINGS)[1][0] == NURSE_IF_THERE
    emergency = extract("my throat is closing up").merge(Findings(infusion=at(0.5)))
    advice = message_for(assess(emergency), emergency, SETTINGS)[1]
    assert advice[0] == f"Call {SETTINGS.emergency_number} now." and NURSE_IF_THERE not in advice
    later = extract("slight headache").merge(Findings(infusion=at(2)))
    assert not {NURSE_NOW, NURSE_IF_THERE} & set(message_for(assess(later), later, SETTINGS)[1])


def windows_listed(lines: list[str]) -> set[str]:
    return {w.id for w in timeline.TIMELINE for line in lines if w.signs in line}


@pytest.mark.parametrize("hours", [None, 0, 0.5, 5, 7, 30, 50, 60, 80, 100, 170, 180, 200, 242, 243, 1000])
def test_what_to_watch_for_is_what_can_still_come(hours):
    listed = windows_listed(watch_for(hours, SETTINGS))
    still_open = {w.id for w in timeline.TIMELINE if hours is None or hours < w.until_hours}
    assert listed == still_open


def test_what_to_watch_for_changes_with_the_time():
    unknown, day_one, day_four = watch_for(None, SETTINGS), watch_for(30, SETTINGS), watch_for(100, SETTINGS)
    assert len(unknown) == len(timeline.TIMELINE)
    assert any("a severe headache with a stiff neck" in w and "about 21 more hours" in w for w in day_one)
    assert not any("stiff neck" in w for w in day_four)
    assert any("dark urine" in w and "Until about 10 days" in w for w in day_four)
    assert watch_for(1000, SETTINGS) == []


def test_the_watch_list_of_a_day_only_answer_counts_from_the_youngest_it_can_be():
    findings = Findings(symptoms=frozenset({"headache"}), infusion=dataclasses.replace(at(50), margin_hours=12))
    payload = triage_payload(assess(findings), message_for(assess(findings), findings, SETTINGS)[1], findings, SETTINGS)
    assert any("stiff neck" in w for w in payload["triage"]["watch_for"])  # 38 h at the youngest: still open


def test_the_payload_handoff_and_advice_carry_the_time():
    findings = extract("i threw up").merge(
        Findings(infusion=read_infusion_time("finished the drip 2 hours ago", NOW, NY))
    )
    disposition = assess(findings)
    message, advice = message_for(disposition, findings, SETTINGS)
    triage = triage_payload(disposition, advice, findings, SETTINGS)["triage"]
    assert triage["infusion"] == {
        "hours_since_start": 5.0,
        "in_progress": False,
        "said": "finished the drip 2 hours ago",
    }
    assert triage["watch_for"] == watch_for(3.5, SETTINGS)  # 5 h, maybe 1.5 h off (the infusion's length)
    assert "Your infusion: finished the drip 2 hours ago (started about 5 hours ago)." in message
    summary = handoff_summary(disposition, findings, SETTINGS, conversation_id="c", audit_id="a" * 32, recorded_at=NOW)
    assert summary["infusion"] == triage["infusion"] and summary["watch_for"] == triage["watch_for"]
    assert "My IVIG infusion: finished the drip 2 hours ago (started about 5 hours ago)." in handoff_text(summary)


def test_a_manage_at_home_answer_lists_what_to_watch_for():
    findings = extract("slight headache").merge(Findings(infusion=at(30)))
    _, advice = message_for(assess(findings), findings, SETTINGS)
    assert set(watch_for(30, SETTINGS)) <= set(advice)


# ---------------------------------------------------------------- when to ask


def test_the_question_is_asked_only_when_the_answer_can_change_something():
    mild = extract("slight headache")
    assert needs_infusion_time(mild)  # the time can make it call_doctor_now, put the nurse first, shorten the list
    assert not needs_infusion_time(
        mild.merge(Findings(infusion=read_infusion_time("2 hours ago", NOW, NY, answering=True)))
    )
    assert not needs_infusion_time(
        mild.merge(Findings(infusion=read_infusion_time("not sure", NOW, NY, answering=True)))
    )
    assert not needs_infusion_time(extract("i threw up"))  # a red flag is answered at once
    assert not needs_infusion_time(Findings())  # nothing to assess yet
    assert not needs_infusion_time(mild, previous_level=CALL_DOCTOR_NOW)


def test_the_clinic_time_zone_is_a_setting(monkeypatch):
    from zoneinfo import ZoneInfo

    assert ZoneInfo(load_settings().time_zone)
    monkeypatch.setenv("TRIAGE_TIME_ZONE", "Europe/London")
    assert load_settings().time_zone == "Europe/London"


def test_the_table_is_well_formed():
    for w in timeline.TIMELINE:
        assert 0 <= w.from_hours < w.until_hours and w.signs and w.source
        assert w.level in (MANAGE_AT_HOME, CALL_DOCTOR_NOW, EMERGENCY)


def test_a_time_said_during_another_question_gives_its_disposition_at_once():
    from bot.dialogue import State, answer, ask

    findings = extract("slight headache")
    state = ask("neck_stiffness", State())
    message = Findings(infusion=read_infusion_time("my infusion was 4 days ago", NOW, NY))
    step = answer(findings, message, "my infusion was 4 days ago", "inform", state)
    assert step.done and assess(step.findings).level == CALL_DOCTOR_NOW
    assert step.findings.infusion.hours_since_start == 96
