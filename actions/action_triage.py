"""Assess everything the patient has said and answer with a disposition, or ask first.

A red flag gets its disposition at once. A mild report with questions still open starts the
follow-up form; its last answer brings us back here for the disposition. A report the
lexicon does not understand gets one clarifying question, then "call your doctor".
"""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from clinic.worker import record_disposition
from actions.conversation import FORM_SLOTS, conversation_findings, log_event, message_findings, model_version
from bot.advice import message_for, triage_payload
from bot.findings import Findings
from bot.settings import load_settings
from bot.triage import assess

FORM = "followup_form"


class ActionTriage(Action):
    def name(self) -> Text:
        return "action_triage"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        findings = conversation_findings(tracker)
        message = message_findings(tracker)
        after_form = tracker.latest_action_name == FORM
        said_nothing_known = not (after_form or message.symptoms or message.denied or message.temperature_c)
        if said_nothing_known:
            if not tracker.get_slot("clarification_asked"):
                dispatcher.utter_message(response="utter_ask_describe_symptom")
                log_event("clarification_asked", tracker)
                return [SlotSet("clarification_asked", True)]
            findings = findings.merge(Findings(unknown_symptom=True))

        disposition = assess(findings, previous_level=tracker.get_slot("triage_level"))
        if disposition.level is None:
            dispatcher.utter_message(response="utter_how_can_i_help")
            return []
        if disposition.pending_questions and not after_form:
            log_event("follow_up_questions", tracker, questions=list(disposition.pending_questions))
            return [SlotSet("findings", findings.to_dict()), FollowupAction(FORM)]

        text, advice = message_for(disposition, findings, load_settings())
        dispatcher.utter_message(text=text, json_message=triage_payload(disposition, advice))
        handoff = await record_disposition(tracker.sender_id, model_version(tracker), disposition, findings)  # audit, escalation; never raises
        if handoff:  # call_doctor_now / emergency: the nurse summary, to read out on the phone
            dispatcher.utter_message(text=handoff)
        log_event("disposition", tracker, level=disposition.level, red_flags=list(disposition.red_flags),
                  symptoms=list(disposition.symptoms), denied=list(disposition.denied),
                  rules_fired=list(disposition.rules_fired))
        # The answers now live in `findings`; clear the form so later reports ask only what is new.
        return [SlotSet("findings", findings.to_dict()), SlotSet("triage_level", disposition.level),
                SlotSet("clarification_asked", False)] + [SlotSet(slot, None) for slot in FORM_SLOTS]
