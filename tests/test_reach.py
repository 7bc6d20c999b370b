"""reach.py: the pages a fresh build keeps undigested are exactly pages whose digest a full
plan finds unchanged, after edits of every kind; and the walk finds what a page holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder import build as build_module
from builder import search as search_module
from builder.build import Builder, Built, load_builder, save_builder, write_site
from builder.model import Article, Entity
from builder.reach import Reach, pages_holding
from builder.render.pages import Appearances, ArticleView, Crumb, Group, crumb


@pytest.fixture
def site(generated_site: Path) -> Path:
    return generated_site


def view(slug: str) -> ArticleView:
    return ArticleView.of(Article(slug, slug.title(), "", f"{slug}.md"), "", (), 10)


def test_the_walk_finds_views_headlines_articles_and_entries_anywhere():
    a, b, c, d = view("a"), view("b"), view("c"), view("d")
    contexts = [
        ("one.html", {"view": a, "related": [b.headline], "crumbs": [crumb("Home", "/")]}),
        ("two.html", {"groups": [Group("tag", "T", "t", (c,))], "n": 3}),
        ("three.html", {"appearances": Appearances([a, d], "x"),
                        "entity": Entity("X", "x", "other")}),
        ("four.html", {"article": b.article, "entries": [(c.headline, "date", "summary")]}),
        ("five.html", {"nothing": None, "crumbs": [Crumb("Search")]}),
    ]
    holding, always = pages_holding(contexts)
    # (pages holding the article whole, by its headline, by its headline and sentences)
    assert holding == {"a": (("one.html",), (), ("three.html",)),
                       "b": (("four.html",), ("one.html",), ()),
                       "c": (("two.html",), ("four.html",), ()),
                       "d": ((), (), ("three.html",))}
    assert always == frozenset()


def test_a_page_is_reached_by_the_parts_of_an_article_it_shows():
    a, b = view("a"), view("b")
    holding, always = pages_holding([
        ("a.html", {"view": a, "newer": b.headline}),
        ("list.html", {"articles": [a.headline, b.headline]}),
        ("entity.html", {"appearances": Appearances([a], "x")}),
    ])
    reach = Reach("layout", {"a": ("1", "h", "q"), "b": ("1", "h", "q")}, holding, always)
    same_b = {"b": ("1", "h", "q")}
    assert reach.reached("layout", {"a": ("2", "h", "q"), **same_b}) == {"a.html"}
    assert reach.reached("layout", {"a": ("2", "h2", "q"), **same_b}) == {
        "a.html", "list.html", "entity.html"}
    assert reach.reached("layout", {"a": ("2", "h", "q2"), **same_b}) == {
        "a.html", "entity.html"}
    assert reach.reached("layout", {"a": ("1", "h", "q"), "b": ("2", "h2", "q")}) == {
        "a.html", "list.html"}


def test_a_page_holding_what_the_walk_cannot_read_is_always_reached():
    holding, always = pages_holding([("odd.html", {"view": view("a"), "f": len}),
                                     ("plain.html", {"view": view("a")})])
    assert always == {"odd.html"}
    one, two = ("1", "h", "q"), ("2", "h", "q")
    reach = Reach("layout", {"a": one}, holding, always)
    assert reach.reached("layout", {"a": one}) == {"odd.html"}
    assert reach.reached("layout", {"a": two}) == {"odd.html", "plain.html"}
    assert reach.reached("other layout", {"a": one}) is None
    assert reach.reached("layout", {"a": one, "b": one}) is None  # an article added


def planned(output: Path, use_reach: bool) -> tuple[Built, int, Builder]:
    """A fresh process's build (not written): and how many pages it digested."""
    search_module.forget_memo()
    builder = load_builder(Path("content"), output)
    if not use_reach:
        builder._reach = None
    digested = []
    hex_of = builder._printer.hex
    builder._printer.hex = lambda value: digested.append(1) or hex_of(value)  # type: ignore
    built = builder.build(output)
    assert not built.problems, built.problems
    pages = len(digested) - 1  # (and the config)
    return built, pages, builder


