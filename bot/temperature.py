"""Temperatures in patients' words: "38.5", "39,1", "101 F", "103 degrees", "37.8 C". Plain regex, no spaCy.

A number with no unit counts when it has decimals ("38.5"), is in a message with a fever word (a
feeling of fever too: "101 and shivery"), opens the message as a clause of its own ("101, feel awful"),
or the bot has just asked for it; its scale follows from its size (34-44 is Celsius, 93-110 Fahrenheit).
A percentage ("feeling 100%", "sats 97%"), a blood pressure ("100/60") or a number read as a heart rate or
an oxygen level ("pulse 104, temp normal") is never a temperature.
"""

import re
from dataclasses import dataclass

from bot import vitals


@dataclass(frozen=True)
class Temperature:
    celsius: float
    text: str


_TEMPERATURE = re.compile(
    r"(?<![\d.,/])(?P<number>\d{2,3}(?:[.,]\d{1,2})?)(?![\d])(?!\s*(?:%|percent|per ?cent|/\s*\d))\s*"
    r"(?P<unit>(?:°|º|˚|degrees?|deg)?\s*(?:celsius|centigrade|fahrenheit|c|f)\b|°|º|˚|degrees?\b)?",
    re.IGNORECASE,
)
_TEMPERATURE_CONTEXT = re.compile(
    r"\b(fever|feverish|temp|temps|temperature|thermometer|degrees?|running|reading|read|celsius|fahrenheit"
    r"|hot|shivery|shivering|shivers|chills|chilly|rigou?rs|sweats|burning up|roasting|boiling)\b|°",
    re.I,
)
_ALONE = re.compile(
    r"^\W*(?:a\s+|about\s+|like\s+)?(\d{2,3})\s*(?:[,;!?]|\.(?!\d)|$)"
)  # "101, feel awful": the number is the message's news


_DIGITS = {"oh": "0", "o": "0", "zero": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4"}
_DIGITS |= {"five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_DIGIT = "|".join(_DIGITS)
SAID_DIGIT_BY_DIGIT = re.compile(
    rf"\bone[\s-]+(oh|o|zero|nought)[\s-]+({_DIGIT})\b(?:\s+point\s+({_DIGIT}|\d)\b)?", re.IGNORECASE
)


def in_digits(text: str) -> str:
    """A Fahrenheit reading said digit by digit as digits: "one oh three" is 103, "one oh one point five"
    101.5 (text2num reads "one hundred and three", not this)."""

    def digits(m: re.Match) -> str:
        whole = "1" + _DIGITS[m.group(1).lower()] + _DIGITS[m.group(2).lower()]
        tenth = m.group(3)
        return whole + ("." + _DIGITS.get(tenth.lower(), tenth) if tenth else "")

    return SAID_DIGIT_BY_DIGIT.sub(digits, text)


def find_temperatures(text: str, expecting: bool = False) -> list[Temperature]:
    """Temperatures found in `text`, in °C."""
    found = []
    in_context = expecting or bool(_TEMPERATURE_CONTEXT.search(text))
    alone = _ALONE.match(text)
    alone_at = alone.start(1) if alone else None
    measured: set[int] | None = None  # read only for a number with no unit (most messages have none)
    for m in _TEMPERATURE.finditer(text):
        value = float(m.group("number").replace(",", "."))
        unit = (m.group("unit") or "").lower()
        has_decimals = bool(re.search(r"[.,]\d", m.group("number")))
        if not unit:
            if not (in_context or has_decimals or m.start("number") == alone_at):
                continue
            measured = vitals.measured_at(text) if measured is None else measured
            if m.start("number") in measured:
                continue
        if unit.endswith(("f", "fahrenheit")) or (
            not unit.endswith(("c", "celsius", "centigrade")) and 93 <= value <= 110
        ):
            celsius = (value - 32) * 5 / 9
        else:
            celsius = value
        if 34 <= celsius <= 44:
            found.append(Temperature(round(celsius, 1), m.group(0).strip()))
    return found
