"""Measures of the learned body-system layer (README "The learned second opinion").

    python -m eval.body_systems cv      # 5-fold cross-validation on the training corpus: the thresholds
    python -m eval.body_systems dev     # how often mild / symptom-free dev-set messages get a question
    python -m eval.body_systems blind   # which messages the rules under-triage get a targeted question
    python -m eval.body_systems levels  # the evaluator's figures with and without the learned questions
    python -m eval.body_systems speed   # prediction time per message

`cv` reads only data/body_systems/corpus.jsonl; `dev` and `blind` only run the trained model over an
evaluation set (nothing is learnt from them).
"""

import asyncio
import sys
import time
from pathlib import Path

import numpy as np
import yaml

from bot import system_checks
from bot.findings import Findings
from bot.lexicon import MANAGE_AT_HOME
from bot.triage import assess
from eval.evaluate import DEV_SET, ORDER, RED, ROOT, load_agent

CORPUS = ROOT / "data" / "body_systems" / "corpus.jsonl"
BLIND_SET = ROOT / "eval" / "sets" / "blind_round1.yml"
RED_SYSTEMS = list(system_checks.ASK_ABOUT)
FOLDS = 5


def read_texts() -> list[str]:
    from components.nlu.body_systems import read_corpus

    return read_corpus(CORPUS)[0]


def cross_validated_probabilities(folds: int = FOLDS) -> tuple[list[str], np.ndarray, np.ndarray]:
    from sklearn.model_selection import KFold
    from sklearn.preprocessing import MultiLabelBinarizer

    from components.nlu.body_systems import BodySystemModel, data_path, read_corpus, read_frames

    texts, labels = read_corpus(CORPUS)
    frames = read_frames(data_path({}, "frames"))  # always in training, never held out
    binarizer = MultiLabelBinarizer()
    y = binarizer.fit_transform(labels)
    classes = list(binarizer.classes_)
    p = np.zeros(y.shape)
    for train, test in KFold(folds, shuffle=True, random_state=0).split(texts):
        model = BodySystemModel.fit(
            [texts[i] for i in train] + frames, [labels[i] for i in train] + [["none"]] * len(frames)
        )
        for i in test:
            predicted = model.predict(texts[i])
            p[i] = [predicted.get(c, 0.0) for c in classes]
    return classes, y, p


def suggested(classes: list[str], p: np.ndarray, thresholds: dict[str, float]) -> np.ndarray:
    """messages x red systems: does the model see the system (bot/system_checks.py `sees`, the rules aside)."""
    rows = [dict(zip(classes, row, strict=True)) for row in p]
    return np.array([[system_checks.sees(s, row, thresholds) for s in RED_SYSTEMS] for row in rows])


def chosen_thresholds(classes: list[str], y: np.ndarray, p: np.ndarray, recall: float = 0.95) -> dict[str, float]:
    """Per red-flag system, the highest threshold (0.01 steps) with held-out recall >= `recall`."""
    chosen = {}
    for k, system in enumerate(RED_SYSTEMS):
        truth = y[:, classes.index(system)] == 1
        chosen[system] = next(
            (
                t
                for t in np.round(np.arange(0.99, 0.0, -0.01), 2)
                if (suggested(classes, p[truth], dict.fromkeys(RED_SYSTEMS, t))[:, k]).sum() >= recall * truth.sum()
            ),
            0.0,
        )
    return chosen


def not_a_report_threshold(classes: list[str], y: np.ndarray, p: np.ndarray, share: float = 0.005) -> float:
    """The lowest `none` probability (0.01 steps) at or above which at most `share` of the corpus messages
    that carry a red-flag system fall (held-out folds): above it, a message the rules read nothing in is
    not taken as a report (bot/dialogue.py `is_report`)."""
    red = y[:, [classes.index(s) for s in RED_SYSTEMS]].any(axis=1)
    none = p[:, classes.index("none")]
    return next((float(t) for t in np.round(np.arange(0.01, 1.0, 0.01), 2) if (none[red] >= t).mean() <= share), 1.0)


