"""Is the conversation store really storing? Made visible: `GET /webhooks/rest/health` and the logs.

Rasa wraps every tracker store in a FailSafeTrackerStore that, when the store fails, quietly keeps
conversations in memory; our TriageTrackerStore (components/stores/tracker_store.py) does the same on
purpose, so a database that is down never silences the bot. Either way conversations are then
lost on a restart, and nothing but a log line said so. Here:

- `report(app)` probes the store's database (`SELECT 1`, at most PROBE_TIMEOUT_SECONDS) and says
  whether Rasa's wrapper has fallen back to memory and how many conversations are held in memory
  only; the health route answers 200 when all is well, else 503 with the same JSON. Use it for
  alerting; do not make it a readiness probe: a pod whose database is down still answers patients
  (fail safe), and taking every pod out of service would silence the bot.
- a watcher probes every TRIAGE_HEALTH_PROBE_SECONDS (30) and logs at ERROR when the database stops
  answering (again every 5 minutes while it stays down), and when it is back;
- Rasa's wrapper gets an error callback that logs the failure's type only: its own message quotes
  the database error, whose SQL parameters can hold the patient's words.
Nothing here changes how conversations are stored.
"""

import asyncio
import logging
import sys
import time
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore

from bot.settings import setting

logger = logging.getLogger("triage.health")

PROBE_SECONDS = setting("TRIAGE_HEALTH_PROBE_SECONDS")
PROBE_TIMEOUT_SECONDS = 5.0
REPEAT_ERROR_SECONDS = 300.0


class StoreState:
    """What this process knows about its conversation store."""

    def __init__(self) -> None:
        self.database_ok: bool | None = None
        self.last_error: str | None = None
        self.last_logged = 0.0
        self.wrapper_failures = 0


STATE = StoreState()


def store_chain(store: Any) -> list[Any]:
    """The store and the stores it wraps (FailSafeTrackerStore, AwaitableTrackerStore, ...)."""
    chain, seen = [], set()
    while store is not None and id(store) not in seen:
        seen.add(id(store))
        chain.append(store)
        store = getattr(store, "_tracker_store", None)
    return chain


def _safe_url(engine: Any) -> str:
    try:
        return engine.url.render_as_string(hide_password=True)
    except Exception:
        return "<database>"


def _select_one(engine: Any) -> None:
    with engine.connect() as connection:
        connection.execute(sa.text("SELECT 1"))


async def probe(engine: Any) -> str | None:
    """None when the database answers, else the error's type."""
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(loop.run_in_executor(None, _select_one, engine), PROBE_TIMEOUT_SECONDS)
        return None
    except TimeoutError:
        return "Timeout"
    except Exception as error:
        original = getattr(error, "orig", None)
        return type(original).__name__ if original is not None else type(error).__name__


def _note(engine: Any, error: str | None) -> None:
    """Log the database's state when it changes (ERROR when down, repeated while it stays down)."""
    now = time.monotonic()
    if error is None:
        if STATE.database_ok is False:
            logger.warning(
                "conversation database %s answers again; conversations kept in memory are written "
                "with their next message",
                _safe_url(engine),
            )
        STATE.database_ok, STATE.last_error = True, None
        return
    if STATE.database_ok is not False or now - STATE.last_logged >= REPEAT_ERROR_SECONDS:
        logger.error(
            "conversation database %s does not answer (%s): conversations are kept in this server's "
            "memory only and are lost if it restarts",
            _safe_url(engine),
            error,
        )
        STATE.last_logged = now
    STATE.database_ok, STATE.last_error = False, error


async def report(app: Any) -> dict[str, Any]:
    agent = getattr(app.ctx, "agent", None)
    chain = store_chain(getattr(agent, "tracker_store", None))
    problems = []
    result: dict[str, Any] = {"model_loaded": bool(agent is not None and agent.is_ready()), "api": api_protection()}
    if not result["model_loaded"]:
        problems.append("model not loaded")
    if result["api"] == "open":
        problems.append("HTTP API without authentication")
    store: dict[str, Any] = {"type": type(chain[-1]).__name__ if chain else None}
    wrapper = next((s for s in chain if isinstance(s, FailSafeTrackerStore)), None)
    store["fallen_back_to_memory"] = bool(wrapper is not None and wrapper._fallback_tracker_store is not None)
    if store["fallen_back_to_memory"]:
        problems.append("Rasa's tracker store wrapper fell back to memory")
    inner = chain[-1] if chain else None
    engine = getattr(inner, "engine", None)
    if engine is None:
        store["database"] = "none"  # an in-memory store by configuration: nothing to probe
    else:
        error = await probe(engine)
        _note(engine, error)
        store["database"] = "ok" if error is None else "down"
        if error:
            store["error"] = error
            problems.append("conversation database down")
    unsaved = getattr(inner, "_unsaved", None)
    if unsaved is not None:
        store["conversations_only_in_memory"] = len(unsaved)
        if unsaved:
            problems.append("conversations not yet written to the database")
    result["conversation_store"] = store
    result["action_server"] = await action_server(agent)
    if result["action_server"]["status"] != "ok":
        problems.append("action server " + result["action_server"]["status"])
    result["audit_database"] = await audit_database(inner, engine)
    if result["audit_database"]["database"] != "ok":
        problems.append("audit database down")
    result["status"] = "ok" if not problems else "degraded"
    result["problems"] = problems
    return result


