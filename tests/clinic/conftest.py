"""Fixtures of the clinic-operations tests: both databases, a local webhook receiver, servers with persistence.

SQLite and PostgreSQL, always. PostgreSQL is a throw-away cluster on a free port that the first test
needing it starts for the session (tests/engines.py; Debian's `postgresql`, which `make test` installs),
or the server of TRIAGE_TEST_POSTGRES_URL when set (a superuser URL; set but unreachable fails).
Neither is ever a skip. Each PostgreSQL test gets a database of its own, created and dropped here.
"""

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml
from sqlalchemy.engine import make_url

from bot.settings import setting
from tests.engines import Postgres
from tests.support.servers import ROOT, Servers

POSTGRES_VARIABLE = "TRIAGE_TEST_POSTGRES_URL"
DATABASES = ("sqlite", "postgresql")
GUARD_DIR = Path(__file__).parent / "outbound_guard"


def production_tracker_store() -> dict:
    """The tracker store section of the real endpoints.yml: the tests run what production runs."""
    return yaml.safe_load((ROOT / "endpoints.yml").read_text())["tracker_store"]


@pytest.fixture(scope="session")
def postgres_admin_url():
    """A PostgreSQL superuser URL for the session: TRIAGE_TEST_POSTGRES_URL, else a cluster started here."""
    given = setting(POSTGRES_VARIABLE)
    if given:
        yield given
        return
    cluster = Postgres()
    try:
        cluster.start()
    except Exception as error:  # whatever stops it, the PostgreSQL tests fail with the reason
        cluster.stop()
        pytest.fail(f"a throw-away PostgreSQL could not be started: {error}", pytrace=False)
    try:
        yield cluster.admin_url
    finally:
        cluster.stop()


def _fresh_postgres_database(admin_url: str):
    """A new, empty database on the test server; yields its URL and drops it afterwards."""
    name = f"triage_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as error:
        admin.dispose()
        pytest.fail(
            f"PostgreSQL ({make_url(admin_url).render_as_string()}) cannot be reached or used: {error}", pytrace=False
        )
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:  # FORCE: the servers' and this process's pooled connections go with it
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path) -> str:
    """An empty database of each kind, as a TRIAGE_DATABASE_URL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'triage.db'}"
        return
    yield from _fresh_postgres_database(request.getfixturevalue("postgres_admin_url"))


@pytest.fixture
def use_database(database_url, monkeypatch) -> str:
    """`database_url` as the bot's database, for code that reads TRIAGE_DATABASE_URL."""
    monkeypatch.setenv("TRIAGE_DATABASE_URL", database_url)
    return database_url


# ---------------------------------------------------------------- a local webhook receiver


class Receiver:
    """An HTTP server on the loopback that answers 503 to its first `fail_first` requests, then 200."""

    def __init__(self, fail_first: int = 0, port: int = 0):
        self.fail_first = fail_first
        self.requests: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                ok = len(receiver.requests) >= receiver.fail_first
                receiver.requests.append(
                    {"headers": dict(self.headers), "body": body, "ok": ok, "path": self.path, "at": time.monotonic()}
                )
                self.send_response(200 if ok else 503)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/escalations"

    @property
    def delivered(self) -> list[dict]:
        return [json.loads(r["body"]) for r in self.requests if r["ok"]]

    def wait_for(self, condition, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition(self):
                return
            time.sleep(0.1)
        raise AssertionError(f"receiver condition not met in {timeout} s; got {len(self.requests)} request(s)")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    running = Receiver(fail_first=2)
    yield running
    running.close()


# ---------------------------------------------------------------- servers with the production tracker store


def persistent_servers(workdir: Path, database_url: str, **env: str) -> Servers:
    """Servers as in production (tracker store of endpoints.yml), on the given database."""
    return Servers(workdir, tracker_store=production_tracker_store(), env={"TRIAGE_DATABASE_URL": database_url, **env})


def kill(servers: Servers, name: str) -> None:
    """Stop a server the hard way (SIGKILL): nothing gets a chance to flush."""
    process = servers.processes.pop(name)
    process.kill()
    process.wait(timeout=30)
