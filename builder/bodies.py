"""The first stage of a build: article files read, and their bodies rendered (Markdown,
sanitised, annotated), in forked workers when there are many.

Light on purpose: it imports nothing of the page machinery (Jinja2, the search index),
so that `gloss build` can fork the workers of a first build before importing that
(prestart), and the imports overlap their work.
"""

from __future__ import annotations

import functools
import os
import pickle
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from builder import segments
from builder.cache import (
    Rendered,
    body_key,
    entity_match_hash,
    glossary_id,
    quote_digests,
    rendered_digest,
)
from builder.config import ConfigError, load_config
from builder.content import article_jobs, load_article
from builder.forked import ForkMap
from builder.glossary.annotate import Annotator
from builder.glossary.load import read_glossary
from builder.glossary.match import Matcher
from builder.model import Article, Body, Entity, Problem
from builder.places import CACHE, STORE
from builder.render.markdown import BodyRenderer, plain_text, sanitise, to_html
from builder.render.pages import QUOTE_BYTES, article_path, entity_path, root_of

MAX_ARTICLE_BYTES = 5_000_000
PARALLEL_MIN = 64  # articles to render before forking workers pays for their start
T = TypeVar("T")


def read_article(path: Path, slug: str) -> Article | Problem:
    """One article file, or the problem that keeps it out of the site."""
    return read_keyed(path, slug)[1]


def read_keyed(path: Path, slug: str) -> tuple[tuple | None, Article | Problem]:
    """file_key and read_article at once: the key of the bytes read (their size and
    modification time from the open file), in one open and one fstat, through os rather
    than pathlib (two stats and pathlib's reading were 42 µs an article, now 33)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError as err:
        return None, Problem(str(path), f"cannot read: {err.strerror}")
    key: tuple | None = None
    try:
        stat = os.fstat(handle)
        key = (stat.st_mtime_ns, stat.st_size, slug)
        if stat.st_size > MAX_ARTICLE_BYTES:
            return key, Problem(str(path), f"larger than {MAX_ARTICLE_BYTES // 1_000_000} MB; "
                                "an article this long is almost surely not one article: "
                                "split it")
        data = _read_all(handle, stat.st_size)
        text = data.decode("utf-8-sig")
    except OSError as err:
        return key, Problem(str(path), f"cannot read: {err.strerror}")
    except UnicodeDecodeError:
        return key, Problem(str(path), "not UTF-8 text; save it as UTF-8 "
                            "(or put the raw file in seeds/ and ingest it)")
    finally:
        os.close(handle)
    return key, load_article(path, text, slug)


def _read_all(handle: int, size: int) -> bytes:
    """The rest of an open file, which may have grown since its size was read."""
    first = os.read(handle, size + 1)
    if len(first) <= size:
        return first
    pieces = [first]
    while piece := os.read(handle, 1 << 20):
        pieces.append(piece)
    return b"".join(pieces)


def file_key(path: Path, slug: str) -> tuple | None:
    """What tells that a file is unchanged since it was read; None if it cannot be seen."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, slug)


_worker: BodyRenderer | None = None
# (glossary id, annotate every mention, whether its matcher holds every name: see FEW_BODIES)
_worker_key: tuple[str, bool, bool] = ("", False, False)
FEW_BODIES = 8  # bodies a renderer with just their names is made for (Matcher's only_in)


def _start_worker(entities: list[Entity], every: bool, glossary: str,
                  bodies: list[str] | None = None) -> None:
    """The body renderer for this glossary; with `bodies`, one whose matcher holds only the
    names found in them, unless one holding every name is there already."""
    global _worker, _worker_key
    if _worker is not None and _worker_key == (glossary, every, True):
        return  # the same glossary: the compiled matcher is still right
    texts = None if bodies is None else [plain_text(sanitise(to_html(b))) for b in bodies]
    matcher = Matcher(entities, only_in=texts)
    # Entity links are written relative to an article page (articles/<slug>.html).
    root = root_of(article_path("x"))
    urls = {e.slug: root + entity_path(e.slug) for e in entities}
    _worker = BodyRenderer(Annotator(matcher, urls, every_mention=every))
    _worker_key = (glossary, every, bodies is None)


def _render_bodies(bodies: list[str]) -> list[Rendered]:
    assert _worker is not None
    out = []
    clock, took = time.perf_counter, 0.0
    for body in bodies:
        rendered = _worker.render(body)
        start = clock()
        text = plain_text(rendered.html)
        words = text.count(" ") + 1 if text else 0  # plain_text leaves single spaces
        body_ = Body.of(rendered.html, text, rendered.mentions)
        out.append(Rendered(body_, words, _worker_key[0], rendered_digest(body_, words),
                            quote_digests(rendered.mentions, QUOTE_BYTES)))
        took += clock() - start
    _worker.seconds["text and digests"] += took
    return out


