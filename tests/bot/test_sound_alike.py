"""Sound-alike reading (bot/sound_alike.py): real English words that dictation wrote for a symptom
word are read as that symptom, hedged; ordinary English is never read as one."""

import itertools
import json
import re
from pathlib import Path

import pytest
import yaml
from spacy.tokens import Doc

from bot import lexicon, sound_alike
from bot.findings import extract
from bot.nlp import SOUND_ALIKE, english_words, load
from bot.triage import assess

ROOT = Path(__file__).resolve().parents[2]
RED_FLAG = (lexicon.CALL_DOCTOR_NOW, lexicon.EMERGENCY)


def _sound_alike_spans(doc) -> list:
    return [s for s in doc.spans.get("symptoms", []) if s.kb_id_ == SOUND_ALIKE]


@pytest.fixture(scope="module")
def reader() -> sound_alike.SoundAlike:
    return load().get_pipe("sound_alike")  # type: ignore[return-value]


# ---------------------------------------------------------------- the distance


def test_voiced_and_unvoiced_partners_and_neighbouring_vowels_are_close():
    def said(phonemes: str) -> sound_alike.Sound:
        return sound_alike.sound(phonemes.split())

    seizure = said("S IY1 ZH ER0")
    assert sound_alike.distance(said("S IY1 SH ER0"), seizure) == pytest.approx(0.4)  # zh/sh
    assert sound_alike.distance(said("S IH1 ZH ER0"), seizure) == pytest.approx(0.4)  # iy/ih
    assert sound_alike.distance(said("S AA1 ZH ER0"), seizure) == pytest.approx(1.0)  # another vowel
    assert sound_alike.distance(said("S IY1 M ER0"), seizure) == float("inf")  # another consonant
    assert sound_alike.distance(said("S IY1 ZH ER0 Z"), seizure) == float("inf")  # one more


def test_a_word_boundary_is_heard_as_it_is_said():
    """ "sees" + "your": s/z + y is said "zh" (yod coalescence); "head" + "dache": one d."""
    words = sound_alike.pronunciations()
    frames = {s.frame for a in words.get("sees") for b in words.get("your") for s in sound_alike.joined(a, b)}
    assert words.get("seizure")[0].frame in frames


# ---------------------------------------------------------------- what is read


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("she is having a sees your right now", "seizure"),  # "seizure" heard as two words
        ("she's having a sees her! shaking all over", "seizure"),  # a common pair, where no English puts it
        ("I think he had a sea sure in the bath", "seizure"),
        ("my husband is having a seas your", "seizure"),
        ("I have a head egg since the drip", "headache"),
        ("got a massive my grain since this morning", "headache"),  # "migraine"
        ("he keeps pew king after the infusion", "vomiting"),  # "puking"
        ("he is con fused and does not know where he is", "confusion"),
        ("she is dis oriented since lunch", "confusion"),
        ("I feel an well today", "flu_like_symptoms"),  # "unwell"
        ("I've been through up twice this morning", "vomiting"),  # a homophone: "threw up"
        ("I've been throne up all night", "vomiting"),  # "thrown up"
        ("I past out in the shower", "fainting"),  # "passed out"
        ("Past out at work, came round after a minute", "fainting"),
        ("my hart is racing", "palpitations"),
        ("I feel lite headed when I stand", "dizziness"),
    ],
)
def test_a_dictated_symptom_word_is_read_and_hedged(text, symptom):
    findings = extract(text)
    assert symptom in findings.symptoms
    assert symptom in findings.hedged  # on record as not said plainly
    assert _sound_alike_spans(load()(text))


def test_a_reading_takes_its_severity_from_the_message():
    """ "the worst head egg of my life, came on sudden": the worst headache, an emergency."""
    findings = extract("honestly the worst head egg of my life, it came on all of a sudden")
    assert "worst_headache" in findings.symptoms
    assert assess(findings).level == lexicon.EMERGENCY
    assert assess(extract("my little boy is having a sees your")).level == lexicon.EMERGENCY


@pytest.mark.parametrize(
    "text, denied",
    [
        ("I haven't been through up at all, just a bit queasy", "vomiting"),
        ("she has not had a sees your, she is just tired", "seizure"),
    ],
)
def test_a_reading_is_denied_like_any_symptom(text, denied):
    findings = extract(text)
    assert denied not in findings.symptoms
    assert denied in findings.denied


def test_a_reading_of_the_past_or_of_someone_else_is_not_the_patients():
    assert "seizure" not in extract("my brother had a sea sure years ago, I just have a headache").symptoms


@pytest.mark.parametrize(
    "text",
    [
        "I was feeding the baby when you rang",  # one real word for another: not "was fitting"
        "I'm joking, I feel great",  # not "choking"
        "I painted the fence yesterday",  # not "fainted"
        "he says your appointment has moved",  # not "seizure": no complaint is named there
        "we drove past out of habit",  # a homophone where no complaint begins
        "we went through up to the loft",
        "I know energy drinks are bad for me",  # not "no energy": "no" is one of the commonest words
        "I read we should rest after the infusion",  # not "red wee"
        "I had David over for tea",  # not "had a fit": a word is heard as more words, never fewer
        "I had take away last night",
        "he does see the nurse on Friday",
        "I'll see your nurse on Monday",  # "see your" is ordinary English
        "I feel fine, thanks",
        "the dog is not breeding this year",
    ],
)
def test_ordinary_english_is_never_read_as_a_symptom(text):
    doc = load()(text)
    assert not _sound_alike_spans(doc)
    assert not extract(text).hedged


