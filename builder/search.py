"""Documents → the prebuilt Lunr index, written as script files that load under file://."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class SearchDoc:
    """One searchable page: an article or an entity."""

    url: str  # relative to the site root, e.g. "articles/x/index.html"
    kind: str  # "article" | "entity"
    title: str  # article title or entity name
    body: str = ""  # article body (plain text) or entity description
    dek: str = ""
    source: str = ""
    date: str = ""
    names: tuple[str, ...] = ()  # entity names an article mentions; an entity's aliases


def build_search_files(docs: list[SearchDoc]) -> dict[str, bytes]:
    """Relative output path → file content. (First version: documents only, no Lunr yet.)"""
    table = [{"u": d.url, "k": d.kind, "t": d.title, "s": d.source, "d": d.date} for d in docs]
    script = "window.GLOSS_SEARCH=" + json.dumps({"docs": table}, ensure_ascii=False) + ";\n"
    return {"search-index.js": script.encode("utf-8")}
