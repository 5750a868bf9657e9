"""The deterministic language layer: a spaCy pipeline of rule components over the lexicon.

Built on `spacy.blank("en")` (no downloaded model, nothing fetched at run time). Components:
  symptom_spelling  - maps misspelt words onto lexicon words ("vomitting" -> "vomiting") via NORM
  symptom_matcher   - finds lexicon phrases; each match is a span labelled with the symptom id
  sound_alike       - reads real words that sound like a symptom word ("a sees your": seizure), hedged
                      (bot/sound_alike.py)
  temperature_finder- finds temperatures in °C or °F ("39,1", "101 F", "103 degrees")
  symptom_context   - marks each symptom negated, hedged, hypothetical, severe or worsening
Rasa loads the same pipeline from `bot/spacy_pipeline` (see config.yml); the patterns are
rebuilt from `lexicon.py` whenever the pipeline loads, so the saved folder never goes stale.
"""

import importlib.resources
import itertools
import os
import re
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

import jellyfish
import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from text_to_num import alpha2digit, text2num

from bot import body_systems, context_rules, lexicon, temperature
from bot.answers import said_normal, talks_normally
from bot.temperature import find_temperatures

PIPELINE_PATH = Path(__file__).parent / "spacy_pipeline"
SYMPTOM_SPANS = "symptoms"
SOUND_ALIKE = "sound_alike"  # the kb_id of a span read from words that sound like a symptom (bot/sound_alike.py)

# ---------------------------------------------------------------- phrase expansion


def lexicon_words() -> set[str]:
    """Every word the lexicon's phrases use, options included ("[hard|difficult] to breathe")."""
    return {w for s in lexicon.SYMPTOMS.values() for p in s.phrases for w in re.split(r"[\s\[\]|]+", p) if w.isalpha()}


# ---------------------------------------------------------------- spelling

ENGLISH_DICTIONARY = "frequency_dictionary_en_82_765.txt"  # shipped inside symspellpy: nothing fetched
VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=1)
def english_words() -> dict[str, int]:
    """symspellpy's English frequency dictionary (82,765 words with their counts)."""
    words = {}
    with (importlib.resources.files("symspellpy") / ENGLISH_DICTIONARY).open(encoding="utf-8") as lines:
        for line in lines:
            word, _, count = line.partition(" ")
            words[word] = int(count)
    return words


class SymptomSpelling:
    """Sets token.norm_ of a misspelt word to the lexicon word it most likely means (symspellpy).

    Only a word that is not English (not in the English dictionary) and not a lexicon word is
    corrected, and only towards lexicon words: a real word is never turned into a symptom ("cooking"
    stays "cooking", never "choking"). 1 edit up to 5 letters, 2 from 6 on; the first letter must
    match (people rarely mistype it); of equally close words the more common English word wins.
    """

    def __init__(self, vocabulary: set[str], exceptions: dict | None = None):
        from symspellpy import SymSpell

        # spaCy's tokenizer exceptions ("cant" -> "ca" "nt", norms "can" "not"), which it knows only in lower
        # and title case: a shouted "CANT GET HIS BREATH" is split and read the same way
        self.exceptions = {k: v for k, v in (exceptions or {}).items() if k.islower()}
        self.vocabulary = frozenset(vocabulary)
        self.english = english_words()
        self.symspell = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for word in sorted(self.vocabulary):
            self.symspell.create_dictionary_entry(word, self.english.get(word, 1))
        self.correct = lru_cache(maxsize=20000)(self._correct)
        self.sounds_like = lru_cache(maxsize=20000)(self._by_sound)
        # the same words by how they sound (NYSIIS and Metaphone keys): a word spelt as it is said
        # ("hedake", "sudon", "dazy") is more than two edits from its lexicon word, not from its sound
        self.by_sound: dict[str, set[str]] = {}
        for word in self.vocabulary:
            if len(word) >= 4:
                for key in _sound_keys(word):
                    self.by_sound.setdefault(key, set()).add(word)

    def _correct(self, word: str) -> str | None:
        if len(word) < 3 or word in self.vocabulary or word in self.english or not word.isascii():
            return None  # an English word, a lexicon word, or another language's ("vómitos"): left as written
        from symspellpy import Verbosity

        limit = 1 if len(word) < 6 else 2
        candidates = [
            s.term
            for s in self.symspell.lookup(word, Verbosity.ALL, max_edit_distance=limit)
            if s.term[0] == word[0] and s.term != word
        ]
        if len(word) < 4:  # "nek", "hed": only a dropped letter, never a changed one ("lol" is not "low")
            candidates = [c for c in candidates if len(c) == len(word) + 1 and _is_subsequence(word, c)]
        if not candidates:
            return None
        distance = {s.term: s.distance for s in self.symspell.lookup(word, Verbosity.ALL, max_edit_distance=limit)}

        typed_consonants = set(word) - VOWELS

        def closeness(term: str) -> tuple:  # fewest edits, then every consonant typed kept (a slip drops a
            # letter more than it adds a sound: "weezing" is "wheezing", not "weeing"), then the same letters
            # ("tounge" is "tongue"), then the longest common start ("breathin"), then the commoner word
            drops_a_sound = not typed_consonants <= set(term)
            letters = sum((Counter(term) - Counter(word)).values()) + sum((Counter(word) - Counter(term)).values())
            prefix = len(os.path.commonprefix([term, word]))
            return distance[term], drops_a_sound, letters, -prefix, -self.english.get(term, 1)

        return min(candidates, key=closeness)

    def _by_sound(self, word: str) -> str | None:
        """The lexicon word that sounds like `word` (its NYSIIS or Metaphone key), starts with its letter
        and is at most SOUND_EDITS edits from it; of several, the closest, then the commoner."""
        if len(word) < 4 or not word.isascii():  # another language's ("vómitos") is left as written, as above
            return None
        candidates = {
            term
            for key in _sound_keys(word)
            for term in self.by_sound.get(key, ())
            if term[0] == word[0] and jellyfish.levenshtein_distance(word, term) <= SOUND_EDITS
        }
        if not candidates:
            return None
        return min(candidates, key=lambda t: (jellyfish.levenshtein_distance(word, t), -self.english.get(t, 1), t))

    def past_form(self, word: str) -> str | None:
        """The lexicon's "-d"/"-ed" form of a word that is not itself a lexicon word ("confuse": "confused")."""
        if len(word) < 4 or word in self.vocabulary or not word.isalpha():
            return None
        past = word + ("d" if word.endswith("e") else "ed")
        return past if past in self.vocabulary else None

    def _split_as_spacy_splits(self, doc: Doc) -> None:
        """Tokens in capitals that spaCy's exceptions split in lower case, split the same way, with their norms;
        and a dialect word for "cannot" ("cannae", "cyaan"), split as spaCy splits "cannot" ("can" "not")."""
        cannot = [t for t in doc if lexicon.DIALECT_WORDS.get(t.lower_) == "cannot" and len(t.text) > 3]
        shouted = [t for t in doc if t.text != t.lower_ and not t.is_title and t.lower_ in self.exceptions]
        if not shouted and not cannot:
            return
        with doc.retokenize() as retokenizer:
            for token in cannot:
                heads: list[Token | tuple[Token, int]] = [(token, 0), (token, 0)]
                retokenizer.split(
                    token, [token.text[:-2], token.text[-2:]], heads=heads, attrs={"NORM": ["can", "not"]}
                )
            for token in shouted:
                pieces = self.exceptions[token.lower_]
                orths, at = [], 0
                for piece in pieces:
                    orths.append(token.text[at : at + len(piece[ORTH])])
                    at += len(piece[ORTH])
                norms = [piece.get(NORM, orth.lower()) for piece, orth in zip(pieces, orths)]
                if len(orths) == 1:
                    token.norm_ = norms[0]
                elif "".join(orths) == token.text:
                    retokenizer.split(token, orths, heads=[(token, 0)] * len(orths), attrs={"NORM": norms})

    def __call__(self, doc: Doc) -> Doc:
        self._split_as_spacy_splits(doc)
        # "hed ache": the tokenizer reads "hed" as "he'd"; before a word of pain it is "head", one token
        merged = [
            t.i
            for t in doc[:-2]
            if t.lower_ == "he"
            and not t.whitespace_
            and doc[t.i + 1].lower_ == "d"
            and doc[t.i + 2].lower_ in lexicon.HEAD_PAIN_WORDS
        ]
        if merged:
            with doc.retokenize() as retokenizer:
                for i in merged:
                    retokenizer.merge(doc[i : i + 2], attrs={"NORM": "head", "LEMMA": "head"})
        for token in doc:
            lower = token.lower_
            if lower == "hed" and token.norm_ == "head":
                continue
            if lower == "nt":  # "dont", "havent": the tokenizer splits off "nt"
                token.norm_ = "not"
            elif lower in ("did", "does"):  # "didn't" reads "did not", as typed in full
                token.norm_ = lower
            elif lower == "m" and token.i and doc[token.i - 1].lower_ == "i":  # "im"
                token.norm_ = "am"
            elif (
                lower in ("'s", "’s", "s")
                and token.i
                and doc[token.i - 1].lower_ in ("he", "she", "it", "who", "that")
                and token.i + 1 < len(doc)
                and doc[token.i + 1].lower_.endswith("ing")
            ):  # "she's fitting", "hes shaking": "is" before a verb in -ing (elsewhere it may be "has")
                token.norm_ = "is"
            elif lower in lexicon.SYMPTOM_EMOJI:  # "now 🤢🤮": the symptom the emoji names
                token.norm_ = lexicon.SYMPTOM_EMOJI[lower]
            elif lower in lexicon.DIALECT_WORDS:  # "cannae", "dinnae": the word it stands for
                token.norm_ = lexicon.DIALECT_WORDS[lower]
            elif token.i and doc[token.i - 1].lower_ in lexicon.BEFORE_A_STATE and (past := self.past_form(lower)):
                token.norm_ = past  # "he is very confuse": the "-ed" a learner of English drops
            elif token.is_alpha and token.norm_ == lower:
                fixed = self.correct(lower)
                if not fixed and not token.is_title and lower not in self.english and lower not in self.vocabulary:
                    fixed = self.sounds_like(lower)  # by sound; never a name ("Amira" is no "anuria")
                if fixed:
                    token.norm_ = fixed
                    doc.user_data.setdefault(SPELLED, {})[token.i] = fixed
            token.lemma_ = token.norm_  # Rasa's featurizers read lemmas: they see the corrected word too
        for token in doc[1:-1]:  # regional negation: "she's no makin sense", "it nah spread", "he don't know"
            before, after, lower = doc[token.i - 1].lower_, doc[token.i + 1], token.lower_
            scots = (
                lower in lexicon.DIALECT_NOT_AFTER_BE
                and before in lexicon.BE_WORDS
                and (after.norm_.endswith("ing") or after.lower_ in lexicon.DIALECT_NOT_BEFORE_A_STATE)
            )
            creole = (
                lower in lexicon.DIALECT_NOT_AFTER_SUBJECT
                and (before in lexicon.SUBJECT_WORDS or before in lexicon.RELATIVES)  # "granny nuh know"
                and after.is_alpha
            )
            if scots or creole:
                token.norm_ = token.lemma_ = "not"
            elif lower == "do" and before in lexicon.DONT_FOR_DOESNT_AFTER and after.norm_ == "not":
                token.norm_ = token.lemma_ = "does"
        for i, mark in dictated_punctuation(doc):  # "... where she is period she keeps asking ...": a sentence end
            doc[i].norm_ = doc[i].lemma_ = mark
        for token in doc[:-1]:  # "ma heid", "mi left arm": "ma", "mi" before a part of the body (or its side)
            if token.lower_ not in lexicon.DIALECT_MY:
                continue
            following = doc[token.i + 1 : token.i + 3]
            part = following[1] if following[0].lower_ in ("left", "right") and len(following) > 1 else following[0]
            if part.norm_ in body_systems.BODY_PARTS:
                token.norm_ = token.lemma_ = "my"
        return doc


_DICTATED = {k: v for k, v in lexicon.DICTATED_PUNCTUATION.items() if " " not in k}
_DICTATED_PAIRS = {tuple(k.split()): v for k, v in lexicon.DICTATED_PUNCTUATION.items() if " " in k}
_TYPED_BREAKS = frozenset({".", "!", "?", "...", "…"})


def dictated_punctuation(doc: Doc) -> list[tuple[int, str]]:
    """Tokens of punctuation said aloud to dictation ("period", "full stop", "comma"): in a message with no
    typed sentence punctuation before its last word, and not said as a noun (lexicon.DICTATED_PUNCTUATION)."""
    lowers = [t.lower_ for t in doc]
    if _TYPED_BREAKS & set(lowers[:-1]):
        return []  # typed punctuation: "period" is a word
    found = []
    for i, word in enumerate(lowers):
        pair = tuple(lowers[i : i + 2])
        if word in _DICTATED:
            end, mark = i + 1, _DICTATED[word]
        elif pair in _DICTATED_PAIRS:
            end, mark = i + 2, _DICTATED_PAIRS[pair]
        else:
            continue
        nouns_after = lexicon.SAID_AS_A_NOUN_AFTER if word == "period" else ("a", "an", "the")
        if i and lowers[i - 1] in nouns_after:
            continue  # "my period", "a full stop"
        if end < len(lowers) and lowers[end] in lexicon.MENSTRUATION_AFTER:
            continue  # "period pain", "period started"
        found += [(j, mark) for j in range(i, end)]
    return found


SOUND_EDITS = 3  # "hedake" is 3 edits from "headache"


def _sound_keys(word: str) -> tuple[str, str]:
    return "n:" + jellyfish.nysiis(word), "m:" + jellyfish.metaphone(word)


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


SPELLED = "spelled"  # doc.user_data: token index -> the word a misspelling was corrected to


def spelled_text(doc: Doc) -> str:
    """The message with each misspelt word the corrector read replaced by its word ("normle" -> "normal"):
    what the answer reader tries when the words as typed give no answer."""
    spelled = doc.user_data.get(SPELLED) or {}
    return "".join(spelled.get(t.i, t.text) + t.whitespace_ for t in doc) if spelled else doc.text


def spelling_vocabulary() -> set[str]:
    """The words corrections may lead to: every word of the lexicon and of the body-system table, and the
    words of an answer (lexicon.ANSWER_WORDS)."""
    words = lexicon_words() | set(lexicon.ANSWER_WORDS)
    words |= {w for p in lexicon.SEVERITY_WORDS + lexicon.TREND_WORDS + lexicon.SUDDEN_WORDS for w in p.split()}
    words |= {w for pair in lexicon.PAIRED_SIGNS.values() for group in pair for w in group}
    words |= {w for row in body_systems.BODY_SYSTEMS for group in row[1:4] for p in group for w in p.split()}
    words |= set(lexicon.COMPLAINT_WORDS + lexicon.STRONG_COMPLAINT_WORDS)
    return {w for w in words if len(w) >= 3 and w.isalpha()}


