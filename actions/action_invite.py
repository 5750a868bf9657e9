"""After an answer about the clinic or IVIG's side effects, asks how the patient feels since the infusion: a
symptom told only when asked ("now you ask, I've had a nosebleed that won't stop") is still triaged.

Once per conversation, and only before any triage (nothing told yet, no question open, no disposition). Also
the reply to a bare "yes", "I don't know" or an aside with no question pending ("bit rough the day"): then,
when it cannot invite, it says how it can help, so that no message is left without a reply."""

from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import FORM, dialogue_state, log_event, stored_findings
from bot.dialogue import INVITE


class ActionInvite(Action):
    def name(self) -> str:
        return "action_invite"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        state = dialogue_state(tracker)
        if tracker.get_slot("triage_level") or state.pending or state.asked or not stored_findings(tracker).is_empty:
            if tracker.latest_action_name == "action_listen":  # nothing said yet to this message
                dispatcher.utter_message(response="utter_how_can_i_help")
            return []
        log_event("question", tracker, question=INVITE)
        return [
            SlotSet("dialogue", replace(state, pending=INVITE, put=False).to_dict()),
            SlotSet("triage_question", None),
            FollowupAction(FORM),
        ]
