"""One long-lived Builder (as in the live server) through a run of edits: after each, the
site equals a fresh full build byte for byte (the search index's term shards: in what they
hold), and only what depends on the edit is rendered.
Likewise a run of `gloss build` processes, each starting from what the last saved."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from support import same_site, site_files

from builder import bodies as bodies_module
from builder import build as build_module
from builder import search as search_module
from builder.build import Builder, Built, load_builder, save_builder, write_site


@pytest.fixture
def site(generated_site: Path) -> Path:
    return generated_site


def build_into(builder: Builder, output: Path) -> tuple[int, list[str]]:
    """Build and write; (pages rendered, files written)."""
    built = builder.build(output)
    assert not built.problems, built.problems
    rendered = len(built.staged)
    written = write_site(built, output)
    builder.commit(built)
    return rendered, written


def assert_same_as_a_full_build(site: Path, output: Path) -> None:
    fresh = site / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    elsewhere = site / "fresh-cache"
    shutil.rmtree(elsewhere, ignore_errors=True)
    with pytest.MonkeyPatch.context() as patch:  # from scratch: no search memo, here or saved
        patch.setattr(search_module, "_MEMO", search_module.Memo())
        patch.setattr(build_module, "SEARCH_MEMO", elsewhere / "search.pickle")
        build_into(Builder(Path("content")), fresh)
    live, full = site_files(output), site_files(fresh)
    assert live.keys() - index_files(live) == full.keys() - index_files(full)
    assert [p for p in live.keys() & full.keys() if live[p] != full[p]
            and p not in index_files(live)] == []
    assert same_site(live, full)


def index_files(files: dict[str, bytes]) -> set[str]:
    """The search index's manifest and term shards (support.same_site)."""
    return {p for p in files if re.fullmatch(r"search/(t\d+|index)\.js", p)}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(old, new, text, count=1, flags=re.MULTILINE)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


def test_a_run_of_edits_always_ends_as_a_full_build(site: Path):
    output = site / "output"
    builder = Builder(Path("content"))
    total, _ = build_into(builder, output)
    article = site / "content/articles/article-00003.md"
    glossary = site / "content/glossary.yaml"

    unrelated = output / "articles/article-00017.html"
    stamp = unrelated.stat().st_mtime_ns
    article.write_text(article.read_text(encoding="utf-8") + "\nA closing line.\n",
                       encoding="utf-8")
    rendered, written = build_into(builder, output)
    assert rendered < total / 4
    assert [p for p in written if not p.startswith("search/")] == ["articles/article-00003.html"]
    assert unrelated.stat().st_mtime_ns == stamp
    assert_same_as_a_full_build(site, output)

    # A first mention of an entity changes its count, shown only on its articles' pages.
    texts = [p.read_text(encoding="utf-8") for p in (site / "content/articles").glob("*.md")]
    names = re.findall(r'^- name: "([^"]+)"', glossary.read_text(encoding="utf-8"), re.M)
    name = next(n for n in names if " " in n and not any(n in t for t in texts))
    article.write_text(article.read_text(encoding="utf-8") + f"\n{name} spoke.\n",
                       encoding="utf-8")
    built = builder.build(output)
    pages = [p for p in built.staged if p.startswith("articles/")]
    assert "articles/article-00003.html" in pages and len(pages) <= 8, pages
    write_site(built, output)
    builder.commit(built)
    assert_same_as_a_full_build(site, output)

    for path, old, new in [
        (article, r"^title: .*$", 'title: "A retitled article"'),  # listings change
        (article, r"^date: .*$", "date: 2031-01-01"),  # it moves to the top of the home page
        (glossary, r'(description: ")[^"]*', r"\g<1>A new description"),
        (glossary, r"^- name: .*$", '- name: "Renamed Entity"'),
        (site / "theme/templates/base.html", r"</footer>", "<p>edited</p></footer>"),
    ]:
        edit(path, old, new)
        build_into(builder, output)
        assert_same_as_a_full_build(site, output)

    (site / "content/articles/article-00010.md").unlink()
    build_into(builder, output)
    assert_same_as_a_full_build(site, output)
    assert build_into(builder, output) == (0, [])  # nothing changed: nothing rendered


