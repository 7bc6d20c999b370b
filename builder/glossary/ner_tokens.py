"""Sentences and word tokens with offsets: the raw material of entity discovery.

Why our own splitter: news text is full of abbreviations (`Mr.`, `U.N.`, `J.`) that a
naive split on full stops breaks, and candidates need their offsets for evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.glossary.ner_data import PERSON_TITLES

# A word: initials (`U.S.`), or letters/digits joined by hyphens, apostrophes or `&`.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S.  U.N.
    r"|[^\W_](?:[\w]|[-'’&](?=[\w]))*"  # words, O'Neill, Jean-Pierre, AT&T
    r"|[^\w\s]"  # punctuation, one character
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_ABBREVIATIONS = (
    frozenset(
        [
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "st",
            "jr",
            "sr",
            "sen",
            "rep",
            "gov",
            "gen",
            "lt",
            "col",
            "maj",
            "capt",
            "cmdr",
            "adm",
            "sgt",
            "cpl",
            "rev",
            "inc",
            "corp",
            "co",
            "ltd",
            "no",
            "vs",
            "v",
            "mt",
            "ft",
            "fig",
            "approx",
            "est",
            "dept",
            "univ",
            "ave",
            "blvd",
        ]
    )
    | PERSON_TITLES
)


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark of a sentence, with offsets into the sentence."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        """Starts with a capital letter (a name-like word)."""
        return self.text[0].isupper()


def is_headline(line: str) -> bool:
    """A line in capitals or Title Case: its capitals say nothing about names."""
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    if not words:
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return True
    if re.search(r"\d|\(", line) or line.count(",") > 1:
        return False  # a table row or a list of names, not a headline
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) < 4:
        return False
    capped = sum(w[0].isupper() for w in long_words)
    return capped >= 0.85 * len(long_words) and not line.rstrip().endswith((".", '"', "”"))


def split_sentences(line: str) -> list[str]:
    """Split one paragraph into sentences, not after abbreviations or initials."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(line):
        before = line[start : m.start()].rsplit(None, 1)
        last = before[-1] if before else ""
        word = last.rstrip(".").lower().lstrip("\"'“‘(")
        if m.group().startswith(".") and (
            word in _ABBREVIATIONS or len(word) == 1 or re.fullmatch(r"(?:\w\.)+\w", word)
        ):
            continue
        rest = line[m.end() :].lstrip()
        if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘("):
            continue
        out.append(line[start : m.end()].strip())
        start = m.end()
    tail = line[start:].strip()
    if tail:
        out.append(tail)
    return out


def tokenize(sentence: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
