"""Split a Markdown file into its YAML front matter and body, with line numbers for errors."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass


class FrontMatterError(ValueError):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Parsed:
    meta: dict
    body: str
    body_line: int  # 1-based line where the body starts


def parse(text: str) -> Parsed:
    """Front matter between `---` lines at the top (optional), then the body."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return Parsed({}, text, 1)
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise FrontMatterError("front matter opened with '---' is never closed", 1)
    source = "\n".join(lines[1:end])
    meta = plain_front_matter(lines[1:end])
    if meta is not None:
        return Parsed(meta, "\n".join(lines[end + 1 :]), end + 2)
    import yaml  # here: most front matter is read without it (importing it is 30 ms)

    # libyaml's parser when installed: several times faster on thousands of articles.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        meta = yaml.load(source, Loader=loader) if source.strip() else {}
    except yaml.YAMLError as err:
        # An unclosed bracket is reported past its end; where it was opened helps more.
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        line = min(mark.line + 2, end) if mark is not None else 1
        problem = getattr(err, "problem", None) or str(err)
        raise FrontMatterError(f"invalid YAML front matter: {problem}", line) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter must be a mapping of keys to values", 2)
    return Parsed(meta, "\n".join(lines[end + 1 :]), end + 2)


# Front matter as ingest writes it and as people type it: `key: value` lines, each value a
# quoted string, a plain one that YAML reads as a string, a date, or a list of plain words.
# Read here, PyYAML is not even imported by a build that reads one edited article (30 ms
# of its 0.5 s); anything else is left to PyYAML, which this equals on all it takes
# (tests/test_frontmatter.py compares them).
KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?\Z")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*(?: [\w'’.-]+)*\Z")  # a plain scalar in a flow list
# plain words YAML 1.1 reads as something else (PyYAML's resolver: bools and null)
NOT_STRINGS = frozenset("""yes Yes YES no No NO true True TRUE false False FALSE on On ON
off Off OFF null Null NULL""".split())


def plain_front_matter(lines: list[str]) -> dict | None:
    """The mapping of these front matter lines, when they are all of the plain kind above;
    None when PyYAML must read them."""
    meta: dict = {}
    for line in lines:
        if not plain_entry(line, 0, meta):
            return None
    return meta


def plain_entry(line: str, start: int, into: dict,
                value_of: Callable[[str], object] | None = None) -> bool:
    """Put the `key: value` of line (from start) into `into`, read as PyYAML reads it
    (value_of, else plain_value); False when PyYAML must read it (the key twice, say)."""
    found = KEY_LINE.match(line, start)
    if found is None or found[1] in into or found[1] in NOT_STRINGS:
        return False
    value = (value_of or plain_value)(found[2] or "")
    if value is UNREAD:
        return False
    into[found[1]] = value
    return True


UNREAD = object()


def plain_value(text: str) -> object:
    """What YAML reads a value as, for the kinds plain_front_matter takes; else UNREAD."""
    if not text:
        return None
    if not text.isprintable() or text[-1] == " ":
        return UNREAD
    first = text[0]
    if first == '"':
        inner = text[1:-1]
        ok = len(text) > 1 and text[-1] == '"' and '"' not in inner and "\\" not in inner
        return inner if ok else UNREAD
    if first == "'":
        inner = text[1:-1]
        ok = len(text) > 1 and text[-1] == "'" and "'" not in inner.replace("''", "")
        return inner.replace("''", "'") if ok else UNREAD
    if first == "[":
        if text[-1] != "]":
            return UNREAD
        items = [item.strip() for item in text[1:-1].split(",")]
        if items == [""]:
            return []
        if all(_WORD.match(item) and item not in NOT_STRINGS for item in items):
            return items
        return UNREAD
    if first.isdigit():
        date = _DATE.match(text)
        if date is None:
            return UNREAD
        try:
            return datetime.date(int(date[1]), int(date[2]), int(date[3]))
        except ValueError:
            return UNREAD
    if (first.isalpha() and text not in NOT_STRINGS and ": " not in text
            and " #" not in text and text[-1] != ":"):
        return text
    return UNREAD
