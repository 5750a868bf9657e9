"""Low NLU confidence: before any triage, "Sorry, I did not understand" and the invitation to say how one
feels (its reply is read as a report, "quick q" or "feel gross" is not the end); later, ask to rephrase once,
and the second time in a row point to the clinic's phone."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.action_invite import can_invite, invitation


class ActionLowConfidence(Action):
    def name(self) -> str:
        return "action_low_confidence"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if can_invite(tracker):
            dispatcher.utter_message(response="utter_not_understood")
            return invitation(tracker)
        user_turns = [e for e in tracker.events if e.get("event") == "user"]
        previous = user_turns[-2] if len(user_turns) > 1 else None
        previous_intent = ((previous or {}).get("parse_data") or {}).get("intent", {}).get("name")
        if previous_intent == "nlu_fallback":
            dispatcher.utter_message(response="utter_low_confidence_call_clinic")
        else:
            dispatcher.utter_message(response="utter_ask_rephrase")
        return []
