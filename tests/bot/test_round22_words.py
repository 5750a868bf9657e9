"""Round 22's classes, in words of our own (not the evaluation set's): a child's signs of working to
breathe (skin pulled in at the ribs, flaring nostrils, a grunt with each breath), a rash told by how far it
has gone on ("up past the elbow", "and onto the chest"), a limb that has "come up big", and something not
well said beside a "fine"."""

import pytest

from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from tests.bot.levels import level


@pytest.mark.parametrize(
    "text, expected",
    [
        # a child working to breathe
        ("my daughter's tummy is sucking in with every breath", EMERGENCY),
        ("the skin is pulling in between his ribs", EMERGENCY),
        ("he's flaring his nostrils and breathing fast", EMERGENCY),
        ("she is grunting each time she breathes", EMERGENCY),
        ("he was grunting at the telly, all fine otherwise", None),
        # a rash gone on from where it began, and one going away
        ("rash on my ankle has gone up past my knee", CALL_DOCTOR_NOW),
        ("the rash started on her arm and now onto her tummy", CALL_DOCTOR_NOW),
        ("the rash has gone down a bit since this morning", MANAGE_AT_HOME),
        # a limb that has come up big
        ("my calf has come up big and sore", CALL_DOCTOR_NOW),
        ("her ankle has ballooned", CALL_DOCTOR_NOW),
    ],
)
def test_round22_words(text, expected):
    assert level(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "All fine mostly, just one strange thing",
        "he says he's fine but he looks a bit off",
        "Mi nuh feel too good",
        "fine at lunch, then this came on an hour ago and it's getting worse",
    ],
)
def test_something_not_well_beside_a_fine_is_no_all_clear(text):
    """The check-in screen is for "all good"; these say something is not, so the bot asks how they feel."""
    from bot.dialogue import _MOSTLY_FINE, says_fine

    assert not says_fine(text) or _MOSTLY_FINE.search(text)


@pytest.mark.parametrize("text", ["all good thanks, just checking in", "I'm fine, nothing odd"])
def test_all_good_is_still_all_good(text):
    from bot.dialogue import _MOSTLY_FINE, says_fine

    assert says_fine(text) and not _MOSTLY_FINE.search(text)
