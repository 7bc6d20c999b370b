"""`gloss check`: validate content and glossary, and every link of a built site."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from builder.build import read_inputs

_LINK = re.compile(r'(?:href|src)="([^"]*)"')
_ID = re.compile(r'\bid="([^"]+)"')


def site_link_problems(output: Path) -> list[str]:
    """Internal links and anchors that do not resolve, and root-absolute URLs."""
    problems: list[str] = []
    ids: dict[Path, set[str]] = {}
    pages = sorted(output.rglob("*.html"))
    for page in pages:
        ids[page.resolve()] = set(_ID.findall(page.read_text(encoding="utf-8")))
    for page in pages:
        rel = page.relative_to(output)
        for target in _LINK.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(target)
            if parts.scheme or target.startswith("//"):
                continue
            if target.startswith("/"):
                problems.append(f"{rel}: root-absolute URL {target!r} breaks under file://")
                continue
            file = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
            if not file.exists():
                problems.append(f"{rel}: broken link {target!r}")
            elif parts.fragment and file in ids and parts.fragment not in ids[file]:
                problems.append(f"{rel}: missing anchor {target!r}")
    return problems


def check_command(content: Path, output: Path) -> int:
    inputs = read_inputs(content)
    problems = [str(p) for p in inputs.problems]
    if output.is_dir():
        problems += [f"{output}/{p}" for p in site_link_problems(output)]
    else:
        problems.append(f"{output}: no built site to check; run `gloss build` first")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"check: {len(inputs.articles)} articles, {len(inputs.entities)} entities, "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0
