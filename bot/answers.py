"""Answers to the bot's questions, in patients' words: yes, no, unsure, or unreadable.

"nope not really", "neck's fine", "a bit", "kinda", "I think so", "dunno", "he says it hurts", 👍/👎.
The reader looks at the first clause, where people answer, then at the whole answer for a denial of the
thing asked about ("neck's fine", "no swelling"). An unsure answer is reported as such: to a safety
question the dialogue counts it as yes (bot/dialogue.py), never as no.
"""

import re
from enum import Enum

from text_to_num import alpha2digit

from bot import body_systems, lexicon
from bot.temperature import find_temperatures


class Answer(str, Enum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


# "n't", or a contraction typed without its apostrophe ("dont", "isnt"); not the "nt" that ends "went", "want"
NT = (
    r"(?:n['’]t\b|\b(?:dont|doesnt|didnt|isnt|arent|wasnt|werent|hasnt|havent|hadnt|cant|wont|couldnt|shouldnt|"
    r"wouldnt|aint|mustnt|neednt)\b)"
)
_WORD = r"(?:^|(?<=[\s,.!?]))"
# Words people put before their answer: "ha, no", "oh dear, yes", "well, nope".
_OPENING = r"^\s*(?:(?:oh|well|um+|er+|hmm+|ah+|aw+|ha(?:ha)*|lol|gosh|goodness|heavens|lord|dear|love|honestly|actually|so|right|ok|okay)[\s,!.]+)*"
# Playing it down: something there, not said ("I didn't want to make a fuss", "it's probably nothing"), and a
# question about something wearing off ("should I just wait for it to wear off?"): never a no, nor nothing more.
_PLAYED_DOWN = (
    r"\b(make a fuss|making a fuss|bother(ing)? (you|anyone|the nurses?|the doctors?)|waste your time|"
    r"(it'?s|it is) (probably )?nothing|don'?t want to worry)\b|"
    r"\b(it|this|that|they)\b[^.!?]*\b(wear off|wears off|wearing off|go away|goes away|settle down|settles)\b"
)
# Hedges come first: "yes maybe", "I think so?" and "not sure" are unsure, not yes or no.
_UNSURE = re.compile(
    r"\b(not sure|unsure|i'?m not certain|not certain|don'?t know|dont know|dunno|idk|no idea|hard to (say|tell)|"
    r"can'?t (tell|say)(?! (that )?(i|he|she|they)( have|'ve| has| had| did| do| does| noticed))|cannot (tell|say)|maybe|perhaps|possibly|might be|could be|probably|kinda|kind of|"
    r"sort of|sorta|a (little|bit|tad|touch)|bit|slightly|somewhat|a little bit|i think( so)?|i guess|"
    r"think so|sometimes|on and off|now and then|hmm+|er+m*|not really sure|50/50|a wee bit|ish|"
    # not looked at: not known ("I didn't look, sorry", "haven't checked"; "haven't seen any" is a no)
    r"(didn'?t|did not|haven'?t|have not|not|never)\s+(look|looked|check|checked|measured?)( at (it|them))?(?! (fine|normal|ok)))\b|"
    + _PLAYED_DOWN
    + r"|🤷",
    re.I,
)
_SHORT_QUESTION = re.compile(
    r"^(?!\s*(what|when|where|how|who|why|which|can|could|do|does|did|should|will|would|may|shall|is|are|am|was|"
    r"were|has|have|any|anything)\b)"
    r"\W*(\w+\W+){0,4}\w*\?\W*$",
    re.I,
)  # "maybe?", "sort of?": a hedge, unlike "what are your hours?"
_NO = re.compile(
    _OPENING + r"(no+|nope|nah|naw|not at all|not really|never|negative|none|nothing|neither|nada|nil|zilch|"
    # "fine" in the languages patients here also speak: "Bien", "dobrze", "mabuti", "theek hai", "tudo bem"
    r"(estoy |está |esta )?bien|dobrze|mabuti|th[ie]+k( hai)?|tudo bem|kwayyis|"
    r"not that (i|we|he|she|they)('?ve|'s| have| has)? (noticed|seen|can see|can tell|felt|said|mentioned|told (me|us)|"
    r"complained( of| about)?)|"
    # the first word of "no" in the languages patients here also speak ("Hindi po", "nie", "não", "nahi")
    r"(hindi|nie|não|nao|nahi|nahin|nein|non)\b|"
    r"denies|denied|"
    r"i don'?t think so|don'?t think so|i haven'?t|haven'?t|hasn'?t|i didn'?t|didn'?t|he didn'?t|she didn'?t|"
    r"it isn'?t|it'?s not|isn'?t|it'?s fine|all (good|fine)|fine|all clear|nothing like that|"
    r"i'?m not|he'?s not|she'?s not|they'?re not|he isn'?t|she isn'?t|doesn'?t|does not|do not|don'?t|"
    r"not that i know( of)?|not as far as i know|normal(ly)?|as (normal|usual)|same as (usual|always|ever|normal)|"
    r"like (usual|normal|always)|no changes?|all normal|"
    # "can't say I have": an English way of saying no
    r"(i )?can'?t say (that )?(i|he|she|they)( have|'ve| has| had| did| do| does| noticed)|"
    # "I am ok", "she's fine": the person is well, not "I am" as a yes
    r"(i'?m|i am|im|he'?s|he is|she'?s|she is|they'?re|they are|we'?re|we are)\s+(ok|okay|fine|alright|all right|"
    r"good|grand|well|great)\b(?!\s+(?:apart|except|but|other))|"
    # "not stiff", "not swollen": the sign said not to be there ("not too bad", "not great" are degrees)
    r"not (?!too\b|that\b|so\b|very\b|as\b|much\b|great\b|good\b|well\b|sure\b|certain\b|right\b|quite\b)[a-z]+\b(?!\s+(normally|properly|well|fine|right)))\b|"
    r"^\s*(👎|❌|🙅)|^\W*n\W*$",  # "n": no, typed in a hurry
    re.I,
)
_YES = re.compile(
    _OPENING + r"(yes+|yeah|yea|yep|yup|ya|yah|aye|sure|correct|affirmative|definitely|absolutely|it is|it has|it does|"
    r"sí|si|tak|opo|oo|haan|ha ji|ja|oui|sim|naam|"  # "yes" in the languages patients here also speak
    r"true|right|uh[- ]?huh|totally|very much|certainly|of course|for sure|loads|lots)\b|"
    # "I have", "she did": a yes when the clause ends there ("I did, this morning"); "I did my shopping
    # without any bother" tells of something else (what it names, the reader of the message finds)
     + _OPENING + r"(i have|i did|i am|i do|he is|she is|he has|she has|he did|she did|they are|they have)\b"
    r"(?=\s*(?:$|[,.!?;:]|(?:yes|yeah|yep|a bit|a little|some|now|still|again|actually|really|too|loads|lots|yesterday|today|tonight|"
    r"earlier|once|twice|this|last|before|after)\b))|"
    r"^\s*(👍|✅|✔|👌)|^\W*y\W*$",  # "y": yes
    re.I,
)
# "neck's fine", "no swelling", "breathing is normal": the thing asked about, said to be normal or absent.
_DENIAL = re.compile(
    r"\b(is|'s|are|'re|seems?|looks?|feels?)\s+(fine|ok|okay|alright|all right|normal|good|grand|easy|sweet|ok now|"
    r"choice|great|perfect|spot on|tops|sound|no worries|no dramas|no bother)\b"
    r"(?!,?\s+(apart|except|but|other than|besides))|"
    r"\bas (it|he|she|they) (always|usually) (is|are|does|do)\b|\bsame as (ever|always|usual)\b|"
    r"\bno\s+(swelling|rash|vomit|vomiting|stiffness|pain|problems?|issues?|trouble|change)\b|"
    r"\b(nothing|none) (like that|of that|at all)\b|\bnothing (\w+ )?to (report|tell|say|mention)\b|"
    r"\b(like|as) (usual|normal|always)\b|\bno different (to|from|than) (normal|usual|always|ever|before)\b|"
    # "she hasn't complained of anything", "no complaints"
    r"\b(hasn'?t|has not|haven'?t|have not|didn'?t|did not|not|never)\s+(complained|mentioned|said|say|mention)\s+"
    r"((of|about)\s+)?(anything|a thing|so|that|it)\b|"
    r"\bno complaints\b|"
    # "no actual headache, it was a figure of speech"
    r"\bno (actual|real) \w+|\bnot (a|an) (real|actual) \w+|\bfigure of speech\b|\bjust (a|an) (saying|expression)\b",
    re.I,
)
# "I can turn my head no problem", "he can move his neck normal": what the question is about, done normally.
_ABLE_FINE = re.compile(
    r"\b(can|could)\s+(\w+\s+){1,5}?(fine|normally|normal|ok|okay|alright|all right|no problem|"
    r"without (any )?(pain|trouble|problems?|bother))\b",
    re.I,
)
# "yes I can breathe, shocking I know", "she can swallow": the function asked about, done, with nothing
# limiting it ("can only just breathe", "can barely talk", "can breathe but it hurts" are no such answer).
_ABLE = re.compile(
    r"\b(can|could)\s+(still\s+)?(breathe|talk|speak|swallow|move|walk|nod|bend|turn|see|stand)\b"
    r"(?!\s+(only|a bit|a little|with|but|just|barely|hardly)\b)",
    re.I,
)
# A no taken back ("no - well, actually yes a little", "No. Wait, yes, when I stand up"): the correction
# stands, and a sign corrected into the answer is never read as denied.
_NO_TAKEN_BACK = re.compile(
    r"^\W*(no+|nope|nah|naw|not really)\b.*?\b(wait|actually|hang on|hold on|on second thought|come to think of it|"
    r"thinking about it|now (that )?i think( about it)?|i mean|or rather)\b\W*(yes|yeah|yep|yup|a bit|a little|"
    r"kind of|kinda|sort of|maybe|i do)\b",
    re.I | re.S,
)
_SOFT_NO = re.compile(r"^\W*(i\s+)?don'?t think so\b", re.I)
_THINK_FINE = re.compile(
    r"^\W*i (think|reckon|guess) (it'?s|it is|i'?m|i am|he'?s|he is|she'?s|she is|they'?re|all'?s) "
    r"(fine|ok|okay|alright|all right|normal|good)\b",
    re.I,
)
# "normal I think", "heart is normal I guess": a no, as far as they can tell (as "I think it's fine")
_I_THINK_AFTER = re.compile(r"[\s,]*\b(i think|i guess|i reckon|i believe)\W*$", re.I)
# "she's breathing fine", "eating normally": something the patient does, said to go normally (not with a
# negation in the same clause: "he is not breathing fine" is no denial).
_DOING_FINE = re.compile(
    r"\b(\w+in[g']?|breathe|breathes|walk|walks|talk|talks|eat|eats|sleep|sleeps|pee|pees|wee|wees|move|moves)\s+"
    r"(\w+ly\s+)?(fine|ok|okay|normally|normal|alright|all right|well|grand|good|great|easy|easily)\b",
    re.I,
)
# "good", "sweet as", "otherwise ok": all is well, said with no negation, no yes and no complaint.
_ALL_WELL = re.compile(
    r"\b(fine|good|grand|great|normal|alright|all right|sweet as|champion|no bother|perfect|all clear|usual self|"
    r"no problems?|otherwise (ok|okay))\b",  # a bare "ok" is an acknowledgement, not an answer
    re.I,
)


def _any_of(words: tuple[str, ...]) -> re.Pattern:
    """Any of `words`, as whole words."""
    return re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words), re.I)


