"""Rasa NLU component: a learned body-system classifier, the recall net behind the rule layer.

It trains on its own corpus (`corpus` in config.yml: data/body_systems/corpus.jsonl, messages with
body-system labels written by someone who never saw the lexicon or the evaluation sets), not on
data/nlu. Character n-grams (char_wb 2-5, TF-IDF) and one logistic regression per system: it reads
unseen wordings and typos of a body system ("each breath takes real effort", "chset"), not symptoms.

Each message gets `body_systems` in its parse data: system -> probability. SymptomScanner turns the
red-flag systems the rules did not find into `Findings.to_check` (bot/system_checks.py): the bot then
asks one yes/no question. The model never decides a level.

The model is stored in Rasa's model storage as JSON and NumPy arrays (no pickle), and predicts with
NumPy alone: about 0.1 ms per message.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp import without_idioms
from bot.system_checks import PARSE_KEY

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]
NGRAMS = (2, 5)
C = 30.0  # inverse regularisation, chosen with the thresholds by cross-validation (eval/body_systems.py)
MIN_DF = 2


def _analyzer():
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(analyzer="char_wb", ngram_range=NGRAMS, lowercase=True).build_analyzer()


def read_corpus(path: Path) -> tuple[list[str], list[list[str]]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["text"] for r in rows], [list(r["labels"]) for r in rows]


def read_frames(path: Path) -> list[str]:
    """Greetings, sign-offs and bare questions: trained as "none" (no body system in them)."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def training_messages(config: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    texts, labels = read_corpus(data_path(config, "corpus"))
    frames = read_frames(data_path(config, "frames"))
    return texts + frames, labels + [["none"]] * len(frames)


class BodySystemModel:
    """Multi-label classifier: TF-IDF of character n-grams, one-vs-rest logistic regression."""

    def __init__(
        self, classes: list[str], vocabulary: dict[str, int], idf: np.ndarray, coef: np.ndarray, intercept: np.ndarray
    ) -> None:
        self.classes = classes
        self.vocabulary = vocabulary
        self.idf = idf.astype(np.float64)
        self.coef = np.ascontiguousarray(coef.T, dtype=np.float64)  # features x classes
        self.intercept = intercept.astype(np.float64)
        self._analyze = _analyzer()

    @classmethod
    def fit(cls, texts: list[str], labels: list[list[str]], c: float = C, min_df: int = MIN_DF) -> BodySystemModel:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import MultiLabelBinarizer

        binarizer = MultiLabelBinarizer()
        y = binarizer.fit_transform(labels)
        vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS, sublinear_tf=True, min_df=min_df)
        x = vectorizer.fit_transform(texts)
        coef, intercept = [], []
        for j in range(y.shape[1]):  # one-vs-rest; balanced weights: rare systems are not drowned out
            model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=1000, random_state=0)
            model.fit(x, y[:, j])
            coef.append(model.coef_[0])
            intercept.append(model.intercept_[0])
        vocabulary = {gram: int(i) for gram, i in vectorizer.vocabulary_.items()}
        return cls(list(binarizer.classes_), vocabulary, vectorizer.idf_, np.array(coef), np.array(intercept))

    def predict(self, text: str) -> dict[str, float]:
        counts = Counter(i for i in map(self.vocabulary.get, self._analyze(text)) if i is not None)
        if counts:
            index = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
            values = tf * self.idf[index]
            values /= math.sqrt(float(values @ values))
            scores = values @ self.coef[index] + self.intercept
        else:
            scores = self.intercept
        probabilities = 1.0 / (1.0 + np.exp(-scores))
        return {name: float(p) for name, p in zip(self.classes, probabilities, strict=False)}

    def save(self, directory: Path) -> None:
        (directory / "model.json").write_text(json.dumps({"classes": self.classes, "vocabulary": self.vocabulary}))
        np.save(directory / "idf.npy", self.idf)
        np.save(directory / "coef.npy", self.coef.T)
        np.save(directory / "intercept.npy", self.intercept)

    @classmethod
    def load(cls, directory: Path) -> BodySystemModel:
        meta = json.loads((directory / "model.json").read_text())
        arrays = {name: np.load(directory / f"{name}.npy", allow_pickle=False) for name in ("idf", "coef", "intercept")}
        return cls(meta["classes"], meta["vocabulary"], **arrays)


DEFAULTS = {"corpus": "data/body_systems/corpus.jsonl", "frames": "data/body_systems/frames.txt"}


def data_path(config: dict[str, Any], key: str) -> Path:
    path = Path(config.get(key) or DEFAULTS[key])
    return path if path.is_absolute() else ROOT / path


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class BodySystemClassifier(GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DEFAULTS, "C": C, "min_df": MIN_DF}

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Retrain when the corpus or the frames change (they are not part of Rasa's training data)."""
        return hashlib.sha256(b"".join(data_path(config, key).read_bytes() for key in DEFAULTS)).hexdigest()

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: BodySystemModel | None = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> BodySystemClassifier:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        texts, labels = training_messages(self._config)  # its own corpus, not data/nlu
        self._model = BodySystemModel.fit(texts, labels, c=self._config["C"], min_df=self._config["min_df"])
        with self._model_storage.write_to(self._resource) as directory:
            self._model.save(Path(directory))
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> BodySystemClassifier:
        try:
            with model_storage.read_from(resource) as directory:
                model = BodySystemModel.load(Path(directory))
        except ValueError:  # no trained model in the storage: the rules still run, without this net
            logger.warning("Body-system classifier has no trained model; no learned questions.")
            model = None
        return cls(config, model_storage, resource, model)

    def process(self, messages: list[Message]) -> list[Message]:
        if self._model is None:
            return messages
        for message in messages:
            try:
                doc = message.get(SPACY_DOCS[TEXT])  # the rule pipeline's doc: its idioms are known
                probabilities = self._model.predict(without_idioms(doc) if doc is not None else message.get(TEXT) or "")
            except Exception:  # fail safe: a fault here must never stop the rule layer after it
                logger.exception("Body-system classifier failed on a message; no learned questions for it.")
                continue
            message.set(PARSE_KEY, {k: round(v, 4) for k, v in probabilities.items()}, add_to_output=True)
        return messages
