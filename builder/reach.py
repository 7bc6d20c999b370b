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
2. None of the articles the page holds has changed. Which articles a page holds (as a
   view, a headline or a record) is found by walking the data of every page once per
   layout (`pages_holding`); within a layout each page holds the same articles.

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
from builder.render.pages import Appearances, ArticleView


@dataclass(frozen=True)
class Reach:
    """What one build leaves for the next to find the pages an edit reaches."""

    layout: str  # layout_print of the build
    views: dict[str, str]  # article slug → digest of its view
    pages: dict[str, tuple[str, ...]]  # article slug → the pages holding it
    always: frozenset[str]  # pages whose data the walk could not read

    def reached(self, layout: str, views: Mapping[str, str]) -> set[str] | None:
        """The pages whose data may have changed given these view digests; None when the
        layout changed, and every page may have."""
        if layout != self.layout or views.keys() != self.views.keys():
            return None
        found = set(self.always)
        for slug, digest in views.items():
            if self.views[slug] != digest:
                found.update(self.pages.get(slug, ()))
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


def view_prints(views: list[ArticleView], body_keys: list[str]) -> dict[str, str]:
    """Article slug → digest of all its view shows: its front matter, its body (by the
    body's key, cache.body_key) and the body rendered (by the digest made with it)."""
    out = {}
    for view, key in zip(views, body_keys, strict=True):
        rendered = view.digest
        if rendered is None:  # no digest made with the body: the body rendered itself
            rendered = (view.html, view.words, [tuple(m) for m in view.mentions])
        out[view.article.slug] = _digest((_FRONT_MATTER(view.article), key, rendered))
    return out


def pages_holding(contexts: Iterable[tuple[str, Any]]) -> tuple[dict[str, tuple[str, ...]],
                                                                 frozenset[str]]:
    """(article slug → the pages whose data holds it, the pages that could not be read)."""
    holding: dict[str, list[str]] = {}
    always = []
    records: dict[int, tuple[frozenset[str], Any]] = {}  # shared records, walked once
    for path, context in contexts:
        found = _articles_held(context, records)
        if found is None:
            always.append(path)
            continue
        for slug in found:
            holding.setdefault(slug, []).append(path)
    return {slug: tuple(paths) for slug, paths in holding.items()}, frozenset(always)


_CONTAINERS = (list, tuple, set, frozenset)
_SLUG = operator.attrgetter("article.slug")  # a view's


def _articles_held(value: Any, records: dict[int, tuple[frozenset[str], Any]]
                   ) -> set[str] | None:
    """The slugs of the articles value holds anywhere within it; None if it holds a value
    of a type this cannot look into."""
    found: set[str] = set()
    todo = [value]
    while todo:
        item = todo.pop()
        kind = type(item)
        if kind in SCALARS:
            continue
        if kind is ArticleView:
            found.add(item.article.slug)
        elif kind is Article:
            found.add(item.slug)
        elif kind in _CONTAINERS:
            todo.extend(item)
        elif kind is dict:
            todo.extend(item)
            todo.extend(item.values())
        elif kind is Appearances:
            found.update(map(_SLUG, item.views))
        else:  # a record (an Entity, a Crumb, a Group): walked once however often shown
            hit = records.get(id(item))
            if hit is None:
                try:
                    inner = _articles_held(record_parts(item), records)
                except TypeError:  # not a record either
                    return None
                if inner is None:
                    return None
                hit = records[id(item)] = (frozenset(inner), item)  # (item: keeps its id)
            found |= hit[0]
    return found
