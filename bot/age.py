"""How old the person a conversation is about is, when a message says so.

Older adults carry more risk after IVIG (the IVIG article): the dialogue screens them more fully
(bot/dialogue.py `FULLER_SCREEN`). An age is read only where it is plainly one: "74 year old", "I'm 76",
"my father 74 years", "Mom (70)", "my dad is 83", "aged 81", "in her eighties", "my elderly mother"; never
a temperature, a pulse, a count or a comparison ("temp is 38.4", "pulse 110", "my 3rd infusion", "aching
like I'm 80").
"""

import re

from bot.lexicon import RELATIVES

OLDER_ADULT_AGE = 65  # from this age on, an adult is screened as an older adult
ELDERLY = 80  # what "elderly" and "my nan" are taken to mean: old enough for the fuller screen

_PERSON = (
    r"(?:i'?m|i am|im|he'?s|he is|she'?s|she is|they'?re|they are|(?:my |our |the )?(?:"
    + "|".join(RELATIVES)
    + r")(?:'s| is))"
)
# "8 yr old", "74-year-old", "5 months old", "aged 70", "12 yo": an age wherever it is said (timeline.py
# leaves these out of the time of the infusion).
AGE_PHRASE = re.compile(
    r"\b(\d{1,3})\s*-?\s*(?:yrs?|years?|months?|mths?|weeks?|wks?)\s*-?\s*old\b|\b(\d{1,3})\s*(?:yo|y/o|y\.o\.)(?!\w)|"
    r"\baged\s+(\d{1,3})\b|"
    # "My father 74 years had IVIG today", "my dad, 80 yrs,": an age said after the person, without "old"
    r"\b(?:"
    + "|".join(RELATIVES)
    + r")\s*,?\s*(\d{1,3})\s*(?:yrs?|years?)\b(?!\s*(?:ago|back|since|before|later|on|of))",
    re.I,
)
_IN_MONTHS = re.compile(r"months?|mths?|weeks?|wks?", re.I)
# A baby's age said without "old" ("my daughter (18 months)", "our 9 month baby"), and the words for a small
# child with no age ("toddler", "my little boy"): a child too young to say what they feel (YOUNG_CHILD_AGE).
_MONTHS_AGE = re.compile(r"\b(\d{1,2})\s*-?\s*(?:months?|mths?|weeks?|wks?)\b(?!\s*(?:ago|back|since|later|of))", re.I)
_SMALL_CHILD = re.compile(
    r"\b(baby|babies|toddler|infant|newborn|my little (?:boy|girl|one|lad|man)|our little (?:boy|girl|one)|little one)\b",
    re.I,
)
YOUNG_CHILD_AGE = 4  # up to this age a child cannot tell what they feel: the dialogue asks what a parent sees
SMALL_CHILD = 1  # what "toddler" or "my little boy" is taken to mean
MAX_BABY_COUNT = 24  # "18 months", "6 weeks": a baby's age; "she's 39 weeks" is a pregnancy
# "I'm 76", "my mum is 83", "Mom (70)", "he's 78 and": a number after a person, not a measurement
_PERSON_AGE = re.compile(
    _PERSON + r"\s+(\d{2,3})\b(?![.,]\d|\s*(?:°|degrees?|c\b|f\b|%|kg|lbs?|pounds|stone|cm|bpm|mins?|minutes|hours?|"
    r"hrs?|days?|weeks?|wks?|percent|over|/))",
    re.I,
)
_BRACKETED = re.compile(r"\b(?:" + "|".join(RELATIVES) + r"|i|he|she)\s*\((\d{1,3})\)", re.I)
_DECADE = re.compile(
    r"\bin (?:my|his|her|their) (?:late |early |mid[- ])?(sixties|seventies|eighties|nineties|[6-9]0'?s)\b", re.I
)
_DECADES = {"sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
_ELDERLY = re.compile(
    r"\b(elderly|pensioner|old age pensioner|oap|senior citizen|my nan|my nana|my nanna|my gran|my granny|"
    r"my grandma|my grandmother|my grandad|my granddad|my grandpa|my grandfather)\b",
    re.I,
)


# "aching like I'm 80", "feel like a 90 year old", "as if she's 100": a comparison, not an age
_LIKE_BEFORE = re.compile(r"\b(?:like|as if|as though)\s+(?:an?\s+)?$", re.I)


def _compared(text: str, match: re.Match) -> bool:
    return bool(_LIKE_BEFORE.search(text[max(0, match.start() - 16) : match.start()]))


_PERSON_BEFORE = re.compile(
    r"\b(?:" + "|".join(RELATIVES) + r"|baby|boy|girl|child|kid|he|she|our|my)\W*(?:is|'s)?\W*$", re.I
)


def oldest_age(text: str) -> int | None:
    """The oldest age a message gives, in years (a baby's "5 months old" is 0), or None."""
    text = text or ""
    ages = []
    numbers = any(c.isdigit() for c in text)  # most messages give none: spare the patterns that need one
    for match in AGE_PHRASE.finditer(text) if numbers else ():
        if _compared(text, match):
            continue
        number = int(next(g for g in match.groups() if g))
        ages.append(0 if _IN_MONTHS.search(match.group(0)) else number)
    if numbers:
        ages += [int(m.group(1)) for m in _PERSON_AGE.finditer(text) if not _compared(text, m)]
        ages += [int(m.group(1)) for m in _BRACKETED.finditer(text)]
        ages += [
            0
            for m in _MONTHS_AGE.finditer(text)
            if int(m.group(1)) <= MAX_BABY_COUNT and _PERSON_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        ]
    for match in _DECADE.finditer(text):
        decade = match.group(1).lower()
        ages.append(_DECADES.get(decade) or int(decade[:2]))
    ages = [a for a in ages if a < 120]
    if not ages and _ELDERLY.search(text):
        ages.append(ELDERLY)
    if not ages and _SMALL_CHILD.search(text):
        ages.append(SMALL_CHILD)
    return max(ages) if ages else None
