"""Find glossary mentions in text: all names compiled once into one regex per fold.

A name is its words and the separators between them (any white space is one space;
either apostrophe); it matches whole words with the same separators, and the longest
name at a place wins. The regex, a trie of every name, does the finding in C, so that
matching costs about the same whatever the size of the glossary; Python looks only at
what it found. (Until 2026-12-07 the regex found only first words and Python compared
the rest of each name a word at a time: twice the time, a quarter of annotating.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from builder.glossary.common_words import COMMON_WORDS
from builder.model import Entity

# Words: letters/digits with their combining marks; each kana or CJK ideograph is a word of
# its own (Chinese and Japanese write no spaces). Those are told in Python, not by a regex
# class: one that spells out their ranges takes 5 ms to compile, at every start.
_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_WORD_RUN = re.compile(r"[\w\u0300-\u036f\u3040-\u30ff]+")  # (kana marks and `・` are not \w)
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
_APOSTROPHES = "'’"


class Found(NamedTuple):
    """A mention of an entity at [start, end) of the text (a tuple: one is made per
    mention, and a frozen dataclass costs three times as much to make)."""

    start: int
    end: int
    entity: str  # slug


@dataclass(frozen=True)
class _Pattern:
    words: tuple[str, ...]  # folded as the entry asks
    seps: tuple[str, ...]  # normalised separators between the words
    entity: str
    fold: int  # 0 exact, 1 any case, 2 any accents, 3 both
    tail: str = ""  # punctuation that ends the name, as in `U.S.`


def _accent_table() -> dict[int, str]:
    """Accented Latin letters → their base letter, one character for one, so that offsets
    in folded text are offsets in the original."""
    table: dict[int, str] = {}
    for start, end in ((0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for code in range(start, end):
            base = "".join(c for c in unicodedata.normalize("NFKD", chr(code))
                           if not unicodedata.combining(c))
            if len(base) == 1 and base != chr(code):
                table[code] = base
    return table


_ACCENTS = _accent_table()


def fold_accents(text: str) -> str:
    """`José Andrés` → `Jose Andres`, keeping the length of the text."""
    return text.translate(_ACCENTS)


def _fold(word: str, fold: int) -> str:
    word = unicodedata.normalize("NFC", word)
    if fold & 1:
        word = word.lower()  # as _subject lowers the text
    if fold & 2:
        word = fold_accents(unicodedata.normalize("NFC", word))
    return word


_SPACES = re.compile(r"\s+")


def _sep(text: str) -> str:
    """Separators compare loosely: any whitespace is one space; ’ and ' are the same."""
    if text == " ":  # by far the most common, and already as compared
        return text
    return _SPACES.sub(" ", text).replace("’", "'")


def _is_cjk(text: str) -> bool:
    """Whether text is one kana or CJK ideograph."""
    return len(text) == 1 and any(low <= ord(text) <= high for low, high in _CJK_RANGES)


def _tokens(text: str) -> list[tuple[int, int]]:
    """The [start, end) of each word of a name: a run of word characters and accent
    marks, each kana or CJK character apart."""
    spans = []
    for run in _WORD_RUN.finditer(text):
        start, end = run.span()
        if max(run.group()) < "\u3040":  # no kana or CJK in it: the usual name
            spans.append((start, end))
            continue
        for i in range(start, end):
            if _is_cjk(text[i]):
                if start < i:
                    spans.append((start, i))
                spans.append((i, i + 1))
                start = i + 1
        if start < end:
            spans.append((start, end))
    return spans


# What may not stand before a Latin name: a letter, digit or accent mark, CJK characters
# included, as `\w` takes them in. (A class that spelt out the CJK ranges would cost 1 ms
# to compile each time the glossary's regex writes it.)
_WORD_CHAR = r"[\w\u0300-\u036f]"


