"""Emergency neurological signs told in a patient's own words, each class in words of our own (not an
evaluation set's): a one-sided hand that will not hold, a face lower on one side, words that come out
wrong or hard; someone taken for another, the long gone sought, home asked for while at home; one's
own details not known (knowing them is no sign); a fit told as jerking for minutes or sleepiness after,
or dictated as a sound-alike. Each with the ordinary words that must not become the sign."""

import pytest

from bot.findings import extract
from bot.lexicon import EMERGENCY
from bot.triage import assess


@pytest.mark.parametrize(
    "text",
    [
        # a hand of one side that will not hold, or lets things go
        "his left hand couldn't hold the fork at tea",
        "she can't grip the kettle with her right hand",
        "my right hand won't grasp the cup",
        "things keep slipping out of his left hand",
        "dad keeps dropping his keys from his right hand",
        # one side of the face not level with the other
        "the left corner of his mouth sits lower than the right",
        "her smile is higher on one side today",
        "his face is lower on the left",
        "her mouth isn't moving like the other side",
        # words that come out wrong, or hard to get out, spoken or written
        "his words keep coming out scrambled",
        "the words on her shopping list were all jumbled up",
        "she's having real difficulty with her words this evening",
        "his speech is mumbly and mushed",
        "mum's handwriting is gibberish all of a sudden",
        "she can't find her words, she keeps pointing instead",
        "his talking sounds as if he's been drinking, and he hasn't",
    ],
)
def test_a_stroke_sign_in_other_words(text):
    findings = extract(text)
    assert "stroke_signs" in findings.symptoms
    assert assess(findings).level == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "both her hands are unsteady with the cold and she keeps dropping the spoon",
        "I keep dropping things, I'm all fingers and thumbs today",
        "I'm struggling to find the words to say thank you to the nurses",
        "it's a strange feeling in my arm, I can't find the word for it",
        "we were talking about a few drinks at Christmas",
        "sorry if my writing is jumbled, typing on my phone",
        "the rash is lower on the left side of my face than yesterday",
        "my temperature is higher than this morning",
        "I can't face my dinner tonight",
        "I can hold a pen fine with my right hand",
        "I can't hold my cup in my left hand, the cannula is still in it",
        "her left hand is in a cast so she can't hold anything",
    ],
)
def test_no_stroke_sign_in_ordinary_words(text):
    assert "stroke_signs" not in extract(text).symptoms


@pytest.mark.parametrize(
    "text",
    [
        # someone taken for another
        "gran thinks I'm her brother",
        "he's convinced I'm a burglar",
        "she believes you're the milkman",
        "he called me by his dead wife's name",
        "she kept calling me by the wrong name all afternoon",
        # someone or a pet long gone, sought as if here
        "he keeps calling for the cat we had years ago",
        "she's waiting for her mum, who passed away in 1998, to pick her up",
        "grandpa was asking after his late brother",
        # home asked for while at home, the contradiction in the next clause
        "he wants to go home, yet he's sitting in his own armchair",
        "she asks to go back home although she's in her own kitchen",
        "he keeps saying he wants to go home even though he's at home",
        # one's own details not known, or forgotten
        "she couldn't remember her own address",
        "he doesn't know his age",
        "dad has forgotten his daughter's name",
    ],
)
def test_confusion_in_other_words(text):
    findings = extract(text)
    assert "confusion" in findings.symptoms
    assert assess(findings).level == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        # knowing is a normal function: no sign unless it is negated
        "I know exactly where I am",
        "I'm alert, I know what day it is and where I am",
        "could you tell me where the infusion suite is",
        "I can tell you my address and date of birth",
        "I can't remember the name of the pre-medication",
        "I don't know where to park",
        "I forgot my appointment card",
        "I'd rather not tell you my date of birth on here",
        "I can't recall her name, but the nurse was lovely",
        # praise and opinions are no misidentification
        "he thinks I'm the best",
        "my wife thinks I'm making a fuss",
        "she called me by my name when I came in",
        # the long gone remembered or their things sought
        "I'm searching for my late father's insurance papers",
        "we were looking for the thermometer we had years ago",
        "talking about my nan who died years ago always makes me smile",
        # wanting to go home is ordinary away from home
        "I'm on the ward and just want to go home",
        "I can't wait to go home and sit in my own chair",
        "she's in her own room at the care home and wants to go home",
        "we're home now, the nurse told us to go home and rest",
    ],
)
def test_no_confusion_in_ordinary_words(text):
    assert "confusion" not in extract(text).symptoms


@pytest.mark.parametrize(
    "text",
    [
        "his whole self was jerking for a couple of minutes",
        "she was juddering for about 3 minutes",
        "he was jerking, and now he's really drowsy",
        "she was shaking and afterwards she was dazed and wet herself",
        # dictated: the h of "her" dropped, a hushing sound heard as a hissing one
        "I think my husband had a seize her",
    ],
)
def test_a_fit_in_other_words(text):
    findings = extract(text)
    assert "seizure" in findings.symptoms
    assert assess(findings).level == EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I was shaking with the chills for about twenty minutes",
        "shaking with cold earlier, now very sleepy",
        "my hands were shaking for a few minutes before the needle, nerves",
        "my eyelid has been twitching for a few minutes",
        "I had the shakes after the drip and now I'm so sleepy",
        "the flashing lights nearly gave me a seizure",
        "the police will seize her car",
    ],
)
def test_no_fit_in_ordinary_words(text):
    assert "seizure" not in extract(text).symptoms


def test_a_negation_denies_a_sentence_wide_sign_only_in_its_own_clause():
    # "not" in another clause of the sentence does not deny it
    assert "confusion" in extract("she keeps asking to go home, she's sitting in her own lounge, not eating").symptoms
    # "not" in the clause of one of its words does
    assert "confusion" not in extract("he isn't asking to go home, he's sitting in his own chair").symptoms
