"""Rasa's own conversation test: the test stories through NLU and the policies, no prediction errors."""

import subprocess
import sys
from pathlib import Path

from tests.support.servers import MODEL, ROOT, server_env


def test_rasa_test_stories_have_no_prediction_errors(tmp_path):
    rasa = str(Path(sys.executable).parent / "rasa")
    result = subprocess.run(
        [
            rasa,
            "test",
            "core",
            "--model",
            str(MODEL),
            "--stories",
            "tests/test_stories.yml",
            "--fail-on-prediction-errors",
            "--out",
            str(tmp_path),
        ],
        cwd=ROOT,
        env=server_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
