"""Every setting of the project: the clinic's details (`clinic.yml`) and every environment variable.

One table (`VARIABLES`: name, kind, default, who reads it, one line of meaning), one parser (`setting`),
one error (`SettingsError`, which names the variable and the bad value). The project's own variables
all start with `TRIAGE_`; the few third-party ones it sets or documents are listed in `THIRD_PARTY`.
Both servers call `check()` when they start (`components/launch.py`, `actions/__init__.py`), as does
`python -m clinic`: a bad value, an unknown `TRIAGE_` name or a variable under its old name stops the
process with one message, instead of a fall-back nobody sees. README's configuration table is
`markdown_table()` (scripts/write_settings_table writes it; tests/test_project.py fails on drift).

`clinic.yml` holds the clinic's name, phone and emergency number, the high-fever mark and the time zone;
`TRIAGE_` + the key in capitals overrides each (`TRIAGE_CLINIC_PHONE=...`). Secrets are declared here
too; `clinic/server_secrets.py` reads them (the environment, else the file named by `NAME_FILE`).

Plain Python: no Rasa, no SQLAlchemy, no HTTP; reads only the environment and clinic.yml.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "TRIAGE_"
DEFAULT_SETTINGS_FILE = ROOT / "clinic.yml"


class SettingsError(ValueError):
    """A setting with a value that cannot be used: names the variable (or clinic.yml key) and the value."""

    def __init__(self, name: str, value: object, why: str, secret: bool = False):
        shown = "(hidden)" if secret else repr(value)
        super().__init__(f"{name}={shown}: {why}")
        self.name, self.value, self.why = name, value, why


# ---------------------------------------------------------------- kinds: what a value may be


@dataclass(frozen=True)
class Kind:
    name: str  # as the README's table says it
    parse: Callable[[str], Any]  # raises ValueError on a bad value
    expected: str  # what a good value is, for the error


def _number(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(text)
    return number


def _whole(text: str) -> int:
    return int(text)


def _words(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.replace(",", " ").split() if part.strip())


def _time_zone(text: str) -> str:
    ZoneInfo(text)  # raises on a name the time-zone database does not know
    return text


def _flag(text: str) -> bool:
    lowered = text.lower()
    if lowered not in ("1", "true", "yes", "0", "false", "no"):
        raise ValueError(text)
    return lowered in ("1", "true", "yes")


TEXT = Kind("text", str, "text")
SECRET = Kind("secret", str, "text")
URL = Kind("URL", str, "a URL")
PATH = Kind("path", str, "a file or folder path")
SECONDS = Kind("seconds", _number, "a number of seconds")
NUMBER = Kind("number", _number, "a number")
COUNT = Kind("whole number", _whole, "a whole number")
LIST = Kind("list", _words, "names separated by commas or spaces")
ZONE = Kind("time zone", _time_zone, "an IANA time zone such as America/New_York")
FLAG = Kind("flag", _flag, "true or false")
CELSIUS = Kind("°C", _number, "a temperature in °C")

# Who reads a variable: the README's table says it, and `check()` skips what only tools read.
BOTH = "both servers"
RASA = "Rasa server"
ACTIONS = "action server"
SERVERS_AND_CLI = "both servers, `python -m clinic`"
CLI = "`python -m clinic`"
MAKE = "Makefile"
TESTS = "tests"
BENCH = "bench"
TOOLS = (MAKE, TESTS, BENCH)


@dataclass(frozen=True)
class Variable:
    name: str
    kind: Kind
    default: Any  # None: not set (the meaning says what happens then)
    read_by: str
    meaning: str
    minimum: float | None = None  # the smallest value allowed (inclusive)
    above: float | None = None  # values must be greater than this
    maximum: float | None = None
    default_text: str | None = None  # how the README shows the default, when not the value itself
    file_variant: bool = False  # also NAME_FILE: the file that holds the value (secrets)

    def parse(self, raw: str) -> Any:
        try:
            parsed = self.kind.parse(raw)
        except (ValueError, TypeError, LookupError, OSError):
            raise SettingsError(self.name, raw, f"expected {self.kind.expected}", self.kind is SECRET) from None
        if isinstance(parsed, int | float) and not isinstance(parsed, bool):
            if self.minimum is not None and parsed < self.minimum:
                raise SettingsError(self.name, raw, f"must be at least {self.minimum:g}")
            if self.above is not None and parsed <= self.above:
                raise SettingsError(self.name, raw, f"must be more than {self.above:g}")
            if self.maximum is not None and parsed > self.maximum:
                raise SettingsError(self.name, raw, f"must be at most {self.maximum:g}")
        return parsed


def _clinic(key: str, kind: Kind, meaning: str, minimum: float | None = None, maximum: float | None = None) -> Variable:
    return Variable(
        PREFIX + key.upper(), kind, None, BOTH, meaning, minimum, maximum=maximum, default_text=f"clinic.yml `{key}`"
    )


VARIABLES: tuple[Variable, ...] = (
    # The clinic (clinic.yml; each key overridable).
    Variable(
        "TRIAGE_CLINIC_SETTINGS",
        PATH,
        None,
        BOTH,
        "the clinic's settings file",
        default_text="`clinic.yml` of the project",
    ),
    _clinic("clinic_name", TEXT, "the clinic's name, as the patient is told it"),
    _clinic("clinic_phone", TEXT, "the clinic's phone number (call_doctor_now)"),
    _clinic("emergency_number", TEXT, "the emergency number the patient is told to call"),
    _clinic(
        "high_fever_celsius",
        CELSIUS,
        "a temperature at or above this is a high fever: call the doctor",
        minimum=37.0,
        maximum=40.0,
    ),
    _clinic("time_zone", ZONE, "the clinic's IANA time zone, in which 'this morning' and 'at 7pm' are read"),
    # Records (clinic/).
    Variable(
        "TRIAGE_DATABASE_URL",
        URL,
        None,
        SERVERS_AND_CLI,
        "the one database (SQLAlchemy URL): conversations, audit trail, escalations",
        default_text="`var/conversations.db` (SQLite)",
    ),
    Variable(
        "TRIAGE_RETENTION_DAYS",
        COUNT,
        90,
        SERVERS_AND_CLI,
        "conversations and audit rows older than this are deleted",
        minimum=1,
    ),
    Variable(
        "TRIAGE_AUDIT_WAIT_SECONDS",
        SECONDS,
        1.5,
        ACTIONS,
        "how long an answer waits at most for its audit row's write",
        minimum=0,
    ),
    Variable(
        "TRIAGE_MAINTENANCE_SECONDS",
        SECONDS,
        30.0,
        BOTH,
        "the longest sleep of the maintenance loop (backlog, due escalations, retention)",
        above=0,
    ),
    Variable(
        "TRIAGE_ESCALATION_URL",
        URL,
        None,
        SERVERS_AND_CLI,
        "the clinic's webhook for call_doctor_now and emergency",
        default_text="none: no escalation",
    ),
    Variable(
        "TRIAGE_ESCALATION_SECRET",
        SECRET,
        None,
        SERVERS_AND_CLI,
        "signs each escalation (X-Triage-Signature, HMAC-SHA256)",
        default_text="none: unsigned",
    ),
    Variable(
        "TRIAGE_ESCALATION_BACKOFF_SECONDS",
        SECONDS,
        5.0,
        SERVERS_AND_CLI,
        "the first wait after a failed post, doubled each time",
        minimum=0,
    ),
    Variable(
        "TRIAGE_ESCALATION_MAX_BACKOFF_SECONDS",
        SECONDS,
        600.0,
        SERVERS_AND_CLI,
        "the longest wait between two posts",
        minimum=0,
    ),
    # The Rasa server's channels and fail-safe (components/).
    Variable(
        "TRIAGE_REQUEST_MAX_BYTES",
        COUNT,
        32 * 1024,
        RASA,
        "the largest message a channel reads (above it, a friendly 'too long')",
        minimum=1,
    ),
    Variable(
        "TRIAGE_RATE_SENDER_PER_MINUTE",
        NUMBER,
        30.0,
        RASA,
        "messages per minute per conversation (0: no limit)",
        minimum=0,
    ),
    Variable("TRIAGE_RATE_SENDER_BURST", COUNT, 20, RASA, "messages a conversation may send at once", minimum=0),
    Variable(
        "TRIAGE_RATE_IP_PER_MINUTE",
        NUMBER,
        300.0,
        RASA,
        "messages per minute per client address (0: no limit)",
        minimum=0,
    ),
    Variable("TRIAGE_RATE_IP_BURST", COUNT, 100, RASA, "messages an address may send at once", minimum=0),
    Variable(
        "TRIAGE_RATE_EXEMPT_IPS",
        LIST,
        (),
        RASA,
        "client addresses the per-address limit does not apply to",
        default_text="none",
    ),
    Variable(
        "TRIAGE_HEALTH_PROBE_SECONDS",
        SECONDS,
        30.0,
        RASA,
        "how often the conversation store's database is probed",
        above=0,
    ),
    Variable(
        "TRIAGE_ACTION_TIMEOUT_SECONDS",
        SECONDS,
        5.0,
        RASA,
        "the longest wait for the action server before the Rasa server answers by itself",
        above=0,
    ),
    # The servers' secrets (clinic/server_secrets.py): the variable, else the file NAME_FILE names.
    Variable(
        "TRIAGE_ACTION_SECRET",
        SECRET,
        None,
        BOTH,
        "the Rasa server signs every action call with it; the action server refuses calls without it",
        default_text="made once in `var/`",
        file_variant=True,
    ),
    Variable(
        "TRIAGE_SESSION_SECRET",
        SECRET,
        None,
        RASA,
        "signs the widget's session tokens (socket.io)",
        default_text="made once in `var/`",
        file_variant=True,
    ),
    Variable(
        "TRIAGE_API_TOKEN",
        SECRET,
        None,
        RASA,
        "the Rasa HTTP API's token (`--enable-api`; `python -m components.launch` hands it to Rasa)",
        default_text="random, told to nobody",
        file_variant=True,
    ),
    # Tools.
    Variable(
        "TRIAGE_CLINIC_ORIGINS",
        LIST,
        ("http://localhost:8080",),
        MAKE,
        "the websites allowed to embed the widget (`--cors`)",
        default_text="`http://localhost:8080`",
    ),
    Variable(
        "TRIAGE_TEST_POSTGRES_URL",
        URL,
        None,
        TESTS,
        "a PostgreSQL server for tests/clinic and tests/load",
        default_text="a throw-away cluster",
    ),
    Variable(
        "TRIAGE_TEST_CONNECT_LOG",
        PATH,
        None,
        TESTS,
        "set by tests/clinic: where the outbound-connection guard logs",
        default_text="none",
    ),
    Variable(
        "TRIAGE_PROVISION_ROOT",
        PATH,
        None,
        TESTS,
        "scripts/provision looks for the programs under this folder (tests/test_provision.py)",
        default_text="`/`",
    ),
    Variable("TRIAGE_LOAD_CONVERSATIONS", COUNT, 100, TESTS, "conversations at once in tests/load", minimum=1),
    Variable("TRIAGE_LOAD_MESSAGES", COUNT, 20, TESTS, "messages per conversation in tests/load", minimum=1),
    Variable(
        "TRIAGE_SCREENSHOTS",
        PATH,
        None,
        TESTS,
        "tests/browser copies its card pictures here (`make screenshots`: docs/)",
        default_text="none",
    ),
    Variable(
        "TRIAGE_BENCH_KEEP_MODELS", FLAG, False, BENCH, "`make bench` keeps the models it trained", default_text="false"
    ),
)
BY_NAME = {v.name: v for v in VARIABLES}

# Read by Rasa, Sanic or a library, not by us: set by the Makefile (and the tests' servers), or for the
# operator to set. Listed so that the README names every variable; never parsed here.
THIRD_PARTY: tuple[tuple[str, str], ...] = (
    ("RASA_TELEMETRY_ENABLED", "`false`, set by the Makefile, `.ci/run` and the tests: nothing leaves the machine"),
    ("TF_CPP_MIN_LOG_LEVEL", "`3`, set by the Makefile: TensorFlow's start-up noise"),
    ("SQLALCHEMY_SILENCE_UBER_WARNING", "`1`, set by the Makefile: SQLAlchemy 2.0's notice in 1.4"),
    ("PYTHONPATH", "the project, set by the Makefile"),
    ("PYTHONHASHSEED", "`0`, set by the Makefile: the same training twice gives the same model"),
    ("SANIC_HOST", "the action server's address: 127.0.0.1 unless set (`actions/auth.py`)"),
    ("SANIC_REAL_IP_HEADER", "behind a reverse proxy: the header holding the client's address (`x-real-ip`)"),
    ("SANIC_PROXIES_COUNT", "behind a reverse proxy: how many proxies to trust in X-Forwarded-For"),
    ("SANIC_FORWARDED_SECRET", "behind a reverse proxy: the secret of its Forwarded header"),
    ("SANIC_WORKERS", "Rasa server processes (with a shared lock store only: docs/deployment.md)"),
    ("ACTION_SERVER_SANIC_WORKERS", "action server processes (Rasa SDK)"),
    ("RASA_CACHE_DIRECTORY", "Rasa's training cache (`make bench` points it at a temporary folder)"),
)

# Names read before issue 11: a process that finds one set stops and names the new one, so that a clinic
# that set CLINIC_PHONE never quietly gets the default phone number.
RENAMED: dict[str, str] = {
    "CLINIC_SETTINGS": "TRIAGE_CLINIC_SETTINGS",
    "CLINIC_NAME": "TRIAGE_CLINIC_NAME",
    "CLINIC_PHONE": "TRIAGE_CLINIC_PHONE",
    "EMERGENCY_NUMBER": "TRIAGE_EMERGENCY_NUMBER",
    "HIGH_FEVER_CELSIUS": "TRIAGE_HIGH_FEVER_CELSIUS",
    "TIME_ZONE": "TRIAGE_TIME_ZONE",
    "ACTION_TIMEOUT_SECONDS": "TRIAGE_ACTION_TIMEOUT_SECONDS",
    "RASA_AUTH_TOKEN": "TRIAGE_API_TOKEN",
    "RASA_AUTH_TOKEN_FILE": "TRIAGE_API_TOKEN_FILE",
    "CLINIC_ORIGINS": "TRIAGE_CLINIC_ORIGINS",
}


def _declared(name: str) -> Variable:
    variable = BY_NAME.get(name)
    if variable is None and name.endswith("_FILE"):
        base = BY_NAME.get(name[: -len("_FILE")])
        if base is not None and base.file_variant:
            return Variable(name, PATH, None, base.read_by, f"a file holding {base.name}")
    if variable is None:
        raise KeyError(f"{name} is not declared in bot/settings.py VARIABLES")
    return variable


def setting(name: str, env: Mapping[str, str] | None = None) -> Any:
    """The value of the declared variable `name` (from `env`, else the process's environment): parsed,
    or its default when unset or blank. Raises SettingsError for a value that cannot be used."""
    variable = _declared(name)
    raw = (os.environ if env is None else env).get(name)
    if raw is None or not raw.strip():
        return variable.default
    return variable.parse(raw.strip())


# ---------------------------------------------------------------- the clinic (clinic.yml)


@dataclass(frozen=True)
class Settings:
    clinic_name: str
    clinic_phone: str
    emergency_number: str
    high_fever_celsius: float
    time_zone: str = "UTC"  # the clinic's IANA time zone: "this morning" and "7pm" are read in it

    @property
    def high_fever_fahrenheit(self) -> float:
        return round(self.high_fever_celsius * 9 / 5 + 32, 1)


CLINIC_KEYS = tuple(f.name for f in fields(Settings))


def settings_file(env: Mapping[str, str] | None = None) -> Path:
    return Path(setting("TRIAGE_CLINIC_SETTINGS", env) or DEFAULT_SETTINGS_FILE)


_OVERRIDES = tuple(PREFIX + key.upper() for key in CLINIC_KEYS)


def load_settings(path: Path | None = None) -> Settings:
    """The clinic's settings, re-read only when the file or an overriding variable changes (called for
    every assessment: a stat and a few environment reads when nothing changed)."""
    environ = os.environ
    if path is None:
        path = settings_file() if (environ.get("TRIAGE_CLINIC_SETTINGS") or "").strip() else DEFAULT_SETTINGS_FILE
    stat = os.stat(path)
    overrides = tuple(map(environ.get, _OVERRIDES))
    return _load_settings(str(path), stat.st_mtime_ns, stat.st_size, overrides)


@lru_cache(maxsize=8)
def _load_settings(path: str, _mtime: int, _size: int, overrides: tuple) -> Settings:
    values = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    chosen: dict[str, Any] = {}
    for key, override in zip(CLINIC_KEYS, overrides):
        variable = BY_NAME[PREFIX + key.upper()]
        if override is not None and override.strip():
            chosen[key] = variable.parse(override.strip())
        elif values.get(key) is not None:
            try:
                chosen[key] = variable.parse(str(values[key]).strip())
            except SettingsError as error:
                raise SettingsError(f"{Path(path).name} {key}", values[key], error.why) from None
        elif key != "time_zone":
            raise SettingsError(f"{Path(path).name} {key}", None, f"missing (or set {variable.name})")
    return Settings(**chosen)


# ---------------------------------------------------------------- start-up


def check(env: Mapping[str, str] | None = None) -> None:
    """Raise SettingsError for the first setting a server or `python -m clinic` cannot start with: a
    variable under its old name, an unknown `TRIAGE_` name (a typo), a bad value, a bad clinic.yml."""
    env = os.environ if env is None else env
    for old, new in RENAMED.items():
        if old in env:
            raise SettingsError(old, env[old], f"no longer read: it is now {new}", secret=old.startswith("RASA_AUTH"))
    for name in sorted(env):
        if name.startswith(PREFIX):
            try:
                _declared(name)
            except KeyError:
                raise SettingsError(
                    name, env[name], "not a setting (a typo?): README 'Configuration' lists them"
                ) from None
    for variable in VARIABLES:
        if variable.read_by not in TOOLS:
            setting(variable.name, env)
    path = settings_file(env)
    if not path.is_file():
        raise SettingsError("TRIAGE_CLINIC_SETTINGS", str(path), "no such file")
    values = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    unknown = sorted(set(values) - set(CLINIC_KEYS))
    if unknown:
        raise SettingsError(f"{path.name} {unknown[0]}", values[unknown[0]], f"not a setting: {', '.join(CLINIC_KEYS)}")
    overrides = tuple(env.get(PREFIX + key.upper()) for key in CLINIC_KEYS)
    _load_settings(str(path), path.stat().st_mtime_ns, path.stat().st_size, overrides)


def start_up_problem(env: Mapping[str, str] | None = None) -> str | None:
    """`check()` as one line for a process about to stop, else None."""
    try:
        check(env)
    except SettingsError as error:
        return f"configuration error: {error} (README 'Configuration')"
    return None


# ---------------------------------------------------------------- the README's table


def _default_text(variable: Variable) -> str:
    if variable.default_text is not None:
        return variable.default_text
    default = variable.default
    if isinstance(default, float) and default.is_integer():
        default = int(default)
    return f"`{default}`"


def markdown_table() -> str:
    """README's configuration table (scripts/write_settings_table puts it there)."""
    lines = ["| variable | kind | default | read by | what |", "|---|---|---|---|---|"]
    for v in VARIABLES:
        name = f"`{v.name}`" + (f" or `{v.name}_FILE`" if v.file_variant else "")
        lines.append(f"| {name} | {v.kind.name} | {_default_text(v)} | {v.read_by} | {v.meaning} |")
    lines += ["", "Read by Rasa, Sanic or a library, not by the project:", "", "| variable | what |", "|---|---|"]
    lines += [f"| `{name}` | {what} |" for name, what in THIRD_PARTY]
    return "\n".join(lines) + "\n"
