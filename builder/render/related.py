"""Related articles and companion entities, from the entities articles share.

An entity named in every article relates nothing, so each shared entity weighs its
inverse document frequency. Candidates come only from each article's rarest
entities, which keeps the work near-linear on large archives; and both results are
remembered for the same entity sets, so editing an article's words costs nothing here.
"""

from __future__ import annotations

import hashlib
import heapq
import marshal
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from builder.model import Article

COMMON_SHARE = 0.2  # an entity in more than this share of articles is skipped as a link
MIN_COMMON = 30  # ...but small sites keep every entity
MAX_HOLDERS = 300  # ...and large ones skip any entity in more articles than this
KEY_ENTITIES = 8  # an article's rarest entities propose its related articles
DENSE_MIN = 64  # (_compute_related: at least this many holders to count, for bitsets)

# (article slug, the entities it names, each once, in the order it first names them)
EntitySets = tuple[tuple[str, Collection[str]], ...]
T = TypeVar("T")
K = TypeVar("K", int, str)


class _View(Protocol):
    article: Article
    entity_slugs: tuple[str, ...]  # the entities it mentions, in order of first mention


def entity_sets(views: list[_View]) -> EntitySets:
    """(article slug, the entities it mentions), in the order of views."""
    return tuple((v.article.slug, v.entity_slugs) for v in views)


def related_articles(views: list[_View], limit: int = 5) -> dict[str, list]:
    """Article slug → up to `limit` views, best first; ties go to the earlier view in `views`.

    `views` should come newest first, so that ties favour recent articles.
    """
    ranked = _related_indices(entity_sets(views), limit)
    return {view.article.slug: [views[j] for j in ranked[i]] for i, view in enumerate(views)}


# Results of the last site, by (what, digest of its entity sets, limit): build.py keeps them
# between processes, so that `gloss build` after editing an article's words does not work
# out again which articles relate (seconds on 10,000 articles).
SAVED: dict[tuple[str, str, int], object] = {}


@lru_cache(maxsize=2)  # related lists and companions ask for the same sets' digest
def _digest(sets: EntitySets) -> str:
    """Of the sets as given, in one C call (sorting each set, as before, was 10 ms of a
    fresh one-article build at 1,000 articles): an article naming the same entities in
    another order makes another digest, and only costs working the lists out again."""
    return hashlib.blake2b(marshal.dumps(sets, 2), digest_size=16).hexdigest()


def _saved(kind: str, compute: Callable[[EntitySets, int], T]) -> Callable[[EntitySets, int], T]:
    """compute, answered from SAVED when the entity sets are those it was saved for."""
    def wrapper(sets: EntitySets, limit: int) -> T:
        key = (kind, _digest(sets), limit)
        if key not in SAVED:
            for old in [k for k in SAVED if k[0] == kind]:
                del SAVED[old]
            SAVED[key] = compute(sets, limit)
        return SAVED[key]  # type: ignore[return-value]
    return wrapper


@lru_cache(maxsize=4)
def _related_indices(sets: EntitySets, limit: int) -> tuple[tuple[int, ...], ...]:
    return _saved("related", _compute_related)(sets, limit)


