"""The words of a disposition: what to do now, home care, what to watch for. Never a diagnosis.

Home care follows the IVIG article: stay hydrated; over-the-counter pain medicine only if the
doctor recommended it. For an emergency the emergency number comes first, with nothing long before it.
"""
from bot import lexicon
from bot.findings import Findings
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.settings import Settings
from bot.triage import Disposition

HEADLINES = {
    EMERGENCY: "Call {emergency_number} now.",
    CALL_DOCTOR_NOW: "Call your doctor now: {clinic_name}, {clinic_phone}.",
    MANAGE_AT_HOME: "This sounds like a mild, common reaction to IVIG that you can manage at home.",
}
RULE_NAMES = {
    "headache_with_stiff_neck": "a headache with a stiff neck",
    "high_fever": "a high fever",
    "fever_not_measured": "a fever you could not measure",
    "unknown_symptom": "a symptom I cannot assess",
}


def name_of(symptom_or_rule: str) -> str:
    if symptom_or_rule in lexicon.SYMPTOMS:
        return lexicon.SYMPTOMS[symptom_or_rule].name
    return RULE_NAMES.get(symptom_or_rule, symptom_or_rule.replace("_", " "))


def listing(items, conjunction: str = "and") -> str:
    items = list(dict.fromkeys(items))
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def watch_for(s: Settings) -> str:
    return (f"Call your doctor right away if you get trouble breathing, a tight chest, a severe or spreading rash, "
            f"a temperature of {s.high_fever_celsius:g} °C ({s.high_fever_fahrenheit:g} °F) or more, a severe "
            f"headache or a stiff neck, or vomiting.")


def call_emergency_if(s: Settings) -> str:
    return (f"Call {s.emergency_number} if your throat, tongue or lips swell, your lips turn blue, you cannot "
            f"breathe, you faint, or you have crushing chest pain.")


def advice_for(d: Disposition, findings: Findings, s: Settings) -> list[str]:
    red_flag_names = listing(name_of(r) for r in d.red_flags) if d.red_flags else ""
    if d.level == EMERGENCY:
        return [
            f"Call {s.emergency_number} now.",
            f"{red_flag_names[:1].upper() + red_flag_names[1:]} can be life-threatening. Do not drive yourself; "
            "if you are alone, unlock the door and stay on the phone.",
            f"When you can, let {s.clinic_name} know at {s.clinic_phone}.",
        ]
    if d.level == CALL_DOCTOR_NOW:
        return [
            f"Call {s.clinic_name} now at {s.clinic_phone} and tell them you had an IVIG infusion and have "
            f"{red_flag_names}. This needs a doctor's advice today.",
            f"If you cannot reach them, or if you get worse, call {s.emergency_number}.",
            call_emergency_if(s),
            "Until you have spoken to them, rest and keep drinking water.",
        ]
    care = ["Drink plenty of water today and tomorrow: staying hydrated helps your body cope with the infusion.",
            "Rest. If your doctor has recommended an over-the-counter pain medicine, you can take it as directed; "
            "do not start a medicine they have not recommended."]
    if "infusion_site_irritation" in findings.symptoms:
        care.append("For the infusion site: keep it clean and dry, and a cool, damp cloth for 10 minutes at a "
                    "time can ease redness or soreness. Call if it becomes hot, very swollen or oozes.")
    return care + [
        watch_for(s),
        call_emergency_if(s),
        f"Call {s.clinic_name} at {s.clinic_phone} if your symptoms get worse, new ones start, or you are "
        f"worried. Older adults have a higher risk of serious side effects, so call sooner rather than later.",
    ]


def summary(d: Disposition, findings: Findings) -> str:
    lines = []
    implied = {lexicon.GENERAL_FORM[x] for x in d.symptoms if x in lexicon.GENERAL_FORM} | (
        {"fever"} if "high_fever" in d.symptoms else set())
    reported = [x for x in d.symptoms if x not in implied]
    if reported:
        lines.append(f"You told me you have {listing(name_of(x) for x in reported)}.")
    if d.denied:
        lines.append(f"You told me you do not have {listing((name_of(x) for x in d.denied), 'or')}.")
    if findings.temperature_c is not None:
        fahrenheit = findings.temperature_c * 9 / 5 + 32
        lines.append(f"Your temperature: {findings.temperature_c:.1f} °C ({fahrenheit:.1f} °F).")
    if findings.infusion_time:
        lines.append(f"Your infusion: {findings.infusion_time}.")
    return " ".join(lines)


def message_for(d: Disposition, findings: Findings, s: Settings) -> tuple[str, list[str]]:
    """The plain-language message and its advice list, for the disposition contract."""
    advice = advice_for(d, findings, s)
    not_a_diagnosis = "This is not a diagnosis: only a doctor can tell what is causing your symptoms."
    if d.level == EMERGENCY:  # the number first, nothing long before it
        parts = advice + [summary(d, findings), not_a_diagnosis]
    else:
        parts = [HEADLINES[d.level].format(**s.__dict__), summary(d, findings), not_a_diagnosis]
        parts += [f"• {a}" for a in advice]
    return "\n".join(p for p in parts if p), advice


def triage_payload(d: Disposition, advice: list[str]) -> dict:
    """The machine-readable disposition contract (see README)."""
    return {"triage": {"level": d.level, "red_flags": list(d.red_flags), "symptoms": list(d.symptoms),
                       "denied": list(d.denied), "advice": advice}}
