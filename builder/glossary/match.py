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

from builder.glossary.common_words import COMMON_WORDS
from builder.model import Entity

# Words: letters/digits with their combining marks; each CJK character is a word of its own.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|(?:(?![{_CJK}])[\w\u0300-\u036f])+")
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
_APOSTROPHES = "'’"


@dataclass(frozen=True)
class Found:
    """A mention of an entity at [start, end) of the text."""

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


def fold_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def _fold(word: str, fold: int) -> str:
    word = unicodedata.normalize("NFC", word)
    if fold & 1:
        word = word.casefold()
    if fold & 2:
        word = fold_accents(word)
    return word


def _sep(text: str) -> str:
    """Separators compare loosely: any whitespace is one space; ’ and ' are the same."""
    return re.sub(r"\s+", " ", text).replace("’", "'")


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


class Matcher:
    """All names and aliases of a glossary, compiled once."""

    def __init__(self, entities: Iterable[Entity]):
        self._index: list[dict[str, list[_Pattern]]] = [{}, {}, {}, {}]
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
                bucket = self._index[fold].setdefault(words[0], [])
                tail = name[tokens[-1].end() :].strip()
                bucket.append(_Pattern(words, seps, entity.slug, fold, tail))
        for table in self._index:
            for bucket in table.values():
                bucket.sort(key=lambda p: -len(p.words))
        self._folds = [f for f in range(4) if self._index[f]]

    def find(self, text: str) -> list[Found]:
        """Non-overlapping mentions, left to right, the longest name winning at each place."""
        tokens = _tokens(text)
        found: list[Found] = []
        i = 0
        while i < len(tokens):
            best: tuple[int, _Pattern] | None = None
            for fold in self._folds:
                bucket = self._index[fold].get(_fold(tokens[i].group(), fold))
                for pattern in bucket or ():
                    if best and len(pattern.words) <= best[0]:
                        break
                    if self._matches(text, tokens, i, pattern):
                        best = (len(pattern.words), pattern)
                        break
            if best:
                n, pattern = best
                start, end = tokens[i].start(), tokens[i + n - 1].end()
                if _free_standing(text, start, end) and not _capital_by_position(
                    text, start, end, pattern
                ):
                    if pattern.tail and text.startswith(pattern.tail, end):
                        end += len(pattern.tail)
                    found.append(Found(start, end, pattern.entity))
                    i += n
                    continue
            i += 1
        return found

    @staticmethod
    def _matches(text: str, tokens: list[re.Match[str]], i: int, pattern: _Pattern) -> bool:
        n = len(pattern.words)
        if i + n > len(tokens):
            return False
        for k in range(1, n):
            if _fold(tokens[i + k].group(), pattern.fold) != pattern.words[k]:
                return False
            if _sep(text[tokens[i + k - 1].end() : tokens[i + k].start()]) != pattern.seps[k - 1]:
                return False
        return True


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