@Language.factory("symptom_spelling")
def make_symptom_spelling(nlp: Language, name: str):
    return SymptomSpelling(spelling_vocabulary(), getattr(nlp.tokenizer, "rules", None))


# ---------------------------------------------------------------- symptom matcher


YEAR = "<year>"  # in a lexicon phrase: any year ("thinks it's <year>")
YEAR_PATTERN = r"^(1[89]\d\d|20\d\d)$"


def token_patterns(nlp: Language, phrase: str) -> list[list[dict]]:
    """Matcher patterns for a lexicon phrase: an `[a|b|]` group of one-word options is one token
    (`NORM IN`, optional when it has an empty option); groups with longer options are expanded.
    The same phrases as every combination of the options, in a handful of patterns instead of thousands."""

    def norms_of(text: str) -> list[str]:
        return [_clean_norm(t) for t in nlp.make_doc(text.strip()) if not t.is_space]

    pieces: list[list[list[dict]]] = []  # per piece, its alternative token sequences
    for part in re.split(r"(\[[^\]]*\]|<year>)", with_inabilities(phrase)):
        if part == YEAR:
            pieces.append([[{"TEXT": {"REGEX": YEAR_PATTERN}}]])
        elif part.startswith("["):
            options = [norms_of(o) for o in part[1:-1].split("|")]
            if all(len(o) <= 1 for o in options):
                token: dict[str, object] = {"NORM": {"IN": sorted({o[0] for o in options if o})}}
                if any(not o for o in options):
                    token["OP"] = "?"
                pieces.append([[token]])
            else:
                pieces.append([[{"NORM": n} for n in o] for o in options])
        elif part.strip():
            pieces.append([[{"NORM": n} for n in norms_of(part)]])
    return [[token for sequence in combo for token in sequence] for combo in itertools.product(*pieces)]


class OptionMatcher:
    """The lexicon's `[a|b|]` phrases as token patterns, indexed by their first two words.

    spaCy's Matcher tries every pattern at every token; with thousands of patterns that was most of the
    core's time. Here a token only starts the patterns whose first word it is, and, where a pattern's second
    word is required, only those whose second word follows it. The same matches (every start and end of
    every pattern), on the norms the rules read."""

    def __init__(self) -> None:
        # first word -> (patterns checked from their second step, {second word: patterns checked from their third})
        self.by_first: dict[str, tuple[list[tuple[str, tuple]], dict[str, list[tuple[str, tuple]]]]] = {}
        self.any_first: list[tuple[str, tuple]] = []  # patterns that start with a regex (a year)

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        for pattern in patterns:
            steps = tuple(_step(token) for token in pattern)
            first = steps[0]
            if first[0] is None or first[2]:
                self.any_first.append((key, steps))
                continue
            second = steps[1] if len(steps) > 1 else None
            for word in first[0]:
                plain, by_second = self.by_first.setdefault(word, ([], {}))
                if second is None or second[0] is None or second[2]:
                    plain.append((key, steps[1:]))
                else:
                    for following in second[0]:
                        by_second.setdefault(following, []).append((key, steps[2:]))

    def __call__(self, norms: list[str], texts: list[str]) -> list[tuple[str, int, int]]:
        found: dict[tuple[str, int, int], None] = {}
        n = len(norms)
        for i, norm in enumerate(norms):
            plain, by_second = self.by_first.get(norm, ((), {}))
            candidates = [(plain, i + 1)]
            if i + 1 < n and by_second:
                candidates.append((by_second.get(norms[i + 1], ()), i + 2))
            candidates.append((self.any_first, i))
            for patterns, at in candidates:
                following = norms[at] if at < n else None
                for key, steps in patterns:
                    if steps and not steps[0][2] and steps[0][1] is None and following not in steps[0][0]:
                        continue  # most patterns stop at their next word: spare the sets of `_match`
                    self._match(key, steps, at, i, norms, texts, found)
        return list(found)

    @staticmethod
    def _match(key: str, steps: tuple, at: int, i: int, norms: list[str], texts: list[str], found: dict) -> None:
        """Every end of one pattern started at token i, its first steps matched up to token `at`."""
        n = len(norms)
        ends = {at}  # where the pattern can have got to, step by step
        for words, regex, optional in steps:
            reached = {
                e + 1 for e in ends if e < n and (norms[e] in words if regex is None else regex.search(texts[e]))
            }
            ends = reached | ends if optional else reached
            if not ends:
                return
        for end in sorted(ends):
            found[(key, i, end)] = None


def _step(token: dict) -> tuple[frozenset[str] | None, re.Pattern | None, bool]:
    """A pattern token as (norms it may be, or a regex on its text; whether it may be left out)."""
    optional = token.get("OP") == "?"
    if "TEXT" in token:
        return None, re.compile(token["TEXT"]["REGEX"]), optional
    norm = token["NORM"]
    return frozenset(norm["IN"] if isinstance(norm, dict) else (norm,)), None, optional


def normalised_doc(nlp: Language, text: str) -> Doc:
    """A pattern for a PhraseMatcher on NORM: the words as the rules read them."""
    doc = nlp.make_doc(text)
    for token in doc:
        token.norm_ = _clean_norm(token)
    return doc


def _clean_norm(token) -> str:
    """The norm the rules read: "dont" -> "do" "not", "didn't" -> "did" "not" (as SymptomSpelling sets them)."""
    lower = token.lower_
    if lower == "nt":
        return "not"
    if lower in ("did", "does"):
        return lower
    return token.norm_


LEVEL_RANK = {lexicon.MANAGE_AT_HOME: 0, lexicon.CALL_DOCTOR_NOW: 1, lexicon.EMERGENCY: 2}
PAIR_REACH = 5  # lexicon.PAIRED_SIGNS: at most this many tokens between the body word and the describing word
NEGATION_WORDS = frozenset({"not", "no", "never", "nothing", "cannot", "without"})
TIME_AFTER_RIGHT = frozenset({"now", "away", "then", "here", "there"})
# Words that only say how much, or how it seems: a lexicon phrase is also found with them inside ("feel
# really faint", "can't seem to catch my breath").
INTENSIFIERS = (
    "seem to",
    "seems to",
    "seemed to",
    "manage to",
    "really",
    "very",
    "so",
    "super",
    "pretty",
    "extremely",
    "quite",
    "kinda",
    "kind of",
    "a bit",
    "a little",
    "a little bit",
    "slightly",
    "sort of",
    "totally",
    "absolutely",
    "proper",
    "properly",
    "rather",
    "awfully",
    "terribly",
    "incredibly",
    "dey",  # the progressive of Nigerian Pidgin and Caribbean Creoles: "she no dey answer me"
)
# "the most horrific headache of my life" is the worst; "the best I've ever had" is not: a lifetime phrase
# makes a symptom the worst only after a superlative that is not a kind one.
LIFETIME_WORDS = frozenset(lexicon.LIFETIME_WORDS)
NOT_WORSE = frozenset(
    {
        "best",
        "finest",
        "nicest",
        "happiest",
        "greatest",
        "easiest",
        "mildest",
        "slightest",
        "smallest",
        "least",
        "chest",
        "rest",
        "test",
        "honest",
        "interest",
        "latest",
        "west",
        "guest",
        "request",
        "forest",
        "suggest",
    }
)
# A pair of words of one body system never reaches over these (the lexicon's paired signs only stop at a sentence end).
SYSTEM_BREAKS = frozenset(
    {
        ".",
        "!",
        "?",
        ";",
        ",",
        "but",
        "however",
        "though",
        "although",
        "except",
        "so",
        "because",
        "apart",
        "aside",
        "anyway",
        "whereas",
        "(",
        ")",
    }
)
# "so" ends a clause only as a conjunction, before a new subject or an auxiliary ("tired so I slept"); before
# anything else it says how much ("struggling so bad to breathe"), and a body-system pair reaches over it.
SO_BEGINS_A_CLAUSE = frozenset(
    {"i", "you", "he", "she", "we", "they", "it", "there", "this", "that", "my", "his", "her", "their", "our"}
    | {"your", "the", "a", "an", "now", "then", "yeah", "yes", "ok", "okay", "anyway", "far", "what", "how"}
    | {"when", "should", "can", "could", "do", "does", "did", "is", "am", "are", "was", "were", "will", "would"}
    | set(lexicon.RELATIVES)
)


# Words a negation reaches over to the normal word it denies ("can't seem to get my words out right"), and
# the "to" after a seeming word.
SEEMING = frozenset({"seem", "seems", "seemed", "even", "really", "quite", "ever", "actually"})


def _negation_before(norms: list[str], a: int, most: int = 4) -> int | None:
    """A negation at most `most` words (SEEMING words not counted) before token a, or None."""
    counted, i = 0, a - 1
    while i >= 0 and counted < most:
        if norms[i] in NEGATION_WORDS and not (norms[i] == "no" and norms[i + 1] in _NO_AS_AN_ANSWER_BEFORE):
            return i
        counted += norms[i] not in SEEMING and not (norms[i] == "to" and i and norms[i - 1] in SEEMING)
        i -= 1
    return None


TELEGRAPHIC_WORDS = 4  # at most this many words on each side of a full stop in a message of fragments


def _break_norms(norms: list[str], bodies: frozenset[int] = frozenset()) -> list[str]:
    """The message's words for finding clause breaks: a "so" of degree is no break (SO_BEGINS_A_CLAUSE), nor a
    comma before a simile ("in my chest, like a weight"), nor
    a full stop between the fragments of a message typed without breath ("struggling. each breath", "every
    breath. is hard work": a few words on each side, a body word (`bodies`, token positions) on one side only;
    "breathing ok. chest hurts" keeps its break)."""
    stops = [i for i, n in enumerate(norms) if n == "."]
    edges = [-1, *stops, len(norms)]
    pieces = [range(a + 1, b) for a, b in zip(edges, edges[1:], strict=False)]
    short = len(stops) <= 2 and all(sum(norms[i].isalpha() for i in p) <= TELEGRAPHIC_WORDS for p in pieces)
    joined = {
        stop
        for k, stop in enumerate(stops)
        if short
        and stop + 1 < len(norms)
        and norms[stop + 1].isalpha()
        and not (bodies.intersection(pieces[k]) and bodies.intersection(pieces[k + 1]))
    }
    return [
        "so of degree"
        if n == "so" and i + 1 < len(norms) and norms[i + 1].isalpha() and norms[i + 1] not in SO_BEGINS_A_CLAUSE
        else "fragment stop"
        if i in joined
        else "simile comma"  # "in my chest, like a weight pressing down": the description goes on
        if n == "," and norms[i + 1 : i + 3] in (["like", "a"], ["like", "an"], ["as", "if"], ["like", "someone"])
        else n
        for i, n in enumerate(norms)
    ]


def _pair_rows() -> list[tuple]:
    """Body-system rows plus the lexicon's paired signs, as (symptom, body, abnormal, normal, reach, unless, kind)."""
    rows: list[tuple] = [
        (sid, bodies, descriptors, (), PAIR_REACH, body_systems.PAIRED_UNLESS.get(sid, ()), "paired")
        for sid, (bodies, descriptors) in lexicon.PAIRED_SIGNS.items()
    ]
    rows += [(*row, "system") for row in body_systems.BODY_SYSTEMS]
    rows += [(*row, "sentence") for row in body_systems.SENTENCE_SYSTEMS]
    return [
        (sid, body_systems.forms(body, nouns=True), body_systems.forms(abnormal, nouns=False), *rest)
        for sid, body, abnormal, *rest in rows
    ]


