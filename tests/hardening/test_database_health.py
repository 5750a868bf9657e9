"""A conversation database that stops answering is made visible: the health route says so (503), the
log says so at ERROR, and the patient is still answered. When it answers again, the health route is
back to 200 and the conversation's missed events are written.

The hardened server keeps conversations in an SQLite file (the production tracker store); the test
takes the database away by putting a directory where the file was (any new connection then fails,
as with a database server that is down), then puts it back."""

import shutil
import time
import uuid
from pathlib import Path

from sqlalchemy.engine import make_url

from tests.hardening.conftest import wait_for

STORE_RETRY_AFTER_SECONDS = 10  # components/stores/tracker_store.py RETRY_AFTER_SECONDS: the store's circuit breaker


def test_a_database_that_stops_answering_is_reported_logged_and_never_silences_the_bot(hardened):
    database = Path(make_url(hardened.database_url).database)
    conversation = f"dbdown-{uuid.uuid4().hex[:10]}"
    assert hardened.health().status == 200
    assert "Is your neck stiff" in hardened.say(conversation, "I have a headache").text

    aside = hardened.workdir / "database-aside"
    aside.mkdir()
    files = [p for p in database.parent.glob(database.name + "*")]
    for path in files:
        shutil.move(str(path), aside / path.name)
    database.mkdir()  # SQLite cannot open a directory: the database is "down"
    try:
        down = wait_for(lambda: (answer := hardened.health()).status == 503 and answer)
        report = down.json
        assert report["status"] == "degraded" and report["conversation_store"]["database"] == "down"
        assert "conversation database down" in report["problems"]
        # the patient is still answered, and the conversation goes on from memory
        assert "Is the headache very severe" in hardened.say(conversation, "no").text
        report = hardened.health().json
        assert report["conversation_store"]["conversations_only_in_memory"] >= 1
        log = wait_for(lambda: "does not answer" in (text := hardened.log()) and text)
        assert any(
            " ERROR " in line and "triage.health" in line and "conversation database" in line
            for line in log.splitlines()
        )
    finally:
        database.rmdir()
        for path in files:
            shutil.move(str(aside / path.name), path)

    wait_for(lambda: hardened.health().json["conversation_store"]["database"] == "ok")
    time.sleep(STORE_RETRY_AFTER_SECONDS + 1)  # the store tries the database again after this
    assert "Have you vomited" in hardened.say(conversation, "no").text  # the headache's third question
    back = hardened.health()
    assert back.status == 200, back.json
    assert back.json["conversation_store"]["conversations_only_in_memory"] == 0
    assert "answers again" in hardened.log()
    answer = hardened.request("GET", f"/conversations/{conversation}/tracker?token={hardened.token}")
    texts = [e["text"] for e in answer.json["events"] if e["event"] == "user"]
    assert texts == ["I have a headache", "no", "no"]  # the message of the outage was written too
