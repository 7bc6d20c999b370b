"""The site's pages as data: which page exists, at what path, showing what.

Deciding what goes where is kept apart from templates and from writing files,
so it can be tested (and planned incrementally) without rendering anything.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, overload

from builder.model import Article, Body, Entity, Mention, sentences_by_entity, without_body
from builder.render.markdown import plain_text
from builder.render.related import companions, entity_sets, related_articles
from builder.slugs import slugify

MONTHS = ("January February March April May June July August September October "
          "November December").split()
FEED_SIZE = 50  # entries in atom.xml: what a reader polls, not an archive
UNLISTED = ("404.html", "search.html")  # pages a search engine should not index
COUNTS_PATH = "entities/counts.js"  # how many articles name each entity (site_pages)
NO_BODY = Body.of("", "", ())  # a headline's
QUOTE_BYTES = 12  # of each entity's sentences digest in ArticleView.quotes
WORDS_PER_MINUTE = 230  # reading speed, for reading times


def root_of(path: str) -> str:
    """`articles/x.html` → `../`; `index.html` → `` (so links work from disk and any sub-path)."""
    depth = path.count("/")
    return "../" * depth


def reading_time(words: int) -> int:
    """Minutes at WORDS_PER_MINUTE, never zero."""
    return max(1, round(words / WORDS_PER_MINUTE))


@dataclass(frozen=True)
class Page:
    """One output page: path relative to the site root, template, and its data.

    The data may be given as a function that makes it, called when the data is first read:
    laying out a site must know every page, but a fresh build after an edit reads the
    data of the few pages the edit reaches (making all 1,900 pages' data of a 1,000-article
    site was 0.1 s of that build).
    """

    path: str
    template: str
    data: dict | Callable[[], dict] = field(hash=False, compare=False, repr=False)

    @functools.cached_property
    def context(self) -> dict:
        """The data the template is given."""
        data = self.data
        return data() if callable(data) else data


@dataclass(frozen=True)
class ArticleView:
    """An article as the templates need it (rendered body, mentions).

    What is derived from the mentions is computed once per view: the live server keeps an
    unchanged article's view from build to build, so these cost nothing after the first.
    """

    article: Article
    body: Body  # encoded: decoded as read (a page shows few bodies of the many it holds)
    words: int
    # where the renderer made them (cache.rendered_digest): digest of html, words and
    # mentions, and of the sentences quoted for each entity, in order of first mention
    digest: str | None = field(default=None, compare=False, repr=False)
    quotes: bytes | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, article: Article, html: str, mentions: tuple[Mention, ...], words: int,
           text: str | None = None) -> ArticleView:
        """A view of a body given as text (in tests, and where no renderer made it)."""
        return cls(article, Body.of(html, plain_text(html) if text is None else text,
                                    mentions), words)

    @property
    def html(self) -> str:
        return self.body.html

    @property
    def text(self) -> str:
        """The body's visible text, which summaries and search read."""
        return self.body.text

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return self.body.mentions

    @functools.cached_property
    def url(self) -> str:
        """(Kept: listings and entity pages ask a headline view for it 40,000 times.)"""
        return article_path(self.article.slug)

    @functools.cached_property
    def headline(self) -> ArticleView:
        """This article as other pages show it (link, title, dek, source, date, tags, reading
        time), without its body: listings, entity pages and neighbours hold this, so an edit
        of the body changes, and re-renders, only the pages that show it. Its word count
        is the reading time's (the minutes times WORDS_PER_MINUTE): a sentence added
        changes no listing that shows `words | reading_time`, and re-renders none."""
        return ArticleView(without_body(self.article), NO_BODY,
                           reading_time(self.words) * WORDS_PER_MINUTE)

    @property
    def entity_slugs(self) -> tuple[str, ...]:
        """The entities mentioned, in order of first mention."""
        return self.body.entity_slugs

    @functools.cached_property
    def quoted(self) -> dict[str, list[str]]:
        """Entity slug → the distinct sentences naming it, in order of first mention."""
        return sentences_by_entity(self.mentions)

    @functools.cached_property
    def quote_keys_by_entity(self) -> dict[str, str] | None:
        """Entity slug → the digest of the sentences naming it, made with the body (None
        where the renderer made none); cut from the body's digests at once: entity pages
        ask for one each (270,000 at 10,000 articles)."""
        quotes, slugs = self.quotes, self.entity_slugs
        if quotes is None or len(quotes) != QUOTE_BYTES * len(slugs):
            return None
        hexed, step = quotes.hex(), 2 * QUOTE_BYTES
        return {slug: hexed[i * step : (i + 1) * step] for i, slug in enumerate(slugs)}

    @functools.cached_property
    def filed_under(self) -> tuple[tuple[str, str, str], ...]:
        """(kind, key, label) of each listing that shows this article, once each: its
        source, its tags, its month."""
        a = self.article
        tags: dict[str, str] = {}  # tags `Climate` and `climate`: one listing, the first label
        for tag in a.tags:
            if tag.strip():
                tags.setdefault(slugify(tag), tag)
        keys = [("source", slugify(a.source), a.source)] if a.source else []
        keys += [("tag", key, label) for key, label in tags.items()]
        if month := month_key(a.date):
            keys.append(("month", month, month_label(month)))
        return tuple(keys)

    @functools.cached_property
    def title_crumb(self) -> Crumb:
        """The last step of its page's trail (one object for every build that shows it)."""
        return Crumb(self.article.title)


