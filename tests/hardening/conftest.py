"""One hardened server for the channel tests: the production channels (credentials.yml), the production
tracker store on an SQLite file of its own, the HTTP API on with a token (passed by the environment,
as `make rasa` does), --cors for the demo page, and a low per-address rate limit (the loopback is not
exempt by default: here 127.0.0.1 is, by the setting TRIAGE_RATE_EXEMPT_IPS, so only the tests that
send from 127.0.0.2 and up meet it)."""

import http.client
import json
import secrets
import time
from dataclasses import dataclass

import pytest
import yaml

from tests.support.servers import ROOT, Servers

ALLOWED_ORIGIN = "http://localhost:8080"
IP_BURST = 8


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    @property
    def json(self):
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return "\n".join(m.get("text", "") for m in self.json if isinstance(m, dict))

    @property
    def triage(self):
        found = [m["custom"]["triage"] for m in self.json if "triage" in (m.get("custom") or {})]
        return found[0] if found else None


class HardenedServers(Servers):
    token: str = ""

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict | None = None,
        source_ip: str = "127.0.0.1",
        timeout: float = 60,
    ) -> Response:
        """A raw HTTP request (any bytes), from a chosen loopback address."""
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.rasa_port, timeout=timeout, source_address=(source_ip, 0)
        )
        try:
            connection.request(method, path, body=body, headers=headers or {})
            answer = connection.getresponse()
            return Response(answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read())
        finally:
            connection.close()

    def post(self, payload, source_ip: str = "127.0.0.1", headers: dict | None = None) -> Response:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        return self.request(
            "POST",
            "/webhooks/rest/webhook",
            body,
            {"Content-Type": "application/json", **(headers or {})},
            source_ip=source_ip,
        )

    def say(self, sender: str, message, **kwargs) -> Response:
        return self.post({"sender": sender, "message": message}, **kwargs)

    def health(self) -> Response:
        return self.request("GET", "/webhooks/rest/health")

    def log(self) -> str:
        return (self.workdir / "rasa.log").read_text(errors="replace")


@pytest.fixture(scope="session")
def hardened(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("hardened")
    tracker_store = yaml.safe_load((ROOT / "endpoints.yml").read_text())["tracker_store"]
    running = HardenedServers(
        workdir,
        tracker_store=tracker_store,
        env={
            "TRIAGE_RATE_IP_PER_MINUTE": "30",
            "TRIAGE_RATE_IP_BURST": str(IP_BURST),
            "TRIAGE_RATE_EXEMPT_IPS": "127.0.0.1",
            "TRIAGE_HEALTH_PROBE_SECONDS": "1",
        },
    )
    running.token = secrets.token_hex(24)
    running.env["TRIAGE_API_TOKEN"] = running.token
    try:
        running.start_actions()
        running.start_rasa("--enable-api", "--cors", ALLOWED_ORIGIN)
        yield running
    finally:
        running.stop_all()


def wait_for(condition, timeout: float = 30.0, step: float = 0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(step)
    raise AssertionError(f"not met within {timeout} s")