@pytest.mark.parametrize("pool", [False, True])
def test_a_fresh_process_after_a_first_build_renders_nothing(site: Path, pool: bool,
                                                             monkeypatch: pytest.MonkeyPatch):
    # A first build digests its pages beside rendering them (in a forked child when there
    # are many, collected by commit); the next process, digesting them itself, must find
    # every one unchanged.
    if pool:
        monkeypatch.setattr(bodies_module, "PARALLEL_MIN", 1)
    output = site / "output"
    first = Builder(Path("content"))
    first.saves_reach = pool  # (as `gloss build`'s, whose digests are made in the child)
    total, _ = build_into(first, output)
    assert len(first.page_prints) > 30
    assert build_module.UNDIGESTED not in first.page_prints.values()
    later = Builder(Path("content"))
    later.page_prints = dict(first.page_prints)  # what load_builder would give it
    rendered, written = build_into(later, output)
    assert (rendered, written) == (0, [])


def pages_rendered_after(builder: Builder, output: Path, article: Path, ending: str) -> list[str]:
    """The pages (not search files) a build renders once `ending` closes the article."""
    text = article.read_text(encoding="utf-8")
    article.write_text(text.rstrip("\n") + ending, encoding="utf-8")
    built = builder.build(output)
    write_site(built, output)
    builder.commit(built)
    article.write_text(text, encoding="utf-8")  # (the next edit starts from the text)
    return [p for p in built.staged if not p.startswith("search/")]


def test_a_body_edit_re_renders_only_the_pages_that_show_the_body(site: Path):
    # Listings, entity pages and neighbours show an article's title, dates and reading
    # time, not its body: a reworded sentence (same word count) renders its page alone.
    output = site / "output"
    builder = Builder(Path("content"))
    build_into(builder, output)
    article = site / "content/articles/article-00005.md"
    pages_rendered_after(builder, output, article, "\n\nA reworded closing line.\n")
    assert pages_rendered_after(builder, output, article, "\n\nA rewritten closing line.\n") == [
        "articles/article-00005.html"]
    build_into(builder, output)
    assert_same_as_a_full_build(site, output)


def test_a_sentence_added_re_renders_only_its_page_while_the_reading_time_holds(site: Path):
    # The word count changes, but listings show it as a reading time, which does not.
    output = site / "output"
    builder = Builder(Path("content"))
    build_into(builder, output)
    article = site / "content/articles/article-00005.md"
    assert pages_rendered_after(builder, output, article, "\n\nOne more closing line.\n") == [
        "articles/article-00005.html"]
    # 300 words more is a minute more to read: every page that shows it again
    assert len(pages_rendered_after(builder, output, article,
                                    "\n\n" + "More words here. " * 100 + "\n")) > 3
    build_into(builder, output)
    assert_same_as_a_full_build(site, output)


def test_a_long_lived_builder_keeps_unchanged_articles_as_the_same_objects(site: Path):
    # The live server finds an unchanged page by comparing its data with what it last
    # wrote: cheap when unchanged articles are the very same objects, whose derived parts
    # (headline, quoted sentences, digests) are made once; only the rest is digested.
    output = site / "output"
    builder = Builder(Path("content"))
    total, _ = build_into(builder, output)
    before = {view.article.slug: view for view in builder._views.values()}
    article = site / "content/articles/article-00005.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nA closing line.\n",
                       encoding="utf-8")
    digested = []
    hex_of = builder._printer.hex
    builder._printer.hex = lambda value: digested.append(1) or hex_of(value)  # type: ignore
    built = builder.build(output)
    built.discard()
    after = {view.article.slug: view for view in builder._views.values()}
    assert after.keys() == before.keys() and len(after) == 30
    assert [s for s in after if after[s] is not before[s]] == ["article-00005"]
    rendered = [p for p in built.staged if not p.startswith("search/")]
    assert "articles/article-00005.html" in rendered
    assert len(rendered) <= len(digested) < total / 4


