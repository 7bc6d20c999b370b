"""Raw article (pasted text, saved HTML, Markdown) → cleaned article.

Each reader turns one format into an `Extracted`; `to_markdown` writes the
file ingest stores and `body_text` the plain body the extraction benchmark scores.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """One block of the article body.

    `text` is plain text (list items one per line; a table's rows one per line, its
    cells apart by tabs, the first row its head); `markdown` is the same block as inline
    Markdown when it carries links or emphasis, else "".
    """

    kind: str  # "p" | "h2" | "h3" | "quote" | "ul" | "ol" | "pre" | "table"
    text: str
    markdown: str = ""


@dataclass(frozen=True)
class Extracted:
    """What a reader recovered from one raw article."""

    title: str | None
    blocks: tuple[Block, ...]
    dek: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601; None when the page gives none
    source: str | None = None
    url: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    tags: tuple[str, ...] = ()