class SymptomMatcher:
    def __init__(self, nlp: Language):
        # Phrases with few wordings go to a PhraseMatcher (hashed); the few with thousands of wordings
        # ("[my|the|] chest [is|feels|...] [really|very|...] tight") stay token patterns.
        self.phrases = OptionMatcher()
        self.plain = PhraseMatcher(nlp.vocab, attr="NORM")
        for sid, symptom in lexicon.SYMPTOMS.items():
            expanded = {phrase: _expand(phrase) for phrase in symptom.phrases if YEAR not in phrase}
            plain = [phrase for phrase, ws in expanded.items() if len(ws) <= 50]
            wordings = [w for phrase in plain for w in expanded[phrase] if w]
            patterns = [
                _without_leading_options(p)
                for phrase in symptom.phrases
                if phrase not in plain
                for p in token_patterns(nlp, phrase)
                if p
            ]
            if wordings:
                self.plain.add(sid, [normalised_doc(nlp, w) for w in wordings])
            if patterns:
                self.phrases.add(sid, patterns)
        self.rows = _pair_rows()
        self.words = PhraseMatcher(nlp.vocab, attr="NORM")  # plain words and phrases: hashed, fast
        for r, (_, body, abnormal, normal, _, unless, _) in enumerate(self.rows):
            for role, words in (("b", body), ("a", abnormal), ("n", normal), ("u", unless)):
                if words:
                    self.words.add(f"{r}{role}", [normalised_doc(nlp, w) for w in words])
        self.vocab = nlp.vocab
        # rows whose `unless` words explain the lexicon's phrases of their sign too (body_systems.EXPLAINED_BY_THE_SITE)
        self.explaining = [
            (sid, frozenset(body), tuple(" ".join(_clean_norm(t) for t in nlp.make_doc(w)) for w in unless))
            for sid, body, _, _, _, unless, kind in self.rows
            if kind == "system" and unless and sid in body_systems.EXPLAINED_BY_THE_SITE
        ]

    def __call__(self, doc: Doc) -> Doc:
        norms = [_clean_norm(t) for t in doc]  # the message's words as the rules read them, once
        matches = self.phrases([t.norm_ for t in doc], [t.text for t in doc])
        matches += [(self.vocab.strings[key], a, b) for key, a, b in self.plain(doc)]
        matches += self._through_intensifiers(doc, norms)
        phrases = filter_spans([Span(doc, a, b, label=sid) for sid, a, b in matches])  # longest wins
        times = treatment_as_a_time(norms)  # "since the drip": a time, said once for the whole message
        phrases = [p for p in phrases if not self._off_the_skin(norms, p) and not self._a_mark(norms, p, times)]
        phrases = [p for p in phrases if not self._phrase_explained(doc, norms, p)]
        phrases = [self._near_miss(doc, norms, p) for p in phrases]
        pairs = [
            p for p in self.pairs(doc, norms) if not self._a_mark(norms, p, times)
        ]  # "purplish like a bruise and it"
        kept = []
        for span in pairs:
            rank = LEVEL_RANK[lexicon.SYMPTOMS[span.label_].level]
            overlapping = [p for p in phrases if p.start < span.end and span.start < p.end]
            if all(
                p.label_ != span.label_ and LEVEL_RANK[lexicon.SYMPTOMS[p.label_].level] <= rank for p in overlapping
            ):
                kept.append(span)  # a phrase over the same words wins, unless this reading is at least as serious
        doc.spans[SYMPTOM_SPANS] = sorted(phrases + kept, key=lambda span: (span.start, span.end))
        doc.ents = filter_spans(list(doc.spans[SYMPTOM_SPANS]) + [e for e in doc.ents])  # type: ignore[assignment]
        return doc

    def _through_intensifiers(self, doc: Doc, norms: list[str]) -> list[tuple[str, int, int]]:
        """The lexicon's phrases said with an intensifier inside ("I feel really faint", "feeling so
        sick") or cut by a breathless pause ("struggling. to breathe", "cant... get air"): matched on the
        message without its intensifiers and pauses, spans mapped back to its tokens."""
        skipped = {i for a, b in _find(norms, INTENSIFIERS) for i in range(a, b)} | _pauses(norms)
        if not skipped:
            return []
        kept = [i for i in range(len(doc)) if i not in skipped]
        shorter = Doc(doc.vocab, words=[doc[i].text for i in kept])
        for token, i in zip(shorter, kept):
            token.norm_ = norms[i]
        found = self.phrases([norms[i] for i in kept], [doc[i].text for i in kept])
        found += [(self.vocab.strings[key], a, b) for key, a, b in self.plain(shorter)]
        return [
            (key, kept[a], kept[b - 1] + 1)
            for key, a, b in found
            if any(kept[a] < x < kept[b - 1] for x in skipped)  # only what the intensifier had split
        ]

    def pairs(self, doc: Doc, norms: list[str] | None = None) -> list[Span]:
        """Spans from a body word to a describing word of one row, in one clause (see body_systems.py)."""
        norms = norms if norms is not None else [_clean_norm(t) for t in doc]
        compounds = not_the_body(doc, norms)
        times = treatment_as_a_time(norms)
        found: dict[int, dict[str, list[tuple[int, int]]]] = {}  # row -> role -> (start, end)
        for key, a, b in self.words(doc):
            if compounds.intersection(range(a, b)):
                continue  # "chest of drawers", "the wee man": no body word
            name = self.vocab.strings[key]
            if name[-1] == "b" and times.intersection(range(a, b)):
                continue  # "hurting since the drip": when it started, not where
            found.setdefault(int(name[:-1]), {}).setdefault(name[-1], []).append((a, b))
        pointing = self._pointing_back(norms, found, compounds)
        body_words = frozenset(i for roles in found.values() for a, b in roles.get("b", ()) for i in range(a, b))
        clauses = _break_norms(norms, body_words)
        aside = {i for a, b in _asides(norms) for i in range(a, b + 1)}
        consumed = doc.user_data.setdefault("consumed_negations", set())
        spans = []
        for r, roles in found.items():
            bodies = roles.get("b")
            if not bodies:
                continue
            sid, _, _, _, reach, _, kind = self.rows[r]
            breaks = SENTENCE_BREAKS - {","} if kind in ("paired", "sentence") else SYSTEM_BREAKS
            describers: list[tuple[int, int, int | None]] = [(a, b, None) for a, b in roles.get("a", ())]
            for a, b in roles.get("n", ()):  # a normal word counts when negated: "not going in properly"
                if b < len(norms) and norms[b] in TIME_AFTER_RIGHT and norms[a] == "right":
                    continue  # "I can't talk right now": a time, not a manner
                if b < len(norms) and norms[b] == "of" and norms[a] == "out":
                    continue  # "without getting out of breath": not the words coming out
                if norms[a] in ("get", "getting", "got") and norms[b : b + 2] == ["out", "of"]:
                    continue  # nor a breath that is got: "without getting out of breath"
                negation = _negation_before(norms, a)
                if negation is not None and any(negation < x < a for x, _ in roles.get("a", ())):
                    continue  # "no difficulty in breathing": the negation denies the abnormal word before "in"
                if negation is not None and not set(clauses[negation:a]) & breaks:
                    describers.append((negation, b, negation))
            found_here: list[tuple[int, int, int | None, int, int]] = []
            for bs, be in bodies:
                for ds, de, negation in describers:
                    if ds < be and bs < de and negation is None:
                        continue  # the same words
                    if (bs, be) in pointing.get(r, ()) and de > bs:
                        continue  # "it" stands for the body part only after its description ("a band round it")
                    first, last = min(bs, ds), max(be, de)
                    # a bracketed aside between them is left out: "my left arm (drip was in the right) has swollen"
                    between = [i for i in range(first, last) if i not in aside]
                    gap = max(len([i for i in between if be <= i < ds or de <= i < bs]), 0)
                    if gap <= reach and not {clauses[i] for i in between} & breaks:
                        found_here.append((first, last, negation, bs, ds))
                    elif sid in body_systems.SITE_TOLD_AFTER and de <= bs and self._told_after(norms, ds, bs):
                        # "my hand is puffy. It's where the cannula was"
                        found_here.append((first, last, negation, bs, ds))
                    elif sid in body_systems.SITE_TOLD_AFTER and be <= ds and self._pointed_back_to(norms, bs, ds):
                        # "rubbing his arm where the cannula was, it's a little red"
                        found_here.append((first, last, negation, bs, ds))
            if found_here and roles.get("u") and self._explained(norms, roles["u"], found_here):
                explained = doc.user_data.setdefault("explained", set())  # said of the sign that explains it
                explained.update(i for first, last, *_ in found_here for i in range(first, last))
                continue
            if kind == "sentence" and found_here:  # one span over all its words: its time words are its own
                by_sentence: dict[int, list] = {}
                for hit in found_here:
                    by_sentence.setdefault(sentence_of(norms, hit[0])[0], []).append(hit)
                found_here = [
                    (
                        min(h[0] for h in hits),
                        max(h[1] for h in hits),
                        None,
                        *{i for h in hits for i in h[3:]},
                    )
                    for hits in by_sentence.values()
                ]
            for first, last, negation, *parts in found_here:
                if negation is not None:
                    consumed.add(negation)
                spans.append(Span(doc, first, last, label=sid, kb_id=kind))
                if kind == "sentence":  # its two words' own clauses: where a negation denies it
                    doc.user_data.setdefault("sentence_parts", {}).setdefault((first, last), set()).update(parts)
        by_label: dict[str, list[Span]] = {}
        for span in spans:
            by_label.setdefault(span.label_, []).append(span)
        return [s for group in by_label.values() for s in _shortest_first(group)]

    @staticmethod
    def _near_miss(doc: Doc, norms: list[str], span: Span) -> Span:
        """A sign only come close to, as its milder form (body_systems.NEAR_MISS): "I might throw up"."""
        milder = body_systems.NEAR_MISS.get(span.label_)
        if milder is None:
            return span
        i = span.start
        while i > 0 and norms[i - 1] in _NEAR_MISS_SKIPPED:
            i -= 1
        before = " ".join(norms[max(0, i - 2) : i])
        if any(before == w or before.endswith(" " + w) for w in body_systems.NEAR_MISS_BEFORE):
            return Span(doc, span.start, span.end, label=milder, kb_id=span.kb_id_)
        return span

    def _phrase_explained(self, doc: Doc, norms: list[str], span: Span) -> bool:
        """A lexicon phrase of a sign that a row's `unless` words explain, said of one of that row's body words
        ("my arm is sore and red!!! oh, it's where the needle went in"): left out, as the row's pairs are."""
        for sid, body, unless in self.explaining:
            if sid != span.label_ or not body & set(norms[span.start : span.end]):
                continue
            hits = _find(norms, unless)
            if hits and self._explained(norms, hits, [(span.start, span.end, None)]):
                doc.user_data.setdefault("explained", set()).update(range(span.start, span.end))
                return True
        return False

    @staticmethod
    def _told_after(norms: list[str], describer: int, body: int) -> bool:
        """The body word in the sentence right after the describing word's, pointing back to it ("It's ...")."""
        start = sentence_of(norms, body)[0]
        before = start - 1
        while before >= 0 and norms[before] in SENTENCE_BREAKS:
            before -= 1
        if before < 0 or not (sentence_of(norms, before)[0] <= describer <= before):
            return False
        return bool(POINTING_BACK & set(norms[start:body]))

    @staticmethod
    def _pointed_back_to(norms: list[str], body: int, describer: int) -> bool:
        """The describing word in the clause right after the body word's, that clause pointing back to it
        ("where the cannula was, it's a little red")."""
        start = describer
        while start > 0 and norms[start - 1] not in _CLAUSE_ENDS:
            start -= 1
        before = start - 1
        while before >= 0 and norms[before] in _CLAUSE_ENDS:
            before -= 1
        first = before
        while first > 0 and norms[first - 1] not in _CLAUSE_ENDS:
            first -= 1
        return before >= 0 and first <= body <= before and bool(POINTING_BACK & set(norms[start:describer]))

    @staticmethod
    def _pointing_back(
        norms: list[str], found: dict[int, dict[str, list[tuple[int, int]]]], compounds: set[int]
    ) -> dict[int, set[tuple[int, int]]]:
        """ "it" standing for the part of the body named last before it, in its sentence or the one before
        ("my chest ... it's more like a tight band squeezing round it"): added to the body words of the
        rows of that part (paired only with a description before it). Row -> the "it" tokens added."""
        added: dict[int, set[tuple[int, int]]] = {}
        for i, norm in enumerate(norms):
            if norm != "it":
                continue
            start = sentence_of(norms, i)[0]
            start = sentence_of(norms, start - 2)[0] if start >= 2 else start
            part = next(
                (j for j in range(i - 1, start - 1, -1) if norms[j] in body_systems.BODY_PARTS and j not in compounds),
                None,
            )
            if part is None:
                continue
            for r, roles in found.items():
                if any(a <= part < b for a, b in roles.get("b", ())):
                    roles["b"].append((i, i + 1))
                    added.setdefault(r, set()).add((i, i + 1))
        return added

    @staticmethod
    def _a_mark(norms: list[str], span: Span, times: set[int]) -> bool:
        """A colour said of a mark on the skin ("the bruise is going purple"), not of the person; `times`: the
        treatment named as a time (`treatment_as_a_time`: "gone a funny colour since his drip" is no mark)."""
        marks = body_systems.MARKS.get(span.label_)
        if not marks or any(n in body_systems.BODY_PARTS for n in norms[span.start : span.end]):
            return False  # "his lips are blue" is said of him, whatever else the sentence names
        start, end = sentence_of(norms, span.start)
        return any(norms[i] in marks for i in range(start, end) if i not in times)

    @staticmethod
    def _off_the_skin(norms: list[str], span: Span) -> bool:
        """A one-word rash phrase ("itchy") said of the eyes, ears or throat, in the same clause."""
        if span.label_ != "rash" or len(span) != 1:
            return False
        start, end = sentence_of(norms, span.start)
        window = norms[max(start, span.start - 4) : min(end, span.end + 4)]
        return bool(set(window) & set(body_systems.NOT_SKIN)) and not set(window) & {"skin", "rash", "hives"}

    @staticmethod
    def _explained(norms: list[str], unless: list[tuple[int, int]], spans: list[tuple]) -> bool:
        """A word of the row's `unless` list in the same sentence, not itself negated ("not the side they
        used for the drip") nor the other side ("my other arm"), in a sentence that does not take in the
        whole limb ("swollen from the elbow down")."""
        for first, _, negation, *parts in spans:
            if parts and parts[0] and norms[parts[0] - 1] in body_systems.OTHER_SIDE:
                continue  # "the drip arm is fine but my other arm is swollen": the sign's own limb is another
            start, end = sentence_of(norms, first)
            # the next sentence explains too when it points back: "my arm is red!!! oh wait, it's where the drip was"
            after = end
            while after < len(norms) and norms[after] in SENTENCE_BREAKS:
                after += 1
            next_start, next_end = sentence_of(norms, after) if after < len(norms) else (end, end)
            told = norms[start:end] + norms[next_start:next_end]
            if _find(told, body_systems.WHOLE_LIMB) or {"left", "right"} <= set(told):
                continue  # the whole limb, or one side named against the other ("left arm ... drip in my right")
            for a, _ in unless:
                if start <= a < end:
                    since = start
                elif next_start <= a < next_end and POINTING_BACK & set(norms[next_start:a]):
                    since = next_start
                else:
                    continue
                if _simile(norms[max(since, a - 3) : a]):
                    continue  # what it feels like, not what it is: "my chest aches, like a bruise on the inside"
                # a negation of its own ("not the drip arm"), not the sign's ("I don't remember falling asleep")
                # nor another clause's ("3am, can't sleep, the drip site on my arm is puffy")
                own = max(since, a - 6, _clause_around(norms, a, a)[0])
                before = {norms[i] for i in range(own, a) if i != negation}
                if not NEGATION_WORDS & before and not set(body_systems.OTHER_SIDE) & before:
                    return True
        return False


SEEN = frozenset({"look", "looks", "looked", "looking"})


def _simile(before: list[str]) -> bool:
    """The words before a word make it a comparison of a feeling ("aches like a bruise", "as if bruised"),
    not a look ("looks like a bruise" is what is there)."""
    return any(_simile_starts(before, i) for i in range(len(before)))


def _simile_starts(norms: list[str], i: int) -> bool:
    """A simile begins at token i: "like" (not after a word of seeing: "looks like"), "as if", "as though"."""
    if norms[i] == "like":
        return i == 0 or norms[i - 1] not in SEEN
    return norms[i] == "as" and norms[i + 1 : i + 2] in (["if"], ["though"])


ELLIPSES = frozenset({"...", "..", "…", "....", "....."})
PAUSE_FRAGMENT = 3  # words at most on each side of a full stop that is a breathless pause, not a sentence end


def _pauses(norms: list[str]) -> set[int]:
    """Tokens that are pauses inside one statement: an ellipsis, or a full stop between fragments of at most
    PAUSE_FRAGMENT words ("struggling. to breathe. every breath hard")."""
    pauses = {i for i, n in enumerate(norms) if n in ELLIPSES}
    marks = [i for i, n in enumerate(norms) if n in SENTENCE_BREAKS or n in ELLIPSES]
    bounds = [-1, *marks, len(norms)]
    for k in range(1, len(bounds) - 1):
        before, here, after = bounds[k - 1], bounds[k], bounds[k + 1]
        if norms[here] == "." and 0 < here - before - 1 <= PAUSE_FRAGMENT and 0 < after - here - 1 <= PAUSE_FRAGMENT:
            pauses.add(here)
    return pauses


def _without_leading_options(pattern: list[dict]) -> list[dict]:
    """A pattern less its optional first tokens ("[my|the|]"): the same matches, a span a word shorter, and
    the Matcher no longer tries every pattern at every token."""
    while len(pattern) > 1 and pattern[0].get("OP") == "?":
        pattern = pattern[1:]
    return pattern


