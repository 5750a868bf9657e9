"""The nurse hand-off: a short summary a clinician can read in seconds, for call_doctor_now and emergency.

It says what the patient reported in their own words, what they denied, when the infusion was, the
level and why. The patient sees it (to read out on the phone), the audit export keeps it, and the
clinic's escalation webhook gets it. It is built from the findings only: no diagnosis, nothing new.
"""

from datetime import datetime

from bot.advice import NO_INFUSION_TIME, infusion_words, listing, reasons, told, told_summary, watch_list
from bot.dialogue import words_for
from bot.findings import Findings
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY
from bot.settings import Settings
from bot.triage import Disposition

HANDOFF_LEVELS = (CALL_DOCTOR_NOW, EMERGENCY)
LEVEL_WORDS = {EMERGENCY: "EMERGENCY", CALL_DOCTOR_NOW: "call the doctor now"}


def needs_handoff(d: Disposition) -> bool:
    return d.level in HANDOFF_LEVELS


def reference_of(audit_id: str) -> str:
    """The short reference the patient reads out; the nurse finds the full record by it."""
    return audit_id[:8].upper()


def handoff_summary(
    d: Disposition,
    findings: Findings,
    settings: Settings,
    *,
    conversation_id: str,
    audit_id: str,
    recorded_at: datetime,
) -> dict:
    """The hand-off as data (JSON-ready): for the audit export and the webhook. The words are the
    caller's voice of what the card says (bot.advice: reasons, told)."""
    reported, denied = told(d, speaker="I", subject=findings.subject)
    return {
        "reference": reference_of(audit_id),
        "audit_id": audit_id,
        "conversation_id": conversation_id,
        "time_utc": recorded_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "clinic": settings.clinic_name,
        "level": d.level,
        "why": reasons(d, speaker="I", subject=findings.subject),
        "red_flags": list(d.red_flags),
        "patient_words": list(findings.patient_words),
        "reported": reported,
        "denied": denied,
        "temperature_c": findings.temperature_c,
        "temperature_not_measured": bool(findings.temperature_unknown and findings.temperature_c is None),
        "infusion_time": findings.infusion_time,  # the patient's words (as before the timeline)
        "infusion": findings.infusion.contract() if findings.infusion else dict(NO_INFUSION_TIME),
        "infusion_words": infusion_words(findings.infusion),
        "watch_for": watch_list(d, findings, settings),
        "subject": findings.subject,  # None: the caller is the patient; else "he", "she" or "they"
    }


def handoff_text(summary: dict) -> str:
    """The hand-off in the patient's voice, to read out to the nurse or the emergency call-taker."""
    lines = [
        "When you call, you can read this out:",
        f"Urgency: {LEVEL_WORDS.get(summary['level'], summary['level'])}"
        + (f", because of {listing(summary['why'])}." if summary["why"] else "."),
    ]
    if summary["patient_words"]:
        lines.append("In my words: " + ", ".join(f"\u201c{w}\u201d" for w in summary["patient_words"]) + ".")
    subject = summary.get("subject")  # absent from hand-offs recorded before it was kept
    lines += told_summary(summary["reported"], summary["denied"], speaker="I", subject=subject)
    whose = words_for(subject)["Your"] if subject else "My"
    if summary["temperature_c"] is not None:
        celsius = summary["temperature_c"]
        lines.append(f"{whose} temperature: {celsius:.1f} \u00b0C ({celsius * 9 / 5 + 32:.1f} \u00b0F).")
    elif summary["temperature_not_measured"]:
        lines.append(f"{whose} temperature: {'I' if not subject else 'we'} could not measure it.")
    infusion = summary.get("infusion_words", summary.get("infusion_time"))  # a summary stored before the timeline
    lines.append(f"{whose} IVIG infusion: {infusion or 'time not given'}.")
    lines.append(f"Reference: {summary['reference']} ({summary['time_utc']}).")
    return "\n".join(lines)