def _sep_regex(sep: str) -> str:
    """A separator as compared: white space of any length, either apostrophe."""
    return "".join(r"\s+" if c == " " else "['’]" if c == "'" else re.escape(c) for c in sep)


def _units(pattern: _Pattern, capitals: bool) -> list[tuple[str, str]]:
    """A name as the regex trie spells it: ("c", char) for each character of a word,
    ("sep", separator) between words, ("end", "") where a Latin word must end, and with
    capitals ("start", "") after the first character of a Latin name (_names_regex)."""
    units: list[tuple[str, str]] = []
    for i, word in enumerate(pattern.words):
        if i:
            units.append(("sep", pattern.seps[i - 1]))
        cjk = _is_cjk(word)
        for j, char in enumerate(word):
            units.append(("c", char))
            if capitals and i == j == 0 and not cjk:
                units.append(("start", ""))
        # A word must end where the name's word ends: asked only at the end of the name,
        # or before a CJK word; a separator (never a word character) asks it anyway.
        last = i == len(pattern.words) - 1
        if not cjk and (last or not pattern.seps[i]):
            units.append(("end", ""))
    return units


# A Latin name starts where no letter, digit or accent mark stands before it, and each
# of its words ends where a word ends. (`\w` alone at the end: the text is in NFC, where
# an accent mark after a letter is all but unheard of, and the shorter guard, written once
# per name, makes the regex of a large glossary half as long to compile.)
_NOT_AFTER_WORD = rf"(?<!{_WORD_CHAR})"
_UNIT_REGEX = {
    ("start", ""): rf"(?<!{_WORD_CHAR}[\s\S])",  # the first character is behind
    ("end", ""): r"(?!\w)",
}
_Table = list[_Pattern | None]  # group number → the name whose end it marks (0: none)


def _names_regex(patterns: list[_Pattern], capitals: bool) -> tuple[re.Pattern[str], _Table]:
    """One regex for all names of a fold, shaped as a trie of their characters, so that
    the engine tries few branches at each place; and which name each group marks. Where
    a name ends an empty group `()` marks it, and every longer name through that place
    is tried first, so a match is the longest name there.

    A Latin name starts where no word character stands before it. Names with capitals
    (case kept) ask that once their first character matched: the engine then skips
    ahead, in C, to the few characters that begin a name. Lower-case names (matched in
    the lowered text, where nearly every letter could begin one) ask it first, so that
    inside a word the engine gives up at once."""
    trie: dict = {}
    for number, pattern in enumerate(patterns):
        node = trie
        for unit in _units(pattern, capitals):
            node = node.setdefault(unit, {})
        node.setdefault(("name", ""), number)  # the first of names written the same wins
    table: _Table = [None]  # groups are numbered in the order they are written

    def unit_regex(unit: tuple[str, str]) -> str:
        kind, value = unit
        return (re.escape(value) if kind == "c" else _sep_regex(value) if kind == "sep"
                else _UNIT_REGEX[unit])

    def emit(node: dict) -> str:
        chain = []  # a run of single ways on is written in a loop: names may be long
        while len(node) == 1 and ("name", "") not in node:
            unit, node = next(iter(node.items()))
            chain.append(unit_regex(unit))
        branches = []
        # A name ending here is tried after every name that goes on (longest first); the
        # ways on are exclusive: a separator cannot begin where a word goes on.
        for unit, child in sorted(node.items(), key=lambda item: item[0][0] == "end"):
            if unit[0] != "name":
                branches.append(unit_regex(unit) + emit(child))
        if ("name", "") in node:
            table.append(patterns[node[("name", "")]])
            branches.append("()")
        if len(branches) > 1:
            branches = ["(?:" + "|".join(branches) + ")"]
        return "".join(chain + branches)

    if capitals or not trie:
        return re.compile(emit(trie) if trie else "(?!)"), table
    latin = {unit: child for unit, child in trie.items() if not _is_cjk(unit[1])}
    cjk = {unit: child for unit, child in trie.items() if unit not in latin}
    branches = [_NOT_AFTER_WORD + emit(latin)] if latin else []
    return re.compile("|".join(branches + ([emit(cjk)] if cjk else []))), table


