"""URL-safe, readable slugs."""

from __future__ import annotations

import functools
import re
import unicodedata

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@functools.lru_cache(maxsize=65_536)  # every build slugs each article's source and tags again
def slugify(text: str, max_length: int = 80) -> str:
    """`José Andrés’s kitchen` → `jose-andress-kitchen`, `Андрей Рудьков` →
    `andrei-rudkov`, `Straße` → `strasse`; never empty, never a path.

    Letters that are no Latin letter with marks are transliterated by anyascii, imported
    only for them (4–6 ms, once a process): without it, names in Cyrillic, Greek or
    Chinese all slugged to `untitled`, `untitled-2`…, pages whose address said nothing and
    changed with the order of the glossary."""
    if len(text) <= max_length and _SLUG.fullmatch(text):  # a slug already: a file's name
        return text
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    if not folded.isascii():
        from anyascii import anyascii

        folded = anyascii(folded)
    folded = folded.replace("’", "").replace("'", "").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    slug = slug[:max_length].rstrip("-")
    return slug or "untitled"
