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
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence in text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        word = text[start : match.start()].rsplit(None, 1)[-1:] or [""]
        token = word[0].lower().rstrip(".")
        next_char = text[match.end() : match.end() + 1]
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        if next_char and not (next_char.isupper() or next_char in "\"“‘'(" or next_char.isdigit()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def sentence_at(text: str, offset: int, spans: list[tuple[int, int]] | None = None) -> str:
    """The sentence of text that holds offset, trimmed."""
    for start, end in spans if spans is not None else sentence_spans(text):
        if start <= offset < end:
            return text[start:end].strip()
    return text.strip()
