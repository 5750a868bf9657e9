"""Reading a conversation's findings and dialogue state from the tracker, and logging without patient text."""

import json
import logging
import threading
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from rasa_sdk import Tracker

from bot import timeline
from bot.dialogue import State
from bot.findings import Findings
from bot.settings import load_settings

FORM = "triage_form"
REPORT_INTENTS = ("report_symptoms", "report_emergency")

logger = logging.getLogger("triage")
# dateparser takes about 1.5 s to import: pay it at start, not in a patient's first turn.
threading.Thread(
    target=lambda: timeline.warm_up(load_settings().time_zone), name="timeline-warm-up", daemon=True
).start()


def message_findings(tracker: Tracker) -> Findings:
    """Findings of the latest message, as the SymptomScanner NLU component wrote them, and when the
    infusion was if the message says it (bot.timeline: "finished the drip 2 hours ago and now ...")."""
    findings = Findings.from_dict(tracker.latest_message.get("triage_findings"))
    state = dialogue_state(tracker)
    answering = state.pending == "infusion_time" and state.put
    infusion = timeline.read_infusion_time(
        tracker.latest_message.get("text") or "", datetime.now(UTC), load_settings().time_zone, answering=answering
    )
    return replace(findings, infusion=infusion) if infusion else findings


def classifier_intent(tracker: Tracker) -> str | None:
    """The intent the classifier gave, before the scanner re-routed a symptom report."""
    message = tracker.latest_message
    return message.get("intent_before_scan") or (message.get("intent") or {}).get("name")


def routed_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def stored_findings(tracker: Tracker) -> Findings:
    """What is known so far; the hours since the infusion counted up to now."""
    findings = Findings.from_dict(tracker.get_slot("findings"))
    if findings.infusion:
        findings = replace(findings, infusion=findings.infusion.as_of(datetime.now(UTC)))
    return findings


def dialogue_state(tracker: Tracker) -> State:
    return State.from_dict(tracker.get_slot("dialogue"))


def model_version(tracker: Tracker) -> str:
    """The Rasa model that read the patient's message: the `model_id` Rasa puts in each event's metadata."""
    for event in reversed(tracker.events or []):
        model_id = (event.get("metadata") or {}).get("model_id")
        if model_id:
            return str(model_id)
    return "unknown"


def log_event(event: str, tracker: Tracker, **fields: Any) -> None:
    """One JSON line per event; ids and levels only, never the patient's words."""
    record: dict[str, Any] = {"event": event, "conversation": tracker.sender_id, **fields}
    logger.info(json.dumps(record, sort_keys=True))
