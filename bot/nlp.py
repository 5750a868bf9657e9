"""The deterministic language layer: a spaCy pipeline of rule components over the lexicon.

Built on `spacy.blank("en")` (no downloaded model, nothing fetched at run time). Components:
  symptom_spelling  - maps misspelt words onto lexicon words ("vomitting" -> "vomiting") via NORM
  symptom_matcher   - finds lexicon phrases; each match is a span labelled with the symptom id
  temperature_finder- finds temperatures in °C or °F ("39,1", "101 F", "103 degrees")
  symptom_context   - marks each symptom negated, hedged, hypothetical, severe or worsening
Rasa loads the same pipeline from `bot/spacy_pipeline` (see config.yml); the patterns are
rebuilt from `lexicon.py` whenever the pipeline loads, so the saved folder never goes stale.
"""
import itertools
import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from bot import lexicon
from bot.temperature import find_temperatures

PIPELINE_PATH = Path(__file__).parent / "spacy_pipeline"
SYMPTOM_SPANS = "symptoms"

# ---------------------------------------------------------------- phrase expansion


def lexicon_words() -> set[str]:
    """Every word the lexicon's phrases use, options included ("[hard|difficult] to breathe")."""
    return {w for s in lexicon.SYMPTOMS.values() for p in s.phrases for w in re.split(r"[\s\[\]|]+", p) if w.isalpha()}


# ---------------------------------------------------------------- spelling

# Common words that sit one letter away from a lexicon word and must stay as they are.
_KEEP_AS_IS = {"stuff", "three", "there", "these", "those", "thing", "think", "thank", "sweet", "where",
               "while", "chess", "faith", "swell", "still", "since", "pretty", "hours", "times", "heart"}
# Misspellings too short or too far for the edit-distance rule.
_KNOWN_MISSPELLINGS = {"fevr": "fever", "feva": "fever", "dizy": "dizzy", "diz": "dizzy", "puk": "puke",
                       "naus": "nauseous", "nautious": "nauseous", "nauceous": "nauseous", "brethe": "breathe",
                       "breth": "breath", "cant": "cant", "hed": "head", "stif": "stiff", "rach": "rash",
                       "vomt": "vomit", "thru": "through", "brathe": "breathe", "cheast": "chest",
                       "tounge": "tongue", "tung": "tongue", "nek": "neck", "neckk": "neck", "lipps": "lips",
                       "rashe": "rash", "hive": "hives", "vommit": "vomit", "sik": "sick"}


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count 1), stopping early above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


class SymptomSpelling:
    """Sets token.norm_ of a misspelt word to the lexicon word it most likely means.

    Only words of 5+ letters that are not lexicon or stop words are corrected, the first letter must
    match (people rarely mistype it), 1 edit is allowed (2 from 8 letters on).
    """

    def __init__(self, vocabulary: set[str]):
        self.vocabulary = vocabulary
        self.by_initial: dict[str, list[str]] = {}
        for word in sorted(vocabulary):
            self.by_initial.setdefault(word[0], []).append(word)
        self.correct = lru_cache(maxsize=20000)(self._correct)

    def _correct(self, word: str) -> str | None:
        if word in _KNOWN_MISSPELLINGS:
            return _KNOWN_MISSPELLINGS[word]
        if len(word) < 5 or word in self.vocabulary or word in STOP_WORDS or word in _KEEP_AS_IS:
            return None
        limit = 1 if len(word) < 8 else 2
        best, best_distance = None, limit + 1
        for candidate in self.by_initial.get(word[0], ()):
            distance = _edit_distance(word, candidate, limit)
            if distance < best_distance:
                best, best_distance = candidate, distance
        return best

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            fixed = self.correct(token.lower_) if token.is_alpha else None
            if fixed:
                token.norm_ = fixed
            token.lemma_ = token.norm_  # Rasa's featurizers read lemmas: they see the corrected word too
        return doc


@Language.factory("symptom_spelling")
def make_symptom_spelling(nlp: Language, name: str):
    words = lexicon_words()
    words |= {w for p in lexicon.SEVERITY_WORDS + lexicon.TREND_WORDS + lexicon.SUDDEN_WORDS for w in p.split()}
    words |= {w for pair in lexicon.PAIRED_SIGNS.values() for group in pair for w in group}
    words |= set(lexicon.COMPLAINT_WORDS + lexicon.STRONG_COMPLAINT_WORDS)
    return SymptomSpelling({w for w in words if len(w) >= 4})


# ---------------------------------------------------------------- symptom matcher


