"""Saved HTML page → article.

trafilatura finds the article body (it leads the public benchmarks, and in
precision mode measured best on our dev pages); its XML tree keeps the
paragraphs, headings, lists, quotes, links and emphasis we turn into blocks.
On top sits a news-specific layer (below): leftover furniture paragraphs go,
and paragraphs the extractor dropped come back from a second extractor
(readability-lxml) and from embedded social posts. Metadata comes from the
page's structured data first (`builder.ingest.structured`).
"""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from readability import Document as ReadabilityDocument

from builder.ingest import Block, Extracted
from builder.ingest.boilerplate import (
    end_notes_start,
    without_hover_cards,
    without_link_notes,
)
from builder.ingest.structured import (
    PageMeta,
    clean,
    iso_date,
    read_structured,
    without_site_name,
)
from builder.ingest.write import escape_markdown

_HEADS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
_EMPHASIS = {"#b": "**", "#i": "*", "#t": "`"}


# ---------------------------------------------------------------- parsing

def parse_page(html: str) -> lxml_html.HtmlElement | None:
    """The page as an lxml tree, or None when there is nothing to parse."""
    if not html or not html.strip():
        return None
    try:  # as UTF-8 bytes, said so: left to guess, libxml2 reads a page with no charset
        # declaration near its top as Latin-1 ("Playâ\x80¦and Pay" for "Play…and Pay")
        return lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


_PARSER = lxml_html.HTMLParser(encoding="utf-8")


def extract_body(html: str) -> etree._Element | None:
    """trafilatura's article tree (precision mode, no comments), or None."""
    try:
        doc = trafilatura.bare_extraction(
            html, favor_precision=True, include_comments=False, include_links=True,
            include_formatting=True, include_tables=True, with_metadata=False,
        )
    except Exception:  # noqa: BLE001 - a third-party parser must never crash ingest
        return None
    return getattr(doc, "body", None)


# ---------------------------------------------------------------- inline

def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def inline(el: etree._Element, newlines: bool = False) -> tuple[str, str]:
    """Plain text and inline Markdown of one trafilatura element's content.

    Only http(s) links survive as links; <lb/> becomes a newline where the
    block keeps lines (quotes, code) and a space elsewhere.
    """
    plain: list[str] = []
    marked: list[str] = []

    def add(text: str | None) -> None:
        if text:
            plain.append(text)
            marked.append(escape_markdown(text))

    def walk(node: etree._Element) -> None:
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "lb":
                plain.append("\n" if newlines else " ")
                marked.append("\n" if newlines else " ")
            elif tag in ("hi", "ref", "del", "span", "p", "item", "cell", "head", "quote"):
                p_start, m_start = len(plain), len(marked)
                add(child.text)
                walk(child)
                inner_plain = "".join(plain[p_start:])
                inner_md = "".join(marked[m_start:])
                del marked[m_start:]
                marked.append(_decorate(child, inner_plain, inner_md))
                if tag in ("p", "item", "head", "quote"):
                    plain.append(" ")
                    marked.append(" ")
            elif tag:
                add(child.text)
                walk(child)
            add(child.tail)

    add(el.text)
    walk(el)
    return _tidy("".join(plain), newlines), _tidy("".join(marked), newlines)


def _decorate(node: etree._Element, plain: str, md: str) -> str:
    """Wrap a run of inline Markdown in emphasis or a link, keeping edge spaces outside."""
    core = md.strip()
    if not core or not plain.strip():
        return md
    lead = md[: len(md) - len(md.lstrip())]
    trail = md[len(md.rstrip()):]
    if node.tag == "ref":
        target = (node.get("target") or "").strip()
        if target.startswith(("http://", "https://")) and " " not in target:
            target = target.replace("(", "%28").replace(")", "%29")
            return f"{lead}[{core}]({target}){trail}"
        return md
    if node.tag == "hi":
        mark = _EMPHASIS.get(node.get("rend", ""))
        # (not a run of punctuation alone: `*Live Science**.*` shows its asterisks)
        if mark and "\n" not in core and re.search(r"\w", plain):
            return f"{lead}{mark}{core}{mark}{trail}"
    return md


def _tidy(text: str, newlines: bool) -> str:
    text = without_link_notes(without_hover_cards(text))
    if newlines:
        lines = [" ".join(line.split()) for line in text.split("\n")]
        return "\n".join(line for line in lines if line)
    return " ".join(text.split())


