"""Bounded load test on the loopback: 100 conversations at once, 20 messages each, through nginx to the
two Rasa servers of the cluster (PostgreSQL tracker store, Redis locks, one action server).

Passes when: no request failed (every answer a 200 with at least one message, none the fail-safe
"I can't assess this right now"); every conversation's tracker holds exactly the 20 messages sent,
in order, and exactly the bot messages returned (none lost, none twice), also counted in the
database; and every red-flag message (one the rule layer alone calls call_doctor_now or emergency)
got a red-flag disposition. Latency percentiles are printed and written to
tests/load/results/load.json (git-ignored). TRIAGE_LOAD_CONVERSATIONS / TRIAGE_LOAD_MESSAGES make a smaller run.
"""

import asyncio
import json
import os
import platform
import statistics
import time
import uuid
from datetime import UTC, datetime

import aiohttp
import sqlalchemy as sa

from bot.findings import extract
from bot.settings import setting
from bot.triage import assess
from tests.load.conftest import RESULTS

CONVERSATIONS = setting("TRIAGE_LOAD_CONVERSATIONS")
MESSAGES = setting("TRIAGE_LOAD_MESSAGES")
REQUEST_TIMEOUT = 120  # seconds: a request slower than this counts as failed
RED = ("call_doctor_now", "emergency")

# Five patients of 20 messages each: greetings, questions, the form's answers, mild reports and red flags.
SCRIPTS = (
    (
        "hello",
        "I have a headache since the infusion",
        "no",
        "no",
        "this morning",
        "thanks",
        "what are the side effects of ivig?",
        "my chest is tight",
        "what is the clinic's phone number?",
        "ok thanks",
        "i threw up",
        "bye",
        "hello again",
        "i feel a bit nauseous",
        "no",
        "an hour ago",
        "thank you",
        "my throat is swelling",
        "ok",
        "goodbye",
    ),
    (
        "hi",
        "i feel feverish",
        "38.9",
        "thanks",
        "what are the side effects of ivig?",
        "i have a rash on my arm",
        "yes it is spreading",
        "ok",
        "hello",
        "my lips are blue",
        "thanks",
        "what is the clinic's phone number?",
        "bye",
        "hi again",
        "i can't breathe",
        "ok",
        "thank you",
        "hello",
        "i fainted",
        "goodbye",
    ),
    (
        "hello",
        "bit of redness where the IV went in",
        "this morning",
        "no",
        "thanks",
        "hello",
        "chills and sore muscles, no trouble breathing and no vomiting",
        "an hour ago",
        "thanks",
        "what are the side effects of ivig?",
        "stiff neck and a headache",
        "ok",
        "what is the clinic's phone number?",
        "thanks",
        "hello",
        "i keep vomiting",
        "bye",
        "hi",
        "my chest feels tight",
        "goodbye",
    ),
    (
        "hi",
        "feeling a bit nauseous",
        "yes twice",
        "thanks",
        "hello",
        "i have a headache",
        "yes",
        "ok",
        "what are the side effects of ivig?",
        "thanks",
        "my rash is spreading",
        "bye",
        "hello",
        "what is the clinic's phone number?",
        "thank you",
        "hi",
        "i passed out",
        "ok",
        "thanks",
        "goodbye",
    ),
    (
        "hello",
        "what are the side effects of ivig?",
        "i feel tired and achy",
        "no",
        "yesterday evening",
        "thanks",
        "hi",
        "i feel hot and feverish",
        "37.6",
        "this morning",
        "thanks",
        "hello",
        "it is hard to breathe",
        "ok",
        "what is the clinic's phone number?",
        "thanks",
        "hi",
        "my face and lips are swelling",
        "ok",
        "goodbye",
    ),
)


def is_red_flag(message: str) -> bool:
    return assess(extract(message)).is_red_flag


def store_log_lines(cluster, limit: int = 20) -> list[str]:
    """The servers' log lines about the conversation store (they carry no patient text)."""
    lines = []
    for node in cluster.nodes:
        log = node.workdir / "rasa.log"
        if log.exists():
            lines += [
                f"{node.workdir.name}: {line}" for line in log.read_text().splitlines() if "conversation store" in line
            ]
    return lines[:limit]


def peak_rss_mb(process) -> int | None:
    """The peak resident memory (VmHWM) of a server process, in MB."""
    try:
        for line in open(f"/proc/{process.pid}/status"):
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024)
    except (OSError, AttributeError):
        return None
    return None


def percentile(values: list, p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


async def patient(session, url: str, sender: str, script: tuple, record: dict) -> None:
    for message in script[:MESSAGES]:
        started = time.monotonic()
        entry = {"message": message, "ok": False}
        try:
            async with session.post(
                f"{url}/webhooks/rest/webhook",
                json={"sender": sender, "message": message},
                timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT),
            ) as answer:
                entry["status"] = answer.status
                entry["upstream"] = answer.headers.get("X-Upstream")
                replies = await answer.json(content_type=None)
                entry["replies"] = replies
                entry["ok"] = (
                    answer.status == 200
                    and isinstance(replies, list)
                    and bool(replies)
                    and not any("can't assess this right now" in (r.get("text") or "") for r in replies)
                )
        except Exception as error:
            entry["error"] = type(error).__name__
        entry["seconds"] = time.monotonic() - started
        record[sender].append(entry)


