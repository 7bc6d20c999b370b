"""The I/O edge of ingest: raw files in, content/articles/<slug>.md out, user edits kept."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from builder.atomic import write_text_atomic
from builder.frontmatter import FrontMatterError, parse
from builder.ingest.pipeline import (
    IngestError,
    collection_furniture,
    extract,
    format_of,
    read_raw,
    siblings,
)
from builder.ingest.write import body_text, to_markdown
from builder.slugs import slugify

CHECKSUM_KEY = "ingest_checksum"
_CHECKSUM_LINE = re.compile(rf"^{CHECKSUM_KEY}: .*\n", re.M)


def checksum(text: str) -> str:
    """Hash of a written article, leaving out its own checksum line."""
    return hashlib.sha256(_CHECKSUM_LINE.sub("", text, count=1).encode()).hexdigest()[:16]


def extract_command(path: Path, fmt: str | None, body_only: bool) -> int:
    """Print what ingest would write for one file (or just its body); write nothing."""
    fmt = fmt or format_of(path)
    if fmt is None:
        print(f"error: {path}: unknown format; pass --format text|html|md", file=sys.stderr)
        return 1
    try:
        text = read_raw(path)
        furniture = collection_furniture([p for p in siblings(path) if p != path], fmt)
        extracted = extract(text, fmt, furniture)
    except IngestError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if body_only:
        sys.stdout.write(body_text(extracted))
    else:
        sys.stdout.write(to_markdown(extracted, {"ingest_source": path.name}))
    return 0


@dataclass(frozen=True)
class Existing:
    """An article already in content/ that came from a raw file."""

    path: Path
    source: str
    raw_sha256: str
    edited: bool


def raw_inputs(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand folders into the raw files they hold; report what cannot be used."""
    found: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    child = Path(root) / name
                    if not name.startswith(".") and format_of(child):
                        found.append(child)
        elif path.is_file():
            if format_of(path):
                found.append(path)
            else:
                problems.append(f"{path}: unknown format (use .txt, .html, .htm or .md)")
        else:
            problems.append(f"{path}: no such file or folder")
    return found, problems


def existing_articles(articles_dir: Path) -> dict[str, Existing]:
    """Ingested articles by the raw file they came from."""
    found: dict[str, Existing] = {}
    if not articles_dir.is_dir():
        return found
    for path in sorted(articles_dir.glob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
            meta = parse(text).meta
        except (OSError, UnicodeDecodeError, FrontMatterError):
            continue
        source = meta.get("ingest_source")
        if source:
            edited = meta.get(CHECKSUM_KEY) != checksum(text)
            found[str(source)] = Existing(path, str(source), str(meta.get("ingest_sha256")), edited)
    return found


def unique_slug(title: str, source: str, taken: set[str]) -> str:
    """Slug from the title; a clash gets a suffix derived from the source, so it stays stable."""
    slug = slugify(title)
    if slug not in taken:
        return slug
    return f"{slug}-{hashlib.sha256(source.encode()).hexdigest()[:6]}"


def ingest_command(paths: list[Path], content: Path, force: bool = False) -> int:
    """Ingest raw files; skip the unchanged, refuse to overwrite the user's edits."""
    articles_dir = content / "articles"
    inputs, problems = raw_inputs(paths)
    existing = existing_articles(articles_dir)
    taken = {p.stem for p in articles_dir.glob("*.md")} if articles_dir.is_dir() else set()
    written = skipped = 0
    by_format: dict[str, list[Path]] = {}
    for path in inputs:
        by_format.setdefault(format_of(path) or "", []).append(path)
    for fmt, group in by_format.items():
        furniture = collection_furniture(group, fmt)
        for path in group:
            source = path.as_posix()
            try:
                raw = path.read_bytes()
                digest = hashlib.sha256(raw).hexdigest()
                before = existing.get(source)
                if before and before.raw_sha256 == digest and not force:
                    skipped += 1
                    continue
                if before and before.edited and not force:
                    problems.append(
                        f"{before.path}: edited since it was ingested from {source}; "
                        "not overwritten (use --force to replace your edits)"
                    )
                    continue
                extracted = extract(read_raw(path), fmt, furniture)
                if not extracted.blocks:
                    problems.append(f"{path}: no article text found; nothing written")
                    continue
                if before:
                    target = before.path
                else:
                    slug = unique_slug(extracted.title or path.stem, source, taken)
                    taken.add(slug)
                    target = articles_dir / f"{slug}.md"
                text = to_markdown(extracted, {"ingest_source": source, "ingest_sha256": digest})
                text = text.replace("---\n\n", f"{CHECKSUM_KEY}: {checksum(text)}\n---\n\n", 1)
                write_text_atomic(target, text)
                written += 1
                print(f"ingested {path} → {target}")
            except IngestError as err:
                problems.append(str(err))
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"ingest: {written} written, {skipped} unchanged, {len(problems)} problem(s)")
    return 1 if problems else 0