def test_words_the_rules_already_read_are_left_to_them():
    doc = load()("I threw up and then I have a head egg")
    assert [s.label_ for s in _sound_alike_spans(doc)] == ["headache"]
    assert all(s.kb_id_ == SOUND_ALIKE or s.label_ == "vomiting" for s in doc.spans["symptoms"])


# ---------------------------------------------------------------- never in ordinary text


def _eval_texts(mild: bool) -> list[str]:
    texts = []
    for path in sorted((ROOT / "eval" / "sets").glob("*.yml")):
        data = yaml.safe_load(path.read_text())
        for m in data.get("messages") or []:
            if (m["level"] in ("none", lexicon.MANAGE_AT_HOME)) == mild:
                texts.append(m["text"])
        for c in data.get("conversations") or []:
            if (c.get("level") in ("none", lexicon.MANAGE_AT_HOME)) == mild:
                texts += [t if isinstance(t, str) else t.get("text", "") for t in c.get("turns") or []]
    return [t for t in texts if t]


def _nlu_examples() -> list[str]:
    found = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text())["nlu"]:
            for line in (block.get("examples") or "").splitlines():
                if line.strip().startswith("- "):  # entity marks "[vomiting](symptom)" left as their words
                    found.append(re.sub(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}", r"\1\2", line.strip()[2:]))
    return found


@pytest.fixture(scope="module")
def mild_readings() -> list[tuple[str, list[tuple[str, str]]]]:
    """Each mild or symptom-free message of the evaluation sets with its sound-alike readings (one pass)."""
    texts = _eval_texts(mild=True)
    assert len(texts) > 900
    return [(t, [(s.text, s.label_) for s in _sound_alike_spans(doc)]) for t, doc in zip(texts, load().pipe(texts))]


def test_no_mild_or_symptom_free_message_of_any_evaluation_set_gets_a_red_flag_reading(mild_readings):
    """A sound-alike never invents a red flag in a mild or symptom-free message; a mild one may be read as its
    own mild symptom ("my mussels are sore": muscle aches)."""
    red = [(t, [r for r in read if lexicon.SYMPTOMS[r[1]].level in RED_FLAG]) for t, read in mild_readings]
    assert [r for r in red if r[1]] == []


def test_no_symptom_free_message_of_any_evaluation_set_gets_a_reading(mild_readings):
    mild = _mild_texts()
    assert [(t, read) for t, read in mild_readings if read and t not in mild] == []


def _mild_texts() -> set[str]:
    return {
        m["text"]
        for path in sorted((ROOT / "eval" / "sets").glob("*.yml"))
        for m in yaml.safe_load(path.read_text()).get("messages") or []
        if m["level"] == lexicon.MANAGE_AT_HOME
    }


def test_the_training_corpora_get_no_reading():
    """The NLU training examples (data/nlu) and the body-system corpus (data/body_systems, 3,176 messages
    by two writers who never saw the lexicon): no sound-alike reading at all (measured: 0 and 0)."""
    nlu = _nlu_examples()
    corpus = [json.loads(line)["text"] for line in (ROOT / "data" / "body_systems" / "corpus.jsonl").open()]
    assert len(nlu) > 400 and len(corpus) > 2000
    read = [
        (t, s.text, s.label_)
        for t, doc in zip(nlu + corpus, load().pipe(nlu + corpus))
        for s in _sound_alike_spans(doc)
    ]
    assert read == []


def _top_words(n: int) -> list[str]:
    return [w for w in itertools.islice(english_words(), 2 * n) if w.isalpha()][:n]


def _readings(reader, words: list[str]) -> list[tuple[str, str]]:
    doc = Doc(load().vocab, words=words)
    return [(" ".join(words), r.wording) for r in reader.readings(doc)]


def test_no_common_english_bigram_is_read(reader):
    """Every bigram of symspellpy's bigram dictionary (242,342 pairs of ordinary English), after a word
    that may introduce a complaint ("a"), where English could write it there ("a" and the pair's first word
    a common pair too): none is read. ("having a sees her" is read: no English puts "sees" after "a".)"""
    common = sound_alike.common_bigrams()
    bigrams = sorted(common)
    assert len(bigrams) > 240_000
    read = [
        x
        for b in bigrams
        if b.replace(" ", "").isalpha() and f"a {b.split()[0]}" in common
        for x in _readings(reader, ["a", *b.split()])
    ]
    assert read == []


@pytest.mark.parametrize("text", ["she sees her mum every day", "he says her name", "I had a sees her last year"])
def test_a_common_pair_after_no_article_stays_as_written(text):
    assert "seizure" not in extract(text).symptoms


def test_no_pair_of_frequent_words_is_read(reader):
    """Pairs of the 400 most frequent English words (160,000), after a neutral word: none is read,
    whether or not they are a common bigram."""
    top = _top_words(400)
    read = [x for a, b in itertools.product(top, top) for x in _readings(reader, ["yesterday", a, b])]
    assert read == []


def test_after_a_word_that_introduces_a_complaint_frequent_words_give_no_red_flag_but_homophones(reader):
    """Pairs of the 150 most frequent words after "a", "having", "been", "I" and "is": no word heard as
    several gives a red flag; the only red-flag readings are a word said exactly as the lexicon's own
    (a homophone: "I past out", "been through up"), which is what a patient who wrote them meant."""
    top = _top_words(150)
    homophones = sound_alike.homophones()
    wrong = []
    for opener in ("a", "having", "been", "i", "is"):
        for a, b in itertools.product(top, top):
            doc = Doc(load().vocab, words=[opener, a, b])
            for r in reader.readings(doc):
                if lexicon.SYMPTOMS[r.symptom].level in RED_FLAG and not (
                    r.distance == 0 and any(w in homophones for w in (a, b))
                ):
                    wrong.append((opener, a, b, r.wording))
    assert wrong == []
