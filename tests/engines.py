"""Debian's server programs started by the tests themselves: each on a free port of the loopback, with its
own temporary directory, stopped at the end. `make test` installs the packages (scripts/provision); a
missing program fails the tests, it is never a skip."""

import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.servers import free_port

START_TIMEOUT = 60  # seconds


def need(binary: str) -> str:
    found = (
        shutil.which(binary)
        or shutil.which(binary, path="/usr/sbin:/sbin")
        or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{binary}"))[-1:]), None)
    )
    if not found:
        pytest.fail(f"{binary} is not installed: `make test` installs it (scripts/provision; as root)", pytrace=False)
    return found


def wait_for_port(port: int, process: subprocess.Popen, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}: {log.read_text()[-2000:] if log else ''}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"{what} not listening on {port} after {START_TIMEOUT} s")


@dataclass
class Postgres:
    """A throw-away PostgreSQL cluster (trust authentication, loopback only, fsync off: a test), with a
    superuser `triage` and an empty database `triage`. PostgreSQL refuses to run as root: as root it runs
    as the `postgres` user of Debian's package."""

    directory: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="triage-pg-")))
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"postgresql://triage@127.0.0.1:{self.port}/triage"

    @property
    def admin_url(self) -> str:
        """The superuser on the `postgres` database: for creating and dropping databases."""
        return f"postgresql://triage@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        initdb, postgres = need("initdb"), need("postgres")
        as_user = {}
        if os.geteuid() == 0:
            as_user = {"user": "postgres", "group": "postgres", "extra_groups": []}
            shutil.chown(self.directory, "postgres", "postgres")
        data, log = self.directory / "data", self.directory / "postgres.log"
        made = subprocess.run(
            [initdb, "-D", str(data), "-U", "triage", "-A", "trust", "--no-sync", "-E", "UTF8"],
            check=False,
            capture_output=True,
            text=True,
            cwd="/",
            **as_user,
        )
        if made.returncode:
            raise RuntimeError(f"initdb failed ({made.returncode}): {made.stderr[-2000:]}")
        # Directly the postmaster (no runuser in between), so that stop() signals PostgreSQL itself.
        self.process = subprocess.Popen(
            [
                postgres,
                "-D",
                str(data),
                "-p",
                str(self.port),
                "-k",
                str(self.directory),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=200",
            ],
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            cwd="/",
            **as_user,
        )
        wait_for_port(self.port, self.process, "postgres", log)
        import sqlalchemy as sa

        admin = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                try:
                    with admin.connect() as connection:
                        connection.execute(sa.text("CREATE DATABASE triage"))
                    break
                except sa.exc.OperationalError:  # listening, but still starting up
                    if time.monotonic() > deadline or self.process.poll() is not None:
                        raise
                    time.sleep(0.2)
        finally:
            admin.dispose()

    def stop(self) -> None:
        """Fast shutdown (SIGINT: open sessions are ended), then the directory goes."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.directory, ignore_errors=True)
