"""The servers' own secrets, never on a command line (`ps` shows command lines to every local user).

Each secret is read, in this order, from:
1. the environment variable `NAME` (e.g. `TRIAGE_ACTION_SECRET`);
2. the file named by `NAME_FILE` (e.g. a Kubernetes or Docker secret mounted at /run/secrets/...);
3. for the secrets the two servers share (`generate=True`): `var/NAME.secret` in the project, made once
   with 32 random bytes (folder 700, file 600), so `make actions` and `make rasa` in two terminals agree.

| secret | used by |
|---|---|
| `TRIAGE_ACTION_SECRET` | the Rasa server signs every action-server call with it; the action server refuses calls without it |
| `TRIAGE_SESSION_SECRET` | the socket.io channel signs the widget's session tokens with it (HMAC-SHA256) |
| `TRIAGE_API_TOKEN` | the Rasa HTTP API token (`python -m components.launch` hands it to `rasa run`) |

Plain Python: no Rasa, no SQLAlchemy.
"""

import os
import secrets as random_source
from pathlib import Path

from bot.settings import setting

ROOT = Path(__file__).resolve().parent.parent
SECRETS_DIR = ROOT / "var"
ACTION_SECRET = "TRIAGE_ACTION_SECRET"
SESSION_SECRET = "TRIAGE_SESSION_SECRET"
API_TOKEN = "TRIAGE_API_TOKEN"


def _from_file(path: Path) -> str:
    return path.read_text(encoding="utf-8").strip()


def read(name: str, generate: bool = False, directory: Path | None = None) -> str | None:
    """The secret `name` (see the module's docstring); None when not set and not generated."""
    value = setting(name)  # declared in bot/settings.py, as is NAME_FILE
    if value:
        return value
    file_name = setting(name + "_FILE")
    if file_name:
        value = _from_file(Path(file_name))
        if not value:
            raise ValueError(f"{name}_FILE ({file_name}) is empty")
        return value
    if not generate:
        return None
    path = (directory or SECRETS_DIR) / f"{name.lower()}.secret"
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:  # made once: two servers starting together must agree, so the first one to create it wins
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        value = _from_file(path)
        if value:
            return value
        raise ValueError(f"{path} is empty: delete it, and a new secret is made") from None
    value = random_source.token_hex(32)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(value + "\n")
    return value


def action_secret() -> str:
    return read(ACTION_SECRET, generate=True) or ""  # generate=True: never empty


def session_secret() -> str:
    return read(SESSION_SECRET, generate=True) or ""
