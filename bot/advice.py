"""The words of a disposition: what to do now, home care, what to watch for. Never a diagnosis.

Home care follows the IVIG article: stay hydrated; over-the-counter pain medicine only if the
doctor recommended it. For an emergency the emergency number comes first, with nothing long before it,
except while the infusion is running: then the infusion nurse, who is there and can stop the drip,
comes first at every level (and within the first hour of the start, for the other levels, in case the
patient is still at the infusion centre). What to watch for follows the timeline (bot/timeline.py).
"""

from bot import lexicon, timeline
from bot.dialogue import words_for
from bot.findings import Findings
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.settings import Settings
from bot.timeline import InfusionTime
from bot.triage import Disposition
from bot.wording import call_doctor_if, call_emergency_if

HEADLINES = {
    EMERGENCY: "Call {emergency_number} now.",
    CALL_DOCTOR_NOW: "Call your doctor now: {clinic_name}, {clinic_phone}.",
    MANAGE_AT_HOME: "This sounds like a mild, common reaction to IVIG that you can manage at home.",
}
RULE_NAMES = {  # in words that read the same from the helper and from the patient on the phone
    "headache_with_stiff_neck": "a headache with a stiff neck",
    "high_fever": "a high fever",
    "fever_not_measured": "a fever that could not be measured",
    "chest_or_breathing_with_clammy_skin": "chest pain or difficulty breathing with cold, clammy or grey skin",
    "unknown_symptom": "a symptom the helper does not recognize",
    "mild_symptoms_beyond_72_hours": "symptoms more than 3 days after your infusion, when mild effects should have settled",
}
NURSE_NOW = "Tell your infusion nurse now: they can slow or stop the drip."
NURSE_IF_THERE = "Tell your infusion nurse now if you are still at the infusion centre: they can slow or stop the drip."
HEADACHES_MOST_SERIOUS_FIRST = ("worst_headache", "severe_headache", "headache")
LEVEL_ORDER = (EMERGENCY, CALL_DOCTOR_NOW, MANAGE_AT_HOME)


def name_of(symptom_or_rule: str, speaker: str = "you", subject: str | None = None) -> str:
    """Plain words for an id, for the person they are about: `speaker="I"` is the patient's own voice
    ("the worst headache of my life"), `subject` someone else ("he": "... of his life")."""
    if symptom_or_rule in lexicon.SYMPTOMS:
        name = lexicon.SYMPTOMS[symptom_or_rule].name
    else:
        name = RULE_NAMES.get(symptom_or_rule, symptom_or_rule.replace("_", " "))
    whose = words_for(subject)["your"] if subject else ("my" if speaker == "I" else "your")
    return name.replace("your ", f"{whose} ")


def listing(items, conjunction: str = "and") -> str:
    """ "a, b and c"; with a comma before the last when a name has its own "or" or comma, so that
    "a severe or spreading rash, or swelling of the throat, tongue, lips or face" stays two things."""
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    serial = "," if any(" or " in x or " and " in x or "," in x for x in items) else ""
    return f"{', '.join(items[:-1])}{serial} {conjunction} {items[-1]}"


def _without_general_forms(ids) -> list[str]:
    """A severe headache is a headache, a high fever a fever: name the more serious form only."""
    ids = list(dict.fromkeys(ids))
    implied = {lexicon.GENERAL_FORM[x] for x in ids if x in lexicon.GENERAL_FORM}
    implied |= {"fever"} if "high_fever" in ids else set()
    return [x for x in ids if x not in implied]


def _level_of(symptom_or_rule: str) -> str:
    known = lexicon.SYMPTOMS.get(symptom_or_rule)
    return known.level if known else CALL_DOCTOR_NOW  # every rule of bot/triage.py is call_doctor_now


def reasons(d: Disposition, speaker: str = "you", at_level: str | None = None, subject: str | None = None) -> list[str]:
    """The red flags in plain words, each once, most serious first: one "a severe headache with a
    stiff neck", not "a headache with a stiff neck, a stiff neck and a severe headache"."""
    flags = _without_general_forms(d.red_flags)
    found = []  # (level, words)
    if "headache_with_stiff_neck" in flags:
        headache = next(h for h in HEADACHES_MOST_SERIOUS_FIRST if h in d.symptoms or h == "headache")
        found.append(
            (
                _level_of(headache) if headache in flags else CALL_DOCTOR_NOW,
                f"{name_of(headache, speaker, subject)} with a stiff neck",
            )
        )
        said = ("headache_with_stiff_neck", "neck_stiffness", *HEADACHES_MOST_SERIOUS_FIRST)
        flags = [x for x in flags if x not in said]
    found += [(_level_of(x), name_of(x, speaker, subject)) for x in flags]
    found.sort(key=lambda pair: LEVEL_ORDER.index(pair[0]))  # stable: the order of d.red_flags otherwise
    return [words for level, words in found if at_level in (None, level)]


def told(d: Disposition, speaker: str = "you", subject: str | None = None) -> tuple[list[str], list[str]]:
    """What the patient has and does not have, in plain words, each finding once."""
    have = _without_general_forms(d.symptoms)
    not_have = [x for x in d.denied if lexicon.GENERAL_FORM.get(x) not in d.denied]  # "no vomiting" says it all
    return [name_of(x, speaker, subject) for x in have], [name_of(x, speaker, subject) for x in not_have]