def _shortest_first(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, the tightest pair of words first ("heavy eyes", not "heavy eyes and no energy")."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (len(s), s.start)):
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return kept


@Language.factory("symptom_matcher")
def make_symptom_matcher(nlp: Language, name: str):
    return SymptomMatcher(nlp)


@cache
def _compound_norms() -> tuple[str, ...]:
    nlp = spacy.blank("en")
    return tuple(" ".join(_clean_norm(t) for t in nlp.make_doc(p)) for p in body_systems.NOT_THE_BODY)


def not_the_body(doc: Doc, norms: list[str] | None = None) -> set[int]:
    """Tokens of compounds in which a body word or complaint is none (body_systems.NOT_THE_BODY)."""
    if "not_the_body" not in doc.user_data:
        norms = norms if norms is not None else [_clean_norm(t) for t in doc]
        compounds = {i for a, b in _find(norms, _compound_norms()) for i in range(a, b)}
        # Scots "wee" before a word is "small" ("a wee headache", "a wee bit"); urine before these or at the end
        compounds |= {
            i
            for i, norm in enumerate(norms[:-1])
            if norm == "wee" and norms[i + 1].isalpha() and norms[i + 1] not in body_systems.URINE_WEE_BEFORE
        }
        doc.user_data["not_the_body"] = compounds
    return doc.user_data["not_the_body"]


@cache
def _never_mild_pain() -> tuple[tuple[str, ...], tuple[str, ...]]:
    nlp = spacy.blank("en")
    return tuple(  # type: ignore[return-value]
        tuple(" ".join(_clean_norm(t) for t in nlp.make_doc(w)) for w in words)
        for words in body_systems.NEVER_MILD_PAIN
    )


def never_mild_pains(norms: list[str]) -> list[tuple[int, int]]:
    """Words of pain said of the belly or the back itself (body_systems.NEVER_MILD_PAIN), in one clause and at
    most PAIR_REACH words from the place: each a complaint the lexicon does not know, never a mild one."""
    places, pains = _never_mild_pain()
    at = _find(norms, places)
    found = []
    for a, b in _find(norms, pains):
        start, end = _clause(norms, a)
        if any(start <= pa and pb <= end and max(pa - b, a - pb, 0) <= PAIR_REACH for pa, pb in at):
            found.append((a, b))
    return found


_INFUSION_WORDS = frozenset(context_rules.INFUSION_WORDS)


def treatment_as_a_time(norms: list[str]) -> set[int]:
    """Tokens naming the treatment after a word of time ("since the drip", "after my IV"): a time, no body word
    (body_systems.WHEN_WORDS)."""
    found = set()
    for i, norm in enumerate(norms):
        if norm not in _INFUSION_WORDS or not i:
            continue
        before = i - 1 if norms[i - 1] in body_systems.WHEN_DETERMINERS and i > 1 else i
        if norms[before - 1] in body_systems.WHEN_WORDS:
            found.add(i)
    return found


@Language.factory("sound_alike")
def make_sound_alike(nlp: Language, name: str):
    from bot.sound_alike import SoundAlike

    return SoundAlike(SYMPTOM_SPANS)


def paired_signs(doc: Doc) -> list[Span]:
    """Spans of the lexicon's paired signs and the body-system table (the matcher's second pass)."""
    matcher: SymptomMatcher = load().get_pipe("symptom_matcher")  # type: ignore[assignment]
    return matcher.pairs(doc)


for _name in ("temperatures", "complaints", "context", "subject"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


_NUMBER_WORDS = re.compile(  # a temperature said in words ("thirty-nine point two", "one oh three")
    r"\b(thirty|forty|ninety|hundred)\b|" + temperature.SAID_DIGIT_BY_DIGIT.pattern, re.I
)


def _as_digits(text: str) -> str:
    return alpha2digit(temperature.in_digits(text), "en")


@Language.component("temperature_finder")
def temperature_finder(doc: Doc) -> Doc:
    text = doc.text
    if _NUMBER_WORDS.search(text):
        readings = find_temperatures(_as_digits(text))
        doc._.temperatures = [_in_words(doc, reading) for reading in readings]
        return doc
    doc._.temperatures = find_temperatures(text)
    return doc


def _in_words(doc: Doc, reading):
    """A reading said in words, with the message's own words as its text ("thirty-eight point two"), so that
    the rules find where it was said (when it was taken, whether it is over); as read when not found."""
    for i, token in enumerate(doc):
        if not _NUMBER_WORDS.match(doc.text, token.idx):
            continue
        for j in range(i + 1, min(len(doc), i + 8) + 1):  # the fewest words that say it
            said = doc[i:j].text
            if [r.celsius for r in find_temperatures(_as_digits(said), expecting=True)] == [reading.celsius]:
                return temperature.Temperature(reading.celsius, said)
    return reading


# ---------------------------------------------------------------- context: ConText (bot/context_rules.py)

for _name in (
    "negated",
    "hedged",
    "hypothetical",
    "historical",
    "other",
    "idiom",
    "resolved",
    "severe",
    "worsening",
    "worst",
    "sudden",
):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=False)

SENTENCE_BREAKS = {".", "!", "?", ";"}
MODIFIER_REACH = 10
SPREAD_REACH = 20  # a rash's spread is told at length ("gone from a few spots on her tummy to covering both legs")
_SCOPED = (
    context_rules.NEGATED,
    context_rules.POSSIBLE,
    context_rules.HYPOTHETICAL,
    context_rules.HISTORICAL,
    context_rules.PAST,
    context_rules.RESOLVED,
)


def _norms(doc: Doc) -> list[str]:
    return [_clean_norm(t) for t in doc]


_CANNOT = frozenset({"can't", "cant", "cannot", "can not", "can’t"})


def with_inabilities(phrase: str) -> str:
    """The phrase with every `[can't|...]` group also offering lexicon.INABILITY_FORMS ("unable to")."""

    def widen(group: re.Match) -> str:
        options = group[0][1:-1].split("|")
        if _CANNOT.isdisjoint(options):
            return group[0]
        return "[" + "|".join(dict.fromkeys(options + list(lexicon.INABILITY_FORMS))) + "]"

    return re.sub(r"\[[^\]]*\]", widen, phrase)


def _expand(phrase: str) -> list[str]:
    """Every wording of an `[a|b|]` phrase (for tests and the lists below)."""
    parts = [
        p[1:-1].split("|") if p.startswith("[") else [p]
        for p in re.split(r"(\[[^\]]*\])", with_inabilities(phrase))
        if p
    ]
    return [" ".join(" ".join(combo).split()) for combo in itertools.product(*parts)]


def _phrases_of(category: str, *directions: str) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(
            w for p, c, d, _ in context_rules.RULES if c == category and d in directions for w in _expand(p) if w
        )
    )


# The words of the rule table, by what they do (the property tests keep them out of "neutral" text).
NEGATIONS = _phrases_of(
    context_rules.NEGATED, context_rules.FORWARD, context_rules.BACKWARD, context_rules.BIDIRECTIONAL
)
PSEUDO_NEGATIONS = tuple(
    dict.fromkeys(
        _phrases_of(context_rules.ANY, context_rules.PSEUDO) + _phrases_of(context_rules.IDIOM, context_rules.PSEUDO)
    )
)
HYPOTHETICALS = tuple(
    dict.fromkeys(
        w
        for c in (context_rules.HYPOTHETICAL, context_rules.HISTORICAL, context_rules.PAST, context_rules.POSSIBLE)
        for w in _phrases_of(c, context_rules.FORWARD, context_rules.BACKWARD, context_rules.BIDIRECTIONAL)
    )
)
CLAUSE_BREAKS = frozenset(
    w for c in (context_rules.ANY, context_rules.NEGATED) for w in _phrases_of(c, context_rules.TERMINATE)
)


# The phrase lists are module constants: indexed once each, by identity (hashing a long tuple on every
# call cost more than the search).
_INDEXES: dict[int, tuple[tuple[str, ...], dict[str, list[list[str]]]]] = {}


def _by_first_word(phrases: tuple[str, ...]) -> dict[str, list[list[str]]]:
    known = _INDEXES.get(id(phrases))
    if known is not None and known[0] is phrases:
        return known[1]
    index: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        index.setdefault(words[0], []).append(words)
    _INDEXES[id(phrases)] = (phrases, index)  # the tuple is kept, so its id is not reused
    return index