@pytest.mark.parametrize("process", ["live", "fresh"])
def test_a_reworded_sentence_re_renders_the_entity_pages_that_quote_it(site: Path, process: str):
    # An entity page quotes the sentences that name it: a word changed in one (same word
    # count, so the same headline) must re-render the pages quoting it, in the live server
    # and in a fresh process alike, and nothing else but the article's own page.
    output = site / "output"
    builder = Builder(Path("content"))
    build_into(builder, output)
    names = re.findall(r'^- name: "([^"]+)"', (site / "content/glossary.yaml").read_text(
        encoding="utf-8"), re.M)
    article = site / "content/articles/article-00007.md"
    text = article.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    sentence, name = next((s, n) for s in re.split(r"(?<=[.”])\s+", body) for n in names
                          if n in s)
    word = next(w for w in re.findall(r"\b[a-z]{4,}\b", sentence) if w not in name.lower())
    article.write_text(text.replace(sentence, sentence.replace(word, "zzzz", 1), 1),
                       encoding="utf-8")
    if process == "fresh":  # what load_builder gives the next `gloss build`
        later = Builder(Path("content"))
        later.page_prints = dict(builder.page_prints)
        builder = later
    built = builder.build(output)
    pages = {p for p in built.staged if not p.startswith("search/")}
    write_site(built, output)
    builder.commit(built)
    quoting = {p.relative_to(output).as_posix() for p in (output / "entities").rglob("*.html")
               if "zzzz" in p.read_text(encoding="utf-8")}
    assert quoting and pages == {"articles/article-00007.html", *quoting}, (quoting, pages)


def search_tables(paths: set[str] | list[str]) -> set[str]:
    return {p for p in paths if re.fullmatch(r"search/d\d+\.js", p)}


def add_alias(site: Path, article: Path, alias: str) -> None:
    """An alias for an entity the article mentions: its search document's names change,
    and nothing else of it."""
    glossary = site / "content/glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    body = article.read_text(encoding="utf-8")
    name = next(n for n in re.findall(r'^- name: "([^"]+)"', text, re.M) if n in body)
    entry = re.compile(rf'^(- name: "{re.escape(name)}"\n  type: \w+\n)(  aliases: .*\n)?', re.M)
    glossary.write_text(entry.sub(rf'\g<1>  aliases: ["{alias}"]\n', text, count=1),
                        encoding="utf-8")


def test_the_live_servers_search_index_equals_a_full_build_after_each_edit(site: Path):
    # As `gloss serve`: the pages first, then the index alone, from this process's memo.
    output = site / "output"
    builder = Builder(Path("content"))
    build_into(builder, output)
    tables = search_tables(site_files(output))

    def pages_then_index() -> Built:
        built = builder.build(output, with_search=False)
        write_site(built, output)
        builder.commit(built)
        built = builder.build_search(output)
        write_site(built, output)
        builder.commit(built)
        return built

    article = site / "content/articles/article-00003.md"
    original = article.read_text(encoding="utf-8")
    for n in range(3):  # the same article, edited again and again
        article.write_text(original + f"\nA closing line, take {n}.\n", encoding="utf-8")
        built = pages_then_index()
        staged = search_tables(built.staged)
        assert len(staged) == 1 and "article-00003" in (output / staged.pop()).read_text()
        assert search_tables(built.keep) == tables - search_tables(built.staged)
        assert_same_as_a_full_build(site, output)
    article.write_text(original, encoding="utf-8")  # back as it was: the memo's older entry
    pages_then_index()
    assert_same_as_a_full_build(site, output)
    add_alias(site, article, "Zeta Alias")
    pages_then_index()
    assert_same_as_a_full_build(site, output)
    glossary = site / "content/glossary.yaml"
    for path, old, new in [
        (article, r"^title: .*$", 'title: "A retitled article"'),
        (glossary, r"^- name: .*$", '- name: "Renamed Entity"'),  # names in many articles
        (site / "theme/templates/base.html", r"</footer>", "<p>edited</p></footer>"),
    ]:
        edit(path, old, new)
        pages_then_index()
        assert_same_as_a_full_build(site, output)
    (site / "content/articles/article-00002.md").unlink()  # every later document moves
    pages_then_index()
    assert_same_as_a_full_build(site, output)


