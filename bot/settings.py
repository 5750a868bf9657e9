"""Clinic settings: `clinic.yml` at the project root, each overridable by an environment variable."""

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

SETTINGS_FILE = Path(os.environ.get("CLINIC_SETTINGS", Path(__file__).parent.parent / "clinic.yml"))


@dataclass(frozen=True)
class Settings:
    clinic_name: str
    clinic_phone: str
    emergency_number: str
    high_fever_celsius: float
    time_zone: str = "UTC"  # the clinic's IANA time zone: "this morning" and "7pm" are read in it

    @property
    def high_fever_fahrenheit(self) -> float:
        return round(self.high_fever_celsius * 9 / 5 + 32, 1)


def load_settings(path: Path = SETTINGS_FILE) -> Settings:
    """The settings, re-read only when the file or an overriding environment variable changes."""
    stat = Path(path).stat()
    return _load_settings(
        str(path),
        stat.st_mtime_ns,
        stat.st_size,
        tuple(os.environ.get(f.upper()) for f in Settings.__dataclass_fields__),
    )


@lru_cache(maxsize=8)
def _load_settings(path: str, _mtime: int, _size: int, _environment: tuple) -> Settings:
    values = yaml.safe_load(Path(path).read_text())
    for key in Settings.__dataclass_fields__:
        if os.environ.get(key.upper()) is not None or key in values:
            values[key] = os.environ.get(key.upper(), values.get(key))
    values["high_fever_celsius"] = float(values["high_fever_celsius"])
    return Settings(**values)
