"""Hardened public channels: every message is checked before Rasa's message processor sees it.

credentials.yml names these instead of Rasa's `rest` and the widget's socket.io channel; names, URLs
and options stay the same (`/webhooks/rest/webhook`, `/socket.io/`).

Why in the input channel: it is the one place that sees the raw request (bytes, client address,
sender) before anything else runs, and it can answer by itself. NLU components run too late (a
message over 2,000 characters or in Spanish has already cost the whole pipeline, a NUL byte has
reached the tracker store, and a component cannot answer the patient), and a Sanic middleware would
not see socket.io messages. So, on each message:

1. per-address and per-sender rate limits (`components.channels.input_checks.RateLimiter`), with a friendly reply
   (and the fail-safe red flags) when exceeded: HTTP 429 with `Retry-After` on REST;
2. REST only: the body must be UTF-8 JSON, an object with a string `sender`; anything else is a 400
   with a clear error, never a 500; a request from a browser whose Origin is not in `--cors` is a 403;
3. `components.channels.input_checks.check_message`: empty, emoji only, over 2,000 characters (still scanned for red
   flags), another language, control characters, HTML: a clear reply of our own, or the cleaned text
   goes on to Rasa;
4. any failure inside Rasa gets the fail-safe reply (`utter_default`), never an empty answer, and is
   logged without the patient's words (Rasa's own REST channel logs the text at ERROR).

The REST blueprint also sets the server-wide limits (Sanic's REQUEST_MAX_SIZE, a friendly 413),
watches the conversation store and serves `GET /webhooks/rest/health` (see `components/health.py`).
"""

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Optional

import rasa.utils.endpoints
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request

from bot.settings import setting
from components import health
from components.channels import input_checks
from components.channels.output import DispositionOutputChannel
from components.channels.socketio import SocketIOInput, origin_allowed
from components.patches import typed_commands

logger = logging.getLogger("triage.input")

REQUEST_MAX_BYTES = setting("TRIAGE_REQUEST_MAX_BYTES")
# What the HTTP server and Engine.IO read at most: above REQUEST_MAX_BYTES, up to this, a message still
# reaches our checks and gets the friendly "too long" reply (on socket.io too, where a refused HTTP body
# would silently break the long-polling connection); above it, Sanic's 413 (also friendly on REST).
TRANSPORT_MAX_BYTES = max(REQUEST_MAX_BYTES, 1024 * 1024)
MAX_SENDER_CHARS = 255  # the tracker store's sender_id column
RED_LEVELS = ("call_doctor_now", "emergency")
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class BadRequest(Exception):
    def __init__(self, reason: str, status: int = 400):
        super().__init__(reason)
        self.reason, self.status = reason, status


def client_ip(request: Request | None) -> str:
    """The client's address: from the proxy headers only when Sanic is told to trust them
    (SANIC_REAL_IP_HEADER / SANIC_PROXIES_COUNT / SANIC_FORWARDED_SECRET), else the peer address."""
    if request is None:
        return ""
    try:
        return request.remote_addr or request.ip or ""
    except Exception:
        return request.ip or ""


class Guard:
    """The checks shared by both channels (one per server process)."""

    _shared: Optional["Guard"] = None

    def __init__(self, limits: input_checks.Limits | None = None):
        self.limits = limits or input_checks.Limits.from_env()
        self.by_sender = input_checks.RateLimiter(self.limits.sender_per_minute, self.limits.sender_burst)
        self.by_ip = input_checks.RateLimiter(self.limits.ip_per_minute, self.limits.ip_burst)

    @classmethod
    def shared(cls) -> "Guard":
        if cls._shared is None:
            cls._shared = cls()
        return cls._shared

    def ip_wait(self, ip: str) -> float:
        if not ip or ip in self.limits.exempt_ips:
            return 0.0
        wait = self.by_ip.wait_time(ip)
        if wait:
            logger.warning(
                "rate limit: client address over %s messages a minute; refused for %.0f s",
                self.limits.ip_per_minute,
                wait,
            )
        return wait

    def sender_wait(self, sender: str) -> float:
        wait = self.by_sender.wait_time(sender)
        if wait:
            logger.warning(
                "rate limit: conversation %s over %s messages a minute; refused for %.0f s",
                sender,
                self.limits.sender_per_minute,
                wait,
            )
        return wait

    async def process(self, message: UserMessage, on_new_message: OnNewMessage) -> None:
        """Check one message, then let Rasa answer it (or answer it ourselves); never leave it unanswered."""
        out = message.output_channel
        sender = message.sender_id
        try:
            checked = input_checks.check_message(message.text)
        except Exception as error:
            logger.error(
                "input check failed on a message of %s (%s); sent the fail-safe reply", sender, type(error).__name__
            )
            await out.send_text_message(sender, input_checks.fail_safe_text())
            return
        if checked.problem or checked.cleaned:
            logger.info(
                "input check: conversation %s, %s%s%s",
                sender,
                checked.problem or "cleaned",
                f" ({', '.join(checked.cleaned)})" if checked.cleaned else "",
                f", {checked.length} characters" if checked.problem == "too_long" else "",
            )
        for text in checked.before:
            await out.send_text_message(sender, text)
        if checked.forward:
            message.text = checked.text
            setattr(message, typed_commands.PUBLIC, True)  # typed "/restart" is text (patches/typed_commands.py)
            escalations = _watch_escalations(out) if checked.expect_red_flag else None
            try:
                await on_new_message(message)
            except asyncio.CancelledError:
                raise
            except Exception as error:
                logger.error(
                    "conversation %s: the message could not be processed (%s); sent the fail-safe reply",
                    sender,
                    type(error).__name__,
                )
                await out.send_text_message(sender, input_checks.fail_safe_text())
                escalations = None
            if escalations is not None and not escalations:
                logger.error(
                    "conversation %s: the rules found a red flag the bot did not escalate; sent the fail-safe reply",
                    sender,
                )
                await out.send_text_message(sender, input_checks.fail_safe_text())
        for text in checked.after:
            await out.send_text_message(sender, text)


