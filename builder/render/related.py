"""Related articles: the ones sharing the most telling entities with an article.

An entity named in every article relates nothing, so each shared entity weighs
its inverse document frequency; very common entities are skipped when looking
for candidates, which keeps the work near-linear on large sites.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Protocol

from builder.model import Article, Mention

COMMON_SHARE = 0.2  # an entity in more than this share of articles is skipped as a link
MIN_COMMON = 30  # ...but small sites keep every entity


class _View(Protocol):
    article: Article
    mentions: tuple[Mention, ...]


def entity_sets(views: list[_View]) -> dict[str, frozenset[str]]:
    """Article slug → the entities it mentions."""
    return {v.article.slug: frozenset(m.entity for m in v.mentions) for v in views}


def related_articles(views: list[_View], limit: int = 5) -> dict[str, list]:
    """Article slug → up to `limit` views, best first; ties go to the earlier view in `views`.

    `views` should come newest first, so that ties favour recent articles.
    """
    sets = entity_sets(views)
    holders: dict[str, list[int]] = defaultdict(list)
    for i, view in enumerate(views):
        for entity in sets[view.article.slug]:
            holders[entity].append(i)
    n = len(views)
    cap = max(MIN_COMMON, int(n * COMMON_SHARE))
    weight = {e: math.log(1 + n / len(idx)) for e, idx in holders.items()}
    result: dict[str, list] = {}
    for i, view in enumerate(views):
        scores: dict[int, float] = defaultdict(float)
        for entity in sets[view.article.slug]:
            if len(holders[entity]) > cap:
                continue
            for j in holders[entity]:
                if j != i:
                    scores[j] += weight[entity]
        best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        result[view.article.slug] = [views[j] for j, _ in best]
    return result
