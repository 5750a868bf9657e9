"""Spelling that knows English, ConText (negation, history, hypothetical, someone else), and body-system
generalisation (bot/nlp.py over bot/context_rules.py and bot/body_systems.py)."""

import itertools

import pytest

from bot import context_rules, lexicon, version
from bot.findings import extract
from bot.nlp import english_words, load
from bot.triage import assess

# ---------------------------------------------------------------- spelling


def _real_words(n: int) -> list[str]:
    """The n most frequent words of symspellpy's English dictionary (its file is in frequency order)."""
    return [w for w in itertools.islice(english_words(), n) if w.isalpha()]


def test_no_english_word_is_ever_corrected_into_a_symptom():
    """The 50,000 most common English words, each on its own: the spelling component changes none of
    them, and a symptom span is found only where the word itself is one of the lexicon's words."""
    nlp = load()
    words = _real_words(50_000)
    assert len(words) > 45_000
    single_word_phrases = {p for s in lexicon.SYMPTOMS.values() for p in s.phrases if p.isalpha()}
    invented = []
    spelling, matcher = nlp.get_pipe("symptom_spelling"), nlp.get_pipe("symptom_matcher")  # what makes spans
    for chunk in range(0, len(words), 500):
        text = " . ".join(words[chunk : chunk + 500])
        doc, plain = matcher(spelling(nlp.make_doc(text))), nlp.make_doc(text)
        changed = [
            (t.text, t.norm_)
            for t, p in zip(doc, plain)
            if t.is_alpha and t.norm_ != p.norm_ and t.lower_ not in ("nt", "did", "does", "m")
        ]
        invented += changed
        invented += [
            (s.text, s.label_)
            for s in doc.spans["symptoms"]
            if " " not in s.text and s.text.lower() not in single_word_phrases
        ]
    assert not invented, invented[:20]


@pytest.mark.parametrize(
    "text",
    [
        "the cooking smells turn my stomach a bit",
        "the heating's broken so I'm shivery",
        "I was poking at the needle spot",
        "just checking in",
        "shouting at the telly",
        "the infusion suite was lovely",
        "heating up some soup",
        "lol tbh thx pls omg",
    ],
)
def test_real_words_keep_their_meaning(text):
    findings = extract(text)
    assert not findings.symptoms & {
        "severe_breathing_difficulty",
        "vomiting",
        "crushing_chest_pain",
        "persistent_vomiting",
    }
    assert assess(findings).level != "emergency"


@pytest.mark.parametrize(
    "typo, word",
    [
        ("vomitting", "vomiting"),
        ("tounge", "tongue"),
        ("swolen", "swollen"),
        ("brethe", "breathe"),
        ("nek", "neck"),
        ("headach", "headache"),
        ("cheast", "chest"),
        ("breathin", "breathing"),
        ("nautious", "nauseous"),
    ],
)
def test_misspelt_words_are_corrected_towards_the_lexicon(typo, word):
    assert load()(typo)[0].norm_ == word


# ---------------------------------------------------------------- context


def test_the_rule_table_is_readable_data():
    assert context_rules.VERSION
    categories = {
        context_rules.NEGATED,
        context_rules.POSSIBLE,
        context_rules.HYPOTHETICAL,
        context_rules.HISTORICAL,
        context_rules.PAST,
        context_rules.RESOLVED,
        context_rules.IDIOM,
        context_rules.ANY,
    }
    directions = {
        context_rules.FORWARD,
        context_rules.BACKWARD,
        context_rules.BIDIRECTIONAL,
        context_rules.TERMINATE,
        context_rules.PSEUDO,
    }
    assert len(context_rules.RULES) >= 60
    for phrase, category, direction, scope in context_rules.RULES:
        assert phrase and category in categories and direction in directions and scope >= 0
    assert version.fingerprint()  # the rule tables are part of the fingerprint recorded with each disposition


def test_a_denied_degree_keeps_the_symptom():
    findings = extract("it's not the worst headache I've had, just a nagging one")
    assert "headache" in findings.symptoms
    assert "worst_headache" in findings.denied and "worst_headache" not in findings.symptoms


