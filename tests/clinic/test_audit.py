"""The audit trail on both databases: rows, export, report, retention, and a database that is down."""

import csv
import dataclasses
import io
import json
import logging
import subprocess
import sys
import time
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from bot import version
from bot.findings import Findings
from bot.handoff import handoff_text
from bot.settings import load_settings
from bot.timeline import InfusionTime
from bot.triage import assess
from clinic import audit, database
from tests.support.servers import ROOT, server_env

WORDS = ("my head is killing me", "neck is so stiff")


def disposition_entry(conversation: str, findings: Findings, when: datetime | None = None) -> audit.AuditEntry:
    return audit.entry_for(
        assess(findings), findings, load_settings(), conversation_id=conversation, model_version="model-1", now=when
    )


RED = Findings(
    symptoms=frozenset({"headache", "neck_stiffness"}),
    denied=frozenset({"vomiting"}),
    infusion=InfusionTime(None, False, "yesterday at 4"),
    patient_words=WORDS,
)
MILD = Findings(
    symptoms=frozenset({"headache"}),
    denied=frozenset({"neck_stiffness", "severe_headache"}),
    infusion=InfusionTime(None, False, "this morning"),
    patient_words=("a headache",),
)
EMERGENCY = Findings(symptoms=frozenset({"throat_or_face_swelling"}), patient_words=("my throat is closing up",))


def run_cli(module: str, *args: str, url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**server_env(), "TRIAGE_DATABASE_URL": url},
        timeout=120,
    )


def test_the_fingerprint_changes_with_any_rule_or_threshold(tmp_path, monkeypatch):
    import shutil

    from bot import version

    core = tmp_path / "bot"
    shutil.copytree(version.CORE, core, ignore=shutil.ignore_patterns("spacy_pipeline", "__pycache__"))
    before = version.fingerprint(core)
    assert before == version.fingerprint(version.CORE)  # the same files, the same fingerprint
    triage = core / "triage.py"
    triage.write_text(triage.read_text().replace("MILD_FEVER_FROM_C = 37.5", "MILD_FEVER_FROM_C = 37.6"))
    assert version.fingerprint(core) != before  # a threshold
    monkeypatch.setenv("TRIAGE_HIGH_FEVER_CELSIUS", "38.5")
    assert version.fingerprint(version.CORE) != before  # the clinic's fever mark


def test_the_audit_modules_load_without_spacy():
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, clinic.audit, clinic.escalation, bot.handoff; "
            "print(sorted(m for m in ('spacy', 'rasa', 'rasa_sdk') if m in sys.modules))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=server_env(),
        check=True,
    )
    assert probe.stdout.strip() == "[]", "bot/ audit modules must stay plain Python"


def test_handoff_summary_for_the_nurse():
    entry = disposition_entry("c-1", RED)
    summary = entry.handoff
    assert summary["level"] == "call_doctor_now"
    assert summary["patient_words"] == list(WORDS)
    assert summary["denied"] == ["vomiting"]
    assert summary["infusion_time"] == "yesterday at 4"
    assert "a headache with a stiff neck" in summary["why"]
    assert summary["reference"] == entry.audit_id[:8].upper()
    text = entry.handoff_text
    for expected in (
        "call the doctor now",
        "because of a headache with a stiff neck",
        "\u201cmy head is killing me\u201d",
        "I do not have vomiting.",
        "My IVIG infusion: yesterday at 4.",
        summary["reference"],
    ):
        assert expected in text
    assert disposition_entry("c-2", MILD).handoff is None, "no hand-off for manage_at_home"
    emergency = disposition_entry("c-3", EMERGENCY)
    assert emergency.level == "emergency" and emergency.handoff_text.splitlines()[1].startswith("Urgency: EMERGENCY")


