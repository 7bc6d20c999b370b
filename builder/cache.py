"""Per-article render results, kept between builds and checked against glossary edits.

An article's rendered body depends on its Markdown and on the glossary entries that
can match it. A result is reused when the Markdown is the same and either the glossary
is the same, or no entry it matched changed and no changed entry's name occurs in it.
Safe to delete: everything in it can be recomputed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
from dataclasses import dataclass, field

from builder.glossary.match import Matcher
from builder.model import Body, Entity, Mention, sentences_by_entity
from builder.render.markdown import ENGINES

# Change when rendering code changes its output; the Markdown and HTML libraries' versions
# are part of it, since an upgrade may change theirs.
VERSION = f"gloss-render-10 {ENGINES}"  # 10: rendered_digest of the encoded body


@dataclass(frozen=True)
class Rendered:
    """One article body rendered, with what later stages need from it."""

    body: Body  # HTML, visible text (for search and glossary-change checks), mentions
    words: int
    glossary: str  # id of the glossary this result is valid for
    digest: str  # of html, words and mentions (rendered_digest)
    quotes: bytes  # of the sentences naming each entity (quote_digests)


def rendered_digest(body: Body, words: int) -> str:
    """What a rendered body shows, as 32 hex digits. Made once, where the body is rendered (in
    the workers), and kept with it: the build's plan then stands an article's view by
    this instead of reading its HTML and sentences again (25 KB an article, 0.5 s of a
    one-article build at 10,000 articles). Of the body as it is kept, its HTML in UTF-8
    and its mentions in marshal's bytes (one-to-one with what they encode; marshal tags
    each item with its length). SHA-256, where CPUs hash it in hardware, took half the
    time of BLAKE2b: 11 µs an article, where hashing the HTML and mentions as text, as
    before, took 37-50 µs."""
    data = marshal.dumps((body.html_utf8, words, body.mentions_data), 2)
    return hashlib.sha256(data).hexdigest()[:32]


def quote_digests(mentions: tuple[Mention, ...], size: int) -> bytes:
    """For each entity in order of first mention, a digest of the sentences an entity page
    quotes from this body, size bytes each: made with the body, as rendered_digest is, so
    the plan need not read every sentence again (27,000 quotes at 1,000 articles)."""
    return b"".join(hashlib.blake2b(marshal.dumps(sentences, 2), digest_size=size).digest()
                    for sentences in sentences_by_entity(mentions).values())


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
        matcher: Matcher | None = None  # compiled only if an entry needs it (25 ms)
        valid: dict[str, Rendered] = {}
        for key, entry in self.entries.items():
            if entry.glossary == now:
                valid[key] = entry
            elif entry.glossary == before:
                if matcher is None:
                    matcher = Matcher(e for e in entities if e.slug in changed)
                if _unaffected(entry, changed, matcher):
                    valid[key] = dataclasses.replace(entry, glossary=now)
        return valid

    def add(self, key: str, entry: Rendered, fresh: bool = True) -> None:
        """One entry made ahead of the build that uses it (read_and_render); not fresh when
        the store holds it already."""
        self.entries[key] = entry
        if fresh:
            self.fresh.add(key)

    def update(self, entries: dict[str, Rendered], entities: list[Entity]) -> None:
        self.fresh = {k for k in self.fresh if k in entries}
        self.fresh.update(k for k, v in entries.items() if self.entries.get(k) is not v)
        self.entries = entries
        self.entity_hashes = {e.slug: entity_match_hash(e) for e in entities}


def _unaffected(entry: Rendered, changed: set[str], matcher: Matcher) -> bool:
    if not changed.isdisjoint(entry.body.entity_slugs):
        return False
    return not changed or not matcher.find(entry.body.text)