def not_a_report(classes: list[str], y: np.ndarray, p: np.ndarray) -> None:
    chosen = not_a_report_threshold(classes, y, p)
    print(f"\n'nothing to report' threshold (at most 0.5 % of red-flag messages at or above it): {chosen}")
    if chosen != system_checks.NOT_A_REPORT_THRESHOLD:
        print(f"  (bot/system_checks.py has {system_checks.NOT_A_REPORT_THRESHOLD}: the figures below are for that)")
    above = p[:, classes.index("none")] >= system_checks.NOT_A_REPORT_THRESHOLD
    red = y[:, [classes.index(s) for s in RED_SYSTEMS]].any(axis=1)
    none = y[:, classes.index("none")] == 1
    print(
        f"  at {system_checks.NOT_A_REPORT_THRESHOLD}: red-flag messages at or above it {above[red].mean():.2%} of {red.sum()}"
    )
    print(f"  other symptom messages (mild systems only) {above[~red & ~none].mean():.2%} of {(~red & ~none).sum()}")
    print(f"  'none' messages (nothing to report) {above[none].mean():.1%} of {none.sum()}")


def cv() -> None:
    classes, y, p = cross_validated_probabilities()
    truth = np.stack([y[:, classes.index(s)] == 1 for s in RED_SYSTEMS], axis=1)
    none = y[:, classes.index("none")] == 1
    print(f"{FOLDS}-fold cross-validation on {len(y)} corpus messages (held-out folds)\n")
    chosen = chosen_thresholds(classes, y, p)
    print("thresholds for held-out recall >= 0.95 per red-flag system:")
    print("THRESHOLDS = {" + ", ".join(f'"{k}": {v}' for k, v in chosen.items()) + "}")
    if chosen != system_checks.THRESHOLDS:
        print("  (bot/system_checks.py has other thresholds: the figures below are for those)")
    s = suggested(classes, p, system_checks.THRESHOLDS)
    print("\nat bot/system_checks.py's thresholds:")
    print("  system                 threshold  messages  precision  recall")
    for k, system in enumerate(RED_SYSTEMS):
        tp = (s[:, k] & truth[:, k]).sum()
        print(
            f"  {system:<22} {system_checks.THRESHOLDS[system]:>9.2f}  {truth[:, k].sum():>8}"
            f"  {tp / max(s[:, k].sum(), 1):>9.3f}  {tp / truth[:, k].sum():>6.3f}"
        )
    tp, fp, fn = (s & truth).sum(), (s & ~truth).sum(), (~s & truth).sum()
    print(f"  {'all red-flag systems':<22} {'':>9}  {truth.sum():>8}  {tp / (tp + fp):>9.3f}  {tp / (tp + fn):>6.3f}")
    print(f"  corpus 'none' messages given a question (the rules aside): {s[none].any(1).mean():.1%} of {none.sum()}")
    from bot.findings import extract
    from bot.triage import assess as assess_

    texts = [t for t, is_none in zip(read_texts(), none, strict=False) if is_none]
    asked = 0
    for text, row in zip(texts, p[none], strict=False):
        f = extract(text)
        asked += bool(
            system_checks.suggest(
                dict(zip(classes, row, strict=False)), f.symptoms, f.denied, f.asked_about, assess_(f).level
            )
        )
    print(f"  corpus 'none' messages given a question after the rules (denials, questions): {asked / len(texts):.1%}")
    print("\none global threshold instead (for comparison):")
    print("  threshold  min recall (system)            mean precision  'none' messages given a question")
    for threshold in np.round(np.arange(0.05, 0.61, 0.05), 2):
        s = suggested(classes, p, dict.fromkeys(RED_SYSTEMS, threshold))
        recall = (s & truth).sum(0) / truth.sum(0)
        precision = (s & truth).sum(0) / np.maximum(s.sum(0), 1)
        print(
            f"  {threshold:.2f}       {recall.min():.3f} ({RED_SYSTEMS[int(np.argmin(recall))]:<20})"
            f"   {precision.mean():.3f}           {s[none].any(1).mean():.1%}"
        )
    not_a_report(classes, y, p)


def parse_set(agent, labelled: Path) -> list[tuple[dict, dict]]:
    messages = yaml.safe_load(labelled.read_text())["messages"]

    async def run():
        return [await agent.parse_message(m["text"]) for m in messages]

    return list(zip(messages, asyncio.run(run()), strict=False))