def _find(norms: list[str], phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """Token ranges where any of `phrases` occurs."""
    index = _by_first_word(phrases)
    hits = []
    for i, norm in enumerate(norms):
        for words in index.get(norm, ()):
            if norms[i : i + len(words)] == words:
                hits.append((i, i + len(words)))
    return hits


def _clause(norms: list[str], i: int) -> tuple[int, int]:
    """Token range of the clause around token i (bounded as a body-system pair is: SYSTEM_BREAKS)."""
    start = i
    while start > 0 and norms[start - 1] not in SYSTEM_BREAKS:
        start -= 1
    end = i
    while end < len(norms) and norms[end] not in SYSTEM_BREAKS:
        end += 1
    return start, end


def sentence_of(norms: list[str], i: int) -> tuple[int, int]:
    """Token range of the sentence around token i."""
    start = i
    while start > 0 and norms[start - 1] not in SENTENCE_BREAKS:
        start -= 1
    end = i
    while end < len(norms) and norms[end] not in SENTENCE_BREAKS:
        end += 1
    return start, end


def _sentences(norms: list[str]) -> list[tuple[int, int]]:
    found, start = [], 0
    for j, norm in enumerate(norms):
        if norm in SENTENCE_BREAKS:
            if j > start:
                found.append((start, j))
            start = j + 1
    if start < len(norms):
        found.append((start, len(norms)))
    return found


def phrase_of(norms: list[str], i: int) -> tuple[int, int]:
    """The sentence around token i, joined with neighbouring one- or two-word sentences
    ("Worst. Headache. Ever. Like ..."): emphasis, not separate statements."""
    sentences = _sentences(norms)
    k = next((x for x, (a, b) in enumerate(sentences) if a <= i < b), None)
    if k is None:
        return sentence_of(norms, i)

    def short(x: int) -> bool:
        return sentences[x][1] - sentences[x][0] <= 2

    low = high = k
    while low > 0 and (short(low) or short(low - 1)):
        low -= 1
    while high < len(sentences) - 1 and (short(high) or short(high + 1)):
        high += 1
    return sentences[low][0], sentences[high][1]


class Trigger:
    __slots__ = ("category", "direction", "end", "scope", "start")

    def __init__(self, category: str, start: int, end: int, scope: tuple[int, int], direction: str = ""):
        self.category, self.start, self.end, self.scope, self.direction = category, start, end, scope, direction


class ContextMatcher:
    """The ConText algorithm over bot/context_rules.py: triggers, pseudo-triggers, terminations, scopes."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")  # every wording of every row: hashed, fast
        self.rules = context_rules.RULES
        self.year_rule = None  # "in 1999": "in" and any year
        for r, (phrase, _, _, _) in enumerate(self.rules):
            if phrase == "in 1999":
                self.year_rule = r
                continue
            self.matcher.add(str(r), [normalised_doc(nlp, w) for w in _expand(phrase) if w.strip()])
        self.cues = Matcher(nlp.vocab)
        for name, phrases in (
            ("patient", context_rules.OTHER_IS_PATIENT),
            ("not_patient", context_rules.OTHER_IS_NOT_PATIENT),
            ("writer_patient", context_rules.WRITER_IS_PATIENT),
            ("writer_medicine", context_rules.WRITER_MEDICINE),
            ("writer_fine", context_rules.WRITER_IS_FINE),
            ("writer_carer", context_rules.WRITER_IS_CARER),
            ("other_fine", context_rules.OTHER_IS_FINE),
        ):
            self.cues.add(name, [p for phrase in phrases for p in token_patterns(nlp, phrase) if p])
        # the rules about the rules (bot/context_rules.py): conditional idioms, resolutions undone, hedged
        # denials and their qualifiers, retractions
        self.extra = PhraseMatcher(nlp.vocab, attr="NORM")
        groups: tuple[tuple[str, tuple[str, ...]], ...] = (
            ("idiom_if_figurative", context_rules.CONDITIONAL_IDIOMS),
            ("idiom_if_paperwork_after", context_rules.PAPERWORK_AFTER_IDIOMS),
            ("undone_before", context_rules.RESOLUTION_UNDONE[:1]),
            ("undone_after", context_rules.RESOLUTION_UNDONE[1:2]),
            ("undone_later", context_rules.RESOLUTION_UNDONE[2:]),
            ("well_again", context_rules.WELL_AGAIN),
            ("hedged_denial", context_rules.HEDGED_DENIALS),
            ("qualifier", context_rules.HEDGE_QUALIFIERS),
            ("retraction", context_rules.RETRACTIONS),
            ("taken_back", context_rules.TAKEN_BACK),
            ("stated_condition", context_rules.STATED_CONDITION_QUESTIONS),
        )
        for name, wordings in groups:
            self.extra.add(name, [normalised_doc(nlp, w) for p in wordings for w in _expand(p) if w.strip()])
        self.literal_causes = frozenset(context_rules.LITERAL_CAUSES)
        self.paperwork = frozenset(context_rules.PAPERWORK)
        self.refers_back = frozenset(context_rules.REFERS_BACK)
        self.after_gone = frozenset(context_rules.AFTER_GONE)
        self.vocab = nlp.vocab

    def __call__(self, doc: Doc, norms: list[str], inside: set[int]) -> dict:
        """Triggers with their scopes; `inside`: tokens of lexicon phrases (their own words are no trigger)."""
        hits = [(self.rules[int(self.vocab.strings[key])], a, b) for key, a, b in self.matcher(doc)]
        if self.year_rule is not None:
            hits += [
                (self.rules[self.year_rule], i, i + 2)
                for i in range(len(norms) - 1)
                if norms[i] == "in"
                and len(norms[i + 1]) == 4
                and norms[i + 1].isdigit()
                and 1900 <= int(norms[i + 1]) <= 2100
            ]
        extra: dict[str, list[tuple[int, int]]] = {}
        for key, a, b in self.extra(doc):
            extra.setdefault(self.vocab.strings[key], []).append((a, b))
        pseudo = [(a, b) for (_, _, d, _), a, b in hits if d == context_rules.PSEUDO]
        idioms = [(a, b) for (_, c, d, _), a, b in hits if c == context_rules.IDIOM]
        # "it IS a headache" is said of what the patient feels ("the parking is a headache" of a thing)
        literal = [(a, b) for a, b in idioms if norms[b - 1] == "headache" and a and norms[a - 1] in POINTING_BACK]
        idioms = [span for span in idioms if span not in literal]
        figurative: list[tuple[int, int]] = []  # "this form is giving me a headache": a thing said to give it
        for a, b in extra.get("idiom_if_figurative", ()):  # "this form is giving me a headache"
            before = norms[sentence_of(norms, a)[0] : a]  # what gives it; not "the form for my IVIG"
            givers = {n for i, n in enumerate(before) if not _OF_SOMETHING & set(before[max(0, i - 2) : i])}
            if not self.literal_causes & givers:
                idioms.append((a, b))
                pseudo.append((a, b))
                figurative.append((a, b))
        for a, b in extra.get("idiom_if_paperwork_after", ()):  # "my head's spinning with all these forms"
            after = set(norms[b : sentence_of(norms, a)[1]])
            if after & self.paperwork and not after & self.literal_causes:
                idioms.append((a, b))
                pseudo.append((a, b))
                figurative.append((a, b))
        hedges = []  # "I wouldn't say I'm breathless exactly": the denial is a hedge
        for a, b in extra.get("hedged_denial", ()):
            s_end = sentence_of(norms, a)[1]
            qualifiers = [qa for qa, _ in extra.get("qualifier", ()) if b <= qa < s_end]
            if qualifiers:
                pseudo.append((a, b))
                hedges.append(Trigger(context_rules.POSSIBLE, a, b, (b, max(qualifiers) + 1)))
        consumed = doc.user_data.get("consumed_negations", set())
        stops: dict[str, list[tuple[int, int]]] = {}
        for (_, c, d, _), a, b in hits:
            if d == context_rules.TERMINATE:
                stops.setdefault(c, []).append((a, b))
        triggers = []
        present_state = frozenset(context_rules.PRESENT_STATE)
        for qa, qb in extra.get("stated_condition", ()):  # "is it an allergy if my lips are swollen?"
            s_end = sentence_of(norms, qa)[1]
            for i in range(qb, min(qb + 6, s_end)):
                if norms[i] == "if" and present_state & set(norms[i + 1 : min(i + 8, s_end)]):
                    pseudo.append((qa, i + 1))  # "is it a reaction if": neither "reaction" nor "if" asks
                    break
        for (_, category, direction, reach), a, b in hits:
            if direction in (context_rules.PSEUDO, context_rules.TERMINATE):
                continue
            if (
                any(
                    pa <= a < pb and not (a <= pa and pb <= b and b - a > pb - pa) for pa, pb in pseudo
                )  # a longer trigger wins
                or a in inside
                or a in consumed
            ):
                continue
            s_start, s_end = sentence_of(norms, a)
            ends = [x for x, _ in stops.get(category, []) + stops.get(context_rules.ANY, []) if x >= b]
            starts = [y for _, y in stops.get(category, []) + stops.get(context_rules.ANY, []) if y <= a]
            forward = (b, min([b + reach, s_end] + ends))
            backward = (max([a - reach, s_start] + starts), a)
            if direction == context_rules.FORWARD:
                scope = forward
            elif direction == context_rules.BACKWARD:
                scope = backward
            else:
                scope = (backward[0], forward[1])
            if category in _DATING and direction != context_rules.FORWARD:
                scope = (_dated_clause_start(norms, scope[0], a), scope[1])
            if category in _DATING and direction != context_rules.BACKWARD:
                scope = (scope[0], _relative_clause_end(norms, a, b, scope[1]))
            if category == context_rules.RESOLVED and direction == context_rules.BACKWARD:
                resolved = self._resolved_scope(norms, a, b, scope, extra)
                if resolved is None:
                    continue
                scope = resolved
            triggers.append(Trigger(category, a, b, scope, direction))
        retractions = [  # "well, I was" takes a denial back; "well, I don't think so" does not
            ra for ra, rb in extra.get("retraction", ()) if not _NEGATED_TIE & set(norms[rb : rb + 2])
        ]
        triggers = [
            t
            for t in triggers
            if t.category != context_rules.NEGATED
            or not any(
                max(t.end, t.scope[1]) <= ra <= max(t.end, t.scope[1]) + 3 and ra < sentence_of(norms, t.start)[1]
                for ra in retractions
            )
        ] + hedges
        for a, b in extra.get("taken_back", ()):  # "burning up - well, not really": the clause before is denied
            first = a - 1
            while first >= 0 and norms[first] in _CLAUSE_ENDS:
                first -= 1
            if first < 0 or norms[first] in SENTENCE_BREAKS:
                continue
            start = first
            while start > 0 and norms[start - 1] not in _CLAUSE_ENDS:
                start -= 1
            triggers.append(Trigger(context_rules.NEGATED, a, b, (start, first + 1), context_rules.BACKWARD))
        mentions = _mentions(norms)
        others = any(kind == "other" for _, kind, _ in mentions)  # the cues matter only when someone else is named
        cues = [(self.vocab.strings[key], a, b) for key, a, b in self.cues(doc)] if others else []
        ties = _ties(norms, mentions, cues)
        return {
            "triggers": triggers,
            "idioms": idioms,
            "figurative": figurative,
            "mentions": mentions,
            "asides": _asides(norms),
            "cues": {name for name, _, _ in cues},
            "ties": ties,
            # the writer looks after the one who had it ("I'm mum's carer", "she's fine after it") and had none
            # themselves: their own complaints are not the patient's, but for a life-threatening sign
            "writer_is_carer": any(
                name == "other_fine"
                or (name == "writer_carer" and not (a and norms[b - 1] == "myself" and norms[a - 1] in _FEELING_MYSELF))
                for name, a, b in cues
            )
            and bool(ties["patient"] - {"self"})
            and "self" not in ties["patient"]
            and not _writer_is_patient(norms),
            # the writer is the patient only by their own medicine and "I'm fine": a red flag of another
            # person still counts (unsure is the safer reading), a mild symptom is theirs
            "writer_by_medicine": any(n == "writer_medicine" for n, _, _ in cues)
            and not any(n == "writer_patient" for n, _, _ in cues)
            and not _writer_is_patient(norms),
        }

    def _resolved_scope(
        self, norms: list[str], a: int, b: int, scope: tuple[int, int], extra: dict
    ) -> tuple[int, int] | None:
        """What a RESOLVED (BACKWARD) phrase says is over: its clause before it, or the clause before that
        when its own holds only "it's", "that", "they" (REFERS_BACK); None when the words say it is only
        partly over, back again, or asked about."""
        s_end = sentence_of(norms, a)[1]
        later_end = sentence_of(norms, s_end + 1)[1] if s_end + 1 < len(norms) else s_end
        if "?" in norms[s_end : s_end + 1]:
            return None
        if (
            norms[b - 1] in ("gone", "went")
            and b < len(norms)
            and norms[b].isalpha()
            and norms[b] not in self.after_gone
        ):
            return None  # "gone blue", "it went numb": a change, not the end of one
        if any(a - 2 <= ub <= a for _, ub in extra.get("undone_before", ())):
            return None
        if any(b <= ua <= b + 1 for ua, _ in extra.get("undone_after", ())):
            return None
        well_again = extra.get("well_again", ())
        if any(
            b <= ua < later_end and not any(wa <= ua < wb for wa, wb in well_again)
            for ua, _ in extra.get("undone_later", ())
        ):
            return None
        start = scope[0]
        if set(norms[start:a]) <= self.refers_back:
            boundary = start - 1  # the break before the clause: "but", ",", a sentence end
            while boundary >= 0 and norms[boundary] in self.refers_back:
                boundary -= 1
            if boundary < 0:
                return scope
            first = boundary
            while first > 0 and norms[first - 1] not in _CLAUSE_ENDS:
                first -= 1
            start = first
        return (start, a)


_STAFF_ACTS = frozenset(context_rules.STAFF_ACTS)
_NEAR_MISS_SKIPPED = frozenset({"i", "he", "she", "they", "we", "you", "be", "was", "were"})
_NO_AS_AN_ANSWER_BEFORE = frozenset(context_rules.NO_AS_AN_ANSWER_BEFORE)
_DATING = frozenset({context_rules.HISTORICAL, context_rules.PAST})
_OWN_SUBJECTS = frozenset(context_rules.OWN_EVENT_SUBJECTS)
_DATED_BACK = frozenset(context_rules.DATED_POINTING_BACK)


def _dated_clause_start(norms: list[str], start: int, a: int) -> int:
    """Where a time of the past at token a stops reaching back: its own clause, when that clause has its own
    subject and points back to nothing (context_rules.OWN_EVENT_SUBJECTS); else `start`."""
    for c in range(a - 1, start - 1, -1):
        if norms[c] in _RELATIVE and c > start:  # "my brother who died years ago": the relative clause only
            return c
        if norms[c] in _CLAUSE_ENDS:
            own = set(norms[c + 1 : a])
            return c + 1 if own & _OWN_SUBJECTS and not own & _DATED_BACK else start
    return start


def _relative_clause_end(norms: list[str], a: int, b: int, end: int) -> int:
    """Where a time of the past told in a relative clause stops reaching forward: that clause's end ("asking
    for her mother who died 30 years ago and doesn't know what day it is": the death is dated, not the
    confusion); `end` when the time is in a main clause."""
    for c in range(a - 1, max(-1, a - 8), -1):
        if norms[c] in _CLAUSE_ENDS:
            return end
        if norms[c] in _RELATIVE:
            return next((d for d in range(b, end) if norms[d] in _RELATIVE_CLAUSE_ENDS), end)
    return end


_RELATIVE = frozenset({"who", "whom", "whose"})
_RELATIVE_CLAUSE_ENDS = frozenset({"and", ",", "but", ";"})
_OF_SOMETHING = frozenset(context_rules.OF_SOMETHING)
_CLAUSE_ENDS = frozenset(SENTENCE_BREAKS | {",", ";", ":", "but", "however", "though", "although", "-", "--", "(", ")"})
_PRONOUNS = frozenset(
    {"he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their", "themselves"}
)
_NEGATED_TIE = frozenset({"not", "never", "no"})


def _person_word(norm: str) -> str:
    """ "husbands" as in "my husbands talking" (the possessive typed without its apostrophe): "husband"."""
    people = context_rules.EXPERIENCER_WORDS
    if norm not in people and len(norm) > 3 and norm.endswith("s") and norm[:-1] in people:
        return norm[:-1]
    return norm


def _candidates(norms: list[str], mentions: list, k: int) -> list[str]:
    """Who mention k may be: its own word ("husband"), or for a pronoun every person named before it that
    it may stand for ("she" after "my mum ... my sister": either), and the pronoun itself."""
    i, kind, pronoun = mentions[k]
    if kind == "self":
        return ["self"]
    if kind != "other":
        return []
    if norms[i] not in _PRONOUNS:
        return [_person_word(norms[i])]
    found = [  # nearest first
        _person_word(norms[j])
        for j, other, p in reversed(mentions[:k])
        if other == "other" and norms[j] not in _PRONOUNS and (pronoun == "they" or p in (pronoun, "they"))
    ]
    return list(dict.fromkeys(found)) + [f"pronoun:{pronoun}"]


_FEELING_MYSELF = frozenset(context_rules.FEELING_MYSELF)


def _ties(norms: list[str], mentions: list, cues: list[tuple[str, int, int]]) -> dict[str, set[str]]:
    """Who each cue is about: {"patient": {...}, "not_patient": {...}}; "self" is the writer; "anyone" a cue
    about nobody in particular ("on behalf of")."""
    ties: dict[str, set[str]] = {"patient": set(), "not_patient": set()}
    fine = any(name == "writer_fine" and not _NEGATED_TIE & set(norms[a:b]) for name, a, b in cues)
    for name, a, b in cues:
        if name in ("writer_fine", "writer_carer", "other_fine") or (name == "writer_medicine" and not fine):
            continue  # "can she take my paracetamol?" says who the patient is only beside "I'm fine"
        if name == "writer_medicine":
            name = "writer_patient"
        if name == "patient" and _NEGATED_TIE & set(norms[max(0, a - 2) : a]):
            continue  # "he hasn't had the infusion": not a tie to it
        kind = "patient" if name in ("patient", "writer_patient") else "not_patient"
        if name == "writer_patient" or norms[a] in ("i", "we"):
            ties[kind].add("self")
            continue
        if norms[b - 1] in ("my", "our") or norms[a] in ("on", "writing", "messaging", "asking", "texting", "typing"):
            after = [k for k, m in enumerate(mentions) if m[0] >= b - 1 and m[1] == "other"]
            ties[kind].update(_candidates(norms, mentions, after[0]) if after else ["anyone"])
            continue
        at = [k for k, m in enumerate(mentions) if m[0] == a]
        if at and norms[a] in _PRONOUNS:  # "her infusion", "he had the drip": the nearest person it stands for
            ties[kind].add(_candidates(norms, mentions, at[0])[0])
            continue
        before = [k for k, m in enumerate(mentions) if m[0] < a and m[1] in ("self", "other")]
        if before and norms[mentions[before[-1]][0]] in ("my", "our", "mine"):
            ties[kind].add("anyone")  # "my gf had ivig": someone the words do not name
        elif before and a - mentions[before[-1]][0] <= 6:  # "my wife had the IVIG", "my daughter (who had it)"
            ties[kind].add(_candidates(norms, mentions, before[-1])[0])
        else:
            ties[kind].add("anyone")
    return ties


def _same_person(a: str, b: str) -> bool:
    """Whether two names may be one person: the same word, a pronoun, a word for anyone, or one family."""
    if a == b or "pronoun:" in a or "pronoun:" in b or a == "anyone" or b == "anyone":
        return True
    if a == "self" or b == "self":
        return False
    if a in context_rules.ANYONE or b in context_rules.ANYONE:
        return True
    return any(a in group and b in group for group in context_rules.SAME_PERSON)


def _mentions(norms: list[str]) -> list[tuple[int, str, str | None]]:
    """People named in the message, in order: (token, "self" | "other" | "animal", pronoun)."""
    people = context_rules.EXPERIENCER_WORDS
    found: list[tuple[int, str, str | None]] = []
    for i, norm in enumerate(map(_person_word, norms)):
        if norm in ("my", "our") and any(
            _person_word(n) in people or n in context_rules.ANIMAL_WORDS for n in norms[i + 1 : i + 4]
        ):
            continue  # "my husband": the husband is the one mentioned
        if norm == "they" and i + 1 < len(norms) and norms[i + 1] in _STAFF_ACTS:
            continue  # "where they put the line in": the staff
        if norm in ("i", "me", "my", "myself", "mine"):
            found.append((i, "self", None))
        elif norm in context_rules.ANIMAL_WORDS:
            found.append((i, "animal", None))
        elif norm in people:
            found.append((i, "other", people[norm]))
    return found


def _dictated_ivig(norms: list[str], i: int) -> range:
    """Tokens of "IVIG" as dictation writes it ("I've Ig", "I V I G") ending at token i: no "I" in them."""
    if norms[i] == "ig" and i >= 2 and norms[i - 2] == "i" and norms[i - 1] in ("have", "'ve", "ve"):
        return range(i - 2, i + 1)
    if norms[i] == "g" and i >= 3 and norms[i - 3 : i] == ["i", "v", "i"]:
        return range(i - 3, i + 1)
    return range(0)


def _writer_is_patient(norms: list[str]) -> bool:
    """ "my infusion", "I had the drip": the writer is the one who had the infusion."""
    dictated = {j for i in range(len(norms)) for j in _dictated_ivig(norms, i)}
    for i, norm in enumerate(norms):
        if norm in context_rules.INFUSION_WORDS and i:
            before = [n for j, n in enumerate(norms[max(0, i - 4) : i], max(0, i - 4)) if j not in dictated]
            if "my" in before[-2:] or ("i" in before and not set(before) & set(context_rules.EXPERIENCER_WORDS)):
                return True
    return False


def about_someone_else(doc: Doc) -> bool:
    """The writer had the infusion, says they are well and speaks of someone else ("My husband has a cold. I'm
    the one who had the IVIG and I'm fine"): what the message tells is not the patient's."""
    context = doc._.context
    if not context or "writer_fine" not in context["cues"]:
        return False
    norms = _norms(doc)
    writer = "self" in context["ties"]["patient"] or _writer_is_patient(norms)
    return writer and any(kind == "other" for _, kind, _ in context["mentions"])


def _asides(norms: list[str]) -> list[tuple[int, int]]:
    """The message's bracketed asides, (open, close): "My daughter (she didn't have it, I did) has been sick" -
    the one named in the aside is not the subject of what follows it (`experiencer`)."""
    asides, opened = [], None
    for i, norm in enumerate(norms):
        if norm == "(":
            opened = i
        elif norm == ")" and opened is not None:
            asides.append((opened, i))
            opened = None
    return asides


def experiencer(context: dict, norms: list[str], start: int, end: int) -> tuple[str, str | None]:
    """Who a symptom at tokens [start, end) is about: ("self" | "patient" | "other", pronoun).

    "patient": a third person who is the patient (tied to the infusion, or the message is about them);
    "other": someone who is not (said so, an animal, or the writer had the infusion and they did not);
    unsure is "patient": a possible red flag is never dropped."""
    mentions = context["mentions"]
    waking = ("wake", "waking", "rouse", "rousing")

    def own_mention(i: int) -> bool:  # "can't wake him", "hard to wake me"; not "won't answer me" (the writer)
        if i == end or (i == end - 1 and i > start):
            return i > 0 and norms[i - 1] in waking
        return start <= i < end

    own = [m for m in mentions if own_mention(m[0])]
    aside = [(a, b) for a, b in context.get("asides", ()) if b < start]  # closed before the symptom
    before = [m for m in mentions if m[0] < start and not any(a < m[0] < b for a, b in aside)]
    mention = own[0] if own else (before[-1] if before else None)
    if (
        not own
        and mention
        and mention[1] == "self"
        and norms[mention[0]] in ("me", "us")
        and "writer_fine" in (context["cues"])
    ):  # "my mum who came with me is dizzy ... I'm fine": "me" is no one's subject; the one named before it is
        first = sentence_of(norms, start)[0]
        named = [m for m in before if m[0] >= first and m[1] != "self"]
        mention = named[-1] if named else mention
    if mention is None or mention[1] == "self":
        ties = context.get("ties") or {}
        someone_else = ties.get("patient", set()) - {"self"}
        if "self" in ties.get("not_patient", ()) and someone_else:
            return "other", None  # "my wife had the IVIG ... I've a fever but I didn't have any infusion"
        if context.get("writer_is_carer"):
            return "other", None  # "my mum had her IVIG and she's fine; I've come down with a bug"
        return "self", None
    if mention[1] == "animal":
        return "other", None
    pronoun = mention[2]
    if pronoun == "they":  # "my partner ... she": the pronoun that follows tells
        later = [m[2] for m in mentions if m[0] > mention[0] and m[1] == "other" and m[2] != "they"]
        pronoun = later[0] if later else "they"
    ties = context.get("ties") or {"patient": set(), "not_patient": set()}
    names = _candidates(norms, mentions, mentions.index(mention))
    patients, not_patients = ties["patient"], ties["not_patient"]
    if any(_same_person(n, p) for n in names for p in patients if p != "self"):
        return "patient", pronoun  # tied to the infusion ("her infusion"), or may be the one who is
    if names and all(any(_same_person(n, p) for p in not_patients) for n in names):
        return "other", pronoun  # "he hasn't had any infusion"
    if "self" in patients or _writer_is_patient(norms):
        return "other", pronoun  # the writer had it, they did not
    others = patients - {"self"}
    if others and all(_told_apart(norms, mentions, mentions.index(mention), p) for p in others):
        return "other", pronoun  # someone else, told apart from the one who had it ("my daughter's friend")
    return "patient", pronoun


def _told_apart(norms: list[str], mentions: list, k: int, patient: str) -> bool:
    """Whether the person named by mention k is surely not `patient` (a name from `_ties`): a friend or
    neighbour (context_rules.NOT_FAMILY), the other sex ("his sister" after "my son had his IVIG"), or the
    patient's own someone ("my mum's neighbour"). Another family word may be the patient seen by someone
    else ("my husband had it ... my son says dad is grey"): never told apart."""
    word = _candidates(norms, mentions, k)[0]
    if _same_person(word, patient):
        return False
    if word in context_rules.NOT_FAMILY:
        return True
    sexes = {context_rules.EXPERIENCER_WORDS.get(word), context_rules.EXPERIENCER_WORDS.get(patient)}
    if sexes == {"he", "she"}:
        return True
    i = mentions[k][0]
    if i >= 2 and norms[i - 1] == "'s" and _person_word(norms[i - 2]) == patient:
        return True
    before = [j for j, m in enumerate(mentions) if m[0] == i - 1 and norms[m[0]] in _PRONOUNS]
    return bool(before) and _candidates(norms, mentions, before[0])[0] == patient


def status(doc: Doc, start: int, end: int, context: dict | None = None, norms: list[str] | None = None) -> dict:
    """The context of tokens [start, end): negated, hedged, hypothetical, historical, other, idiom."""
    context = context or doc._.context
    norms = norms or _norms(doc)
    if context is None:
        return {}
    inscope = dict.fromkeys(_SCOPED, False)
    negation = None
    resolved = False
    days_ago = False  # a PAST word that is surely days ago ("last week"), not only a day's name ("on sunday")
    existing = bool(set(norms[max(0, start - 2) : start + 1]) & _EXISTING)  # "this headache", "my rash"
    for t in context["triggers"]:
        a, b = t.scope
        if a < end and start < b and not (t.start < end and start < t.end):
            if t.category == context_rules.HYPOTHETICAL and existing and _find(norms[end:b], _TRENDS):
                continue  # "what if this headache gets worse?": the headache is real, its trend asked about
            inscope[t.category] = True
            if t.category == context_rules.PAST and norms[t.end - 1] not in context_rules.WEEKDAYS:
                days_ago = True
            if t.category == context_rules.NEGATED and negation is None:
                negation = t
            if t.category == context_rules.RESOLVED and t.direction == context_rules.BACKWARD:
                resolved = True
    past = inscope[context_rules.PAST] and _resolved_near(context, norms, start)
    who, _ = experiencer(context, norms, start, end)
    return {
        "negated": inscope[context_rules.NEGATED],
        "negation": negation,
        "hedged": inscope[context_rules.POSSIBLE],
        "hypothetical": inscope[context_rules.HYPOTHETICAL],
        "historical": inscope[context_rules.HISTORICAL] or past,
        "resolved": resolved,  # said to be over ("it's gone now"): counts as historical for a mild symptom
        "past_resolved": past,
        "past_named_day_only": past and not days_ago,
        "other": who == "other",
        "idiom": any(a <= start and end <= b for a, b in context["idioms"]),
    }


_EXISTING = frozenset(context_rules.EXISTING)
_TRENDS = tuple(" ".join(w.split()) for w in lexicon.TREND_WORDS)


def in_hypothesis(context: dict, a: int, b: int) -> bool:
    """Whether tokens [a, b) lie in a HYPOTHETICAL trigger's scope ("what if it gets worse")."""
    return any(
        t.category == context_rules.HYPOTHETICAL and t.scope[0] <= a and b <= t.scope[1] for t in context["triggers"]
    )


