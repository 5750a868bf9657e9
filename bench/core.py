"""The `bot/` core alone: `bot.findings.extract` + `bot.triage.assess` over the dev-set messages.

Run as `python -m bench.core [seconds]`; prints one JSON object. Runs in its own process so the
benchmark driver does not import spaCy (and, through thinc, TensorFlow).
"""

import json
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "eval" / "sets" / "dev_set.yml"


def rate(function, messages: list[str], seconds: float) -> tuple[float, int]:
    """Messages per second of `function` over whole passes of `messages`, for at least `seconds`."""
    done, start = 0, time.perf_counter()
    while True:
        for text in messages:
            function(text)
        done += len(messages)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return done / elapsed, done


def main(seconds: float = 4.0) -> dict:
    started = time.perf_counter()
    from bot.findings import extract
    from bot.triage import assess

    imported = time.perf_counter()
    extract("warm up: the pipeline loads on first use")
    loaded = time.perf_counter()
    messages = [m["text"] for m in yaml.safe_load(DEV_SET.read_text())["messages"]]
    for text in messages:  # one untimed pass: spelling cache and allocator warm
        assess(extract(text))
    full, n_full = rate(lambda t: assess(extract(t)), messages, seconds)
    only_extract, n_extract = rate(extract, messages, seconds / 2)
    return {
        "messages_in_dev_set": len(messages),
        "extract_assess_msgs_per_s": full,
        "extract_assess_messages_timed": n_full,
        "extract_only_msgs_per_s": only_extract,
        "extract_only_messages_timed": n_extract,
        "import_s": imported - started,
        "pipeline_load_s": loaded - imported,
    }


if __name__ == "__main__":
    print(json.dumps(main(float(sys.argv[1]) if len(sys.argv) > 1 else 4.0)))
