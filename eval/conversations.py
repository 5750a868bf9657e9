"""Multi-turn conversation sets played over REST against the running bot (`make eval` and the tests).

A conversation gives the patient's opening, how they would answer each question topic, and later
messages; the harness answers whatever the bot asks, sends the later messages once the bot has
nothing to ask, and records every disposition. The bot names its question in each asking message
(`custom.question`); `TOPIC_OF` gives the answer topic of each question id, and a conversation with no
answer for a topic answers with its `other` answer.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "eval" / "sets"
CONVERSATION_SETS = sorted(SETS.glob("conversations_*.yml"))
# Sets the bot has been fixed against, so `make test` holds them at zero misses. A fresh blind round joins
# them once its first run is recorded (README, Evaluation) and its misses are fixed by mechanism.
REGRESSION_SETS = [
    SETS / "conversations_round1.yml",
    SETS / "conversations_round15.yml",
    SETS / "conversations_round18.yml",
    SETS / "conversations_round21.yml",
    SETS / "conversations_round23.yml",
    SETS / "conversations_round24.yml",
]
ORDER = ("none", "manage_at_home", "call_doctor_now", "emergency")
RED = ("call_doctor_now", "emergency")
# Messages the patient sends at most (the fuller screen alone asks up to 13 questions before a mild
# disposition); a conversation still asking then is stuck.
MAX_TURNS = 20
# The answer topics a conversation may give (the writers' list), and the topic of each question id the
# bot can ask (bot/dialogue.py QUESTIONS, bot/system_checks.py QUESTIONS and ASK_ABOUT; a test checks
# that every one has a topic).
TOPICS = (
    "neck_stiffness",
    "severe_headache",
    "vomiting",
    "severe_rash",
    "throat_or_face_swelling",
    "breathing",
    "chest",
    "heartbeat",
    "dizziness",
    "consciousness",
    "one_side_weakness",
    "urine",
    "limb_swelling",
    "jaundice",
    "temperature",
    "infusion_time",
    "clarify",
    "unwell_now",
    "other",
)
TOPIC_OF = {
    "neck_stiffness": "neck_stiffness",
    "severe_headache": "severe_headache",
    "worst_headache": "severe_headache",  # "the worst ever, or sudden?": the writers' severe-headache answer
    "vomiting": "vomiting",
    "severe_rash": "severe_rash",
    "throat_or_face_swelling": "throat_or_face_swelling",
    "breathing_difficulty": "breathing",
    "chest_tightness": "chest",
    "palpitations": "heartbeat",
    "dizziness": "dizziness",
    "fainting": "consciousness",
    "stroke_signs": "one_side_weakness",
    "little_or_no_urine": "urine",
    "dark_urine": "urine",
    "swollen_painful_limb": "limb_swelling",
    "jaundice": "jaundice",
    "temperature": "temperature",
    "infusion_time": "infusion_time",
    "describe_symptom": "clarify",
    "how_do_you_feel": "unwell_now",  # "tell me how you are feeling since your infusion" (sets without it: clarify)
    "anything_else": "other",
    "all_well_check": "other",  # the red-flag screen after "all good, just checking in"
    "emergency_check": "other",  # the emergency signs after "call your doctor"
    "crushing_chest_pain": "chest",
    "severe_breathing_difficulty": "breathing",
}


# A topic the older sets have no answer for: the nearest one they have.
FALLBACK = {"unwell_now": "clarify"}


@dataclass
class Outcome:
    id: str
    expected: str
    levels: list[str] = field(default_factory=list)  # every disposition, in order
    questions: list[str] = field(default_factory=list)  # every question topic the bot asked
    stuck: bool = False
    transcript: list[str] = field(default_factory=list)

    @property
    def final(self) -> str:
        return self.levels[-1] if self.levels else "none"

    @property
    def under_triaged(self) -> bool:
        return self.expected in RED and ORDER.index(self.final) < ORDER.index(self.expected)

    @property
    def lowered(self) -> bool:
        return any(ORDER.index(b) < ORDER.index(a) for a, b in zip(self.levels, self.levels[1:]))


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text())["conversations"]


def question_of(reply: dict) -> str | None:
    """The answer topic of the question a reply asks (its `custom.question`), or None when it asks none."""
    question = (reply.get("custom") or {}).get("question")
    if not question:
        return None
    return TOPIC_OF.get(question, question if question in TOPICS else "other")


def play(conversation: dict, send: Callable[[str, str], list[dict]]) -> Outcome:
    """One conversation: answer what is asked, then the later messages, within MAX_TURNS."""
    sender = f"eval-{conversation['id']}-{uuid.uuid4().hex[:8]}"
    outcome = Outcome(conversation["id"], conversation["expected"])
    later = list(conversation.get("later") or [])
    message: str | None = conversation["opening"]
    for _ in range(MAX_TURNS):
        if message is None:
            return outcome
        outcome.transcript.append(f"patient: {message}")
        replies = send(sender, message)
        if not replies:
            outcome.transcript.append("bot: (nothing)")
        asked = None
        for reply in replies:
            outcome.transcript.append(f"bot: {reply.get('text', '')}")
            triage = (reply.get("custom") or {}).get("triage")
            if triage:
                outcome.levels.append(triage["level"])
            asked = question_of(reply) or asked
        if asked:
            outcome.questions.append(asked)
            answers = conversation["answers"]
            nearest = answers.get(FALLBACK[asked]) if asked in FALLBACK else None
            message = answers.get(asked) or nearest or answers.get("other") or "I don't know"
        else:
            message = later.pop(0) if later else None
    outcome.stuck = message is not None
    return outcome


def finished(outcome: Outcome) -> Outcome:
    """A conversation about a symptom that ends without any disposition is stuck too."""
    if outcome.expected != "none" and not outcome.levels:
        outcome.stuck = True
    return outcome


def rest_sender(rasa_url: str) -> Callable[[str, str], list[dict]]:
    def send(sender: str, message: str) -> list[dict]:
        response = requests.post(
            f"{rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=60
        )
        response.raise_for_status()
        return response.json()

    return send


def evaluate(rasa_url: str, path: Path, workers: int = 4) -> list[Outcome]:
    send = rest_sender(rasa_url)
    with ThreadPoolExecutor(workers) as pool:
        return [finished(o) for o in pool.map(lambda c: play(c, send), load(path))]


def metrics(outcomes: list[Outcome]) -> dict:
    red = [o for o in outcomes if o.expected in RED]
    emergencies = [o for o in outcomes if o.expected == "emergency"]
    mild = [o for o in outcomes if o.expected == "manage_at_home"]
    none = [o for o in outcomes if o.expected == "none"]
    share = lambda part, whole: sum(part) / len(whole) if whole else 0.0  # noqa: E731
    return {
        "conversations": len(outcomes),
        "under_triage": sum(o.under_triaged for o in outcomes),
        "stuck": sum(o.stuck for o in outcomes),
        "level_lowered": sum(o.lowered for o in outcomes),
        "red_flag_sensitivity": share([o.final in RED for o in red], red),
        "emergency_recall": share([o.final == "emergency" for o in emergencies], emergencies),
        "over_triage_of_mild": share([o.final in RED for o in mild], mild),
        "emergency_for_mild": sum(o.final == "emergency" for o in mild),
        "disposition_on_no_symptom": share([bool(o.levels) for o in none], none),
        "mean_patient_turns_mild": share([sum(t.startswith("patient:") for t in o.transcript) for o in mild], mild),
    }


def report(outcomes: list[Outcome], path: Path) -> str:
    m = metrics(outcomes)
    lines = [f"{path.name}: {m['conversations']} conversations"]
    lines += [
        f"  {key.replace('_', ' ')}: {value:.1%}"
        if isinstance(value, float) and key != "mean_patient_turns_mild"
        else f"  {key.replace('_', ' ')}: {value:.2f}"
        if isinstance(value, float)
        else f"  {key.replace('_', ' ')}: {value}"
        for key, value in m.items()
        if key != "conversations"
    ]
    bad = [o for o in outcomes if o.under_triaged or o.stuck or o.final != o.expected]
    if bad:
        lines += ["", "Disagreements (expected -> final):"]
        for o in bad:
            flags = " ".join(f for f, on in (("UNDER", o.under_triaged), ("STUCK", o.stuck)) if on)
            lines.append(f"  {flags} {o.id}: {o.expected} -> {o.final} (levels {o.levels}, asked {o.questions})")
            lines += [f"      {t[:160]}" for t in o.transcript]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Start the servers from this checkout, play each set, print the report; exit 1 on any miss."""
    import tempfile

    from tests.support.servers import Servers

    paths = [Path(p) for p in argv] or CONVERSATION_SETS
    servers = Servers(Path(tempfile.mkdtemp(prefix="eval-conversations-")))
    failures = 0
    try:
        servers.start_actions()
        servers.start_rasa()
        for path in paths:
            outcomes = evaluate(servers.rasa_url, path)
            print(report(outcomes, path), end="\n\n", flush=True)
            m = metrics(outcomes)
            if path in REGRESSION_SETS or argv:  # a fresh blind set's misses are reported, not a failure
                failures += m["under_triage"] + m["stuck"]
    finally:
        servers.stop_all()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
