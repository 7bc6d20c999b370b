"""Property tests: the matcher and annotator on any Unicode text."""

import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.glossary.annotate import Annotator
from builder.glossary.match import Matcher
from builder.model import Entity
from builder.render.markdown import BodyRenderer

ENTITIES = [
    Entity("Kremlin", "kremlin", "organization"),
    Entity("José Andrés", "jose-andres", "person", aliases=("Andrés",), accent_insensitive=True),
    Entity("New York", "new-york", "place"),
    Entity("New York Sun", "nys", "organization"),
    Entity("U.S.", "us", "place"),
    Entity("May", "may", "person"),
    Entity("北京", "beijing", "place"),
    Entity("bank", "bank", "organization", case_insensitive=True),
]
MATCHER = Matcher(ENTITIES)
URLS = {e.slug: f"../entities/{e.slug}.html" for e in ENTITIES}
ANNOTATED = BodyRenderer(Annotator(MATCHER, URLS, every_mention=True))
PLAIN = BodyRenderer(None)

words = st.sampled_from(["Kremlin", "Kremlin’s", "José", "Andrés", "Jose", "Andres", "New",
                         "York", "Sun", "U.S.", "May", "北京", "bank", "BANK", "the", "and",
                         "*", "_", "`", "[", "]", "(", ")", "#", ">", "-", "\n", "\n\n", "'",
                         "’s", "<b>", "</b>", "&amp;", "http://x.org", '"', "\u00a0",
                         "&nbsp;", "&quot;", "&#39;", "<br>", "<p>", "</p>", "- ", "| a |"])
texts = st.lists(st.one_of(words, st.text(max_size=8)), max_size=40).map(" ".join)


def visible(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_matcher_never_crashes_and_spans_are_in_text(text: str):
    for found in MATCHER.find(text):
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end].strip() == text[found.start : found.end]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_mentions_do_not_overlap(text: str):
    found = MATCHER.find(text)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


@settings(max_examples=300, deadline=None)
@given(texts)
def test_annotation_only_wraps_never_changes_visible_text(text: str):
    assert visible(ANNOTATED.render(text).html) == visible(PLAIN.render(text).html)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=string.printable + "éü’“”—北京", max_size=200))
def test_rendering_any_text_is_safe(text: str):
    html = ANNOTATED.render(text).html
    assert "<script" not in html.lower()
    assert not re.search(r"<[^>]+\son\w+=", html)


GLOSS_LINK = re.compile(r'<a class="gloss" data-entity="[^"]*" href="[^"]*">(.*?)</a>', re.S)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_annotation_adds_gloss_links_and_nothing_else(text: str):
    """Unwrapped, the annotated HTML is the sanitised HTML, byte for byte: the annotator
    escapes what it writes again exactly as the sanitiser did."""
    assert GLOSS_LINK.sub(r"\1", ANNOTATED.render(text).html) == PLAIN.render(text).html


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_matcher_of_the_names_in_a_text_finds_the_same(text: str):
    assert Matcher(ENTITIES, only_in=[text]).find(text) == MATCHER.find(text)
