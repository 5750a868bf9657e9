"""The clinic's one command line: `python -m clinic export|report|purge|retry|status|migrate`.

python -m clinic export --since 2026-01-01 [--until 2026-02-01] [--format csv|json] [--reference REF] [-o FILE]
python -m clinic report --since 2026-01-01 [--until ...] [--format text|json]
python -m clinic purge [--older-than-days N]     # default: TRIAGE_RETENTION_DAYS, else 90
python -m clinic retry [--due-only]              # post undelivered escalations; exit 1 while any is left
python -m clinic status                          # escalations pending and delivered
python -m clinic migrate                         # bring the database to the newest schema (the servers do it too)
"""

import argparse
import json
import logging
import sys

from bot import settings
from clinic import audit, database, escalation


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m clinic", description="Audit trail, retention and escalations.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (
        ("export", "every disposition, for clinical review"),
        ("report", "counts per level and per red flag"),
    ):
        command = commands.add_parser(name, help=helptext)
        command.add_argument("--since", type=audit.parse_time, help="from this UTC date or time (included)")
        command.add_argument("--until", type=audit.parse_time, help="to this UTC date or time (excluded)")
        command.add_argument("--output", "-o", help="write to this file instead of the screen")
    export = commands.choices["export"]
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("--reference", help="only the disposition with this hand-off reference")
    commands.choices["report"].add_argument("--format", choices=("text", "json"), default="text")
    purge = commands.add_parser("purge", help="delete conversations and audit rows past the retention period")
    purge.add_argument(
        "--older-than-days",
        type=int,
        default=None,
        help=f"default: {audit.RETENTION_VARIABLE}, else {audit.DEFAULT_RETENTION_DAYS}",
    )
    retry = commands.add_parser("retry", help="post every undelivered escalation now (exit 1 if any is left)")
    retry.add_argument("--due-only", action="store_true", help="only those whose backoff has run out")
    commands.add_parser("status", help="how many escalations are pending and delivered")
    commands.add_parser("migrate", help="bring the database's tables to the newest revision (clinic/migrations)")
    args = parser.parse_args(argv)
    problem = settings.start_up_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    if args.command == "purge":
        days = audit.retention_days() if args.older_than_days is None else args.older_than_days
        if days < 0:
            parser.error("--older-than-days must be 0 or more")
        print(json.dumps(audit.purge(days), indent=2))
        return 0
    if args.command == "migrate":
        eng = database.engine()
        before = database.current_revision(eng)
        after = database.migrate(eng)
        print(json.dumps({"database": database.safe_url(str(eng.url)), "from": before, "to": after}))
        return 0
    if args.command == "status":
        print(json.dumps(escalation.status(), indent=2))
        return 0
    if args.command == "retry":
        if not escalation.escalation_url():
            print(f"{escalation.URL_VARIABLE} is not set: nowhere to deliver to", file=sys.stderr)
            return 2
        result = escalation.deliver_due(ignore_schedule=not args.due_only, limit=10_000)
        print(json.dumps(result.__dict__))
        return 0 if result.pending == 0 else 1
    items = audit.rows(args.since, args.until, reference=getattr(args, "reference", None))
    if args.command == "export":
        text = audit.to_json(items) if args.format == "json" else audit.to_csv(items)
    else:
        counts = audit.report(items)
        text = (
            json.dumps(counts, indent=2) + "\n"
            if args.format == "json"
            else audit.report_text(counts, args.since, args.until)
        )
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
