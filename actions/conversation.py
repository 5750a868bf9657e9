"""Reading a conversation's findings from the tracker, and logging without patient text."""
import json
import logging
from typing import Any, Dict, Optional

from rasa_sdk import Tracker

from bot import lexicon
from bot.findings import Findings

QUESTION_SLOTS = tuple(lexicon.FOLLOW_UP_QUESTIONS)  # yes/no follow-ups, one per symptom
FORM_SLOTS = QUESTION_SLOTS + ("temperature", "infusion_time")
UNKNOWN = "unknown"

logger = logging.getLogger("triage")


def message_findings(tracker: Tracker) -> Findings:
    """Findings of the latest message, as the SymptomScanner NLU component wrote them."""
    return Findings.from_dict(tracker.latest_message.get("triage_findings"))


def classifier_intent(tracker: Tracker) -> Optional[str]:
    """The intent the classifier gave, before the scanner re-routed a symptom report."""
    message = tracker.latest_message
    return message.get("intent_before_scan") or (message.get("intent") or {}).get("name")


def stored_findings(tracker: Tracker) -> Findings:
    return Findings.from_dict(tracker.get_slot("findings"))


def conversation_findings(tracker: Tracker) -> Findings:
    """Everything said so far: stored findings, the latest message, and the form's answers."""
    findings = stored_findings(tracker).merge(message_findings(tracker))
    for question in QUESTION_SLOTS:
        answer = tracker.get_slot(question)
        if answer is not None:
            findings = findings.with_answer(question, bool(answer))
    temperature = tracker.get_slot("temperature")
    if temperature == UNKNOWN:
        findings = findings.merge(Findings(temperature_unknown=True))
    elif temperature is not None:
        findings = findings.merge(Findings(temperature_c=float(temperature)))
    if tracker.get_slot("infusion_time"):
        findings = findings.merge(Findings(infusion_time=tracker.get_slot("infusion_time")))
    return findings


def model_version(tracker: Tracker) -> str:
    """The Rasa model that read the patient's message: the `model_id` Rasa puts in each event's metadata."""
    for event in reversed(tracker.events or []):
        model_id = (event.get("metadata") or {}).get("model_id")
        if model_id:
            return str(model_id)
    return "unknown"


def log_event(event: str, tracker: Tracker, **fields: Any) -> None:
    """One JSON line per event; ids and levels only, never the patient's words."""
    record: Dict[str, Any] = {"event": event, "conversation": tracker.sender_id, **fields}
    logger.info(json.dumps(record, sort_keys=True))
