"""Typed text is text: on the public channels, a message that looks like Rasa's `/intent{entities}`
command is read by the NLU pipeline like any other words, unless it is exactly the payload of a button
the bot offered on its last turn (`/affirm`, `/deny`, `/dont_know`), or the widget's greeting
(`/greet`) opening a conversation.

Rasa's RegexMessageHandler, the last step of every NLU parse, replaces the parse of any text that starts
with "/" by the intent and entities written in it: typing `/restart` or `/session_start` silently wiped
a conversation (an emergency included), and `/deny` answered a question without a word being read.
Restarting is the widget's own button, which starts a new session id (a new conversation); nothing
typed can do it.

The hardened channels (components/channels/hardened.py) mark each message they pass on as typed on a
public channel (an attribute of the UserMessage object, which no client can set);
MessageProcessor.parse_message, which has the conversation's tracker, then decides, and switches the
command reading off for that parse. The HTTP API (behind its token) and in-process parses are unchanged.
"""

import contextvars
from typing import Any, List, Optional  # noqa: UP035 - Rasa compares these annotations

from rasa.core.processor import MessageProcessor
from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.nlu.training_data.message import Message

PUBLIC = "triage_public_channel"  # the UserMessage attribute the hardened channels set
OPENING_PAYLOADS = frozenset({"/greet"})  # the widget's data-init-payload, before anything was said

_commands_off: contextvars.ContextVar[bool] = contextvars.ContextVar("triage_commands_off", default=False)


def offered_payloads(tracker: Any | None) -> set[str]:
    """The payloads of the buttons (and quick replies) of the bot's messages since the patient's last message;
    the opening payloads when the patient has said nothing yet."""
    payloads: set[str] = set()
    if tracker is None:
        return payloads
    for event in reversed(list(tracker.events)):
        if isinstance(event, UserUttered):
            return payloads
        if isinstance(event, BotUttered):
            for button in (event.data or {}).get("buttons") or (event.data or {}).get("quick_replies") or []:
                if isinstance(button, dict) and isinstance(button.get("payload"), str):
                    payloads.add(button["payload"].strip())
    return payloads | OPENING_PAYLOADS


def is_command_allowed(text: str, tracker: Any | None) -> bool:
    return text.strip() in offered_payloads(tracker)


def install() -> None:
    if getattr(MessageProcessor.parse_message, "typed_text", False):
        return
    parse_message = MessageProcessor.parse_message
    regex_process = RegexMessageHandler.process

    async def parse_typed_text_as_text(self, message, tracker=None, only_output_properties=True):
        text = message.text or ""
        if (
            getattr(message, PUBLIC, False)
            and text.lstrip().startswith(INTENT_MESSAGE_PREFIX)
            and not is_command_allowed(text, tracker)
        ):
            token = _commands_off.set(True)
            try:
                return await parse_message(self, message, tracker, only_output_properties)
            finally:
                _commands_off.reset(token)
        return await parse_message(self, message, tracker, only_output_properties)

    # Rasa's graph validation compares these annotations with its own (typing.Optional, typing.List).
    def process(self, messages: List[Message], domain: Optional[Domain] = None) -> List[Message]:  # noqa: UP006, UP045
        if _commands_off.get():
            return messages
        return regex_process(self, messages, domain)

    parse_typed_text_as_text.typed_text = True
    MessageProcessor.parse_message = parse_typed_text_as_text
    RegexMessageHandler.process = process