_COMPLAINT_WORDS = (
    lexicon.COMPLAINT_WORDS + lexicon.STRONG_COMPLAINT_WORDS + lexicon.SEVERITY_WORDS + lexicon.TREND_WORDS
)
# a complaint word, or a word that says more is to come ("yes", "but", "apart from")
_COMPLAINT = _any_of(
    _COMPLAINT_WORDS + ("yes", "yeah", "yep", "yup", "but", "except", "apart from", "although", "though")
)
_COMPLAINT_WORD = _any_of(_COMPLAINT_WORDS)
_BODY_PART = _any_of(body_systems.BODY_PARTS)


def names_body_part(text: str) -> bool:
    """A part of the body, named ("my ears", "the left calf")."""
    return bool(_BODY_PART.search(text or ""))


def says_a_complaint_word(text: str) -> bool:
    """A word of complaint, severity or change ("hurts", "awful", "worse"), a part of the body not counted."""
    return bool(_COMPLAINT_WORD.search(text or ""))


def mentions_complaint(text: str) -> bool:
    """A word of complaint, severity or change ("hurts", "awful", "worse") or a part of the body, whatever
    the rules made of it."""
    return bool(_COMPLAINT_WORD.search(text or "")) or names_body_part(text)


_NEGATION = re.compile(r"\b(not|never|no)\b|" + NT, re.I)
_CLAUSE_BREAK = r",\s*(?:but|and)\b|\bbut\b"  # where an answer's clause ends, besides its punctuation
# A caregiver passing on the answer: "she says no", "he said yes, a bit" (the rest is the answer).
_REPORTED = re.compile(
    r"^\W*(he|she|they|(my |our )?("
    + "|".join(lexicon.RELATIVES)
    + r"))\s+(says?|said|seh|sey|sez|tells me|told me|reckons)"
    r"(\s+that)?\s*,?\s*(?=(yes|yeah|yep|no|nope|nah|naw|not|maybe|kind of|sort of|a bit|a little|she|he|they)\b)",
    re.I,
)
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
    r"annoying|irritating|nagging|niggly|niggling|dull|"
    r"same( size)?|gone(?!\s+(round|around|to|up|onto|on|over|down|across|all|further|into|everywhere|bigger|worse|from|past|right))( now)?|"
    r"not spreading|isn'?t spreading|hasn'?t spread|not (getting )?(bigger|worse)|"
    r"no (bigger|worse)|not growing|staying the same|"
    r"(only|just) (right )?(where|at|around|on|by|near) (the|my|his|her|their)?\s*(\w+ )?(drip|needle|cannula|plaster|line|site|spot))\b",
    re.I,
)
_GROWING_OR_SEVERE = re.compile(
    r"(?<!not )(?<!n't )(?<!no )\b(worse|worst|spreading|spread|bigger|growing|severe|terrible|awful|unbearable|"
    r"excruciating|killing|agony|very bad|really bad|more and more|larger|further)\b",
    re.I,
)
# A clause that tells how it began ("first only on the arm", "it was only small"): its small degree is the
# start, not now.
_TOLD_OF_THE_START = re.compile(r"\b(at first|first|started|began|begun|was|were|used to|originally|earlier)\b", re.I)


