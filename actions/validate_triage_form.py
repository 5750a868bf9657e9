"""Every turn of the questions goes through here, and none is ever rejected: an answer, an aside, a
new symptom or gibberish all get a reply (bot.dialogue.answer decides), so a triage cannot be lost."""

from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import classifier_intent, dialogue_state, log_event, message_findings, stored_findings
from bot.dialogue import answer, disposition_due, next_question, reopened
from bot.system_checks import PARSE_KEY

ASIDE_RESPONSES = {
    "ask_clinic_contact": "utter_clinic_contact",
    "ask_side_effects": "utter_side_effects",
    "out_of_scope": "utter_out_of_scope",
    "thank": "utter_you_are_welcome",
    "greet": None,
}
ANSWERED = "answered"  # the form's one slot: filled when there is nothing more to ask


class ValidateTriageForm(Action):
    def name(self) -> str:
        return "validate_triage_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        state = dialogue_state(tracker)
        if not state.put:  # the form is starting: ask what action_triage chose
            return [SlotSet("triage_question", None), SlotSet("dialogue", state.to_dict())]
        step = answer(
            stored_findings(tracker),
            message_findings(tracker),
            tracker.latest_message.get("text") or "",
            classifier_intent(tracker),
            state,
            tracker.latest_message.get(PARSE_KEY),
            tracker.latest_message.get("spelled_text") or "",
        )
        events: list[EventType] = [SlotSet("findings", step.findings.to_dict())]
        if step.aside:
            response = ASIDE_RESPONSES.get(step.aside)
            if response:
                dispatcher.utter_message(response=response)
            if not step.done:
                return events + [SlotSet("dialogue", step.state.to_dict()), SlotSet("triage_question", None)]
        for note in step.say:
            dispatcher.utter_message(text=note)
        state, previous = step.state, tracker.get_slot("triage_level")
        done = step.done or disposition_due(step.findings, previous)  # the red flag's disposition first
        question = None if done else (state.pending or next_question(step.findings, state, previous))
        log_event("answer", tracker, question=dialogue_state(tracker).pending, next=question, done=question is None)
        if question is None:
            return events + [
                SlotSet("dialogue", reopened(state).to_dict()),
                SlotSet("triage_question", ANSWERED),
            ]
        if question != state.pending:
            state = replace(state, pending=question, put=False, reasked=False)
        return events + [SlotSet("dialogue", state.to_dict()), SlotSet("triage_question", None)]
