"""Two Rasa servers behind nginx (round robin), sharing the PostgreSQL tracker store and a Redis lock
store: a conversation whose messages alternate between the servers keeps its state, and messages of
one sender sent at the same time are processed one at a time, in the order they came."""
import asyncio
import time
import uuid

import aiohttp
import requests


def say(cluster, sender: str, message: str) -> tuple[list, str]:
    answer = requests.post(f"{cluster.url}/webhooks/rest/webhook", json={"sender": sender, "message": message},
                           timeout=120)
    answer.raise_for_status()
    return answer.json(), answer.headers["X-Upstream"]


def text(replies: list) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def test_a_conversation_alternating_between_the_servers_keeps_its_state(cluster):
    sender = f"scale-{uuid.uuid4().hex[:10]}"
    upstreams, replies = [], []
    for message in ["hello", "I have a headache since the infusion", "no", "no", "this morning"]:
        answer, upstream = say(cluster, sender, message)
        replies.append(answer)
        upstreams.append(upstream)
    assert len(set(upstreams)) == 2, upstreams  # both servers answered ...
    assert all(a != b for a, b in zip(upstreams, upstreams[1:])), upstreams  # ... turn about
    assert "Is your neck stiff" in text(replies[1])
    assert "Is the headache very severe" in text(replies[2])  # asked by the other server: the state travelled
    assert "When did your infusion start" in text(replies[3])
    triage = [r["custom"]["triage"] for r in replies[4] if "triage" in (r.get("custom") or {})]
    assert triage and triage[0]["level"] == "manage_at_home"
    assert triage[0]["denied"] == ["neck_stiffness", "severe_headache"]
    assert "this morning" in text(replies[4])


def test_concurrent_messages_of_one_sender_are_processed_in_order(cluster):
    """The test holds the conversation's Redis lock (as a server busy with an earlier message would),
    sends eight messages 0.1 s apart through nginx, so they wait side by side on both servers, then
    lets go: each is processed alone and in the order it came."""
    from rasa.core.lock_store import RedisLockStore

    sender = f"order-{uuid.uuid4().hex[:10]}"
    messages = ["hello", "what are the side effects of ivig?", "my chest is tight", "what is the clinic's phone number?",
                "thanks", "i threw up", "bye", "hello again"]
    locks = RedisLockStore(host="127.0.0.1", port=cluster.redis.port, db=0)
    held = locks.issue_ticket(sender, lock_lifetime=60)
    released_at = []

    async def send_all():
        async with aiohttp.ClientSession() as session:
            async def send(i, message):
                await asyncio.sleep(0.1 * i)  # they leave in this order, without waiting for answers
                async with session.post(f"{cluster.url}/webhooks/rest/webhook",
                                        json={"sender": sender, "message": message},
                                        timeout=aiohttp.ClientTimeout(total=180)) as answer:
                    assert answer.status == 200
                    return await answer.json(), answer.headers["X-Upstream"], time.monotonic()

            async def release():
                await asyncio.sleep(0.1 * len(messages) + 1.5)
                released_at.append(time.monotonic())
                locks.cleanup(sender, held)

            *answers, _ = await asyncio.gather(*(send(i, m) for i, m in enumerate(messages)), release())
            return answers

    try:
        results = asyncio.run(send_all())
    finally:
        locks.cleanup(sender, held)
    assert len({upstream for _, upstream, _ in results}) == 2  # both servers took part
    assert all(done > released_at[0] for *_, done in results)  # nothing ran while the lock was held

    events = cluster.tracker(sender)["events"]
    turns, current = [], None
    for event in events:
        if event["event"] == "user":
            current = {"text": event["text"], "bot": []}
            turns.append(current)
        elif event["event"] == "bot" and current is not None:
            current["bot"].append(event.get("text"))
    assert [t["text"] for t in turns] == messages  # in the order sent, none lost, none twice
    for (replies, *_), turn in zip(results, turns):  # each answer is the bot's whole turn for that message
        assert [r.get("text") for r in replies if "text" in r] == [t for t in turn["bot"] if t is not None]
    user_positions = [i for i, e in enumerate(events) if e["event"] == "user"]
    for a, b in zip(user_positions, user_positions[1:]):  # a turn ends (action_listen) before the next begins
        assert any(e["event"] == "action" and e.get("name") == "action_listen" for e in events[a:b])
    levels = [r["custom"]["triage"]["level"] for replies, *_ in results for r in replies
              if "triage" in (r.get("custom") or {})]
    assert levels == ["call_doctor_now", "call_doctor_now"]  # "my chest is tight", then "i threw up"
