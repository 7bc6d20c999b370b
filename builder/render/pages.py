"""The site's pages as data: which page exists, at what path, showing what.

Deciding what goes where is kept apart from templates and from writing files,
so it can be tested (and planned incrementally) without rendering anything.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from builder.model import Article, Entity, Mention


@dataclass(frozen=True)
class Page:
    """One output page: path relative to the site root, template, and its data."""

    path: str
    template: str
    context: dict = field(hash=False, compare=False)


@dataclass(frozen=True)
class ArticleView:
    """An article as the templates need it (rendered body, mentions)."""

    article: Article
    html: str
    mentions: tuple[Mention, ...]
    words: int

    @property
    def url(self) -> str:
        return article_path(self.article.slug)


def article_path(slug: str) -> str:
    return f"articles/{slug}.html"


def entity_path(slug: str) -> str:
    return f"entities/{slug}.html"


def listing_path(number: int) -> str:
    return "index.html" if number == 1 else f"page/{number}.html"


def newest_first(views: list[ArticleView]) -> list[ArticleView]:
    """Dated articles newest first, then undated ones, each by title: a stable order."""
    dated = sorted((v for v in views if v.article.date), key=lambda v: v.article.title)
    dated.sort(key=lambda v: v.article.date or "", reverse=True)
    undated = sorted((v for v in views if not v.article.date), key=lambda v: v.article.title)
    return dated + undated


def site_pages(views: list[ArticleView], entities: list[Entity], per_page: int) -> list[Page]:
    """Every page of the site, in a fixed order."""
    ordered = newest_first(views)
    by_entity: dict[str, list[tuple[ArticleView, list[str]]]] = defaultdict(list)
    for view in ordered:
        sentences: dict[str, list[str]] = defaultdict(list)
        for mention in view.mentions:
            if mention.sentence not in sentences[mention.entity]:
                sentences[mention.entity].append(mention.sentence)
        for slug, said in sentences.items():
            by_entity[slug].append((view, said))
    counts = {e.slug: len(by_entity.get(e.slug, ())) for e in entities}
    known = {e.slug: e for e in entities}
    pages: list[Page] = []

    total = max(1, math.ceil(len(ordered) / per_page))
    for number in range(1, total + 1):
        chunk = ordered[(number - 1) * per_page : number * per_page]
        pages.append(
            Page(
                listing_path(number),
                "index.html",
                {
                    "articles": chunk,
                    "number": number,
                    "total": total,
                    "prev_url": listing_path(number - 1) if number > 1 else None,
                    "next_url": listing_path(number + 1) if number < total else None,
                },
            )
        )

    for i, view in enumerate(ordered):
        mentioned = _entities_in_order(view, known)
        pages.append(
            Page(
                view.url,
                "article.html",
                {
                    "view": view,
                    "article": view.article,
                    "entities": mentioned,
                    "counts": counts,
                    "newer": ordered[i - 1] if i > 0 else None,
                    "older": ordered[i + 1] if i + 1 < len(ordered) else None,
                },
            )
        )

    for entity in entities:
        appearances = by_entity.get(entity.slug, [])
        pages.append(
            Page(
                entity_path(entity.slug),
                "entity.html",
                {
                    "entity": entity,
                    "appearances": appearances,
                    "related": _co_occurring(entity.slug, appearances, known),
                },
            )
        )

    letters: dict[str, list[Entity]] = defaultdict(list)
    for entity in sorted(entities, key=lambda e: (e.name.casefold(), e.slug)):
        initial = entity.slug[:1].upper()
        letters[initial if initial.isalpha() else "#"].append(entity)
    pages.append(
        Page(
            "glossary.html",
            "glossary.html",
            {
                "letters": sorted(letters.items()),
                "counts": counts,
                "types": sorted({e.type for e in entities}),
            },
        )
    )
    pages.append(Page("search.html", "search.html", {}))
    pages.append(Page("404.html", "404.html", {}))
    return pages


def _entities_in_order(view: ArticleView, known: dict[str, Entity]) -> list[Entity]:
    seen = dict.fromkeys(m.entity for m in view.mentions if m.entity in known)
    return [known[slug] for slug in seen]


def _co_occurring(slug: str, appearances: list, known: dict[str, Entity]) -> list[Entity]:
    """The entities that most often share an article with this one."""
    together: Counter[str] = Counter()
    for view, _ in appearances:
        together.update({m.entity for m in view.mentions if m.entity != slug})
    ranked = sorted(together.items(), key=lambda kv: (-kv[1], kv[0]))
    return [known[s] for s, _ in ranked[:8] if s in known]
