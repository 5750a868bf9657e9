"""The labelled dev set through the trained model and the triage rules (`make eval` prints the report)."""
import pytest

from tests.dev_eval import evaluate, metrics, report


@pytest.fixture(scope="module")
def results(agent):
    return evaluate(agent)


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
