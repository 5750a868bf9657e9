"""Only the Rasa server may call the action server: a shared secret on every call, and loopback by default.

An action call writes the audit trail and can post an escalation to the clinic, so a forged call (a
crafted tracker sent to :5055/webhook) must be refused before any action runs. When the Rasa SDK
server loads this package (`rasa run actions --actions actions`), `install()` adds a request
middleware to its Sanic app: every path but `/health` needs the `X-Triage-Action-Token` header equal
to the shared secret (clinic/server_secrets.py; the Rasa server sends it, components/patches/action_auth.py),
else 401 and nothing runs. It also makes the SDK listen on 127.0.0.1 unless `SANIC_HOST` says
otherwise (set `SANIC_HOST=0.0.0.0` when the action server runs on another host, e.g. its own pod).
"""

import hmac
import logging
import os

logger = logging.getLogger("triage.auth")
HEADER = "X-Triage-Action-Token"
OPEN_PATHS = ("/health",)


def install() -> None:
    try:
        from sanic import Sanic

        app = Sanic.get_app("rasa_sdk")
    except Exception:
        return
    os.environ.setdefault("SANIC_HOST", "127.0.0.1")  # read by rasa_sdk.endpoint.run after it loads us
    if getattr(app.ctx, "triage_auth", False):
        return
    from sanic import response

    from clinic import server_secrets

    secret = server_secrets.action_secret().encode()

    async def authenticate(request):
        if request.path in OPEN_PATHS:
            return None
        given = (request.headers.get(HEADER) or "").encode()
        if given and hmac.compare_digest(given, secret):
            return None
        logger.warning(
            "refused an action-server call to %s from %s: %s",
            request.path,
            request.ip,
            "wrong token" if given else "no token",
        )
        return response.json({"error": "Not allowed."}, status=401)

    app.register_middleware(authenticate, "request")
    app.ctx.triage_auth = True
