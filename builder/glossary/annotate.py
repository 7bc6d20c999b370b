"""Put glossary mentions into an article's element tree, as links to entity pages.

Works on the tree Python-Markdown built (like its abbr extension), so links,
headings, code and raw HTML are never touched, and the visible text never changes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from builder.glossary.match import Matcher
from builder.glossary.sentences import sentence_at, sentence_spans
from builder.model import Mention

BLOCKS = frozenset({"p", "li", "td", "th", "dd", "dt", "figcaption"})
SKIP = frozenset(
    {
        "a",
        "code",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "script",
        "style",
        "abbr",
        "kbd",
        "samp",
    }
)


@dataclass
class Annotator:
    """Annotates one article at a time; collects its mentions with their sentences."""

    matcher: Matcher
    entity_url: dict[str, str]  # entity slug → href from an article page
    every_mention: bool = False

    def annotate(self, root: ET.Element) -> list[Mention]:
        mentions: list[Mention] = []
        linked: set[str] = set()
        for block in _blocks(root):
            mentions.extend(self._annotate_block(block, linked))
        return mentions

    def _annotate_block(self, block: ET.Element, linked: set[str]) -> list[Mention]:
        segments = _segments(block)
        text = "".join(s.text for s in segments)
        found = self.matcher.find(text)
        if not found:
            return []
        found = [f for f in found if _in_prose(segments, f.start)]
        spans = sentence_spans(text)
        mentions = [
            Mention(f.entity, text[f.start : f.end], sentence_at(text, f.start, spans))
            for f in found
        ]
        wrap: dict[int, list] = {}
        for f in found:
            if f.entity not in self.entity_url:
                continue
            if not self.every_mention and f.entity in linked:
                continue
            seg_index = _segment_at(segments, f.start, f.end)
            if seg_index is None:
                continue  # crosses markup (e.g. half inside <em>): leave it alone
            linked.add(f.entity)
            wrap.setdefault(seg_index, []).append(f)
        for index in sorted(wrap, reverse=True):
            _wrap_segment(segments[index], wrap[index], self.entity_url)
        return mentions


@dataclass
class _Segment:
    """A run of text in the tree: an element's .text or .tail, at an offset in the block."""

    element: ET.Element
    attr: str  # "text" | "tail"
    text: str
    start: int
    editable: bool
    parent: ET.Element | None = None


def _blocks(root: ET.Element):
    """Block elements holding text, outside skipped subtrees."""
    for child in root:
        if child.tag in SKIP:
            continue
        if child.tag in BLOCKS:
            yield child
        else:
            yield from _blocks(child)


def _segments(block: ET.Element) -> list[_Segment]:
    out: list[_Segment] = []
    offset = 0

    def visit(element: ET.Element, editable: bool) -> None:
        nonlocal offset
        inside = editable and element.tag not in SKIP and element.get("class") != "gloss"
        if element.text:
            out.append(_Segment(element, "text", element.text, offset, inside))
            offset += len(element.text)
        for child in list(element):
            visit(child, inside)
            if child.tail:
                out.append(_Segment(child, "tail", child.tail, offset, inside, element))
                offset += len(child.tail)

    visit(block, True)
    return out


def _in_prose(segments: list[_Segment], start: int) -> bool:
    """Whether offset start lies in text we may annotate (not code, a link or a heading)."""
    for seg in segments:
        if seg.start <= start < seg.start + len(seg.text):
            return seg.editable
    return False


def _segment_at(segments: list[_Segment], start: int, end: int) -> int | None:
    for index, seg in enumerate(segments):
        if seg.start <= start and end <= seg.start + len(seg.text):
            return index if seg.editable else None
    return None


def _wrap_segment(seg: _Segment, found: list, entity_url: dict[str, str]) -> None:
    """Split one text run into text + <a class="gloss"> links."""
    pieces: list[ET.Element] = []
    cursor = 0
    head = None
    for f in found:
        a, b = f.start - seg.start, f.end - seg.start
        before = seg.text[cursor:a]
        link = ET.Element(
            "a", {"class": "gloss", "href": entity_url[f.entity], "data-entity": f.entity}
        )
        link.text = seg.text[a:b]
        if pieces:
            pieces[-1].tail = (pieces[-1].tail or "") + before
        else:
            head = before
        pieces.append(link)
        cursor = b
    pieces[-1].tail = seg.text[cursor:]
    if seg.attr == "text":
        seg.element.text = head
        for i, piece in enumerate(pieces):
            seg.element.insert(i, piece)
    else:
        parent = seg.parent
        assert parent is not None
        seg.element.tail = head
        position = list(parent).index(seg.element) + 1
        for i, piece in enumerate(pieces):
            parent.insert(position + i, piece)
