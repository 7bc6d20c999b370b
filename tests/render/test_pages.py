"""What pages exist and what they show, without rendering anything."""

from __future__ import annotations

from builder.model import Article, Entity, Mention
from builder.render.pages import (
    COUNTS_PATH,
    ArticleView,
    Page,
    group_articles,
    month_key,
    month_label,
    newest_first,
    pager,
    rfc3339,
    site_pages,
    summary_of,
)
from builder.render.related import related_articles


def view(slug: str, date: str | None = None, source: str | None = None,
         tags: tuple[str, ...] = (), entities: tuple[str, ...] = (), html: str = "<p>x</p>",
         dek: str | None = None) -> ArticleView:
    article = Article(slug=slug, title=slug.title(), body="", path=f"{slug}.md", date=date,
                      source=source, tags=tags, dek=dek)
    mentions = tuple(Mention(e, e, f"{e} was there.") for e in entities)
    return ArticleView.of(article, html, mentions, 300)


def paths(pages: list[Page]) -> list[str]:
    return [p.path for p in pages]


def by_path(pages: list[Page]) -> dict[str, Page]:
    return {p.path: p for p in pages}


def test_listings_paginate_by_per_page():
    views = [view(f"a{i}", date=f"2024-01-{i + 1:02d}") for i in range(7)]
    pages = by_path(site_pages(views, [], per_page=3))
    assert [v.article.slug for v in pages["index.html"].context["articles"]] == ["a6", "a5", "a4"]
    assert pages["page/3.html"].context["prev_url"] == "page/2.html"
    assert pages["page/3.html"].context["next_url"] is None
    assert "page/4.html" not in pages


def test_sources_tags_and_months_get_their_own_listings():
    views = [view("a", "2024-05-02", "Evening Wire", ("climate",)),
             view("b", "2024-05-20T10:00", "Evening Wire", ("Climate", "war")),
             view("c", "2023-12-01", "Harbour Times")]
    found = paths(site_pages(views, [], per_page=1))
    for path in ("sources.html", "sources/evening-wire.html", "sources/evening-wire/2.html",
                 "sources/harbour-times.html", "tags.html", "tags/climate.html",
                 "tags/climate/2.html", "tags/war.html", "archive.html",
                 "archive/2024-05.html", "archive/2024-05/2.html", "archive/2023-12.html"):
        assert path in found, f"{path} missing from {found}"


def test_tags_differing_in_case_share_one_page():
    groups = group_articles([view("a", tags=("Climate",)), view("b", tags=("climate",))])
    assert [(g.key, len(g.views)) for g in groups["tag"]] == [("climate", 2)]


def test_months_are_newest_first_and_named_in_english():
    groups = group_articles([view("a", "2023-02-01"), view("b", "2024-11-30"), view("c")])
    assert [g.label for g in groups["month"]] == ["November 2024", "February 2023"]
    assert month_key("2024-11-30T08:00:00Z") == "2024-11"
    assert month_key("sometime") is None
    assert month_label("2024-02") == "February 2024"


def test_entity_pages_paginate_and_keep_every_sentence():
    entity = Entity(name="Kharkiv", slug="kharkiv", type="place")
    views = [view(f"a{i}", f"2024-01-{i + 1:02d}", entities=("kharkiv",)) for i in range(5)]
    pages = by_path(site_pages(views, [entity], per_page=2))
    assert "entities/kharkiv/3.html" in pages
    first = pages["entities/kharkiv.html"].context
    assert first["count"] == 5 and first["total"] == 3
    assert first["appearances"][0][1] == ["kharkiv was there."]
    entries = list(first["appearances"])  # as the template reads them
    assert entries == [first["appearances"][i] for i in range(len(entries))]
    assert all(type(e).__name__ == "Appearance" and e.view.url == e.view.headline.url
               and e.sentences == ["kharkiv was there."] for e in entries)


def test_counts_are_a_page_of_their_own_not_in_every_article():
    # An article added changes how many articles name its entities: that must change one
    # file, not every article page naming one of them.
    kyiv, lviv = Entity("Kyiv", "kyiv", "place"), Entity("Lviv", "lviv", "place")
    views = [view("a", "2024-01-01", entities=("kyiv",)),
             view("b", "2024-01-02", entities=("kyiv", "lviv"))]
    pages = by_path(site_pages(views, [kyiv, lviv], per_page=5))
    assert pages[COUNTS_PATH].context == {"counts": {"kyiv": 2, "lviv": 1}}
    before = pages["articles/a.html"].context
    assert "counts" not in before
    more = by_path(site_pages([*views, view("c", "2024-01-03", entities=("kyiv",))],
                              [kyiv, lviv], per_page=5))
    assert more[COUNTS_PATH].context["counts"]["kyiv"] == 3
    assert more["articles/a.html"].context["entities"] == before["entities"]


