"""One long-lived Builder (as in the live server) through a run of edits: after each, the
site equals a fresh full build byte for byte, and only what depends on the edit is rendered."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

from builder import build as build_module
from builder.build import Builder, write_site


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    subprocess.run([sys.executable, str(ROOT / "bench/gen_corpus.py"), "--n", "30",
                    "--out", str(tmp_path / "content")], check=True, capture_output=True)
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    (tmp_path / "site.toml").write_text('title = "T"\nper_page = 5\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def build_into(builder: Builder, output: Path) -> tuple[int, list[str]]:
    """Build and write; (pages rendered, files written)."""
    built = builder.build(output)
    assert not built.problems, built.problems
    rendered = len(built.staged)
    written = write_site(built, output)
    builder.commit(built)
    return rendered, written


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.name != ".gloss-manifest.json"}


def assert_same_as_a_full_build(site: Path, output: Path) -> None:
    fresh = site / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    build_into(Builder(Path("content")), fresh)
    live, full = tree(output), tree(fresh)
    assert live.keys() == full.keys()
    assert [p for p in live if live[p] != full[p]] == []


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
    # A first build digests its pages where it renders them (in the workers when there are
    # many); the next process, digesting them itself, must find every one unchanged.
    if pool:
        monkeypatch.setattr(build_module, "PARALLEL_MIN", 1)
    output = site / "output"
    first = Builder(Path("content"))
    total, _ = build_into(first, output)
    assert len(first.page_prints) > 30 and None not in first.page_prints.values()
    later = Builder(Path("content"))
    later.page_prints = dict(first.page_prints)  # what load_builder would give it
    rendered, written = build_into(later, output)
    assert (rendered, written) == (0, [])


def test_a_body_edit_re_renders_only_the_pages_that_show_the_body(site: Path):
    # Listings, entity pages and neighbours show an article's title, dates and reading
    # time, not its body: a reworded sentence (same word count) renders its page alone.
    output = site / "output"
    builder = Builder(Path("content"))
    build_into(builder, output)
    article = site / "content/articles/article-00005.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.rstrip("\n") + "\n\nA reworded closing line.\n", encoding="utf-8")
    build_into(builder, output)
    article.write_text(text.rstrip("\n") + "\n\nA rewritten closing line.\n", encoding="utf-8")
    built = builder.build(output)
    pages = [p for p in built.staged if not p.startswith("search/")]
    write_site(built, output)
    builder.commit(built)
    assert pages == ["articles/article-00005.html"]
    assert_same_as_a_full_build(site, output)


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
    assert_same_as_a_full_build(site, output)
