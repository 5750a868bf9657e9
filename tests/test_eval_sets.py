"""The labelled dev set through the trained model and the triage rules (`make eval` prints the report)."""
import pytest

from eval.evaluate import HOLDOUT_SET, evaluate, metrics, report


@pytest.fixture(scope="module")
def results(agent):
    return evaluate(agent)


@pytest.fixture(scope="module")
def holdout(agent):
    return evaluate(agent, HOLDOUT_SET)


def test_the_dev_set_is_large_and_covers_every_level(results):
    assert len(results) >= 300
    assert {r.expected for r in results} == {"none", "manage_at_home", "call_doctor_now", "emergency"}


def test_no_red_flag_message_is_under_triaged(results):
    under = [r for r in results if r.under_triaged]
    assert not under, report(results)


def test_emergency_recall_and_over_triage_targets(results):
    m = metrics(results)
    assert m["emergency_recall"] >= 0.95, report(results)
    assert m["over_triage_of_mild"] <= 0.10, report(results)


def test_no_under_triage_on_the_set_written_blind(holdout):
    """Written without seeing the lexicon; first run: 9 under-triaged (README, Evaluation)."""
    assert len(holdout) >= 150
    assert not [r for r in holdout if r.under_triaged], report(holdout, HOLDOUT_SET)
    assert metrics(holdout)["emergency_recall"] >= 0.95, report(holdout, HOLDOUT_SET)
