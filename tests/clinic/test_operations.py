"""A clinic's day through the real servers, as configured in production (tracker store of
endpoints.yml, SQLite), with the escalation webhook on and its receiver down for the first tries:
the audit export lists every disposition, escalations arrive at least once, the patient sees the
hand-off, the logs hold no patient words, and nothing connects anywhere but this machine."""

import json
import re
import subprocess
import sys
import uuid

import pytest

from bot.triage import RULES
from tests.clinic.conftest import GUARD_DIR, Receiver, persistent_servers
from tests.clinic.test_persistence import model_id, payload, texts
from tests.support.servers import ROOT, server_env

HANDOFF_START = "When you call, you can read this out:"
# What these patients say that appears nowhere in the bot's own words: it must stay out of the logs.
PRIVATE_WORDS = ("throbbing", "quokka")
CONVERSATIONS = {
    "home": [
        "I have a headache",
        "no",
        "no",
        "no",
        "just after the quokka lecture",
        "no",
        "no",
    ],  # ..., breathing, closing
    "doctor": ["my head is throbbing and my neck is stiff"],
    "emergency": ["my throat is swelling up"],
    "doctor-after-questions": ["I have a rash", "yes"],
}


@pytest.fixture(scope="module")
def clinic(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("clinic")
    receiver = Receiver(fail_first=2)
    servers = persistent_servers(
        workdir,
        f"sqlite:///{workdir / 'triage.db'}",
        TRIAGE_ESCALATION_URL=receiver.url,
        TRIAGE_ESCALATION_BACKOFF_SECONDS="0.5",
        TRIAGE_TEST_CONNECT_LOG=str(workdir / "connections.log"),
        PYTHONPATH=f"{GUARD_DIR}:{ROOT}",
    )
    day = {
        "servers": servers,
        "receiver": receiver,
        "workdir": workdir,
        "models": {model_id()},
        "senders": {},
        "replies": {},
    }
    try:
        servers.start_actions()
        servers.start_rasa()
        for name, messages in CONVERSATIONS.items():
            sender = f"{name}-{uuid.uuid4().hex[:8]}"
            for message in messages:
                replies = servers.chat(sender, message)
            day["senders"][name], day["replies"][name] = sender, replies
        day["models"].add(model_id())  # `make train` may run beside us
        yield day
    finally:
        servers.stop_all()
        receiver.close()


def export(clinic, fmt: str = "json") -> str:
    result = subprocess.run(
        [sys.executable, "-m", "clinic", "export", "--since", "2000-01-01", "--format", fmt],
        cwd=ROOT,
        env={**server_env(), "TRIAGE_DATABASE_URL": clinic["servers"].database_url},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_dispositions_given(clinic):
    levels = {name: (payload(replies) or {}).get("level") for name, replies in clinic["replies"].items()}
    assert levels == {
        "home": "manage_at_home",
        "doctor": "call_doctor_now",
        "emergency": "emergency",
        "doctor-after-questions": "call_doctor_now",
    }, {n: texts(r) for n, r in clinic["replies"].items()}


def test_audit_export_lists_every_disposition_with_the_rules_fired(clinic):
    rows = json.loads(export(clinic))
    rule_ids = {rule.id for rule in RULES}
    for name, sender in clinic["senders"].items():
        triage = payload(clinic["replies"][name])
        (row,) = [r for r in rows if r["conversation_id"] == sender]
        assert (row["level"], row["red_flags"], row["symptoms"], row["denied"]) == (
            triage["level"],
            triage["red_flags"],
            triage["symptoms"],
            triage["denied"],
        )
        fired = set(row["rules_fired"])
        assert set(row["symptoms"]) | set(row["red_flags"]) <= fired <= set(row["symptoms"]) | rule_ids
        assert row["model_version"] in clinic["models"] and re.fullmatch(r"[0-9a-f]{12}", row["lexicon_version"])
        assert (row["handoff"] is None) == (name == "home")
    doctor = next(r for r in rows if r["conversation_id"] == clinic["senders"]["doctor"])
    assert "headache_with_stiff_neck" in doctor["rules_fired"]
    assert doctor["handoff"]["patient_words"] and "throbbing" in " ".join(doctor["handoff"]["patient_words"])
    assert clinic["senders"]["emergency"] in export(clinic, "csv")


def test_the_patient_sees_the_handoff_in_a_message_of_its_own(clinic):
    rows = {r["conversation_id"]: r for r in json.loads(export(clinic))}
    for name, replies in clinic["replies"].items():
        handoffs = [r for r in replies if HANDOFF_START in r.get("text", "")]
        if name == "home":
            assert not handoffs
            continue
        (message,) = handoffs
        assert "triage" not in (message.get("custom") or {}), "only the disposition carries custom.triage"
        assert replies.index(message) > next(i for i, r in enumerate(replies) if "triage" in (r.get("custom") or {}))
        assert f"Reference: {rows[clinic['senders'][name]]['reference']}" in message["text"]
    doctor = next(r["text"] for r in clinic["replies"]["doctor"] if HANDOFF_START in r.get("text", ""))
    assert "call the doctor now" in doctor and "a headache with a stiff neck" in doctor
    emergency = next(r["text"] for r in clinic["replies"]["emergency"] if HANDOFF_START in r.get("text", ""))
    assert "Urgency: EMERGENCY" in emergency
    assert payload(clinic["replies"]["emergency"]) and clinic["replies"]["emergency"][0]["text"].startswith(
        "Call 911 now"
    )


def test_escalations_arrive_at_least_once_with_the_receiver_down_at_first(clinic):
    receiver: Receiver = clinic["receiver"]
    rows = json.loads(export(clinic))
    escalated = {r["audit_id"] for r in rows if r["handoff"]}
    assert len(escalated) == 3
    receiver.wait_for(lambda rc: escalated <= {d["idempotency_key"] for d in rc.delivered}, timeout=120)
    assert [r["ok"] for r in receiver.requests[:2]] == [False, False], "the first tries failed"
    keys = [r["headers"]["Idempotency-Key"] for r in receiver.requests]
    assert set(keys) == escalated
    by_key = {d["idempotency_key"]: d for d in receiver.delivered}
    for row in rows:
        if row["handoff"]:
            assert by_key[row["audit_id"]]["summary"] == row["handoff"]
            assert by_key[row["audit_id"]]["level"] == row["level"]


def test_patient_words_never_in_the_server_logs(clinic):
    workdir = clinic["workdir"]
    logs = {name: (workdir / name).read_text() for name in ("actions.log", "rasa.log")}
    assert re.search(r"\bINFO\b", logs["actions.log"]) and re.search(r"\bINFO\b", logs["rasa.log"]), (
        "the servers log at INFO level"
    )
    assert clinic["senders"]["doctor"] in logs["actions.log"], "the conversation's events were logged (ids only)"
    for name, text in logs.items():
        for words in PRIVATE_WORDS:
            assert words not in text.lower(), f"patient words '{words}' in {name}"


def test_telemetry_is_off_and_nothing_connects_outside_this_machine(clinic):
    servers = clinic["servers"]
    for name, process in servers.processes.items():
        environ = open(f"/proc/{process.pid}/environ", "rb").read().split(b"\0")
        assert b"RASA_TELEMETRY_ENABLED=false" in environ, name
    probe = subprocess.run(
        [sys.executable, "-c", "import rasa.telemetry as t; print(t.is_telemetry_enabled())"],
        cwd=ROOT,
        env=servers.server_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert probe.stdout.strip().splitlines()[-1] == "False", probe.stderr[-2000:]
    for entry_point in ("Makefile", ".ci/run"):
        assert "RASA_TELEMETRY_ENABLED" in (ROOT / entry_point).read_text()

    connections = (clinic["workdir"] / "connections.log").read_text().splitlines()
    assert any(line.startswith("local connect 127.0.0.1") for line in connections), (
        "the guard saw the servers' own loopback connections"
    )
    assert [line for line in connections if line.startswith("OUTBOUND")] == []
