"""The site as plain data: what flows between the stages."""

from __future__ import annotations

import itertools
import marshal
import pickle
from dataclasses import dataclass
from typing import NamedTuple

ENTITY_TYPES = ("person", "place", "organization", "event", "other")


@dataclass(frozen=True)
class Article:
    """One cleaned article as read from content/articles/<slug>.md."""

    slug: str
    title: str
    body: str  # Markdown
    path: str  # the file it came from, for error messages
    date: str | None = None  # ISO 8601 date or datetime, absent when unknown
    source: str | None = None
    author: str | None = None
    url: str | None = None
    dek: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    tags: tuple[str, ...] = ()
    body_line: int = 1  # line of the file where the body starts


def without_body(article: Article) -> Article:
    """The article with an empty body, as listings show it. Its fields copied as they are,
    not passed through __init__ again (dataclasses.replace took 16 µs an article, and
    every build makes one for each article)."""
    headline = object.__new__(Article)
    headline.__dict__.update(article.__dict__, body="")
    return headline


@dataclass(frozen=True)
class Entity:
    """One glossary entry."""

    name: str
    slug: str
    type: str
    description: str = ""  # short Markdown
    aliases: tuple[str, ...] = ()
    case_insensitive: bool = False
    accent_insensitive: bool = False


class Mention(NamedTuple):
    """An entity found in an article's text.

    A named tuple, not a dataclass: the build cache holds tens of thousands (41 an article
    in the bench corpus), and a tuple unpickles in about half the time.
    """

    entity: str  # entity slug
    text: str  # the words as they stand in the article
    sentence: str  # the sentence around it, plain text


@dataclass(frozen=True)
class Body:
    """An article's body as rendered: its HTML, visible text and mentions, kept encoded.

    The build cache holds one for every article (200 MB at 10,000), and a build reads few
    of them whole: a fresh one-article build renders a dozen article pages. Kept as UTF-8
    and marshal bytes, they are read from the cache, and from the workers that made them,
    with a copy each, and decoded only where asked for: loading the bodies of 10,000
    articles took 0.84 s as strings and named tuples, 0.10 s as bytes.
    """

    # bytes, or read-only memoryviews of the cache file they were loaded from (segments.py)
    html_utf8: bytes | memoryview
    text_utf8: bytes | memoryview  # the HTML's visible text, which summaries and search read
    mentions_data: bytes | memoryview  # marshal of the mentions as (entities, texts,
    # sentences) columns
    entity_slugs: tuple[str, ...]  # the entities mentioned, in order of first mention

    @classmethod
    def of(cls, html: str, text: str, mentions: tuple[Mention, ...]) -> Body:
        columns = tuple(zip(*mentions, strict=True)) or ((), (), ())
        return cls(html.encode("utf-8", _SURROGATES), text.encode("utf-8", _SURROGATES),
                   marshal.dumps(columns, 2),  # version 2: equal mentions, equal bytes
                   tuple(dict.fromkeys(columns[0])))

    def __reduce_ex__(self, protocol: object) -> tuple:  # type: ignore[override]
        """Pickled with its long parts as out-of-band buffers (protocol 5), which the
        cache's stores keep after the pickle and read in place (segments.py); in band,
        they unpickle as bytes."""
        parts: tuple = (self.html_utf8, self.text_utf8, self.mentions_data)
        if isinstance(protocol, int) and protocol >= 5:
            parts = tuple(pickle.PickleBuffer(p) if len(p) >= APART else p for p in parts)
        else:
            parts = tuple(bytes(p) if type(p) is memoryview else p for p in parts)
        return Body, (*parts, self.entity_slugs)

    @property
    def html(self) -> str:
        return str(self.html_utf8, "utf-8", _SURROGATES)

    @property
    def text(self) -> str:
        return str(self.text_utf8, "utf-8", _SURROGATES)

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Made again in C: tuple.__new__, not the named tuple's own (Python) __new__."""
        entities, texts, sentences = marshal.loads(self.mentions_data)
        return tuple(map(tuple.__new__, itertools.repeat(Mention),
                         zip(entities, texts, sentences, strict=True)))


APART = 1024  # a Body's parts this long are pickled apart (Body.__reduce_ex__)
_SURROGATES = "surrogatepass"  # text that came through as lone surrogates goes back as it came


def sentences_by_entity(mentions: tuple[Mention, ...]) -> dict[str, list[str]]:
    """Entity slug → the distinct sentences naming it, in order of first mention: what an
    entity page quotes from the article."""
    said: dict[str, dict[str, None]] = {}  # (a dict keeps the first of equal keys, in order)
    for entity, _, sentence in mentions:
        said.setdefault(entity, {})[sentence] = None
    return {entity: list(sentences) for entity, sentences in said.items()}


@dataclass(frozen=True)
class Problem:
    """An error in an input, reported to the user instead of raised."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
