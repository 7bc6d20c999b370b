"""site.toml → a frozen Config with defaults; errors name the key and the fix."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    title: str = "Gloss"
    description: str = "An annotated reader of collected news."
    base_url: str = ""
    annotate: str = "first"  # "first" | "all"
    per_page: int = 50
    theme: str = "theme"


_CHOICES = {"annotate": ("first", "all")}


def load_config(path: Path) -> Config:
    """Read site.toml if it exists; unknown keys and wrong types are errors, not surprises."""
    if not path.exists():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: {err}") from None
    known = {f.name: f for f in fields(Config)}
    values = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"{path}: unknown setting {key!r}; known: {', '.join(known)}")
        expected = type(getattr(Config(), key))
        if not isinstance(value, expected) or isinstance(value, bool) != (expected is bool):
            raise ConfigError(f"{path}: {key} must be a {expected.__name__}, not {value!r}")
        if key in _CHOICES and value not in _CHOICES[key]:
            raise ConfigError(f"{path}: {key} must be one of {', '.join(_CHOICES[key])}")
        values[key] = value
    if values.get("per_page", 1) < 1:
        raise ConfigError(f"{path}: per_page must be at least 1")
    if values.get("base_url") and not values["base_url"].endswith("/"):
        values["base_url"] += "/"
    return Config(**values)
