"""docs/benchmarks.md and docs/benchmark-latency.png from the raw results (bench/results/latest.json).

`python -m bench.report [results.json]` rewrites both from a results file; `bench/run.py` calls
`write` at the end of a run. Every figure in the page comes from the results file; the only text
not generated is bench/investigation.md (the profiling and experiments behind the recommendations),
included as it is.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
CHART = ROOT / "docs" / "benchmark-latency.png"
INVESTIGATION = ROOT / "bench" / "investigation.md"
RESULTS = ROOT / "bench" / "results" / "latest.json"

# (key, label, target, unit, lower_is_better) evaluated in `rows`
TARGETS = {
    "training_s": ("≤ 45 s", lambda v: v <= 45),
    "cold_start_s": ("≤ 15 s", lambda v: v <= 15),
    "e2e8_p50": ("≤ 20 ms", lambda v: v <= 20),
    "e2e8_p99": ("≤ 80 ms", lambda v: v <= 80),
    "throughput": ("≥ 150 msg/s", lambda v: v >= 150),
    "rasa_rss": ("≤ 800 MB", lambda v: v <= 800),
    "core": ("≥ 2,000 msg/s", lambda v: v >= 2000),
}


def get(data: dict, *path, default=None):
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return default
        data = data[key]
    return data


def num(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, (int, float)) and abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def ratio(ours, baseline, lower_is_better: bool) -> str:
    if not ours or not baseline:
        return "–"
    r = ours / baseline
    if 0.95 <= r <= 1.05:
        return f"{r:.2f} (about the same)"
    if lower_is_better:
        better = f"{1 / r:.1f}× less" if r < 1 else f"{r:.1f}× more"
    else:
        better = f"{r:.1f}× more" if r >= 1 else f"{1 / r:.1f}× less"
    return f"{r:.2f} ({better})"


def peak_throughput(server: dict) -> tuple[float | None, str | None]:
    levels = server.get("e2e") or {}
    if not levels:
        return None, None
    level = max(levels, key=lambda k: levels[k]["msgs_per_s"])
    return levels[level]["msgs_per_s"], level


# What limits each target (the profiling is in bench/investigation.md, included at the end of the page).
LIMITS = {
    "training_s": "Python, Rasa and TensorFlow imports and building our spaCy pipeline; the models fit in seconds",
    "cold_start_s": "Rasa's imports, TensorFlow among them whatever the config, then loading the model and our "
    "spaCy pipeline (the node table splits imports and model load)",
    "e2e8_p50": "one Rasa process serves one message at a time, so latency ≈ concurrency × Rasa time per message "
    "(tracker store, action round trip, graph: see the node table)",
    "e2e8_p99": "as p50, plus the machine's other load",
    "throughput": "Rasa CPU per message on one core: SQL tracker store, action round trip, graph, Rasa's own "
    "bookkeeping",
    "rasa_rss": "TensorFlow and Rasa imports, before any model is loaded (see the node table)",
    "core": "the spaCy rule pipeline itself (tokenizer, matcher, paired signs, context) and `findings_from_doc`; "
    "close to the target, it moves with the machine's load",
}


def rows(results: dict) -> list[tuple]:
    """(measure, target, ours, baseline, ratio, verdict) for the summary table."""
    s, t = results["servers"], results.get("training", {})
    ours, base = s.get("ours", {}), s.get("baseline", {})
    out = []

    def add(label, key, o, b, unit="", lower=True, digits=1):
        target, check = TARGETS.get(key, ("–", None))
        verdict = "–" if check is None or o is None else ("**met**" if check(o) else "**missed**")
        out.append(
            (
                label,
                target,
                f"{num(o, digits)}{unit}" if o is not None else "–",
                f"{num(b, digits)}{unit}" if b is not None else "–",
                ratio(o, b, lower),
                verdict,
                LIMITS.get(key, "") if verdict == "**missed**" else "",
            )
        )

    add("Training from a clean state", "training_s", get(t, "ours", "seconds"), get(t, "baseline", "seconds"), " s")
    add(
        "Cold start: launch → first red-flag answer",
        "cold_start_s",
        get(ours, "cold_start", "first_answer_s"),
        get(base, "cold_start", "first_answer_s"),
        " s",
    )
    for q in ("p50", "p95", "p99"):
        add(
            f"NLU parse `/model/parse` {q} (1 at a time)",
            None,
            get(ours, "parse_latency_ms", q),
            get(base, "parse_latency_ms", q),
            " ms",
        )
    for level in ours.get("e2e") or {}:
        for q in ("p50", "p95", "p99"):
            key = f"e2e{level}_{q}" if level == "8" else None
            add(
                f"End-to-end {q}, {level} concurrent conversation{'s' if level != '1' else ''}",
                key,
                get(ours, "e2e", level, "latency_ms", q),
                get(base, "e2e", level, "latency_ms", q),
                " ms",
            )
    (o_tp, o_level), (b_tp, b_level) = peak_throughput(ours), peak_throughput(base)
    add(
        f"Throughput, best level (ours at {o_level}, baseline at {b_level})",
        "throughput",
        o_tp,
        b_tp,
        " msg/s",
        lower=False,
    )
    add(
        "Rasa server CPU per message (at 8)",
        None,
        get(ours, "e2e", "8", "cpu_ms_per_message", "rasa"),
        get(base, "e2e", "8", "cpu_ms_per_message", "rasa"),
        " ms",
    )
    add(
        "Action server CPU per message (at 8)",
        None,
        get(ours, "e2e", "8", "cpu_ms_per_message", "actions"),
        get(base, "e2e", "8", "cpu_ms_per_message", "actions"),
        " ms",
    )
    add(
        "Rasa server peak resident memory (VmHWM)",
        "rasa_rss",
        get(ours, "memory", "after_load", "rasa", "peak_rss_mb"),
        get(base, "memory", "after_load", "rasa", "peak_rss_mb"),
        " MB",
        digits=0,
    )
    add(
        "Action server peak resident memory (VmHWM)",
        None,
        get(ours, "memory", "after_load", "actions", "peak_rss_mb"),
        get(base, "memory", "after_load", "actions", "peak_rss_mb"),
        " MB",
        digits=0,
    )
    add(
        "`bot/` core alone: extract + assess",
        "core",
        get(results, "core", "extract_assess_msgs_per_s"),
        None,
        " msg/s",
        lower=False,
        digits=0,
    )
    return out


def chart(results: dict, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), gridspec_kw={"width_ratios": [3, 2]})
    styles = {"ours": ("tab:blue", "-", "ours (config.yml)"), "baseline": ("tab:orange", "--", "baseline (rasa init)")}
    markers = {"p50": "o", "p95": "s", "p99": "^"}
    for name, server in results["servers"].items():
        levels = sorted((server.get("e2e") or {}), key=int)
        if not levels:
            continue
        color, line, label = styles[name]
        x = [int(level) for level in levels]
        for q, marker in markers.items():
            left.plot(
                x,
                [server["e2e"][level]["latency_ms"][q] for level in levels],
                linestyle=line,
                color=color,
                marker=marker,
                label=f"{label} {q}",
                alpha=1.0 if q == "p50" else 0.75,
            )
        right.plot(
            x,
            [server["e2e"][level]["msgs_per_s"] for level in levels],
            linestyle=line,
            color=color,
            marker="o",
            label=label,
        )
    for axis in (left, right):
        axis.set_xscale("log", base=2)
        axis.set_xticks([1, 8, 32], labels=["1", "8", "32"])
        axis.set_xlabel("concurrent conversations")
        axis.grid(True, which="both", alpha=0.3)
    left.set_yscale("log")
    left.axhline(20, color="grey", linewidth=0.8, linestyle=":")
    left.axhline(80, color="grey", linewidth=0.8, linestyle=":")
    left.text(1, 20, " target p50 at 8", fontsize=7, color="grey", va="bottom")
    left.text(1, 80, " target p99 at 8", fontsize=7, color="grey", va="bottom")
    left.set_ylabel("end-to-end latency per message (ms, log)")
    left.set_title("REST latency, custom actions included", fontsize=10)
    left.legend(fontsize=7, ncol=2)
    right.axhline(150, color="grey", linewidth=0.8, linestyle=":")
    right.text(1, 150, " target", fontsize=7, color="grey", va="bottom")
    right.set_ylabel("messages per second")
    right.set_ylim(bottom=0)
    right.set_title("Throughput", fontsize=10)
    right.legend(fontsize=7)
    m = results["machine"]
    fig.suptitle(
        f"make bench, {results['date'][:10]}: {m['nproc']} cores ({m['cpu_model']}), shared machine, "
        f"load average {results['loadavg_start'][0]:.1f} at start",
        fontsize=9,
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def table(header: list[str], body: list[tuple]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in body]
    return lines


def markdown(results: dict) -> str:
    m, s = results["machine"], results["servers"]
    t = results.get("training", {})
    lines = [
        "# Benchmarks: the triage bot side by side with the `rasa init` baseline",
        "",
        "<!-- Generated by `make bench` (bench/run.py, bench/report.py): do not edit by hand. -->",
        "",
        f"Measured **{results['date']}** by `{results['command']}` in {results['bench_seconds'] / 60:.1f} min, at commit "
        f"`{get(results, 'git', 'commit', default='?')}`"
        + (
            f" with local changes to {', '.join(get(results, 'git', 'modified_files'))}"
            if get(results, "git", "modified_files")
            else " (clean tree)"
        )
        + ". "
        "Raw results: [bench/results/latest.json](../bench/results/latest.json). Reproduce with `make bench` "
        "(about 15 minutes; most of it is the baseline's training).",
        "",
        "**Ours** is `config.yml`: our spaCy rule pipeline, count vectors, logistic regression, CRF entities, "
        "the SymptomScanner rule layer, Memoization + Rule policies. **Baseline** is "
        "[bench/baseline_config.yml](../bench/baseline_config.yml): the config `rasa init` writes in Rasa "
        f"{m['versions'].get('rasa')} (WhitespaceTokenizer, RegexFeaturizer, LexicalSyntacticFeaturizer, "
        "CountVectorsFeaturizer ×2, DIETClassifier 100 epochs, EntitySynonymMapper, ResponseSelector 100 epochs, "
        "FallbackClassifier 0.3; MemoizationPolicy, RulePolicy, UnexpecTEDIntentPolicy and TEDPolicy, max_history 5, "
        "100 epochs) **plus our SpacyNLP (first) and SymptomScanner (last)**, so that the actions get the findings they "
        "read and both bots walk the same triage dialogues. Without them the baseline would answer every symptom "
        'report with "describe it again", then "call your doctor": a shorter, different conversation. Both are '
        "trained on our data and domain and served the same way: our action server, the project's endpoints.yml "
        "(conversations in the SQL tracker store, here a temporary SQLite file), one Sanic worker each.",
        "",
        "## Summary",
        "",
        "Ratios are ours ÷ baseline, measured in the same run; on this shared machine they are steadier than the "
        "absolute figures (see *Noise* below).",
        "",
    ]
    lines += table(
        ["Measure", "Target", "Ours", "Baseline", "Ours ÷ baseline", "Ours met?", "What limits it"], rows(results)
    )
    lines += ["", "![Latency percentiles and throughput against concurrency](benchmark-latency.png)", ""]

    lines += ["## The machine", ""]
    lines += table(
        ["", ""],
        [
            ("CPU", f"{m['nproc']} cores, {m['cpu_model']}"),
            ("Memory", f"{m['memory_gb']} GB"),
            ("Kernel", m["kernel"]),
            ("Python", m["python"]),
            ("Versions", ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v)),
            ("Sanic workers", f"Rasa {m['sanic_workers']}, action server {m['action_server_sanic_workers']}"),
            (
                "Load average (1 min) at start / end",
                f"{results['loadavg_start'][0]:.2f} / {results['loadavg_end'][0]:.2f}",
            ),
        ],
    )

    lines += [
        "",
        "## End-to-end conversations over REST",
        "",
        "Scripted patients (bench/conversations.py), each a new sender id, each posting its next message as "
        "soon as the previous reply arrives (no think time): red-flag one-shots (breathing, swelling, "
        "headache with stiff neck, vomiting), headache → stiff neck? no → very severe? no → infusion time → "
        "manage at home, headache → stiff neck? yes → call the doctor, fever → temperature 38.6 → call the "
        "doctor, chills → 37.6 → infusion time → home, nausea → vomited? no → home, rash → spreading? no → "
        "swelling? no → home, and greeting + side-effects question + thanks. Per level and config: "
        f"{results['settings']['seconds_per_level']:g} s in windows alternated ours/baseline (ABBA) to cancel "
        "drift in the machine's load; loopback only. *As expected* counts the conversations that ended with "
        "the disposition level the script expects: it shows both bots ran the same dialogue. Where the "
        "baseline's count is lower, its DIET intent or its TED/UnexpecTED prediction took another turn in some "
        "dialogues (the patient script then stops early); every message sent still counts in the latencies.",
        "",
    ]
    body = []
    for name, server in s.items():
        for level, e in sorted((server.get("e2e") or {}).items(), key=lambda kv: int(kv[0])):
            lat = e["latency_ms"]
            body.append(
                (
                    name,
                    level,
                    lat["n"],
                    num(lat["p50"]),
                    num(lat["p95"]),
                    num(lat["p99"]),
                    num(lat["max"]),
                    num(e["msgs_per_s"]),
                    num(e["cpu_ms_per_message"].get("rasa")),
                    num(e["cpu_ms_per_message"].get("actions")),
                    f"{e['as_expected']}/{e['finished']}",
                    e["errors"],
                )
            )
    lines += table(
        [
            "Config",
            "Concurrent",
            "Messages",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "msg/s",
            "Rasa CPU ms/msg",
            "Actions CPU ms/msg",
            "As expected",
            "Errors",
        ],
        body,
    )
    lines += [
        "",
        "With no think time the servers are saturated from 2 concurrent conversations on: the Rasa server "
        "handles one message at a time (one process, one event loop), so by Little's law the latency at *N* "
        "concurrent conversations is about *N* ÷ throughput. A p50 of 20 ms at 8 concurrent conversations "
        "therefore needs about 400 messages per second, i.e. at most ~2.5 ms of Rasa CPU per message.",
        "",
    ]

    lines += [
        "## NLU parse latency",
        "",
        "`POST /model/parse` on the bench's own Rasa server (started with `--enable-api --auth-token <random>` "
        "on 127.0.0.1), one request at a time, every dev-set message (eval/sets/dev_set.yml) twice, the halves "
        "alternated between the configs. NLU only: no tracker, policies or actions.",
        "",
    ]
    body = [
        (name, p["n"], num(p["p50"]), num(p["p95"]), num(p["p99"]), num(p["max"]), num(p["mean"]))
        for name, server in s.items()
        if (p := server.get("parse_latency_ms"))
    ]
    lines += table(["Config", "Messages", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean ms"], body)

    lines += [
        "",
        "## Training and start-up",
        "",
        "Training: `rasa train --config <config> --out <temp dir>` with an empty training cache "
        "(`RASA_CACHE_DIRECTORY` in the temp dir), so nothing is reused; models/ is not touched. Seconds per "
        "component come from Rasa's own log lines (1 s resolution).",
        "",
    ]
    body = []
    for name, tr in t.items():
        parts = (
            ", ".join(
                f"{k} {v:.0f}" for k, v in sorted(tr.get("components_s", {}).items(), key=lambda kv: -kv[1]) if v >= 1
            )
            or "–"
        )
        body.append(
            (name, num(tr["seconds"]), num(tr["cpu_seconds"]), num(tr["peak_rss_mb"], 0), num(tr["model_mb"], 2), parts)
        )
    lines += table(["Config", "Wall s", "CPU s", "Peak RSS MB", "Model MB", "Components ≥ 1 s (s)"], body)
    lines += [
        "",
        "Cold start: both servers launched at once; seconds until the action server's `/health` answers, "
        'until the Rasa server answers, and until a first red-flag message ("i cant breathe") gets its '
        "disposition through the action server.",
        "",
    ]
    body = [
        (
            name,
            num(get(server, "cold_start", "actions_up_s")),
            num(get(server, "cold_start", "rasa_up_s")),
            num(get(server, "cold_start", "first_answer_s")),
        )
        for name, server in s.items()
    ]
    lines += table(["Config", "Action server up s", "Rasa server up s", "First answer s"], body)

    lines += [
        "",
        "## Memory",
        "",
        "Resident memory from /proc/<pid>/status (VmHWM is the peak, VmRSS the current), "
        "right after the first answer and after all the load.",
        "",
    ]
    body = []
    for name, server in s.items():
        for role in ("rasa", "actions"):
            a, b = (
                get(server, "memory", "after_start", role, default={}),
                get(server, "memory", "after_load", role, default={}),
            )
            body.append(
                (
                    name,
                    role,
                    num(a.get("peak_rss_mb"), 0),
                    num(a.get("rss_mb"), 0),
                    num(b.get("peak_rss_mb"), 0),
                    num(b.get("rss_mb"), 0),
                )
            )
    lines += table(
        ["Config", "Server", "Peak MB after start", "RSS MB after start", "Peak MB after load", "RSS MB after load"],
        body,
    )

    nodes = {name: server["nodes"] for name, server in s.items() if server.get("nodes")}
    if nodes:
        lines += [
            "",
            "## Where a message's time goes inside Rasa",
            "",
            "In-process (bench/nodes.py): the model loaded with `load_agent` and the same endpoints, every graph "
            "node and the action-server round trip and tracker store timed, the patients played twice after a "
            "warm-up. Milliseconds per user message (a node that runs once per predicted action runs 2-3 times "
            "per message).",
            "",
        ]
        for name, n in nodes.items():
            body = [
                (k, num(v, 2), num(n["calls_per_message"].get(k), 2))
                for k, v in n["node_ms_per_message"].items()
                if v >= 0.05
            ]
            body.append(
                ("(the rest: Rasa's own work: events, lock, responses)", num(n.get("rest_ms_per_message"), 2), "")
            )
            body.append(("**whole message** (`handle_message`)", f"**{num(n['handle_message_ms'], 2)}**", ""))
            lines += [
                f"**{name}** ({n['messages']} messages; tracker store {n.get('tracker_store')}; imports "
                f"{n['imports_s']:.1f} s, model load {n['model_load_s']:.1f} s; resident memory "
                f"{get(n, 'memory_mb', 'after_imports', 'VmRSS')} MB after the imports, "
                f"{get(n, 'memory_mb', 'after_load', 'VmHWM')} MB peak after the model load)",
                "",
            ]
            lines += table(["Node", "ms per message", "calls per message"], body) + [""]

    core = results.get("core", {})
    lines += [
        "## The `bot/` core alone",
        "",
        f"`bot.findings.extract` + `bot.triage.assess` over the {core.get('messages_in_dev_set')} dev-set "
        f"messages, in a loop for a few seconds, one process: **{num(core.get('extract_assess_msgs_per_s'), 0)} "
        f"messages per second** ({core.get('extract_assess_messages_timed')} timed); `extract` alone "
        f"{num(core.get('extract_only_msgs_per_s'), 0)} msg/s. Loading the spaCy rule pipeline took "
        f"{num(core.get('pipeline_load_s'))} s. The baseline has no figure here: it runs the same code.",
        "",
    ]

    lines += ["## What each configuration choice bought", "", *choices(results), ""]

    lines += [
        "## Noise",
        "",
        "The machine has 2 cores and was shared with other engineers' test runs during the benchmark (load "
        f"average {results['loadavg_start'][0]:.1f} at the start, {results['loadavg_end'][0]:.1f} at the end; "
        "2.0 means both cores busy). Wall-clock figures are inflated by that load, by a factor up to about the "
        "load average ÷ 2; the CPU milliseconds per message and the ours ÷ baseline ratios, measured "
        "alternately in the same run, are the steadier figures. The load generator (asyncio + aiohttp) runs on "
        "the same 2 cores.",
        "",
    ]
    if INVESTIGATION.exists():
        lines += [INVESTIGATION.read_text().rstrip(), ""]
    return "\n".join(lines)


def choices(results: dict) -> list[str]:
    """Each choice of config.yml against its baseline counterpart, in this run's numbers."""
    s, t = results["servers"], results.get("training", {})
    ours_c, base_c = get(t, "ours", "components_s", default={}), get(t, "baseline", "components_s", default={})
    out = []

    def secs(d: dict, *names: str) -> float:
        return sum(v for k, v in d.items() if any(k.startswith(n) for n in names))

    diet, ted, unexpected = secs(base_c, "DIETClassifier"), secs(base_c, "TEDPolicy"), secs(base_c, "UnexpecTED")
    ours_nlu = secs(ours_c, "LogisticRegressionClassifier", "CRFEntityExtractor")
    if t.get("ours") and t.get("baseline"):
        out.append(
            f"- **LogisticRegressionClassifier + CRFEntityExtractor instead of DIETClassifier (100 epochs)**: "
            f"{ours_nlu:.0f} s of training instead of {diet:.0f} s; **Memoization + Rule policies only, without "
            f"TEDPolicy and UnexpecTEDIntentPolicy (100 epochs each)**: {ted + unexpected:.0f} s of training "
            f"saved ({ted:.0f} s TED, {unexpected:.0f} s UnexpecTED). Whole training: "
            f"{t['ours']['seconds']:.0f} s instead of {t['baseline']['seconds']:.0f} s, a model of "
            f"{t['ours']['model_mb']:.2f} MB instead of {t['baseline']['model_mb']:.1f} MB."
        )
    po, pb = get(s, "ours", "parse_latency_ms", "p50"), get(s, "baseline", "parse_latency_ms", "p50")
    if po and pb:
        out.append(
            f"- **The NLU pipeline** (count vectors + logistic regression + CRF, vs lexical/regex featurizers "
            f"+ DIET + ResponseSelector): parse p50 {po:.1f} ms instead of {pb:.1f} ms ({pb / po:.1f}× faster)."
        )
    co, cb = (
        get(s, "ours", "e2e", "8", "cpu_ms_per_message", "rasa"),
        get(s, "baseline", "e2e", "8", "cpu_ms_per_message", "rasa"),
    )
    if co and cb:
        out.append(
            f"- **NLU + no TED/UnexpecTED at prediction time**: {co:.1f} ms of Rasa CPU per message instead of "
            f"{cb:.1f} ms ({cb / co:.1f}× less); both include the same tracker store, action round trips and "
            f"our rule layer, which do not change between the configs."
        )
    mo, mb = (
        get(s, "ours", "memory", "after_load", "rasa", "peak_rss_mb"),
        get(s, "baseline", "memory", "after_load", "rasa", "peak_rss_mb"),
    )
    so, sb = get(s, "ours", "cold_start", "first_answer_s"), get(s, "baseline", "cold_start", "first_answer_s")
    imports = get(s, "ours", "nodes", "memory_mb", "after_imports", "VmRSS")
    if mo and mb:
        out.append(
            f"- **No TensorFlow model to load**: Rasa server peak {mo:.0f} MB instead of {mb:.0f} MB; cold start "
            f"{so:.0f} s instead of {sb:.0f} s. Rasa imports TensorFlow whatever the config"
            + (f" (Rasa and its imports: {imports:.0f} MB before any model is loaded)" if imports else "")
            + ", so the lean config cannot avoid that part."
        )
    out.append(
        "- **SpaCy rule pipeline + SymptomScanner**: kept in both configs (the actions need its findings), so "
        "its cost is in both columns: see the node table for its share in ours."
    )
    return out


def write(results: dict, folder: Path = DOC.parent) -> list[Path]:
    doc, picture = folder / DOC.name, folder / CHART.name
    folder.mkdir(parents=True, exist_ok=True)
    chart(results, picture)
    doc.write_text(markdown(results) + "\n")
    return [doc, picture]


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else RESULTS
    for written in write(json.loads(source.read_text()), Path(sys.argv[2]) if len(sys.argv) > 2 else DOC.parent):
        print(f"wrote {written}")
