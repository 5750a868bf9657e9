"""`make bench`: the bot measured side by side with a baseline, in one run, on this machine.

Not a test: it prints and writes results and asserts nothing. Measures, for our config.yml and for
the `rasa init` default config (bench/baseline_config.yml), both trained on our data and domain
and served with our action server:
  - training time from a clean state (`rasa train --out <tmp>` with an empty training cache);
  - cold start: both processes launched -> first red-flag message answered over REST (through the
    action server);
  - NLU parse latency over HTTP (`/model/parse`, the bench's own server runs with --enable-api
    and a random --auth-token, on 127.0.0.1);
  - end-to-end REST latency of scripted triage conversations at 1, 8 and 32 concurrent
    conversations, and messages per second;
  - CPU time each server spends per message (less sensitive to a busy machine than wall time);
  - peak resident memory (VmHWM) of the Rasa server and of the action server;
  - where the time goes inside Rasa: milliseconds per message of each graph node (in-process);
  - the bot/ core alone (extract + assess) in messages per second.
Writes bench/results/latest.json, docs/benchmarks.md and docs/benchmark-latency.png.
"""

import argparse
import asyncio
import datetime as dt
import importlib.metadata
import itertools
import json
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp
import yaml

from bench import conversations
from bot.settings import setting
from tests.support import servers

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS = ROOT / "bench" / "results" / "latest.json"
CONFIGS = {"ours": ROOT / "config.yml", "baseline": ROOT / "bench" / "baseline_config.yml"}
LEVELS = (1, 8, 32)
START_TIMEOUT = 480  # seconds; the baseline's cold start on a busy 2-core machine takes minutes
PARSE_TOKEN = secrets.token_hex(16)


def log(*parts) -> None:
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


BENCH_ACTION_SECRET = secrets.token_hex(16)  # shared by the bench's servers (clinic/server_secrets.py)


def server_env(extra: dict | None = None) -> dict:
    """The tests' server environment (tests/support/servers.py), and the bench's own settings."""
    env = dict(
        servers.server_env(),
        PYTHONHASHSEED="0",
        TRIAGE_RATE_EXEMPT_IPS="127.0.0.1",  # the bench's own clients, all on the loopback
        TRIAGE_ACTION_SECRET=BENCH_ACTION_SECRET,
    )
    env.update(extra or {})
    return env


def percentiles(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ordered = sorted(values)

    def at(q: float) -> float:  # nearest-rank
        return ordered[min(len(ordered) - 1, max(0, int(round(q / 100 * len(ordered) + 0.5)) - 1))]

    return {
        "n": len(ordered),
        "p50": at(50),
        "p95": at(95),
        "p99": at(99),
        "max": ordered[-1],
        "mean": statistics.fmean(ordered),
    }


# ---------------------------------------------------------------- /proc


def proc_status(pid: int) -> dict:
    """VmHWM and VmRSS in MB of `pid` plus its descendants (Sanic with 1 worker has none)."""
    total = {"VmHWM": 0.0, "VmRSS": 0.0}
    for p in [pid] + descendants(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in total:
                    total[key] += int(value.split()[0]) / 1024
        except OSError:
            pass
    return {"peak_rss_mb": round(total["VmHWM"], 1), "rss_mb": round(total["VmRSS"], 1)}


def descendants(pid: int) -> list[int]:
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found += [int(child)] + descendants(int(child))
    except OSError:
        pass
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of `pid` and its descendants."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for p in [pid] + descendants(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
        except OSError:
            pass
    return total


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    meminfo = Path("/proc/meminfo").read_text()
    mem_kb = int(re.search(r"^MemTotal:\s*(\d+)", meminfo, re.M).group(1))

    def version(name: str) -> str | None:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return None

    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_model": model.group(1).strip() if model else platform.processor(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "versions": {
            n: version(n)
            for n in ("rasa", "rasa-sdk", "spacy", "tensorflow", "sanic", "scikit-learn", "sklearn-crfsuite", "aiohttp")
        },
        "sanic_workers": os.environ.get("SANIC_WORKERS", "1 (default)"),
        "action_server_sanic_workers": os.environ.get("ACTION_SERVER_SANIC_WORKERS", "1 (default)"),
    }


