"""Split a Markdown file into its YAML front matter and body, with line numbers for errors."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

# libyaml's parser when installed: several times faster on thousands of articles.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    try:
        meta = yaml.load(source, Loader=_Loader) if source.strip() else {}
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
