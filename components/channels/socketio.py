"""Rasa's socket.io channel with two fixes the website widget needs (credentials.yml names this class).

1. Origins. Rasa 3.6 builds its socket.io server with `cors_allowed_origins=[]`, which tells
   python-engineio to skip its Origin check entirely. Browsers do not apply CORS to WebSockets, so
   any web page could open a socket to the bot. Here the socket.io server accepts a browser only
   when its Origin is allowed by the same list as Rasa's HTTP routes: the `--cors` option of
   `rasa run` (`make run` passes TRIAGE_CLINIC_ORIGINS). No `--cors`: no cross-origin browser at all.
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

5. Sessions cannot be borrowed. Rasa's `session_request` joined whatever id the client named, so anyone
   who had a patient's id (it sits in localStorage on shared computers) could join the room where the
   bot's messages go, read the conversation from then on (the nurse hand-off included) and talk in it.
   Here the server issues each session a token, `<id>.<HMAC-SHA256(TRIAGE_SESSION_SECRET, id)>`
   (clinic/server_secrets.py), which the widget keeps instead of a bare id. A `session_request` gets
   its session back only with a token the server signed and only when no other live connection holds
   it (the holder is asked, `session_check`, and must acknowledge within 3 s: a reloaded page leaves a
   dead long-polling connection behind, which does not); otherwise it gets a new session. A message
   always goes to the session bound to its own socket, whatever `session_id` it names. The conversation's sender id is the bare id (the token, a secret,
   never reaches the logs or the database).

"""

import hashlib
import hmac
import inspect
import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from rasa.core.channels.socketio import SocketIOOutput as RasaSocketIOOutput
from sanic import Blueprint

logger = logging.getLogger(__name__)
SESSION_CHECK_SECONDS = 3.0  # how long a socket holding a session has to say it is still there


class SocketIOOutput(RasaSocketIOOutput):
    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


class SessionBook:
    """Signed session tokens and which live socket holds which session (one server process)."""

    def __init__(self, secret: str | None = None):
        from clinic import server_secrets

        self._key = (secret or server_secrets.session_secret()).encode()
        self._holder: dict[str, str] = {}  # session id -> socket id
        self._session: dict[str, str] = {}  # socket id -> session id

    def _signature(self, session_id: str) -> str:
        return hmac.new(self._key, session_id.encode(), hashlib.sha256).hexdigest()[:32]

    def token(self, session_id: str) -> str:
        return f"{session_id}.{self._signature(session_id)}"

    def verify(self, token: Any) -> str | None:
        """The session id of a token this server signed, else None."""
        if not isinstance(token, str) or token.count(".") != 1 or len(token) > 200:
            return None
        session_id, signature = token.split(".")
        if session_id and hmac.compare_digest(signature.encode(), self._signature(session_id).encode()):
            return session_id
        return None

    def holder(self, session_id: str) -> str | None:
        return self._holder.get(session_id)

    def session_of(self, sid: str) -> str | None:
        return self._session.get(sid)

    def bind(self, sid: str, session_id: str) -> None:
        self.release(sid)
        self._holder[session_id] = sid
        self._session[sid] = session_id

    def release(self, sid: str) -> str | None:
        session_id = self._session.pop(sid, None)
        if session_id is not None and self._holder.get(session_id) == sid:
            del self._holder[session_id]
        return session_id


def origin_allowed(origin: str | None, environ: dict[str, Any]) -> bool:
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

        book = self.sessions = SessionBook()
        namespace = self.namespace or "/"

        async def still_there(holder: str) -> bool:
            """Whether the socket holding a session answers (the widget acknowledges `session_check`).
            A page that was reloaded leaves its long-polling connection behind for up to a minute."""
            try:
                await sio.call("session_check", to=holder, namespace=self.namespace, timeout=SESSION_CHECK_SECONDS)
                return True
            except Exception:
                return False

        async def start_session(sid: str, requested: Any) -> str:
            """Bind `sid` to the session of `requested` if it is a token we signed that no other live
            socket holds, else to a new session; join its room; confirm with its token."""
            session_id = book.verify(requested)
            holder = book.holder(session_id) if session_id else None
            if session_id and holder not in (None, sid) and sio.manager.is_connected(holder, namespace):
                if await still_there(holder):
                    logger.warning(
                        "socket.io: a session held by another live connection was requested; "
                        "started a new session instead"
                    )
                    session_id = None
                else:  # a page reloaded or closed without a word: its connection is gone, the session moves
                    left = sio.leave_room(holder, session_id, namespace=self.namespace)
                    if inspect.isawaitable(left):
                        await left
                    book.release(holder)
            elif requested and not session_id:
                logger.info(
                    "socket.io: a session token this server did not sign was requested; started a new session instead"
                )
            session_id = session_id or uuid.uuid4().hex
            previous = book.session_of(sid)
            if previous and previous != session_id:
                left = sio.leave_room(sid, previous, namespace=self.namespace)
                if inspect.isawaitable(left):
                    await left
            book.bind(sid, session_id)
            if self.session_persistence:
                entered = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(entered):
                    await entered
            await sio.emit("session_confirm", book.token(session_id), room=sid, namespace=self.namespace)
            return session_id

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: dict | None) -> None:
            await start_session(sid, data.get("session_id") if isinstance(data, dict) else None)

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: str) -> None:
            book.release(sid)
            logger.debug("socket.io: a client disconnected")

        # Rasa's message handler builds the stock output channel: handle the event here instead
        # (the same steps as Rasa's handle_message, with our output channel).
        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: dict) -> None:
            if not isinstance(data, dict):
                return
            if self.session_persistence:  # the session bound to this socket, never the one the message names
                sender_id = book.session_of(sid) or await start_session(sid, data.get("session_id"))
            else:
                sender_id = sid
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            if not isinstance(metadata, dict):
                metadata = {}
            await on_new_message(
                UserMessage(
                    data.get("message", ""),
                    SocketIOOutput(sio, self.bot_message_evt),
                    sender_id,
                    input_channel=self.name(),
                    metadata=metadata,
                )
            )

        return blueprint
