"""Shared fixtures: real servers on free ports, a loaded Rasa agent, and Rasa SDK trackers."""

import os
import secrets
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MODEL = ROOT / "models" / "triage.tar.gz"
SERVER_START_TIMEOUT = 180  # seconds; a cold Rasa start on a busy 2-core machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env() -> dict:
    env = dict(
        os.environ,
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="3",
        PYTHONPATH=str(ROOT),
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
    )
    return env


def wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=1).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.25)
    raise TimeoutError(f"{url} not up after {SERVER_START_TIMEOUT} s:\n{log.read_text()[-3000:]}")


def stop_process(process: subprocess.Popen | None) -> None:
    """Terminate, then kill if it has not stopped within 20 s."""
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@dataclass
class Servers:
    """The action server and the Rasa server, started from this checkout on free ports.

    By default conversations stay in Rasa's in-memory store and the audit trail goes to an SQLite file
    in `workdir` (never the checkout's var/). `tracker_store` (endpoints.yml's section, as a dict) and
    `env` (more environment for both servers, e.g. TRIAGE_DATABASE_URL) change that."""

    workdir: Path
    rasa_port: int = field(default_factory=free_port)
    action_port: int = field(default_factory=free_port)
    processes: dict = field(default_factory=dict)
    tracker_store: dict | None = None
    env: dict = field(default_factory=dict)
    # The servers' shared secrets (clinic/server_secrets.py), per test run: never the checkout's var/.
    action_secret: str = field(default_factory=lambda: secrets.token_hex(16))
    session_secret: str = field(default_factory=lambda: secrets.token_hex(16))

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def endpoints(self) -> Path:
        path = self.workdir / "endpoints.yml"
        path.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{self.action_port}/webhook"\n')
        if self.tracker_store:
            import yaml

            with path.open("a") as out:
                yaml.safe_dump({"tracker_store": self.tracker_store}, out)
        return path

    @property
    def database_url(self) -> str:
        return self.env.get("TRIAGE_DATABASE_URL") or f"sqlite:///{self.workdir / 'triage.db'}"

    def server_env(self) -> dict:
        # The tests' clients all send from 127.0.0.1: exempt it from the per-address limit, as a setting
        # (the loopback is not exempt by default); the limit tests send from 127.0.0.2 and up.
        return {
            **server_env(),
            "TRIAGE_ACTION_SECRET": self.action_secret,
            "TRIAGE_SESSION_SECRET": self.session_secret,
            "TRIAGE_RATE_EXEMPT_IPS": "127.0.0.1",
            **self.env,
            "TRIAGE_DATABASE_URL": self.database_url,
        }

    def start_actions(self) -> None:
        log = self.workdir / "actions.log"
        self.processes["actions"] = subprocess.Popen(
            [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(self.action_port)],
            cwd=ROOT,
            env=self.server_env(),
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_until_up(f"http://127.0.0.1:{self.action_port}/health", self.processes["actions"], log)

    def start_rasa(self, *extra: str) -> None:
        log = self.workdir / "rasa.log"
        self.processes["rasa"] = subprocess.Popen(  # as `make rasa`: the API token comes by the environment
            [
                sys.executable,
                "-m",
                "components.launch",
                "run",
                "--model",
                str(MODEL),
                "--port",
                str(self.rasa_port),
                "--endpoints",
                str(self.endpoints),
                "--credentials",
                str(ROOT / "credentials.yml"),
                *extra,
            ],
            cwd=ROOT,
            env=self.server_env(),
            stdout=log.open("a"),
            stderr=subprocess.STDOUT,
        )
        wait_until_up(f"{self.rasa_url}/webhooks/rest/", self.processes["rasa"], log)

    def stop(self, name: str) -> None:
        stop_process(self.processes.pop(name, None))

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)

    def chat(self, sender: str, message: str) -> list[dict]:
        response = requests.post(
            f"{self.rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=30
        )
        response.raise_for_status()
        return response.json()


@pytest.fixture(scope="session")
def servers(tmp_path_factory) -> Servers:
    running = Servers(tmp_path_factory.mktemp("servers"))
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop_all()


class Conversation:
    """One patient talking to the running bot over REST."""

    def __init__(self, servers: Servers):
        self.servers = servers
        self.sender = f"test-{uuid.uuid4().hex[:10]}"
        self.replies: list[dict] = []

    def say(self, message: str) -> list[dict]:
        self.replies = self.servers.chat(self.sender, message)
        return self.replies

    @property
    def text(self) -> str:
        return "\n".join(r.get("text", "") for r in self.replies)

    @property
    def triage(self) -> dict | None:
        """The disposition of this turn: one message with the words and the payload together."""
        dispositions = [r for r in self.replies if "triage" in (r.get("custom") or {})]
        assert len(dispositions) <= 1, "one disposition per turn at most"
        if not dispositions:
            return None
        assert dispositions[0].get("text"), "the payload travels with the disposition's text"
        return dispositions[0]["custom"]["triage"]


@pytest.fixture
def conversation(servers) -> Conversation:
    return Conversation(servers)


@pytest.fixture(scope="session")
def agent():
    """The trained model in-process, for NLU tests and the dev set."""
    from eval.evaluate import load_agent

    return load_agent()


# ---------------------------------------------------------------- Rasa SDK trackers (financial-demo style)


@pytest.fixture
def make_tracker():
    """A Rasa SDK tracker whose latest message carries the findings the NLU scanner would give."""
    from rasa_sdk import Tracker

    from bot.findings import extract

    def build(
        text: str = "",
        intent: str = "report_symptoms",
        slots: dict | None = None,
        latest_action: str = "action_listen",
        classifier_intent: str | None = None,
    ) -> Tracker:
        findings = extract(text).to_dict() if text else {}
        latest_message = {
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": [],
            "triage_findings": findings,
            "intent_before_scan": classifier_intent or intent,
        }
        events = [
            {"event": "user", "text": text, "parse_data": latest_message},
            {"event": "action", "name": latest_action},
        ]
        return Tracker("patient-1", dict(slots or {}), latest_message, events, False, None, {}, latest_action)

    return build


@pytest.fixture
def dispatcher():
    from rasa_sdk.executor import CollectingDispatcher

    return CollectingDispatcher()


@pytest.fixture
def domain() -> dict:
    import yaml

    return yaml.safe_load((ROOT / "domain.yml").read_text())
