"""The IVIG timeline: when each known reaction can start and stop, and when the infusion was.

Hours are counted from the START of the infusion. A source that counts "after the infusion" is
moved later by INFUSION_HOURS (an IVIG infusion takes about 3 hours, the IVIG article), so a window
never closes early. A clinician reads and edits the table below; the rest of the bot reads it.

| window              | from h | until h | signs the patient is told to watch for                       | source |
|---------------------|--------|---------|--------------------------------------------------------------|--------|
| infusion reaction   | 0      | 6       | chills, fever, flushing, racing heart, faint, short of breath | [1]    |
| aseptic meningitis  | 2      | 51      | severe headache with a stiff neck, fever, vomiting, light    | [2]    |
| arterial thrombosis | 0      | 243     | chest pain, one-sided weakness, drooping face, speech (911)  | [3]    |
| venous thrombosis   | 24     | 171     | painful swollen leg or arm, sudden breathlessness            | [3]    |
| kidney injury       | 8      | 192     | little or no urine, swollen ankles                           | [4]    |
| haemolysis          | 12     | 243     | dark urine, yellow skin or eyes, unusual tiredness           | [5]    |
| mild effects        | 0      | 72      | settle by then: a symptom after 72 h is call_doctor_now      | [6]    |

[1] ~5 % within 30-60 minutes of the start (the IVIG article); usually within the first hour, and
    between 1 and 6 hours after the start in a series of 1,350 infusions (PubMed 30607191).
[2] Several hours to 2 days after the infusion, more at high doses (2 g/kg) or a fast infusion
    (ASCENIV prescribing information).
[3] Arterial events 49 % within 4 h and 77 % within 24 h, venous events mostly after 24 h, typically
    1-7 days (Paran et al. 2005, PMID 15970713). No end is given for arterial events: that window stays
    open as long as the longest one.
[4] Creatinine rises between 8 hours and 8 days after the start, typically 2-4 days; most have little
    urine (Gras et al. 1999; PubMed 9138386).
[5] From 12 hours to 10 days after the dose; labels advise a haemoglobin check 36-96 hours after
    (Privigen prescribing information).
[6] Mild effects usually settle within about 72 hours; mild symptoms that last longer deserve a call
    (infusion-pharmacy patient guidance).

The article also says doses are often given on 2 to 5 consecutive days ("day 2 of 5": the last
infusion is today's, and each one starts the windows again), and that older adults carry more risk.

`read_infusion_time` reads when the infusion was from any message, with `dateparser` (imported
lazily: about 1.5 s to import, so only for a message that has a time word in it; `warm_up()` pays it
at start). Nothing here does I/O: the caller passes `now`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from bot.age import AGE_PHRASE
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME

if TYPE_CHECKING:
    from bot.findings import Findings
    from bot.settings import Settings

INFUSION_HOURS = 3.0  # an IVIG infusion takes about 3 hours (the article): "finished at 7pm" started ~4pm
HISTORY = timedelta(days=60)  # a start further back is the treatment's history, not the infusion the message is about
NURSE_FIRST_HOURS = 1.0  # immediate reactions come in the first hour: the infusion nurse can slow or stop the drip
MILD_EFFECTS_SETTLE_HOURS = 72.0  # mild effects usually settle within ~72 h; later, they deserve a call


@dataclass(frozen=True)
class Window:
    id: str
    from_hours: float  # after the start of the infusion
    until_hours: float
    level: str  # what to do if the signs come: call_doctor_now or emergency (manage_at_home: settle by then)
    signs: str  # in the patient's words
    source: str


_A = INFUSION_HOURS  # a source counting "after the infusion": its window moves later by the infusion's length
TIMELINE = (
    Window(
        "infusion_reaction",
        0,
        6,
        CALL_DOCTOR_NOW,
        "chills, a fever, flushing, a racing heart, feeling faint, or being short of breath",
        "about 5 % within 30-60 minutes of the start (the IVIG article); usually within the first hour, "
        "between 1 and 6 hours after the start in a series of 1,350 infusions (PubMed 30607191)",
    ),
    Window(
        "aseptic_meningitis",
        2,
        48 + _A,
        CALL_DOCTOR_NOW,
        "a severe headache with a stiff neck, a fever, vomiting, or light hurting the eyes",
        "usually within several hours to 2 days after the infusion; more often at high doses (2 g/kg) or "
        "with a fast infusion (ASCENIV prescribing information)",
    ),
    Window(
        "arterial_thrombosis",
        0,
        240 + _A,
        EMERGENCY,
        "chest pain, weakness or numbness on one side, a drooping face, or trouble speaking",
        "arterial events 49 % within 4 hours and 77 % within 24 hours (Paran et al. 2005, PMID 15970713); "
        "the source gives no end, so the window stays open as long as the longest one",
    ),
    Window(
        "venous_thrombosis",
        24,
        168 + _A,
        CALL_DOCTOR_NOW,
        "a painful, swollen leg or arm, or sudden breathlessness",
        "venous events mostly after 24 hours, typically 1-7 days (Paran et al. 2005, PMID 15970713)",
    ),
    Window(
        "kidney_injury",
        8,
        192,
        CALL_DOCTOR_NOW,
        "passing little or no urine, or swollen ankles",
        "creatinine rises between 8 hours and 8 days after the start, typically 2-4 days; most have little "
        "urine (Gras et al. 1999; PubMed 9138386)",
    ),
    Window(
        "haemolysis",
        12,
        240 + _A,
        CALL_DOCTOR_NOW,
        "dark urine, yellow skin or eyes, or unusual tiredness or breathlessness",
        "from 12 hours to 10 days after the dose; labels advise a haemoglobin check 36-96 hours after "
        "(Privigen prescribing information)",
    ),
    Window(
        "mild_effects",
        0,
        MILD_EFFECTS_SETTLE_HOURS,
        MANAGE_AT_HOME,
        "a headache, flushing, chills, aches, nausea or tiredness",
        "mild effects usually settle within about 72 hours; mild symptoms that last longer deserve a call "
        "(infusion-pharmacy patient guidance)",
    ),
)


# ---------------------------------------------------------------- when the infusion was


@dataclass(frozen=True)
class InfusionTime:
    hours_since_start: float | None  # None: not known ("not sure", "day 2 of 5" without a time, running now)
    in_progress: bool  # the drip is running now
    said: str | None  # the patient's words, trimmed
    margin_hours: float = 0.0  # how far the estimate may be off ("on Monday": 12 h)
    started_at: str | None = None  # ISO time (UTC) of the estimated start, to bring the hours up to date later
    said_at: str | None = None  # ISO time (UTC) of the message

    @property
    def known(self) -> bool:
        return self.hours_since_start is not None

    @property
    def earliest_hours(self) -> float | None:
        """The youngest the infusion can be: what may still come is judged from here (never too short a list)."""
        return None if self.hours_since_start is None else max(0.0, self.hours_since_start - self.margin_hours)

    def contract(self) -> dict:
        """`custom.triage.infusion` (README)."""
        return {"hours_since_start": self.hours_since_start, "in_progress": self.in_progress, "said": self.said}

    def merge(self, later: InfusionTime | None) -> InfusionTime:
        """A later answer adds to an earlier one: a known time wins over an unknown one, and a running
        infusion stays running (nurse first is the safer reading)."""
        if later is None:
            return self
        newer = (
            later if (later.known or not self.known) and later.said != self.said else self
        )  # the same words read again: the first reading
        said = " / ".join(dict.fromkeys(s for s in (self.said, later.said) if s))[:MAX_SAID_CHARS] or None
        return replace(newer, in_progress=self.in_progress or later.in_progress, said=said)

    def as_of(self, now: datetime) -> InfusionTime:
        """The same answer, with its hours counted to `now` (a conversation can go on for hours or days)."""
        now = _utc(now)
        hours, running = self.hours_since_start, self.in_progress
        if self.started_at:
            hours = round((now - datetime.fromisoformat(self.started_at)).total_seconds() / 3600, 1)
        if (
            running
            and self.said_at
            and (now - datetime.fromisoformat(self.said_at)).total_seconds() > INFUSION_HOURS * 3600
        ):
            running = False  # "still on the drip" was said more than an infusion's length ago
        return replace(self, hours_since_start=hours, in_progress=running)

    @classmethod
    def from_dict(cls, data: dict | str | None) -> InfusionTime | None:
        if not data:
            return None
        if isinstance(data, str):  # stored before the timeline: only the patient's words
            return cls(hours_since_start=None, in_progress=False, said=data[:MAX_SAID_CHARS])
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**{"hours_since_start": None, "in_progress": False, "said": None, **fields})


MAX_SAID_CHARS = 120
MAX_TEXT_CHARS = 600  # a longer message is read only this far for a time
_DAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_MONTHS = r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|may"
_INFUSION = (
    r"(?:infusions?|infused|drip|ivig|ivg|iv|i\.v\.|immunoglobulins?|gamma ?globulin|privigen|gamunex|"
    r"octagam|gammagard|panzyga|flebogamma|asceniv|bivigam|gammaplex|gammaked)"
)
INFUSION_WORD = re.compile(rf"\b{_INFUSION}\b", re.I)
# A word that can make a time: only a clause holding one is given to dateparser.
TIME_HINT = re.compile(
    rf"\b(?:ago|yesterday|today|tonight|tomorrow|in (?:\d+|an?) (?:minutes?|mins?|hours?|hrs?|days?|weeks?)|"
    rf"morning|afternoon|evening|night|noon|midday|lunch\w*|"
    rf"{_DAYS}|{_MONTHS}|week|weeks|month|\d{{1,2}}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{{1,2}}[:.]\d\d|"
    rf"\d{{1,2}}/\d{{1,2}}|o'?clock|(?:at|around|about|by) \d{{1,2}})\b",
    re.I,
)
# What dateparser found counts only if it has one of these (not "now", not "may" as in "I may have").
TIME_FOUND = re.compile(rf"\b(?:ago|yesterday|today|tonight|tomorrow|{_DAYS}|week|month|year|\d)", re.I)
FINISHED = re.compile(
    r"\b(?:finish\w*|ended|end(?:ed)? at|stopped|done|completed?|came off|got off|"
    r"unhooked|disconnected|took (?:it|the \w+) out|over)\b",
    re.I,
)
COURSE = re.compile(
    r"\b(?:day (\d+) (?:of|out of) (\d+)|(\d+)(?:st|nd|rd|th)? (?:day|infusion|dose) (?:of|out of) "
    r"(?:my |the |a )?(\d+))\b",
    re.I,
)
BEFORE_INFUSION = re.compile(rf"\bbefore (?:the |my |his |her |their )?{_INFUSION}\b", re.I)  # dates something else
TODAY = re.compile(r"\b(?:earlier |sometime |some time )?today\b", re.I)  # today, the time not said
FUTURE = re.compile(
    rf"\b(?:tomorrow|next (?:week|month|time|{_DAYS})|in (?:\d+|an?|a few|a couple of) (?:minutes?|mins?|"
    rf"hours?|hrs?|days?|weeks?)|(?:will|going to|gonna) (?:be|have|start)|is due|scheduled)\b",
    re.I,
)
NOT_RUNNING = re.compile(
    r"\b(?:no longer|not any ?more|isn'?t|is not|wasn'?t|finish\w*|done|stopped|ended|"
    r"came off|taken off|unhooked|out)\b",
    re.I,
)
RUNNING = re.compile(  # the infusion is going on now (any message)
    rf"\bstill (?:on|hooked up to|connected to|attached to|getting|having|receiving|doing|in|at) (?:my |the |an? )?"
    rf"{_INFUSION}\b|\b{_INFUSION}\s+(?:is|'s)\s+(?:still\s+)?(?:running|going|on|in|dripping|in progress|ongoing)\b|"
    rf"\b{_INFUSION}\s+(?:still\s+)?(?:running|dripping|in progress|ongoing)\b|"
    rf"\b{_INFUSION}\s+still\s+(?:on|in|going)\b|"
    rf"\b(?:i'?m|i am)\s+(?:currently\s+|now\s+)?(?:on|hooked up to|connected to|having|getting|receiving)\s+"
    rf"(?:my |the |an? )?{_INFUSION}\b(?!.*\b(?:tomorrow|next|later)\b)|"
    rf"\b(?:right now|currently|at the moment)\b.*\b{_INFUSION}\b|\b{_INFUSION}\b.*\b(?:right now|at the moment)\b",
    re.I,
)
RUNNING_ANSWER = re.compile(  # the same, said as the answer to "When did your infusion start?"
    r"\b(?:still (?:running|going|on|in|dripping|hooked up|connected)|(?:it'?s|it is|i'?m|i am) (?:still )?"
    r"(?:running|going|on it|in progress|ongoing|happening|dripping)|running now|going now|right now|as we speak|"
    r"in progress|ongoing|happening now)\b|^\W*now\W*$",
    re.I,
)
NOT_SURE = re.compile(
    r"\b(?:not sure|unsure|not certain|don'?t know|do not know|dunno|no idea|can'?t remember|"
    r"cannot remember|don'?t remember|do not remember|forgot|can'?t recall|no clue)\b",
    re.I,
)
_CLAUSE_SPLIT = re.compile(r"[,;]|:(?!\d)|\s(?:and|but|so|then|because)\s(?!a half)", re.I)
_SENTENCE_SPLIT = re.compile(r"[.!?\n]+(?:\s|$)")
PART_OF_DAY = {
    "morning": "9:00",
    "afternoon": "14:00",
    "lunchtime": "12:00",
    "lunch": "12:00",
    "noon": "12:00",
    "midday": "12:00",
    "evening": "19:00",
    "night": "22:00",
}


def read_infusion_time(text: str, now: datetime, tz: str = "UTC", *, answering: bool = False) -> InfusionTime | None:
    """When the infusion was, from one message; None when the message says nothing about it.

    `now` is the message's time (naive means UTC); `tz` the clinic's time zone, in which "this
    morning" and "7pm" are read. Outside an answer (`answering=False`) a time counts only in a
    sentence that names the infusion ("finished the drip 2 hours ago and now I have a headache"),
    since "a headache since yesterday" dates the headache, not the infusion. Never raises: anything
    it cannot read is None, or, as an answer, an unknown time with the patient's words."""
    try:
        return _read(text, now, tz, answering)
    except Exception:
        return InfusionTime(None, False, _trim(text)) if answering and text and text.strip() else None