class Appearance(NamedTuple):
    """An article naming an entity, with the distinct sentences that name it."""

    view: ArticleView
    sentences: list[str]


class Appearances(Sequence[Appearance]):
    """One entity page's entries: the articles naming the entity, newest first, each as
    (its headline view, the distinct sentences naming the entity).

    The entries are made from the views as they are read, when the page is rendered or
    compared: laying out a site makes no entry of a page it does not render (270,000 at
    10,000 articles, 0.33 s of a fresh build). A type of its own, so the build's fingerprint
    can take a page's entries as a whole, by the digests of their sentences."""

    __slots__ = ("views", "slug")

    def __init__(self, views: Sequence[ArticleView], slug: str) -> None:
        self.views = tuple(views)
        self.slug = slug

    def __len__(self) -> int:
        return len(self.views)

    @overload
    def __getitem__(self, index: int) -> Appearance: ...

    @overload
    def __getitem__(self, index: slice) -> Appearances: ...

    def __getitem__(self, index: int | slice) -> Appearance | Appearances:
        if isinstance(index, slice):
            return Appearances(self.views[index], self.slug)
        return self._entry(self.views[index])

    def __iter__(self) -> Iterator[Appearance]:
        """(Made inline, in C's tuple.__new__: a method call and the named tuple's own
        __new__ an entry were a tenth of rendering the entity pages.)"""
        slug, make = self.slug, tuple.__new__
        return (make(Appearance, (view.headline, view.quoted.get(slug, [])))
                for view in self.views)

    def _entry(self, view: ArticleView) -> Appearance:
        return Appearance(view.headline, view.quoted.get(self.slug, []))

    def __eq__(self, other: object) -> bool:
        """Equal entries: the same view, or the same headline and sentences."""
        if not isinstance(other, Appearances):
            return NotImplemented
        slug = self.slug
        return slug == other.slug and len(self.views) == len(other.views) and all(
            a is b or (a.headline == b.headline and a.quoted.get(slug) == b.quoted.get(slug))
            for a, b in zip(self.views, other.views, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def quote_keys(self) -> list[str] | None:
        """The digests of each entry's sentences, made with the bodies; None if any lacks one."""
        slug = self.slug
        keys = [None if (known := view.quote_keys_by_entity) is None else known.get(slug)
                for view in self.views]
        return None if None in keys else keys  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"Appearances({len(self.views)} views of {self.slug!r})"


@dataclass(frozen=True)
class Crumb:
    """One step of a breadcrumb trail; the last one (the page itself) has no URL."""

    label: str
    url: str | None = None


@functools.lru_cache(maxsize=16_384)  # one a listing, an entity and a group: not a page
def crumb(label: str, url: str | None = None) -> Crumb:
    """The one Crumb of this label and URL: the pages that show it share it, and so do
    builds, so the live server finds a page's trail unchanged by identity, and a page's
    fingerprint looks its digest up instead of making it."""
    return Crumb(label, url)


@dataclass(frozen=True)
class Group:
    """Articles sharing a source, a tag or a month, with the listing that shows them."""

    kind: str  # "source" | "tag" | "month"
    label: str  # as shown: "Evening Wire", "climate", "August 2017"
    key: str  # path component: slug or YYYY-MM
    views: tuple[ArticleView, ...]

    def path(self, number: int = 1) -> str:
        return group_path(self.kind, self.key, number)


def article_path(slug: str) -> str:
    return f"articles/{slug}.html"


def entity_path(slug: str, number: int = 1) -> str:
    return f"entities/{slug}.html" if number == 1 else f"entities/{slug}/{number}.html"


def listing_path(number: int) -> str:
    return "index.html" if number == 1 else f"page/{number}.html"


_GROUP_DIRS = {"source": "sources", "tag": "tags", "month": "archive"}
_GROUP_INDEX = {"source": ("sources.html", "Sources"), "tag": ("tags.html", "Tags"),
                "month": ("archive.html", "Archive")}


def group_path(kind: str, key: str, number: int = 1) -> str:
    """`sources/evening-wire.html`, then `sources/evening-wire/2.html` for page 2."""
    folder = _GROUP_DIRS[kind]
    return f"{folder}/{key}.html" if number == 1 else f"{folder}/{key}/{number}.html"


def month_key(date: str | None) -> str | None:
    """`2017-08-11T09:00` → `2017-08`; None when the date does not start with a year-month."""
    if not date or len(date) < 7 or date[4] != "-" or not (date[:4] + date[5:7]).isdigit():
        return None
    return date[:7]


def month_label(key: str) -> str:
    """`2017-08` → `August 2017` (fixed English names: the build must not depend on locale)."""
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {year}" if 1 <= int(month) <= 12 else key


def newest_first(views: list[ArticleView]) -> list[ArticleView]:
    """Dated articles newest first, then undated ones, each by title: a stable order."""
    dated = sorted((v for v in views if v.article.date), key=lambda v: v.article.title)
    dated.sort(key=lambda v: v.article.date or "", reverse=True)
    undated = sorted((v for v in views if not v.article.date), key=lambda v: v.article.title)
    return dated + undated


def chunks(items: Sequence, per_page: int) -> list[Sequence]:
    """Items cut into pages; always at least one (possibly empty) page."""
    total = max(1, math.ceil(len(items) / per_page))
    return [items[(n - 1) * per_page : n * per_page] for n in range(1, total + 1)]


def pager(path_of: Callable[[int], str], number: int, total: int) -> dict:
    """Pagination data: neighbours, and a short run of page numbers with gaps as None."""
    if number == total == 1:  # most entities' pages and many listings
        return {"number": 1, "total": 1, "prev_url": None, "next_url": None, "page_links": []}
    shown = sorted({1, total, *range(max(1, number - 2), min(total, number + 2) + 1)})
    links: list[tuple[int, str] | None] = []
    for n in shown:
        if links and links[-1] is not None and n - links[-1][0] > 1:
            links.append(None)
        links.append((n, path_of(n)))
    return {
        "number": number,
        "total": total,
        "prev_url": path_of(number - 1) if number > 1 else None,
        "next_url": path_of(number + 1) if number < total else None,
        "page_links": links if total > 1 else [],
    }


def group_articles(ordered: list[ArticleView]) -> dict[str, list[Group]]:
    """Sources, tags and months, each with its articles newest first.

    Sources and tags whose names differ only in case or accents share a page (one slug).
    """
    found: dict[str, dict[str, list[ArticleView]]] = {k: defaultdict(list) for k in _GROUP_DIRS}
    labels: dict[tuple[str, str], str] = {}
    for view in ordered:
        for kind, key, label in view.filed_under:
            found[kind][key].append(view)
            labels.setdefault((kind, key), label)
    groups: dict[str, list[Group]] = {}
    for kind, by_key in found.items():
        made = [Group(kind, labels[kind, k], k, tuple(v)) for k, v in by_key.items()]
        if kind == "month":
            made.sort(key=lambda g: g.key, reverse=True)
        else:
            made.sort(key=lambda g: (g.label.casefold(), g.key))
        groups[kind] = made
    return groups


def site_pages(
    views: list[ArticleView], entities: list[Entity], per_page: int, base_url: str = ""
) -> list[Page]:
    """Every page of the site, in a fixed order; feeds and sitemap only with a base_url."""
    ordered = newest_first(views)
    heads = [v.headline for v in ordered]
    by_entity = views_by_entity(ordered)
    counts = {e.slug: len(by_entity.get(e.slug, ())) for e in entities}
    known = {e.slug: e for e in entities}
    groups = group_articles(heads)
    home = crumb("Articles", listing_path(1))

    pages = listing_pages(
        heads, per_page, listing_path, "index.html",
        {"heading": "Articles", "kind": "home"}, lambda n: [home] if n > 1 else [],
    )
    pages += article_pages(ordered, known, groups, home)
    for kind, found in groups.items():
        index_path, index_label = _GROUP_INDEX[kind]
        pages.append(Page(index_path, "groups.html", lambda kind=kind, found=found,
                          label=index_label: {
            "kind": kind, "heading": label, "groups": found,
            "years": _years(found) if kind == "month" else [],
            "crumbs": [home, crumb(label)],
        }))
        for group in found:
            trail = [home, crumb(index_label, index_path)]
            pages += listing_pages(
                list(group.views), per_page, group.path, "index.html",
                {"heading": group.label, "kind": kind},
                lambda n, t=trail, g=group: [*t, crumb(g.label, g.path()) if n > 1 else
                                             crumb(g.label)],
            )
    glossary_crumb = crumb("Glossary", "glossary.html")

    @functools.cache
    def co_occurring() -> dict[str, list[str]]:
        return companions(entity_sets(ordered))

    for entity in entities:
        pages += entity_pages(entity, by_entity.get(entity.slug, []), per_page,
                              [home, glossary_crumb],
                              lambda slug=entity.slug: [known[s] for s in co_occurring().get(
                                  slug, ()) if s in known])
    pages.append(glossary_page(entities, counts, [home, crumb("Glossary")]))
    # How many articles name each entity, for the popovers of article pages: a file of its
    # own, so an article added changes it, not every page naming one of its entities
    # (915 of 1,000 article pages re-rendered when they held the counts themselves).
    pages.append(Page(COUNTS_PATH, "counts.js", {"counts": counts}))
    pages.append(Page("search.html", "search.html", {"crumbs": [home, crumb("Search")]}))
    pages.append(Page("404.html", "404.html", {"absolute_links": True, "crumbs": []}))
    if base_url:
        pages.append(Page("atom.xml", "atom.xml", lambda: feed_context(ordered)))
        listed = list(pages)
        pages.append(Page("sitemap.xml", "sitemap.xml",
                          lambda: {"entries": sitemap_entries(listed, ordered)}))
    return pages


def views_by_entity(ordered: list[ArticleView]) -> dict[str, list[ArticleView]]:
    """For each entity, the articles naming it, in the given order (newest first)."""
    by_entity: dict[str, list[ArticleView]] = defaultdict(list)
    for view in ordered:
        for slug in view.entity_slugs:
            by_entity[slug].append(view)
    return by_entity


def listing_pages(
    views: list[ArticleView],
    per_page: int,
    path_of: Callable[[int], str],
    template: str,
    extra: dict,
    crumbs_of: Callable[[int], list[Crumb]],
) -> list[Page]:
    """One listing (home, a source, a tag, a month) cut into pages of per_page."""
    pieces = chunks(views, per_page)
    return [
        Page(path_of(n), template, lambda n=n, piece=piece: {
            **extra, "articles": list(piece), "count": len(views),
            "crumbs": crumbs_of(n), **pager(path_of, n, len(pieces)),
        })
        for n, piece in enumerate(pieces, start=1)
    ]


def article_pages(
    ordered: list[ArticleView],
    known: dict[str, Entity],
    groups: dict[str, list[Group]],
    home: Crumb,
) -> list[Page]:
    """Each article with its entities, related articles, neighbours and trail."""

    @functools.cache
    def related() -> dict[str, list[ArticleView]]:
        return {slug: [v.headline for v in found]
                for slug, found in related_articles(ordered).items()}

    @functools.cache
    def listed() -> dict[tuple[str, str], tuple[int, Group]]:
        """(kind, key) → the group's place among its kind's, and the group."""
        return {(g.kind, g.key): (n, g) for found in groups.values() for n, g in enumerate(found)}

    def links_of(view: ArticleView) -> dict[str, list[Crumb]]:
        """The listings holding the article, by kind, in the order of their kind's index.
        Links, not Groups: a group holds all its views, and an article page must not change
        (nor be re-rendered) when another article of the same source is edited."""
        links: dict[str, list[Crumb]] = {kind: [] for kind in _GROUP_DIRS}
        places = [listed()[kind, key] for kind, key, _ in view.filed_under]
        for _, group in sorted(places, key=lambda place: place[0]):
            links[group.kind].append(crumb(group.label, group.path()))
        return links

    sources = crumb("Sources", "sources.html")

    def context(i: int) -> dict:
        view = ordered[i]
        slug = view.article.slug
        links = links_of(view)
        source = links["source"][0] if links["source"] else None
        crumbs = [home, sources, source] if source else [home]
        crumbs.append(view.title_crumb)
        return {
            "view": view,
            "article": view.article,
            "entities": _entities_in_order(view, known),
            "newer": ordered[i - 1].headline if i > 0 else None,
            "older": ordered[i + 1].headline if i + 1 < len(ordered) else None,
            "related": related().get(slug, []),
            "source_link": source,
            "tag_links": links["tag"],
            "month_link": links["month"][0] if links["month"] else None,
            "crumbs": crumbs,
            "og_type": "article",
        }

    return [Page(view.url, "article.html", functools.partial(context, i))
            for i, view in enumerate(ordered)]


def entity_pages(
    entity: Entity,
    views: list[ArticleView],
    per_page: int,
    trail: list[Crumb],
    co: Callable[[], list[Entity]],
) -> list[Page]:
    """An entity's page(s): the articles naming it, per_page a page, and its companions
    (`co`, made when a page's data is)."""
    pieces = chunks(views, per_page)

    def context(n: int, piece: Sequence[ArticleView]) -> dict:
        here = crumb(entity.name, entity_path(entity.slug) if n > 1 else None)
        return {
            "entity": entity,
            "appearances": Appearances(piece, entity.slug),
            "count": len(views),
            "related": co(),
            "crumbs": [*trail, here],
            **pager(lambda k: entity_path(entity.slug, k), n, len(pieces)),
        }

    return [Page(entity_path(entity.slug, n), "entity.html", functools.partial(context, n, piece))
            for n, piece in enumerate(pieces, start=1)]


def glossary_page(entities: list[Entity], counts: dict[str, int], crumbs: list[Crumb]) -> Page:
    """The A–Z index; entries under '#' when their name does not start with a letter."""
    def context() -> dict:
        letters: dict[str, list[Entity]] = defaultdict(list)
        for entity in sorted(entities, key=lambda e: (e.name.casefold(), e.slug)):
            initial = entity.slug[:1].upper()
            letters[initial if initial.isalpha() else "#"].append(entity)
        return {
            "letters": sorted(letters.items()),
            "counts": counts,
            "types": sorted({e.type for e in entities}),
            "size": len(entities),
            "crumbs": crumbs,
        }

    return Page("glossary.html", "glossary.html", context)


def feed_context(ordered: list[ArticleView]) -> dict:
    """The newest articles for atom.xml; undated ones take the feed's own date."""
    entries = ordered[:FEED_SIZE]
    dates = [rfc3339(v.article.date) for v in ordered if v.article.date]
    updated = max(dates) if dates else "1970-01-01T00:00:00Z"
    return {"entries": [(v.headline, rfc3339(v.article.date) if v.article.date else updated,
                         summary_of(v)) for v in entries],
            "updated": updated}


def sitemap_entries(pages: list[Page], views: list[ArticleView]
                    ) -> list[tuple[str, str | None]]:
    """Every HTML page worth indexing, with the article date as lastmod where there is one."""
    dates = {view.url: view.article.date[:10] for view in views if view.article.date}
    return [(page.path, dates.get(page.path)) for page in pages
            if page.path.endswith(".html") and page.path not in UNLISTED]


def rfc3339(date: str) -> str:
    """Front matter dates → Atom's date-time: a bare date is midnight UTC, no zone means UTC."""
    if len(date) == 10:
        return date + "T00:00:00Z"
    if len(date) == 16:  # 2024-05-01T09:30
        date += ":00"
    if date.endswith("Z") or date[-6:-5] in "+-" and date[-3:-2] == ":":
        return date
    return date + "Z"


def summary_of(view: ArticleView, limit: int = 300) -> str:
    """The dek, or the start of the text cut at a word: what a feed reader or card shows."""
    if view.article.dek:
        return view.article.dek
    text = view.text
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _years(months: list[Group]) -> list[tuple[str, list[Group]]]:
    years: dict[str, list[Group]] = defaultdict(list)
    for group in months:
        years[group.key[:4]].append(group)
    return sorted(years.items(), reverse=True)


def _entities_in_order(view: ArticleView, known: dict[str, Entity]) -> list[Entity]:
    return [known[slug] for slug in view.entity_slugs if slug in known]


