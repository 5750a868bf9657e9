"""What a message must pass before the bot reads it, and the replies when it does not.

Plain Python (no Rasa imports): the hardened input channels (`components/channels/hardened.py`) call
`check_message` on every incoming text before Rasa's message processor sees it, and use
`RateLimiter` per sender and per client address. Everything here is deterministic.

`check_message(text)` returns a `Checked`:
- the text cleaned: Unicode NFKC (full-width letters, ligatures), control, format (zero-width, bidi)
  and surrogate characters removed, HTML/script markup defused (its `<` and `>` dropped, every word
  kept, so a red flag inside markup is still read), white space collapsed;
- whether to pass it on to the bot (`forward`), and replies of our own before or after the bot's;
- `problem`: an id for the logs (never the patient's words).

Safety: nothing here ever answers "manage at home". A message we will not pass on gets a reply that
says what happened in plain words (emoji only, too long, too fast) followed by the red flags and the
emergency number of the domain's `utter_default` (`safety_net_text`), or a prompt to type words.
A message over `MAX_MESSAGE_CHARS` is still scanned for red flags by the rule layer
(`bot.findings.extract` + `bot.triage.assess`, in bounded chunks); when one is there, its red-flag
passages go on to the bot, which escalates, and `expect_red_flag` asks the channel to check that it
did (else it sends the fail-safe reply).
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from bot.settings import Settings, load_settings, setting

ROOT = Path(__file__).resolve().parents[2]
MAX_MESSAGE_CHARS = 2000  # longer: "please send a shorter message", after a red-flag scan
SCAN_CHUNK_CHARS = 1000  # the rule layer's cost grows faster than linearly: long texts are read in chunks
SCAN_OVERLAP_CHARS = 120  # a window cut inside a long sentence overlaps the next one by this much

# ---------------------------------------------------------------- replies

NOT_TEXT = "I can only read text messages. Please type how you feel in words."
EMPTY = (
    'I didn\'t get any words. Tell me how you feel since your infusion, for example "I have a headache and feel sick".'
)
# Emoji people answer a yes/no question with; every other emoji-only message gets NO_WORDS.
ANSWER_EMOJI = dict.fromkeys(
    ("👍", "👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿", "✅", "👌", "✔", "✔️"), "yes"
) | dict.fromkeys(("👎", "👎🏻", "👎🏼", "👎🏽", "👎🏾", "👎🏿", "❌", "🙅"), "no")
NO_WORDS = "I can only read words, not emoji or symbols. Please tell me in words how you feel."
ANSWER_EMOJI |= dict.fromkeys(("🤷",), "not sure")
# What varies an emoji without changing what it says: skin tones, the joiner and gender signs of "🙅‍♀️",
# variation selectors.
EMOJI_VARIANTS = re.compile("[\U0001f3fb-\U0001f3ff\u200d\ufe0e\ufe0f\u2640\u2642\\s]")


def answer_emoji(text: str) -> str | None:
    """The word a yes/no emoji answer stands for ("🙅‍♀️" no, "👍🏽👍🏽" yes, "🤷" not sure), else None."""
    bare = EMOJI_VARIANTS.sub("", text)
    return ANSWER_EMOJI.get(bare[:1]) if bare and len(set(bare)) == 1 else None


TOO_LONG = (
    "Your message is too long for me ({length:,} characters). Please send a shorter message, under "
    "{limit:,} characters, that says how you feel now."
)
TOO_LONG_SCANNED = (
    "Your message was very long ({length:,} characters), so I only checked it for urgent signs. "
    "Please keep messages under {limit:,} characters."
)
TOO_LARGE = (
    f"Your message is too long for me. Please send a shorter message, under {MAX_MESSAGE_CHARS:,} characters, that says "
    "how you feel now."
)
CALL_IF_WORRIED = "If you are worried, call {clinic_name} at {clinic_phone}."
RATE_LIMITED = (
    "You are sending messages faster than I can read them. Please wait {seconds} seconds, then send your message again."
)
OTHER_LANGUAGE = (
    "Sorry, I only understand English for now. Please write in English, or call {clinic_name} at "
    "{clinic_phone}. In an emergency call {emergency_number} now."
)
# For Spanish, the same in Spanish too, with the emergency signs (to be reviewed by the clinic).
SPANISH = (
    "Lo siento, por ahora solo entiendo inglés. Escriba en inglés o llame a {clinic_name} al {clinic_phone}. "
    "Si tiene dificultad para respirar, hinchazón de la garganta, la lengua o los labios, los labios azules, "
    "o se desmaya, llame al {emergency_number} ahora."
)


@lru_cache(maxsize=4)
def _domain_response(name: str, domain_file: Path = ROOT / "domain.yml") -> str:
    return yaml.safe_load(domain_file.read_text())["responses"][name][0]["text"]


def fail_safe_text(settings: Settings | None = None) -> str:
    """The domain's `utter_default`: "I can't assess this right now", the red flags, the emergency number."""
    s = settings or load_settings()
    return _domain_response("utter_default").format(
        clinic_name=s.clinic_name, clinic_phone=s.clinic_phone, emergency_number=s.emergency_number
    )


