"""Asks the question bot.dialogue chose, in the words of the person it is about ("Is his neck stiff…?").

The message names its question in `custom.question`, and its buttons send plain words ("Not sure"),
read like typed text."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import dialogue_state, stored_findings
from bot.dialogue import BUTTONS, ask, question_for, question_text


class ActionAskTriageQuestion(Action):
    def name(self) -> str:
        return "action_ask_triage_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        state = dialogue_state(tracker)
        if not state.pending:  # nothing chosen: never leave the patient without a reply
            dispatcher.utter_message(response="utter_how_can_i_help")
            return []
        question = question_for(state.pending)
        buttons = [{"title": title, "payload": title} for title in BUTTONS[question.kind]]
        dispatcher.utter_message(
            text=question_text(state.pending, stored_findings(tracker).subject),
            buttons=buttons,
            json_message={"question": state.pending},
        )
        return [SlotSet("dialogue", ask(state.pending, state).to_dict())]