# To "is it the very worst / can you not speak / is it crushing?" a small degree is a no as well.
_SOME_DEGREE = re.compile(
    r"\b(a bit|a little|bit|slightly|a touch|somewhat|moderate|medium|so-so|not crushing)\b", re.I
)
_PAIN_SCORE = re.compile(r"\b(\d{1,3}(?:\.\d)?)\s*(?:/|out of|outta|of)\s*(5|10|100)\b", re.I)  # "7/10", "2 out of 5"
# A score said bare to a question of degree: "a solid eight", "it's a 6?", "about a seven" (out of 10)
_BARE_SCORE = re.compile(
    r"\b(?:a|an|about|around|like|maybe|solid|easily|at least)\s+(?:solid\s+|good\s+|strong\s+)?"
    r"(10|[0-9]|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"(?=\s*(?:[?.,!;]|$|(?:i'?d say|maybe|or so|ish|at most|at worst|now|today)\b))",  # the score ends its clause
    re.I,
)
_SCORE_WORDS = {
    w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])
}
# "not suddenly", "not the worst ever": the very sign asked about, denied
_NOT_EXTREME = re.compile(
    r"(\bnot|"
    + NT
    + r"|\bnever|\bnothing like|\bnothing|\bno|\bnowhere near|\bfar from)\s+(\w+\s+){0,2}?(all of a sudden|sudden(ly)?|"
    r"the worst|worst|crushing)"
    r"(\s+((i|he|she|they|we)('ve| have| has|'s)\s+)?(ever( had)?|had|(of|in) (my|his|her|their) (whole )?life))*\b"
    # "moderate at worst", "a 4 at its worst": how bad it got, no worst-ever word
    r"|\bat (its |the |his |her |their |my )?(very )?worst\b",
    re.I,
)
_ONSET = _any_of(lexicon.SUDDEN_WORDS + lexicon.WORST_WORDS)
# A sudden or worst-ever word denied: "not like I was hit by something", "nothing like a thunderclap"
_NOT_ONSET = re.compile(
    r"(\bnot|" + NT + r"|\bnever|\bnothing|\bnowhere near|\bfar from)\s+(\w+\s+){0,2}?(?:" + _ONSET.pattern + ")",
    re.I,
)
# The degree asked about, denied ("not severe", "nothing too bad"), or the ordinary kind said plainly ("a normal
# one", "my usual sort"; "not a normal one" is no denial, `_ORDINARY_KIND` looks behind for a negation).
_NOT_SEVERE = re.compile(
    r"(\bnot|" + NT + r"|\bnothing|\bnever)\s+(\w+\s+){0,2}?(severe|serious|bad|terrible|awful|extreme|intense)\b", re.I
)
_NOT_ORDINARY = re.compile(
    r"(\bnot|"
    + NT
    + r"|\bno way|\bnothing like)\s+(\w+\s+){0,3}?((a|an|the|my|his|her|their|your)\s+)?("
    + "|".join(lexicon.NORMAL_KINDS)
    + r")\b",
    re.I,
)
_ORDINARY_KIND = re.compile(
    r"(?<!not )(?<!n't )(?<!no )\b(a|an|the|my|his|her|their|just|your)\s+(" + "|".join(lexicon.NORMAL_KINDS) + r")\b|"
    r"^\W*(" + "|".join(lexicon.NORMAL_KINDS) + r")\b(?!\s*\?)",  # the answer begins with it: "ordinary", "usual one"
    re.I,
)
_GRADUAL = _any_of(lexicon.GRADUAL_WORDS + lexicon.FAMILIAR_WORDS)
# where a clause ends, for a degree answer: not at the point of a score ("8.5/10")
_SCORE_SAFE_BREAK = r"(?<!\d)[.;!?\n]|[.;!?\n](?!\d)|" + _CLAUSE_BREAK
_USUAL = re.compile(r"\b(usually|normally|typically|my usual|my normal|the usual|as usual)\b", re.I)


# the question said back ("worse than my usual? it IS my usual"); not a statement asked with a hedge ("I think
# it's spreading?"), which is the answer itself
_ECHOED = re.compile(
    r"^(?!\W*(i think|i guess|i reckon|maybe|probably|possibly|yes|yeah|it'?s|it is|its|i'?d say|looks like)\b)"
    r"\W*[^.?!]*\b(worse|worst|severe|bad|sudden|suddenly|spreading|crushing|than)\b[^.?!]*\?+",
    re.I,
)


def read_degree(text: str, extreme: bool = False) -> Answer | None:
    """The answer to a question of degree (bot/dialogue.DEGREE_QUESTIONS): NO for a small degree or a
    pain score under the severe mark, else the plain reading. `extreme`: the question asks for the very
    worst (bot/dialogue.EXTREME_QUESTIONS): "a bit", "moderate", a gradual onset or a score under 10 are a
    no too, unless a sudden or worst-ever word is said and not denied."""
    text = _said_again((text or "").strip())
    # the question said back before the answer ("worse than my usual? it IS my usual"): the answer is the rest
    rest = _ECHOED.sub(" ", text).strip()
    text = rest if re.search(r"\w", rest) else text
    # what is said of this one, not of the usual ("normally it's a 2 out of 10, but this is much worse")
    present = " ".join(c for c in re.split(_SCORE_SAFE_BREAK, text) if c and not _USUAL.search(c)).strip()
    scores = [float(m.group(1)) * 10 / float(m.group(2)) for m in _PAIN_SCORE.finditer(present)]  # out of 10
    if not scores:  # "it's a solid eight": a bare score, out of 10
        scores = [float(_SCORE_WORDS.get(m.group(1).lower(), m.group(1))) for m in _BARE_SCORE.finditer(present)]
    plain = read_answer(present or text)
    if extreme:
        if says_worst_form(text):  # a sudden or worst-ever word, not denied: "no, but it was sudden" too
            return Answer.YES
        if plain is Answer.YES and re.search(r"\b(only just|barely|hardly|just about)\b", text, re.I):
            return Answer.YES  # "yes, I can breathe but only just": a limit, not a small degree
        small = (
            _MILD_DEGREE.search(text)
            or _SOME_DEGREE.search(text)
            or _GRADUAL.search(text)
            or _ORDINARY_KIND.search(text)
        )
        if small or _NOT_EXTREME.search(text) or (scores and max(scores) < lexicon.PAIN_SCORE_WORST):
            return Answer.NO
        if plain in (None, Answer.UNSURE) and any(said_normal(c) for c in _clauses(text)):
            return Answer.NO  # "... I can talk okay sitting down"; "don't think so? ... I'm breathing normally"
        return plain
    if plain is Answer.YES and says_worse(text):
        return Answer.YES  # "yes, much worse than my normal one": whatever score goes with it
    if scores:
        return Answer.YES if max(scores) >= lexicon.PAIN_SCORE_SEVERE else Answer.NO
    if _NOT_ORDINARY.search(text):
        return Answer.YES  # "not a normal one", "no way this is my usual headache": not the usual kind, a severe one
    now = " ".join(c for c in _clauses(text) if not _TOLD_OF_THE_START.search(c))
    if (re.search(r"\b(moderate|medium)\b", text, re.I) or _MILD_DEGREE.search(now)) and not says_worse(text):
        return Answer.NO
    if (_NOT_SEVERE.search(text) or _ORDINARY_KIND.search(text)) and not says_worse(text):
        return Answer.NO  # "just a normal one, not severe", "the usual kind"
    if plain is None and (says_worse(text) or says_worst_form(text)):
        return Answer.YES  # "this one is much worse", "never known pain like it": the degree asked about, said
    return plain


def says_worst_form(text: str) -> bool:
    """A sudden or worst-ever word, not denied: "it just exploded out of nowhere", "worst pain of my life"."""
    return bool(_ONSET.search(_NOT_ONSET.sub(" ", _NOT_EXTREME.sub(" ", text or ""))))


# A move from one place to another: "it's gone from his tummy down to both legs", "moved off her arm onto her back"
_MOVED = re.compile(
    r"\b(gone|spread|moved|went|travelled|traveled|crept|spreading|moving)\s+(from|off)\b[^.!?]*?\b(to|onto|into)\b",
    re.I,
)


def says_worse(text: str) -> bool:
    """A word of severity or growth, not denied: "it's much worse now", "spreading", "unbearable"."""
    moved = _MOVED.search(text or "")
    if moved and not _NEGATION.search((text or "")[: moved.start()]):
        return True
    undenied = _NOT_EXTREME.sub(" ", text or "")  # "certainly not the worst I have had": no worse word said
    return bool(
        _GROWING_OR_SEVERE.search(
            re.sub(r"(\bnot|" + NT + r")\s+((getting|any|much|that|so)\s+)*", "not ", undenied, flags=re.I)
        )
    )


# Payloads of the buttons of earlier versions, still on screens that were open during an upgrade.
_OLD_BUTTONS = {"/affirm": Answer.YES, "/deny": Answer.NO, "/dont_know": Answer.UNSURE}


# Able to talk, said plainly: the severe breathing difficulty is "cannot speak in sentences" (a talk that is
# limited, "I can talk a little", "only a few words", is not this).
_TALKS_NORMALLY = re.compile(
    r"(?<!n't )(?<!not )(?<!only )(?<!barely )(?<!hardly )\b(can|could|am|is|are|i'm|he's|she's)\s+(still\s+)?"
    r"(talk|talking|chat|chatting|speak|speaking|natter|nattering|blether|blethering)\b"
    r"(?!\s+(a (bit|little)|only|barely|just|in (short|few)))",
    re.I,
)
_LIMITED_TALK = re.compile(
    r"\b(can'?t|cannot|can not|unable to|struggl\w+ to|only|barely|hardly)\s+(\w+\s+)?(talk|speak|chat|say|get)\b|"
    r"\b(a )?few words\b|\bone word\b|\bgasping\b|\bblue\b",
    re.I,
)


_FULL_SENTENCES = re.compile(
    r"\b(can|could|am|i'?m|is|he'?s|she'?s)\s+(still\s+)?(talk|speak|chat|say|manage|finish|get out|make)\w*\s+"
    r"((in|my|his|her)\s+)?(full|whole|complete|normal|long) sentences?\b",
    re.I,
)
# "he can't talk in full sentences", "only a few words at a time": the severe form, said in an answer
_CANNOT_TALK = re.compile(
    r"\b(can'?t|cannot|can not|unable to|struggl\w+ to|not able to)\s+(\w+\s+){0,2}(talk|speak|finish|get)\w*\s+"
    r"((in|a|my|his|her)\s+)?(full |whole |complete )?sentences?\b|"
    r"\b(only|just)\s+(\w+\s+){0,2}(a few|few|one|two|three|a couple of)\s+words\b",
    re.I,
)


def talks_normally(text: str) -> bool:
    """ "every breath is an effort, but I can still chat", "I can talk in full sentences": short of breath,
    and able to talk (not the severe form)."""
    text = text or ""
    if _FULL_SENTENCES.search(text):
        return True
    return bool(_TALKS_NORMALLY.search(text)) and not _LIMITED_TALK.search(text)


def cannot_talk(text: str) -> bool:
    """Too breathless to finish a sentence, said in so many words."""
    return bool(_CANNOT_TALK.search(text or ""))


# The signs the crushing-chest-pain question names: one said, not denied in its clause, answers it yes, whatever
# degree word comes with it ("heavy, like someone sat on me, goes down the left arm a bit").
_CRUSHING_SIGN = re.compile(
    r"\b(crushing|crushed|heavy|heaviness|weight|sat on|sitting on|elephant|squeez\w*|press\w*|vice|"
    r"(left )?arm|jaw|neck|sweat\w*|clammy|grey|gray|ashen)\b",
    re.I,
)
_DENIED_IN_CLAUSE = re.compile(r"\b(no|not|never|nor|without|nothing|none|zero)\b|n't", re.I)
_SIGN_CLAUSE_END = re.compile(r"\bbut\b|[,.;!?]", re.I)
_SIGN_SAID_FINE = re.compile(r"\b(fine|ok|okay|normal|alright|all right|good)\b", re.I)


def names_a_crushing_sign(text: str) -> bool:
    """A sign the crushing-chest-pain question names, with no negation before it in its clause and not said to
    be fine after it ("not heavy", "doesn't go to my arm or jaw", "my arm's fine"; "no arm pain but sweaty" names one)."""
    text = text or ""
    return any(
        not _DENIED_IN_CLAUSE.search(_SIGN_CLAUSE_END.split(text[: m.start()])[-1])
        and not _SIGN_SAID_FINE.search(_SIGN_CLAUSE_END.split(text[m.end() :])[0])
        for m in _CRUSHING_SIGN.finditer(text)
    )


_PLAYS_DOWN = re.compile(_PLAYED_DOWN, re.I)


def plays_down(text: str) -> bool:
    """Something there, played down or asked about as if it will pass ("didn't want to make a fuss")."""
    return bool(_PLAYS_DOWN.search(text or ""))


def hedge_at(text: str) -> int | None:
    """Where the first hedge of an answer is ("a bit", "maybe", "I think"), or None."""
    found = _UNSURE.search(text or "")
    return found.start() if found else None


_CRY_FOR_HELP = re.compile(
    r"^\W*(please\s+)?(help|sos|someone help|somebody help|hurry|emergency|call an ambulance)"
    r"(\s+(me|us|him|her|them|please|now|quick|quickly|fast))*\W*$",
    re.I,
)


def cries_for_help(text: str) -> bool:
    """The whole reply a cry for help ("help", "please help me!!"): to a question about a red flag, a yes."""
    return bool(_CRY_FOR_HELP.match(text or ""))


# The answer given as a verdict after the reason for it: "she's been doing handstands, so I'd say no"
_VERDICT = re.compile(
    r"\b(so|then|therefore)\s+(i'?d|i would|i'?ll|i will|i)\s+(say|go with|guess)\s+"
    r"(?:(?P<no>no|nope|not)|yes|yeah)\b",
    re.I,
)


# "Like I said, nothing dramatic", "as I told you, no": the answer is what follows (said again)
_AS_SAID = re.compile(
    r"^\W*(?:(?:like|as)\s+(?:i|i'?ve|we)\s+(?:already\s+)?(?:said|told you|mentioned|wrote|put)|"
    r"i\s+(?:already\s+)?(?:said|told you)|as mentioned|see above)\b\W*",
    re.I,
)


# English's short answer, a subject and its auxiliary: "she hasn't", "he is", "I don't think he has" is not one
_AUX_ANSWER = re.compile(
    r"^\W*(?:no,?\s+|yes,?\s+)?(?:she|he|they|it|i|we|you)\s+(has|have|is|are|does|do|did|was|were|can|could|"
    r"will|would|am)(n'?t|\s+not)?(?:\s+(?:at all|really|yet|so far|no|though))?\W*$",
    re.I,
)


def _said_again(text: str) -> str:
    """The answer without a "like I said" before it."""
    return _AS_SAID.sub("", text, count=1)


def read_answer(text: str) -> Answer | None:
    """The answer to a yes/no question, or None when it is neither (an aside, a symptom, gibberish)."""
    text = _said_again((text or "").strip())
    if not text:
        return None
    if text in _OLD_BUTTONS:
        return _OLD_BUTTONS[text]
    if _NO_TAKEN_BACK.match(text):
        return Answer.YES
    short = _AUX_ANSWER.match(text)
    if short:
        return Answer.NO if short.group(2) else Answer.YES
    first = re.split(r"[.;!\n]|" + _CLAUSE_BREAK, text, maxsplit=1)[0]  # "maybe?" stays whole: a hedge
    soft_no = _SOFT_NO.match(text) or _THINK_FINE.match(text)
    rest = text[soft_no.end() :] if soft_no else ""
    if soft_no and (_a_clause_normal(rest) or _NO.match(rest.lstrip(" ,?.!"))) and not _UNSURE.search(rest):
        # "I don't think so, I can look over my shoulder fine", "I think it's fine? yeah, normal"; a vague word
        # in another clause ("checking it makes it feel weird, but I'm breathing normally") is read as findings
        return Answer.NO
    if _THINK_FINE.fullmatch(text.rstrip("?!. ")):
        return Answer.NO  # "I think it's fine": nothing noticed
    reported = _REPORTED.match(text)
    if reported and text[reported.end() :].strip():
        return read_answer(text[reported.end() :])  # "she says no", "he said not really"
    later = _pieces(text, "but", keep_empty=True)[1:]
    if _LIMITED.match(first) and not _COMPLAINT.search(text) and any(said_normal(c) for c in later):
        return Answer.NO  # "only around where the cannula was. The rest of her arm is normal."
    hedge = _I_THINK_AFTER.search(text)
    if hedge and text[: hedge.start()].strip() and read_answer(text[: hedge.start()]) is Answer.NO:
        return Answer.NO
    if _unsure_then_normal(text):
        return Answer.NO  # "I don't know? I can move it fine, I can look down at my phone no problem"
    if (_UNSURE.search(first) or _SHORT_QUESTION.match(first)) and not re.match(
        r"^\s*(no+|nope|nah|naw|nay)\b(?!.*\b(sure|idea|know)\b)", first, re.I
    ):
        return Answer.UNSURE
    verdict = _VERDICT.search(text)
    if verdict and not _UNSURE.search(text[verdict.end() :]):
        return Answer.NO if verdict.group("no") else Answer.YES  # "she's been doing handstands, so I'd say no"
    if _NO.match(first) or (said_normal(first) and not _tells_a_sign(text)):
        return Answer.NO
    able = _ABLE.search(text)
    if able and not _COMPLAINT.search(
        re.sub(r"^\W*(yes|yeah|yep|yup)\b", "", text[: able.start()] + text[able.end() :], flags=re.I)
    ):
        return Answer.NO  # "yes I can breathe, shocking I know": the function asked about, done
    yes = _YES.match(first)
    after = text[yes.end() :] if yes else ""
    if yes and said_normal(after) and not (_COMPLAINT.search(after) or _tells_a_sign(after)):
        return Answer.NO  # "yes, normal colour" to "is it darker, or less?": yes, it is normal
    if yes or _REPORTED_YES.search(first):
        return Answer.YES
    return _later_clauses(text)


def _pieces(text: str, *words: str, keep_empty: bool = False) -> list[str]:
    """The answer cut at its punctuation and at the given joining words ("and", "but"): the pieces with a word
    in them (all of them with `keep_empty`). `_clauses` cuts a degree answer more coarsely, at a comma only
    before "but" or "and", so that "small, dull" stays one description."""
    cut = r"[,.;!?\n]" + "".join(rf"|\b{w}\b" for w in words)
    pieces = re.split(cut, text)
    return pieces if keep_empty else [p for p in pieces if re.search(r"\w", p)]


def _a_clause_normal(text: str) -> bool:
    """A clause of the answer says the thing asked about is absent or working normally."""
    return any(said_normal(c) for c in _pieces(text, "but"))


def _unsure_then_normal(text: str) -> bool:
    """An unsure first clause, then later words that tell the thing asked about working normally, with no
    complaint, sign or further doubt anywhere: the patient was unsure of the word, not of the body."""
    first, *later = _pieces(text, "but") or [""]
    return (
        bool(_UNSURE.search(first))
        and any(said_normal(c) for c in later)
        and not any(_UNSURE.search(c) for c in later)
        and not (_COMPLAINT.search(text) or _tells_a_sign(text))
    )


def _later_clauses(text: str) -> Answer | None:
    """An answer after a first clause that is none ("I read about meningitis, and no, I can touch my chin
    to my chest fine"): the later clauses that start with a yes or a no, when they agree; else a later
    clause that denies the sign asked about ("my knees ache but they're not swollen"); else None."""
    parts = _pieces(text, "and", "but", keep_empty=True)[1:]
    said = [p for p in parts if re.match(r"\W*(no|nope|nah|naw|yes|yeah|yep|yup)\b", p, re.I)]
    if not said and not _tells_a_sign(text):  # "it's wee coloured. normal": a bare "normal" or "fine" after
        said = [p for p in parts if re.match(r"\W*(normal|fine|all good)\W*$", p, re.I)]
    readings = {read_answer(p) for p in said} - {None}
    if len(readings) == 1:
        return readings.pop()
    if not said and any(_SIGN_DENIED.search(p) and not _UNSURE.search(p) for p in parts):
        return Answer.NO
    clauses = _pieces(text, "and")
    if all(said_normal(c) or _WORKS_EVENLY.search(c) for c in clauses) and not (
        _COMPLAINT.search(text) or _UNSURE.search(text)
    ):
        return Answer.NO  # "both arms work, smile's even, and the speech is fine": each part well
    return None


# Signs the questions ask about, said in a clause with no negation before them: "arm is weak, speech is
# fine" tells the weak arm, whatever is fine beside it.
_SIGN_WORD = re.compile(
    r"\b(swollen|puffy|stiff|spreading|dark|darker|brown|bloody|yellow|racing|pounding|tight|crushing|blue|grey|gray|drooping|"
    r"droopy|numb|weak|weaker|slurred|slurring|dead|heavy)\b",
    re.I,
)


def _tells_a_sign(text: str) -> bool:
    """A sign word in a clause of the answer, no negation before it in that clause."""
    for clause in _pieces(text, "and", "but"):
        sign = _SIGN_WORD.search(clause)
        if sign and not _NEGATION.search(clause[: sign.start()]):
            return True
    return False


# The sign a question asks about, denied in so many words: "they're not swollen", "it isn't spreading"
_SIGN_DENIED = re.compile(
    r"(\bnot|" + NT + r")\s+(\w+\s+)?(swollen|puffy|stiff|spreading|bigger|darker|yellow|racing|pounding|tight|"
    r"crushing|blue|grey|gray|drooping|numb|weak)\b",
    re.I,
)


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


_LIMITED = re.compile(r"^\W*(only|just)\b", re.I)


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r"[.;!?\n]|" + _CLAUSE_BREAK, text) if c.strip()]


