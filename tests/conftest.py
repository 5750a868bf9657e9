"""Shared fixtures: real servers on free ports (tests/support/servers.py), a loaded Rasa agent, and Rasa SDK
trackers."""

import uuid
from pathlib import Path

import pytest

from tests.support.servers import Servers

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def servers(tmp_path_factory) -> Servers:
    running = Servers(tmp_path_factory.mktemp("servers"))
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop_all()


class Conversation:
    """One patient talking to the running bot over REST."""

    def __init__(self, servers: Servers):
        self.servers = servers
        self.sender = f"test-{uuid.uuid4().hex[:10]}"
        self.replies: list[dict] = []

    def say(self, message: str) -> list[dict]:
        self.replies = self.servers.chat(self.sender, message)
        return self.replies

    @property
    def text(self) -> str:
        return "\n".join(r.get("text", "") for r in self.replies)

    @property
    def triage(self) -> dict | None:
        """The disposition of this turn: one message with the words and the payload together."""
        dispositions = [r for r in self.replies if "triage" in (r.get("custom") or {})]
        assert len(dispositions) <= 1, "one disposition per turn at most"
        if not dispositions:
            return None
        assert dispositions[0].get("text"), "the payload travels with the disposition's text"
        return dispositions[0]["custom"]["triage"]


@pytest.fixture
def conversation(servers) -> Conversation:
    return Conversation(servers)


@pytest.fixture(scope="session")
def agent():
    """The trained model in-process, for NLU tests and the dev set."""
    from eval.evaluate import load_agent

    return load_agent()


# ---------------------------------------------------------------- Rasa SDK trackers (financial-demo style)


@pytest.fixture
def make_tracker():
    """A Rasa SDK tracker whose latest message carries the findings the NLU scanner would give."""
    from rasa_sdk import Tracker

    from bot.findings import extract

    def build(
        text: str = "",
        intent: str = "report_symptoms",
        slots: dict | None = None,
        latest_action: str = "action_listen",
        classifier_intent: str | None = None,
    ) -> Tracker:
        findings = extract(text).to_dict() if text else {}
        latest_message = {
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": [],
            "triage_findings": findings,
            "intent_before_scan": classifier_intent or intent,
        }
        events = [
            {"event": "user", "text": text, "parse_data": latest_message},
            {"event": "action", "name": latest_action},
        ]
        return Tracker("patient-1", dict(slots or {}), latest_message, events, False, None, {}, latest_action)

    return build


@pytest.fixture
def dispatcher():
    from rasa_sdk.executor import CollectingDispatcher

    return CollectingDispatcher()


@pytest.fixture
def domain() -> dict:
    import yaml

    return yaml.safe_load((ROOT / "domain.yml").read_text())