def test_not_crushing_is_still_chest_pain():
    findings = extract("pressure in the middle of my chest, not crushing or anything, just heavy-ish")
    assert "chest_tightness" in findings.symptoms and "crushing_chest_pain" not in findings.symptoms


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("had a tummy bug and vomited before my infusion, fine since", "vomiting"),
        ("had a vomiting bug last week, all better now", "vomiting"),
        ("had a migraine back in 2019, do I need to mention that?", "headache"),
        ("The rash I had in January is long gone", "rash"),
        ("last time I got headaches", "headache"),
    ],
)
def test_historical_symptoms_are_not_present(text, symptom):
    assert symptom not in extract(text).symptoms


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("I vomited twice last night", "vomiting"),  # recent: counts
        ("threw up last week and I'm still throwing up", "vomiting"),  # not over
        ("had a headache before my infusion and now I can't breathe", "severe_breathing_difficulty"),
        ("I had chest pain an hour ago, it's gone now", "chest_tightness"),  # a red flag that passed still counts
        ("I vomited before the drip finished", "vomiting"),  # during the infusion, not before it
    ],
)
def test_recent_or_ongoing_symptoms_stay(text, symptom):
    assert symptom in extract(text).symptoms


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("if I get chills tonight is paracetamol ok", "chills"),
        ("What number do I ring if my lips swell up? asking just in case", "throat_or_face_swelling"),
        ("do people usually get headaches after ivig?", "headache"),
    ],
)
def test_hypothetical_symptoms_are_asked_about(text, symptom):
    findings = extract(text)
    assert symptom not in findings.symptoms and symptom in findings.asked_about


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("no fever but I'm vomiting", "vomiting", "fever"),
        ("no headache, however my chest is tight", "chest_tightness", "headache"),
        ("no rash apart from that I feel dizzy", "dizziness", "rash"),
        ("my husband wondered if I'm confused, but I'm not, just sleepy", "tiredness", "confusion"),
        ("not only a headache but I threw up", "vomiting", None),
        ("it's nothing like a normal headache, it's much worse", "headache", None),
    ],
)
def test_terminations_and_pseudo_triggers(text, present, absent):
    findings = extract(text)
    assert present in findings.symptoms
    assert absent is None or absent not in findings.symptoms


@pytest.mark.parametrize(
    "text",
    [
        "the car park pay machine is a right headache",
        "sick of waiting on hold tbh",
        "coughing up money for parking again",
        "dying to know if I can go to work",
        "checking whether my bloods are back",
    ],
)
def test_idioms_are_not_symptoms(text):
    findings = extract(text)
    assert not findings.symptoms and not findings.unknown_symptom


# ---------------------------------------------------------------- who has the symptom


@pytest.mark.parametrize(
    "text",
    [
        "my toddler was sick on the sofa (she's fine, no infusion for her), anyway are you open Saturday?",
        "my dog's been vomiting all morning, nothing to do with me lol",
        "my sister has a fever but she didn't have the infusion, is she ok to visit me?",
        "my wife's been coughing all week but she's not the one on IVIG, I am, and I'm fine",
    ],
)
def test_someone_elses_symptom_is_not_the_patients(text):
    findings = extract(text)
    assert not findings.symptoms and not findings.unknown_symptom


@pytest.mark.parametrize(
    "text, symptom, subject",
    [
        ("my husband had his infusion and can't breathe", "severe_breathing_difficulty", "he"),
        ("Mum had her immunoglobulin on Tuesday, tonight she is really confused", "confusion", "she"),
        ("my wee boy is shaking all over and his eyes rolled back, he's not answering me", "seizure", "he"),
        ("my toddler was sick on the sofa, anyway are you open Saturday?", "vomiting", None),  # unsure: kept
    ],
)
def test_a_caregiver_writing_about_the_patient_keeps_the_symptom(text, symptom, subject):
    findings = extract(text)
    assert symptom in findings.symptoms
    assert subject is None or findings.subject == subject


def test_the_writers_own_symptom_beside_someone_elses():
    findings = extract(
        "my toddler was sick on the sofa earlier (she's fine, no infusion for her), "
        "anyway I've just got a bit of a headache after my IVIG"
    )
    assert findings.symptoms == {"headache"} and findings.subject is None


