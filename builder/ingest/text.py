"""Pasted text → article. (First version: to be replaced by the scoring cleaner.)"""

from __future__ import annotations

from builder.ingest import Block, Extracted


def read_text(text: str, furniture: frozenset[str] = frozenset()) -> Extracted:
    """Paragraphs are non-empty lines; the first one is the title."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lines = [line for line in lines if line not in furniture]
    if not lines:
        return Extracted(title=None, blocks=())
    return Extracted(title=lines[0], blocks=tuple(Block("p", line) for line in lines[1:]))
