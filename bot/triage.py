"""Triage rules: from findings to a disposition. Deterministic; the most serious level wins.

Every symptom carries its own level (see `lexicon.py`); the rules below add what only a
combination or a measurement shows. A level is never lowered within a conversation.
"""

from collections.abc import Callable
from dataclasses import dataclass

from bot import lexicon
from bot.findings import Findings
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.settings import Settings, load_settings
from bot.timeline import beyond_mild_window

LEVELS = (MANAGE_AT_HOME, CALL_DOCTOR_NOW, EMERGENCY)  # least to most serious
HEADACHES = {"headache", "severe_headache", "worst_headache"}
FEVERS = {"fever", "high_fever"}
MILD_FEVER_FROM_C = 37.5  # a measured temperature from here on counts as a fever
RAISED_FROM_C = 37.0  # above normal: a temperature reported from here on is assessed (mild) even under the fever mark


def more_serious(a: str | None, b: str | None) -> str | None:
    return max((x for x in (a, b) if x), key=LEVELS.index, default=None)


@dataclass(frozen=True)
class Rule:
    id: str
    level: str
    why: str
    applies: Callable[[Findings, Settings], bool]


RULES = (
    Rule(
        "headache_with_stiff_neck",
        CALL_DOCTOR_NOW,
        "a headache with a stiff neck",
        lambda f, s: bool(HEADACHES & f.symptoms) and "neck_stiffness" in f.symptoms,
    ),
    Rule(
        "high_fever",
        CALL_DOCTOR_NOW,
        "a temperature at or above the high-fever mark",
        lambda f, s: f.temperature_c is not None and f.temperature_c >= s.high_fever_celsius,
    ),
    Rule(
        "fever_not_measured",
        CALL_DOCTOR_NOW,
        "a fever whose temperature could not be measured",
        lambda f, s: f.temperature_unknown and bool(FEVERS & f.symptoms),
    ),
    # Cold, clammy or grey skin with chest pain or breathlessness: a heart attack or shock until shown otherwise.
    Rule(
        "chest_or_breathing_with_clammy_skin",
        EMERGENCY,
        "chest pain or difficulty breathing with cold, clammy or grey skin",
        lambda f, s: "clammy_skin" in f.symptoms and bool({"chest_tightness", "breathing_difficulty"} & f.symptoms),
    ),
    Rule("unknown_symptom", CALL_DOCTOR_NOW, "a symptom this assistant cannot assess", lambda f, s: f.unknown_symptom),
    # Mild effects usually settle within about 72 hours of the infusion (bot/timeline.py): a symptom
    # then is no longer the expected short-lived effect.
    Rule(
        "mild_symptoms_beyond_72_hours",
        CALL_DOCTOR_NOW,
        "symptoms more than about 72 hours after the infusion",
        lambda f, s: (
            beyond_mild_window(f.infusion)
            and (bool(f.symptoms) or (f.temperature_c is not None and f.temperature_c >= MILD_FEVER_FROM_C))
        ),
    ),
    Rule(
        "raised_temperature",
        MANAGE_AT_HOME,
        "a temperature above normal but under the fever mark",
        lambda f, s: f.temperature_c is not None and RAISED_FROM_C <= f.temperature_c < MILD_FEVER_FROM_C,
    ),
)


@dataclass(frozen=True)
class Disposition:
    level: str | None  # None: nothing to assess yet
    red_flags: tuple[str, ...]  # the rules that made this more than "manage at home"
    symptoms: tuple[str, ...]
    denied: tuple[str, ...]
    rules_fired: tuple[str, ...]  # every rule that applied, mild ones included (for the audit)

    @property
    def is_red_flag(self) -> bool:
        return self.level in (CALL_DOCTOR_NOW, EMERGENCY)


def assess(findings: Findings, previous_level: str | None = None, settings: Settings | None = None) -> Disposition:
    settings = settings or load_settings()
    symptoms = set(findings.symptoms)
    if findings.temperature_c is not None and findings.temperature_c >= MILD_FEVER_FROM_C:
        symptoms.add("fever")
    if findings.temperature_c is not None and findings.temperature_c >= settings.high_fever_celsius:
        symptoms.add("high_fever")
    fired = {s: lexicon.SYMPTOMS[s].level for s in symptoms}
    fired |= {r.id: r.level for r in RULES if r.applies(findings, settings)}
    level = more_serious(previous_level, max(fired.values(), key=LEVELS.index) if fired else None)
    red_flags = tuple(sorted(r for r, lv in fired.items() if lv != MANAGE_AT_HOME))
    return Disposition(
        level, red_flags, tuple(sorted(symptoms)), tuple(sorted(findings.denied - symptoms)), tuple(sorted(fired))
    )
