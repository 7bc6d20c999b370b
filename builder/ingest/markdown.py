"""Markdown articles are already clean: keep the body, complete the front matter."""

from __future__ import annotations

import re

from builder.frontmatter import parse
from builder.ingest import Block, Extracted

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def read_markdown(text: str) -> Extracted:
    """Title from front matter or the first heading; the body kept as written."""
    parsed = parse(text)
    meta = parsed.meta
    blocks: list[Block] = []
    title = meta.get("title")
    for chunk in re.split(r"\n\s*\n", parsed.body.strip()):
        if not chunk.strip():
            continue
        heading = _HEADING.match(chunk.strip())
        if heading and "\n" not in chunk.strip():
            if title is None and len(heading.group(1)) == 1:
                title = heading.group(2)
                continue
            level = min(max(len(heading.group(1)), 2), 3)
            blocks.append(Block(f"h{level}", heading.group(2), heading.group(2)))
            continue
        blocks.append(Block("p", _plain(chunk), chunk.strip()))
    tags = meta.get("tags") or ()
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    return Extracted(
        title=str(title) if title else None,
        blocks=tuple(blocks),
        dek=_str(meta.get("dek") or meta.get("description")),
        author=_str(meta.get("author")),
        date=_str(meta.get("date")),
        source=_str(meta.get("source")),
        url=_str(meta.get("url")),
        image_caption=_str(meta.get("image_caption")),
        image_credit=_str(meta.get("image_credit")),
        tags=tuple(str(t) for t in tags if t),
    )


def _str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _plain(markdown: str) -> str:
    """Markdown block → plain text, good enough for the body-only form."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s*(?:[-*+]|\d+[.)]|>)\s?", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    return text.strip()
