"""Find glossary mentions in text: all names compiled once into a token index.

Text is split into word tokens; a name matches a run of tokens with the same
separators. Lookup goes by the first token, so matching costs a few dict
probes per word whatever the size of the glossary, and the longest name wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from builder.glossary.common_words import COMMON_WORDS
from builder.model import Entity

# Words: letters/digits with their combining marks; each CJK character is a word of its own.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|(?:(?![{_CJK}])[\w\u0300-\u036f])+")
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
    fold: int  # 0 exact, 1 casefold, 2 accents, 3 both
    tail: str = ""  # punctuation that ends the name, as in `U.S.`


_Key = tuple[tuple[str, ...], tuple[str, ...]]  # a name's words after the first, separators


class _Names:
    """The names of one fold that begin with one word: per length, longest first, a dict
    from the rest of the name to its pattern, so that trying them at a place costs a dict
    probe per length instead of a word-by-word comparison per name."""

    def __init__(self) -> None:
        self._by_length: dict[int, dict[_Key, _Pattern]] = {}
        self.lengths: list[tuple[int, dict[_Key, _Pattern]]] = []
        self.longest = 0

    def add(self, pattern: _Pattern) -> None:
        """The first of names written the same wins, as it did among compared names."""
        table = self._by_length.setdefault(len(pattern.words), {})
        table.setdefault((pattern.words[1:], pattern.seps), pattern)
        self.lengths = sorted(self._by_length.items(), key=lambda item: -item[0])
        self.longest = self.lengths[0][0]


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


def _trie_pattern(words: Iterable[str], after_first: str = "") -> str:
    """One regex alternation for many words, shaped as a trie so matching stays fast;
    after_first goes after each word's first character."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict, guard: str) -> str:
        branches = [re.escape(char) + guard + emit(child, "")
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
        return body

    return emit(trie, after_first)


_WORD_CHAR = r"[\w\u0300-\u036f]"


@lru_cache(maxsize=200_000)
def _fold(word: str, fold: int) -> str:
    word = unicodedata.normalize("NFC", word)
    if fold & 1:
        word = word.casefold()
    if fold & 2:
        word = fold_accents(unicodedata.normalize("NFC", word))
    return word


_SPACES = re.compile(r"\s+")


def _sep(text: str) -> str:
    """Separators compare loosely: any whitespace is one space; ’ and ' are the same."""
    if text == " ":  # by far the most common, and already as compared
        return text
    return _SPACES.sub(" ", text).replace("’", "'")


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def _words_after(text: str, first: re.Match[str], stop: int,
                 n: int) -> tuple[list[str], tuple[str, ...], list[int]]:
    """Up to n words after first, before stop: the words, the separators before them
    (as compared), and where first and each word end."""
    words: list[str] = []
    seps: list[str] = []
    ends = [first.end()]
    while len(words) < n and (token := _TOKEN.search(text, ends[-1], stop)):
        words.append(token.group())
        seps.append(_sep(text[ends[-1] : token.start()]))
        ends.append(token.end())
    return words, tuple(seps), ends


def _first_word_finder(fold: int, words: set[str]) -> re.Pattern[str]:
    """Where any name of this fold could begin: its first word, whole."""
    cjk = {w for w in words if re.fullmatch(f"[{_CJK}]", w)}
    latin = [fold_accents(w) if fold & 2 else w for w in words - cjk]
    parts = []
    if latin:
        # "Not after a word character", asked once the first character matched rather
        # than before: the regex engine can then skip ahead to the characters that
        # begin a name instead of trying the look-behind at every place.
        not_in_word = rf"(?<!{_WORD_CHAR}[\s\S])"
        parts.append(f"(?:{_trie_pattern(latin, not_in_word)})(?!{_WORD_CHAR})")
    if cjk:
        parts.append(f"(?:{_trie_pattern(cjk)})")
    flags = re.IGNORECASE if fold & 1 else 0
    return re.compile("|".join(parts) or "(?!)", flags)


class Matcher:
    """All names and aliases of a glossary, compiled once."""

    def __init__(self, entities: Iterable[Entity]):
        entities = list(entities)
        self._index: list[dict[str, _Names]] = [{}, {}, {}, {}]
        firsts: list[set[str]] = [set(), set(), set(), set()]
        for entity in entities:
            fold = (1 if entity.case_insensitive else 0) | (2 if entity.accent_insensitive else 0)
            for name in (entity.name, *entity.aliases):
                tokens = _tokens(name)
                if not tokens:
                    continue
                words = tuple(_fold(t.group(), fold) for t in tokens)
                seps = tuple(
                    _sep(name[a.end() : b.start()])
                    for a, b in zip(tokens, tokens[1:], strict=False)
                )
                firsts[fold].add(unicodedata.normalize("NFC", tokens[0].group()))
                tail = name[tokens[-1].end() :].strip()
                names = self._index[fold].setdefault(words[0], _Names())
                names.add(_Pattern(words, seps, entity.slug, fold, tail))
        self._folds = [f for f in range(4) if self._index[f]]
        self._tables = [(fold, self._index[fold]) for fold in self._folds]
        self._finders = [_first_word_finder(fold, firsts[fold]) for fold in self._folds]
        longest = max((len(n) for e in entities for n in (e.name, *e.aliases)), default=0)
        self._window = 4 * longest + 64

    def find(self, text: str) -> list[Found]:
        """Non-overlapping mentions, left to right, the longest name winning at each place.

        A regex over every name's first word finds the few places worth a look (in C);
        only there is the text split into words and the names compared.
        """
        if not self._folds:
            return []
        found: list[Found] = []
        done = 0
        for start in self._starts(text):
            if start < done:
                continue
            best = self._longest_at(text, start)
            if best is None:
                continue
            end, pattern = best
            if _free_standing(text, start, end) and not _capital_by_position(
                text, start, end, pattern
            ):
                if pattern.tail and text.startswith(pattern.tail, end):
                    end += len(pattern.tail)
                found.append(Found(start, end, pattern.entity))
                done = end
        return found

    def _longest_at(self, text: str, start: int) -> tuple[int, _Pattern] | None:
        """The longest name at start (the earlier fold's on a tie), and where it ends."""
        stop = min(len(text), start + self._window)
        first = _TOKEN.match(text, start, stop)
        if first is None:
            return None
        word = first.group()
        heads = [(fold, names) for fold, table in self._tables
                 if (names := table.get(_fold(word, fold)))]
        if not heads:
            return None
        # Only as many words as the longest name starting here.
        need = heads[0][1].longest if len(heads) == 1 else max(n.longest for _, n in heads)
        later, seps, ends = _words_after(text, first, stop, need - 1)
        best: _Pattern | None = None
        best_n = 0
        for fold, names in heads:
            words = tuple([_fold(w, fold) for w in later])
            for n, table in names.lengths:
                if n <= best_n:
                    break
                if n <= len(ends) and (pattern := table.get((words[: n - 1], seps[: n - 1]))):
                    best, best_n = pattern, n
                    break
        return None if best is None else (ends[best_n - 1], best)

    def _starts(self, text: str) -> Iterable[int]:
        """Where a name's first word stands, in order; one regex per fold in use."""
        folded = fold_accents(text) if any(f & 2 for f in self._folds) else text
        if len(self._finders) == 1:  # the usual glossary: no merging needed
            finder = self._finders[0]
            return (m.start() for m in finder.finditer(folded if self._folds[0] & 2 else text))
        return sorted({m.start() for fold, finder in zip(self._folds, self._finders, strict=True)
                       for m in finder.finditer(folded if fold & 2 else text)})


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