# ---------------------------------------------------------------- body systems


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("like there's a weight stopping my lungs filling", "breathing_difficulty"),
        ("each breath takes effort", "breathing_difficulty"),
        ("I'm puffing just sitting here", "breathing_difficulty"),
        ("a squeaky noise when I breathe", "breathing_difficulty"),
        ("air isn't going in properly", "breathing_difficulty"),
        ("feels like a band squeezing round my ribs", "chest_tightness"),
        ("only been to the loo once since yesterday", "little_or_no_urine"),
        ("the rash has doubled overnight", "severe_rash"),
        ("really drowsy and hard to wake up", "fainting"),
        ("numb all down my left side", "stroke_signs"),
        ("the right side of his mouth isn't moving like the left", "stroke_signs"),
        ("nothing I'm saying makes sense", "confusion"),
        ("everything went black and I woke up on the bathroom floor", "fainting"),
        ("feels like a golf ball stuck in my throat", "throat_or_face_swelling"),
        ("my calf is hot and puffy", "swollen_painful_limb"),
    ],
)
def test_an_abnormal_description_of_a_red_flag_system(text, symptom):
    findings = extract(text)
    assert symptom in findings.symptoms
    assert assess(findings).is_red_flag


@pytest.mark.parametrize(
    "text, symptom",
    [
        ("the needle site's a tiny bit swollen and bruised", "infusion_site_irritation"),
        ("arm is a bit puffy and red where they put the line in", "infusion_site_irritation"),
        ("aching legs, like after a long walk", "muscle_aches"),
        ("the cooking smells turn my stomach a bit", "nausea"),
        ("low on energy today", "tiredness"),
        ("thumping head this morning", "headache"),
        ("teeth chattering under the duvet", "chills"),
        ("feel like rubbish", "flu_like_symptoms"),
    ],
)
def test_a_mild_system_in_new_words_is_that_mild_symptom(text, symptom):
    findings = extract(text)
    assert symptom in findings.symptoms and not findings.unknown_symptom
    assert assess(findings).level == "manage_at_home"


@pytest.mark.parametrize(
    "text",
    [
        "my breathing is fine",
        "breathing's ok",
        "pee looks normal",
        "no swelling anywhere",
        "my breathing isn't laboured",
        "no trouble with my chest",
    ],
)
def test_a_normal_or_denied_description_is_no_sign(text):
    assert not assess(extract(text)).is_red_flag


def test_a_more_serious_reading_is_never_hidden_by_a_milder_phrase():
    assert "throat_or_face_swelling" in extract("my face is puffing up").symptoms


def test_a_swollen_arm_that_is_not_the_drip_arm_is_a_swollen_limb():
    findings = extract("my right arm (not the drip arm) is swollen from the elbow up to the shoulder")
    assert "swollen_painful_limb" in findings.symptoms


def test_an_itch_of_the_eyes_is_no_rash():
    findings = extract("eyes are red and itchy and gritty")
    assert "rash" not in findings.symptoms and findings.unknown_symptom


@pytest.mark.parametrize(
    "phrase, message, unknown",
    [
        (
            "paracetamol seems to be helping",
            "bit of a headache, paracetamol seems to be helping",
            False,
        ),  # no complaint
        ("my ears feel full", "my ears feel full", True),  # a body part
        ("knees", "a bit achy in her hips and knees", False),  # said of a recognised symptom
        ("eyes are red", "eyes are red and itchy, and a headache", True),
    ],
)
def test_the_unknown_net_fires_on_complaints_not_ordinary_words(phrase, message, unknown):
    from bot.nlp import names_a_complaint

    doc = load()(message)
    start = message.index(phrase.split()[0])
    present = bool(extract(message).symptoms)
    assert names_a_complaint(doc, start, start + len(phrase), strong_only=present) is unknown


@pytest.mark.parametrize(
    "text", ["got the runs since my infusion", "pins and needles in my feet", "burning when I pee"]
)
def test_complaints_of_several_words_are_unknown_symptoms(text):
    assert extract(text).unknown_symptom


@pytest.mark.parametrize(
    "text, celsius", [("temp thirty-nine point two, had IVIG Monday", 39.2), ("a hundred and one F", 38.3)]
)
def test_a_temperature_in_words(text, celsius):
    assert extract(text).temperature_c == pytest.approx(celsius, abs=0.05)
