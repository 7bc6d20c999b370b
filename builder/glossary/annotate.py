"""Put glossary mentions into an article's sanitised HTML, as links to entities.

Works on the body after nh3 has cleaned it: tags are balanced and lowercase, attributes
double-quoted, comments gone and the text escaped, so the text between the tags is what
the reader sees, and a regex reads the tags exactly. Links, headings, code and
abbreviations are never touched, and the visible text never changes: a run of text with
mentions in it is written again, escaped, with each linked mention in a gloss link.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html import escape, unescape

from builder.glossary.match import Found, Matcher
from builder.glossary.sentences import sentence_at, sentence_spans
from builder.model import Mention

# Elements whose text is never annotated.
SKIP = frozenset(
    {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "th", "script", "style", "abbr",
     "kbd", "samp"}
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that end a block of text (inside a list item: that start a new line of it).
BLOCKS = frozenset(
    {"p", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr",
     "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "div", "figure",
     "figcaption", "dl", "dt", "dd", "details", "summary", "section", "article", "aside",
     "header", "footer", "nav", "main"}
)
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"]|"[^"]*")*>')


class _Segment:
    """A run of text at `start` in its block: source[html_start:html_end] of the HTML,
    unescaped; only editable runs (outside links, code, headings) get mentions linked."""

    __slots__ = ("text", "start", "editable", "html_start", "html_end")

    def __init__(self, text: str, start: int, editable: bool, html_start: int, html_end: int):
        self.text = text
        self.start = start
        self.editable = editable
        self.html_start = html_start
        self.html_end = html_end


def _blocks(html: str) -> list[list[_Segment]]:
    """The text blocks of an article: each paragraph or table cell outside lists, and each
    outermost list item as a whole (nested items and code in it included, a line each,
    so a mention's sentence reads on into a sub-item). Headings outside lists are skipped,
    and so are blocks with nothing that may be annotated."""
    blocks: list[list[_Segment]] = []
    block: list[_Segment] = []
    offset = skipped = item = heading = 0
    at_break = True  # at the start of a block or line: leading white space is not text

    def text(start: int, end: int) -> None:
        nonlocal offset, at_break
        if at_break:  # the line break after <br> or </p> in the HTML source, say
            while start < end and html[start].isspace():
                start += 1
            if start == end:
                return
        raw = html[start:end]
        piece = unescape(raw) if "&" in raw else raw
        block.append(_Segment(piece, offset, not skipped, start, end))
        offset += len(piece)
        at_break = False

    def line_break(at: int) -> None:
        nonlocal offset, at_break
        if not at_break:
            block.append(_Segment("\n", offset, False, at, at))
            offset += 1
            at_break = True

    def close() -> None:
        nonlocal block, offset, at_break
        if any(segment.editable for segment in block):
            blocks.append(block)
        block, offset, at_break = [], 0, True

    position = 0
    for tag in _TAG.finditer(html):
        start, end = tag.span()
        if start > position and (item or not heading):
            text(position, start)
        position = end
        closing, name = tag.group(1), tag.group(2).lower()
        step = -1 if closing else 1
        if name in SKIP:
            skipped += step
            if name in HEADINGS:
                heading += step
        if name == "br":
            line_break(end)
        elif name == "li" and (item + step == 0 if closing else item == 0):
            item += step
            close()  # an outermost item begins or ends
        elif name in BLOCKS:
            item += step if name == "li" else 0
            if item:
                line_break(end)
            else:
                close()
    if position < len(html):
        text(position, len(html))
    close()
    return blocks


@dataclass
class Annotator:
    """Annotates one article at a time; collects its mentions with their sentences."""

    matcher: Matcher
    entity_url: dict[str, str]  # entity slug → href from an article page
    every_mention: bool = False
    _link_tags: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def annotate(self, html: str) -> tuple[str, list[Mention]]:
        """The sanitised HTML with its mentions linked; every mention found, in order."""
        mentions: list[Mention] = []
        linked: set[str] = set()
        edits: list[tuple[int, int, str]] = []
        for block in _blocks(html):
            mentions.extend(self._annotate_block(block, linked, edits))
        if not edits:
            return html, mentions
        pieces = []
        position = 0
        for start, end, replacement in edits:
            pieces += (html[position:start], replacement)
            position = end
        pieces.append(html[position:])
        return "".join(pieces), mentions

    def _annotate_block(self, segments: list[_Segment], linked: set[str],
                        edits: list[tuple[int, int, str]]) -> list[Mention]:
        text = "".join(s.text for s in segments)
        found = self.matcher.find(text)
        if not found:
            return []
        starts = [s.start for s in segments]
        placed = [(f, index) for f in found
                  if segments[index := bisect_right(starts, f.start) - 1].editable]
        if not placed:
            return []
        spans = sentence_spans(text, until=placed[-1][0].start)
        mentions = [
            Mention(f.entity, text[f.start : f.end], sentence_at(text, f.start, spans))
            for f, _ in placed
        ]
        wrap: dict[int, list[Found]] = {}
        for f, index in placed:
            if f.entity not in self.entity_url:
                continue
            if not self.every_mention and f.entity in linked:
                continue
            seg = segments[index]
            if f.end > seg.start + len(seg.text):
                continue  # crosses markup (e.g. half inside *emphasis*): leave it alone
            linked.add(f.entity)
            wrap.setdefault(index, []).append(f)
        for index in sorted(wrap):
            seg = segments[index]
            edits.append((seg.html_start, seg.html_end, self._wrapped(seg, wrap[index])))
        return mentions

    def _wrapped(self, seg: _Segment, found: list[Found]) -> str:
        """One text run as HTML again, its mentions in gloss links."""
        text = seg.text
        pieces: list[str] = []
        cursor = 0
        for f in found:
            a, b = f.start - seg.start, f.end - seg.start
            pieces += (_escape_text(text[cursor:a]), self._link_open(f.entity),
                       _escape_text(text[a:b]), "</a>")
            cursor = b
        pieces.append(_escape_text(text[cursor:]))
        return "".join(pieces)

    def _link_open(self, entity: str) -> str:
        """The opening tag of a gloss link, made once per entity (escaping adds up)."""
        tag = self._link_tags.get(entity)
        if tag is None:
            tag = self._link_tags[entity] = (
                f'<a class="gloss" data-entity="{escape(entity)}" '
                f'href="{escape(self.entity_url[entity])}">')
        return tag


def _escape_text(text: str) -> str:
    """As the sanitiser escapes text: & < > and the no-break space."""
    if "&" in text or "<" in text or ">" in text or "\xa0" in text:
        return escape(text, quote=False).replace("\xa0", "&nbsp;")
    return text
