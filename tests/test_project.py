"""Project-level checks: one source for clinic settings, telemetry off, clean Rasa data."""

import subprocess
import sys
from pathlib import Path

import yaml

from bot.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_domain_clinic_defaults_match_clinic_settings():
    slots = yaml.safe_load((ROOT / "domain.yml").read_text())["slots"]
    settings = yaml.safe_load((ROOT / "clinic.yml").read_text())
    for name in ("clinic_name", "clinic_phone", "emergency_number"):
        assert slots[name]["initial_value"] == settings[name]


def test_the_widget_limit_is_the_servers():
    """web/src/config.js's MAX_MESSAGE_CHARS is components/channels/input_checks.py's (issue 15, point 2)."""
    import re

    from components.channels.input_checks import MAX_MESSAGE_CHARS

    config = (ROOT / "web" / "src" / "config.js").read_text()
    assert re.search(r"export const MAX_MESSAGE_CHARS = (\d+);", config).group(1) == str(MAX_MESSAGE_CHARS)


def test_environment_overrides_a_clinic_setting(monkeypatch):
    monkeypatch.setenv("CLINIC_PHONE", "+1 555 0199")
    assert load_settings().clinic_phone == "+1 555 0199"


def test_telemetry_is_off_wherever_rasa_runs():
    assert "RASA_TELEMETRY_ENABLED := false" in (ROOT / "Makefile").read_text()
    assert "RASA_TELEMETRY_ENABLED=false" in (ROOT / ".ci" / "run").read_text()
    assert 'RASA_TELEMETRY_ENABLED="false"' in (ROOT / "tests" / "conftest.py").read_text()


def test_bot_core_has_no_rasa_imports():
    for path in (ROOT / "bot").glob("*.py"):
        text = path.read_text()
        assert "import rasa" not in text and "from rasa" not in text, path


def test_spacy_pipeline_on_disk_matches_the_code():
    from bot.nlp import COMPONENTS

    saved = (ROOT / "bot" / "spacy_pipeline" / "config.cfg").read_text()
    assert f"pipeline = {list(COMPONENTS)}".replace("'", '"').replace(", ", ",") in saved


def test_rasa_data_validates_without_warnings_that_fail():
    rasa = Path(sys.executable).parent / "rasa"
    result = subprocess.run(
        [str(rasa), "data", "validate", "--fail-on-warnings", "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