def safety_net_text(settings: Settings | None = None) -> str:
    """The fail-safe reply without its opening line ("I can't assess this right now"), for replies that
    say themselves what went wrong: the clinic's phone, the red flags, the emergency number."""
    opening, _, red_flags = fail_safe_text(settings).partition("\n")
    return _clinic(CALL_IF_WORRIED, settings) + "\n" + (red_flags or opening)


def rate_limited_text(wait_seconds: float, settings: Settings | None = None) -> str:
    return RATE_LIMITED.format(seconds=max(1, round(wait_seconds + 0.49))) + "\n" + safety_net_text(settings)


def rate_limited_reply(message: object, wait_seconds: float, settings: Settings | None = None) -> str:
    """The reply to a message refused for rate, which is still scanned: a red flag or an emergency sign in
    it gets its instruction first ("Call 911 now.", "Call your doctor now: ..."), then the request to wait.
    Its first MAX_MESSAGE_CHARS are read (as much as the bot reads of any message; the widget's box takes
    1,000): about 60 ms at most, where a whole 32 KiB body would cost a second of CPU per refused message."""
    wait = rate_limited_text(wait_seconds, settings)
    if not isinstance(message, str) or not message.strip():
        return wait
    try:
        cleaned, _ = clean(message[: 2 * MAX_MESSAGE_CHARS])
        found = scan(cleaned[:MAX_MESSAGE_CHARS])
        if found.level not in ("call_doctor_now", "emergency"):
            return wait
        from bot.advice import message_for
        from bot.triage import assess

        s = settings or load_settings()
        text, _ = message_for(assess(found.findings, settings=s), found.findings, s)
        return text + "\n" + wait
    except Exception:
        return wait


def _clinic(template: str, settings: Settings | None) -> str:
    s = settings or load_settings()
    return template.format(clinic_name=s.clinic_name, clinic_phone=s.clinic_phone, emergency_number=s.emergency_number)


# ---------------------------------------------------------------- cleaning

_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>")
_SPACES = re.compile(r"[^\S\n]+")
_LINES = re.compile(r"\s*\n\s*")


def clean(text: str) -> tuple[str, list[str]]:
    """The text as the bot should read it, and what was removed (ids: for the logs)."""
    removed = []
    out = []
    for char in unicodedata.normalize("NFKC", text):
        category = unicodedata.category(char)
        if char in "\n\r\t ":
            out.append(char)
        elif category == "Cc" or char in "\u2028\u2029\ufffd":
            out.append(" ")
            removed.append("control_characters")
        elif category in ("Cf", "Cs"):
            removed.append("format_characters")  # zero-width and bidi marks: could hide a word from the rules
        else:
            out.append(char)
    cleaned = "".join(out)
    if _MARKUP.search(cleaned):  # HTML or script: no tag survives, every word does (a red flag may be inside)
        removed.append("markup")
        cleaned = cleaned.replace("<", " ").replace(">", " ")
    cleaned = _LINES.sub("\n", _SPACES.sub(" ", cleaned)).strip()
    return cleaned, sorted(set(removed))


def has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


# ---------------------------------------------------------------- language