def fresh_build(output: Path) -> Built:
    """A `gloss build` in a new process: what the last one saved under .cache/, no search
    memo of its own (the forked child that builds the index reads the saved one)."""
    search_module.forget_memo()
    builder = load_builder(Path("content"), output)
    built = builder.build(output)
    assert not built.problems, built.problems
    write_site(built, output)
    builder.commit(built)
    save_builder(builder, output)
    return built


def test_fresh_builds_reuse_the_saved_search_memo_and_equal_a_build_from_scratch(site: Path):
    output = site / "output"
    memo = site / ".cache" / "search.pickle"
    fresh_build(output)
    assert memo.is_file()  # a first build analysed every document: worth saving
    tables = search_tables(site_files(output))
    article = site / "content/articles/article-00003.md"
    original = article.read_text(encoding="utf-8")

    article.write_text(original + "\nA closing line about the harbour.\n", encoding="utf-8")
    built = fresh_build(output)
    staged = search_tables(built.staged)
    assert len(staged) == 1 and "article-00003" in (output / staged.pop()).read_text()
    assert search_tables(built.keep) == tables - search_tables(built.staged)
    assert_same_as_a_full_build(site, output)

    # A damaged memo is no memo: each edit below must still give the index from scratch.
    damages = {"a byte flipped": lambda d: d[:len(d) // 2] + bytes([d[len(d) // 2] ^ 1])
               + d[len(d) // 2 + 1:],
               "cut short": lambda d: d[:len(d) // 2], "emptied": lambda d: b"",
               "not ours": lambda d: b"\x80\x05garbage" + d[40:]}
    for n, damage in enumerate(damages.values()):
        memo.write_bytes(damage(memo.read_bytes()))
        article.write_text(original + f"\nA line, edit {n}.\n", encoding="utf-8")
        fresh_build(output)
        assert_same_as_a_full_build(site, output)
    shutil.rmtree(site / ".cache")
    article.write_text(original, encoding="utf-8")
    fresh_build(output)
    assert_same_as_a_full_build(site, output)
    add_alias(site, article, "Zeta Alias")
    fresh_build(output)
    assert_same_as_a_full_build(site, output)

    glossary = site / "content/glossary.yaml"
    for path, old, new in [
        (article, r"^date: .*$", "date: 2031-01-01"),  # it moves: documents reorder
        (glossary, r"^- name: .*$", '- name: "Renamed Entity"'),
    ]:
        edit(path, old, new)
        fresh_build(output)
        assert_same_as_a_full_build(site, output)
    (site / "content/articles/article-00002.md").unlink()
    fresh_build(output)
    assert_same_as_a_full_build(site, output)


def test_a_fresh_build_after_the_live_server_wrote_output_shows_the_inputs(site: Path):
    # `gloss serve` writes into output/ without saving what it wrote under .cache/: a
    # later `gloss build` must not trust the digests the build before it saved.
    output = site / "output"
    article = site / "content/articles/article-00003.md"
    original = article.read_text(encoding="utf-8")
    fresh_build(output)
    article.write_text(original.replace("title: ", "title: EDITED ", 1), encoding="utf-8")
    server = Builder(Path("content"))
    build_into(server, output)
    page = output / "articles/article-00003.html"
    assert "EDITED" in page.read_text(encoding="utf-8")
    article.write_text(original, encoding="utf-8")  # undone while the server was stopped
    fresh_build(output)
    assert "EDITED" not in page.read_text(encoding="utf-8")
    assert not [p for p in site_files(output) if "EDITED" in site_files(output)[p].decode("utf-8")]
    assert_same_as_a_full_build(site, output)


def test_a_fresh_process_takes_the_body_keys_it_saved(site: Path):
    # Hashing every body again was 20 ms of a one-article build at 1,000 articles: the keys
    # are saved, and must be those body_key makes for the bodies read back.
    from builder.build import read_inputs
    from builder.cache import body_key

    fresh_build(site / "output")
    builder = load_builder(Path("content"), site / "output")
    inputs = read_inputs(Path("content"), Path("site.toml"), builder._read_articles)
    assert len(inputs.articles) == 30
    known = [builder._body_keys._seen.get(id(a)) for a in inputs.articles]
    assert [k[2] if k else None for k in known] == [
        body_key(a.body, inputs.config.annotate) for a in inputs.articles]
