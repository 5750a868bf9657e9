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
