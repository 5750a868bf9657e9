"""Low NLU confidence: ask to rephrase once; the second time in a row, point to the clinic's phone.
A message that says all is well ("all good after the infusion, just letting you know") goes to the
triage instead, for its red-flag screen (bot/dialogue.py `CHECK_IN`)."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue import says_fine


class ActionLowConfidence(Action):
    def name(self) -> str:
        return "action_low_confidence"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if says_fine(tracker.latest_message.get("text") or ""):
            return [FollowupAction("action_triage")]
        user_turns = [e for e in tracker.events if e.get("event") == "user"]
        previous = user_turns[-2] if len(user_turns) > 1 else None
        previous_intent = ((previous or {}).get("parse_data") or {}).get("intent", {}).get("name")
        if previous_intent == "nlu_fallback":
            dispatcher.utter_message(response="utter_low_confidence_call_clinic")
        else:
            dispatcher.utter_message(response="utter_ask_rephrase")
        return []
