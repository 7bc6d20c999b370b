"""Per-article render results, kept between builds and checked against glossary edits.

An article's rendered body depends on its Markdown and on the glossary entries that
can match it. A result is reused when the Markdown is the same and either the glossary
is the same, or no entry it matched changed and no changed entry's name occurs in it.
Safe to delete: everything in it can be recomputed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from builder.glossary.match import Matcher
from builder.model import Entity, Mention

VERSION = "gloss-render-5"  # change when rendering code changes its output


@dataclass(frozen=True)
class Rendered:
    """One article body rendered: HTML, mentions, and what later stages need from it."""

    html: str
    mentions: tuple[Mention, ...]
    words: int
    text: str  # plain text, for search and for glossary-change checks
    glossary: str  # id of the glossary this result is valid for


def body_key(body: str, annotate: str) -> str:
    return hashlib.blake2b(f"{VERSION}\0{annotate}\0{body}".encode(), digest_size=16).hexdigest()


def entity_match_hash(entity: Entity) -> str:
    """What of an entry changes rendered bodies: its names, flags and page URL (not the text)."""
    fields = (entity.slug, entity.name, *entity.aliases, str(entity.case_insensitive),
              str(entity.accent_insensitive))
    return hashlib.blake2b("\0".join(fields).encode(), digest_size=12).hexdigest()


def glossary_id(hashes: dict[str, str]) -> str:
    joined = "\0".join(f"{k}={v}" for k, v in sorted(hashes.items()))
    return hashlib.blake2b(joined.encode(), digest_size=12).hexdigest()


@dataclass
class RenderCache:
    entries: dict[str, Rendered] = field(default_factory=dict)
    entity_hashes: dict[str, str] = field(default_factory=dict)  # as of the last build
    keys: list[str] = field(default_factory=list)  # of the last build's articles, in order
    fresh: set[str] = field(default_factory=set)  # keys set anew since the entries were saved

    def valid_entries(self, entities: list[Entity]) -> dict[str, Rendered]:
        """The entries still right for this glossary, re-labelled with its id."""
        current = {e.slug: entity_match_hash(e) for e in entities}
        now, before = glossary_id(current), glossary_id(self.entity_hashes)
        changed = {s for s in current.keys() | self.entity_hashes.keys()
                   if current.get(s) != self.entity_hashes.get(s)}
        matcher = Matcher(e for e in entities if e.slug in changed)
        valid: dict[str, Rendered] = {}
        for key, entry in self.entries.items():
            if entry.glossary == now:
                valid[key] = entry
            elif entry.glossary == before and _unaffected(entry, changed, matcher):
                valid[key] = Rendered(entry.html, entry.mentions, entry.words, entry.text, now)
        return valid

    def add(self, key: str, entry: Rendered) -> None:
        """One entry made ahead of the build that uses it (read_and_render)."""
        self.entries[key] = entry
        self.fresh.add(key)

    def update(self, entries: dict[str, Rendered], entities: list[Entity]) -> None:
        self.fresh = {k for k in self.fresh if k in entries}
        self.fresh.update(k for k, v in entries.items() if self.entries.get(k) is not v)
        self.entries = entries
        self.entity_hashes = {e.slug: entity_match_hash(e) for e in entities}


def _unaffected(entry: Rendered, changed: set[str], matcher: Matcher) -> bool:
    if any(m.entity in changed for m in entry.mentions):
        return False
    return not changed or not matcher.find(entry.text)
