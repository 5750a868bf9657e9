"""Conversations survive a restart of either server, on SQLite and on PostgreSQL; a dead database
never silences the bot."""

import json
import socket
import subprocess
import sys
import tarfile
import uuid

from tests.clinic.conftest import kill, persistent_servers
from tests.support.servers import MODEL, ROOT, server_env


def model_id() -> str:
    """The id of the trained model (Rasa writes it into each event's metadata)."""
    with tarfile.open(MODEL) as archive:
        return json.load(archive.extractfile("metadata.json"))["model_id"]


def texts(replies: list[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def payload(replies: list[dict]) -> dict | None:
    found = [r["custom"]["triage"] for r in replies if "triage" in (r.get("custom") or {})]
    assert len(found) <= 1
    return found[0] if found else None


def export(database_url: str) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-m", "clinic", "export", "--format", "json"],
        cwd=ROOT,
        env={**server_env(), "TRIAGE_DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_conversation_survives_restarts_of_both_servers(database_url, tmp_path):
    servers = persistent_servers(tmp_path, database_url)
    models = {model_id()}  # and the id after the test: `make train` may run beside us
    sender = f"persist-{uuid.uuid4().hex[:10]}"
    try:
        servers.start_actions()
        servers.start_rasa()
        assert "Is your neck stiff" in texts(servers.chat(sender, "I have a headache"))

        kill(servers, "rasa")  # mid-form, without warning
        servers.start_rasa()
        replies = servers.chat(sender, "no")
        assert "Is the headache very severe" in texts(replies), texts(replies)

        kill(servers, "actions")
        servers.start_actions()
        assert "Have you vomited" in texts(servers.chat(sender, "no"))
        assert "When did your infusion start" in texts(servers.chat(sender, "no"))

        assert "trouble breathing" in texts(servers.chat(sender, "this morning"))  # always asked
        assert "anything else?" in texts(servers.chat(sender, "no"))  # the closing screen
        replies = servers.chat(sender, "no")
        triage = payload(replies)
        assert triage and triage["level"] == "manage_at_home", texts(replies)
        assert triage["symptoms"] == ["headache"]
        assert set(triage["denied"]) == {"neck_stiffness", "severe_headache", "vomiting", "breathing_difficulty"}
        assert "You told me you have a headache" in texts(replies)
        assert "Your infusion: this morning" in texts(replies)
    finally:
        servers.stop_all()
        models.add(model_id())

    rows = [r for r in export(database_url) if r["conversation_id"] == sender]
    assert len(rows) == 1
    (row,) = rows
    assert (row["level"], row["symptoms"], row["red_flags"], row["rules_fired"]) == (
        "manage_at_home",
        ["headache"],
        [],
        ["headache"],
    )
    assert row["model_version"] in models and row["handoff"] is None


def test_a_database_that_is_down_never_silences_the_bot(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here: the database server is down
    servers = persistent_servers(
        tmp_path,
        f"postgresql://triage:pw@127.0.0.1:{port}/triage",
        TRIAGE_ESCALATION_URL=f"http://127.0.0.1:{port}/unreachable-too",
    )
    sender = f"down-{uuid.uuid4().hex[:10]}"
    try:
        servers.start_actions()
        servers.start_rasa()  # starts although the database does not answer
        assert "Is your neck stiff" in texts(servers.chat(sender, "I have a headache"))
        replies = servers.chat(sender, "yes")  # the conversation goes on from memory
        triage = payload(replies)
        assert triage and triage["level"] == "call_doctor_now"
        assert "headache_with_stiff_neck" in triage["red_flags"]
        assert "When you call, you can read this out" in texts(replies)
    finally:
        servers.stop_all()
    actions_log = (tmp_path / "actions.log").read_text()
    rasa_log = (tmp_path / "rasa.log").read_text()
    assert "could not record audit" in actions_log
    assert "conversation store: could not" in rasa_log
    assert "pw@" not in actions_log + rasa_log, "no database password in the logs"