def token_patterns(nlp: Language, phrase: str) -> list[list[dict]]:
    """Matcher patterns for a lexicon phrase: an `[a|b|]` group of one-word options is one token
    (`NORM IN`, optional when it has an empty option); groups with longer options are expanded.
    The same phrases as every combination of the options, in a handful of patterns instead of thousands."""
    def norms_of(text: str) -> list[str]:
        return [t.norm_ for t in nlp.make_doc(text.strip()) if not t.is_space]

    pieces: list[list[list[dict]]] = []  # per piece, its alternative token sequences
    for part in re.split(r"(\[[^\]]*\])", phrase):
        if part.startswith("["):
            options = [norms_of(o) for o in part[1:-1].split("|")]
            if all(len(o) <= 1 for o in options):
                token = {"NORM": {"IN": sorted({o[0] for o in options if o})}}
                if any(not o for o in options):
                    token["OP"] = "?"
                pieces.append([[token]])
            else:
                pieces.append([[{"NORM": n} for n in o] for o in options])
        elif part.strip():
            pieces.append([[{"NORM": n} for n in norms_of(part)]])
    return [[token for sequence in combo for token in sequence] for combo in itertools.product(*pieces)]


@Language.factory("symptom_matcher")
def make_symptom_matcher(nlp: Language, name: str):
    matcher = Matcher(nlp.vocab)
    for sid, symptom in lexicon.SYMPTOMS.items():
        matcher.add(sid, [p for phrase in symptom.phrases for p in token_patterns(nlp, phrase) if p])

    def symptom_matcher(doc: Doc) -> Doc:
        phrases = filter_spans([Span(doc, a, b, label=sid) for sid, a, b in matcher(doc)])  # longest wins
        taken = {i for span in phrases for i in range(span.start, span.end)}
        paired = [span for span in filter_spans(paired_signs(doc)) if not taken & set(range(span.start, span.end))]
        doc.spans[SYMPTOM_SPANS] = sorted(phrases + paired, key=lambda span: span.start)
        doc.ents = filter_spans(list(doc.spans[SYMPTOM_SPANS]) + [e for e in doc.ents])
        return doc

    return symptom_matcher


PAIR_REACH = 5  # at most this many tokens between the body word and the describing word


def paired_signs(doc: Doc) -> list[Span]:
    """Spans from a body word to a describing word of `lexicon.PAIRED_SIGNS`, in one clause."""
    norms = [t.norm_ for t in doc]
    found = []
    for sid, (bodies, descriptors) in lexicon.PAIRED_SIGNS.items():
        body_at = [i for i, n in enumerate(norms) if n in bodies]
        descriptor_at = [i for i, n in enumerate(norms) if n in descriptors]
        for b in body_at:
            for d in descriptor_at:
                first, last = min(b, d), max(b, d)
                if 0 < last - first <= PAIR_REACH and not set(norms[first:last]) & SENTENCE_BREAKS - {","}:
                    found.append(Span(doc, first, last + 1, label=sid, kb_id="paired"))
    return found