async def action_server(agent: Any) -> dict[str, Any]:
    """Does the action server answer the Rasa server, with our secret? Its `/actions` list needs it
    (actions/auth.py), so a wrong secret shows here as "refuses our token", not as "ok"."""
    from components.patches import action_auth, failsafe

    endpoint = getattr(agent, "action_endpoint", None)
    state: dict[str, Any] = {"degraded_replies": failsafe.STATE.degraded_replies}
    if failsafe.STATE.last_failure:
        state["last_failure_utc"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(failsafe.STATE.last_failure))
    if endpoint is None or not getattr(endpoint, "url", None):
        return {"status": "not configured", **state}
    import aiohttp

    url = endpoint.url.rsplit("/webhook", 1)[0] + "/actions"
    action_auth.sign(endpoint)
    try:
        timeout = aiohttp.ClientTimeout(total=PROBE_TIMEOUT_SECONDS)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            async with session.get(url, headers=endpoint.headers) as answer:
                status = (
                    "ok"
                    if answer.status == 200
                    else ("refuses our token" if answer.status in (401, 403) else f"answers {answer.status}")
                )
    except TimeoutError:
        status = "down"
        state["error"] = "Timeout"
    except Exception as error:
        status = "down"
        state["error"] = type(error).__name__
    return {"status": status, **state}


async def audit_database(store: Any, store_engine: Any) -> dict[str, Any]:
    """The audit trail's database (TRIAGE_DATABASE_URL): the Rasa server writes to it when it gives a
    disposition by itself (components/patches/failsafe.py). Rows it could not write wait in memory."""
    from clinic import database

    worker = sys.modules.get("clinic.worker")  # imported only once a degraded disposition was given
    engine = database.engine()
    if store_engine is not None and str(store_engine.url) == str(engine.url):
        error = STATE.last_error if STATE.database_ok is False else None  # probed just now, as the store's
    else:
        error = await probe(engine)
    report: dict[str, Any] = {
        "database": "ok" if error is None else "down",
        "rows_waiting_in_memory": len(worker._backlog) if worker else 0,
    }
    if error:
        report["error"] = error
    return report


async def _watch(app: Any) -> None:
    while True:
        await asyncio.sleep(PROBE_SECONDS)
        try:
            agent = getattr(app.ctx, "agent", None)
            chain = store_chain(getattr(agent, "tracker_store", None))
            engine = getattr(chain[-1], "engine", None) if chain else None
            if engine is not None:
                _note(engine, await probe(engine))
        except asyncio.CancelledError:
            raise
        except Exception as error:
            logger.error("conversation store watcher: %s", type(error).__name__)


def _on_wrapper_error(error: Exception) -> None:
    STATE.wrapper_failures += 1
    original = getattr(error, "orig", None)
    logger.error(
        "conversation store failed (%s%s): Rasa keeps conversations in memory from now on",
        type(error).__name__,
        f": {type(original).__name__}" if original is not None else "",
    )


def install(app: Any) -> None:
    """After the server started (the agent is loaded): the wrapper's callback and the watcher."""
    agent = getattr(app.ctx, "agent", None)
    for store in store_chain(getattr(agent, "tracker_store", None)):
        if isinstance(store, FailSafeTrackerStore) and store._on_tracker_store_error is None:
            store._on_tracker_store_error = _on_wrapper_error
    app.ctx.triage_store_watch = asyncio.get_running_loop().create_task(_watch(app))


def api_protection(argv: list[str] | None = None) -> str:
    """How `rasa run` protects its HTTP API: off, token, jwt, or open (enabled without either)."""
    argv = sys.argv if argv is None else argv
    if "--enable-api" not in argv:
        return "off"
    for options, kind in ((("--auth-token", "-t"), "token"), (("--jwt-secret",), "jwt")):
        for i, arg in enumerate(argv):
            value = next((arg.split("=", 1)[1] for o in options if arg.startswith(o + "=")), None)
            if arg in options and i + 1 < len(argv):
                value = argv[i + 1]
            if value and value.strip():  # an empty token would let `?token=` in
                return kind
    return "open"


def check_api_protection() -> None:
    if api_protection() == "open":
        logger.error(
            "the HTTP API is enabled without --auth-token or --jwt-secret: anyone who can reach this "
            "port can read and change conversations (make rasa passes TRIAGE_API_TOKEN)"
        )