def render_bodies(bodies: list[str], entities: list[Entity], every: bool) -> list[Rendered]:
    """Markdown → annotated, sanitised HTML; both cores when the batch is worth it. A few
    bodies (an edit) are matched against only the names that occur in them, unless this
    process compiled the whole glossary already: a new process's one-article build spent
    30 ms compiling the regex of every name of a 300-entry glossary."""
    if 0 < len(bodies) <= FEW_BODIES:
        _start_worker(entities, every, _glossary_id(entities), bodies)
        results, seconds = _timed(_render_bodies, bodies)
        BODY_SECONDS.update(seconds)
        return results
    return _in_workers(_render_bodies, bodies, entities, every)


Job = tuple[Path, str, str]  # a file, its slug, what to annotate (config.annotate)
# A file read and rendered: (file_key, article or problem, body_key, rendered body)
ReadJob = tuple[tuple | None, Article | Problem, str, Rendered | None]


@dataclass(frozen=True)
class _Written:
    """A worker's share of a first build, written to the cache's store as two parts of its
    bases (file names), not sent back through the pipe: each file's path, file_key and
    body_key, and its problem when it has no file_key (the store holds none of those)."""

    render: str
    articles: str
    rows: list[tuple[str, tuple | None, str, Problem | None]]
    jobs: list[Job]  # (to do them again here, should a part not read back)


def _read_and_render(jobs: list[Job], store: Path | None = None) -> list[ReadJob] | list[_Written]:
    """A worker's share of a first build: each file read, and its body rendered; with a
    store, written there (_Written), else sent back."""
    out: list[ReadJob] = []
    clock, took = time.perf_counter, 0.0
    for path, slug, annotate in jobs:
        start = clock()
        key, loaded = read_keyed(path, slug)
        took += clock() - start
        if isinstance(loaded, Problem):
            out.append((key, loaded, "", None))
        else:
            out.append((key, loaded, body_key(loaded.body, annotate),
                        _render_bodies([loaded.body])[0]))
    assert _worker is not None
    _worker.seconds["read"] += took
    if store is None:
        return out
    start = clock()
    try:
        render = {body: rendered for _, _, body, rendered in out if rendered is not None}
        articles = {str(job[0]): (key, loaded) for job, (key, loaded, _, _)
                    in zip(jobs, out, strict=True) if key is not None}
        written = _Written(segments.write_part(store, "render", render),
                           segments.write_part(store, "articles", articles),
                           [(str(job[0]), key, body, loaded if key is None else None)
                            for job, (key, loaded, body, _) in zip(jobs, out, strict=True)],
                           jobs)
    except OSError:  # (sent back instead)
        return out
    finally:
        _worker.seconds["store"] += clock() - start
    return [written]


def read_and_render(jobs: list[tuple[Path, str]], entities: list[Entity], annotate: str,
                    store: Path | None = None
                    ) -> tuple[list[tuple[ReadJob, bool]], list[str], list[str]]:
    """Each file's (file_key, article or problem, body_key, rendered body), read and
    rendered in the workers: reading 10,000 files is 1.7 s that one core would do alone.
    With a store, the workers write what they made there, in parts of the stores' bases,
    and this process reads them back in place: sending them through pipes, and writing the
    stores again at the end, was 0.2 s of CPU of a first build at 1,000 articles. Each
    result comes with whether it is in the store; then the parts' names (render, articles)."""
    render_parts: list[str] = []
    article_parts: list[str] = []

    def read_back(done: list[ReadJob] | list[_Written]) -> list[tuple[ReadJob, bool]]:
        """A chunk's results, its parts read back as they come: the workers go on meanwhile
        (read at the end, the 66 parts of 1,000 articles took 0.02 s, one core idle)."""
        out: list[tuple[ReadJob, bool]] = []
        for item in done:
            if not isinstance(item, _Written):
                out.append((item, False))
                continue
            assert store is not None
            try:
                rendered, articles = segments.read(store / item.render), \
                    segments.read(store / item.articles)
                got = [((key, articles[path][1] if problem is None else problem, body,
                         rendered.get(body)), True)
                       for path, key, body, problem in item.rows]
            except (OSError, ValueError, KeyError, TypeError, EOFError, pickle.PickleError):
                _start_worker(entities, annotate == "all", _glossary_id(entities))
                got = [(again, False) for again in _read_and_render(item.jobs)]  # type: ignore[misc]
            else:
                render_parts.append(item.render)
                article_parts.append(item.articles)
            out += got
        return out

    items = [(path, slug, annotate) for path, slug in jobs]
    every = annotate == "all"
    started = None if _early is None else _take_early(
        (items, _glossary_id(entities), every, store))
    if started is not None:
        out = _collect(started, read_back)
    else:
        out = _in_workers(functools.partial(_read_and_render, store=store), items, entities,
                          every, read_back)
    return out, render_parts, article_parts


