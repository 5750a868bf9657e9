"""The follow-up form: asks only the questions that could still change a mild answer.

Each turn it first adds the latest message to the findings, so a red flag said mid-form
("no, but now I've thrown up") ends the questions at once and the disposition follows.
"""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.conversation import (QUESTION_SLOTS, UNKNOWN, classifier_intent, conversation_findings,
                                  message_findings, stored_findings)
from bot.answers import yes_or_no
from bot.temperature import find_temperatures
from bot.triage import assess

MAX_INFUSION_TIME_CHARS = 120


class ValidateFollowupForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_followup_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        stored = stored_findings(tracker)
        updated = stored.merge(message_findings(tracker))
        # Only a message that tells us something counts as an answer: anything else lets the form
        # reject the turn, so the rules can answer an aside and return to the question.
        merged = [SlotSet("findings", updated.to_dict())] if updated != stored else []
        tracker.add_slots(merged)
        answers = await self.get_extraction_events(dispatcher, tracker, domain)
        tracker.add_slots(answers)
        # The SDK's own run() keeps only slots still required after this turn, so an answer that
        # ends the questions (a "yes" to a stiff neck) would be lost: return the answers ourselves.
        return merged + answers + await self._extract_validation_events(dispatcher, tracker, domain)

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        disposition = assess(conversation_findings(tracker), previous_level=tracker.get_slot("triage_level"))
        return [q for q in disposition.pending_questions if q in domain_slots]

    def _yes_no(self, tracker: Tracker, slot: Text) -> Dict[Text, Any]:
        findings = message_findings(tracker)
        if slot in findings.symptoms:
            return {slot: True}
        if slot in findings.denied:
            return {slot: False}
        if tracker.get_slot("requested_slot") == slot:
            answer = yes_or_no(tracker.latest_message.get("text") or "")
            if answer is None:
                answer = {"affirm": True, "deny": False}.get(classifier_intent(tracker))
            if answer is not None:
                return {slot: answer}
        return {}

    async def extract_neck_stiffness(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self._yes_no(tracker, "neck_stiffness")

    async def extract_severe_headache(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self._yes_no(tracker, "severe_headache")

    async def extract_vomiting(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self._yes_no(tracker, "vomiting")

    async def extract_severe_rash(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self._yes_no(tracker, "severe_rash")

    async def extract_throat_or_face_swelling(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self._yes_no(tracker, "throat_or_face_swelling")

    async def extract_temperature(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        asked = tracker.get_slot("requested_slot") == "temperature"
        readings = find_temperatures(tracker.latest_message.get("text") or "", expecting=asked)
        if readings:
            return {"temperature": max(t.celsius for t in readings)}
        if asked and classifier_intent(tracker) in ("dont_know", "deny"):
            return {"temperature": UNKNOWN}
        return {}

    async def extract_infusion_time(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != "infusion_time":
            return {}
        if classifier_intent(tracker) == "dont_know":
            return {"infusion_time": "not known"}
        text: Optional[str] = tracker.latest_message.get("text")
        return {"infusion_time": text.strip()[:MAX_INFUSION_TIME_CHARS]} if text and text.strip() else {}

