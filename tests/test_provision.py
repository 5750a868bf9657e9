"""A fresh machine: `make test` installs what the suite needs (scripts/provision), and CI runs only the
README's commands. The installs themselves are not repeated here: TRIAGE_PROVISION_ROOT points the script's
checks at a directory of our own, and --dry-run prints the apt commands instead of running them."""

import os
import re
import shutil
import stat
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "provision"
PACKAGES = ["chromium", "chromium-driver", "postgresql", "nginx", "redis-server"]
PROGRAMS = {
    "chromium": ["usr/bin/chromium"],
    "chromium-driver": ["usr/bin/chromedriver"],
    "postgresql": ["usr/lib/postgresql/15/bin/initdb", "usr/lib/postgresql/15/bin/postgres"],
    "nginx": ["usr/sbin/nginx"],
    "redis-server": ["usr/bin/redis-server"],
}


def provision(
    *args: str, root: Path | None = None, user: str | None = None, script: Path = SCRIPT
) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "TRIAGE_PROVISION_ROOT"}
    if root is not None:
        env["TRIAGE_PROVISION_ROOT"] = str(root)
    as_user = ["runuser", "-u", user, "--"] if user else []
    return subprocess.run(
        [*as_user, "bash", str(script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd="/",
    )


def machine_with(tmp_path: Path, *packages: str) -> Path:
    """A directory laid out like / with the programs of `packages` (empty executables)."""
    for package in packages:
        for program in PROGRAMS[package]:
            path = tmp_path / program
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("#!/bin/sh\n")
            path.chmod(0o755)
    return tmp_path


def test_nothing_to_do_on_a_provisioned_machine_and_it_is_quick():
    started = time.monotonic()
    done = provision("--dry-run")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", ""), "run `make test`: it installs what is missing"
    assert time.monotonic() - started < 2, "the check is a few file tests: `make test` runs it every time"


def test_on_a_fresh_machine_one_update_then_one_install_of_everything(tmp_path):
    done = provision("--dry-run", root=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "apt-get update -q",
        f"apt-get install -y -q --no-install-recommends {' '.join(PACKAGES)}",
    ]


@pytest.mark.parametrize("present", [["chromium", "chromium-driver"], ["postgresql", "nginx"], PACKAGES[1:]])
def test_only_what_is_missing_is_installed(tmp_path, present):
    done = provision("--dry-run", root=machine_with(tmp_path, *present))
    missing = [package for package in PACKAGES if package not in present]
    assert done.stdout.splitlines()[-1] == f"apt-get install -y -q --no-install-recommends {' '.join(missing)}"


def test_postgresql_needs_both_initdb_and_the_server(tmp_path):
    machine_with(tmp_path, *PACKAGES)
    (tmp_path / PROGRAMS["postgresql"][1]).unlink()
    done = provision("--dry-run", root=tmp_path)
    assert done.stdout.splitlines()[-1] == "apt-get install -y -q --no-install-recommends postgresql"


def test_not_root_one_message_naming_the_command_to_run():
    """As a user who is not root (`nobody` here), nothing is attempted: one message, exit 1."""
    user = None if os.geteuid() else "nobody"
    with tempfile.TemporaryDirectory() as empty:  # a fresh machine that user can look into
        Path(empty).chmod(0o755)
        copy = Path(empty) / "provision"  # the checkout may be where `nobody` cannot read
        shutil.copy(SCRIPT, copy)
        copy.chmod(copy.stat().st_mode | stat.S_IROTH | stat.S_IXOTH)
        done = provision(root=Path(empty), user=user, script=copy)
    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.rstrip().endswith(
        f"sudo apt-get update && sudo apt-get install -y --no-install-recommends {' '.join(PACKAGES)}"
    )


def test_make_test_and_test_load_provision_first():
    makefile = (ROOT / "Makefile").read_text()
    for target in ("test", "test-load", "test-clinic"):
        prerequisites = re.search(rf"^{target}:([^#\n]*)", makefile, re.MULTILINE).group(1).split()
        assert prerequisites[0] == "provision", target
    assert re.search(r"^provision:.*\n\t@?scripts/provision$", makefile, re.MULTILINE)


def test_ci_runs_only_the_readme_commands():
    readme = (ROOT / "README.md").read_text()
    lines = [line.split("#")[0].strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()[1:]]
    commands = [line for line in lines if line and not re.match(r"(set|cd|export) ", line)]
    assert commands[:2] == ["make test", "make test-load"], "the tests first, so that CI always reports them"
    for command in commands:
        assert re.fullmatch(r"make [a-z-]+", command), command
        assert f"`{command}`" in readme or f"\n{command} " in readme, f"{command} is not a README command"


def test_make_help_lists_every_target():
    makefile = (ROOT / "Makefile").read_text()
    targets = {name for line in re.findall(r"^\.PHONY:(.*)$", makefile, re.MULTILINE) for name in line.split()}
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAKE")}
    shown = subprocess.run(
        ["make", "-s", "--no-print-directory", "help"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    listed = [line.split()[1] for line in shown.splitlines()]
    assert sorted(listed) == sorted(targets)
    assert all(len(line.split(maxsplit=2)) == 3 for line in shown.splitlines()), "each target has its line"
