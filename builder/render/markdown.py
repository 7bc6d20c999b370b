"""Article Markdown → safe HTML, annotated with glossary mentions on the way.

markdown-it-py parses (CommonMark, with tables); the annotator edits the token stream
before it is rendered, so it sees text only; nh3 then sanitises whatever raw HTML the
article carried.
"""

from __future__ import annotations

import html
import re
import time
from collections import Counter
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt

from builder.glossary.annotate import Annotator
from builder.model import Mention

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class", "data-entity"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "ol": {"start"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class RenderedBody:
    html: str
    mentions: tuple[Mention, ...]


def parser() -> MarkdownIt:
    """CommonMark with tables and raw HTML (nh3 sanitises it afterwards)."""
    return MarkdownIt("commonmark", {"html": True}).enable("table")


class BodyRenderer:
    """One parser, reused across articles; `seconds` adds up the time of each step (the
    build reports it: four clock reads an article)."""

    def __init__(self, annotator: Annotator | None):
        self._md = parser()
        self._annotator = annotator
        self.seconds: Counter[str] = Counter()

    def render(self, body: str) -> RenderedBody:
        clock = time.perf_counter
        start = clock()
        env: dict = {}
        tokens = self._md.parse(body, env)
        parsed = clock()
        mentions = self._annotator.annotate(tokens) if self._annotator else []
        annotated = clock()
        html = self._md.renderer.render(tokens, self._md.options, env)
        rendered = clock()
        clean = sanitise(html)
        seconds = self.seconds
        seconds["markdown"] += parsed - start + rendered - annotated
        seconds["annotate"] += annotated - parsed
        seconds["sanitise"] += clock() - rendered
        return RenderedBody(clean, tuple(mentions))


def sanitise(html: str) -> str:
    """Keep article markup, drop anything that could run script or load from elsewhere."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(
    r"</?(?:p|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|div|br|hr|figure|figcaption|pre|table|tr|td"
    r"|th|thead|tbody|section|article)\b[^>]*>", re.I)


def plain_text(html_text: str) -> str:
    """Visible text of rendered HTML: blocks apart, inline markup (links, emphasis) joined,
    so `<a>Kremlin</a>’s` stays `Kremlin’s`."""
    spaced = _BLOCK_TAG.sub(" ", html_text)
    return " ".join(html.unescape(_TAG.sub("", spaced)).split())
