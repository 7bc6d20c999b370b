"""Choose the reader for a raw file and run it, with the collection it belongs to."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from builder.ingest import Extracted
from builder.ingest.boilerplate import furniture_lines
from builder.ingest.decode import decode
from builder.ingest.html import read_html
from builder.ingest.markdown import read_markdown
from builder.ingest.text import read_text

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
}


MAX_RAW_BYTES = 20_000_000  # a saved page with inline images is rarely over a few MB


MAX_SIBLINGS = 300  # enough to see a site's furniture, few enough to stay well under 1 s
MAX_SIBLING_BYTES = 2_000_000


class IngestError(ValueError):
    """A raw file that cannot become an article; the message says why."""


def format_of(path: Path) -> str | None:
    return FORMATS.get(path.suffix.lower())


def extract(text: str, fmt: str, furniture: frozenset[str] = frozenset()) -> Extracted:
    """Run the reader for `fmt` on decoded text."""
    if fmt == "text":
        return without_section_label(without_echoed_dek(read_text(text, furniture)))
    if fmt == "html":
        return without_section_label(without_echoed_dek(read_html(text)))
    if fmt == "md":
        return read_markdown(text)  # the user's own: kept as written
    raise IngestError(f"unknown format {fmt!r}: use text, html or md")


ECHO_MIN_WORDS = 5
ECHO_LEAD_WORDS = 12  # the body's first words, found inside a dek: it repeats the lead
# A section's name set before or after the headline with a bar, as sites title their pages
# (`Opinion | Republicans Are …`, `The Guardian view on … | Editorial`)
SECTION_LABEL = re.compile(
    r"^(?:opinion|editorial|analysis|comment|commentary|perspective|column|op-ed|letters?)"
    r"\s+\|\s+|\s+\|\s+(?:opinion|editorial|analysis|comment|commentary|perspective|column|"
    r"op-ed|letters?)$", re.IGNORECASE)


def without_section_label(extracted: Extracted) -> Extracted:
    """The headline without its section's name (`Opinion | …`): the section is not the title."""
    title = extracted.title
    if title and SECTION_LABEL.search(title):
        return dataclasses.replace(extracted, title=SECTION_LABEL.sub("", title, count=1))
    return extracted


def without_echoed_dek(extracted: Extracted) -> Extracted:
    """No dek that only repeats the start of the first paragraph: a page's description is
    often its lead, cut short ("… a gauge of stoc..."), and the reader would read it twice
    (13 of the 101 deks of the dev pages)."""
    if not extracted.dek or not extracted.blocks:
        return extracted
    dek = re.findall(r"\w+", extracted.dek.casefold())[:-1]  # its last word may be cut off
    if len(dek) + 1 < ECHO_MIN_WORDS:
        return extracted
    body: list[str] = []  # as many of the body's first words as the dek has
    for block in extracted.blocks:
        body += re.findall(r"\w+", block.text.casefold())
        if len(body) >= len(dek):
            break
    # the lead, or more (a page may describe itself with its whole text), or the lead
    # after a line of its own (`This post is sponsored by … When you live in …`)
    lead = " ".join(body[:ECHO_LEAD_WORDS])
    if body[: len(dek)] == dek or (len(body) >= ECHO_LEAD_WORDS
                                    and f" {lead} " in f" {' '.join(dek)} "):
        return dataclasses.replace(extracted, dek=None)
    return extracted


def read_raw(path: Path) -> str:
    """Decode one raw file, with an error that names it."""
    try:
        size = path.stat().st_size
        if size > MAX_RAW_BYTES:
            raise IngestError(f"{path}: {size / 1e6:.0f} MB is too large for one article "
                              f"(limit {MAX_RAW_BYTES // 1_000_000} MB); split it or trim it")
        raw = path.read_bytes()
    except OSError as err:
        raise IngestError(f"{path}: cannot read: {err.strerror}") from None
    if not raw.strip():
        raise IngestError(f"{path}: the file is empty; nothing to ingest")
    try:
        return decode(raw)
    except ValueError as err:
        raise IngestError(f"{path}: {err}") from None


def collection_furniture(paths: list[Path], fmt: str) -> frozenset[str]:
    """Lines that recur across the other raw files of the same format: grouped by site in
    `furniture_lines`, so only a page's own site (or lines common to many sites) count.
    Files too large to be one article are skipped, keeping this fast."""
    if fmt != "text":
        return frozenset()
    texts = []
    for path in paths:
        try:
            if path.stat().st_size > MAX_SIBLING_BYTES:
                continue
            texts.append(read_raw(path))
        except (IngestError, OSError):
            continue
    return furniture_lines(texts)


def siblings(path: Path) -> list[Path]:
    """The collection a lone file belongs to: the raw files of its format in its folder,
    at most MAX_SIBLINGS of them, nearest in name order (a site's saves sort together)."""
    fmt = format_of(path)
    try:
        found = sorted(p for p in path.parent.iterdir() if p.is_file() and format_of(p) == fmt)
    except OSError:
        return [path]
    if len(found) <= MAX_SIBLINGS:
        return found
    at = next((n for n, p in enumerate(found) if p.name >= path.name), len(found))
    low = max(0, min(at - MAX_SIBLINGS // 2, len(found) - MAX_SIBLINGS))
    return found[low : low + MAX_SIBLINGS]