def _read(text: str, now: datetime, tz: str, answering: bool) -> InfusionTime | None:
    text = (text or "").replace("\u2019", "'")[:MAX_TEXT_CHARS]
    if not text.strip():
        return None
    now_utc = _utc(now)
    zone = _zone(tz)
    tz = tz if zone is not UTC else "UTC"
    local_now = now_utc.astimezone(zone)
    said_at = now_utc.isoformat()
    sentences = [s for s in _SENTENCE_SPLIT.split(text) if s.strip()]
    if not answering:
        sentences = [s for s in sentences if INFUSION_WORD.search(s) or COURSE.search(s)]
    for sentence in sentences:
        clauses = [c.strip() for c in _CLAUSE_SPLIT.split(sentence) if c and c.strip()]
        running = [i for i, c in enumerate(clauses) if _running(c, answering)]
        times = [
            (i, t)
            for i, c in enumerate(clauses)
            if not BEFORE_INFUSION.search(c)
            and (t := _time_in(c, local_now, zone, tz))
            # "5 years ago I had IVIG too": the treatment's story, not this dose (an answer to "when?" is taken)
            and (answering or local_now - t[0] <= HISTORY)
        ]
        anchor = [i for i, c in enumerate(clauses) if INFUSION_WORD.search(c) or COURSE.search(c)] or [0]
        if not answering:  # the time of the infusion is said next to it, not two clauses away
            times = [(i, t) for i, t in times if min(abs(i - a) for a in anchor) <= 1]
        if times:
            i, (start, margin) = min(times, key=lambda it: min(abs(it[0] - a) for a in anchor))
            said = _trim(", ".join(clauses[min([i, *running]) : max([i, *running]) + 1]))
            hours = (local_now - start).total_seconds() / 3600
            if hours < -margin:  # a time still to come: not when the infusion started
                if running or answering:
                    return InfusionTime(None, bool(running), said, said_at=said_at)
                continue
            hours = max(0.0, hours)
            return InfusionTime(
                round(hours, 1),
                bool(running),
                said,
                margin,
                started_at=(now_utc - timedelta(hours=hours)).isoformat(),
                said_at=said_at,
            )
        if running:
            return InfusionTime(None, True, _trim(clauses[running[0]]), said_at=said_at)
        # today's dose of a multi-day course ("day 2 of 5"), or "today" without a time: the hours are not known
        if course := next((c for c in clauses if COURSE.search(c) or TODAY.search(c)), None):
            return InfusionTime(None, False, _trim(course), said_at=said_at)
        if answering and (unsure := next((c for c in clauses if NOT_SURE.search(c)), None)):
            return InfusionTime(None, False, _trim(unsure), said_at=said_at)
    return None


