"""Split plain text into sentences, without breaking after `Mr.` or `U.S.`."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
    ]
)
# `[.!?…]+` written as one mark then more: a pattern that opens with a plain character
# set lets the regex engine skip ahead to the marks, twice as fast over a paragraph.
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"”’')\]]*\s+")


_OPENERS = "\"“‘'("  # may begin a sentence, as capitals and digits do


def sentence_spans(text: str, until: int | None = None) -> list[tuple[int, int]]:
    """[start, end) of each sentence in text; with until, only as far as the sentence that
    holds that offset (the rest of a long block is not needed for its mentions)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        # The cheaper test first.
        next_char = text[end : end + 1]
        if next_char and not (next_char.isupper() or next_char in _OPENERS
                              or next_char.isdigit()):
            continue
        word = text[start : match.start()].rsplit(None, 1)
        token = word[-1].lower().rstrip(".") if word else ""
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        spans.append((start, end))
        start = end
        if until is not None and until < end:
            break
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def sentence_at(text: str, offset: int, spans: list[tuple[int, int]] | None = None) -> str:
    """The sentence of text that holds offset, trimmed."""
    for start, end in spans if spans is not None else sentence_spans(text):
        if start <= offset < end:
            return text[start:end].strip()
    return text.strip()
