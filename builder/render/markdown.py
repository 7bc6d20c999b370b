"""Article Markdown → safe HTML, annotated with glossary mentions.

pyromark (pulldown-cmark, in Rust) renders CommonMark with tables; nh3 sanitises the
result, raw HTML and link targets included; the annotator then links mentions in the
clean HTML's text. pulldown-cmark gave the same HTML as markdown-it-py, which Gloss used
before, on every article tried, in a fortieth of the time (Markdown had been an eighth of
a first build's CPU).
"""

from __future__ import annotations

import html
import re
import time
from collections import Counter
from dataclasses import dataclass

import nh3
import pyromark

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
    "a": {"href", "title"},  # gloss links are added after: the article cannot fake one
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


MARKDOWN_OPTIONS = pyromark.Options.ENABLE_TABLES  # CommonMark, raw HTML, and tables
ENGINES = f"pyromark {pyromark.__version__}, nh3 {nh3.__version__}"  # whose output we keep


def to_html(markdown: str) -> str:
    """CommonMark with tables; raw HTML passes through (sanitise it)."""
    return pyromark.html(markdown, options=MARKDOWN_OPTIONS)


class BodyRenderer:
    """Renders article bodies; `seconds` adds up the time of each step (the build reports
    it: four clock reads an article)."""

    def __init__(self, annotator: Annotator | None):
        self._annotator = annotator
        self.seconds: Counter[str] = Counter()

    def render(self, body: str) -> RenderedBody:
        clock = time.perf_counter
        start = clock()
        html = to_html(body)
        rendered = clock()
        clean = sanitise(html)
        sanitised = clock()
        mentions: list[Mention] = []
        if self._annotator is not None:
            clean, mentions = self._annotator.annotate(clean)
        seconds = self.seconds
        seconds["markdown"] += rendered - start
        seconds["sanitise"] += sanitised - rendered
        seconds["annotate"] += clock() - sanitised
        return RenderedBody(clean, tuple(mentions))


# Made once: nh3.clean() builds its sanitiser anew from these sets on every call, 16 µs of
# the 57 it took an article of the benchmark (the same output, tested).
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)


def sanitise(html: str) -> str:
    """Keep article markup, drop anything that could run script or load from elsewhere."""
    return _CLEANER.clean(html)


_TAG = re.compile(r"<[^>]+>")
# (Case-sensitive: plain_text reads nh3's output, whose tag names are in lower case; the
# regex with re.I took half as long again, 20 ms of a first build at 1,000 articles.)
_BLOCK_NAME = (r"(?:p|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|div|br|hr|figure|figcaption|pre"
               r"|table|tr|td|th|thead|tbody|section|article)\b[^>]*>")
# A run of block tags and the white space after each (`</p>\n<p>`): one space between blocks.
_BLOCK_RUN = re.compile(rf"</?{_BLOCK_NAME}(?:\s*</?{_BLOCK_NAME})*\s*")


def plain_text(html_text: str) -> str:
    """Visible text of rendered HTML: blocks apart, inline markup (links, emphasis) joined,
    so `<a>Kremlin</a>’s` stays `Kremlin’s`; white space written as single spaces.

    The runs of block tags take the line breaks between blocks with them, so the text is
    single-spaced already as a rule; the one test in C that says so (no white space but
    single spaces) saves splitting and joining it again: 98 → 67 µs an article."""
    text = _TAG.sub("", _BLOCK_RUN.sub(" ", html_text))
    if "&" in text:
        text = html.unescape(text)
    if text.isprintable() and "  " not in text:  # (every other white space is unprintable)
        return text.strip(" ")
    return " ".join(text.split())
