"""The learned body-system classifier (components/nlu/body_systems.py), alone and in the trained model."""

import asyncio

import numpy as np
import pytest
from rasa.shared.nlu.training_data.message import Message

from bot import system_checks
from bot.system_checks import ASK_ABOUT, PARSE_KEY
from components.nlu.body_systems import BodySystemClassifier, BodySystemModel, read_corpus
from eval.body_systems import CORPUS


def parse(agent, text: str) -> dict:
    return asyncio.run(agent.parse_message(text))


@pytest.fixture(scope="module")
def small_corpus():
    texts, labels = read_corpus(CORPUS)
    return texts[:400], labels[:400]


def test_numpy_prediction_equals_scikit_learn(small_corpus):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import MultiLabelBinarizer

    texts, labels = small_corpus
    model = BodySystemModel.fit(texts, labels)
    binarizer = MultiLabelBinarizer()
    y = binarizer.fit_transform(labels)
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
    x = vectorizer.fit_transform(texts)
    probes = ["each breath takes real effort", "MY CHSET IS TIGHT!!", "", "😷", texts[3]]
    for j, name in enumerate(binarizer.classes_):
        reference = LogisticRegression(
            C=30.0, class_weight="balanced", solver="liblinear", max_iter=1000, random_state=0
        ).fit(x, y[:, j])
        expected = reference.predict_proba(vectorizer.transform(probes))[:, 1]
        assert np.allclose([model.predict(p)[name] for p in probes], expected, atol=1e-9), name


def test_the_model_is_stored_without_pickle(small_corpus, tmp_path):
    model = BodySystemModel.fit(*small_corpus)
    model.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coef.npy", "idf.npy", "intercept.npy", "model.json"]
    loaded = BodySystemModel.load(tmp_path)  # np.load(allow_pickle=False)
    assert loaded.predict("my pee is dark") == model.predict("my pee is dark")


def test_the_corpus_is_part_of_the_fingerprint(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"text": "my chest is tight", "labels": ["chest"]}\n')
    before = BodySystemClassifier.fingerprint_addon({"corpus": str(corpus)})
    corpus.write_text('{"text": "my chest is tight", "labels": ["chest"]}\n{"text": "hi", "labels": ["none"]}\n')
    assert BodySystemClassifier.fingerprint_addon({"corpus": str(corpus)}) != before


def test_a_fault_in_the_model_never_stops_the_message():
    class Broken:
        def predict(self, text):
            raise RuntimeError("broken")

    component = BodySystemClassifier(BodySystemClassifier.get_default_config(), None, None, Broken())
    message = Message(data={"text": "my chest is tight"})
    assert component.process([message]) == [message]
    assert message.get(PARSE_KEY) is None


# ---- through the trained model (make train)


def test_every_message_gets_system_probabilities(agent):
    probabilities = parse(agent, "hello")[PARSE_KEY]
    assert set(ASK_ABOUT) | {"none"} <= set(probabilities)
    assert all(0.0 <= p <= 1.0 for p in probabilities.values())


@pytest.mark.parametrize(
    "text, asks",
    [
        ("each breath takes real effort", "breathing_difficulty"),
        ("like there's a weight stopping my lungs filling", "breathing_difficulty"),
        ("feels like a band squeezing round my ribs", "chest_tightness"),
        ("really drowsy and hard to wake up", "fainting"),
        ("my right calf has blown up and it's hot to touch", "swollen_painful_limb"),
    ],
)
def test_a_red_flag_in_words_the_rules_miss_gets_a_targeted_question(agent, text, asks):
    """Written when the rules missed these; the rule layer's body systems now read some of them, so the
    model is also asked on its own (as if the rules had found nothing) whether it would have asked."""
    result = parse(agent, text)
    findings = result["triage_findings"]
    assert result["intent"]["name"] in ("report_symptoms", "report_emergency")  # so that the dialogue acts on it
    if asks in findings["symptoms"]:  # the rules read it: the model still sees the system
        assert asks in system_checks.suggest(result["body_systems"], frozenset())
    else:
        assert asks in findings["to_check"]  # a question, never a finding


@pytest.mark.parametrize(
    "text",
    [
        "bit of a headache",
        "no trouble breathing, feeling fine",
        "hello",
        "what time do you open on saturday?",
        "a little tired today but otherwise ok",
    ],
)
def test_a_mild_or_symptom_free_message_gets_no_red_flag_question(agent, text):
    assert parse(agent, text)["triage_findings"]["to_check"] == []


def test_a_red_flag_the_rules_found_gets_no_extra_question(agent):
    findings = parse(agent, "i threw up twice")["triage_findings"]
    assert "vomiting" in findings["symptoms"] and "vomiting" not in findings["to_check"]