# "both arms work", "her smile's even": a part of the body doing what it should
_WORKS_EVENLY = re.compile(
    r"\b(both|my|his|her|their|the)\s+(\w+\s+)?(arms?|legs?|hands?|sides?)\s+(work|works|working|move|moving)\s*$|"
    r"\b(smile|face)('s|\s+is|\s+looks?)\s+(even|straight|symmetrical|normal)\s*$",
    re.I,
)
# "I did my shopping without any bother", "walked the dog with no trouble": something done, nothing limiting it
_DONE_WITHOUT_TROUBLE = re.compile(
    r"\b(without|with no|with not)\s+(any|a|much|the slightest|a single)?\s*(bother|trouble|problems?|issues?|"
    r"difficulty|bother at all|hassle)\b",
    re.I,
)


def said_normal(clause: str) -> bool:
    """The thing asked about said to be absent or working normally, with no negation of that."""
    fine = (
        _DOING_FINE.search(clause)
        or _ABLE_FINE.search(clause)
        or _DONE_WITHOUT_TROUBLE.search(clause)
        or _ALL_WELL.search(clause)
        or re.search(r"\b(in|with) (full|whole) sentences\b", clause, re.I)
    )
    # a negation before it ("he is not breathing fine"), or a complaint, and it is no denial
    doing_fine = fine and not (_NEGATION.search(clause[: fine.end()]) or _COMPLAINT.search(clause))
    return bool(_DENIAL.search(clause) or doing_fine)


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