def test_breadcrumbs_lead_home():
    pages = by_path(site_pages([view("a", source="Evening Wire")], [], per_page=5))
    crumbs = pages["articles/a.html"].context["crumbs"]
    assert [(c.label, c.url) for c in crumbs] == [
        ("Articles", "index.html"), ("Sources", "sources.html"),
        ("Evening Wire", "sources/evening-wire.html"), ("A", None)]
    assert pages["index.html"].context["crumbs"] == []


def test_feed_and_sitemap_only_with_a_base_url():
    views = [view("a", "2024-01-01")]
    assert not {"atom.xml", "sitemap.xml"} & set(paths(site_pages(views, [], 5)))
    pages = by_path(site_pages(views, [], 5, base_url="https://example.org/"))
    sitemap = dict(pages["sitemap.xml"].context["entries"])
    assert sitemap["articles/a.html"] == "2024-01-01"
    assert "404.html" not in sitemap and "search.html" not in sitemap
    assert pages["atom.xml"].context["updated"] == "2024-01-01T00:00:00Z"


def test_dates_become_rfc3339():
    assert rfc3339("2024-05-01") == "2024-05-01T00:00:00Z"
    assert rfc3339("2024-05-01T09:30") == "2024-05-01T09:30:00Z"
    assert rfc3339("2024-05-01T09:30:00+02:00") == "2024-05-01T09:30:00+02:00"
    assert rfc3339("2024-05-01T09:30:00Z") == "2024-05-01T09:30:00Z"


def test_summary_is_the_dek_or_the_start_of_the_text():
    assert summary_of(view("a", dek="The dek.")) == "The dek."
    long = view("b", html="<p>" + "word " * 100 + "</p><p><a>Kyiv</a>’s end</p>")
    assert summary_of(long, 40).endswith("word…")
    assert summary_of(view("c", html="<p><a>Kyiv</a>’s</p><p>Next</p>")) == "Kyiv’s Next"


def test_related_articles_prefer_rare_shared_entities():
    views = newest_first([
        view("a", "2024-01-05", entities=("common", "rare")),
        view("b", "2024-01-04", entities=("common", "rare")),
        view("c", "2024-01-03", entities=("common",)),
        view("d", "2024-01-02", entities=("other",)),
    ])
    related = related_articles(views)
    assert [v.article.slug for v in related["a"]] == ["b", "c"]
    assert related["d"] == []


def test_pager_shows_a_window_with_gaps():
    links = pager(lambda n: f"p{n}", 6, 12)["page_links"]
    assert [link[0] if link else None for link in links] == [1, None, 4, 5, 6, 7, 8, None, 12]
    assert pager(lambda n: f"p{n}", 1, 1)["page_links"] == []


def test_pages_and_builds_share_their_trail_steps():
    # The live server compares each page with the last build's: a shared step compares by
    # identity, and the fingerprint looks its digest up instead of making it again.
    views = [view("a", "2024-01-01", "Evening Wire", ("climate",)),
             view("b", "2024-01-02", "Evening Wire")]
    first, again = (by_path(site_pages(views, [], per_page=1)) for _ in range(2))
    a, b = first["articles/a.html"].context, first["articles/b.html"].context
    assert a["crumbs"][0] is b["crumbs"][0] is first["sources.html"].context["crumbs"][0]
    assert a["source_link"] is b["source_link"] is again["articles/a.html"].context["source_link"]
    assert a["crumbs"][-1] is again["articles/a.html"].context["crumbs"][-1]
    trails = [pages["tags/climate.html"].context["crumbs"] for pages in (first, again)]
    assert all(x is y for x, y in zip(*trails, strict=True))


def test_an_article_is_listed_once_under_tags_that_differ_in_case():
    groups = group_articles([view("a", tags=("Climate", "climate", "CLIMATE", " "))])
    assert [(g.label, [v.article.slug for v in g.views]) for g in groups["tag"]] == [
        ("Climate", ["a"])]
