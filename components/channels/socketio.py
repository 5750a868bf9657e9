"""Rasa's socket.io channel with two fixes the website widget needs (credentials.yml names this class).

1. Origins. Rasa 3.6 builds its socket.io server with `cors_allowed_origins=[]`, which tells
   python-engineio to skip its Origin check entirely. Browsers do not apply CORS to WebSockets, so
   any web page could open a socket to the bot. Here the socket.io server accepts a browser only
   when its Origin is allowed by the same list as Rasa's HTTP routes: the `--cors` option of
   `rasa run` (`make run` passes CLINIC_ORIGINS). No `--cors`: no cross-origin browser at all.
   The CORS response headers stay with sanic-cors, as in Rasa; engineio adds none (no duplicates).

2. Custom payloads. Rasa 3.6's SocketIOOutput.send_custom_json calls `sio.emit(event, **payload)`,
   so a payload such as {"triage": {...}} is passed as keyword arguments to emit() and fails with a
   TypeError: the disposition never reaches the browser. Here a custom payload is a bot message of
   its own, {"custom": {"triage": {...}}}, right after the text it came with ({"text": "..."}), as
   Rasa's output channels order them. Kept apart on purpose: third-party widgets such as
   rasa-webchat show a message as text only when `text` is its one key, so a disposition sent as
   {"text", "custom"} in one message would show them nothing; ours folds the text into the card.

3. Session rooms. With python-socketio 5.x `AsyncServer.enter_room` is a coroutine, which Rasa 3.6
   calls without `await`: with session_persistence the socket never joins its session's room, and
   every bot message (sent to that room) is lost. Here it is awaited.

4. No WebSocket. Sanic 21.12's WebSocket code fails on Python 3.11 ("Passing coroutines is
   forbidden"), yet the handshake offered `"upgrades": ["websocket"]`. A client that tries the
   upgrade (socket.io-client's default, as in rasa-webchat) breaks its probe ("Invalid frame
   header") and leaves the session half-upgraded: every poll then gets a no-op and no bot message
   ever arrives. Here the server offers and accepts HTTP long-polling only, which every socket.io
   client falls back to, and our widget asks for anyway.
"""
import inspect
import json
import logging
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from rasa.core.channels.socketio import SocketIOOutput as RasaSocketIOOutput
from sanic import Blueprint

logger = logging.getLogger(__name__)


class SocketIOOutput(RasaSocketIOOutput):
    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


def origin_allowed(origin: Optional[Text], environ: Dict[Text, Any]) -> bool:
    """Whether a browser on `origin` may connect: the rule sanic-cors applies to Rasa's HTTP routes."""
    from sanic_cors.core import get_cors_origins, try_match

    if not origin:  # not a browser (a script, a test client): the Origin check protects browsers only
        return True
    request = environ.get("sanic.request")
    context = getattr(getattr(getattr(request, "app", None), "ctx", None), "sanic_cors", None)
    try:
        for pattern, options in getattr(context, "resources", None) or []:
            if try_match(request.path, pattern):
                return bool(get_cors_origins(options, origin))
    except Exception:  # never let a malformed configuration open the door
        return False
    return False


class SocketIOInput(RasaSocketIOInput):
    """Rasa's socket.io input channel, same name ("socketio") and credentials, fixed as above."""

    def get_output_channel(self) -> Optional["RasaSocketIOOutput"]:
        if self.sio is None:
            return super().get_output_channel()
        return SocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        sio = self.sio
        engine = sio.eio
        engine.cors_allowed_origins = origin_allowed  # engineio calls it with (origin, environ)
        engine._cors_headers = lambda environ: []  # headers come from sanic-cors, as in Rasa
        engine.transports = ["polling"]  # 4. above: no WebSocket, offered or accepted
        engine.allow_upgrades = False

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            data = data if isinstance(data, dict) else {}
            if not isinstance(data.get("session_id"), str) or not data["session_id"]:
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                entered = sio.enter_room(sid, data["session_id"], namespace=self.namespace)
                if inspect.isawaitable(entered):
                    await entered
            await sio.emit("session_confirm", data["session_id"], room=sid, namespace=self.namespace)

        # Rasa's message handler builds the stock output channel: handle the event here instead
        # (the same steps as Rasa's handle_message, with our output channel).
        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Dict) -> None:
            if not isinstance(data, dict):
                return
            if self.session_persistence:
                if not data.get("session_id"):
                    logger.warning("socket.io message without a session_id ignored (send session_request first)")
                    return
                sender_id = data["session_id"]
            else:
                sender_id = sid
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            await on_new_message(UserMessage(data.get("message", ""), SocketIOOutput(sio, self.bot_message_evt),
                                             sender_id, input_channel=self.name(), metadata=metadata))

        return blueprint
