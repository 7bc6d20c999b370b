"""The cache's stores: a base file plus deltas, read back as the dict that was saved."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, same_site, site_files

from builder import batch as batch_module
from builder import bodies as bodies_module
from builder import build as build_module
from builder import segments
from builder.model import Body, Mention


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_small_change_is_written_as_a_delta_and_reads_back_whole(tmp_path: Path) -> None:
    entries = {f"k{i}": f"value {i}" for i in range(20)}
    stored = segments.save(tmp_path, "render", entries, set(), segments.Stored())
    assert len(stored.files) == 1, "the first save writes the whole dict"
    entries = dict(entries)
    entries["k3"] = "edited"
    del entries["k7"]
    entries["new"] = "added"
    stored = segments.save(tmp_path, "render", entries, {"k3", "new"}, stored)
    assert len(stored.files) == 2, "one edit is a delta beside the base"
    loaded, again = segments.load(tmp_path, stored.files)
    assert loaded == entries
    assert again == stored


def test_keys_not_named_as_changed_but_new_to_the_store_are_written(tmp_path: Path) -> None:
    stored = segments.save(tmp_path, "s", {f"k{i}": i for i in range(10)}, set(),
                           segments.Stored())
    entries = {**{f"k{i}": i for i in range(10)}, "extra": 99}
    stored = segments.save(tmp_path, "s", entries, set(), stored)
    assert segments.load(tmp_path, stored.files)[0] == entries


def test_nothing_changed_writes_nothing(tmp_path: Path) -> None:
    entries = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}
    stored = segments.save(tmp_path, "s", entries, set(), segments.Stored())
    before = _files(tmp_path)
    assert segments.save(tmp_path, "s", entries, set(), stored) == stored
    assert _files(tmp_path) == before


def test_many_changes_rewrite_the_whole_and_old_files_can_go(tmp_path: Path) -> None:
    entries = {f"k{i}": i for i in range(8)}
    stored = segments.save(tmp_path, "s", entries, set(), segments.Stored())
    first = stored.files[0]
    for round_ in range(12):
        entries = {**entries, f"k{round_ % 8}": -round_}
        stored = segments.save(tmp_path, "s", entries, {f"k{round_ % 8}"}, stored)
        assert len(stored.files) <= segments.MAX_DELTAS + 1
    assert first not in stored.files, "deltas that grew past their share were folded in"
    (tmp_path / ".render-9.pickle.tmp").write_bytes(b"half a write")
    segments.remove_unlisted(tmp_path, set(stored.files))
    assert _files(tmp_path) == sorted(stored.files)
    assert segments.load(tmp_path, stored.files)[0] == entries


def test_a_missing_or_broken_file_reads_as_an_empty_store(tmp_path: Path) -> None:
    stored = segments.save(tmp_path, "s", {f"k{i}": i for i in range(10)}, set(),
                           segments.Stored())
    stored = segments.save(tmp_path, "s", {f"k{i}": i + (i == 2) for i in range(10)}, {"k2"},
                           stored)
    (tmp_path / stored.files[1]).write_bytes(b"not a pickle")
    assert segments.load(tmp_path, stored.files) == ({}, segments.Stored())
    (tmp_path / stored.files[1]).unlink()
    assert segments.load(tmp_path, stored.files) == ({}, segments.Stored())


def test_gloss_build_after_each_edit_reads_the_store_and_matches_a_full_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    subprocess.run([sys.executable, str(ROOT / "bench/gen_corpus.py"), "--n", "24",
                    "--out", str(tmp_path / "content")], check=True, capture_output=True)
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    (tmp_path / "site.toml").write_text('title = "T"\nper_page = 5\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    store = Path(".cache/store")

    def build(output: str) -> None:
        assert batch_module.build_command(Path("content"), Path(output)) == 0

    def same_as_full_build() -> None:
        shutil.rmtree("full", ignore_errors=True)
        shutil.rmtree(".cache-full", ignore_errors=True)
        monkeypatch.setattr(build_module, "CACHE", Path(".cache-full/build.pickle"))
        monkeypatch.setattr(build_module, "STORE", Path(".cache-full/store"))
        build("full")
        monkeypatch.undo()
        monkeypatch.chdir(tmp_path)
        assert same_site(site_files(Path("output")), site_files(Path("full")))

    build("output")
    bases = set(_files(store))
    assert len(bases) == 2, "one base for the rendered bodies, one for the parsed files"
    article = Path("content/articles/article-00004.md")
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n",
                       encoding="utf-8")
    build("output")
    assert bases < set(_files(store)) and len(_files(store)) == 4, "one delta per store"
    same_as_full_build()

    Path("content/articles/article-00009.md").unlink()
    glossary = Path("content/glossary.yaml")
    glossary.write_text(re.sub(r"^- name: .*$", '- name: "Renamed Entity"',
                               glossary.read_text(encoding="utf-8"), count=1, flags=re.M),
                        encoding="utf-8")
    build("output")
    same_as_full_build()

    for path in store.iterdir():  # a lost store file: the next build starts over, right
        path.unlink()
        break
    article.write_text(article.read_text(encoding="utf-8") + "\nAnd another.\n",
                       encoding="utf-8")
    build("output")
    same_as_full_build()


def test_buffers_are_read_in_place_and_written_again_whole(tmp_path: Path) -> None:
    long = bytes(range(256)) * 8
    entries = {"a": (pickle.PickleBuffer(long), b"short", "text"),
               "b": [long[:-1], {"x": pickle.PickleBuffer(long)}]}
    stored = segments.save(tmp_path, "s", entries, set(), segments.Stored())
    loaded, stored = segments.load(tmp_path, stored.files)
    assert loaded == {"a": (long, b"short", "text"), "b": [long[:-1], {"x": long}]}
    assert isinstance(loaded["a"][0], memoryview) and isinstance(loaded["a"][1], bytes)
    assert isinstance(loaded["b"][0], bytes), "only what pickles as a buffer is kept apart"
    assert loaded["a"][0].readonly
    # Saved whole again, from what was read in place (the memoryviews of a mapped file)
    loaded["c"] = "new"
    again = segments.save(tmp_path, "s", loaded, set(), segments.Stored())
    segments.remove_unlisted(tmp_path, set(again.files))
    reloaded = segments.load(tmp_path, again.files)[0]
    assert reloaded == {**loaded, "c": "new"}
    assert isinstance(reloaded["b"][1]["x"], memoryview)


def test_bodies_keep_their_parts_apart_and_read_back_equal(tmp_path: Path) -> None:
    mentions = (Mention("kremlin", "Kremlin", "The Kremlin said so."),) * 40
    body = Body.of("<p>" + "word " * 400 + "</p>", "word " * 400, mentions)
    small = Body.of("<p>Hi</p>", "Hi", ())
    stored = segments.save(tmp_path, "render", {"k": body, "s": small}, set(),
                           segments.Stored())
    loaded = segments.load(tmp_path, stored.files)[0]
    assert loaded == {"k": body, "s": small}
    assert isinstance(loaded["k"].html_utf8, memoryview)
    assert isinstance(loaded["s"].html_utf8, bytes)
    assert loaded["k"].html == body.html and loaded["k"].mentions == mentions
    # In band (a pipe to a worker, protocol 4 or 5), the parts come back as bytes
    for protocol in (4, 5):
        again = pickle.loads(pickle.dumps(loaded["k"], protocol))
        assert again == body and type(again.html_utf8) is bytes


def test_a_store_file_cut_short_in_its_long_values_is_not_read(tmp_path: Path) -> None:
    entries = {"a": pickle.PickleBuffer(bytes(range(256)) * 8), "b": "text"}
    stored = segments.save(tmp_path, "s", entries, set(), segments.Stored())
    path = tmp_path / stored.files[0]
    path.write_bytes(path.read_bytes()[:-10])  # the pickle whole, the last value cut
    assert segments.load(tmp_path, stored.files) == ({}, segments.Stored())


def test_a_store_file_of_another_format_is_not_read(tmp_path: Path) -> None:
    stored = segments.save(tmp_path, "s", {"a": 1}, set(), segments.Stored())
    path = tmp_path / stored.files[0]
    path.write_bytes(struct.pack("<Q", 5) + pickle.dumps({"a": 1}))  # the format before
    assert segments.load(tmp_path, stored.files) == ({}, segments.Stored())


def _corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int) -> None:
    subprocess.run([sys.executable, str(ROOT / "bench/gen_corpus.py"), "--n", str(n),
                    "--out", str(tmp_path / "content")], check=True, capture_output=True)
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    (tmp_path / "site.toml").write_text('title = "T"\nper_page = 5\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def _writers(store: Path) -> set[int]:
    """The processes that wrote the store files (their names hold the writer's pid)."""
    return {int(path.name.split("-")[1]) for path in store.iterdir()}


def test_a_first_build_s_workers_write_the_stores_in_parts_that_read_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    n = bodies_module.PARALLEL_MIN + 6
    _corpus(tmp_path, monkeypatch, n)
    assert batch_module.build_command(Path("content"), Path("output")) == 0
    store = Path(".cache/store")
    assert len(_files(store)) > 2 and os.getpid() not in _writers(store), \
        "parts of the bases, written by the workers that rendered the bodies"
    again = build_module.load_builder(Path("content"), Path("output"))
    assert len(again.cache.entries) == n and len(again._reader.seen) == n
    assert again._stored["render"].bases == len(again._stored["render"].files) > 1
    first = next(iter(again.cache.entries.values()))
    assert isinstance(first.body.html_utf8, memoryview) and "<p>" in first.body.html
    # An edit adds one delta to each store, beside the parts; the site is a full build's
    parts = set(_files(store))
    article = Path("content/articles/article-00004.md")
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n",
                       encoding="utf-8")
    assert batch_module.build_command(Path("content"), Path("output")) == 0
    assert parts < set(_files(store)) and len(_files(store)) == len(parts) + 2
    shutil.rmtree(".cache")
    assert batch_module.build_command(Path("content"), Path("full")) == 0
    assert same_site(site_files(Path("output")), site_files(Path("full")))


def test_a_part_that_does_not_read_back_is_done_again_in_the_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    n = bodies_module.PARALLEL_MIN + 6
    _corpus(tmp_path, monkeypatch, n)
    real, failed = segments.read, []

    def read(path: Path) -> object:
        if path.name.startswith("render") and not failed:
            failed.append(path.name)
            raise OSError("lost")
        return real(path)

    monkeypatch.setattr(segments, "read", read)
    assert batch_module.build_command(Path("content"), Path("output")) == 0
    assert failed
    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    again = build_module.load_builder(Path("content"), Path("output"))
    assert len(again.cache.entries) == n and len(again._reader.seen) == n, \
        "what was done again is saved with the rest"
    assert batch_module.build_command(Path("content"), Path("full")) == 0
    assert same_site(site_files(Path("output")), site_files(Path("full")))
