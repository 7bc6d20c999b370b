"""cache.py: a rendered body survives the trip through pickle (the store, the workers) whole."""

from __future__ import annotations

import pickle

from builder.cache import Rendered, quote_digests, rendered_digest
from builder.model import Body, Mention


def rendered(mentions: tuple[Mention, ...], html: str = "<p>Kyiv and Lviv.</p>") -> Rendered:
    text = "Kyiv and Lviv."
    body = Body.of(html, text, mentions)
    return Rendered(body, 3, "glossary-id", rendered_digest(body, 3),
                    quote_digests(mentions, 12))


def test_a_rendered_body_comes_back_equal_with_its_mentions_as_mentions():
    said = "Kyiv and Lviv."
    mentions = (Mention("kyiv", "Kyiv", said), Mention("lviv", "Lviv", said),
                Mention("kyiv", "Kyiv’s", "Café Kyiv\ud800 stayed."))  # (a lone surrogate)
    for original in (rendered(mentions), rendered(())):
        copy = pickle.loads(pickle.dumps(original, pickle.HIGHEST_PROTOCOL))
        assert copy == original
        assert all(type(m) is Mention for m in copy.body.mentions)
    assert copy.body.mentions == () and copy.body.entity_slugs == ()
    body = pickle.loads(pickle.dumps(rendered(mentions, "<p>Café\ud800</p>"))).body
    assert body.mentions == mentions and body.mentions[0].entity == "kyiv"
    assert body.entity_slugs == ("kyiv", "lviv")
    assert (body.html, body.text) == ("<p>Café\ud800</p>", "Kyiv and Lviv.")


def test_bodies_are_equal_when_what_they_hold_is():
    said = "Kyiv and Lviv."
    assert Body.of("<p>x</p>", "x", (Mention("kyiv", "Kyiv", said),)) == Body.of(
        "<p>x</p>", "x", (Mention("kyiv", "Kyiv", said),))
    assert Body.of("<p>x</p>", "x", ()) != Body.of("<p>y</p>", "x", ())
    assert Body.of("<p>x</p>", "x", ()) != Body.of("<p>x</p>", "x", (Mention("a", "A", "A."),))


def test_the_rendered_digest_follows_html_words_and_mentions_not_how_they_are_held():
    said = "Kyiv and Lviv."
    mentions = (Mention("kyiv", "Kyiv", said),)
    body = Body.of("<p>Kyiv and Lviv.</p>", said, mentions)
    digest = rendered_digest(body, 3)
    assert len(digest) == 32 and rendered_digest(Body.of("<p>Kyiv and Lviv.</p>", "other",
                                                         mentions), 3) == digest
    held = Body(memoryview(body.html_utf8), body.text_utf8, memoryview(body.mentions_data),
                body.entity_slugs)  # as read in place from a store
    assert rendered_digest(held, 3) == digest
    assert rendered_digest(body, 4) != digest
    assert rendered_digest(Body.of("<p>Kyiv and Lviv!</p>", said, mentions), 3) != digest
    assert rendered_digest(Body.of("<p>Kyiv and Lviv.</p>", said,
                                   (Mention("kyiv", "Kyiv", "Other."),)), 3) != digest
    assert rendered_digest(Body.of("<p>Kyiv and Lviv.</p>", said, ()), 3) != digest