def git_state() -> dict:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    changed = [line[3:] for line in git("status", "--porcelain", "--untracked-files=no").splitlines()]
    return {"commit": git("rev-parse", "--short", "HEAD"), "modified_files": changed}


def loadavg() -> list[float]:
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


# ---------------------------------------------------------------- training


def train(name: str, config: Path, workdir: Path) -> dict:
    """`rasa train` from a clean state: a new output folder and an empty training cache."""
    out, cache, logfile = workdir / "models", workdir / f"cache-{name}", workdir / f"train-{name}.log"
    log(f"training {name} ({config.relative_to(ROOT)}) ...")
    start = time.perf_counter()
    with logfile.open("w") as output:
        process = subprocess.Popen(
            [str(BIN / "rasa"), "train", "--config", str(config), "--out", str(out), "--fixed-model-name", name],
            cwd=ROOT,
            env=server_env({"RASA_CACHE_DIRECTORY": str(cache)}),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    shutil.rmtree(cache, ignore_errors=True)
    model = out / f"{name}.tar.gz"
    if process.returncode != 0 or not model.exists():
        raise RuntimeError(f"training {name} failed:\n{logfile.read_text()[-3000:]}")
    result = {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "model_mb": round(model.stat().st_size / 2**20, 2),
        "components_s": component_times(logfile.read_text()),
    }
    log(f"  {name}: {seconds:.1f} s")
    return result | {"model": str(model)}


def component_times(text: str) -> dict:
    """Seconds per trained component, from the INFO lines of `rasa train` (1 s resolution)."""
    times, started = {}, {}
    pattern = re.compile(
        r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) INFO\s+rasa\.engine\.training\.hooks\s+-\s+"
        r"(Starting to train|Finished training) component '([^']+)'",
        re.M,
    )
    for stamp, what, name in pattern.findall(text.replace("\r", "\n")):
        moment = dt.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S").timestamp()
        if what.startswith("Starting"):
            started[name] = moment
        elif name in started:
            times[name] = times.get(name, 0) + moment - started.pop(name)
    return times


# ---------------------------------------------------------------- servers


