"""The labelled sets through the trained model and the triage rules (`make eval` prints the reports).

dev_set.yml: the lexicon was developed against it. holdout_set.yml and blind rounds 1 to 6: written blind
by people who never saw the lexicon or the rules; their first runs are in the README's evaluation table,
and they now guard against regressions. Each must keep: no under-triage, emergency recall >= 95 %,
over-triage of mild messages <= 10 %, and never an emergency for a mild message.
"""

import pytest

from eval.evaluate import REGRESSION_SETS, evaluate, metrics, report

# Every gated set (eval/evaluate.py REGRESSION_SETS, the one list), with the size it must keep at least: a
# set that loses messages fails here, and a newly gated set needs its floor written down.
MINIMUM_SIZE = {
    "dev_set": 300,
    "holdout_set": 150,
    "blind_round1": 300,
    "blind_round2": 300,
    "blind_round3": 300,
    "blind_round4": 250,
    "blind_round5": 200,
    "blind_round6": 300,
    "blind_round8": 300,
    "blind_round9": 300,
    "blind_round10": 300,
    "blind_round11": 300,
    "blind_round12": 300,
    "blind_round14": 300,
    "blind_round15": 300,
    "blind_round17": 300,
    "blind_round18": 300,
    "blind_round19": 320,
    "blind_round21": 320,
    "blind_round22": 320,
    "blind_round23": 320,
    "blind_round24": 320,
    "blind_round25": 320,
}
SETS = {path.stem.removesuffix("_set"): (path, MINIMUM_SIZE[path.stem]) for path in REGRESSION_SETS}


@pytest.fixture(scope="module")
def results(agent):
    return {name: evaluate(agent, path) for name, (path, _) in SETS.items()}


def test_the_dev_set_is_large_and_covers_every_level(results):
    assert {r.expected for r in results["dev"]} == {"none", "manage_at_home", "call_doctor_now", "emergency"}


@pytest.mark.parametrize("name", sorted(SETS))
def test_no_red_flag_message_is_under_triaged(results, name):
    path, size = SETS[name]
    assert len(results[name]) >= size
    under = [r for r in results[name] if r.under_triaged]
    assert not under, report(results[name], path)


@pytest.mark.parametrize("name", sorted(SETS))
def test_emergency_recall_and_over_triage_targets(results, name):
    m = metrics(results[name])
    assert m["emergency_recall"] >= 0.95, report(results[name], SETS[name][0])
    assert m["over_triage_of_mild"] <= 0.10, report(results[name], SETS[name][0])


@pytest.mark.parametrize("name", sorted(SETS))
def test_no_emergency_for_a_mild_message(results, name):
    assert metrics(results[name])["emergency_for_mild"] == 0, report(results[name], SETS[name][0])


def test_a_temperature_under_the_fever_mark_is_assessed_not_left_undecided(agent):
    import asyncio

    from eval.evaluate import level_of

    for text, level in (
        ("low grade temp of 37.4 this evening", "manage_at_home"),
        ("slightly warm, 37.1", "manage_at_home"),
        ("no rash, temp normal 36.8", "none"),
    ):
        assert level_of(asyncio.run(agent.parse_message(text))) == level, text
