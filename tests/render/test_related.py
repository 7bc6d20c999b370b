"""Companion entities: counted on bitsets or pair by pair, the same answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.render.related import (
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