class Bot:
    """One config's action server + Rasa server (REST and the HTTP API) on free loopback ports."""

    def __init__(
        self,
        name: str,
        model: Path,
        workdir: Path,
        rasa_args: list[str],
        rasa_env: dict,
        actions_env: dict,
        tracker_store: str = "project",
    ):
        self.name, self.model, self.workdir, self.tracker_store = name, model, workdir, tracker_store
        self.rasa_port, self.action_port = servers.free_port(), servers.free_port()
        self.rasa_args, self.rasa_env, self.actions_env = rasa_args, rasa_env, actions_env
        self.processes: dict[str, subprocess.Popen] = {}
        self.memory_after_start: dict = {}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def endpoints(self) -> Path:
        """The project's endpoints.yml, the action server at our port, the database a temp SQLite file."""
        endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text()) or {}
        endpoints["action_endpoint"] = {
            **(endpoints.get("action_endpoint") or {}),
            "url": f"http://127.0.0.1:{self.action_port}/webhook",
        }
        if self.tracker_store == "memory":
            endpoints.pop("tracker_store", None)
        path = self.workdir / f"endpoints-{self.name}.yml"
        path.write_text(yaml.safe_dump(endpoints))
        return path

    def env(self, extra: dict) -> dict:
        env = server_env({"TRIAGE_DATABASE_URL": f"sqlite:///{self.workdir / f'{self.name}.db'}", **extra})
        env.pop("TRIAGE_ESCALATION_URL", None)  # nothing leaves the machine
        return env

    def launch(self) -> None:
        endpoints = self.endpoints()
        self.processes["actions"] = subprocess.Popen(
            servers.action_server_command(self.action_port),
            cwd=ROOT,
            env=self.env(self.actions_env),
            stdout=(self.workdir / f"actions-{self.name}.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        self.processes["rasa"] = subprocess.Popen(
            [
                str(BIN / "rasa"),
                "run",
                "--model",
                str(self.model),
                "--interface",
                "127.0.0.1",
                "--port",
                str(self.rasa_port),
                "--endpoints",
                str(endpoints),
                "--credentials",
                str(ROOT / "credentials.yml"),
                "--enable-api",
                "--auth-token",
                PARSE_TOKEN,
                *self.rasa_args,
            ],
            cwd=ROOT,
            env=self.env(self.rasa_env),
            stdout=(self.workdir / f"rasa-{self.name}.log").open("w"),
            stderr=subprocess.STDOUT,
        )

    def check_alive(self) -> None:
        for role, process in self.processes.items():
            if process.poll() is not None:
                tail = (self.workdir / f"{role}-{self.name}.log").read_text()[-3000:]
                raise RuntimeError(f"{self.name} {role} server exited with {process.returncode}:\n{tail}")

    def memory(self) -> dict:
        return {role: proc_status(p.pid) for role, p in self.processes.items()}

    def cpu(self) -> dict:
        return {role: cpu_seconds(p.pid) for role, p in self.processes.items()}

    def stop(self) -> None:
        servers.stop_processes(*self.processes.values())


async def cold_start(bot: Bot, session: aiohttp.ClientSession) -> dict:
    """Launch both servers; time to each being up and to the first red-flag message answered."""
    marks: dict[str, float] = {}
    start = time.perf_counter()
    bot.launch()

    async def poll(name: str, attempt) -> None:
        while time.perf_counter() - start < START_TIMEOUT:
            bot.check_alive()
            try:
                if await attempt():
                    marks[name] = time.perf_counter() - start
                    return
            except (TimeoutError, aiohttp.ClientError):
                pass
            await asyncio.sleep(0.05)
        raise TimeoutError(f"{bot.name}: {name} not reached after {START_TIMEOUT} s")

    async def actions_up() -> bool:
        async with session.get(f"http://127.0.0.1:{bot.action_port}/health", timeout=2) as r:
            return r.status == 200

    async def rasa_up() -> bool:
        async with session.get(f"{bot.url}/", timeout=2) as r:
            return r.status == 200

    async def answered() -> bool:
        replies = await say(session, bot, f"bench-cold-{uuid.uuid4().hex[:12]}", "i cant breathe", timeout=30)
        return conversations.disposition(replies) is not None

    await asyncio.gather(poll("actions_up_s", actions_up), poll("rasa_up_s", rasa_up), poll("first_answer_s", answered))
    bot.memory_after_start = bot.memory()
    return {k: round(v, 2) for k, v in marks.items()}


async def say(session: aiohttp.ClientSession, bot: Bot, sender: str, text: str, timeout: float = 60) -> list:
    async with session.post(
        f"{bot.url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=timeout
    ) as response:
        response.raise_for_status()
        return await response.json()


# ---------------------------------------------------------------- load


async def parse_latency(bot: Bot, session: aiohttp.ClientSession, messages: list[str]) -> list[float]:
    """Sequential `/model/parse` calls (NLU only: no tracker, no policies, no actions)."""
    latencies = []
    for text in messages:
        start = time.perf_counter()
        async with session.post(
            f"{bot.url}/model/parse", params={"token": PARSE_TOKEN}, json={"text": text}, timeout=30
        ) as response:
            response.raise_for_status()
            await response.read()
        latencies.append((time.perf_counter() - start) * 1000)
    return latencies


async def conversation_load(
    bot: Bot, session: aiohttp.ClientSession, concurrency: int, seconds: float, max_conversations: int
) -> dict:
    """`concurrency` patients at once, each a new sender id, until `seconds` or `max_conversations`."""
    patients = itertools.cycle(conversations.PATIENTS)
    latencies: list[float] = []
    outcome = {"conversations": 0, "finished": 0, "as_expected": 0, "errors": 0}
    cpu_before = bot.cpu()
    start = time.perf_counter()
    deadline = start + seconds

    async def patient_loop(worker: int) -> None:
        while time.perf_counter() < deadline and outcome["conversations"] < max_conversations:
            outcome["conversations"] += 1
            patient = next(patients)
            sender = f"bench-{bot.name}-{uuid.uuid4().hex[:12]}"
            replies: list = []
            for turn in range(conversations.MAX_TURNS):
                text = conversations.next_message(patient, turn, replies)
                if text is None or time.perf_counter() >= deadline:
                    break
                sent = time.perf_counter()
                try:
                    replies = await say(session, bot, sender, text)
                except (TimeoutError, aiohttp.ClientError):
                    outcome["errors"] += 1
                    break
                latencies.append((time.perf_counter() - sent) * 1000)
            else:
                continue
            if text is None:  # the conversation ran its course
                outcome["finished"] += 1
                outcome["as_expected"] += conversations.disposition(replies) == patient.expected

    await asyncio.gather(*(patient_loop(i) for i in range(concurrency)))
    elapsed = time.perf_counter() - start
    bot.check_alive()  # a server that died mid-window would make the figures meaningless
    cpu_after = bot.cpu()
    return {
        "latencies_ms": latencies,
        "seconds": elapsed,
        **outcome,
        "cpu_s": {role: cpu_after[role] - cpu_before[role] for role in cpu_after},
    }


# ---------------------------------------------------------------- in-process pieces (own processes)


def run_json(module: str, *args: str, timeout: float = 600, env: dict | None = None) -> dict:
    output = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=env or server_env(),
        timeout=timeout,
        capture_output=True,
        text=True,
    )
    if output.returncode != 0:
        raise RuntimeError(f"{module} failed:\n{output.stderr[-3000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the run


def pool(windows: list[dict]) -> dict:
    latencies = [x for w in windows for x in w["latencies_ms"]]
    seconds = sum(w["seconds"] for w in windows)
    messages = len(latencies)
    cpu = {role: sum(w["cpu_s"][role] for w in windows) for role in windows[0]["cpu_s"]}
    summary = {
        "latency_ms": percentiles(latencies),
        "messages": messages,
        "seconds": round(seconds, 2),
        "msgs_per_s": messages / seconds if seconds else 0.0,
        "cpu_ms_per_message": {role: 1000 * c / messages if messages else None for role, c in cpu.items()},
    }
    for key in ("conversations", "finished", "as_expected", "errors"):
        summary[key] = sum(w[key] for w in windows)
    return summary


async def measure(args, workdir: Path, models: dict[str, Path]) -> dict:
    messages = [m["text"] for m in yaml.safe_load((ROOT / "eval" / "sets" / "dev_set.yml").read_text())["messages"]]
    results: dict = {name: {} for name in models}
    rasa_args = args.rasa_args.split() if args.rasa_args else []
    bots = {
        name: Bot(
            name, model, workdir, rasa_args if name == "ours" or args.args_for_both else [], {}, {}, args.tracker_store
        )
        for name, model in models.items()
    }
    connector = aiohttp.TCPConnector(limit=0, force_close=False)
    async with aiohttp.ClientSession(connector=connector) as session:
        try:
            for name, bot in bots.items():  # one at a time: the other is idle (or not yet started)
                log(f"cold start {name} ...")
                results[name]["cold_start"] = await cold_start(bot, session)
                log(f"  {name}: {results[name]['cold_start']}")
            names = list(bots)
            order = lambda i: names if i % 2 == 0 else names[::-1]  # noqa: E731  (ABBA: drift cancels)

            for name in names:  # warm-up: every patient once, untimed
                await conversation_load(bots[name], session, 1, 60, len(conversations.PATIENTS))

            log("NLU parse latency (/model/parse) ...")
            parse: dict = {name: [] for name in names}
            half = len(messages) // 2
            for i, chunk in enumerate((messages[:half], messages[half:], messages[half:], messages[:half])):
                for name in order(i):
                    parse[name] += await parse_latency(bots[name], session, chunk)
            for name in names:
                results[name]["parse_latency_ms"] = percentiles(parse[name])
                log(f"  {name}: {fmt_pct(results[name]['parse_latency_ms'])}")

            for level in LEVELS:
                log(f"end-to-end at {level} concurrent conversation(s) ...")
                windows: dict = {name: [] for name in names}
                for i in range(args.rounds * 2):
                    for name in order(i):
                        windows[name].append(
                            await conversation_load(
                                bots[name], session, level, args.seconds / 2, args.max_conversations
                            )
                        )
                for name in names:
                    results[name].setdefault("e2e", {})[str(level)] = summary = pool(windows[name])
                    log(
                        f"  {name}: {fmt_pct(summary['latency_ms'])}, {summary['msgs_per_s']:.1f} msg/s, "
                        f"{summary['as_expected']}/{summary['finished']} as expected, {summary['errors']} errors"
                    )

            for name, bot in bots.items():
                results[name]["memory"] = {"after_start": bot.memory_after_start, "after_load": bot.memory()}

            if args.nodes != "none":  # in its own process, against this config's action server
                for name, bot in bots.items():
                    if args.nodes == "ours" and name != "ours":
                        continue
                    log(f"where the time goes inside Rasa ({name}, in-process) ...")
                    results[name]["nodes"] = run_json(
                        "bench.nodes", str(bot.model), str(bot.endpoints()), "2", timeout=900, env=bot.env({})
                    )
        finally:
            for bot in bots.values():
                bot.stop()
    return results


def fmt_pct(p: dict) -> str:
    return f"p50 {p['p50']:.1f} / p95 {p['p95']:.1f} / p99 {p['p99']:.1f} ms (n={p['n']})" if p.get("n") else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=16, help="timed seconds per config per concurrency level")
    parser.add_argument("--rounds", type=int, default=1, help="ABBA rounds per level (each: 2 windows per config)")
    parser.add_argument("--max-conversations", type=int, default=5000, help="cap per window")
    parser.add_argument("--models", type=Path, help="reuse ours.tar.gz/baseline.tar.gz from here: no training")
    parser.add_argument("--ours-config", type=Path, default=CONFIGS["ours"], help="experiments: another config")
    parser.add_argument("--only", choices=("ours", "baseline"), help="experiments: one config only")
    parser.add_argument("--rasa-args", default="", help="experiments: extra `rasa run` flags for ours")
    parser.add_argument("--args-for-both", action="store_true", help="give --rasa-args to the baseline too")
    parser.add_argument(
        "--tracker-store",
        choices=("project", "memory"),
        default="project",
        help="endpoints.yml's tracker store (on a temp SQLite file), or Rasa's in-memory one",
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="the JSON of raw results")
    parser.add_argument("--no-report", action="store_true", help="do not write docs/benchmarks.md and the chart")
    parser.add_argument(
        "--nodes",
        choices=("ours", "both", "none"),
        default="ours",
        help="per-node timing inside Rasa (in-process); the baseline's model alone loads for minutes",
    )
    args = parser.parse_args()

    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    started = time.perf_counter()
    configs = {"ours": args.ours_config.resolve(), "baseline": CONFIGS["baseline"]}
    if args.only:
        configs = {args.only: configs[args.only]}
    results = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": machine(),
        "loadavg_start": loadavg(),
        "git": git_state(),
        "command": "make bench" if len(sys.argv) == 1 else "python -m bench.run " + " ".join(sys.argv[1:]),
        "configs": {n: str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p) for n, p in configs.items()},
        "settings": {
            "seconds_per_level": args.seconds,
            "rounds": args.rounds,
            "levels": LEVELS,
            "rasa_args": args.rasa_args,
            "tracker_store": args.tracker_store,
            "patients": [p.name for p in conversations.PATIENTS],
        },
    }
    log(
        f"machine: {results['machine']['nproc']} cores, {results['machine']['cpu_model']}, "
        f"load {results['loadavg_start']}"
    )

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        workdir = Path(tmp)
        log("bot/ core (extract + assess) ...")
        results["core"] = run_json("bench.core", "4")
        log(f"  {results['core']['extract_assess_msgs_per_s']:.0f} msg/s")

        results["training"], models = {}, {}
        for name, config in configs.items():
            if args.models:
                models[name] = args.models / f"{name}.tar.gz"
                continue
            results["training"][name] = train(name, config, workdir)
            models[name] = Path(results["training"][name].pop("model"))
        if args.models:
            results["training_skipped"] = str(args.models)

        results["servers"] = asyncio.run(measure(args, workdir, models))

        keep = ROOT / "bench" / "results" / "models"
        if not args.models and setting("TRIAGE_BENCH_KEEP_MODELS"):
            keep.mkdir(parents=True, exist_ok=True)
            for model in models.values():
                shutil.copy(model, keep / model.name)

    results["loadavg_end"] = loadavg()
    results["bench_seconds"] = round(time.perf_counter() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, default=str) + "\n")
    log(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    if not args.no_report:
        from bench import report

        for path in report.write(results):
            log(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    log(f"done in {results['bench_seconds'] / 60:.1f} min")


if __name__ == "__main__":
    main()
