"""Plain yes/no answers to a follow-up question, read from the first words ("no, it's just annoying")."""
import re

_YES = re.compile(r"^\s*(yes|yeah|yea|yep|yup|ya|yah|aye|sure|correct|affirmative|definitely|it is|i have|i did|i am)\b", re.I)
_NO = re.compile(r"^\s*(no|nope|nah|not|never|negative|none|it isn'?t|it'?s not|i haven'?t|i didn'?t|i'?m not|not really)\b", re.I)


def yes_or_no(text: str) -> bool | None:
    """True for a yes, False for a no, None when the message does not start with either."""
    if _NO.match(text or ""):
        return False
    if _YES.match(text or ""):
        return True
    return None