def test_100_conversations_of_20_messages_at_once(cluster):
    run = uuid.uuid4().hex[:6]
    senders = {f"load-{run}-{i:03d}": SCRIPTS[i % len(SCRIPTS)] for i in range(CONVERSATIONS)}
    record = {sender: [] for sender in senders}

    async def everyone():
        connector = aiohttp.TCPConnector(limit=CONVERSATIONS)
        async with aiohttp.ClientSession(connector=connector) as session:
            await asyncio.gather(*(patient(session, cluster.url, s, script, record) for s, script in senders.items()))

    started = time.monotonic()
    asyncio.run(everyone())
    wall = time.monotonic() - started

    entries = [e for sender in senders for e in record[sender]]
    latencies = [e["seconds"] for e in entries]
    failed = [(s, e["message"], e.get("status"), e.get("error")) for s in senders for e in record[s] if not e["ok"]]

    # Tracker events: exactly what was sent and answered, in order, once.
    lost_or_duplicated = []
    for sender, script in senders.items():
        events = cluster.tracker(sender)["events"]
        user = [e["text"] for e in events if e["event"] == "user"]
        bot = [e.get("text") for e in events if e["event"] == "bot" and e.get("text")]
        returned = [r.get("text") for e in record[sender] for r in e.get("replies") or [] if r.get("text")]
        if user != list(script[:MESSAGES]) or bot != returned:
            lost_or_duplicated.append(sender)
    engine = sa.create_engine(cluster.postgres.url)
    with engine.connect() as connection:
        counts = dict(
            connection.execute(
                sa.text(
                    "SELECT sender_id, count(*) FROM events WHERE type_name = 'user' AND sender_id LIKE :run GROUP BY sender_id"
                ),
                {"run": f"load-{run}-%"},
            ).all()
        )
        stored = connection.execute(sa.text("SELECT count(*), pg_total_relation_size('events') FROM events")).one()
        audit_bytes = connection.execute(sa.text("SELECT pg_total_relation_size('triage_audit')")).scalar()
        duplicates = connection.execute(
            sa.text(
                "SELECT count(*) FROM (SELECT sender_id, data FROM events WHERE sender_id LIKE :run "
                "GROUP BY sender_id, data HAVING count(*) > 1) AS d"
            ),
            {"run": f"load-{run}-%"},
        ).scalar()
    engine.dispose()
    wrong_counts = [s for s in senders if counts.get(s) != MESSAGES]

    # Every red-flag message escalated.
    red_flag_messages, not_escalated = 0, set()
    for sender in senders:
        for entry in record[sender]:
            if is_red_flag(entry["message"]):
                red_flag_messages += 1
                levels = [
                    r["custom"]["triage"]["level"]
                    for r in entry.get("replies") or []
                    if "triage" in (r.get("custom") or {})
                ]
                if not any(level in RED for level in levels):
                    not_escalated.add(entry["message"])

    upstreams = {e.get("upstream") for e in entries}
    peak_memory_mb = {
        name: peak_rss_mb(servers.processes.get(kind))
        for name, servers, kind in [
            ("rasa_a", cluster.nodes[0], "rasa"),
            ("rasa_b", cluster.nodes[1], "rasa"),
            ("actions", cluster.actions, "actions"),
        ]
    }
    result = {
        "when_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "conversations": CONVERSATIONS,
        "messages_per_conversation": MESSAGES,
        "requests": len(entries),
        "failed_requests": len(failed),
        "lost_or_duplicated_conversations": len(lost_or_duplicated),
        "duplicate_event_rows": duplicates,
        "conversations_with_wrong_user_event_count": len(wrong_counts),
        "red_flag_messages": red_flag_messages,
        "red_flag_messages_not_escalated": sorted(not_escalated),
        "rasa_servers_used": len(upstreams - {None}),
        "wall_seconds": round(wall, 1),
        "messages_per_second": round(len(entries) / wall, 1),
        "peak_memory_mb": peak_memory_mb,
        "database": {
            "events": stored[0],
            "events_table_bytes": stored[1],
            "audit_table_bytes": audit_bytes,
            "events_bytes_per_patient_message": round(stored[1] / max(1, sum(counts.values()))),
        },
        "latency_seconds": {
            "p50": percentile(latencies, 50),
            "p90": percentile(latencies, 90),
            "p95": percentile(latencies, 95),
            "p99": percentile(latencies, 99),
            "max": max(latencies),
            "mean": statistics.fmean(latencies),
        },
    }
    result["latency_seconds"] = {k: round(v, 3) for k, v in result["latency_seconds"].items()}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(result, indent=2) + "\n")
    print("\nload test:", json.dumps(result, indent=2))

    assert len(entries) == CONVERSATIONS * MESSAGES
    assert not failed, failed[:10]
    store_errors = store_log_lines(cluster)  # what the servers said of the database, to diagnose a loss
    assert not lost_or_duplicated, (lost_or_duplicated[:10], store_errors)
    assert duplicates == 0 and not wrong_counts, (duplicates, wrong_counts[:10], store_errors)
    assert red_flag_messages >= CONVERSATIONS and not not_escalated, sorted(not_escalated)
    assert result["rasa_servers_used"] == 2
