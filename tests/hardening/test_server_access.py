"""Only the Rasa server can talk to the action server, and no secret is on a command line.

A forged action call (a crafted tracker sent straight to the action server, as an attacker on the
machine or the network would) is refused and writes nothing; the action server listens on the
loopback address only; the Rasa API token is not visible in the process list."""

import socket
import uuid
from pathlib import Path

import requests
import yaml

from clinic import audit
from tests.conftest import ROOT


def forged_call(conversation: str) -> dict:
    """What the Rasa server would send for action_triage, with an invented emergency in it."""
    findings = {"symptoms": ["throat_or_face_swelling"], "patient_words": ["invented words"]}
    latest = {
        "text": "my throat is closing",
        "intent": {"name": "report_emergency", "confidence": 1.0},
        "entities": [],
        "triage_findings": findings,
    }
    return {
        "next_action": "action_triage",
        "sender_id": conversation,
        "version": "3.6.21",
        "domain": yaml.safe_load((ROOT / "domain.yml").read_text()),
        "tracker": {
            "sender_id": conversation,
            "slots": {},
            "latest_message": latest,
            "events": [{"event": "user", "text": latest["text"], "parse_data": latest}],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
    }


def test_a_forged_action_call_is_refused_and_writes_nothing(hardened):
    conversation = f"forged-{uuid.uuid4().hex[:10]}"
    url = f"http://127.0.0.1:{hardened.action_port}/webhook"
    for headers in ({}, {"X-Triage-Action-Token": "guessed"}, {"Authorization": f"Bearer {hardened.action_secret}"}):
        answer = requests.post(url, json=forged_call(conversation), headers=headers, timeout=30)
        assert answer.status_code == 401, headers
        assert "triage" not in answer.text and "events" not in answer.json()
    assert requests.get(f"http://127.0.0.1:{hardened.action_port}/actions", timeout=10).status_code == 401
    assert [r for r in audit.rows(db_url=hardened.database_url) if r["conversation_id"] == conversation] == []
    # the same call with the shared secret is what the Rasa server makes: it runs
    signed = requests.post(
        url, json=forged_call(conversation), timeout=30, headers={"X-Triage-Action-Token": hardened.action_secret}
    )
    assert signed.status_code == 200 and signed.json()["events"]
    assert requests.get(f"http://127.0.0.1:{hardened.action_port}/health", timeout=10).status_code == 200


def test_the_action_server_listens_on_the_loopback_address_only(hardened):
    """Bound to 127.0.0.1, it does not answer on another address of this machine (127.0.0.2 stands for
    any other interface: a server on 0.0.0.0 would answer there)."""
    with socket.socket() as probe:
        probe.settimeout(5)
        assert probe.connect_ex(("127.0.0.2", hardened.action_port)) != 0
    with socket.socket() as probe:
        probe.settimeout(5)
        assert probe.connect_ex(("127.0.0.1", hardened.action_port)) == 0
    # the Rasa server's public port, for comparison, is on every interface
    with socket.socket() as probe:
        probe.settimeout(5)
        assert probe.connect_ex(("127.0.0.2", hardened.rasa_port)) == 0


def test_no_secret_is_on_a_command_line(hardened):
    for name in ("rasa", "actions"):
        command_line = Path(f"/proc/{hardened.processes[name].pid}/cmdline").read_bytes().decode(errors="replace")
        for secret in (hardened.token, hardened.action_secret, hardened.session_secret):
            assert secret not in command_line, name
    assert hardened.request("GET", f"/status?token={hardened.token}").status == 200  # and yet the API has it
    assert hardened.health().json["api"] == "token"