def _running(clause: str, answering: bool) -> bool:
    if NOT_RUNNING.search(clause):
        return False
    return bool(RUNNING.search(clause) or (answering and RUNNING_ANSWER.search(clause)))


def _time_in(clause: str, local_now: datetime, zone, tz: str) -> tuple[datetime, float] | None:
    """The infusion's start in one clause, and how far off it may be; None if the clause holds no time."""
    if not TIME_HINT.search(clause):
        return None
    text, margin = _normalise(clause.lower())
    import dateparser  # lazy: a 1.5 s import
    from dateparser.search import search_dates

    settings = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": local_now.replace(tzinfo=None),
        "TIMEZONE": tz,
        "RETURN_AS_TIMEZONE_AWARE": True,
    }
    found = [
        (words, when)
        for words, when in (search_dates(text, languages=["en"], settings=settings) or [])
        if TIME_FOUND.search(words) and not re.fullmatch(r"\s*\d+\s*", words)
    ]
    if not found:
        return None
    words, when = found[0]
    # search_dates finds the words; parse reads clock times better ("at 8am" is not August)
    when = (dateparser.parse(words, languages=["en"], settings=settings) or when).astimezone(zone)
    has_clock = re.search(r"\d:\d\d|\d\s*(?:am|pm)", words)
    if not has_clock and TODAY.search(words) and not re.search(r"\bago\b", words):
        return None  # "today" without a time: some time today, not now (the reader says "today")
    relative = re.search(r"\bago\b|yesterday|today|tonight", words)
    if margin is None:
        if re.search(r"\d+\s*(?:minutes?|mins?)\b", words):
            margin = 0.25
        elif re.search(r"\b(?:hours?|hrs?)\b", words) or has_clock:
            margin = 0.5
        elif re.search(r"\bmonths?\b", words):
            margin = 15 * 24
        elif re.search(r"\bweeks?\b", words):
            margin = 3.5 * 24
        else:
            margin = 12.0
    if not has_clock and not relative:  # "on Monday", "1 December": some time that day, say midday
        when = when.replace(hour=12, minute=0, second=0, microsecond=0)
    if has_clock and not re.search(rf"\b(?:yesterday|today|{_DAYS}|{_MONTHS})\b|/|\bago\b", words):
        # a clock time alone: today's, or yesterday's if later than now ("started at 7pm", said at 3pm).
        # (dateparser 1.2 picks the day by the UTC clock when a time zone is set: not relied on)
        when = local_now.replace(hour=when.hour, minute=when.minute, second=0, microsecond=0)
        if when > local_now:
            when -= timedelta(days=1)
    if FINISHED.search(clause) and not re.search(r"\bstart\w*|\bbegan\b", clause, re.I):
        when -= timedelta(hours=INFUSION_HOURS)  # the end was said: it started about an infusion's length before
        margin += 1.0
    if FUTURE.search(clause):
        return (local_now + timedelta(days=1), 0.0)  # "tomorrow", "in 2 hours": still to come
    return when, margin


