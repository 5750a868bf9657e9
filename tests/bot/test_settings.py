"""bot/settings.py: one table of every environment variable, one parser, one error, checked at start-up."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot import settings
from bot.settings import RENAMED, VARIABLES, SettingsError, check, setting

ROOT = Path(__file__).resolve().parent.parent.parent
# Every file git tracks, as text (binary files and the lock left out).
TRACKED = [
    ROOT / name
    for name in subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    if not name.endswith((".png", ".tar.gz", ".lock", ".jsonl")) and (ROOT / name).is_file()
]


def project_text() -> dict[Path, str]:
    texts = {}
    for path in TRACKED:
        try:
            texts[path] = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
    return texts


def test_defaults_are_what_the_code_used_before():
    assert setting("TRIAGE_REQUEST_MAX_BYTES", {}) == 32 * 1024
    assert setting("TRIAGE_HEALTH_PROBE_SECONDS", {}) == 30
    assert setting("TRIAGE_ACTION_TIMEOUT_SECONDS", {}) == 5
    assert setting("TRIAGE_AUDIT_WAIT_SECONDS", {}) == 1.5
    assert setting("TRIAGE_RETENTION_DAYS", {}) == 90
    assert setting("TRIAGE_ESCALATION_BACKOFF_SECONDS", {}) == 5
    assert setting("TRIAGE_ESCALATION_MAX_BACKOFF_SECONDS", {}) == 600
    assert (
        setting("TRIAGE_DATABASE_URL", {}) is None
        and setting("TRIAGE_ESCALATION_URL", {"TRIAGE_ESCALATION_URL": " "}) is None
    )


def test_values_are_parsed_by_kind():
    assert setting("TRIAGE_RETENTION_DAYS", {"TRIAGE_RETENTION_DAYS": " 30 "}) == 30
    assert setting("TRIAGE_ACTION_TIMEOUT_SECONDS", {"TRIAGE_ACTION_TIMEOUT_SECONDS": "0.5"}) == 0.5
    exempt = setting("TRIAGE_RATE_EXEMPT_IPS", {"TRIAGE_RATE_EXEMPT_IPS": "127.0.0.1, ::1"})
    assert exempt == ("127.0.0.1", "::1")
    assert setting("TRIAGE_BENCH_KEEP_MODELS", {"TRIAGE_BENCH_KEEP_MODELS": "yes"}) is True
    assert setting("TRIAGE_ACTION_SECRET_FILE", {"TRIAGE_ACTION_SECRET_FILE": "/run/secrets/x"}) == "/run/secrets/x"


@pytest.mark.parametrize(
    ("name", "raw", "why"),
    [
        ("TRIAGE_RETENTION_DAYS", "zero", "expected a whole number"),
        ("TRIAGE_RETENTION_DAYS", "0", "must be at least 1"),
        ("TRIAGE_REQUEST_MAX_BYTES", "32k", "expected a whole number"),
        ("TRIAGE_ACTION_TIMEOUT_SECONDS", "0", "must be more than 0"),
        ("TRIAGE_ESCALATION_BACKOFF_SECONDS", "-1", "must be at least 0"),
        ("TRIAGE_HEALTH_PROBE_SECONDS", "nan", "expected a number of seconds"),
        ("TRIAGE_HIGH_FEVER_CELSIUS", "100.4", "must be at most 40"),  # °F given for °C would silence every fever
        ("TRIAGE_TIME_ZONE", "Mars/Olympus", "expected an IANA time zone such as America/New_York"),
        ("TRIAGE_BENCH_KEEP_MODELS", "maybe", "expected true or false"),
    ],
)
def test_a_bad_value_is_one_error_naming_the_variable_and_the_value(name, raw, why):
    with pytest.raises(SettingsError) as caught:
        setting(name, {name: raw})
    assert str(caught.value) == f"{name}={raw!r}: {why}"
    assert caught.value.name == name and caught.value.value == raw


def test_check_refuses_old_names_typos_and_bad_clinic_files(tmp_path):
    check({})  # the defaults and clinic.yml are good
    for old, new in RENAMED.items():
        with pytest.raises(SettingsError, match=f"^{old}=.*no longer read: it is now {new}$"):
            check({old: "x"})
    typo = "TRIAGE_RETENTION_DAYS"[:-1]  # spelled so, the scan below does not find it in this file
    with pytest.raises(SettingsError, match=rf"^{typo}='30': not a setting"):
        check({typo: "30"})
    with pytest.raises(SettingsError, match=r"^TRIAGE_RATE_IP_BURST='lots'"):
        check({"TRIAGE_RATE_IP_BURST": "lots"})
    with pytest.raises(SettingsError, match=r"^TRIAGE_HIGH_FEVER_CELSIUS='hot'"):
        check({"TRIAGE_HIGH_FEVER_CELSIUS": "hot"})
    clinic = tmp_path / "clinic.yml"
    good = (ROOT / "clinic.yml").read_text()
    clinic.write_text(good.replace("high_fever_celsius: 38.0", "high_fever_celsius: 101"))
    with pytest.raises(SettingsError, match=r"^clinic.yml high_fever_celsius=101: must be at most 40$"):
        check({"TRIAGE_CLINIC_SETTINGS": str(clinic)})
    clinic.write_text(good + "clinic_fax: 1\n")
    with pytest.raises(SettingsError, match=r"^clinic.yml clinic_fax=1: not a setting"):
        check({"TRIAGE_CLINIC_SETTINGS": str(clinic)})
    with pytest.raises(SettingsError, match="no such file"):
        check({"TRIAGE_CLINIC_SETTINGS": str(tmp_path / "missing.yml")})


def test_a_secret_is_never_shown_in_an_error():
    with pytest.raises(SettingsError) as caught:
        check({"RASA_AUTH_TOKEN": "s3cr3t-token"})
    assert "s3cr3t-token" not in str(caught.value) and "TRIAGE_API_TOKEN" in str(caught.value)


def test_a_clinic_setting_is_overridden_by_its_triage_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("TRIAGE_HIGH_FEVER_CELSIUS", "38.5")
    monkeypatch.setenv("TRIAGE_TIME_ZONE", "Europe/London")
    loaded = settings.load_settings()
    assert (loaded.high_fever_celsius, loaded.time_zone) == (38.5, "Europe/London")
    other = tmp_path / "clinic.yml"
    other.write_text((ROOT / "clinic.yml").read_text().replace("Riverside Infusion Clinic", "Hillside Clinic"))
    monkeypatch.setenv("TRIAGE_CLINIC_SETTINGS", str(other))
    assert settings.load_settings().clinic_name == "Hillside Clinic"


def test_every_triage_name_in_the_project_is_declared_and_no_old_name_is_left():
    declared = {v.name for v in VARIABLES} | {v.name + "_FILE" for v in VARIABLES if v.file_variant}
    undeclared, old_names = [], []
    for path, text in project_text().items():
        for name in set(re.findall(r"\bTRIAGE_[A-Z0-9_]*", text)):
            if name.endswith("_"):  # a family, as in TRIAGE_RATE_*
                if not any(d.startswith(name) for d in declared):
                    undeclared.append((path.name, name))
            elif name not in declared:
                undeclared.append((path.name, name))
        if path.name in ("settings.py", "test_settings.py") or path == ROOT / "README.md":
            continue  # the table of old names, this test, and README's sentence naming them
        for old in RENAMED:
            if re.search(rf"(?<![A-Z_]){old}(?![A-Z_])", text) and not (
                path.name == "Makefile" and "no longer read" in text
            ):
                old_names.append((path.name, old))
    assert not undeclared, undeclared
    assert not old_names, old_names


def test_only_bot_settings_reads_the_projects_variables():
    """No module parses a TRIAGE_ variable of its own: each goes through bot.settings.setting."""
    reading = re.compile(r"""(?:os\.environ\.get|os\.getenv|os\.environ\[|environ\.get)\(?\s*["'](TRIAGE_\w+)""")
    readers = []
    for path, text in project_text().items():
        if path.suffix != ".py" or path == ROOT / "bot" / "settings.py":
            continue
        # The outbound-connection guard runs before anything else in its process and imports nothing of ours.
        if path.name == "sitecustomize.py":
            continue
        readers += [(str(path.relative_to(ROOT)), name) for name in reading.findall(text)]
    assert not readers, readers


def test_the_readme_table_is_the_modules():
    result = subprocess.run(
        [sys.executable, "scripts/write_settings_table", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
    assert settings.markdown_table() in (ROOT / "README.md").read_text()


def test_the_makefile_default_origins_are_the_tables():
    makefile = (ROOT / "Makefile").read_text()
    default = re.search(r"^TRIAGE_CLINIC_ORIGINS \?= (.+)$", makefile, re.M).group(1).split()
    assert tuple(default) == setting("TRIAGE_CLINIC_ORIGINS", {})


def _env(**extra: str) -> dict:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIAGE_")}
    return {**env, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false", **extra}


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "components.launch", "run", "--model", "models/triage.tar.gz", "--port", "1"],
        [str(Path(sys.executable).parent / "rasa"), "run", "actions", "--actions", "actions", "--port", "1"],
        [sys.executable, "-m", "clinic", "status"],
    ],
    ids=["rasa-server", "action-server", "clinic-cli"],
)
def test_each_start_up_path_stops_on_a_bad_value_with_one_message(command):
    result = subprocess.run(
        command, cwd=ROOT, env=_env(TRIAGE_RETENTION_DAYS="zero"), capture_output=True, text=True, timeout=180
    )
    assert result.returncode != 0
    message = "configuration error: TRIAGE_RETENTION_DAYS='zero': expected a whole number (README 'Configuration')"
    assert message in result.stderr.splitlines(), result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
