"""Saved HTML page → article. (First version: trafilatura's text; to be deepened.)"""

from __future__ import annotations

import trafilatura

from builder.ingest import Block, Extracted


def read_html(html: str) -> Extracted:
    """Body paragraphs from trafilatura; title from its metadata."""
    text = trafilatura.extract(html, include_comments=False) or ""
    meta = trafilatura.extract_metadata(html)
    blocks = tuple(Block("p", line.strip()) for line in text.split("\n") if line.strip())
    return Extracted(
        title=getattr(meta, "title", None),
        blocks=blocks,
        author=getattr(meta, "author", None),
        date=getattr(meta, "date", None),
        source=getattr(meta, "sitename", None),
        url=getattr(meta, "url", None),
    )
