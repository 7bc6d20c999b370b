"""The first stage: article files read and bodies rendered, in workers or here, and the
workers a first build forks before the rest of the builder is imported."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from support import site_files

from builder import bodies
from builder.places import CACHE


def test_a_few_bodies_are_rendered_as_the_whole_glossary_renders_them(
        monkeypatch: pytest.MonkeyPatch):
    # An edit's bodies are matched against only the names occurring in them (a fresh
    # process need not compile the whole glossary's regex); the result is the same.
    from builder.model import Entity

    entities = [Entity("Kremlin", "kremlin", "organization"),
                Entity("Olaf Scholz", "olaf-scholz", "person", aliases=("Scholz",)),
                Entity("José Andrés", "jose-andres", "person", accent_insensitive=True),
                Entity("bank", "bank", "organization", case_insensitive=True)]
    texts = ["The **Kremlin** said the BANK would pay. Scholz disagreed.",
              "Chef Jose Andres cooked for [Scholz](https://example.org/s) and Olaf Scholz."]
    monkeypatch.setattr(bodies, "_worker", None)
    few = [bodies.render_bodies([body], entities, False)[0] for body in texts]
    assert bodies._worker_key[2] is False, "a matcher of the second body's names"
    assert list(few[1].body.entity_slugs) == ["jose-andres", "olaf-scholz"]
    monkeypatch.setattr(bodies, "FEW_BODIES", 0)
    whole = bodies.render_bodies(texts, entities, False)
    assert bodies._worker_key[2] is True
    assert few == whole
    monkeypatch.setattr(bodies, "FEW_BODIES", 8)
    assert bodies.render_bodies(texts[:1], entities, False) == whole[:1]
    assert bodies._worker_key[2] is True, "the whole matcher, once compiled, is kept"


def test_pool_chunks_cover_every_item_once_and_shrink_to_the_smallest():
    for n, workers, smallest in [(1000, 2, 8), (1, 2, 8), (64, 4, 16), (10_000, 2, 8)]:
        bounds = bodies.guided(n, workers, smallest)
        assert [i for a, b in bounds for i in range(a, b)] == list(range(n))
        sizes = [b - a for a, b in bounds]
        assert sizes == sorted(sizes, reverse=True) or n < smallest
        assert sizes[-1] <= smallest and sizes[0] <= max(smallest, n // (workers * 4))


def test_an_article_is_read_with_the_key_of_the_bytes_read(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: A\n---\nBody.\n", encoding="utf-8")
    key, article = bodies.read_keyed(path, "a")
    assert key == bodies.file_key(path, "a")
    assert article.title == "A"
    missing_key, problem = bodies.read_keyed(tmp_path / "gone.md", "gone")
    assert missing_key is None and "cannot read" in problem.message


def test_a_file_that_grew_since_its_size_was_read_is_read_whole(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"x" * 5000)
    handle = os.open(path, os.O_RDONLY)
    try:
        assert bodies._read_all(handle, 10) == b"x" * 5000
    finally:
        os.close(handle)


def _built_with(output: str, prestart: bool) -> list:
    """`gloss build` into output (a first build: no state in .cache/), with or without the
    early workers; the ForkMaps the build collected the bodies from."""
    from builder import batch

    collected: list = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bodies, "_collect", lambda done, each, f=bodies._collect:
                      collected.append(done) or f(done, each))
        if not prestart:
            patch.setattr(bodies, "prestart", lambda *a, **k: None)
        patch.setattr(bodies, "PARALLEL_MIN", 4)
        shutil.rmtree(CACHE.parent, ignore_errors=True)
        assert batch.build_command(Path("content"), Path(output)) == 0
    return collected


def test_a_first_build_takes_the_workers_forked_before_its_imports(generated_site: Path,
                                                                    monkeypatch):
    early: list = []
    monkeypatch.setattr(bodies, "prestart", lambda content, f=bodies.prestart: (
        f(content), early.append(bodies._early)))
    collected = _built_with("early", prestart=True)
    assert early[0] is not None and collected == [early[0][1]], "the workers prestart forked"
    assert bodies._early is None
    monkeypatch.undo()
    monkeypatch.chdir(generated_site)
    assert _built_with("late", prestart=False)  # forked when the build reads
    assert site_files(Path("early")) == site_files(Path("late"))


def test_workers_asked_for_other_work_are_stopped_and_the_build_reads_anew(
        generated_site: Path, monkeypatch):
    monkeypatch.setattr(bodies, "PARALLEL_MIN", 4)
    bodies.prestart(Path("content"))
    assert bodies._early is not None
    started = bodies._early[1]
    (Path("content/articles") / "zz-new.md").write_text("---\ntitle: New\n---\nNew text.\n",
                                                         encoding="utf-8")
    monkeypatch.setattr(bodies, "prestart", lambda *a, **k: None)  # (prestarted already)
    collected: list = []
    monkeypatch.setattr(bodies, "_collect", lambda done, each, f=bodies._collect:
                        collected.append(done) or f(done, each))
    from builder import batch

    assert batch.build_command(Path("content"), Path("output")) == 0
    assert bodies._early is None and collected and started not in collected
    assert not started._children, "stopped, not left running"
    assert "New text." in site_files(Path("output"))["articles/zz-new.html"].decode()


def test_no_early_workers_without_many_articles_or_with_a_saved_build(generated_site: Path,
                                                                      monkeypatch):
    monkeypatch.setattr(bodies, "PARALLEL_MIN", 10**6)
    bodies.prestart(Path("content"))
    assert bodies._early is None
    monkeypatch.setattr(bodies, "PARALLEL_MIN", 4)
    CACHE.parent.mkdir()
    CACHE.write_bytes(b"a saved build")
    bodies.prestart(Path("content"))
    assert bodies._early is None