def test_rows_export_and_report(use_database):
    entries = [
        disposition_entry("conv-red", RED),
        disposition_entry("conv-mild", MILD),
        disposition_entry("conv-emergency", EMERGENCY),
    ]
    for entry in entries:
        assert audit.record(entry)
    rows = audit.rows()
    assert [r["audit_id"] for r in rows] == [e.audit_id for e in entries]
    for row in rows:
        d = assess({"conv-red": RED, "conv-mild": MILD, "conv-emergency": EMERGENCY}[row["conversation_id"]])
        assert (row["level"], row["red_flags"], row["symptoms"], row["denied"], row["rules_fired"]) == (
            d.level,
            list(d.red_flags),
            list(d.symptoms),
            list(d.denied),
            list(d.rules_fired),
        )
        assert row["model_version"] == "model-1" and row["lexicon_version"] == version.fingerprint()
        assert row["recorded_at"].endswith("Z")
    assert rows[0]["handoff"]["patient_words"] == list(WORDS) and rows[1]["handoff"] is None

    exported = run_cli("clinic", "export", "--since", "2000-01-01", "--format", "json", url=use_database)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout) == rows
    as_csv = list(csv.DictReader(io.StringIO(run_cli("clinic", "export", "--format", "csv", url=use_database).stdout)))
    assert [r["level"] for r in as_csv] == ["call_doctor_now", "manage_at_home", "emergency"]
    assert as_csv[0]["rules_fired"] == ";".join(rows[0]["rules_fired"])
    assert as_csv[0]["handoff"] == handoff_text(rows[0]["handoff"]) and as_csv[1]["handoff"] == ""
    one = run_cli("clinic", "export", "--format", "json", "--reference", rows[2]["reference"], url=use_database)
    assert [r["conversation_id"] for r in json.loads(one.stdout)] == ["conv-emergency"]

    report = run_cli(
        "clinic", "report", "--since", "2000-01-01", "--until", "2999-01-01", "--format", "json", url=use_database
    )
    counts = json.loads(report.stdout)
    assert counts["total"] == 3
    assert counts["by_level"] == {"emergency": 1, "call_doctor_now": 1, "manage_at_home": 1}
    flags = {f["red_flag"]: f["count"] for f in counts["by_red_flag"]}
    assert flags["headache_with_stiff_neck"] == 1 and flags["throat_or_face_swelling"] == 1
    text = run_cli("clinic", "report", url=use_database).stdout
    assert "call_doctor_now" in text and "a headache with a stiff neck" in text


def test_since_and_until_select_a_window(use_database):
    now = database.utcnow()
    for days in (40, 20, 1):
        assert audit.record(disposition_entry(f"conv-{days}", MILD, when=now - timedelta(days=days)))
    window = audit.rows(since=now - timedelta(days=30), until=now - timedelta(days=10))
    assert [r["conversation_id"] for r in window] == ["conv-20"]
    assert audit.parse_time("2026-01-01T08:00:00+02:00") == datetime(2026, 1, 1, 6, 0)
    assert audit.parse_time("2026-01-01") == datetime(2026, 1, 1)


def test_purge_deletes_old_rows_and_whole_old_sessions_only(use_database):
    from rasa.core.tracker_store import SQLTrackerStore

    eng = database.engine()
    SQLTrackerStore.Base.metadata.create_all(eng)
    now = database.utcnow()
    old, recent = now - timedelta(days=100), now - timedelta(days=1)
    assert audit.record(disposition_entry("old", MILD, when=old))
    assert audit.record(disposition_entry("recent", MILD, when=recent))
    events = [  # (sender, type, when)
        ("gone", "session_started", old),
        ("gone", "user", old),
        ("two-sessions", "session_started", old),
        ("two-sessions", "user", old),
        ("two-sessions", "session_started", recent),
        ("two-sessions", "user", recent),
        ("long-session", "session_started", old),
        ("long-session", "user", old),
        ("long-session", "user", recent),
        ("new", "session_started", recent),
        ("new", "user", recent),
    ]
    table = database.rasa_events_table
    with eng.begin() as conn:
        for sender, kind, when in events:
            conn.execute(
                table.insert().values(
                    sender_id=sender, type_name=kind, timestamp=(when - datetime(1970, 1, 1)).total_seconds()
                )
            )

    result = run_cli("clinic", "purge", "--older-than-days", "90", url=use_database)
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert counts["audit_rows"] == 1 and counts["conversations_removed"] == 1 and counts["conversation_events"] == 4
    assert [r["conversation_id"] for r in audit.rows()] == ["recent"]
    with eng.connect() as conn:
        left = conn.execute(sa.select(table.c.sender_id, table.c.type_name).order_by(table.c.id)).fetchall()
    assert [tuple(r) for r in left] == [
        ("two-sessions", "session_started"),
        ("two-sessions", "user"),
        ("long-session", "session_started"),
        ("long-session", "user"),
        ("long-session", "user"),
        ("new", "session_started"),
        ("new", "user"),
    ]