def _block(kind: str, plain: str, md: str) -> Block | None:
    """A Block, with Markdown only when it differs from the escaped plain text."""
    if not re.search(r"[^\W_]", plain):  # nothing to read: a rule drawn in `____`
        return None
    simple = "\n".join(escape_markdown(line) for line in plain.split("\n"))
    return Block(kind, plain, "" if md == simple else md)


# ---------------------------------------------------------------- blocks

def body_blocks(body: etree._Element) -> list[tuple[Block, float]]:
    """trafilatura's tree → blocks in document order, each with its share of link text."""
    blocks: list[tuple[Block, float]] = []
    loose = _block("p", " ".join((body.text or "").split()), "")
    if loose:
        blocks.append((loose, 0.0))
    for el in body:
        share = link_share(el)
        blocks.extend((block, share) for block in element_blocks(el))
        # Text between blocks (trafilatura keeps it as a tail) is a paragraph of its own.
        loose = _block("p", " ".join((el.tail or "").split()), "")
        if loose:
            blocks.append((loose, 0.0))
    return blocks


def link_share(el: etree._Element) -> float:
    """How much of an element's text sits inside links (1.0 = a bare link)."""
    total = len("".join(el.itertext()).strip())
    if not total:
        return 0.0
    linked = sum(len("".join(ref.itertext()).strip()) for ref in el.iter("ref"))
    return min(1.0, linked / total)