def pages_of(built: Built) -> set[str]:
    """The pages a build renders (not the search index: which of its shards an edit
    rewrites depends on what the last build wrote of it, not on the plan)."""
    return {path for path in built.staged if not path.startswith("search/")}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(old, new, text, count=1, flags=re.MULTILINE)
    assert changed != text, old
    path.write_text(changed, encoding="utf-8")


def test_pages_kept_by_reach_are_those_a_full_plan_finds_unchanged(site: Path):
    output = site / "output"
    first, _, builder = planned(output, use_reach=True)
    write_site(first, output)
    builder.commit(first)
    save_builder(builder, output)
    article = site / "content/articles/article-00003.md"
    text = article.read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    glossary = site / "content/glossary.yaml"
    names = re.findall(r'^- name: "(.*)"', glossary.read_text(encoding="utf-8"), re.MULTILINE)
    absent = next(n for n in names if n not in body)
    mentioned = next(n for n in names if n in body)
    sentence = next(s for s in re.split(r"(?<=\.) ", body) if mentioned in s)
    body_edits = [  # the layout stays: only the pages holding the article are digested
        (article, r"\Z", "\nA closing line.\n"),
        (article, r"^(\w+) ", r"\1 and "),  # one more word
        (article, r"(\w+)( \w+\.)$", r"\1\1\2"),  # a word changed, as many words
        (article, re.escape(sentence), sentence.replace(mentioned, f"{mentioned} again", 1)),
    ]
    layout_edits = [  # every page is digested
        (article, r"\Z", f"\n{absent} spoke.\n"),  # a new entity mentioned
        (article, r"^title: .*$", 'title: "A new title"'),
        (article, r"^date: .*$", "date: 2020-01-02"),
        (article, r"^tags: .*$", "tags: [new-tag]"),
        (article, r"^title: (.*)$", r"title: \1\ndek: A dek."),
        (glossary, r'(description: ")[^"]*', r"\g<1>A new description"),
        (site / "theme/templates/article.html", r"</article>", "<p>edited</p></article>"),
        (site / "site.toml", r"per_page = 5", "per_page = 4"),
    ]
    for path, old, new in body_edits + layout_edits:
        edit(path, old, new)
        full, all_pages, _ = planned(output, use_reach=False)
        full.discard()
        built, digested, builder = planned(output, use_reach=True)
        assert built.prints == full.prints, (old, new)
        assert pages_of(built) == pages_of(full), (old, new)
        if (path, old, new) in body_edits:
            assert digested < all_pages / 3, (old, new)
            if old == r"\Z":  # no entity named, the reading time kept: no other page
                assert digested == 1
        else:
            assert digested == all_pages, (old, new)
        write_site(built, output)
        builder.commit(built)
        save_builder(builder, output)

    added = site / "content/articles/added.md"
    for change, new_layout in (
            (lambda: added.write_text(text.replace("title: ", "title: Added ", 1),
                                      encoding="utf-8"), True),
            (lambda: (site / "content/articles/article-00010.md").unlink(), True),
            (lambda: edit(added, r"\Z", "\nA line after the walk.\n"), False)):
        change()  # an article added, one removed: a new layout, walked; then a body edit
        full, all_pages, _ = planned(output, use_reach=False)
        full.discard()
        built, digested, builder = planned(output, use_reach=True)
        assert built.prints == full.prints and pages_of(built) == pages_of(full)
        assert (digested == all_pages) == new_layout
        write_site(built, output)
        builder.commit(built)
        save_builder(builder, output)


def test_other_code_digests_every_page_again(site: Path, monkeypatch: pytest.MonkeyPatch):
    # A new version of Gloss may make other page data from the same inputs: reach.py must
    # not keep a page undigested (nor the plan keep it) because its inputs are unchanged.
    output = site / "output"
    first, _, builder = planned(output, use_reach=True)
    write_site(first, output)
    builder.commit(first)
    save_builder(builder, output)
    monkeypatch.setattr(build_module, "_code_stamp", lambda: "another version")
    built, digested, _ = planned(output, use_reach=True)
    pages = [p for p in built.staged if not p.startswith("search/")]
    built.discard()
    assert digested == built.pages and len(pages) == built.pages