def temperature_excluded(doc: Doc, text: str) -> bool:
    """Whether a temperature the message gives (its words `text`) is not the patient's now: said to be
    over ("38.2 last night, completely gone this morning"), before the infusion, or someone else's."""
    at = doc.text.find(text)
    span = doc.char_span(at, at + len(text), alignment_mode="expand") if at >= 0 and text else None
    if span is None or doc._.context is None:
        return False  # cannot tell: it counts
    flags = status(doc, span.start, span.end)
    other = flags["other"] and not doc._.context["writer_by_medicine"]  # a reading is never only "mild"
    historical = flags["historical"] and (flags["past_resolved"] or _dated_in_its_clause(doc, span))
    return historical or flags["resolved"] or other or _superseded(doc, span) or _to_come(doc, span, flags)


def _clause_around(norms: list[str], start: int, end: int) -> tuple[int, int]:
    """Tokens [start, end) widened to their clause (bounded by _CLAUSE_ENDS: commas, "but", brackets too)."""
    while start > 0 and norms[start - 1] not in _CLAUSE_ENDS:
        start -= 1
    while end < len(norms) and norms[end] not in _CLAUSE_ENDS:
        end += 1
    return start, end


def _dated_in_its_clause(doc: Doc, span: Span) -> bool:
    """A reading is from before the infusion or long ago only when its own clause says so: "37.6 under her arm,
    it was 39 before the IVIG" gives 37.6 now."""
    start, end = _clause_around(_norms(doc), span.start, span.end)
    return any(t.category == context_rules.HISTORICAL and start <= t.start < end for t in doc._.context["triggers"])


def _to_come(doc: Doc, span: Span, flags: dict) -> bool:
    """A reading asked about that has not been had: "if I get a temperature over 38" (context_rules.READING_TO_COME)."""
    if not flags["hypothetical"]:
        return False
    norms = _norms(doc)
    start = span.start
    while start > 0 and norms[start - 1] not in SENTENCE_BREAKS and span.start - start < 8:
        start -= 1
    return bool(set(norms[start : span.start]) & set(context_rules.READING_TO_COME))


_READING_WORDS = {
    when: tuple(" ".join(w.split()) for w in words)
    for when, words in (
        ("now", context_rules.READING_NOW),
        ("today", context_rules.READING_TODAY),
        ("before", context_rules.READING_BEFORE),
        ("over", context_rules.READING_OVER),
    )
}


def _when_taken(doc: Doc, norms: list[str], span: Span) -> str | None:
    """When a temperature reading was taken, by the words of its clause: "now", "before" or None (not said)."""
    start, end = _clause_around(norms, span.start, span.end)
    clause = norms[start:end]
    if _find(clause, _READING_WORDS["now"]):
        return "now"
    if _find(clause, _READING_WORDS["before"]):
        return "before"
    return "now" if _find(clause, _READING_WORDS["today"]) else None


def _superseded(doc: Doc, span: Span) -> bool:
    """An earlier reading that a normal reading taken now replaces, in a message that says the fever is over
    ("Fever's gone, was 37.8 yesterday, today 36.7"): context_rules.READING_NOW and its neighbours."""
    from bot.triage import RAISED_FROM_C

    readings = doc._.temperatures or []
    if len(readings) < 2:
        return False
    norms = _norms(doc)
    if _when_taken(doc, norms, span) != "before":
        return False
    normal_now = False
    for reading in readings:
        at = doc.text.find(reading.text)
        other = doc.char_span(at, at + len(reading.text), alignment_mode="expand") if at >= 0 else None
        if other is not None and other.start != span.start and reading.celsius < RAISED_FROM_C:
            normal_now = normal_now or _when_taken(doc, norms, other) == "now"
    if not normal_now:
        return False
    over = [a for a, _ in _find(norms, _READING_WORDS["over"]) if not NEGATION_WORDS & set(norms[max(0, a - 3) : a])]
    resolved = any(t.category == context_rules.RESOLVED for t in (doc._.context or {}).get("triggers", ()))
    return bool(over) or resolved


def _resolved_near(context: dict, norms: list[str], i: int) -> bool:
    """A RESOLVED trigger ("all better") in the sentence of token i or the next one."""
    start, end = sentence_of(norms, i)
    if end < len(norms):
        end = sentence_of(norms, end + 1)[1] if end + 1 < len(norms) else end
    return any(t.category == context_rules.RESOLVED and start <= t.start < end for t in context["triggers"])


