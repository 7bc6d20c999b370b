"""The site as plain data: what flows between the stages."""

from __future__ import annotations

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
