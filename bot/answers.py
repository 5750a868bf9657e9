"""Answers to the bot's questions, in patients' words: yes, no, unsure, or unreadable.

"nope not really", "neck's fine", "a bit", "kinda", "I think so", "dunno", "he says it hurts", 👍/👎.
The reader looks at the first clause, where people answer, then at the whole answer for a denial of the
thing asked about ("neck's fine", "no swelling"). An unsure answer is reported as such: to a safety
question the dialogue counts it as yes (bot/dialogue.py), never as no.
"""

import re
from enum import Enum

from text_to_num import alpha2digit

from bot.temperature import find_temperatures


class Answer(str, Enum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


_WORD = r"(?:^|(?<=[\s,.!?]))"
# Hedges come first: "yes maybe", "I think so?" and "not sure" are unsure, not yes or no.
_UNSURE = re.compile(
    r"\b(not sure|unsure|i'?m not certain|not certain|don'?t know|dont know|dunno|idk|no idea|hard to (say|tell)|"
    r"can'?t (tell|say)|cannot (tell|say)|maybe|perhaps|possibly|might be|could be|probably|kinda|kind of|"
    r"sort of|sorta|a (little|bit|tad|touch)|bit|slightly|somewhat|a little bit|i think( so)?|i guess|"
    r"think so|sometimes|on and off|now and then|hmm+|er+m*|not really sure|50/50|a wee bit|ish)\b|"
    r"🤷",
    re.I,
)
_SHORT_QUESTION = re.compile(
    r"^(?!\s*(what|when|where|how|who|why|can|could|do|does|should|will|would)\b)"
    r"\W*(\w+\W+){0,4}\w*\?\W*$",
    re.I,
)  # "maybe?", "sort of?": a hedge, unlike "what are your hours?"
_NO = re.compile(
    r"^\s*(?:(?:oh|well|um+|er+|hmm+|ah|honestly|actually|so)[\s,]+)*"
    r"(no+|nope|nah|naw|not at all|not really|never|negative|none|nothing|neither|nada|not that i'?ve noticed|"
    r"i don'?t think so|don'?t think so|i haven'?t|haven'?t|hasn'?t|i didn'?t|didn'?t|he didn'?t|she didn'?t|"
    r"it isn'?t|it'?s not|isn'?t|it'?s fine|all (good|fine)|fine|all clear|nothing like that|"
    r"i'?m not|he'?s not|she'?s not|they'?re not|he isn'?t|she isn'?t|doesn'?t|does not|do not|don'?t)\b|"
    r"^\s*(👎|❌|🙅)",
    re.I,
)
_YES = re.compile(
    r"^\s*(?:(?:oh|well|um+|er+|ah|honestly|actually|so)[\s,]+)*"
    r"(yes+|yeah|yea|yep|yup|ya|yah|aye|sure|correct|affirmative|definitely|absolutely|it is|it has|it does|"
    r"i have|i did|i am|i do|he is|she is|he has|she has|he did|she did|they are|they have|true|right|"
    r"uh[- ]?huh|totally|very much|certainly|of course|for sure|loads|lots)\b|"
    r"^\s*(👍|✅|✔|👌)",
    re.I,
)
# "neck's fine", "no swelling", "breathing is normal": the thing asked about, said to be normal or absent.
_DENIAL = re.compile(
    r"\b(is|'s|are|'re|seems?|looks?|feels?)\s+(fine|ok|okay|alright|all right|normal|good|grand|ok now)\b|"
    r"\bno\s+(swelling|rash|vomit|vomiting|stiffness|problems?|issues?|trouble|change)\b|"
    r"\b(nothing|none) (like that|of that|at all)\b",
    re.I,
)
# "she's breathing fine", "eating normally": something the patient does, said to go normally (not with a
# negation in the same clause: "he is not breathing fine" is no denial).
_DOING_FINE = re.compile(r"\b\w+ing\s+(fine|ok|okay|normally|alright|all right)\b", re.I)
_NEGATION = re.compile(r"\b(not|never|no)\b|n'?t\b", re.I)
# Reported speech of a caregiver: "he says it hurts", "she said yes", "mum says her neck aches".
_REPORTED_YES = re.compile(
    r"\b(says?|said|telling me|tells me|complains?|complaining)\b.*\b(hurts?|aches?|sore|"
    r"stiff|yes|painful|bad|worse|spreading|swollen|can'?t)\b",
    re.I,
)


# The answer to "is it very severe?" or "is it spreading?" said as a small degree: "small headache only",
# "just a mild one", "same size since this morning, not spreading", "it's gone now" — a no, unless a
# word of severity or growth is also said ("small but getting worse").
_MILD_DEGREE = re.compile(
    r"\b(small|little|mild|slight|minor|tiny|only|not (that |too |so )?bad|nothing major|manageable|bearable|"
    r"same( size)?|gone( now)?|not spreading|isn'?t spreading|hasn'?t spread|not (getting )?(bigger|worse)|"
    r"no (bigger|worse)|not growing|staying the same)\b",
    re.I,
)
_GROWING_OR_SEVERE = re.compile(
    r"(?<!not )(?<!n't )\b(worse|worst|spreading|spread|bigger|growing|severe|terrible|awful|unbearable|"
    r"excruciating|killing|agony|very bad|really bad)\b",
    re.I,
)


def read_degree(text: str) -> Answer | None:
    """The answer to a question of degree (bot/dialogue.DEGREE_QUESTIONS): NO for a small degree, else
    the plain reading."""
    text = (text or "").strip()
    if _MILD_DEGREE.search(text) and not _GROWING_OR_SEVERE.search(re.sub(r"\bnot (getting )?", "not ", text)):
        return Answer.NO
    return read_answer(text)


# Payloads of the buttons of earlier versions, still on screens that were open during an upgrade.
_OLD_BUTTONS = {"/affirm": Answer.YES, "/deny": Answer.NO, "/dont_know": Answer.UNSURE}


def read_answer(text: str) -> Answer | None:
    """The answer to a yes/no question, or None when it is neither (an aside, a symptom, gibberish)."""
    text = (text or "").strip()
    if not text:
        return None
    if text in _OLD_BUTTONS:
        return _OLD_BUTTONS[text]
    first = re.split(r"[.;!\n]|,\s*(?:but|and)\b|\bbut\b", text, maxsplit=1)[0]
    if (_UNSURE.search(first) or _SHORT_QUESTION.match(first)) and not re.match(
        r"^\s*(no+|nope|nah)\b(?!.*\b(sure|idea|know)\b)", first, re.I
    ):
        return Answer.UNSURE
    if _NO.match(first) or _DENIAL.search(first) or (_DOING_FINE.search(first) and not _NEGATION.search(first)):
        return Answer.NO
    if _YES.match(first) or _REPORTED_YES.search(first):
        return Answer.YES
    return None


_NOT_HIGH = re.compile(
    r"\b(normal|no fever|not (hot|high|feverish|running a temp(erature)?)|fine|ok|okay|"
    r"no temp(erature)?|haven'?t got a temp(erature)?|hasn'?t got a temp(erature)?)\b",
    re.I,
)
_NOT_MEASURED = re.compile(
    r"\b(no thermometer|don'?t have a thermometer|haven'?t (got|a) (a )?thermometer|"
    r"can'?t (measure|check|take)|cannot (measure|check|take)|not measured|didn'?t (measure|check)|"
    r"haven'?t (measured|checked|taken))\b",
    re.I,
)


def read_temperature(text: str) -> float | str | None:
    """The answer to "what is your temperature?": degrees Celsius (the highest said, "38-39" -> 39),
    "not_high" ("normal", "no fever"), "unknown" (cannot measure, not sure), or None when unreadable."""
    readings = find_temperatures(alpha2digit(text or "", "en"), expecting=True)  # "thirty eight point four"
    if readings:
        return max(t.celsius for t in readings)
    if _NOT_MEASURED.search(text or ""):
        return "unknown"
    if _NOT_HIGH.search(text or ""):
        return "not_high"
    answer = read_answer(text)
    if answer is Answer.UNSURE:
        return "unknown"
    if answer is Answer.NO:  # "no" to "what is your temperature?": no fever
        return "not_high"
    return None