def _compute_related(sets: EntitySets, limit: int) -> tuple[tuple[int, ...], ...]:
    """Each article's best `limit` others: scored by the weights of its telling entities
    they also name (added in the order of the telling entities), ties to the smaller
    index. Counted one holder at a time, or found among bitsets (_best_by_bits) where an
    article's telling entities are named often relative to the size of the site: the same
    answer, at 1,000 benchmark articles in 0.042 s instead of 0.12 s."""
    holders: dict[str, list[int]] = defaultdict(list)
    for i, (_, entities) in enumerate(sets):
        for entity in entities:
            holders[entity].append(i)
    n = len(sets)
    cap = min(max(MIN_COMMON, int(n * COMMON_SHARE)), max(MIN_COMMON, MAX_HOLDERS))
    weight = {e: math.log(1 + n / len(idx)) for e, idx in holders.items()}
    # (holders, name) of each entity an article may be related by: the rarer, the first
    telling_rank = {e: (len(idx), e) for e, idx in holders.items() if len(idx) <= cap}
    masks: dict[str, int] = {}
    dense = max(DENSE_MIN, n // 16)  # holders to count, above which bitsets cost less
    result = []
    for i, (_, entities) in enumerate(sets):
        telling = [e for _, e in
                   sorted(filter(None, map(telling_rank.get, entities)))[:KEY_ENTITIES]]
        if sum(len(holders[e]) for e in telling) < dense:
            scores: dict[int, float] = defaultdict(float)
            for entity in telling:
                w = weight[entity]
                for j in holders[entity]:
                    scores[j] += w
            scores.pop(i, None)
            result.append(tuple(j for j, _ in _best(scores, limit)))
            continue
        bits = []
        for entity in telling:
            mask = masks.get(entity)
            if mask is None:
                mask = masks[entity] = _bits(holders[entity], n)
            bits.append(mask)
        result.append(_best_by_bits(bits, [weight[e] for e in telling], i, limit))
    return tuple(result)


def _best_by_bits(masks: list[int], weights: list[float], exclude: int, limit: int
                  ) -> tuple[int, ...]:
    """The `limit` indices of highest score, ties to the smaller, `exclude` left out; an
    index's score is the sum of the weights of the masks holding it, added in order.

    The indices are split, mask by mask, into those in it and those not (depth first, in
    first); each leaf is a set of indices of one score. A branch whose score plus all the
    weights still to come cannot reach the limit-th best score found is not walked, nor
    is a leaf below it kept: few of the up to 2^8 leaves are. (A loop over a stack, not
    recursion, and no leaf kept below the limit-th best: the related lists of 1,000
    benchmark articles in 42 ms instead of 53.)"""
    k = len(masks)
    slack = 1e-9 * (1.0 + sum(weights))  # the bounds add in another order than the scores
    rest = [slack] * (k + 1)  # the weights still to come, from each depth
    for m in range(k - 1, -1, -1):
        rest[m] = weights[m] + rest[m + 1]
    union = 0
    for mask in masks:
        union |= mask
    if union >> exclude & 1:
        union ^= 1 << exclude
    leaves: list[tuple[float, int]] = []  # (score, its indices as bits), none below threshold
    threshold = -math.inf  # the limit-th best score found so far
    stack = [(0, 0.0, union)] if union else []
    while stack:
        m, score, found = stack.pop()
        if score + rest[m] < threshold:
            continue
        if m == k:
            leaves.append((score, found))
            leaves.sort(reverse=True)
            count = 0
            for best, bits in leaves:
                count += bits.bit_count()
                if count >= limit:
                    threshold = best
                    break
            continue
        mask = masks[m]
        outside = found & ~mask
        if outside:
            stack.append((m + 1, score, outside))
        inside = found & mask
        if inside:  # (taken first)
            stack.append((m + 1, score + weights[m], inside))
    out: list[int] = []
    n = 0
    while n < len(leaves) and len(out) < limit:
        score, merged = leaves[n][0], 0
        while n < len(leaves) and leaves[n][0] == score:  # one score: the smaller first
            merged |= leaves[n][1]
            n += 1
        while merged and len(out) < limit:
            low = merged & -merged
            out.append(low.bit_length() - 1)
            merged ^= low
    return tuple(out)


def _best(counts: dict[K, float], limit: int, tie: Callable[[K], Any] | None = None
          ) -> list[tuple[K, float]]:
    """The `limit` items of highest count, ties to the smaller key (or `tie(key)`).

    Only items reaching the limit-th highest count are sorted with a key: there are
    hundreds of candidates per article, and a Python key call for each was most of the
    time of a cold build's related lists.
    """
    if len(counts) > limit:
        cut = sorted(counts.values(), reverse=True)[limit - 1]
        items = [kv for kv in counts.items() if kv[1] >= cut]
    else:
        items = list(counts.items())
    items.sort(key=(lambda kv: (-kv[1], kv[0])) if tie is None else
               (lambda kv: (-kv[1], tie(kv[0]))))
    return items[:limit]


@lru_cache(maxsize=4)
def companions(sets: EntitySets, limit: int = 8) -> dict[str, tuple[str, ...]]:
    """Entity slug → the entities that most often share an article with it."""
    return _saved("companions", _compute_companions)(sets, limit)


def _compute_companions(sets: EntitySets, limit: int) -> dict[str, tuple[str, ...]]:
    """Each entity's companions: by how many articles name both, ties to the entity named
    in more articles (then the smaller slug: not all in alphabetical order, where one
    article names them all).

    Counted pair by pair on bitsets when that is cheaper than counting every pair of
    entities in every article (0.50 -> 0.11 s at 10,000 articles of ~27 entities each);
    the two ways give the same answer."""
    pairs = sum(len(entities) ** 2 for _, entities in sets)
    mentioned = len(set().union(*(entities for _, entities in sets)))
    # measured costs in ns: an `&` and bit_count of two n-bit ints, one Counter increment
    if mentioned * mentioned * (300 + len(sets) // 43) < 65 * pairs:
        return _companions_by_bits(sets, limit)
    return _companions_by_counting(sets, limit)


def _companions_by_counting(sets: EntitySets, limit: int) -> dict[str, tuple[str, ...]]:
    together: dict[str, Counter[str]] = defaultdict(Counter)
    for _, entities in sets:
        for entity in entities:
            together[entity].update(entities)
    named = {entity: counts[entity] for entity, counts in together.items()}  # in how many
    out = {}
    for entity, counts in together.items():
        del counts[entity]
        out[entity] = tuple(s for s, _ in _best(counts, limit,
                                                tie=lambda slug: (-named[slug], slug)))
    return out


def _companions_by_bits(sets: EntitySets, limit: int) -> dict[str, tuple[str, ...]]:
    """The articles naming an entity as the bits of an int: a pair's count is then one
    `&` and bit_count, in C."""
    held: dict[str, list[int]] = defaultdict(list)
    for i, (_, entities) in enumerate(sets):
        for entity in entities:
            held[entity].append(i)
    # so that a stable sort sends ties to the entity named more often, then the smaller slug
    names = sorted(held, key=lambda name: (-len(held[name]), name))
    masks = [_bits(held[name], len(sets)) for name in names]
    order = range(len(names))
    out = {}
    for a, mask in enumerate(masks):
        together = list(map(int.bit_count, map(mask.__and__, masks)))
        together[a] = 0
        best = heapq.nlargest(limit, order, key=together.__getitem__)  # stable, as sorted()
        out[names[a]] = tuple(names[b] for b in best if together[b])
    return out


def _bits(indices: list[int], size: int) -> int:
    """An int whose bits at indices are set (through a bytearray: or-ing ints one bit at a
    time copies the growing int each time)."""
    flags = bytearray(size // 8 + 1)
    for i in indices:
        flags[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(flags, "little")
