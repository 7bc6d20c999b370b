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
# set lets the regex engine skip ahead to the marks, twice as fast over a paragraph. Two
# empty groups answer in C what most boundaries would otherwise ask in Python: group 1,
# that five characters other than white space stand before the mark (a word that long is
# no abbreviation); group 2, that a capital A-Z, a digit or an opener comes next.
_BOUNDARY = re.compile(r"[.!?…](?:(?<=\S\S\S\S\S.)()|)[.!?…]*[\"”’')\]]*\s++"
                       r"(?:(?=[A-Z0-9\"“‘'(])()|)")
assert max(map(len, _ABBREVIATIONS)) < 5  # (what group 1 takes for no abbreviation)


_OPENERS = "\"“‘'("  # may begin a sentence, as capitals and digits do


def sentence_spans(text: str, until: int | None = None) -> list[tuple[int, int]]:
    """[start, end) of each sentence in text; with until, only as far as the sentence that
    holds that offset (the rest of a long block is not needed for its mentions)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match[2] is None:  # (the cheaper test first)
            next_char = text[end : end + 1]
            if next_char and not (next_char.isupper() or next_char in _OPENERS
                                  or next_char.isdigit()):
                continue
        if match[1] is None and _abbreviation(_word_before(text, start, match.start())):
            continue
        spans.append((start, end))
        start = end
        if until is not None and until < end:
            break
    if start < len(text):
        spans.append((start, len(text)))
    # Every span holds a mark or, the last, begins with a capital: only a text of white
    # space is a span of nothing.
    return spans if len(spans) != 1 or text[spans[0][0] : spans[0][1]].strip() else []


def _abbreviation(word: str) -> bool:
    """`Mr` or `U.S` before a full stop, or a single letter (an initial): no sentence end."""
    token = word.lower().rstrip(".")
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _word_before(text: str, start: int, end: int) -> str:
    """The last word of text[start:end], read from the end: no copy of the sentence."""
    window = text[max(start, end - 40) : end]  # longer than any abbreviation
    words = window.rsplit(None, 1)
    if len(words) < 2 and end - 40 > start:  # a word longer than the window
        words = text[start:end].rsplit(None, 1)
    return words[-1] if words else ""


def sentence_at(text: str, offset: int, spans: list[tuple[int, int]] | None = None) -> str:
    """The sentence of text that holds offset, trimmed."""
    for start, end in spans if spans is not None else sentence_spans(text):
        if start <= offset < end:
            return text[start:end].strip()
    return text.strip()
