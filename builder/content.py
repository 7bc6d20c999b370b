"""content/articles/*.md → Articles, with every problem reported instead of raised."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path

from builder.frontmatter import FrontMatterError, parse
from builder.model import Article, Problem
from builder.slugs import slugify

_SAFE_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
_ISO_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)
TEXT_KEYS = ("source", "author", "url", "dek", "image_caption", "image_credit")


def article_files(articles_dir: Path) -> tuple[list[Path], list[Problem]]:
    """The Markdown files under articles_dir, sorted; symlink loops reported, not followed."""
    found: list[str] = []  # str, not Path, until sorted: 10,000 Paths sort in 0.1 s
    problems: list[Problem] = []
    if not articles_dir.is_dir():
        return [], problems
    seen_dirs: set[tuple[int, int]] = set()

    def on_error(err: OSError) -> None:
        problems.append(Problem(str(err.filename or articles_dir), f"cannot read: {err.strerror}"))

    for root, dirs, files in os.walk(articles_dir, followlinks=True, onerror=on_error):
        stat = os.stat(root)
        if (stat.st_dev, stat.st_ino) in seen_dirs:
            problems.append(Problem(root, "symlink loop under content/; remove the link"))
            dirs[:] = []
            continue
        seen_dirs.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                found.append(os.path.join(root, name))
    found.sort(key=lambda path: path.split(os.sep))  # as Paths sort: by their parts
    return list(map(Path, found)), problems


def load_article(path: Path, text: str, slug: str) -> Article | Problem:
    """One article from its file text; a Problem names the line and the fix."""
    try:
        parsed = parse(text)
    except FrontMatterError as err:
        return Problem(str(path), f"{err} (fix the front matter between the --- lines)", err.line)
    meta = parsed.meta
    title = meta.get("title")
    if not isinstance(title, str | int | float) or not str(title).strip():
        return Problem(str(path), "missing title: add `title: ...` to the front matter", 2)
    if "slug" in meta:
        wanted = str(meta["slug"])
        if not _SAFE_SLUG.match(wanted):
            return Problem(
                str(path),
                f"slug {wanted!r} is not a plain slug (a-z, 0-9, -); it may not contain / or ..",
                _line_of(text, "slug"),
            )
        slug = wanted
    date = meta.get("date")
    if isinstance(date, dt.datetime | dt.date):
        date = date.isoformat()
    elif date is not None:
        date = str(date).strip()
        if not _ISO_DATE.match(date):
            return Problem(
                str(path),
                f"date {date!r} is not ISO 8601 (write 2024-04-19)",
                _line_of(text, "date"),
            )
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",") if t.strip()]
    if not isinstance(tags, list):
        return Problem(str(path), "tags must be a list", _line_of(text, "tags"))
    values = {}
    for key in TEXT_KEYS:
        value = meta.get(key)
        if value is not None and not isinstance(value, str | int | float):
            return Problem(str(path), f"{key} must be text", _line_of(text, key))
        values[key] = str(value).strip() if value not in (None, "") else None
    url = values.get("url")
    if url and not re.match(r"https?://", url, re.I):
        return Problem(str(path), f"url {url!r} must start with http:// or https://",
                       _line_of(text, "url"))
    return Article(
        slug=slug,
        title=str(title).strip(),
        body=parsed.body,
        path=str(path),
        date=date or None,
        tags=tuple(str(t) for t in tags),
        body_line=parsed.body_line,
        **values,
    )


def article_jobs(articles_dir: Path) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Each article file with its slug, in order, and the problems of listing them."""
    paths, problems = article_files(articles_dir)
    taken: set[str] = set()
    return [(path, file_slug(path, taken)) for path in paths], problems


def file_slug(path: Path, taken: set[str]) -> str:
    """A slug from the file name; names that fold to the same slug get a stable suffix."""
    slug = slugify(path.stem)
    if slug in taken:
        slug = f"{slug}-{hashlib.sha256(path.name.encode()).hexdigest()[:6]}"
    taken.add(slug)
    return slug


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith(f"{key}:"):
            return number
    return None
