"""Which pages an edit of some articles can reach: a fresh `gloss build` digests only those.

The plan (build.py) finds an unchanged page by digesting all the data it shows. That is
0.1 s for the 1,900 pages of a 1,000-article site: the live server skips it by keeping
the last build's objects, but a new process has none. A fresh build may instead keep a
page's last digest unread when two things it can check hold:

1. The layout is the last build's. Where each article goes (the order, the listings, the
   entity pages, neighbours, related lists, counts) follows from each article's front
   matter and the entities it mentions, with the glossary, the config and the templates;
   `layout_print` digests exactly those. Anything else of an article comes from its body
   (its HTML, words, sentences), and a page shows that only through the article's view.
2. None of the articles the page holds has changed in what the page shows of it. Which
   articles a page holds is found by walking the data of every page once per layout
   (`pages_holding`); within a layout each page holds the same articles. The walk tells
   how it holds each: whole (a view, a record), by its headline (listings, neighbours,
   related lists: front matter and reading time), or by its headline and its sentences
   naming an entity (an entity page). Each article has a digest for each of the three
   (`view_prints`), so a sentence added re-digests the article's own page, not the ~45
   pages listing it (0.06 s of a fresh one-article build at 1,000 articles).

A page whose data holds a type the walk does not know is digested every time. Whether a
page can show an article's body without holding it is a property of `site_pages`, checked
in tests/test_reach.py: after edits of every kind, the digests this module lets a build
keep equal the digests a full plan makes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from builder.fingerprint import SCALARS, record_parts
from builder.model import Article, Entity
from builder.render.pages import NO_BODY, QUOTE_BYTES, Appearances, ArticleView, reading_time

# How a page holds an article (bits: a page may hold one article in more than one way)
WHOLE, HEADLINE, QUOTES = 1, 2, 4
# which of an article's prints (whole, headline, quotes) each way depends on
_DEPENDS = {WHOLE: (0,), HEADLINE: (1,), QUOTES: (1, 2)}

Prints = tuple[str, str, str]  # an article's digests: whole view, headline, sentences
Holders = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]  # pages, by WHOLE, …


@dataclass(frozen=True)
class Reach:
    """What one build leaves for the next to find the pages an edit reaches."""

    layout: str  # layout_print of the build
    views: dict[str, Prints]  # article slug → its view_prints
    pages: dict[str, Holders]  # article slug → the pages holding it whole, by headline, …
    always: frozenset[str]  # pages whose data the walk could not read

    def reached(self, layout: str, views: Mapping[str, Prints]) -> set[str] | None:
        """The pages whose data may have changed given these view digests; None when the
        layout changed, and every page may have."""
        if layout != self.layout or views.keys() != self.views.keys():
            return None
        found = set(self.always)
        for slug, prints in views.items():
            last = self.views[slug]
            if last == prints:
                continue
            holders = self.pages.get(slug, ((), (), ()))
            for n, way in enumerate((WHOLE, HEADLINE, QUOTES)):
                if any(last[i] != prints[i] for i in _DEPENDS[way]):
                    found.update(holders[n])
        return found


def _values(kind: type, skip: tuple[str, ...] = ()) -> Callable[[Any], tuple]:
    """A dataclass's field values as one tuple (in C), but those named in `skip`."""
    return operator.attrgetter(*(f.name for f in dataclasses.fields(kind) if f.name not in skip))


_FRONT_MATTER = _values(Article, skip=("body",))  # all of an article but its body
_ENTRY = _values(Entity)


def _digest(value: Any) -> str:
    """Digest of a value made of str, int, None, bool, tuple, list and dict (marshal tags
    each with its type and length, so different values give different bytes)."""
    return hashlib.blake2b(marshal.dumps(value, 2), digest_size=16).hexdigest()


