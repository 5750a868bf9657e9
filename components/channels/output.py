"""REST replies where a disposition (or a question) is one message: its text, buttons and `custom` payload together.

Rasa's CollectingOutputChannel sends `utter_message(text=..., json_message=...)` as two messages, a
text and a bare `custom`; the disposition contract (README) promises one message carrying both.
"""

from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel


class DispositionOutputChannel(CollectingOutputChannel):
    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        if message.get("text") and message.get("custom"):  # a disposition, or a question naming itself
            await self._persist_message(
                self._message(
                    recipient_id,
                    text=message["text"],
                    custom=message["custom"],
                    buttons=message.get("buttons") or message.get("quick_replies"),
                )
            )
            return
        await super().send_response(recipient_id, message)
