"""The action server and the Rasa server, started from this checkout on free ports, and waited for.

One place for the tests (tests/conftest.py's `servers` fixture, tests/clinic, tests/hardening, tests/load),
`python -m eval.conversations` and `make bench` (bench/run.py): the same environment, ports and waits.
Nothing here imports pytest.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent.parent
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


def stop_processes(*processes: subprocess.Popen | None) -> None:
    """Terminate them all, then kill each that has not stopped within 20 s."""
    running = [p for p in processes if p is not None and p.poll() is None]
    for process in running:
        process.terminate()
    for process in running:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def stop_process(process: subprocess.Popen | None) -> None:
    stop_processes(process)


def action_server_command(port: int) -> list[str]:
    """`rasa run actions` on `port` (127.0.0.1 only, actions/auth.py), as `make actions` runs it."""
    return [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(port)]


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
            action_server_command(self.action_port),
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
