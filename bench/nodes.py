"""Where the time goes inside Rasa: milliseconds per user message of each graph node, in-process.

`python -m bench.nodes MODEL ENDPOINTS [PASSES]` loads the model with the servers' endpoints file
(action server, tracker store), wraps
`GraphNode.__call__` (every NLU component and policy of the model's prediction graph) and
`RemoteAction.run` (the round trip to the action server) and the tracker store with timers, plays the benchmark's
patients PASSES times and prints one JSON object. The rest of a message's time is Rasa's own
work: the tracker, events, the lock, the response templates. Resident memory is read after the
imports and after the model load, to show what the imports alone cost.
"""

import asyncio
import json
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path


def rss_mb() -> dict:
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = round(int(value.split()[0]) / 1024, 1)
    return values


def main(model: str, endpoints_file: str, passes: int = 3) -> dict:
    memory = {"start": rss_mb()}
    started = time.perf_counter()
    import rasa.core.actions.action as rasa_actions
    import rasa.engine.graph as graph
    from rasa.core.agent import load_agent
    from rasa.core.run import AvailableEndpoints

    import components  # noqa: F401  (our SymptomScanner and spaCy factories)
    from bench import conversations

    imports_s = time.perf_counter() - started
    memory["after_imports"] = rss_mb()

    node_s: dict = defaultdict(float)
    calls: dict = defaultdict(int)
    original_call = graph.GraphNode.__call__

    def timed_call(self, *inputs):
        start = time.perf_counter()
        try:
            return original_call(self, *inputs)
        finally:
            node_s[self._node_name] += time.perf_counter() - start
            calls[self._node_name] += 1

    graph.GraphNode.__call__ = timed_call

    original_run = rasa_actions.RemoteAction.run

    async def timed_run(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return await original_run(self, *args, **kwargs)
        finally:
            node_s["(action server round trip)"] += time.perf_counter() - start
            calls["(action server round trip)"] += 1

    rasa_actions.RemoteAction.run = timed_run

    def timed_method(owner, method: str, label: str) -> None:
        original = getattr(owner, method)

        async def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return await original(*args, **kwargs)
            finally:
                node_s[label] += time.perf_counter() - start
                calls[label] += 1

        setattr(owner, method, timed)

    started = time.perf_counter()
    loop = asyncio.new_event_loop()
    agent = loop.run_until_complete(
        load_agent(model_path=model, endpoints=AvailableEndpoints.read_endpoints(endpoints_file))
    )
    load_s = time.perf_counter() - started
    memory["after_load"] = rss_mb()
    store = agent.processor.tracker_store
    timed_method(store, "retrieve", "(tracker store: retrieve)")
    timed_method(store, "save", "(tracker store: save)")

    async def play(times: int) -> tuple[int, float]:
        messages, total = 0, 0.0
        for _ in range(times):
            for patient in conversations.PATIENTS:
                sender, replies = f"bench-nodes-{uuid.uuid4().hex[:12]}", []
                for turn in range(conversations.MAX_TURNS):
                    text = conversations.next_message(patient, turn, replies)
                    if text is None:
                        break
                    start = time.perf_counter()
                    replies = await agent.handle_text(text, sender_id=sender) or []
                    total += time.perf_counter() - start
                    messages += 1
        return messages, total

    async def run() -> tuple[int, float]:
        await play(1)  # warm-up
        node_s.clear()
        calls.clear()
        return await play(passes)

    messages, total = loop.run_until_complete(run())
    loop.close()
    per_message = {name: 1000 * s / messages for name, s in sorted(node_s.items(), key=lambda kv: -kv[1])}
    in_nodes = sum(s for name, s in node_s.items() if not name.startswith("("))
    outside = {name: 1000 * s / messages for name, s in node_s.items() if name.startswith("(")}
    return {
        "messages": messages,
        "handle_message_ms": 1000 * total / messages,
        "node_ms_per_message": per_message,
        "calls_per_message": {name: calls[name] / messages for name in per_message},
        "graph_nodes_ms_per_message": 1000 * in_nodes / messages,
        "rest_ms_per_message": 1000 * total / messages - 1000 * in_nodes / messages - sum(outside.values()),
        "imports_s": imports_s,
        "model_load_s": load_s,
        "tracker_store": type(store).__name__,
        "memory_mb": memory,
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 3)))
