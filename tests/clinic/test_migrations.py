"""The schema as Alembic migrations (clinic/migrations), on both databases: a fresh database, the shapes the
create_all code of before left, and several processes starting at once."""

import json
import subprocess
import sys
from datetime import datetime

import pytest
import sqlalchemy as sa

from clinic import database
from tests.clinic.test_audit import RED, disposition_entry
from tests.support.servers import ROOT, server_env

HEAD = "0003"
# The columns of triage_audit each create_all release added (what an old database may lack).
TIMELINE, DEGRADED = ("infusion", "watch_for"), ("degraded",)


def versions(eng) -> list[str]:
    with eng.connect() as conn:
        return [row[0] for row in conn.execute(sa.text("SELECT version_num FROM alembic_version"))]


def made_by_create_all(url: str, without: tuple[str, ...]) -> sa.engine.Engine:
    """Our tables as the create_all code of before made them, lacking the columns `without`, with one row."""
    old = sa.MetaData()
    audit = sa.Table("triage_audit", old, *[c.copy() for c in database.audit_table.columns if c.name not in without])
    sa.Table("escalation_outbox", old, *[c.copy() for c in database.outbox_table.columns])
    eng = database.engine_for(url)
    old.create_all(eng)
    with eng.begin() as conn:
        conn.execute(
            audit.insert().values(
                audit_id="0" * 32,
                recorded_at=datetime(2026, 1, 1),
                conversation_id="before",
                level="manage_at_home",
                red_flags="[]",
                symptoms='["headache"]',
                denied="[]",
                rules_fired='["headache"]',
                model_version="m",
                lexicon_version="l",
            )
        )
    return eng


def test_the_head_revision_is_the_tables_the_code_describes(database_url):
    eng = database.engine_for(database_url)
    assert database.current_revision(eng) is None
    assert database.migrate(eng) == HEAD
    assert versions(eng) == [HEAD]
    assert database.schema_differences(eng) == []  # every column, type, index and unique constraint
    assert database.migrate(eng) == HEAD and versions(eng) == [HEAD]  # again: nothing to do


@pytest.mark.parametrize(
    "without",
    [TIMELINE + DEGRADED, DEGRADED, ()],
    ids=["first-release", "with-the-timeline", "newest-create-all"],
)
def test_a_database_made_by_create_all_upgrades_and_keeps_its_rows(database_url, without):
    eng = made_by_create_all(database_url, without)
    assert database.current_revision(eng) is None
    assert database.migrate(eng) == HEAD
    assert versions(eng) == [HEAD] and database.schema_differences(eng) == []
    from clinic import audit

    assert audit.record(disposition_entry("after", RED), database_url)
    before, after = audit.rows(db_url=database_url)
    assert before["conversation_id"] == "before" and before["watch_for"] == [] and before["degraded"] is None
    assert after["conversation_id"] == "after" and after["watch_for"]


def test_a_schema_the_bot_never_made_is_refused_not_guessed(database_url):
    eng = made_by_create_all(database_url, ("watch_for", "degraded"))  # infusion without watch_for
    with pytest.raises(RuntimeError, match="only some of revision 0002's columns"):
        database.migrate(eng)


def test_several_processes_migrating_a_fresh_database_at_once(database_url):
    """Two servers and a command starting together: one migrates, the others wait for it and find it done."""
    env = {**server_env(), "TRIAGE_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "clinic", "migrate"]
    runs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)]
    runs += [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)]
    runs += [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)]
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    assert [code for code, _, _ in results] == [0, 0, 0], results
    reports = [json.loads(out.strip().splitlines()[-1]) for _, out, _ in results]
    assert {r["to"] for r in reports} == {HEAD} and "password" not in json.dumps(reports)
    eng = database.engine_for(database_url)
    assert versions(eng) == [HEAD] and database.schema_differences(eng) == []


def test_the_schema_comes_only_from_the_migrations():
    source = (ROOT / "clinic" / "database.py").read_text()
    assert ".create_all(" not in source and "ALTER TABLE" not in source