for _name in ("temperatures", "complaints"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("temperature_finder")
def temperature_finder(doc: Doc) -> Doc:
    doc._.temperatures = find_temperatures(doc.text)
    return doc


# ---------------------------------------------------------------- context: negation, hedging, severity

for _name in ("negated", "hedged", "hypothetical", "severe", "worsening", "worst", "sudden"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=False)

NEGATIONS = ("no", "not", "never", "without", "denies", "deny", "none", "nothing", "neither", "nor",
             "free of", "no more", "no longer", "not any", "zero")
# Look like negations but are not: "can't stop vomiting", "no, I threw up", "not sure".
PSEUDO_NEGATIONS = ("not stop", "can not stop", "not go away", "not going away", "not get better",
                    "not getting better", "not only", "not just", "not sure", "do not know", "no idea",
                    "not improving", "not better", "no better", "not easing", "not settle", "not settling")
HEDGES = ("maybe", "might", "may", "kinda", "kind of", "sort of", "sorta", "a bit", "a little", "slightly",
          "i think", "think", "possibly", "probably", "perhaps", "not sure", "do not know", "seems", "seem",
          "i guess", "ish", "somewhat", "little bit")
HYPOTHETICALS = ("if", "in case", "watch for", "watch out for", "look out for", "side effect", "side effects",
                 "can ivig cause", "could ivig cause", "does ivig cause", "do ivig", "can it cause",
                 "what happens if", "signs of")
# Words after which a negation no longer reaches the next symptom.
CLAUSE_BREAKS = {".", "!", "?", ";", ",", ":", "but", "however", "though", "although", "except", "yet",
                 "and", "so", "because", "cause", "then", "while", "now", "still", "also", "plus", "-", "--"}
SENTENCE_BREAKS = {".", "!", "?", ";"}
# After "no", these show it is an answer ("no, I threw up"), not a negation.
_INTERJECTION_FOLLOWERS = {"i", "im", "but", "wait", "actually", "it", "its", "they", "he", "she", "my", "the", "now", "we"}
NEGATION_REACH = 6
MODIFIER_REACH = 10


def _norms(doc: Doc) -> list[str]:
    return [t.norm_ if t.norm_ != t.lower_ or t.lower_ != "nt" else "not" for t in doc]


@lru_cache(maxsize=None)
def _by_first_word(phrases: tuple[str, ...]) -> dict[str, list[list[str]]]:
    index: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        index.setdefault(words[0], []).append(words)
    return index


def _find(norms: list[str], phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """Token ranges where any of `phrases` occurs."""
    index = _by_first_word(phrases)
    hits = []
    for i, norm in enumerate(norms):
        for words in index.get(norm, ()):
            if norms[i:i + len(words)] == words:
                hits.append((i, i + len(words)))
    return hits


def _covered(ranges: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in ranges)


def sentence_of(norms: list[str], i: int) -> tuple[int, int]:
    """Token range of the sentence around token i."""
    start = i
    while start > 0 and norms[start - 1] not in SENTENCE_BREAKS:
        start -= 1
    end = i
    while end < len(norms) and norms[end] not in SENTENCE_BREAKS:
        end += 1
    return start, end


def negation_triggers(norms: list[str]) -> list[tuple[int, int]]:
    """Token ranges of negations, less pseudo-negations and a leading "no," that answers a question."""
    pseudo = _find(norms, PSEUDO_NEGATIONS)
    return [(a, b) for a, b in _find(norms, NEGATIONS) if not _covered(pseudo, a)
            and not (norms[a] == "no" and b < len(norms) and norms[b] in _INTERJECTION_FOLLOWERS | {",", "."})]


def negated_at(norms: list[str], negations: list[tuple[int, int]], start: int) -> bool:
    """A negation shortly before token `start`, with no clause break in between."""
    first, _ = sentence_of(norms, start)
    return any(first <= a < start and start - b <= NEGATION_REACH
               and not (set(norms[b:start]) & CLAUSE_BREAKS - {"nor"}) for a, b in negations)


def is_negated(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether a phrase found by another layer (the statistical one) is negated by its context."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return False
    norms = _norms(doc)
    triggers = negation_triggers(norms)
    return negated_at(norms, triggers, span.start) or any(span.start <= a < span.end for a, _ in triggers)


@Language.component("symptom_context")
def symptom_context(doc: Doc) -> Doc:
    norms = _norms(doc)
    symptom_tokens = {i for span in doc.spans.get(SYMPTOM_SPANS, []) for i in range(span.start, span.end)}
    all_negations = negation_triggers(norms)
    negations = [(a, b) for a, b in all_negations if a not in symptom_tokens]  # "can't breathe" is a symptom
    hedges = _find(norms, HEDGES) + [(t.i, t.i + 1) for t in doc if t.text == "?"]
    hypotheticals = _find(norms, HYPOTHETICALS)
    modifiers = [(a, b, "severe") for a, b in _find(norms, tuple(lexicon.SEVERITY_WORDS))]
    modifiers += [(a, b, "worsening") for a, b in _find(norms, tuple(lexicon.TREND_WORDS))]
    modifiers += [(a, b, "sudden") for a, b in _find(norms, tuple(lexicon.SUDDEN_WORDS))]
    spans = list(doc.spans.get(SYMPTOM_SPANS, []))

    for span in spans:
        first, last = sentence_of(norms, span.start)
        span._.negated = negated_at(norms, negations, span.start) or (
            span.kb_id_ == "paired" and any(span.start <= a < span.end for a, _ in all_negations))
        span._.hedged = any(first <= a < last for a, _ in hedges)
        span._.hypothetical = any(first <= a < span.start for a, _ in hypotheticals)

    # complaint words outside any known symptom: a symptom the lexicon may not know
    complaints = set(lexicon.COMPLAINT_WORDS) | set(lexicon.STRONG_COMPLAINT_WORDS)
    doc._.complaints = [(t.i, t.norm_ in lexicon.STRONG_COMPLAINT_WORDS) for t in doc
                        if t.norm_ in complaints and t.i not in symptom_tokens and not negated_at(norms, negations, t.i)
                        and not any(sentence_of(norms, t.i)[0] <= a < t.i for a, _ in hypotheticals)]

    # each severity or trend word qualifies the nearest symptom in its sentence, unless itself negated
    for a, b, kind in modifiers:
        if a in symptom_tokens or any(n in norms[max(0, a - 2):a] for n in ("not", "no", "never")):
            continue
        first, last = sentence_of(norms, a)
        candidates = [s for s in spans if first <= s.start < last]
        if not candidates:
            continue
        nearest = min(candidates, key=lambda s: min(abs(s.start - a), abs(s.end - b)))
        if min(abs(nearest.start - a), abs(nearest.end - b)) <= MODIFIER_REACH:
            setattr(nearest._, kind, True)
            if norms[a] == "worst":
                nearest._.severe = nearest._.worst = True
    return doc


# ---------------------------------------------------------------- build, save, load

COMPONENTS = ("symptom_spelling", "symptom_matcher", "temperature_finder", "symptom_context")


def build() -> Language:
    nlp = spacy.blank("en")
    nlp.meta["name"] = "ivig_triage_rules"
    nlp.meta["version"] = "1.0.0"  # the patterns come from lexicon.py at load; see lexicon.version()
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
