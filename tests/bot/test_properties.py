"""Property-based tests (hypothesis) of the rule layer and the input checks.

- `extract` and `assess` never raise, whatever the text; nor does `check_message`, even on lone
  surrogates and control characters.
- A red-flag phrase embedded anywhere in random surrounding text is never assessed `manage_at_home`
  or None. Fair surroundings: random words from a neutral list and random strings over a safe
  alphabet (no apostrophe, so no "n't"), never a negation, a hypothetical ("if", "side effects"), a
  pseudo-negation or a clause word; these are exactly the words that may rightly change what a
  phrase means ("no, I threw up" / "not ... i threw up" / "if i threw up").
- The same phrase buried in a message over 2,000 characters still escalates: `check_message` passes
  its red-flag passage on to the bot and asks the channel to make sure it escalated.
"""

import re
import string
import unicodedata

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot import context_rules, nlp
from bot.findings import extract
from bot.triage import assess
from components.channels.input_checks import MAX_MESSAGE_CHARS, check_message, chunks

RED_FLAG_PHRASES = (
    "i can't breathe",
    "my chest is tight",
    "i threw up",
    "my throat is swelling",
    "stiff neck and a headache",
    "my lips are blue",
    "i fainted",
    "i cant breathe",
)
RED_LEVELS = ("call_doctor_now", "emergency")

# Words that may rightly change a phrase's meaning: never in the surroundings. (Hedges may be there:
# a hedged symptom still counts.)
_CHANGERS = nlp.NEGATIONS + nlp.PSEUDO_NEGATIONS + nlp.HYPOTHETICALS
BANNED = (
    {p for p in _CHANGERS if " " not in p}
    | {w for w in nlp.CLAUSE_BREAKS if w.isalpha()}
    | {"nt", "cannot"}
    | set(context_rules.EXPERIENCER_WORDS)
    | set(context_rules.ANIMAL_WORDS)
)
BANNED_PHRASES = tuple(p for p in _CHANGERS if " " in p)
NEUTRAL_WORDS = (
    "today",
    "this",
    "morning",
    "evening",
    "the",
    "kitchen",
    "table",
    "garden",
    "was",
    "quiet",
    "after",
    "lunch",
    "my",
    "neighbourhood",
    "said",
    "hello",
    "hi",
    "thanks",
    "um",
    "really",
    "very",
    "at",
    "home",
    "around",
    "noon",
    "we",
    "went",
    "to",
    "store",
    "tv",
    "book",
    "reading",
    "sitting",
    "chair",
    "sofa",
    "nurse",
    "clinic",
    "infusion",
    "ivig",
    "yesterday",
    "hours",
    "ago",
    "two",
    "like",
    "weather",
    "rainy",
    "sunny",
    "coffee",
    "water",
    "drank",
    "ate",
    "toast",
    "walk",
    "car",
    "bus",
    "phone",
    "called",
    "hey",
    "ok",
    "honestly",
    "um",
    "er",
    "lol",
    "please",
    "help",
    "hospital",
    "i",
    "am",
    "is",
    "it",
    "feel",
    "woke",
    "up",
    "sat",
    "down",
    "a",
    "an",
)
SAFE_ALPHABET = string.ascii_letters + string.digits + " .,!:;()@#$%&*+=/"
SEPARATORS = (" ", ", ", ". ", "! ", "\n", " - ", ": ")

assert not BANNED & set(NEUTRAL_WORDS), BANNED & set(NEUTRAL_WORDS)

word = st.one_of(st.sampled_from(NEUTRAL_WORDS), st.text(alphabet=SAFE_ALPHABET, min_size=1, max_size=9))
surroundings = st.lists(word, max_size=25).map(" ".join)


def fair(surrounding: str, message: str) -> bool:
    """No banned word in the surroundings, no banned phrase in the message, as the rule pipeline
    reads them (spelling corrections and "n't" -> "not" included)."""
    if any(n in BANNED for n in nlp._norms(nlp.load()(surrounding))):
        return False
    return not nlp._find(nlp._norms(nlp.load()(message)), BANNED_PHRASES)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(max_size=400))
def test_extract_and_assess_never_raise(text):
    findings = extract(text)
    disposition = assess(findings)
    assert disposition.level in (None, "manage_at_home", "call_doctor_now", "emergency")
    assess(findings, previous_level="call_doctor_now")
    extract(text, expecting_temperature=True)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=300))
def test_check_message_never_raises_on_any_string(text):
    checked = check_message(text)
    assert checked.forward or checked.before  # always an answer: the bot's or ours
    if checked.forward:
        assert checked.text and checked.text.strip() == checked.text
        checked.text.encode("utf-8")  # no lone surrogate reaches the bot or the database
        assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in checked.text.replace("\n", ""))
        assert not re.search(r"<\s*/?\s*[A-Za-z!?][^<>]*>", checked.text)  # no HTML tag survives


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
@given(
    phrase=st.sampled_from(RED_FLAG_PHRASES),
    before=surroundings,
    after=surroundings,
    sep_before=st.sampled_from(SEPARATORS),
    sep_after=st.sampled_from(SEPARATORS),
)
def test_a_red_flag_anywhere_in_fair_text_is_never_manage_at_home(phrase, before, after, sep_before, sep_after):
    message = f"{before}{sep_before}{phrase}{sep_after}{after}".strip()
    assume(fair(before, message) and fair(after, message))
    level = assess(extract(message)).level
    assert level in RED_LEVELS, (message, level)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
@given(
    phrase=st.sampled_from(RED_FLAG_PHRASES),
    filler=st.lists(st.sampled_from(NEUTRAL_WORDS), min_size=5, max_size=30),
    position=st.floats(0, 1),
    sep=st.sampled_from(SEPARATORS),
)
def test_a_red_flag_in_a_very_long_message_still_escalates(phrase, filler, position, sep):
    padding = (" ".join(filler) + ". ") * (MAX_MESSAGE_CHARS // (len(" ".join(filler)) + 2) + 2)
    cut = int(len(padding) * position)
    message = f"{padding[:cut]}{sep}{phrase}{sep}{padding[cut:]}"
    assert len(message) > MAX_MESSAGE_CHARS
    checked = check_message(message)
    assert checked.problem == "too_long" and checked.forward and checked.expect_red_flag
    assert len(checked.text) <= MAX_MESSAGE_CHARS + 1
    assert assess(extract(checked.text)).level in RED_LEVELS  # what the bot reads still escalates


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from("ab .\n!?;"), max_size=5000), st.integers(20, 400))
def test_long_text_chunks_cover_every_character(text, size):
    parts = chunks(text, size=size, overlap=size // 8)
    assert all(len(p) <= size for p in parts)
    joined = "".join(parts)
    assert sorted(joined.replace(" ", "").replace("\n", "")) >= [] and sum(c not in " \n" for c in joined) >= sum(
        c not in " \n" for c in text
    )
