"""URL-safe, readable slugs."""

from __future__ import annotations

import functools
import re
import unicodedata


@functools.lru_cache(maxsize=65_536)  # every build slugs each article's source and tags again
def slugify(text: str, max_length: int = 80) -> str:
    """`José Andrés’s kitchen` → `jose-andress-kitchen`; never empty, never a path."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("’", "").replace("'", "").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    slug = slug[:max_length].rstrip("-")
    return slug or "untitled"