# Short day names that are ordinary words ("been sat by the fire", "the sun", "they wed"): a day only after
# "on", "last", "this", "next", "since", "from", "by", "until" or "till" ("on Sat", "since Sun").
ORDINARY_WORD = re.compile(
    r"(?<!\bon )(?<!\blast )(?<!\bthis )(?<!\bnext )(?<!\bsince )(?<!\bfrom )"
    r"(?<!\bby )(?<!\buntil )(?<!\btill )\b(?:sat|sun|wed|mon)\b(?!\s*\d)",
    re.I,
)


def _normalise(clause: str) -> tuple[str, float | None]:
    """Say it the way dateparser reads it: part-of-day words as clock times, "a couple of hours" as 2."""
    margin = None
    text = re.sub(
        rf"\b\d+(?:st|nd|rd|th)\s+(?=(?:lot of |dose of |round of )?(?:{_INFUSION}|lot|dose|round|time|course|"
        rf"day|cycle)\b)",
        "",
        clause,
    )  # "my 3rd IVIG": a count, not the 3rd of a month
    text = AGE_PHRASE.sub(" ", text)  # "my 8 yr old had her IVIG this afternoon": an age, not 8 years ago
    text = ORDINARY_WORD.sub(" ", text)  # "I've been sat by the fire": seated, not Saturday
    text = re.sub(r"\bhalf an hour\b", "30 minutes", text)
    text = re.sub(r"\b(?:an|one) hour and a half\b", "90 minutes", text)
    text = re.sub(r"\ba couple(?: of)?\b", "2", text)
    text = re.sub(r"\ba few\b", "3", text)
    text = re.sub(rf"\blast ({_DAYS})\b", r"\1", text)
    text = re.sub(rf"\bthis ({_DAYS})\b", r"\1", text)
    text = re.sub(r"\b(\d{1,2})\.(\d\d)\b", r"\1:\2", text)
    text = re.sub(r"\b(\d{1,2})\s*o'?clock\b", r"at \1", text)
    part = re.search(
        rf"\b(?:(this|yesterday|last|{_DAYS})\s+|in the\s+|at\s+)?(morning|afternoon|lunchtime|lunch|noon|"
        r"midday|evening|night)\b",
        text,
    )
    if part:
        prefix, when = part.group(1), part.group(2)
        if prefix == "last":  # "last night"
            day = "yesterday"
        elif prefix in (None, "this"):  # "in the morning" on a day said elsewhere, else today
            day = "" if re.search(rf"\byesterday\b|\b{_DAYS}\b", text) else "today"
        else:
            day = prefix
        clock = re.search(r"\b(?:at|around|about|by)\s+(\d{1,2})(?::(\d\d))?\s*(am|pm)?\b", text)
        if clock:  # "this afternoon at 2": the clock time, on the right side of noon
            afternoon = when in ("afternoon", "evening", "night") or clock.group(3) == "pm"
            at = f"{int(clock.group(1)) % 12 + (12 if afternoon else 0)}:{clock.group(2) or '00'}"
            margin = 0.5
        else:
            at, margin = PART_OF_DAY[when], 3.0
        text = f"{text[: part.start()]} {day} {at} {text[part.end() :]}"
        if clock:
            text = re.sub(r"\b(?:at|around|about|by)\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?\b", " ", text, count=1)

    # "at 9": an hour, not September; without am/pm, 1 to 6 are afternoon (an infusion centre's day)
    def _hour(m: re.Match) -> str:
        hour = int(m.group(2))
        return f"{m.group(1)} {hour + 12 if 1 <= hour <= 6 else hour}:00"

    text = re.sub(
        r"\b(at|around|about|by|from|since)\s+(\d{1,2})\b(?!\s*(?::|am|pm|a\.m|p\.m|hours?|hrs?|minutes?|mins?|"
        r"days?|weeks?|/|\.\d))",
        _hour,
        text,
    )
    return re.sub(r"\s+", " ", text).strip(), margin


