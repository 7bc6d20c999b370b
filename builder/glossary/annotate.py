"""Put glossary mentions into an article's markdown-it token stream, as links to entities.

Works on the parsed tokens, before they are rendered, so links, headings, code and raw
HTML are never touched, and the visible text never changes: the text tokens around a
mention become one token of the same text, escaped, with the mention in a gloss link.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html import escape

from markdown_it.token import Token

from builder.glossary.match import Found, Matcher
from builder.glossary.sentences import sentence_at, sentence_spans
from builder.model import Mention

# Raw inline HTML elements whose text is never annotated (as Markdown links and code are).
SKIP = frozenset(
    {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "abbr",
     "kbd", "samp"}
)
_RAW_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")
_RAW_BREAKS = frozenset({"br", "hr", "p", "div", "li", "tr", "td", "th"})


@dataclass
class Annotator:
    """Annotates one article at a time; collects its mentions with their sentences."""

    matcher: Matcher
    entity_url: dict[str, str]  # entity slug → href from an article page
    every_mention: bool = False
    _link_tags: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def annotate(self, tokens: list[Token]) -> list[Mention]:
        """Wrap mentions in the tokens (in place); every mention found, in order."""
        mentions: list[Mention] = []
        linked: set[str] = set()
        for block in _blocks(tokens):
            mentions.extend(self._annotate_block(block, linked))
        return mentions

    def _annotate_block(self, block: list[tuple[Token | str, bool]],
                        linked: set[str]) -> list[Mention]:
        segments = _segments(block)
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
        for index in sorted(wrap, reverse=True):
            _wrap_segment(segments[index], wrap[index], self._link_open)
        return mentions

    def _link_open(self, entity: str) -> str:
        """The opening tag of a gloss link, made once per entity (escaping adds up)."""
        tag = self._link_tags.get(entity)
        if tag is None:
            tag = self._link_tags[entity] = (
                f'<a class="gloss" data-entity="{escape(entity)}" '
                f'href="{escape(self.entity_url[entity])}">')
        return tag


@dataclass
class _Segment:
    """A run of text at an offset in the block; when editable, children[first:last] of
    the inline token `owner` (text and soft line breaks) make it up."""

    text: str
    start: int
    editable: bool
    owner: Token | None = None
    first: int = 0
    last: int = 0


def _blocks(tokens: list[Token]) -> Iterator[list[tuple[Token | str, bool]]]:
    """The text blocks of an article: each paragraph or table cell outside lists, and each
    outermost list item as a whole (nested items, code and headings in it included, so a
    mention's sentence reads on into a sub-item as before). Headings alone are skipped.
    Each block is a list of (inline token or raw text, whether it may be annotated)."""
    group: list[tuple[Token | str, bool]] | None = None
    depth = 0
    heading = False
    for token in tokens:
        kind = token.type
        if kind == "inline":
            if group is not None:
                group.append((token, not heading))
            elif not heading:
                yield [(token, True)]
        elif kind == "list_item_open":
            if depth == 0:
                group = []
            depth += 1
        elif kind == "list_item_close":
            depth -= 1
            if depth == 0 and group is not None:
                yield group
                group = None
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif group is not None and kind in ("fence", "code_block"):
            group.append((token.content, False))


def _segments(block: list[tuple[Token | str, bool]]) -> list[_Segment]:
    out: list[_Segment] = []
    offset = 0
    for n, (part, editable) in enumerate(block):
        if n:
            out.append(_Segment("\n", offset, False))
            offset += 1
        if isinstance(part, str):
            out.append(_Segment(part, offset, False))
            offset += len(part)
        else:
            offset = _inline_segments(part, editable, out, offset)
    return out


def _inline_segments(inline: Token, editable: bool, out: list[_Segment], offset: int) -> int:
    """Segments of one inline token's children, appended to out; returns the new offset."""
    children = inline.children or []
    link = 0  # depth inside Markdown links
    raw: list[str] = []  # open raw HTML elements we must not touch
    run: _Segment | None = None  # the editable text run being gathered
    for i, child in enumerate(children):
        kind = child.type
        if kind == "text" or kind == "softbreak":
            piece = child.content if kind == "text" else "\n"
            if run is not None:
                run.text += piece
                run.last = i + 1
            else:
                ok = editable and not link and not raw
                run = _Segment(piece, offset, ok, inline, i, i + 1)
                out.append(run)
            offset += len(piece)
            if not run.editable:
                run = None  # only editable runs need their tokens; others stay apart
            continue
        run = None
        piece = ""
        if kind == "link_open":
            link += 1
        elif kind == "link_close":
            link -= 1
        elif kind == "code_inline":
            piece = child.content
        elif kind == "hardbreak":
            piece = "\n"
        elif kind == "html_inline":
            piece = _raw_html(child.content, raw)
        # emphasis marks and images (alt text is an attribute, not text) add no text
        if piece:
            out.append(_Segment(piece, offset, False))
            offset += len(piece)
    return offset


def _raw_html(html: str, open_skipped: list[str]) -> str:
    """Follow raw inline tags that shield their text; the text the tag stands for."""
    tag = _RAW_TAG.match(html)
    if tag is None:
        return ""  # a comment, processing instruction or declaration
    closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
    if name in SKIP and not self_closing:
        if not closing:
            open_skipped.append(name)
        elif name in open_skipped:
            del open_skipped[len(open_skipped) - 1 - open_skipped[::-1].index(name):]
    return "\n" if name in _RAW_BREAKS else ""


def _wrap_segment(seg: _Segment, found: list[Found], link_open: Callable[[str], str]) -> None:
    """Replace one text run's tokens with the same text, mentions linked, as one token of
    rendered HTML (cheaper than a text / link_open / text / link_close token each)."""
    assert seg.owner is not None and seg.owner.children is not None
    text = seg.text
    # Most runs have nothing to escape: then their pieces go as they are.
    esc = _escape_text if "&" in text or "<" in text or ">" in text else _as_is
    pieces: list[str] = []
    cursor = 0
    for f in found:
        a, b = f.start - seg.start, f.end - seg.start
        pieces.append(esc(text[cursor:a]))
        pieces.append(f"{link_open(f.entity)}{esc(text[a:b])}</a>")
        cursor = b
    pieces.append(esc(text[cursor:]))
    seg.owner.children[seg.first : seg.last] = [Token("html_inline", "", 0,
                                                      content="".join(pieces))]


def _escape_text(text: str) -> str:
    return escape(text, quote=False)


def _as_is(text: str) -> str:
    return text