def element_blocks(el: etree._Element) -> list[Block]:
    """Blocks for one top-level element of the extracted tree."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "head":
        kind = _HEADS.get(el.get("rend", "h2"), "h3")
        block = _block(kind, *inline(el))
        return [block] if block else []
    if tag == "list":
        return _list_block(el)
    if tag == "quote":
        block = _block("quote", *inline(el, newlines=True))
        if block and "\n" not in block.text and len(el):
            parts = [inline(child) for child in el if child.tag == "p"]
            if len(parts) > 1:
                block = _block("quote", "\n".join(p for p, _ in parts),
                               "\n".join(m for _, m in parts))
        return [block] if block else []
    if tag == "code":
        text = "".join(el.itertext()).strip("\n")
        return [Block("pre", text)] if text.strip() else []
    if tag == "table":
        return _table_blocks(el)
    if tag in ("graphic", "lb"):
        return []
    block = _block("p", *inline(el))
    return [block] if block else []


def _list_block(el: etree._Element) -> list[Block]:
    """A list as one block, one item a line; nested lists flattened into items."""
    items = [inline(item) for item in el.iter("item")
             if not any(isinstance(c.tag, str) and c.tag == "list" for c in item)
             or (item.text or "").strip()]
    items = [(p, m) for p, m in items if p]
    if not items:
        return []
    kind = "ol" if el.get("rend", "").lower() in ("ol", "1", "a", "i") else "ul"
    block = _block(kind, "\n".join(p for p, _ in items), "\n".join(m for _, m in items))
    return [block] if block else []


def _table_blocks(el: etree._Element) -> list[Block]:
    """A table as a table block (rows by lines, cells by tabs); a table of one row or one
    column, mostly layout, as a paragraph a row, cells apart by ' | '."""
    rows = []
    for row in el.iter("row"):
        cells = [tuple(" ".join(part.split()) for part in inline(cell))
                 for cell in row.iter("cell")]
        if any(plain for plain, _ in cells) and not (rows and cells == rows[0]):
            rows.append(cells)  # (the head repeated, as a table's foot or every few rows: once)
    if len(rows) >= 2 and max(map(len, rows)) >= 2:
        plain = "\n".join("\t".join(p for p, _ in row) for row in rows)
        marked = "\n".join("\t".join(m for _, m in row) for row in rows)
        simple = "\n".join("\t".join(escape_markdown(p) for p, _ in row) for row in rows)
        return [Block("table", plain, "" if marked == simple else marked)]
    blocks: list[Block] = []
    for cells in rows:
        cells = [(p, m) for p, m in cells if p]
        block = _block("p", " | ".join(p for p, _ in cells), " | ".join(m for _, m in cells))
        if block:
            blocks.append(block)
    return blocks


# ---------------------------------------------------------------- news layer

# Paragraphs that news pages wrap around an article and extractors let through:
# prompts (share, subscribe, follow, comment), cross-links, agency credits.
_FURNITURE = re.compile("^(?:" + "|".join([
    r"advertisement", r"advertising", r"sponsored( content)?", r"ad", r"story continues below",
    r"comments?", r"\d+ comments?", r"tell us what you think.*", r"you may also like.*",
    r"(see|read|watch) (more|also):.*", r"don'?t miss\b.*", r"related( stories| articles)?:.*",
    r"related( stories| articles| coverage)?", r"also on [\w.]+\b.*", r"more from\b.*",
    r"recommended( for you)?:?", r"trending( now)?:?",
    r"(like|enjoy(ed)?) this (story|article)\b.*",
    r"share (this|on)\b.*", r"(click|tap) here\b.*", r"source: .*",
    r"\(?(reporting|additional reporting|writing|editing) by\b.*",
    r"updated( at)? \d{1,2}[:.]\d{2}\s*[ap]\.?m\.?.*", r"copyright\b.*", r"©.*",
    r"all rights reserved.*",
]) + ")$", re.I)
_PROMPT = re.compile("|".join([
    r"\bsign up\b.*\bnewsletter", r"\bnewsletter\b.*\bsign up\b",
    r"\bsubscribe (to|for)\b.*\bnewsletter", r"\bin your inbox\b",
    r"\bdelivered (to|through) your (inbox|letterbox)",
    r"\bfollow (us|him|her|them|[A-Z][\w ]{0,40}) on (twitter|facebook|instagram)",
    r"\b(may|can) be reached at\b", r"\bhave a tip\?",
]), re.I)
_URL = re.compile(r"^(https?://|www\.)\S+$")


def norm(text: str) -> str:
    """Lower-case words only: for comparing a block with the title or with another block."""
    return " ".join(re.findall(r"\w+", text.lower()))


def is_furniture(block: Block, link_share: float) -> bool:
    """True for a block that belongs to the page around the article, not to the story."""
    text = block.text.strip()
    words = len(text.split())
    if words <= 25 and _FURNITURE.match(text):
        return True
    if words <= 60 and _PROMPT.search(text):
        return True
    return is_cross_link(block, link_share)


def is_cross_link(block: Block, link_share: float) -> bool:
    """A headline-like paragraph that is nothing but a link: a pointer to another story.

    Linked URLs, references ("[1] …") and sentence fragments (lower-case start
    or closing punctuation) are article text that happens to be linked.
    """
    text = block.text.strip()
    if block.kind not in ("p", "h2", "h3") or link_share < 0.9:
        return False
    if not 3 <= len(text.split()) <= 25 or _URL.match(text) or text.startswith("["):
        return False
    return text[0].isupper() and text.rstrip()[-1] not in ".,;:!?)"


def drop_furniture(items: list[tuple[Block, float]], title: str | None) -> list[Block]:
    """The blocks that tell the story: furniture and a repeated headline removed."""
    head = norm(title or "")
    kept = [b for b, share in items if not is_furniture(b, share)]
    while kept and head and norm(kept[0].text) == head:
        kept.pop(0)
    return kept


# ---------------------------------------------------------------- recovery

_SENTENCE_END = tuple(".!?\"”’'…")


def second_opinion(html: str) -> list[tuple[str, float, str]]:
    """readability-lxml's article paragraphs with their link share and tag, in page order.

    A second extractor with a different scoring catches paragraphs trafilatura
    drops (a story split around an ad, link text pruned out of a sentence).
    """
    try:
        summary = ReadabilityDocument(html).summary(html_partial=True)
        doc = lxml_html.fragment_fromstring(summary, create_parent="div")
    except Exception:  # noqa: BLE001 - a fallback must never break the main result
        return []
    paras: list[tuple[str, float, str]] = []
    for el in doc.iter("p", "li", "h2", "h3", "blockquote", "pre"):
        if any(a.tag in ("p", "li", "blockquote") for a in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            linked = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
            paras.append((text, min(1.0, linked / len(text)), el.tag))
    return paras


_POST_CLASSES = ("twitter-tweet", "instagram-media", "tiktok-embed", "bluesky-embed")


def embedded_posts(doc: lxml_html.HtmlElement) -> list[tuple[str, float, str]]:
    """Embedded social posts in page order, between the page's paragraphs as anchors.

    Both extractors drop quoted tweets, yet a story that quotes them is about
    them. Paragraphs come tagged "anchor" so restore() can place the posts but
    never inserts the paragraphs themselves.
    """
    found: list[tuple[str, float, str]] = []
    for el in doc.iter("p", "blockquote"):
        classes = (el.get("class") or "").split()
        if el.tag == "blockquote" and any(c in _POST_CLASSES for c in classes):
            text = " ".join(el.text_content().split())
            if text:
                found.append((text, 0.0, "blockquote"))
        elif el.tag == "p" and not any(a.tag == "blockquote" for a in el.iterancestors()):
            text = " ".join(el.text_content().split())
            if text:
                found.append((text, 0.0, "anchor"))
    return found


def is_prose(text: str, link_share: float, tag: str = "p") -> bool:
    """A paragraph worth restoring: several sentences' worth of unlinked words.

    A quoted post (an embedded tweet) is short by nature and carries links.
    """
    if tag == "anchor":
        return False
    if tag == "blockquote":
        return len(text.split()) >= 5 and link_share <= 0.6
    return (len(text.split()) >= 20 and link_share <= 0.3 and text.endswith(_SENTENCE_END)
            and not is_furniture(Block("p", text), link_share))


def _contains(longer: str, shorter: str) -> bool:
    """Whether almost all of `shorter`'s words reappear in `longer` (a fuller version)."""
    small = shorter.split()
    if not small or len(longer.split()) <= len(small):
        return False
    big = set(longer.split())
    return sum(w in big for w in small) >= 0.9 * len(small)


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def _mostly_present(key: str, keys: list[str]) -> bool:
    """Whether most of a paragraph is already in the blocks, worded a little differently."""
    mine = _trigrams(key.split())
    have: set[tuple[str, ...]] = set()
    for k in keys:
        have |= _trigrams(k.split())
    return len(mine & have) >= 0.5 * len(mine)