def _regexes(patterns: list[_Pattern], capitals: bool) -> list[tuple[re.Pattern[str], _Table]]:
    """The names' regex; or two, each of half the names, where one would nest its groups
    deeper than the regex compiler can recurse (hundreds of names, each one letter longer
    than the last)."""
    try:
        return [_names_regex(patterns, capitals)]
    except RecursionError:
        if len(patterns) < 2:
            raise
        half = len(patterns) // 2
        return _regexes(patterns[:half], capitals) + _regexes(patterns[half:], capitals)


class Matcher:
    """All names and aliases of a glossary, compiled once.

    With `only_in`, just the names that could be found in those texts: those whose first
    word, folded as the entry asks, occurs in one of them (a name is found only where its
    first word is). It finds in those texts exactly what the whole glossary's matcher
    finds, and compiles in a fraction of the time: a one-article build compiled the
    regex of all 300 names (30 ms) to find the 20 that its article names."""

    def __init__(self, entities: Iterable[Entity], only_in: Iterable[str] | None = None):
        by_fold: dict[int, list[_Pattern]] = {}
        for entity in entities:
            fold = (1 if entity.case_insensitive else 0) | (2 if entity.accent_insensitive else 0)
            for name in (entity.name, *entity.aliases):
                tokens = _tokens(name)
                if not tokens:
                    continue
                words = tuple(_fold(name[a:b], fold) for a, b in tokens)
                seps = tuple(_sep(name[a[1] : b[0]]) for a, b in zip(tokens, tokens[1:],
                                                                     strict=False))
                tail = name[tokens[-1][1] :].strip()
                by_fold.setdefault(fold, []).append(_Pattern(words, seps, entity.slug, fold, tail))
        if only_in is not None:
            by_fold = _occurring(by_fold, "\n".join(only_in))
        # (fold, a regex of its names, the name each group marks), folds in order
        self._folds = [(fold, regex, table) for fold, patterns in sorted(by_fold.items())
                       for regex, table in _regexes(patterns, capitals=not fold & 1)]

    def find(self, text: str) -> list[Found]:
        """Non-overlapping mentions, left to right, the longest name winning at each place
        (the earlier fold's on a tie). The regexes find the names (in C); here only what
        they cannot tell: whether a name stands alone, and a sentence's first word."""
        if not self._folds:
            return []
        if not unicodedata.is_normalized("NFC", text):
            return _in_original(text, self.find)
        found: list[Found] = []
        if len(self._folds) == 1:  # the usual glossary: one regex, no race between folds
            fold, regex, patterns = self._folds[0]
            subject = _subject(text, fold)
            position = 0
            while match := regex.search(subject, position):
                start, end = match.span()
                position = _take(text, start, end, patterns[match.lastindex], found)
            return found
        subjects = [_subject(text, fold) for fold, _, _ in self._folds]
        nexts: list[re.Match[str] | None] = [None] * len(self._folds)
        position = 0
        while True:
            best: tuple[int, int, _Pattern] | None = None
            for i, (_, regex, patterns) in enumerate(self._folds):
                match = nexts[i]
                if match is None or match.start() < position:
                    match = nexts[i] = regex.search(subjects[i], position)
                if match is not None and (best is None or match.start() < best[0]
                                          or match.start() == best[0] and match.end() > best[1]):
                    best = (match.start(), match.end(), patterns[match.lastindex])
            if best is None:
                return found
            position = _take(text, *best, found)


def _occurring(by_fold: dict[int, list[_Pattern]], text: str) -> dict[int, list[_Pattern]]:
    """The names whose first word occurs in text as each fold's regex reads it (in NFC,
    as find() reads it); their order kept, which decides between names written alike."""
    text = unicodedata.normalize("NFC", text)
    out = {}
    for fold, patterns in by_fold.items():
        subject = _subject(text, fold)
        kept = [p for p in patterns if p.words[0] in subject]
        if kept:
            out[fold] = kept
    return out


