"""The invitation to say how one feels since the infusion, as a question the next message answers (a symptom
told only when asked, "now you ask, I've had a nosebleed that won't stop", is still triaged; so is "not
great" or "is this normal?" after "hi").

Once per conversation, and only before any triage (nothing told yet, no question open, no disposition): after
the greeting, an answer about the clinic or IVIG's side effects, a message not understood, or a bare "yes",
"no", "I don't know" or aside with no question pending ("bit rough the day"). When it cannot invite, it says
how it can help (after a bare "no", goodbye), so that no message is left without a reply."""

from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import FORM, classifier_intent, dialogue_state, log_event, stored_findings
from bot.dialogue import INVITE


def can_invite(tracker: Tracker) -> bool:
    state = dialogue_state(tracker)
    return not (
        tracker.get_slot("triage_level") or state.pending or state.asked or not stored_findings(tracker).is_empty
    )


def invitation(tracker: Tracker) -> list[EventType]:
    """The invitation as the pending question; the form puts it to the patient."""
    log_event("question", tracker, question=INVITE)
    return [
        SlotSet("dialogue", replace(dialogue_state(tracker), pending=INVITE, put=False).to_dict()),
        SlotSet("triage_question", None),
        FollowupAction(FORM),
    ]


class ActionInvite(Action):
    def name(self) -> str:
        return "action_invite"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if can_invite(tracker):
            return invitation(tracker)
        if tracker.latest_action_name == "action_listen":  # nothing said yet to this message
            goodbye = classifier_intent(tracker) == "deny"  # "no" after the disposition: nothing more
            dispatcher.utter_message(response="utter_goodbye" if goodbye else "utter_how_can_i_help")
        return []
