"""Extracted → the Markdown file ingest writes, or the plain body the benchmark scores."""

from __future__ import annotations

import re

import yaml

from builder.ingest import Block, Extracted

# What would start a block at the beginning of a line in CommonMark: a heading, a quote,
# a list item (`-`, `+`, `*`, `1.`, `1)`, even with nothing after it), a thematic break or
# setext underline (a line of `-`, `=`, `_`, `*`), a `~~~` fence. Every line is checked:
# a list item may interrupt a paragraph.
_LINE_START = re.compile(
    r"^([ \t]*)(?:(#{1,6}|[+\-*])(?=[ \t]|$)|(>)|(\d{1,9})([.)])(?=[ \t]|$)"
    r"|([-=_*])(?=[-=_* \t]*$)|(~~~))",
    re.M,
)
# Inline characters only where Markdown would read them as markup: a backslash before
# punctuation or at a line end (a hard break), backticks, `*` touching a word, runs of `_`
# at a word's edge (`snake_case` is safe), `[x](` or `[x][`, tag-like `<`, entity-like `&`.
_INLINE = re.compile(
    r"""\\(?=[!-/:-@\[-`{-~]|$)|`|\*(?=\S)|(?<=\S)\*|(?<![\w_])_+(?=\S)|(?<=\S)_+(?![\w_])"""
    r"""|\[(?=[^\]]*\][(\[:])|\](?=[(\[])|<(?=[A-Za-z/!?])|&(?=#?\w+;)""",
    re.M,
)


_ENTITIES = {"<": "&lt;", "&": "&amp;"}  # read more easily than `\<` and `\&`


def _escape_line_start(m: re.Match[str]) -> str:
    indent, marker, quote, number, dot, rule, fence = m.groups()
    if number:
        return f"{indent}{number}\\{dot}"  # `1990\.`: a backslash before a digit is literal
    return indent + "\\" + (marker or quote or rule or fence)


def escape_markdown(text: str) -> str:
    """Escape only what Markdown would misread, so the file stays readable:
    `[expletive]` stays as it is, `[x](y)` and `*word*` are escaped."""
    text = _INLINE.sub(
        lambda m: _ENTITIES.get(m.group(0)) or "".join("\\" + c for c in m.group(0)), text)
    return _LINE_START.sub(_escape_line_start, text)


def table_markdown(block: Block) -> str:
    """A table block as a GFM table (its first row the head): every row as many cells,
    a `|` inside a cell escaped."""
    rows = [row.split("\t") for row in block.text.split("\n")]
    marked = [row.split("\t") for row in block.markdown.split("\n")] if block.markdown else None
    width = max(map(len, rows))
    lines = []
    for n, row in enumerate(rows):
        cells = marked[n] if marked is not None else [escape_markdown(c.strip()) for c in row]
        cells = [" ".join(c.split()).replace("|", "\\|") for c in cells]
        cells += [""] * (width - len(cells))
        lines.append("| " + " | ".join(cells) + " |")
        if n == 0:
            lines.append("|" + " --- |" * width)
    return "\n".join(lines)


def block_markdown(block: Block) -> str:
    """One body block as Markdown source."""
    if block.kind == "table":
        return table_markdown(block)
    # Spaces at a line's edges show nothing, but 4 in front make code and 2 behind a break.
    trimmed = "\n".join(line.strip(" \t") for line in block.text.split("\n"))
    inline = block.markdown or escape_markdown(trimmed)
    if block.kind in ("h2", "h3"):
        return "#" * int(block.kind[1]) + " " + " ".join(inline.split())
    if block.kind == "quote":
        return "\n".join("> " + line if line else ">" for line in inline.split("\n"))
    if block.kind == "ul":
        return "\n".join("- " + item for item in inline.split("\n") if item.strip())
    if block.kind == "ol":
        items = [item for item in inline.split("\n") if item.strip()]
        return "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1))
    if block.kind == "pre":
        return "```\n" + block.text + "\n```"
    return inline


def front_matter(extracted: Extracted, extra: dict[str, object]) -> dict[str, object]:
    """The front matter keys in a fixed, readable order; unknown values left out."""
    data: dict[str, object] = {"title": extracted.title or "Untitled"}
    for key in ("dek", "author", "date", "source", "url", "image_caption", "image_credit"):
        value = getattr(extracted, key)
        if value:
            data[key] = value
    if extracted.tags:
        data["tags"] = list(extracted.tags)
    data.update(extra)
    return data


def dump_front_matter(data: dict[str, object]) -> str:
    return yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False
    )


def to_markdown(extracted: Extracted, extra: dict[str, object] | None = None) -> str:
    """The whole file: YAML front matter, then the body blocks."""
    head = dump_front_matter(front_matter(extracted, extra or {}))
    body = "\n\n".join(block_markdown(b) for b in extracted.blocks)
    return f"---\n{head}---\n\n{body}\n"


def body_text(extracted: Extracted) -> str:
    """The article body as plain text, blocks separated by blank lines."""
    return "\n\n".join(b.text for b in extracted.blocks if b.text.strip()) + "\n"
