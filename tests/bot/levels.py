"""The level the rules give a single message: the helper of the round-by-round words tests."""

from bot.findings import extract
from bot.triage import assess


def level(text: str) -> str | None:
    return assess(extract(text)).level