def excluded(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether a phrase found by another layer (the statistical one) is not a present symptom of the
    patient: said to be normal, negated, asked about, historical, someone else's, or an idiom."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or doc._.context is None:
        return False
    start, end = sentence_of(_norms(doc), span.start)
    if said_normal(doc[start:end].text):
        return True  # "breathing as normal", "my neck's fine": the part named, said to be well
    in_idiom = {i for a, b in doc._.context["idioms"] for i in range(a, b)}
    outside = [t.norm_ for t in span if t.i not in in_idiom]
    if len(outside) < len(span) and not _COMPLAINT_OR_BODY & set(outside):
        return True  # "sick to death of waiting": an idiom and ordinary words, no complaint of their own
    flags = status(doc, span.start, span.end)
    inner_negation = any(
        span.start <= t.start < span.end for t in doc._.context["triggers"] if t.category == context_rules.NEGATED
    )
    return inner_negation or any(flags[k] for k in ("negated", "hypothetical", "historical", "other", "idiom"))


_COMPLAINT_OR_BODY = frozenset(lexicon.COMPLAINT_WORDS + lexicon.STRONG_COMPLAINT_WORDS + body_systems.BODY_PARTS)
_STRONG_OR_BODY = frozenset(lexicon.STRONG_COMPLAINT_WORDS + body_systems.BODY_PARTS)


def names_a_complaint(doc: Doc, start_char: int, end_char: int, strong_only: bool = False) -> bool:
    """Whether a phrase found by another layer names a complaint word or a part of the body; with
    `strong_only` (the message already reports a known symptom), a strong complaint word ("bleeding")
    or a part of the body no recognised symptom is said of ("headache, and my ears feel full")."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return True  # cannot tell: keep it
    compounds = not_the_body(doc)
    tokens = [t for t in span if t.i not in compounds]  # "holding his chest of drawers": no body part
    if not strong_only:
        return any(t.norm_ in _COMPLAINT_OR_BODY or t.lower_ in _COMPLAINT_OR_BODY for t in tokens)
    if any(t.norm_ in lexicon.STRONG_COMPLAINT_WORDS for t in tokens):
        return True
    # a part of the body counts when no recognised symptom is said of it (close by, in the same sentence)
    norms = _norms(doc)
    present = [
        s
        for s in doc.spans.get(SYMPTOM_SPANS, [])
        if not (s._.negated or s._.hypothetical or s._.historical or s._.other or s._.idiom)
    ]
    explained = doc.user_data.get("explained", set())  # "my arm is red ... it's where the drip was"
    for t in tokens:
        if t.norm_ in body_systems.BODY_PARTS and t.i not in explained:
            start, end = sentence_of(norms, t.i)
            if not any(start <= s.start < end and min(abs(s.start - t.i), abs(s.end - 1 - t.i)) <= 6 for s in present):
                return True
    return False


def subject_at(doc: Doc, text: str) -> str | None:
    """Who the words `text` of the message are about, as a pronoun ("my daughter's temp is 38.6": "she"),
    or None for the writer; as for symptoms (`experiencer`)."""
    at = doc.text.find(text)
    span = doc.char_span(at, at + len(text), alignment_mode="expand") if at >= 0 and text else None
    if span is None or doc._.context is None:
        return None
    who, pronoun = experiencer(doc._.context, _norms(doc), span.start, span.end)
    return pronoun if who == "patient" else None


def without_idioms(doc: Doc) -> str:
    """The message as the learned layer should read it: its idioms ("a wee bit", "dying to know") left
    out, so that a word of one is not read as a body system; and so is what the rules read as someone
    else's ("my husband has a sore throat, he isn't on IVIG") and a clause from before the infusion said
    to be over ("a sore throat before the infusion, cleared up days ago"). A symptom said to be over
    stays: with it the message is explained (`over_symptoms`). Anything else the rules did not read stays
    for the learned layer to judge."""
    context = doc._.context or {}
    skipped = {i for a, b in context.get("idioms") or () for i in range(a, b)} | not_the_body(doc)
    for span in doc.spans.get(SYMPTOM_SPANS, ()):
        if span._.other:
            skipped.update(range(span.start, span.end))
    norms = _norms(doc)
    for t in context.get("triggers") or ():  # "a sore throat before the infusion, cleared up days ago"
        if t.category == context_rules.HISTORICAL and _resolved_near(context, norms, t.start):
            skipped.update(range(t.start, t.end))
            skipped.update(range(*t.scope))
    for t in context.get("triggers") or ():  # "but that passed": a word of an ending that reads like a sign
        if t.category == context_rules.RESOLVED:
            skipped.update(i for i in range(t.start, t.end) if norms[i] in context_rules.ENDING_LIKE_A_SIGN)
    if any(kind == "other" for _, kind, _ in context.get("mentions") or ()):  # what is said of someone else
        skipped.update(i for i in range(len(doc)) if experiencer(context, norms, i, i + 1)[0] == "other")
    if not skipped:
        return doc.text
    return "".join(t.text_with_ws for t in doc if t.i not in skipped)


_IMPROVING = tuple(" ".join(w.split()) for w in lexicon.IMPROVEMENT_WORDS)


def says_improving(doc: Doc) -> bool:
    """The message says the patient is getting better ("it's easing off a bit now", "he's warmed up", "much
    better already"): lexicon.IMPROVEMENT_WORDS, none denied ("not easing", "no better") and no trend word
    of getting worse anywhere in it."""
    norms = _norms(doc)
    found = _find(norms, _IMPROVING)
    if not found or _find(norms, _TRENDS):
        return False
    return all(not _denied_before(norms, a, most=3) for a, _ in found)


def only_idioms(doc: Doc, chars: list[tuple[int, int]]) -> bool:
    """Every phrase another layer tagged as a symptom (character offsets) lies inside a figure of speech the
    rules read, a thing said to give the symptom ("your form is giving me a headache"): the message's symptom
    words are figures of speech. Other idioms ("sick and tired") may be misread words: they do not count."""
    idioms = (doc._.context or {}).get("figurative") or ()
    if not chars or not idioms:
        return False
    for a, b in chars:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or not any(x <= span.start and span.end <= y for x, y in idioms):
            return False
    return True


def only_not_now(doc: Doc) -> bool:
    """The message has symptom words and every one is over, asked about as an "if", or someone else's who is
    not the patient ("the sickness passed within the hour", "if he gets breathless what do I do"): nothing of
    the patient's now. Negated ones are denials (`Findings.denied`); historical and figurative ones may be
    misread and do not count."""
    spans = list(doc.spans.get(SYMPTOM_SPANS, ()))
    return bool(spans) and all(s._.resolved or s._.hypothetical or s._.other for s in spans)


def over_symptoms(doc: Doc) -> frozenset[str]:
    """The symptoms the message says are over ("had a headache but it's gone"): not the patient's now,
    but they explain the message's words, as a symptom found does (bot/system_checks.py `suggest`)."""
    return frozenset(s.label_ for s in doc.spans.get(SYMPTOM_SPANS, ()) if s._.resolved)


def is_negated(doc: Doc, start_char: int, end_char: int) -> bool:
    """Kept for callers of the earlier API: `excluded` with negation only."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or doc._.context is None:
        return False
    return status(doc, span.start, span.end)["negated"] or any(
        span.start <= t.start < span.end for t in doc._.context["triggers"] if t.category == context_rules.NEGATED
    )


@Language.factory("symptom_context")
def make_symptom_context(nlp: Language, name: str):
    matcher = ContextMatcher(nlp)
    severity = [(tuple(w.split()), "severe") for w in lexicon.SEVERITY_WORDS]
    severity += [(tuple(w.split()), "worsening") for w in lexicon.TREND_WORDS]
    severity += [(tuple(w.split()), "sudden") for w in lexicon.SUDDEN_WORDS]
    severity += [(tuple(w.split()), "worst") for w in lexicon.WORST_WORDS]
    severity += [(tuple(w.split()), "spread") for w in body_systems.SPREAD_WORDS]
    modifier_phrases = tuple(" ".join(w) for w, _ in severity)
    kind_of: dict[str, str] = {}
    for words, kind in severity:
        kind_of.setdefault(" ".join(words), kind)
    complaints = frozenset(lexicon.COMPLAINT_WORDS) | frozenset(lexicon.STRONG_COMPLAINT_WORDS)
    strong = frozenset(lexicon.STRONG_COMPLAINT_WORDS)
    strong_phrases = frozenset(
        " ".join(_clean_norm(t) for t in nlp.make_doc(p)) for p in lexicon.STRONG_COMPLAINT_PHRASES
    )
    complaint_phrases = tuple(strong_phrases) + tuple(
        " ".join(_clean_norm(t) for t in nlp.make_doc(w)) for p in lexicon.COMPLAINT_PHRASES for w in _expand(p)
    )

    speech_limits = tuple(" ".join(_clean_norm(t) for t in nlp.make_doc(p)) for p in body_systems.SPEECH_LIMITS)
    word_counts = tuple(" ".join(_clean_norm(t) for t in nlp.make_doc(p)) for p in body_systems.WORD_COUNTS)
    word_limits = tuple(" ".join(_clean_norm(t) for t in nlp.make_doc(p)) for p in body_systems.WORD_LIMITS)
    radiation = tuple(" ".join(_clean_norm(t) for t in nlp.make_doc(p)) for p in body_systems.RADIATION)

    def symptom_context(doc: Doc) -> Doc:
        norms = _norms(doc)
        spans = list(doc.spans.get(SYMPTOM_SPANS, []))
        phrase_tokens = {
            i for s in spans if s.kb_id_ not in ("paired", "system", "sentence") for i in range(s.start, s.end)
        }
        symptom_tokens = {i for s in spans for i in range(s.start, s.end)}
        context = matcher(doc, norms, phrase_tokens)
        doc._.context = context
        negations = [t for t in context["triggers"] if t.category == context_rules.NEGATED]
        subjects = []
        for span in spans:
            ext = span._  # one Underscore object per span: they are slow to make
            flags = status(doc, span.start, span.end, context, norms)
            # a sign read across a sentence: its person is the one who does what it starts with (the seeker,
            # not the one sought), and the past it tells is the sign's own ("a dog we had as a child")
            at = (span.start, span.start + 1) if span.kb_id_ == "sentence" else (span.start, span.end)
            if span.kb_id_ == "sentence":
                flags["other"] = experiencer(context, norms, *at)[0] == "other"
                if span.label_ in body_systems.THE_PAST_IS_THE_SIGN:
                    flags["historical"] = flags["resolved"] = flags["past_resolved"] = False
            # a negation inside a paired or body-system span denies it ("my lips aren't blue")
            inner = span.kb_id_ in ("paired", "system") and any(span.start <= t.start < span.end for t in negations)
            if span.kb_id_ == "sentence":  # across clauses: a negation in the clause of one of its two words
                clauses = [
                    _clause(norms, i) for i in doc.user_data.get("sentence_parts", {}).get((span.start, span.end), ())
                ]
                inner = any(a <= t.start < b for t in negations for a, b in clauses)
            ext.negated = flags["negated"] or inner
            normality = flags["negation"] is not None and only_normality_denied(norms, flags["negation"], span)
            if ext.negated and not inner and normality:  # "not a normal headache": a headache, not the usual
                ext.negated = False
                ext.severe = True
            if ext.negated and not inner and _cannot_without(norms, flags["negation"], span.start):
                ext.negated = False  # "can't get up the stairs without stopping to catch my breath"
            ext.hedged = flags["hedged"] or span.kb_id_ == SOUND_ALIKE  # not said plainly: on record as such
            ext.hypothetical = flags["hypothetical"]
            if flags["past_named_day_only"] and lexicon.SYMPTOMS[span.label_].level == lexicon.EMERGENCY:
                flags["past_resolved"] = False  # "a seizure on sunday, that passed": maybe yesterday, still a red flag
                flags["historical"] = flags["resolved"] = False
            # said to be over: a mild symptom however recent, any symptom of days ago (PAST)
            ext.resolved = (flags["resolved"] and lexicon.SYMPTOMS[span.label_].level == lexicon.MANAGE_AT_HOME) or (
                flags["past_resolved"]
            )
            ext.historical = flags["historical"] or ext.resolved
            level = lexicon.SYMPTOMS[span.label_].level
            ext.other = flags["other"] and not (
                (context["writer_by_medicine"] and level != lexicon.MANAGE_AT_HOME)
                or (context.get("writer_is_carer") and level == lexicon.EMERGENCY)
            )
            ext.idiom = flags["idiom"]
            who, pronoun = experiencer(context, norms, *at)
            if who == "patient" and not (ext.negated or ext.hypothetical or ext.historical):
                subjects.append(pronoun)
            if span.label_ in lexicon.GENERAL_FORM and _compared_away(norms, span.start):
                ext.negated = True  # "it's nothing like a thunderclap": the worst form compared away
            negation = flags["negation"]
            # "not the worst headache", "not crushing": the degree is denied, the symptom itself is not
            if (
                ext.negated
                and not inner
                and negation is not None
                and norms[negation.start] == "not"
                and span.label_ in lexicon.GENERAL_FORM
            ):
                ext.severe = False
                doc.user_data.setdefault("degree_denied", set()).add((span.start, span.end, span.label_))
        doc._.subject = (
            subjects[0]
            if subjects
            and not any(
                experiencer(context, norms, s.start, s.end)[0] == "self"
                for s in spans
                if not (s._.negated or s._.hypothetical or s._.historical)
            )
            else None
        )

        # a rash on two large parts of the body at once is over a large area: "hives on my legs and tummy"
        for span in spans:
            if span.label_ == "rash" and not span._.worsening:
                start, end = _clause_around(norms, span.start, span.end)
                near = set(norms[max(start, span.start - 8) : min(end, span.end + 8)])
                if len(near & _LARGE_REGIONS) >= 2 and not near & _SMALL_RASH:
                    span._.worsening = True

        # a list of mild symptoms shares the end said after it: "the nausea and the headache have gone"
        ordered = sorted(spans, key=lambda s: (s.start, s.end))
        for left, right in reversed(list(zip(ordered, ordered[1:], strict=False))):
            between = norms[left.end : right.start]
            if (
                right._.resolved
                and not left._.resolved
                and lexicon.SYMPTOMS[left.label_].level == lexicon.MANAGE_AT_HOME
                and between
                and set(between) <= _LIST_JOINS
                and set(between) & {"and", ",", "&"}
                and norms[right.end : right.end + 1] not in (["that"], ["which"], ["who"])  # "a rash that has cleared"
            ):
                left._.resolved = left._.historical = True

        # complaint words outside any known symptom: a symptom the lexicon may not know
        found = []
        compounds = not_the_body(doc, norms)
        for t in doc:
            if t.norm_ in complaints and t.i not in symptom_tokens and t.i not in compounds:
                flags = status(doc, t.i, t.i + 1, context, norms)
                if not any(flags[k] for k in ("negated", "hypothetical", "historical", "other", "idiom")):
                    found.append((t.i, t.norm_ in strong))
        for a, b in never_mild_pains(norms):  # "a sharp pain low in my belly", "my lower back is killing me"
            if not symptom_tokens & set(range(a, b)) and not compounds & set(range(a, b)):
                flags = status(doc, a, b, context, norms)
                if not any(flags[k] for k in ("negated", "hypothetical", "historical", "other", "idiom")):
                    found.append((a, True))
        for a, b in _find(norms, complaint_phrases):  # "the runs", "pins and needles", "feel a bit off"
            if not symptom_tokens & set(range(a, b)):
                flags = status(doc, a, b, context, norms)
                if not any(flags[k] for k in ("negated", "hypothetical", "historical", "other", "idiom")):
                    found.append((a, " ".join(norms[a:b]) in strong_phrases))
        # one said to be as it always is ("back and forth to the toilet as usual"): no new complaint
        doc._.complaints = [(i, strong) for i, strong in found if not _as_always(norms, i)]

        # each severity, trend or spread word (or pain score) qualifies the nearest symptom it can raise,
        # unless itself negated
        similes = _simile_tokens(norms)
        modifiers = [(a, b, kind_of[" ".join(norms[a:b])]) for a, b in _find(norms, modifier_phrases)]
        modifiers += pain_scores(norms) + nothing_compares(norms)
        for a, b, kind in modifiers:
            if a in phrase_tokens or _denied_before(norms, a, most=3):  # "nothing terrible", "hasn't got any bigger"
                continue
            if in_hypothesis(context, a, b):
                continue  # "what if it gets worse?": a trend asked about, not had
            if kind == "spread" and said_normal(" ".join(_clause_after(norms, b))):
                continue  # "both legs are normal": the parts named are well, nothing has spread to them
            if kind == "spread" and set(_clause_after(norms, b)) & set(body_systems.SMALL_SIZES):
                continue  # "covering an area about the size of a fingernail": a small size, not a spread
            if norms[a] == "worse" and a and norms[a - 1] in ("had", "been", "seen", "known", "felt"):
                continue  # "I've had worse": not bad, said by comparison
            first, last = phrase_of(norms, a)
            candidates = [s for s in spans if first <= s.start < last and _raised_by(s, kind)]
            if _of_a_time(norms, a):
                continue  # "the worst night ever": said of the night, not of a symptom
            if b < len(norms) and norms[b] in lexicon.WHAT_A_PERSON_IS:
                continue  # "I'm a terrible worrier": said of the writer, not of a symptom
            if norms[a] == "worst" and (
                norms[b : b + 2] == ["of", "all"] or norms[b : b + 1] in (["bit"], ["part"], ["thing"])
            ):
                continue  # "worst of all, ...", "the headache is the worst bit": an ordering of what is told, not a degree
            if any(s.end in (a, a - 1) and not _raised_by(s, kind) for s in spans if s.start < a):
                continue  # "achy all over": said of the symptom just before it, which it cannot raise
            if " ".join(norms[a:b]) in LIFETIME_WORDS and not any(
                (n == "most" or (n.endswith("est") and len(n) > 4 and n not in NOT_WORSE)) and not _of_a_time(norms, i)
                for i, n in enumerate(norms[max(first, a - 8) : a], max(first, a - 8))
            ):
                continue
            said_before = not candidates and _refers_back(norms, first, a)
            if said_before:  # "... a headache. It hit me out of nowhere": the symptom of the sentence before
                before = _sentence_before(norms, first)
                candidates = [s for s in spans if before[0] <= s.start < before[1] and _raised_by(s, kind)]
            if kind == "worst":  # "never had anything like it" is said of the symptom that can be the worst ever
                candidates = [s for s in candidates if _general(s.label_).worst_as != _general(s.label_).worse_as] or (
                    candidates
                )
            if not candidates:
                continue
            nearest = min(candidates, key=lambda s: min(abs(s.start - a), abs(s.end - b)))
            # "a headache ..., the worst pain I've ever had": a pain noun the modifier is said of stands for
            # the symptom named before it in the sentence, however long the sentence
            stands_for = kind in ("worst", "severe", "sudden") and _pain_noun_after(norms, b) and nearest.end <= a
            # "a rash on my neck ..., and every time I look it's bigger": "it" just before the modifier is the
            # symptom named before it in the sentence
            stands_for = stands_for or (nearest.end <= a and _it_before(norms, a))
            # "headache ..., then it went BANG at the back of my head, worst of my life": the head named near the
            # modifier is the headache's, told at length
            stands_for = stands_for or (
                kind in ("worst", "sudden")
                and _general(nearest.label_).worst_as == "worst_headache"
                and bool(_HEAD_WORDS & set(norms[max(first, a - MODIFIER_REACH) : min(last, b + MODIFIER_REACH)]))
            )
            if (
                said_before
                or stands_for
                or _apart(norms, nearest, a, b, similes) <= (SPREAD_REACH if kind == "spread" else MODIFIER_REACH)
            ):
                if kind in ("worst", "severe"):
                    nearest._.severe = True
                    ever = not _find(_clause_after(norms, b), lexicon.RECENT_STRETCH)  # "the worst in years"
                    nearest._.worst = nearest._.worst or ((kind == "worst" or norms[a] == "worst") and ever)
                elif kind in ("worsening", "spread"):
                    nearest._.worsening = True
                else:
                    nearest._.sudden = True
        speech = [(a, b) for a, b in _find(norms, speech_limits) if not _busy(norms, b)]
        speech += counted_words(norms, word_counts, word_limits)  # "can only say a word or two at a time"
        spreading = [(a, b) for a, b in _find(norms, radiation) if not _denied_before(norms, a)]
        for span in spans:  # too breathless to talk; chest pain going to the jaw: said anywhere in the message
            if (speech and span.label_ == "breathing_difficulty") or (spreading and span.label_ == "chest_tightness"):
                span._.severe = True
        if talks_normally(doc.text):
            for span in spans:  # "every breath is an effort, but I can still chat": short of breath, can talk
                if span.label_ == "severe_breathing_difficulty" and not span._.negated:
                    span._.negated = True
                    doc.user_data.setdefault("degree_denied", set()).add((span.start, span.end, span.label_))
        for span in spans:  # "his confusion is exactly the same as before": a long-standing state, no new sign
            if span.label_ in lexicon.NEW_ONLY and not span._.negated:
                start, end = sentence_of(norms, span.start)
                told = norms[start:end]
                same = {i for a, b in _find(told, lexicon.UNCHANGED) for i in range(a, b)}
                if same and not any(a not in same for a, _ in _find(told, lexicon.CHANGED)):  # "no different"
                    span._.historical = True
        for span in spans:  # a rash on many parts of the body at once is spreading
            if span.label_ in RASHES and len(_regions(norms, *_told_of(norms, span.start))) >= (
                body_systems.RASH_REGIONS_SPREAD
            ):
                span._.worsening = True
        return doc

    return symptom_context


RASHES = ("rash",)
POINTING_BACK = frozenset(context_rules.POINTING_BACK)
_HEAD_WORDS = frozenset({"head", "skull", "heid"})
_LARGE_REGIONS = frozenset(body_systems.LARGE_REGIONS)
_SMALL_RASH = frozenset(body_systems.SMALL_RASH_WORDS)
_LIST_JOINS = frozenset({"and", ",", "&", "the", "my", "his", "her", "their", "a", "also", "all"})


def _cannot_without(norms: list[str], negation, start: int) -> bool:
    """A double negative: "can't" / "couldn't" and then "without" before the sign, in its sentence ("can't
    walk to the loo without stopping for breath"), says the sign comes every time."""
    if negation is None:
        return False
    first = max(sentence_of(norms, start)[0], start - 12)
    before = norms[first:start]
    if "without" not in before:
        return False
    cut = first + before.index("without")
    return bool({"not", "cannot"} & set(norms[first:cut]))


def _compared_away(norms: list[str], start: int) -> bool:
    """ "Nothing like a thunderclap", "nothing like crushing": a serious form said to be unlike this one. (A
    comparison with the kind itself, "nothing like my usual migraines", leaves the symptom: context_rules.)"""
    before = norms[max(0, start - 3) : start]
    while before and before[-1] in ("a", "an", "the"):
        before = before[:-1]
    return before[-2:] == ["nothing", "like"]


def _denied_before(norms: list[str], a: int, most: int = 8) -> bool:
    """A negation earlier in the clause of token a: "it doesn't go into my arm or jaw", "nothing in my jaw"."""
    for norm in reversed(norms[max(0, a - most) : a]):
        if norm in SYSTEM_BREAKS:
            return False
        if norm in NEGATION_WORDS:
            return True
    return False


def _clause_after(norms: list[str], b: int, most: int = 8) -> list[str]:
    """The words from token b to the end of their clause (at most `most`)."""
    words = []
    for norm in norms[b : b + most]:
        if norm in SYSTEM_BREAKS or norm == "and":
            break
        words.append(norm)
    return words


def _of_a_time(norms: list[str], i: int) -> bool:
    """A superlative said of a stretch of time ("the worst night ever", "worst day of my life")."""
    superlative = norms[i] in ("worst", "most") or norms[i].endswith("est")
    return superlative and i + 1 < len(norms) and norms[i + 1] in lexicon.TIME_NOUNS


def _raised_by(span: Span, kind: str) -> bool:
    """Whether a modifier of this kind can qualify the symptom: a spread word a rash or a site reaction; a
    severity, trend or onset word a symptom with a worse form, or one that is itself a serious form (it
    takes the word, so "a splitting headache, the worst ever, and vomiting" does not make the vomiting worse)."""
    if kind == "spread":
        return span.label_ in body_systems.SPREADS
    known = lexicon.SYMPTOMS[span.label_]
    return bool(known.worse_as or known.worst_as or span.label_ in lexicon.GENERAL_FORM)


def _simile_tokens(norms: list[str]) -> set[int]:
    """Tokens of a simile that describes a symptom ("came on like someone swung a cricket bat at the back of
    my skull", "as if ..."), from its "like" to the end of its clause: a picture of the symptom, which does
    not set a modifier after it apart from the symptom."""
    found: set[int] = set()
    for i in range(len(norms)):
        if not _simile_starts(norms, i):
            continue
        j = i
        while j < len(norms) and norms[j] not in SENTENCE_BREAKS and norms[j] not in (",", ";", ":", "-", "—"):
            found.add(j)
            j += 1
    return found


def _apart(norms: list[str], span: Span, a: int, b: int, similes: set[int]) -> int:
    """Tokens between a symptom and a modifier, less those of a simile describing the symptom."""
    if span.end <= a:
        return sum(1 for i in range(span.end, a) if i not in similes) + 1
    if b <= span.start:
        return sum(1 for i in range(b, span.start) if i not in similes) + 1
    return 0


def _it_before(norms: list[str], a: int) -> bool:
    """ "it's bigger", "it is getting worse", "they're spreading": "it" or "they" starts the modifier's clause,
    at most three words before it."""
    for i in range(a - 1, max(-1, a - 4), -1):
        if norms[i] in SENTENCE_BREAKS or norms[i] in (",", ";", ":", "and", "but"):
            return False
        if norms[i] in ("it", "they", "theyre", "these", "those"):  # "... hives ... and they're spreading"
            return True
    return False


def _pain_noun_after(norms: list[str], b: int) -> bool:
    """The modifier is said of a pain noun ("the worst pain", "sudden agony"): lexicon.PAIN_NOUNS."""
    return bool(set(norms[b : b + 2]) & set(lexicon.PAIN_NOUNS))


def _refers_back(norms: list[str], first: int, a: int) -> bool:
    """A modifier in a sentence that names no symptom but points back to one ("It came on in seconds")."""
    return bool(POINTING_BACK & set(norms[first:a]))


def _sentence_before(norms: list[str], first: int) -> tuple[int, int]:
    """The sentence (with its short neighbours, as `phrase_of`) that ends just before token `first`."""
    end = first - 1
    while end > 0 and norms[end] in SENTENCE_BREAKS:
        end -= 1
    return phrase_of(norms, end) if end >= 0 and norms[end] not in SENTENCE_BREAKS else (first, first)


def nothing_compares(norms: list[str]) -> list[tuple[int, int, str]]:
    """ "nothing I've ever had comes close", "never had one that compares": the worst ever, from the
    word that denies the comparison (lexicon.NOTHING_COMPARES after lexicon.NOTHING_WORDS, one sentence)."""
    found = []
    for a, b in _find(norms, lexicon.NOTHING_COMPARES):
        start, _ = sentence_of(norms, a)
        denial = [i for i in range(max(start, a - 6), a) if norms[i] in lexicon.NOTHING_WORDS]
        if denial:
            found.append((denial[-1], b, "worst"))
    return found


def _as_always(norms: list[str], i: int) -> bool:
    """Token i's sentence says it is as always (lexicon.UNCHANGED) and tells no change (lexicon.CHANGED)."""
    start, end = sentence_of(norms, i)
    told = norms[start:end]
    return bool(_find(told, lexicon.UNCHANGED)) and not _find(told, lexicon.CHANGED)


_EPISODES = frozenset({"migraine", "migraines", "headache", "headaches"})  # a kind the patient knows from before


def only_normality_denied(norms: list[str], negation: "Trigger", span: Span) -> bool:
    """ "No way this is a normal headache", "this isn't my usual headache", "this is not my migraine": the
    negation denies that the symptom is the usual kind (lexicon.NORMAL_KINDS just before it), not the symptom; "I don't have my
    usual headache" denies it (a copula, or a sentence that starts with the negation, tells them apart)."""
    between = norms[negation.end : span.start]
    words = [n for n in between if n not in ("a", "an", "the", "my", "your", "his", "her")]
    own = between in (["my"], ["his"], ["her"], ["their"]) and norms[span.start] in _EPISODES  # "not my migraine"
    if not own and (not words or words[-1] not in lexicon.NORMAL_KINDS):
        return False
    start, _ = sentence_of(norms, negation.start)
    said_of = set(norms[max(start, negation.start - 3) : span.start])
    return negation.start == start or bool(said_of & {"is", "'s", "are", "was", "were", "be", "been"})


def counted_words(norms: list[str], counts: tuple[str, ...], limits: tuple[str, ...]) -> list[tuple[int, int]]:
    """Speech cut to a count of words: a count (body_systems.WORD_COUNTS) with a limit
    (body_systems.WORD_LIMITS) within four words of it, in one sentence."""
    found = []
    for a, b in _find(norms, counts):
        start, end = sentence_of(norms, a)
        first = max(start, a - 4)
        near = [(x + first, y + first) for x, y in _find(norms[first : min(end, b + 4)], limits)]
        if any(not (a <= x < b) for x, _ in near):  # a limit word of its own ("a word at a time" is a count)
            found.append((a, b))
    return found


def _general(symptom: str) -> lexicon.Symptom:
    """The symptom a worse form is of ("severe_headache": the headache), which a modifier can still raise:
    a sudden splitting headache is a thunderclap headache."""
    return lexicon.SYMPTOMS[lexicon.GENERAL_FORM.get(symptom, symptom)]


def _busy(norms: list[str], after: int) -> bool:
    """ "I can't talk right now", "can't talk at the moment": busy, not breathless."""
    following = norms[after : after + 3]
    return bool(following) and (
        following[0] in TIME_AFTER_RIGHT or following[:2] in (["right", "now"], ["at", "the"], ["at", "work"])
    )


_SCORE = re.compile(r"(\d{1,2})/10")


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    try:
        return int(text2num(word, "en"))
    except ValueError:
        return None


def pain_scores(norms: list[str]) -> list[tuple[int, int, str]]:
    """Pain scores out of 10 ("10/10", "nine out of ten") as severity: from lexicon.PAIN_SCORE_SEVERE
    severe, at lexicon.PAIN_SCORE_WORST the worst."""
    found = []
    for i, norm in enumerate(norms):
        score, end = None, i + 1
        match = _SCORE.fullmatch(norm)
        if match:
            score = int(match.group(1))
        elif norms[i + 1 : i + 3] == ["out", "of"] and i + 3 < len(norms) and norms[i + 3] in ("10", "ten"):
            score, end = _number(norm), i + 4
        if score is None or score > 10:
            continue
        if score >= lexicon.PAIN_SCORE_WORST:
            found.append((i, end, "worst"))
        elif score >= lexicon.PAIN_SCORE_SEVERE:
            found.append((i, end, "severe"))
    return found


def _told_of(norms: list[str], i: int) -> tuple[int, int]:
    """The sentence of token i with the sentences after it that start by pointing back to it ("... a rash on
    my neck. It's now down my chest and over both shoulders")."""
    start, end = sentence_of(norms, i)
    while end + 1 < len(norms) and norms[end + 1] in POINTING_BACK:
        end = sentence_of(norms, end + 1)[1]
    return start, end


def _regions(norms: list[str], start: int, end: int) -> set[str]:
    """The parts of the body named in tokens [start, end), not negated ("not on her face")."""
    return {
        body_systems.RASH_REGIONS[n]
        for i, n in enumerate(norms[start:end], start)
        if n in body_systems.RASH_REGIONS and not NEGATION_WORDS & set(norms[max(start, i - 3) : i])
    }


# ---------------------------------------------------------------- build, save, load

COMPONENTS = ("symptom_spelling", "symptom_matcher", "sound_alike", "temperature_finder", "symptom_context")


def build() -> Language:
    nlp = spacy.blank("en")
    nlp.meta["name"] = "ivig_triage_rules"
    nlp.meta["version"] = "1.0.0"  # the patterns come from lexicon.py at load; see bot.version.fingerprint()
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def load() -> Language:
    return build()


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else PIPELINE_PATH
    build().to_disk(target)
    print(f"saved spaCy pipeline to {target}")
