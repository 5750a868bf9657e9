"""The words of a disposition: what to do now, home care, what to watch for. Never a diagnosis.

Home care follows the IVIG article: stay hydrated; over-the-counter pain medicine only if the
doctor recommended it. For an emergency the emergency number comes first, with nothing long before it,
except while the infusion is running: then the infusion nurse, who is there and can stop the drip,
comes first at every level (and within the first hour of the start, for the other levels, in case the
patient is still at the infusion centre). What to watch for follows the timeline (bot/timeline.py).
"""
from bot import lexicon, timeline
from bot.findings import Findings
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.settings import Settings
from bot.timeline import InfusionTime
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
    "mild_symptoms_beyond_72_hours": "symptoms more than 3 days after your infusion, when mild effects should have settled",
}
NURSE_NOW = "Tell your infusion nurse now: they can slow or stop the drip."
NURSE_IF_THERE = "Tell your infusion nurse now if you are still at the infusion centre: they can slow or stop the drip."


def name_of(symptom_or_rule: str) -> str:
    if symptom_or_rule in lexicon.SYMPTOMS:
        return lexicon.SYMPTOMS[symptom_or_rule].name
    return RULE_NAMES.get(symptom_or_rule, symptom_or_rule.replace("_", " "))


def listing(items, conjunction: str = "and") -> str:
    items = list(dict.fromkeys(items))
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def call_doctor_if(s: Settings) -> str:
    return (f"Call your doctor right away if you get trouble breathing, a tight chest, a severe or spreading rash, "
            f"a temperature of {s.high_fever_celsius:g} °C ({s.high_fever_fahrenheit:g} °F) or more, a severe "
            f"headache or a stiff neck, or vomiting.")


def call_emergency_if(s: Settings) -> str:
    return (f"Call {s.emergency_number} if your throat, tongue or lips swell, your lips turn blue, you cannot "
            f"breathe, you faint, or you have crushing chest pain.")


def nurse_line(d: Disposition, infusion: InfusionTime | None) -> str | None:
    """The first line when the infusion nurse can act: the drip is running, or it started within the hour
    (then, for an emergency, the emergency number stays first: the patient may have gone home)."""
    if infusion and infusion.in_progress:
        return NURSE_NOW
    if timeline.nurse_first(infusion) and d.level != EMERGENCY:
        return NURSE_IF_THERE
    return None


def watch_list(d: Disposition, findings: Findings, s: Settings) -> list[str]:
    """What can still come after this infusion, and until when (`custom.triage.watch_for`); none for an emergency."""
    if d.level == EMERGENCY:
        return []
    return timeline.watch_for(findings.infusion.earliest_hours if findings.infusion else None, s)


def advice_for(d: Disposition, findings: Findings, s: Settings) -> list[str]:
    nurse = nurse_line(d, findings.infusion)
    advice = _advice_for(d, findings, s)
    if nurse == NURSE_NOW and d.level == EMERGENCY:  # the nurse is there; the emergency number if not
        advice[0] = f"If no nurse is with you, call {s.emergency_number} now."
    return [nurse] + advice if nurse else advice


def _advice_for(d: Disposition, findings: Findings, s: Settings) -> list[str]:
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
    return care + [call_doctor_if(s)] + watch_list(d, findings, s) + [
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
    if infusion_words(findings.infusion):
        lines.append(f"Your infusion: {infusion_words(findings.infusion)}.")
    return " ".join(lines)


def infusion_words(infusion: InfusionTime | None) -> str | None:
    """When the infusion was: the patient's words, and how long ago that is or that it is running."""
    if infusion is None:
        return None
    if infusion.in_progress:
        known = "running now"
    elif infusion.hours_since_start is not None:
        hours = infusion.hours_since_start
        if hours < 1:
            known = "started less than an hour ago"
        elif hours < 48:
            known = f"started about {round(hours)} hour{'s' if round(hours) != 1 else ''} ago"
        else:
            known = f"started about {round(hours / 24)} days ago"
    else:
        known = None
    if infusion.said and known:
        return f"{infusion.said} ({known})"
    return infusion.said or known


def message_for(d: Disposition, findings: Findings, s: Settings) -> tuple[str, list[str]]:
    """The plain-language message and its advice list, for the disposition contract."""
    advice = advice_for(d, findings, s)
    not_a_diagnosis = "This is not a diagnosis: only a doctor can tell what is causing your symptoms."
    if d.level == EMERGENCY:  # the number first (or the nurse, at the drip), nothing long before it
        parts = advice + [summary(d, findings), not_a_diagnosis]
    else:
        nurse = advice[:1] if advice and advice[0] in (NURSE_NOW, NURSE_IF_THERE) else []
        parts = nurse + [HEADLINES[d.level].format(**s.__dict__), summary(d, findings), not_a_diagnosis]
        parts += [f"• {a}" for a in advice[len(nurse):]]
    return "\n".join(p for p in parts if p), advice


NO_INFUSION_TIME = {"hours_since_start": None, "in_progress": False, "said": None}


def triage_payload(d: Disposition, advice: list[str], findings: Findings | None = None,
                   s: Settings | None = None) -> dict:
    """The machine-readable disposition contract (see README)."""
    findings = findings or Findings()
    if s is None:
        from bot.settings import load_settings
        s = load_settings()
    return {"triage": {"level": d.level, "red_flags": list(d.red_flags), "symptoms": list(d.symptoms),
                       "denied": list(d.denied), "advice": advice,
                       "infusion": findings.infusion.contract() if findings.infusion else dict(NO_INFUSION_TIME),
                       "watch_for": watch_list(d, findings, s)}}
