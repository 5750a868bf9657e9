"""Numbers patients read off a home device: oxygen saturation ("sats 91", "SpO2 is 89%", "my oximeter
says 93"), heart rate ("pulse 128", "heart rate 130", "140 bpm") and blood pressure ("165/100", "bp 170
over 105"). Plain regex, no spaCy.

The marks are a triage nurse's: an oxygen level under 92 % is an emergency, 92-94 % a call to the
doctor; a heart rate of 120 or more (at rest, as patients who write it mean) a call to the doctor; a
blood pressure of 160/100 or more, or a top number under 90, a call to the doctor (not on the mild list).
The lowest oxygen and the highest rate in a message count: a possible red flag is never dropped.
"""

import re

OXYGEN_EMERGENCY_BELOW = 92
OXYGEN_CALL_BELOW = 95
HEART_RATE_CALL_FROM = 120
SYSTOLIC_CALL_FROM, DIASTOLIC_CALL_FROM, SYSTOLIC_CALL_BELOW = 160, 100, 90

LOW_OXYGEN, LOWISH_OXYGEN, FAST_HEART_RATE = "low_oxygen", "lowish_oxygen", "fast_heart_rate"
HIGH_BLOOD_PRESSURE, LOW_BLOOD_PRESSURE = "high_blood_pressure", "low_blood_pressure"

_GAP = r"[^\d\n]{0,24}?"  # "sats are only", "oxygen level on the finger thing says"
_OXYGEN = re.compile(
    r"\b(?:o2|spo2|sp02|sats?|saturations?|saturating|oxygen|oximeter|pulse ?ox|ox(?:imeter)? reading"
    r"|finger ?(?:thing|thingy|monitor|clip|probe|gadget|meter|device|sensor))\b"
    + _GAP
    + r"(?<![\d.])(\d{2,3})(?![\d.]\d)\s*(?:%|percent|per cent)?",
    re.IGNORECASE,
)
_RATE_AFTER = re.compile(
    r"\b(?:pulse|heart ?rate|hr|heart ?beat|heart(?: is|'s)?(?: going| running| beating| sitting| racing)? at)\b"
    + _GAP
    + r"(?<![\d.])(\d{2,3})\b",
    re.IGNORECASE,
)
_LATER_RATE = re.compile(
    r"(?<![\d.,/])(\d{2,3})(?![\d.,]\d|\s*(?:%|percent|°|degrees|c\b|f\b|/))", re.IGNORECASE
)  # not a blood pressure's "128/76"
LATER_RATE_CHARS = 50
# Another measure named after the rate ("HR 82, BP 128/76, sats 97"): the numbers from there on are its own.
_OTHER_MEASURE = re.compile(
    r"(?<!')\b(?:bp|blood pressure|pressure|sats?|spo2|sp02|o2|oxygen|temp|temperature|t(?=\s*\d)|rr|resp(?:irations?)?|"
    r"weight|weighs|age|aged|glucose|sugar|bm)\b",
    re.IGNORECASE,
)
_RATE_BEFORE = re.compile(r"(?<![\d.])(\d{2,3})\s*(?:bpm|beats (?:a|per|each) min(?:ute)?)\b", re.IGNORECASE)
_OXIMETER_WORDS = re.compile(r"\b(?:pulse ?ox|oximeter|o2|spo2|sats?|oxygen)\b", re.IGNORECASE)


def oxygen_levels(text: str) -> list[int]:
    """Oxygen saturations said in `text` (plausible values only: 50-100 %)."""
    return [int(m.group(1)) for m in _OXYGEN.finditer(text or "") if 50 <= int(m.group(1)) <= 100]


def _rates(text: str) -> list[tuple[int, int]]:
    """(where, rate) of each heart rate said in `text`. A pulse oximeter's number beside "oxygen" is the oxygen."""
    found = [(m.start(1), int(m.group(1))) for m in _RATE_BEFORE.finditer(text)]
    for m in _RATE_AFTER.finditer(text):
        if _OXIMETER_WORDS.search(m.group(0)):
            continue
        found.append((m.start(1), int(m.group(1))))
        # a rate said again in the same breath: "80, no wait, it's jumped to 135"
        after = text[m.end() : m.end() + LATER_RATE_CHARS]
        other = _OTHER_MEASURE.search(after)
        found += [
            (m.end() + n.start(1), int(n.group(1)))
            for n in _LATER_RATE.finditer(after[: other.start()] if other else after)
        ]
    return found


def heart_rates(text: str) -> list[int]:
    """Heart rates said in `text` (30-250 a minute)."""
    return [r for _, r in _rates(text or "") if 30 <= r <= 250]


def measured_at(text: str) -> set[int]:
    """Where the numbers read as a heart rate or an oxygen level start: none of them is a temperature
    ("pulse 104, temp normal")."""
    text = text or ""
    return {i for i, _ in _rates(text)} | {m.start(1) for m in _OXYGEN.finditer(text)}


def heart_rates_answered(text: str) -> list[int]:
    """The numbers of an answer to "is your heart racing?" ("it's 70ish", "about 125"): heart rates."""
    said = heart_rates(text) or [
        int(n) for n in re.findall(r"(?<![\d.])(\d{2,3})(?![\d.]|\s*(?:°|degrees|%))", text or "")
    ]
    return [r for r in said if 30 <= r <= 250]


# "165/100", "bp 170 over 105": a top number of 70-260 over a bottom one of 40-160 (not "7/10", not a date)
_PRESSURE = re.compile(r"(?<![\d./])(\d{2,3})\s*(?:/|over)\s*(\d{2,3})(?![\d./])", re.IGNORECASE)
_USUAL = re.compile(r"\b(usually|normally|my normal|my usual|normal for me|used to be)\b", re.IGNORECASE)


def blood_pressures(text: str) -> list[tuple[int, int]]:
    """(top, bottom) of each blood pressure said in `text`, but one said to be the usual ("I'm usually 120/80")."""
    found = []
    for clause in re.split(r"[,.;!?\n]|\bbut\b", text or ""):
        if _USUAL.search(clause):
            continue
        for m in _PRESSURE.finditer(clause):
            top, bottom = int(m.group(1)), int(m.group(2))
            if 70 <= top <= 260 and 40 <= bottom <= 160 and top > bottom:
                found.append((top, bottom))
    return found


def signs(text: str) -> set[str]:
    """The symptom ids (lexicon.py) that the numbers in `text` amount to."""
    found = set()
    oxygen = oxygen_levels(text)
    if oxygen and min(oxygen) < OXYGEN_EMERGENCY_BELOW:
        found.add(LOW_OXYGEN)
    elif oxygen and min(oxygen) < OXYGEN_CALL_BELOW:
        found.add(LOWISH_OXYGEN)
    if max(heart_rates(text), default=0) >= HEART_RATE_CALL_FROM:
        found.add(FAST_HEART_RATE)
    pressures = blood_pressures(text)
    if any(top >= SYSTOLIC_CALL_FROM or bottom >= DIASTOLIC_CALL_FROM for top, bottom in pressures):
        found.add(HIGH_BLOOD_PRESSURE)
    if any(top < SYSTOLIC_CALL_BELOW for top, _ in pressures):
        found.add(LOW_BLOOD_PRESSURE)
    return found