_JOINERS = frozenset(".-'’")  # what _free_standing looks for either side of a name


def _take(text: str, start: int, end: int, pattern: _Pattern, found: list[Found]) -> int:
    """Keep the name found at [start, end) if it stands alone; where to look next. (The
    tests are called only where they may fail: most names stand between spaces and have
    more than one word, and a call is a tenth of finding a name.)"""
    if ((text[end : end + 1] in _JOINERS or text[start - 1 : start] in _JOINERS)
            and not _free_standing(text, start, end)
            or len(pattern.words) == 1 and _capital_by_position(text, start, end, pattern)):
        return start + 1  # a name may still begin inside it: `Johnson-Smith Jr`
    if pattern.tail and text.startswith(pattern.tail, end):
        end += len(pattern.tail)
    found.append(Found(start, end, pattern.entity))
    return end


def _subject(text: str, fold: int) -> str:
    """The text as a fold's regex reads it: in lower case, without accents, or both;
    always as long as the text, so that offsets stay."""
    if fold & 1:
        lower = text.lower()
        if len(lower) != len(text):  # `İ` lowers to two characters
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        text = lower
    return fold_accents(text) if fold & 2 else text


def _in_original(text: str, find: Callable[[str], list[Found]]) -> list[Found]:
    """Mentions in text that is not in NFC form (accents as separate marks, say): found in
    its NFC form, each character cluster mapped back to where it stands in text."""
    clusters = re.findall(r"[\s\S][\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
                          r"\ufe20-\ufe2f]*", text)
    starts = [0]  # where each character of the NFC text begins in text
    composed = []
    offset = 0
    for cluster in clusters:
        nfc = unicodedata.normalize("NFC", cluster)
        composed.append(nfc)
        starts.extend([offset] * (len(nfc) - 1) + [offset + len(cluster)])
        offset += len(cluster)
    return [Found(starts[f.start], starts[f.end], f.entity) for f in find("".join(composed))
            if f.end < len(starts)]


_SENTENCE_END = re.compile(r"""(?:^|[.!?:…]["”’)\]]*)[\s"“‘'(\[—–-]*$""")


def _capital_by_position(text: str, start: int, end: int, pattern: _Pattern) -> bool:
    """A one-word name that is also an everyday word, capitalised only by starting a sentence."""
    if len(pattern.words) != 1 or pattern.fold & 1:
        return False
    word = text[start:end]
    if word.isupper() and len(word) > 1 or word.lower() not in COMMON_WORDS:
        return False
    return bool(_SENTENCE_END.search(text, max(0, start - 40), start))


def _free_standing(text: str, start: int, end: int) -> bool:
    """Not part of a larger name: `Johnson-Smith` or `O’Neill` are not `Johnson` or `Neill`.

    A lowercase word joined by a hyphen (`NATO-member`, `pro-Kremlin`) still counts,
    and so do possessives (`Kremlin’s`).
    """
    after = text[end : end + 2]
    if after[:1] == "." and after[1:2].isalnum():  # part of a dotted abbreviation: U.S.S.R.
        return False
    if after[:1] in _APOSTROPHES and after[1:2].isalnum() and not _POSSESSIVE.match(text, end):
        return False
    if after[:1] == "-" and after[1:2].isupper():
        return False
    before = text[max(0, start - 2) : start]
    if before[-1:] in _APOSTROPHES and before[:1].isalpha():
        return False
    if before[-1:] == "-" and before[:1].isalpha():
        word_start = start - 1
        while word_start > 0 and text[word_start - 1].isalnum():
            word_start -= 1
        if text[word_start : word_start + 1].isupper():
            return False
    return True