def _in_workers(function: Callable[[list], list[T]], items: list, entities: list[Entity],
                every: bool, each: Callable[[list[T]], list] = lambda results: results
                ) -> list:
    """function over items in chunks: in a pool of body renderers when there are enough;
    `each` is applied to each chunk's results as they come (while the workers go on)."""
    if not items:
        return []  # (no matcher compiled for nothing: 25 ms)
    glossary = _glossary_id(entities)
    workers = pool_size()
    if len(items) < PARALLEL_MIN or workers < 2:
        _start_worker(entities, every, glossary)
        results, seconds = _timed(function, items)
        BODY_SECONDS.update(seconds)
        return each(results)
    return _collect(_fork(function, items, entities, every, glossary, workers), each)


Chunk = tuple[list, Counter[str]]  # a chunk's results, and the seconds of each step


def _fork(function: Callable[[list], list[T]], items: list, entities: list[Entity],
          every: bool, glossary: str, workers: int) -> ForkMap[Chunk]:
    """The workers, forked now, doing function over items in chunks. The glossary's
    matcher is compiled first, for them to inherit: each compiling its own took 15 ms of
    a core, and, as this process imports the rest of the builder meanwhile (prestart),
    delayed their first article by 25 ms instead of 15."""
    _start_worker(entities, every, glossary)
    chunks = [items[a:b] for a, b in guided(len(items), workers, 8)]

    def task(index: int) -> Chunk:
        _start_worker(entities, every, glossary)  # (once a worker; here, for a task done again)
        return _timed(function, chunks[index])

    return ForkMap(task, len(chunks), workers)


def _collect(done: ForkMap[Chunk], each: Callable[[list], list]) -> list:
    """The workers' results in order, `each` applied to each chunk's as it comes."""
    out: list = []
    with done:
        for results, seconds in done:
            out += each(results)
            BODY_SECONDS.update(seconds)
    return out


# The body workers of a first build, forked by prestart: (what they were asked to do,
# the workers), until read_and_render takes them.
_early: tuple[tuple, ForkMap[Chunk]] | None = None


def prestart(content: Path, config_path: Path = Path("site.toml")) -> None:
    """Fork the body workers now if a first build of many articles is ahead (no build
    state in .cache/): `gloss build` calls this before it imports the page machinery
    (Jinja2, the search index: 30 ms), which then overlaps their work instead of delaying
    it. read_and_render takes them when asked for the very same work (the same files,
    glossary, annotation setting and store); otherwise they are stopped (stop_early)."""
    global _early
    if _early is not None or CACHE.exists() or not hasattr(os, "fork"):
        return
    try:
        config = load_config(config_path)
    except ConfigError:
        return  # (read_inputs reports it)
    entities, _ = read_glossary(content / "glossary.yaml")
    jobs, _ = article_jobs(content / "articles")
    workers = pool_size()
    if len(jobs) < PARALLEL_MIN or workers < 2:
        return
    items = [(path, slug, config.annotate) for path, slug in jobs]
    every, glossary = config.annotate == "all", _glossary_id(entities)
    done = _fork(functools.partial(_read_and_render, store=STORE), items, entities, every,
                 glossary, workers)
    _early = ((items, glossary, every, STORE), done)


def _take_early(work: tuple) -> ForkMap[Chunk] | None:
    """The prestarted workers if they were asked for this work; else none (stopped)."""
    global _early
    if _early is None:
        return None
    (asked, done), _early = _early, None
    if asked == work:
        return done
    done.close()
    return None


def stop_early() -> None:
    """Stop prestarted workers that no build took (the build ended before it read)."""
    if _early is not None:
        _take_early(())


def guided(n: int, workers: int, smallest: int) -> list[tuple[int, int]]:
    """[start, end) of chunks of n items for a pool's workers, each a share of what is
    left, down to `smallest`: the last to finish leaves the other cores idle for as long as
    it takes (125 bodies: 0.2 s), and many small chunks cost a message each. (Chunks of a
    thirty-second of the items left the last one 31 bodies or 47 pages long.)"""
    bounds = []
    start = 0
    while start < n:
        size = max(smallest, (n - start) // (workers * 4))
        bounds.append((start, min(n, start + size)))
        start += size
    return bounds


def pool_size() -> int:
    """How many workers a pool has (of body or page renderers): one a core, up to four."""
    return min(os.cpu_count() or 1, 4)


def _glossary_id(entities: list[Entity]) -> str:
    return glossary_id({e.slug: entity_match_hash(e) for e in entities})


# Seconds of each step of rendering bodies in the current build, summed over the processes
# that did them (Builder.build reports them: in a first build they happen inside `load`).
BODY_SECONDS: Counter[str] = Counter()


def _timed(function: Callable[[list], list[T]], items: list) -> tuple[list[T], Counter[str]]:
    """function(items), and the seconds each step of the body renderer took doing it."""
    assert _worker is not None
    _worker.seconds = Counter()
    return function(items), _worker.seconds