def _trim(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()[:MAX_SAID_CHARS]


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _zone(tz: str):
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(tz)
    except Exception:
        return UTC


def warm_up(tz: str = "UTC") -> None:
    """Import dateparser and load its English data and the clinic's time zone now (about 1.5 s), not
    during a patient's turn."""
    for text in ("my infusion was 2 hours ago", "my infusion was yesterday afternoon", "my drip was on Monday at 9"):
        read_infusion_time(text, datetime.now(UTC), tz)


# ---------------------------------------------------------------- what the timeline changes


def nurse_first(infusion: InfusionTime | None) -> bool:
    """Running now, or started within the first hour: the infusion nurse can slow or stop the drip."""
    if infusion is None:
        return False
    hours = infusion.hours_since_start
    return infusion.in_progress or (hours is not None and hours <= NURSE_FIRST_HOURS)


def beyond_mild_window(infusion: InfusionTime | None) -> bool:
    """Mild effects should have settled by now (about 72 hours after the infusion)."""
    hours = infusion.hours_since_start if infusion else None
    return bool(infusion and not infusion.in_progress and hours is not None and hours >= MILD_EFFECTS_SETTLE_HOURS)


def open_windows(hours_since_start: float | None) -> tuple[Window, ...]:
    """The windows not yet closed, soonest closing first (all of them when the time is not known)."""
    windows = [w for w in TIMELINE if hours_since_start is None or hours_since_start < w.until_hours]
    return tuple(sorted(windows, key=lambda w: w.until_hours))


def watch_for(hours_since_start: float | None, settings: Settings | None = None) -> list[str]:
    """What can still come after this infusion and until when, one sentence each; nothing whose window
    has passed. Unknown time: the whole list."""
    if settings is None:
        from bot.settings import load_settings

        settings = load_settings()
    lines = []
    for w in open_windows(hours_since_start):
        when = f"Until about {_duration(w.until_hours)} after the infusion started"
        if hours_since_start is not None:
            when += f" ({_remaining(w.until_hours - hours_since_start)})"
        if w.level == MANAGE_AT_HOME:
            lines.append(
                f"Mild effects ({w.signs}) usually settle within about {_duration(w.until_hours)} of the "
                "infusion: if they last longer, call the doctor."
            )
        elif w.level == EMERGENCY:
            lines.append(f"{when}: {w.signs}. Call {settings.emergency_number} if any of these start.")
        else:
            lines.append(f"{when}: {w.signs}. Call the doctor right away if any of these start.")
    return lines


def _duration(hours: float) -> str:
    return f"{hours:g} hours" if hours < 24 else f"{round(hours / 24)} days"


def _remaining(hours: float) -> str:
    if hours < 1:
        return "less than an hour from now"
    if hours < 48:
        return f"about {round(hours)} more hour{'s' if round(hours) != 1 else ''}"
    return f"about {round(hours / 24)} more days"


def needs_infusion_time(findings: Findings, previous_level: str | None = None) -> bool:
    """Ask when the infusion was? Only when nothing was said about it and the answer can change the
    level or the advice: a mild disposition (the time can make it call_doctor_now, put the nurse
    first, or shorten what to watch for). A red flag is answered at once, without asking."""
    if findings.infusion is not None:
        return False
    from bot.triage import assess  # triage reads this module's rules

    return assess(findings, previous_level=previous_level).level == MANAGE_AT_HOME