def told_summary(
    have: list[str], do_not_have: list[str], speaker: str = "you", subject: str | None = None
) -> list[str]:
    """The one place that says "you told me you have ... / you do not have ..." (the card, the REST
    text) or, in the caller's voice for the nurse hand-off, "I have ... / I do not have ..."; about
    someone else (`subject` "he"), "you told me he has ..." and "He has ..."."""
    w = words_for(subject)
    if speaker == "you":
        opening, have_verb, do_verb = f"You told me {w['you']}", w["have"], w["do"]
    elif subject is None:
        opening, have_verb, do_verb = "I", "have", "do"
    else:
        opening, have_verb, do_verb = w["You"], w["have"], w["do"]
    lines = []
    if have:
        lines.append(f"{opening} {have_verb} {listing(have)}.")
    if do_not_have:
        lines.append(f"{opening} {do_verb} not have {listing(do_not_have, 'or')}.")
    return lines


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


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
    subject, w = findings.subject, words_for(findings.subject)
    if d.level == EMERGENCY:
        dangerous = listing(reasons(d, at_level=EMERGENCY, subject=subject)) or listing(reasons(d, subject=subject))
        return [
            f"Call {s.emergency_number} now.",
            f"{_capital(dangerous)} can be life-threatening. Do not drive yourself; "
            + (f"stay with {w['them']}." if subject else "if you are alone, unlock the door and stay on the phone."),
            f"When you can, let {s.clinic_name} know at {s.clinic_phone}.",
        ]
    if d.level == CALL_DOCTOR_NOW:
        named = [r for r in reasons(d, subject=subject) if r != RULE_NAMES["unknown_symptom"]]
        tell = f"{w['have']} {listing(named)}" if named else f"describe what {w['you']} {w['feel']}"
        if named and "unknown_symptom" in d.red_flags:
            tell += f", and describe what else {w['you']} {w['feel']}"
        return [
            f"Call {s.clinic_name} now at {s.clinic_phone} and tell them {w['you']} had an IVIG infusion and {tell}. "
            "This needs a doctor's advice today.",
            f"If you cannot reach them, or if things get worse, call {s.emergency_number}.",
            call_emergency_if(s, w),
            "Until you have spoken to them, rest and keep drinking water."
            if not subject
            else f"Until you have spoken to them, let {w['them']} rest and keep drinking water.",
        ]
    care = (
        [
            "Drink plenty of water today and tomorrow: staying hydrated helps your body cope with the infusion.",
            "Rest. If your doctor has recommended an over-the-counter pain medicine, you can take it as directed; "
            "do not start a medicine they have not recommended.",
        ]
        if not subject
        else [
            f"Make sure {w['you']} {w['have']} plenty to drink today and tomorrow: staying hydrated helps "
            f"{w['your']} body cope with the infusion.",
            f"Let {w['them']} rest. If {w['your']} doctor has recommended an over-the-counter pain medicine, it can "
            "be taken as directed; do not start a medicine the doctor has not recommended.",
        ]
    )
    if "infusion_site_irritation" in findings.symptoms:
        care.append(
            "For the infusion site: keep it clean and dry, and a cool, damp cloth for 10 minutes at a "
            "time can ease redness or soreness. Call if it becomes hot, very swollen or oozes."
        )
    return (
        care
        + [call_doctor_if(s, w)]
        + watch_list(d, findings, s)
        + [
            call_emergency_if(s, w),
            f"Call {s.clinic_name} at {s.clinic_phone} if {w['your']} symptoms get worse, new ones start, "
            "or you are worried.",
        ]
    )


def summary(d: Disposition, findings: Findings) -> str:
    """What the patient told us, as the card and the REST text show it."""
    lines = told_summary(*told(d, subject=findings.subject), subject=findings.subject)
    whose = words_for(findings.subject)["Your"]
    if findings.temperature_c is not None:
        fahrenheit = findings.temperature_c * 9 / 5 + 32
        lines.append(f"{whose} temperature: {findings.temperature_c:.1f} °C ({fahrenheit:.1f} °F).")
    if infusion_words(findings.infusion):
        lines.append(f"{whose} infusion: {infusion_words(findings.infusion)}.")
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
    your = words_for(findings.subject)["your"]
    not_a_diagnosis = f"This is not a diagnosis: only a doctor can tell what is causing {your} symptoms."
    if d.level == EMERGENCY:  # the number first (or the nurse, at the drip), nothing long before it
        parts = advice + [summary(d, findings), not_a_diagnosis]
    else:
        nurse = advice[:1] if advice and advice[0] in (NURSE_NOW, NURSE_IF_THERE) else []
        assert d.level is not None  # only a disposition with a level is put into words
        parts = nurse + [HEADLINES[d.level].format(**s.__dict__), summary(d, findings), not_a_diagnosis]
        parts += [f"• {a}" for a in advice[len(nurse) :]]
    return "\n".join(p for p in parts if p), advice


NO_INFUSION_TIME = {"hours_since_start": None, "in_progress": False, "said": None}


def triage_payload(
    d: Disposition, advice: list[str], findings: Findings | None = None, s: Settings | None = None
) -> dict:
    """The machine-readable disposition contract (see README); `why` and `summary` are the words the
    widget shows, so that no client writes its own."""
    findings = findings or Findings()
    if s is None:
        from bot.settings import load_settings

        s = load_settings()
    return {
        "triage": {
            "level": d.level,
            "red_flags": list(d.red_flags),
            "symptoms": list(d.symptoms),
            "denied": list(d.denied),
            "advice": advice,
            "infusion": findings.infusion.contract() if findings.infusion else dict(NO_INFUSION_TIME),
            "watch_for": watch_list(d, findings, s),
            "why": listing(reasons(d, subject=findings.subject)),
            "summary": summary(d, findings),
        }
    }
