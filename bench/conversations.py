"""Scripted patients for the end-to-end benchmark: realistic triage conversations over REST.

Each patient opens with a message and then answers whatever follow-up question the bot asks
(keyed by words of the question), so the script does not hard-code the order of the form. A
conversation ends when the bot gives a disposition (`custom.triage` in a reply), when the
patient has nothing left to say, or after MAX_TURNS. `expected` is the level the conversation
should end with: the benchmark reports how many did (a check that both bots ran the same
dialogue, not a test: nothing is asserted).
"""

from dataclasses import dataclass, field

MAX_TURNS = 8

# Words of a follow-up question (domain.yml `utter_ask_*`) -> the key of the patient's answer.
QUESTIONS = (
    ("neck stiff", "neck_stiffness"),
    ("very severe", "severe_headache"),
    ("vomited", "vomiting"),
    ("rash spreading", "severe_rash"),
    ("swelling of your face", "throat_or_face_swelling"),
    ("your temperature", "temperature"),
    ("infusion start", "infusion_time"),
    ("describe what you feel", "describe"),
    ("anything else?", "anything_else"),  # the closing screen before "manage at home"
)


@dataclass(frozen=True)
class Patient:
    name: str
    opening: tuple[str, ...]  # said in turn, whatever the replies
    answers: dict = field(default_factory=dict)  # question key -> answer
    expected: str | None = None  # the level the conversation should end with (None: no disposition)


PATIENTS = (
    # Red flags: one message, an immediate disposition through action_triage.
    Patient("red flag: breathing", ("i cant breathe and my throat feels tight",), expected="emergency"),
    Patient("red flag: swelling", ("my lips and tongue are swelling up",), expected="emergency"),
    Patient("red flag: stiff neck", ("really bad headache and my neck is stiff",), expected="call_doctor_now"),
    Patient("red flag: vomiting", ("ive been throwing up since the infusion",), expected="call_doctor_now"),
    # Headache -> stiff neck? no -> severe? no -> infusion time -> anything else? no -> manage at home.
    Patient(
        "headache flow",
        ("hi", "i have a headache since my infusion"),
        {
            "neck_stiffness": "no",
            "severe_headache": "no",
            "infusion_time": "this morning around 9",
            "anything_else": "no",
        },
        expected="manage_at_home",
    ),
    # Headache, the neck turns out stiff -> call the doctor.
    Patient(
        "headache, stiff neck",
        ("my head hurts",),
        {"neck_stiffness": "yes", "severe_headache": "no", "infusion_time": "yesterday afternoon"},
        expected="call_doctor_now",
    ),
    # Fever -> temperature -> (high) call the doctor.
    Patient(
        "fever flow, high",
        ("i feel hot and feverish",),
        {"temperature": "it is 38.6", "infusion_time": "about 2 hours ago"},
        expected="call_doctor_now",
    ),
    # Fever -> temperature -> (mild) infusion time -> manage at home.
    Patient(
        "fever flow, mild",
        ("i have chills and feel a bit feverish",),
        {"temperature": "37.6", "infusion_time": "this morning", "anything_else": "no"},
        expected="manage_at_home",
    ),
    # Nausea -> vomited? no -> infusion time -> manage at home.
    Patient(
        "nausea flow",
        ("feeling a bit nauseous",),
        {"vomiting": "no", "infusion_time": "last night", "anything_else": "no"},
        expected="manage_at_home",
    ),
    # Rash -> spreading? no -> swelling? no -> infusion time -> manage at home.
    Patient(
        "rash flow",
        ("i have a small rash on my arm",),
        {"severe_rash": "no", "throat_or_face_swelling": "no", "infusion_time": "2 days ago", "anything_else": "no"},
        expected="manage_at_home",
    ),
    # Questions and small talk only: Rasa answers from the domain, no custom action.
    Patient("questions", ("hello", "what side effects can ivig cause", "thanks, bye")),
)


def next_message(patient: Patient, turn: int, replies: list[dict]) -> str | None:
    """What the patient says next, or None when the conversation is over."""
    if any("triage" in (r.get("custom") or {}) for r in replies):
        return None
    if turn < len(patient.opening):
        return patient.opening[turn]
    text = " ".join(r.get("text") or "" for r in replies).lower()
    for words, key in QUESTIONS:
        if words in text and key in patient.answers:
            return patient.answers[key]
    return None


def disposition(replies: list[dict]) -> str | None:
    for reply in replies:
        triage = (reply.get("custom") or {}).get("triage")
        if triage:
            return triage.get("level")
    return None