def restore(blocks: list[Block], paras: list[tuple[str, float, str]]) -> list[Block]:
    """Blocks with paragraphs the second extractor found around them put back.

    Only prose after the first paragraph both extractors agree on is restored,
    at its place in page order; a block the other extractor has in fuller form
    (link text lost) is replaced by it.
    """
    out = list(blocks)
    keys = [norm(b.text) for b in out]
    cursor = -1
    for text, share, tag in paras:
        key = norm(text)
        if not key:
            continue
        hit = next((i for i, k in enumerate(keys) if key in k), None)
        if hit is not None:
            cursor = hit
            continue
        if cursor < 0 or not is_prose(text, share, tag):
            continue
        fuller = next((i for i, k in enumerate(keys) if i >= cursor and _contains(key, k)), None)
        if fuller is not None and out[fuller].kind == "p":
            out[fuller] = Block("p", text)
            keys[fuller] = key
            cursor = fuller
            continue
        if _mostly_present(key, keys):
            continue
        cursor += 1
        out.insert(cursor, Block("quote" if tag == "blockquote" else "p", text))
        keys.insert(cursor, key)
    return out


# ---------------------------------------------------------------- entry

def read_html(html: str) -> Extracted:
    """Body blocks from the extractor plus the news layer; metadata from structured data."""
    doc = parse_page(html)
    meta = read_structured(doc) if doc is not None else PageMeta()
    body = extract_body(html) if doc is not None else None
    title = meta.title or without_site_name(_page_title(doc), [meta.source, meta.url])
    blocks = drop_furniture(body_blocks(body), title) if body is not None else []
    if blocks:
        blocks = restore(blocks, second_opinion(html))
        blocks = restore(blocks, embedded_posts(doc))
        blocks = blocks[: end_notes_start([b.text for b in blocks])]
    return Extracted(
        title=title,
        blocks=tuple(blocks),
        dek=meta.dek,
        author=meta.author,
        date=meta.date,
        source=meta.source,
        url=meta.url,
        image_caption=meta.image_caption,
        image_credit=meta.image_credit,
        tags=meta.tags,
    )


def _page_title(doc: lxml_html.HtmlElement | None) -> str | None:
    """The first <h1>, else <title>: the visible headline when nothing declares one."""
    if doc is None:
        return None
    for xpath in ("//h1", "//title"):
        for el in doc.xpath(xpath):
            text = clean(el.text_content())
            if text:
                return text
    return None


__all__ = ["read_html", "iso_date"]
