"""What is not the article: rules and scoring. (First version: collection furniture only.)"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def normalise_line(line: str) -> str:
    return " ".join(line.split()).casefold()


def furniture_lines(
    texts: Iterable[str], min_share: float = 0.5, min_count: int = 3
) -> frozenset[str]:
    """Lines (normalised) that recur in many texts of a collection: the site's furniture."""
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        total += 1
        counts.update({normalise_line(line) for line in text.split("\n") if line.strip()})
    if total < min_count:
        return frozenset()
    return frozenset(
        line for line, n in counts.items() if n >= min_count and n >= min_share * total
    )