def _watch_escalations(output_channel: Any) -> list:
    """Records the red-flag dispositions the bot sends through `output_channel` (this message only)."""
    seen: list = []
    send_response = output_channel.send_response

    async def recording(recipient_id: str, message: dict[str, Any]) -> None:
        triage = (message.get("custom") or {}).get("triage") if isinstance(message.get("custom"), dict) else None
        if isinstance(triage, dict) and triage.get("level") in RED_LEVELS:
            seen.append(triage["level"])
        await send_response(recipient_id, message)

    output_channel.send_response = recording
    return seen


def too_large_text() -> str:
    """The reply to a message over the size limit, on REST (413) and socket.io alike."""
    return input_checks.TOO_LARGE + "\n" + input_checks.safety_net_text()


def _too_big(data: Any) -> bool:
    """Whether a socket.io message is over REQUEST_MAX_BYTES, as a REST body would be."""
    try:
        return len(json.dumps(data, ensure_ascii=False).encode("utf-8", "replace")) > REQUEST_MAX_BYTES
    except (TypeError, ValueError):
        return False


def _bot_reply(sender: str | None, text: str) -> list:
    return [{"recipient_id": sender, "text": text}]


def parse_body(body: bytes) -> dict[str, Any]:
    """The REST request body: UTF-8 JSON object with a `sender`; raises BadRequest otherwise."""
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("The request body is not valid UTF-8.") from None
    try:
        data = json.loads(decoded)
    except (ValueError, RecursionError):
        raise BadRequest("The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise BadRequest('The request body must be a JSON object: {"sender": "...", "message": "..."}.')
    sender = data.get("sender")
    if isinstance(sender, int) and not isinstance(sender, bool):
        sender = str(sender)
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS or not sender.isprintable():
        raise BadRequest(
            f'"sender" must be a non-empty string of printable characters, at most '
            f"{MAX_SENDER_CHARS} long: the id of the conversation."
        )
    try:
        sender.encode("utf-8")
    except UnicodeEncodeError:
        raise BadRequest('"sender" is not valid Unicode.') from None
    message = data.get("message")
    if isinstance(message, (int, float)) and not isinstance(message, bool):
        message = str(message)  # "39.1" sent as a number
    if message is not None and not isinstance(message, str):
        raise BadRequest('"message" must be a string.')
    metadata = data.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise BadRequest('"metadata" must be a JSON object.')
    channel = data.get("input_channel")
    if channel is not None and not isinstance(channel, str):
        raise BadRequest('"input_channel" must be a string.')
    return {"sender": sender, "message": message, "metadata": metadata, "input_channel": channel}


def _too_large(request: Request, exception: Exception) -> response.HTTPResponse:
    """Sanic's 413, with a bot reply on the REST webhook (the body was not read: nothing to scan)."""
    if request is not None and request.path.rstrip("/").endswith("/webhooks/rest/webhook"):
        return response.json(_bot_reply(None, too_large_text()), status=413)
    return response.json({"error": "Payload Too Large"}, status=413)


def install_server_limits(blueprint: Blueprint) -> None:
    """Server-wide settings, applied once per app whichever hardened channel registers first."""

    @blueprint.listener("before_server_start")
    async def limits(app: Any, _loop: Any) -> None:
        if getattr(app.ctx, "triage_hardened", False):
            return
        app.ctx.triage_hardened = True
        app.config.REQUEST_MAX_SIZE = TRANSPORT_MAX_BYTES
        app.error_handler.add(PayloadTooLarge, _too_large)
        health.check_api_protection()

    @blueprint.listener("after_server_start")
    async def watch(app: Any, _loop: Any) -> None:
        if getattr(app.ctx, "triage_watching", False):
            return
        app.ctx.triage_watching = True
        health.install(app)


class HardenedRestInput(RestInput):
    """Rasa's REST channel (same name and URL), with the checks above."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        guard = Guard.shared()
        blueprint = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)
        install_server_limits(blueprint)

        async def guarded(message: UserMessage) -> None:
            await guard.process(message, on_new_message)

        @blueprint.route("/", methods=["GET"])
        async def alive(_: Request) -> response.HTTPResponse:
            return response.json({"status": "ok"})

        @blueprint.route("/health", methods=["GET"])
        async def health_report(request: Request) -> response.HTTPResponse:
            report = await health.report(request.app)
            return response.json(report, status=200 if report["status"] == "ok" else 503)

        @blueprint.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> response.HTTPResponse:
            origin = request.headers.get("origin")
            if origin and not origin_allowed(origin, {"sanic.request": request}):
                return response.json({"error": "This origin may not use the bot."}, status=403)
            if len(request.body or b"") > REQUEST_MAX_BYTES:
                return _too_large(request, PayloadTooLarge("Payload Too Large"))
            wait = guard.ip_wait(client_ip(request))
            try:
                data = parse_body(request.body or b"")
            except BadRequest as error:
                if wait:
                    return response.json(
                        _bot_reply(None, input_checks.rate_limited_text(wait)),
                        status=429,
                        headers={"Retry-After": str(int(wait + 1))},
                    )
                return response.json({"error": error.reason}, status=error.status)
            sender = data["sender"]
            wait = wait or guard.sender_wait(sender)
            if wait:  # refused, but still scanned: a red flag gets its instruction first
                return response.json(
                    _bot_reply(sender, input_checks.rate_limited_reply(data["message"], wait)),
                    status=429,
                    headers={"Retry-After": str(int(wait + 1))},
                )
            channel = data["input_channel"] or self.name()
            if rasa.utils.endpoints.bool_arg(request, "stream", default=False):
                return response.stream(
                    self.stream_response(guarded, data["message"], sender, channel, data["metadata"]),
                    content_type="text/event-stream",
                )
            collector = DispositionOutputChannel()  # text + custom.triage in one message
            try:
                await guarded(
                    UserMessage(data["message"], collector, sender, input_channel=channel, metadata=data["metadata"])
                )
            except asyncio.CancelledError:
                logger.error("conversation %s: the request was cancelled before the bot answered", sender)
                raise
            return response.json(collector.messages)

        return blueprint


class HardenedSocketIOInput(SocketIOInput):
    """The widget's socket.io channel (components/channels/socketio.py, same name, options and URL) with the
    same checks: per-address and per-session rate limits, `check_message`, the fail-safe reply."""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        guard = Guard.shared()

        async def guarded(message: UserMessage) -> None:
            await guard.process(message, on_new_message)

        blueprint = super().blueprint(guarded)
        install_server_limits(blueprint)
        sio = self.sio
        sio.eio.max_http_buffer_size = TRANSPORT_MAX_BYTES
        namespace = self.namespace or "/"
        handle_message = sio.handlers[namespace][self.user_message_evt]

        async def rate_limited(sid: str, data: Any) -> None:
            if _too_big(data):  # the same friendly reply as REST's 413; the socket goes on
                await sio.emit(self.bot_message_evt, {"text": too_large_text()}, room=sid, namespace=namespace)
                return
            if isinstance(data, dict) and data.get("message") is not None and not isinstance(data["message"], str):
                if isinstance(data["message"], (int, float)) and not isinstance(data["message"], bool):
                    data = {**data, "message": str(data["message"])}
                else:  # Rasa would fail on it: answer here
                    await sio.emit(self.bot_message_evt, {"text": input_checks.NOT_TEXT}, room=sid, namespace=namespace)
                    return
            environ = sio.get_environ(sid, namespace) or {}
            ip = client_ip(environ.get("sanic.request")) or environ.get("REMOTE_ADDR", "")
            sender = (self.sessions.session_of(sid) or sid) if self.session_persistence else sid
            wait = guard.ip_wait(ip) or (guard.sender_wait(str(sender)) if sender else 0.0)
            if wait:  # refused, but still scanned: a red flag gets its instruction first
                text = input_checks.rate_limited_reply(data.get("message") if isinstance(data, dict) else None, wait)
                await sio.emit(self.bot_message_evt, {"text": text}, room=sid, namespace=namespace)
                return
            await handle_message(sid, data)

        sio.handlers[namespace][self.user_message_evt] = rate_limited
        return blueprint
