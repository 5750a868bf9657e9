"""The Rasa server's side of the action-server authentication: every call carries the shared secret.

The secret (`TRIAGE_ACTION_SECRET`, `TRIAGE_ACTION_SECRET_FILE`, else `var/triage_action_secret.secret`:
clinic/server_secrets.py) goes in the `X-Triage-Action-Token` header of each request to the action
endpoint; the action server (actions/auth.py) refuses any call without it. A header, not Rasa's
`token:` option, which would put the secret in the URL (and in access logs).
"""

from typing import Any

from clinic import server_secrets

HEADER = "X-Triage-Action-Token"


def sign(endpoint: Any) -> None:
    """Add the secret to an EndpointConfig's headers (once per endpoint object)."""
    if endpoint is None or getattr(endpoint, "triage_signed", False):
        return
    endpoint.headers = {**(endpoint.headers or {}), HEADER: server_secrets.action_secret()}
    endpoint.triage_signed = True
