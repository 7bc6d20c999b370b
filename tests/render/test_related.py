"""Companions and related articles: counted on bitsets or one by one, the same answer."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.render import related
from builder.render.related import (
    _best_by_bits,
    _companions_by_bits,
    _companions_by_counting,
    _compute_companions,
)

SLUGS = [f"e{i:02d}" for i in range(12)]
entity_sets = st.lists(st.frozensets(st.sampled_from(SLUGS), max_size=6), max_size=40).map(
    lambda sets: tuple((f"a{i}", entities) for i, entities in enumerate(sets)))


@settings(max_examples=200, deadline=None)
@given(entity_sets, st.integers(min_value=1, max_value=5))
def test_both_ways_of_counting_companions_agree(sets, limit):
    assert _companions_by_bits(sets, limit) == _companions_by_counting(sets, limit)


def test_companions_rank_by_shared_articles_ties_to_the_more_named_then_the_smaller_slug():
    sets = (("a", frozenset({"kyiv", "nato", "zelensky"})),
            ("b", frozenset({"kyiv", "nato"})),
            ("c", frozenset({"kyiv", "berlin"})),
            ("d", frozenset({"paris"})))
    for companions in (_companions_by_bits, _companions_by_counting, _compute_companions):
        found = companions(sets, 2)
        assert found["kyiv"] == ("nato", "berlin")  # 2 articles, then a tie won by b < z
        assert found["zelensky"] == ("kyiv", "nato")
        assert found["paris"] == ()  # never named beside anything
    # ties to the entity more articles name: `zelensky` (in three) before `berlin` (in one)
    sets += (("e", frozenset({"zelensky", "nato"})), ("f", frozenset({"zelensky"})),
             ("g", frozenset({"paris", "berlin", "zelensky"})))
    for companions in (_companions_by_bits, _companions_by_counting, _compute_companions):
        assert companions(sets, 3)["paris"] == ("zelensky", "berlin")


def _best_by_counting(masks: list[int], weights: list[float], exclude: int, limit: int
                      ) -> tuple[int, ...]:
    """The definition: each index's weights added in order, best first, ties to the smaller."""
    scores: dict[int, float] = {}
    for mask, weight in zip(masks, weights, strict=True):
        for i in range(mask.bit_length()):
            if mask >> i & 1 and i != exclude:
                scores[i] = scores.get(i, 0.0) + weight
    return tuple(sorted(scores, key=lambda i: (-scores[i], i))[:limit])


WEIGHTS = st.sampled_from([math.log(1 + 1000 / h) for h in (1, 2, 3, 7, 50, 200)] + [0.1, 0.2])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=(1 << 40) - 1), WEIGHTS),
                max_size=8),
       st.integers(min_value=0, max_value=45), st.integers(min_value=1, max_value=6))
def test_the_best_found_among_bitsets_are_the_best_counted(masks_weights, exclude, limit):
    masks = [m for m, _ in masks_weights]
    weights = sorted((w for _, w in masks_weights), reverse=True)  # as telling entities come
    assert _best_by_bits(masks, weights, exclude, limit) == \
        _best_by_counting(masks, weights, exclude, limit)


@settings(max_examples=100, deadline=None)
@given(entity_sets, st.integers(min_value=1, max_value=5))
def test_related_lists_are_the_same_counted_or_on_bitsets(sets, limit):
    default = related.DENSE_MIN
    try:
        related.DENSE_MIN = 0  # every article's on bitsets
        on_bits = related._compute_related(sets, limit)
        related.DENSE_MIN = 10**9  # every article's counted
        by_counting = related._compute_related(sets, limit)
    finally:
        related.DENSE_MIN = default
    assert on_bits == by_counting
