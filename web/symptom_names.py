"""Write web/src/symptom_names.json: symptom and rule ids -> the plain words the bot itself uses.

The widget's disposition card says "you told me you have ..." from the ids in the triage payload;
the words come from bot/lexicon.py (and the rule names of bot/advice.py), never copied by hand.
Run by the Makefile before the widget is bundled: python -m web.symptom_names
"""
import json
import sys
from pathlib import Path

from bot import lexicon
from bot.advice import RULE_NAMES, name_of

OUT = Path(__file__).parent / "src" / "symptom_names.json"


def names() -> dict[str, str]:
    ids = sorted(set(lexicon.SYMPTOMS) | set(RULE_NAMES))
    return {i: name_of(i) for i in ids}


def main(out: Path = OUT) -> None:
    text = json.dumps(names(), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if not out.exists() or out.read_text() != text:  # leave the mtime alone when nothing changed
        out.write_text(text)
        print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
