"""cache.py: a rendered body survives the trip through pickle (the store, the workers) whole."""

from __future__ import annotations

import pickle

from builder.cache import Rendered, quote_digests, rendered_digest
from builder.model import Mention


def rendered(mentions: tuple[Mention, ...]) -> Rendered:
    html = "<p>Kyiv and Lviv.</p>"
    return Rendered(html, mentions, 3, "Kyiv and Lviv.", "glossary-id",
                    rendered_digest(html, 3, mentions), quote_digests(mentions, 12))


def test_a_rendered_body_comes_back_equal_with_its_mentions_as_mentions():
    said = "Kyiv and Lviv."
    mentions = (Mention("kyiv", "Kyiv", said), Mention("lviv", "Lviv", said))
    for original in (rendered(mentions), rendered(())):
        copy = pickle.loads(pickle.dumps(original, pickle.HIGHEST_PROTOCOL))
        assert copy == original
        assert all(type(m) is Mention for m in copy.mentions)
    assert copy.mentions == ()
    first = pickle.loads(pickle.dumps(rendered(mentions))).mentions[0]
    assert (first.entity, first.text, first.sentence) == ("kyiv", "Kyiv", "Kyiv and Lviv.")
