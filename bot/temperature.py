"""Temperatures in patients' words: "38.5", "39,1", "101 F", "103 degrees", "37.8 C". Plain regex, no spaCy.

A number with no unit counts when it has decimals ("38.5"), is near a fever word, or the bot has
just asked for it; its scale follows from its size (34-44 is Celsius, 93-110 Fahrenheit). A percentage
("feeling 100%", "sats 97%") or a blood pressure ("100/60") is never a temperature.
"""

import re
from dataclasses import dataclass


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
    r"\b(fever|feverish|temp|temps|temperature|thermometer|degrees?|running|reading|read|celsius|fahrenheit)\b|°", re.I
)


def find_temperatures(text: str, expecting: bool = False) -> list[Temperature]:
    """Temperatures found in `text`, in °C."""
    found = []
    in_context = expecting or bool(_TEMPERATURE_CONTEXT.search(text))
    for m in _TEMPERATURE.finditer(text):
        value = float(m.group("number").replace(",", "."))
        unit = (m.group("unit") or "").lower()
        has_decimals = bool(re.search(r"[.,]\d", m.group("number")))
        if not unit and not in_context and not has_decimals:
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