def rules_level(parse_data: dict) -> str:
    """The level the rules alone give (evaluate.level_of, without the routing of a mere suggestion)."""
    findings = Findings.from_dict(parse_data.get("triage_findings"))
    if findings.is_empty:
        reported = parse_data.get("intent_before_scan") == "report_symptoms" and not findings.denied
        return RED[0] if reported else "none"
    return assess(findings).level


def dev(agent=None, labelled: Path = DEV_SET) -> None:
    agent = agent or load_agent()
    parsed = parse_set(agent, labelled)
    print(f"{labelled.name}: learned questions (to_check) per expected level")
    for level in ORDER:
        rows = [(m, p) for m, p in parsed if m["level"] == level]
        asked = [(m, p) for m, p in rows if p["triage_findings"]["to_check"]]
        print(
            f"  {level:<16} {len(asked):>3} of {len(rows):>3} messages ({len(asked) / max(len(rows), 1):.1%}),"
            f" {sum(len(p['triage_findings']['to_check']) for _, p in asked)} questions"
        )
    for level in ("none", MANAGE_AT_HOME):
        print(f"\n{level} messages given a question:")
        for m, p in parsed:
            if m["level"] == level and p["triage_findings"]["to_check"]:
                print(f"  {p['triage_findings']['to_check']}: {m['text']}")


def blind(agent=None, labelled: Path = BLIND_SET) -> None:
    agent = agent or load_agent()
    parsed = parse_set(agent, labelled)
    under = [(m, p) for m, p in parsed if m["level"] in RED and ORDER.index(rules_level(p)) < ORDER.index(m["level"])]
    print(f"{labelled.name}: {len(under)} red-flag messages the rules under-triage; the learned questions:")
    for m, p in under:
        print(
            f"  {m['level']} -> {rules_level(p)}; asks {p['triage_findings']['to_check'] or 'nothing'}"
            f" [{m.get('note', '')}]: {m['text']}"
        )


def levels(agent=None) -> None:
    """evaluate.py's figures per set, with the learned questions routed as symptom reports (as the
    evaluator counts them: a report with no known symptom is call_doctor_now) and without (rules alone)."""
    from eval.evaluate import HOLDOUT_SET, Result, level_of, metrics

    agent = agent or load_agent()
    keys = (
        "under_triage",
        "red_flag_sensitivity",
        "emergency_recall",
        "over_triage_of_mild",
        "false_disposition_on_no_symptom",
    )
    print(f"{'':<34}" + "".join(f"{k[:22]:>24}" for k in keys))
    for labelled in (DEV_SET, HOLDOUT_SET, BLIND_SET):
        parsed = parse_set(agent, labelled)
        for name, level in (("rules alone", rules_level), ("with learned questions", level_of)):
            m = metrics([Result(msg["text"], msg["level"], level(p)) for msg, p in parsed])
            print(
                f"{labelled.stem + ', ' + name:<34}"
                + "".join(f"{m[k]:>24}" if isinstance(m[k], int) else f"{m[k]:>24.1%}" for k in keys)
            )


def speed(n: int = 2000) -> None:
    import tempfile

    from components.nlu.body_systems import BodySystemModel, training_messages

    texts, labels = training_messages({})
    started = time.perf_counter()
    model = BodySystemModel.fit(texts, labels)
    trained = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as directory:
        model.save(Path(directory))
        model = BodySystemModel.load(Path(directory))
    messages = [texts[i % len(texts)] for i in range(n)]
    started, cpu = time.perf_counter(), time.process_time()
    for text in messages:
        model.predict(text)
    each, each_cpu = (time.perf_counter() - started) / n, (time.process_time() - cpu) / n
    print(
        f"training on {len(texts)} messages: {trained:.1f} s; prediction: {each * 1000:.3f} ms per message"
        f" ({each_cpu * 1000:.3f} ms of CPU; mean of {n}, mean length"
        f" {np.mean([len(t) for t in messages]):.0f} characters)"
    )


if __name__ == "__main__":
    commands = {"cv": cv, "dev": dev, "blind": blind, "levels": levels, "speed": speed}
    for name in sys.argv[1:] or ["cv", "speed"]:
        commands[name]()