def layout_print(views: list[ArticleView], entities: list[Entity], sources: Any) -> str:
    """Digest of what decides where each article goes: each article's front matter and the
    entities it mentions, in order, with the glossary and `sources` (the config's and
    templates' digests)."""
    rows = [(_FRONT_MATTER(view.article), view.entity_slugs) for view in views]
    return _digest(("layout", sources, list(map(_ENTRY, entities)), rows))


def view_prints(views: list[ArticleView], body_keys: list[str]) -> dict[str, Prints]:
    """Article slug → digests of (all its view shows: its front matter, its body by the
    body's key, cache.body_key, and the body rendered by the digest made with it; what
    its headline shows: front matter and reading time; its sentences naming entities, as
    an entity page's fingerprint takes them: by their digests made with the body, else
    whole)."""
    out = {}
    for view, key in zip(views, body_keys, strict=True):
        rendered = view.digest
        if rendered is None:  # no digest made with the body: the body rendered itself
            rendered = (view.html, view.words, [tuple(m) for m in view.mentions])
        headline = _digest((_FRONT_MATTER(view.article), reading_time(view.words)))
        quotes = view.quotes  # (as ArticleView.quote_keys_by_entity reads them)
        if quotes is None or len(quotes) != QUOTE_BYTES * len(view.entity_slugs):
            quotes = [(slug, list(said)) for slug, said in view.quoted.items()]
        out[view.article.slug] = (_digest((headline, key, rendered)), headline,
                                  _digest(quotes))
    return out


def pages_holding(contexts: Iterable[tuple[str, Any]]) -> tuple[dict[str, Holders],
                                                                 frozenset[str]]:
    """(article slug → the pages whose data holds it whole, by its headline, by its
    headline and sentences; the pages that could not be read)."""
    holding: dict[str, tuple[list[str], list[str], list[str]]] = {}
    always = []
    records: dict[int, tuple[dict[str, int], Any]] = {}  # shared records, walked once
    for path, context in contexts:
        found = _articles_held(context, records)
        if found is None:
            always.append(path)
            continue
        for slug, ways in found.items():
            lists = holding.get(slug)
            if lists is None:
                lists = holding[slug] = ([], [], [])
            for n, way in enumerate((WHOLE, HEADLINE, QUOTES)):
                if ways & way:
                    lists[n].append(path)
    return ({slug: (tuple(a), tuple(b), tuple(c)) for slug, (a, b, c) in holding.items()},
            frozenset(always))


_CONTAINERS = (list, tuple, set, frozenset)
_SLUG = operator.attrgetter("article.slug")  # a view's


def _articles_held(value: Any, records: dict[int, tuple[dict[str, int], Any]]
                   ) -> dict[str, int] | None:
    """The slugs of the articles value holds anywhere within it, each with how (WHOLE,
    HEADLINE, QUOTES bits); None if it holds a value of a type this cannot look into."""
    found: dict[str, int] = {}
    seen = found.get
    todo = [value]
    while todo:
        item = todo.pop()
        kind = type(item)
        if kind in SCALARS:
            continue
        if kind is ArticleView:  # a headline: front matter and reading time, no body
            slug = item.article.slug
            found[slug] = seen(slug, 0) | (HEADLINE if item.body is NO_BODY else WHOLE)
        elif kind is Article:
            found[item.slug] = seen(item.slug, 0) | WHOLE
        elif kind in _CONTAINERS:
            todo.extend(item)
        elif kind is dict:
            todo.extend(item)
            todo.extend(item.values())
        elif kind is Appearances:  # entries: headlines and sentences (see Appearances)
            for slug in map(_SLUG, item.views):
                found[slug] = seen(slug, 0) | QUOTES
        else:  # a record (an Entity, a Crumb, a Group): walked once however often shown
            hit = records.get(id(item))
            if hit is None:
                try:
                    inner = _articles_held(record_parts(item), records)
                except TypeError:  # not a record either
                    return None
                if inner is None:
                    return None
                hit = records[id(item)] = (inner, item)  # (item: keeps its id)
            for slug, ways in hit[0].items():
                found[slug] = seen(slug, 0) | ways
    return found