# Common Spanish words that are not also common English words ("no", "me", "a", "sin", "era" are left out).
SPANISH_WORDS = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "del",
        "que",
        "y",
        "en",
        "un",
        "una",
        "unos",
        "unas",
        "por",
        "con",
        "para",
        "es",
        "son",
        "está",
        "esta",
        "estoy",
        "están",
        "estan",
        "estaba",
        "estado",
        "tengo",
        "tiene",
        "tienes",
        "tenemos",
        "tuve",
        "mi",
        "mis",
        "su",
        "sus",
        "muy",
        "pero",
        "como",
        "cómo",
        "cuando",
        "cuándo",
        "también",
        "tambien",
        "hoy",
        "ayer",
        "desde",
        "hace",
        "bien",
        "sí",
        "gracias",
        "hola",
        "buenos",
        "buenas",
        "días",
        "dias",
        "tardes",
        "noches",
        "dolor",
        "duele",
        "duelen",
        "cabeza",
        "pecho",
        "garganta",
        "fiebre",
        "vómito",
        "vomito",
        "vómitos",
        "vomitos",
        "vomité",
        "vomite",
        "vomitando",
        "náusea",
        "náuseas",
        "nauseas",
        "mareo",
        "mareos",
        "mareado",
        "mareada",
        "siento",
        "sentir",
        "respirar",
        "respiro",
        "puedo",
        "puede",
        "ayuda",
        "médico",
        "medico",
        "enfermera",
        "infusión",
        "después",
        "despues",
        "lengua",
        "labios",
        "cuello",
        "rígido",
        "rigido",
        "erupción",
        "erupcion",
        "sarpullido",
        "picazón",
        "picazon",
        "cansado",
        "cansada",
        "escalofríos",
        "escalofrios",
        "temperatura",
        "grados",
        "brazo",
        "pierna",
        "estómago",
        "estomago",
        "dolores",
        "mucho",
        "mucha",
        "poco",
        "poca",
        "ahora",
        "porque",
        "qué",
        "quién",
        "yo",
        "usted",
        "ustedes",
        "nosotros",
        "creo",
        "fue",
        "hinchada",
        "hinchado",
        "hinchazón",
        "hinchazon",
        "sangre",
        "tos",
        "desmayo",
        "desmayé",
        "desmaye",
        "ojos",
        "piel",
        "orina",
        "corazón",
        "corazon",
        "rápido",
        "rapido",
        "dónde",
        "donde",
        "llamar",
        "necesito",
        "favor",
        "ella",
        "él",
        "ellos",
        "lo",
        "le",
        "les",
        "se",
        "sobre",
        "hasta",
        "todo",
        "todos",
        "nada",
        "algo",
        "otro",
        "otra",
        "más",
        "aquí",
        "bueno",
        "estos",
        "estas",
        "tengo",
        "siento",
        "señor",
        "señora",
        "niño",
        "niña",
        "hijo",
        "hija",
        "mañana",
        "noche",
    ]
)
ENGLISH_WORDS = frozenset(
    [
        "i",
        "im",
        "i'm",
        "ive",
        "i've",
        "the",
        "my",
        "is",
        "am",
        "are",
        "was",
        "were",
        "and",
        "have",
        "has",
        "had",
        "it",
        "its",
        "it's",
        "to",
        "of",
        "in",
        "on",
        "at",
        "with",
        "feel",
        "feeling",
        "felt",
        "hurts",
        "hurt",
        "pain",
        "can",
        "cant",
        "can't",
        "not",
        "this",
        "that",
        "been",
        "very",
        "really",
        "since",
        "after",
        "yes",
        "hello",
        "hi",
        "hey",
        "thanks",
        "thank",
        "you",
        "me",
        "what",
        "how",
        "when",
        "why",
        "bit",
        "little",
        "head",
        "chest",
        "throat",
        "breathe",
        "breathing",
        "fever",
        "headache",
        "rash",
        "sick",
        "vomit",
        "vomiting",
        "threw",
        "up",
        "nausea",
        "tired",
        "dizzy",
        "neck",
        "stiff",
        "tight",
        "swelling",
        "swollen",
        "lips",
        "tongue",
        "face",
        "arm",
        "leg",
        "hot",
        "cold",
        "infusion",
        "ivig",
        "today",
        "yesterday",
        "morning",
        "night",
        "hours",
        "ago",
        "now",
        "just",
        "so",
        "but",
        "or",
        "also",
        "a",
        "an",
        "please",
        "help",
        "doctor",
        "nurse",
        "clinic",
        "phone",
        "number",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def language_of(text: str) -> str:
    """ "en", "es" (Spanish) or "other" (mostly a non-Latin script). Small, deterministic, no model:
    Spanish when more of its common words than English ones are there (two at least, or the one word
    of a one- or two-word message)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2:
        latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
        if latin < len(letters) / 2:
            return "other"
    words = [w.lower() for w in _WORD.findall(text)]
    spanish = sum(w in SPANISH_WORDS for w in words) + (1 if re.search(r"[¿¡ñÑ]", text) else 0)
    english = sum(w in ENGLISH_WORDS for w in words)
    if (spanish >= 2 and spanish > english) or (len(words) <= 2 and spanish >= 1 and english == 0):
        return "es"
    return "en"


# ---------------------------------------------------------------- the red-flag scan of long text

_SENTENCE_END = re.compile(r"(?<=[.!?;\n])\s+")


def chunks(text: str, size: int = SCAN_CHUNK_CHARS, overlap: int = SCAN_OVERLAP_CHARS) -> list[str]:
    """Whole sentences packed into chunks of at most `size` characters; a longer sentence is cut into
    overlapping windows at spaces. Every character of `text` is in at least one chunk."""
    out, current = [], ""
    for sentence in _SENTENCE_END.split(text):
        if len(sentence) > size:
            if current:
                out.append(current)
                current = ""
            start = 0
            while start < len(sentence):
                end = min(len(sentence), start + size)
                if end < len(sentence):
                    space = sentence.rfind(" ", start + size // 2, end)
                    end = space if space > start else end
                out.append(sentence[start:end])
                if end >= len(sentence):
                    break
                back = sentence.rfind(" ", end - overlap, end)
                start = back + 1 if back > start else max(start + 1, end - overlap)
            continue
        if current and len(current) + 1 + len(sentence) > size:
            out.append(current)
            current = ""
        current = f"{current} {sentence}" if current else sentence
    if current:
        out.append(current)
    return out


@dataclass(frozen=True)
class Scan:
    level: str | None  # the most serious level the rules find in the whole text
    red_flag_passages: tuple[str, ...]  # the chunks that alone are a red flag, in order
    has_findings: bool  # any symptom, temperature or unknown complaint at all
    findings: object = None  # bot.findings.Findings of the whole text


def scan(text: str) -> Scan:
    """Run the rule layer over `text` of any length, chunk by chunk (each chunk costs little)."""
    from bot.findings import Findings, extract
    from bot.triage import assess

    merged, red, with_findings = Findings(), [], []
    for chunk in chunks(text):
        found = extract(chunk)
        merged = merged.merge(found)
        if assess(found).is_red_flag:
            red.append(chunk)
        if not found.is_empty:
            with_findings.append(chunk)
    overall = assess(merged)
    if overall.is_red_flag and not red:  # only the whole shows it (a headache here, a stiff neck there)
        red = with_findings
    return Scan(overall.level, tuple(red) if overall.is_red_flag else (), not merged.is_empty, merged)


# ---------------------------------------------------------------- the check


@dataclass(frozen=True)
class Checked:
    text: str  # what the bot should read ("" when not forwarded)
    forward: bool
    before: tuple[str, ...] = ()  # our replies, sent before the bot's
    after: tuple[str, ...] = ()  # our replies, sent after the bot's
    problem: str | None = None  # for the logs: not_text, empty, no_words, too_long, other_language
    cleaned: tuple[str, ...] = ()  # what clean() removed: control_characters, format_characters, markup
    expect_red_flag: bool = False  # the rules found a red flag: the bot's reply must escalate
    language: str = "en"
    length: int = 0
    extra: dict = field(default_factory=dict)


def check_message(text: object, settings: Settings | None = None, limit: int = MAX_MESSAGE_CHARS) -> Checked:
    """Decide what happens to one incoming message. Never raises on a string."""
    if text is None:
        text = ""
    if isinstance(text, bool) or not isinstance(text, (str, int, float)):
        return Checked("", False, before=(NOT_TEXT,), problem="not_text")
    text = str(text)
    cleaned, removed = clean(text)
    if not cleaned:
        return Checked("", False, before=(EMPTY,), problem="empty", cleaned=tuple(removed))
    length = len(cleaned)
    if length > limit:
        found = scan(cleaned)
        if found.red_flag_passages:  # escalate first; the request for shorter messages after
            passages, kept = [], 0
            for passage in found.red_flag_passages:
                if kept + len(passage) > limit and passages:
                    break
                passages.append(passage)
                kept += len(passage) + 1
            return Checked(
                "\n".join(passages),
                True,
                after=(TOO_LONG_SCANNED.format(length=length, limit=limit),),
                problem="too_long",
                cleaned=tuple(removed),
                expect_red_flag=True,
                length=length,
            )
        return Checked(
            "",
            False,
            before=(TOO_LONG.format(length=length, limit=limit) + "\n" + safety_net_text(settings),),
            problem="too_long",
            cleaned=tuple(removed),
            length=length,
        )
    if answer_emoji(cleaned):  # 👍 / 👎 to a question: an answer, read as its word
        return Checked(answer_emoji(cleaned) or "", True, cleaned=tuple(removed), length=length)
    if not has_words(cleaned):
        return Checked(
            "",
            False,
            before=(NO_WORDS + "\n" + safety_net_text(settings),),
            problem="no_words",
            cleaned=tuple(removed),
            length=length,
        )
    if cleaned.startswith("/"):  # a button's payload ("/affirm"): for the bot, never a language
        return Checked(cleaned, True, cleaned=tuple(removed), length=length)
    language = language_of(cleaned)
    if language != "en":
        note = _clinic(OTHER_LANGUAGE, settings) + ("\n" + _clinic(SPANISH, settings) if language == "es" else "")
        found = scan(cleaned)
        if found.has_findings:  # English symptom words in it: the bot reads them, the note follows
            return Checked(
                cleaned,
                True,
                after=(note,),
                problem="other_language",
                cleaned=tuple(removed),
                expect_red_flag=found.level in ("call_doctor_now", "emergency"),
                language=language,
                length=length,
            )
        # The bot still reads it: an answer to its question ("No, estoy bien", "Hoy, 9am") keeps the triage
        # going, and a question it cannot read is asked again; nothing the patient said is dropped.
        return Checked(
            cleaned,
            True,
            before=(note,),
            problem="other_language",
            cleaned=tuple(removed),
            language=language,
            length=length,
        )
    return Checked(cleaned, True, cleaned=tuple(removed), length=length)


# ---------------------------------------------------------------- rate limits


class RateLimiter:
    """Token buckets by key (a sender id, a client address): `per_minute` sustained, `burst` at once.

    Keeps at most `max_keys` buckets (least recently used go first), so a flood of new keys cannot
    exhaust memory. `per_minute <= 0` turns it off. Thread-safe."""

    def __init__(self, per_minute: float, burst: int, max_keys: int = 100_000, clock=time.monotonic):
        self.rate = per_minute / 60.0
        self.burst = max(1, int(burst))
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def wait_time(self, key: str) -> float:
        """0 when `key` may go on now (and one token is taken), else the seconds until it may."""
        if not self.enabled:
            return 0.0
        now = self.clock()
        with self._lock:
            tokens, then = self._buckets.pop(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self._buckets[key] = (tokens, now)
                wait = (1.0 - tokens) / self.rate
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        return wait


@dataclass(frozen=True)
class Limits:
    sender_per_minute: float = 30
    sender_burst: int = 20
    ip_per_minute: float = 300
    ip_burst: int = 100
    # Addresses the per-address limit does not apply to: none by default (a reverse proxy on the same host
    # without SANIC_REAL_IP_HEADER would make every patient 127.0.0.1); TRIAGE_RATE_EXEMPT_IPS sets them.
    exempt_ips: frozenset[str] = frozenset()

    @classmethod
    def from_env(cls, env=None) -> Limits:
        """The limits the TRIAGE_RATE_* settings give (bot/settings.py), from `env` or the environment."""
        return cls(
            setting("TRIAGE_RATE_SENDER_PER_MINUTE", env),
            setting("TRIAGE_RATE_SENDER_BURST", env),
            setting("TRIAGE_RATE_IP_PER_MINUTE", env),
            setting("TRIAGE_RATE_IP_BURST", env),
            frozenset(setting("TRIAGE_RATE_EXEMPT_IPS", env)),
        )
