"""Assess everything the patient has said: a disposition now, a question first, or both.

The decisions are bot.dialogue's (`plan`, `next_question`); this adapter reads the tracker, utters,
audits, and starts the question form when there is something to ask.
"""

from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import (
    FORM,
    REPORT_INTENTS,
    classifier_intent,
    dialogue_state,
    log_event,
    message_findings,
    model_version,
    routed_intent,
    stored_findings,
)
from bot.advice import message_for, triage_payload
from bot.dialogue import CHECK_IN, INVITE, in_context, next_question, plan
from bot.lexicon import MANAGE_AT_HOME
from bot.settings import load_settings
from bot.system_checks import PARSE_KEY
from bot.triage import assess
from clinic.worker import record_disposition


class ActionTriage(Action):
    def name(self) -> str:
        return "action_triage"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        state, previous = dialogue_state(tracker), tracker.get_slot("triage_level")
        if tracker.latest_action_name == FORM:  # the questions are over (or a red flag cut them short)
            findings = stored_findings(tracker)
            question = next_question(findings, state, previous)
            disposition_now = question is None or assess(findings, previous).level != MANAGE_AT_HOME
        else:
            known, text = stored_findings(tracker), tracker.latest_message.get("text") or ""
            message = in_context(known, message_findings(tracker), text)
            reported = routed_intent(tracker) in REPORT_INTENTS or classifier_intent(tracker) == "report_symptoms"
            decided = plan(
                known.merge(message),
                message,
                state,
                previous,
                reported,
                text,
                systems=tracker.latest_message.get(PARSE_KEY),
            )
            findings, state, question = decided.findings, decided.state, decided.question
            disposition_now = decided.disposition_now
        events: list[EventType] = [SlotSet("findings", findings.to_dict())]
        disposition = assess(findings, previous_level=previous)
        if disposition.level is None and question is None:
            # "No" to the red-flag screen after "all good", or nothing to tell when asked how one feels: nothing
            # to assess, what to do if that changes.
            screened = tracker.latest_action_name == FORM and state.asked[-1:] in ((CHECK_IN,), (INVITE,))
            dispatcher.utter_message(response="utter_goodbye" if screened else "utter_how_can_i_help")
            return events + [SlotSet("dialogue", state.to_dict())]
        if disposition_now and disposition.level:
            events += await self._dispose(dispatcher, tracker, disposition, findings)
        if question:
            log_event("question", tracker, question=question)
            return events + [
                SlotSet("dialogue", replace(state, pending=question, put=False).to_dict()),
                SlotSet("triage_question", None),
                FollowupAction(FORM),
            ]
        return events + [SlotSet("dialogue", state.to_dict())]

    async def _dispose(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, disposition, findings
    ) -> list[EventType]:
        settings = load_settings()
        text, advice = message_for(disposition, findings, settings)
        dispatcher.utter_message(text=text, json_message=triage_payload(disposition, advice, findings, settings))
        given = {"level": disposition.level, "red_flags": list(disposition.red_flags)}
        if given != tracker.get_slot("last_disposition"):  # a repeated answer is not audited or escalated again
            handoff = await record_disposition(tracker.sender_id, model_version(tracker), disposition, findings)
            if handoff:  # call_doctor_now / emergency: the nurse summary, to read out on the phone
                dispatcher.utter_message(text=handoff)
        log_event(
            "disposition",
            tracker,
            level=disposition.level,
            red_flags=list(disposition.red_flags),
            symptoms=list(disposition.symptoms),
            denied=list(disposition.denied),
            rules_fired=list(disposition.rules_fired),
            infusion_hours=findings.infusion.hours_since_start if findings.infusion else None,
        )
        return [SlotSet("triage_level", disposition.level), SlotSet("last_disposition", given)]