def test_retention_setting(monkeypatch):
    monkeypatch.delenv("TRIAGE_RETENTION_DAYS", raising=False)
    assert audit.retention_days() == 90
    monkeypatch.setenv("TRIAGE_RETENTION_DAYS", "30")
    assert audit.retention_days() == 30
    monkeypatch.setenv("TRIAGE_RETENTION_DAYS", "0")
    with pytest.raises(ValueError):
        audit.retention_days()


def test_a_database_that_is_down_never_raises_nor_logs_patient_words(caplog):
    unreachable = "postgresql://triage:secret-password@127.0.0.1:1/triage"
    entry = disposition_entry("conv-down", RED)
    with caplog.at_level(logging.DEBUG, logger="triage"):
        started = time.monotonic()
        assert audit.record(entry, unreachable, escalate=True) is False
        assert time.monotonic() - started < 10
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors and entry.audit_id in errors[0].getMessage()
    info_and_up = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.INFO)
    for words in WORDS + ("yesterday at 4", "secret-password"):
        assert words not in info_and_up


def test_first_writes_from_several_threads_at_once_all_land(database_url):
    """A fresh database: the writer, the maintenance loop and other processes create the tables at once."""
    from concurrent.futures import ThreadPoolExecutor

    entries = [disposition_entry(f"conv-{i}", RED) for i in range(6)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        assert all(pool.map(lambda e: audit.record(e, database_url), entries))
    assert len(audit.rows(db_url=database_url)) == 6


def test_the_audit_row_records_the_infusion_time_without_the_patients_words(use_database):
    from bot.advice import watch_list

    running = dataclasses.replace(MILD, infusion=InfusionTime(2.0, True, "still on the drip, started at 10"))
    entry = disposition_entry("conv-running", running)
    assert audit.record(entry) and audit.record(disposition_entry("conv-no-time", EMERGENCY))
    first, second = audit.rows()
    assert (first["infusion_hours_since_start"], first["infusion_in_progress"]) == (2.0, True)
    assert first["watch_for"] == watch_list(assess(running), running, load_settings()) and first["watch_for"]
    assert (second["infusion_hours_since_start"], second["infusion_in_progress"], second["watch_for"]) == (
        None,
        None,
        [],
    )
    with database.engine().connect() as conn:
        stored = conn.execute(sa.select(database.audit_table.c.infusion)).scalars().first()
    assert json.loads(stored) == {"hours_since_start": 2.0, "in_progress": True}  # not what they said
    as_csv = list(csv.DictReader(io.StringIO(run_cli("clinic", "export", "--format", "csv", url=use_database).stdout)))
    assert as_csv[0]["watch_for"] == ";".join(first["watch_for"]) and as_csv[0]["infusion_in_progress"] == "True"


def test_the_escalation_body_carries_the_infusion_time():
    from clinic.escalation import body_for

    findings = dataclasses.replace(RED, infusion=InfusionTime(5.0, False, "finished the drip 2 hours ago"))
    entry = disposition_entry("conv-webhook", findings)
    body = json.loads(body_for(entry.handoff, entry.handoff_text))
    assert body["infusion"] == {"hours_since_start": 5.0, "in_progress": False, "said": "finished the drip 2 hours ago"}
    assert body["watch_for"] == entry.handoff["watch_for"] and body["watch_for"]
    assert "My IVIG infusion: finished the drip 2 hours ago (started about 5 hours ago)." in body["text"]


def test_an_audit_table_from_before_the_degraded_column_gets_it(tmp_path):
    """A database made by an earlier release: its triage_audit has no `degraded` column. The first start
    adds it (migration 0003), the old rows keep NULL, and a degraded disposition is recorded with its reason."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = sa.MetaData()
    sa.Table("triage_audit", old, *[c.copy() for c in database.audit_table.columns if c.name != "degraded"])
    sa.Table("escalation_outbox", old, *[c.copy() for c in database.outbox_table.columns])  # made with it
    eng = database.engine(url)
    old.create_all(eng)
    assert "degraded" not in {c["name"] for c in sa.inspect(eng).get_columns("triage_audit")}
    assert audit.record(disposition_entry("before", MILD), db_url=url)
    entry = disposition_entry("during-outage", EMERGENCY)
    entry.degraded = "action_server_unavailable"
    assert audit.record(entry, db_url=url)
    rows = {r["conversation_id"]: r for r in audit.rows(db_url=url)}
    assert rows["before"]["degraded"] is None
    assert rows["during-outage"]["degraded"] == "action_server_unavailable"
