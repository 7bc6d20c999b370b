"""The pipeline: read content, render every page, write the site all-or-nothing.

Stages are pure functions over plain data (see builder/render, builder/glossary);
this module owns the I/O at both ends.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from builder.atomic import write_bytes_atomic
from builder.config import Config, ConfigError, load_config
from builder.content import article_files, file_slug, load_article
from builder.glossary.annotate import Annotator
from builder.glossary.load import load_glossary
from builder.glossary.match import Matcher
from builder.model import Article, Entity, Problem
from builder.render.markdown import BodyRenderer
from builder.render.pages import ArticleView, Page, article_path, entity_path, site_pages
from builder.render.templates import make_environment, relative, render_page
from builder.search import SearchDoc, build_search_files

MANIFEST = ".gloss-manifest.json"
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


@dataclass
class Inputs:
    """Everything a build reads, gathered once at the edge."""

    config: Config
    articles: list[Article] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    static: dict[str, bytes] = field(default_factory=dict)
    theme_dir: Path = Path("theme")


@dataclass
class Built:
    files: dict[str, bytes]
    problems: list[Problem]
    pages: int = 0
    timings: dict[str, float] = field(default_factory=dict)


def read_inputs(content: Path, config_path: Path = Path("site.toml")) -> Inputs:
    """Read config, articles, glossary and theme static files; collect every problem."""
    problems: list[Problem] = []
    try:
        config = load_config(config_path)
    except ConfigError as err:
        config = Config()
        problems.append(Problem(str(config_path), str(err).split(": ", 1)[-1]))
    inputs = Inputs(config=config, theme_dir=Path(config.theme))
    paths, found = article_files(content / "articles")
    problems.extend(found)
    taken: set[str] = set()
    slugs: dict[str, str] = {}
    for path in paths:
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8-sig")
        except OSError as err:
            problems.append(Problem(str(path), f"cannot read: {err.strerror}"))
            continue
        except UnicodeDecodeError:
            problems.append(
                Problem(
                    str(path),
                    "not UTF-8 text; save it as UTF-8 "
                    "(or put the raw file in seeds/ and ingest it)",
                )
            )
            continue
        loaded = load_article(path, text, file_slug(path, taken))
        if isinstance(loaded, Problem):
            problems.append(loaded)
            continue
        if loaded.slug in slugs:
            problems.append(
                Problem(
                    str(path),
                    f"slug {loaded.slug!r} is already used by "
                    f"{slugs[loaded.slug]}; change the slug",
                )
            )
            continue
        slugs[loaded.slug] = str(path)
        inputs.articles.append(loaded)
    glossary = content / "glossary.yaml"
    if glossary.exists():
        try:
            text = glossary.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            problems.append(Problem(str(glossary), f"cannot read as UTF-8: {err}"))
        else:
            entities, found = load_glossary(text, str(glossary))
            inputs.entities = entities
            problems.extend(found)
    static_dir = inputs.theme_dir / "static"
    if static_dir.is_dir():
        for path in sorted(static_dir.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                inputs.static["static/" + path.relative_to(static_dir).as_posix()] = (
                    path.read_bytes()
                )
    else:
        problems.append(Problem(str(static_dir), "theme static folder is missing"))
    inputs.problems = problems
    return inputs


def plain_text(html_text: str) -> str:
    return html.unescape(_TAG.sub(" ", html_text))


def render_views(
    articles: list[Article], entities: list[Entity], config: Config
) -> list[ArticleView]:
    """Markdown → annotated, sanitised HTML for every article."""
    matcher = Matcher(entities)
    # Entity links are written relative to an article page (articles/<slug>.html).
    urls = {e.slug: relative(article_path("x"), entity_path(e.slug)) for e in entities}
    renderer = BodyRenderer(Annotator(matcher, urls, every_mention=config.annotate == "all"))
    views = []
    for article in articles:
        rendered = renderer.render(article.body)
        words = len(_WORD.findall(plain_text(rendered.html)))
        views.append(ArticleView(article, rendered.html, rendered.mentions, words))
    return views


def search_documents(views: list[ArticleView], entities: list[Entity]) -> list[SearchDoc]:
    names = {e.slug: e.name for e in entities}
    docs = []
    for view in views:
        a = view.article
        mentioned = tuple(
            dict.fromkeys(names[m.entity] for m in view.mentions if m.entity in names)
        )
        docs.append(
            SearchDoc(
                url=view.url,
                kind="article",
                title=a.title,
                body=" ".join(plain_text(view.html).split()),
                dek=a.dek or "",
                source=a.source or "",
                date=a.date or "",
                names=mentioned,
            )
        )
    for e in entities:
        docs.append(
            SearchDoc(
                url=entity_path(e.slug),
                kind="entity",
                title=e.name,
                body=e.description,
                dek=e.type,
                names=e.aliases,
            )
        )
    return docs


def build_site(inputs: Inputs, env: jinja2.Environment | None = None) -> Built:
    """All files of the site in memory (path → bytes), and the problems met."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    env = env or make_environment(inputs.theme_dir)
    views = render_views(inputs.articles, inputs.entities, inputs.config)
    timings["markdown+annotate"] = time.perf_counter() - clock
    clock = time.perf_counter()
    pages = site_pages(views, inputs.entities, inputs.config.per_page, inputs.config.base_url)
    files: dict[str, bytes] = dict(inputs.static)
    problems = list(inputs.problems)
    for page in pages:
        try:
            files[page.path] = render_page(env, page, inputs.config, {}).encode("utf-8")
        except (jinja2.TemplateError, LookupError, TypeError, ValueError) as err:
            problems.append(template_problem(err, inputs.theme_dir, page))
    timings["render"] = time.perf_counter() - clock
    clock = time.perf_counter()
    files.update(build_search_files(search_documents(views, inputs.entities)))
    timings["search"] = time.perf_counter() - clock
    return Built(files, problems, len(pages), timings)


def template_problem(err: Exception, theme_dir: Path, page: Page) -> Problem:
    if isinstance(err, jinja2.TemplateSyntaxError):
        name = err.filename or str(theme_dir / "templates" / (err.name or "?"))
        return Problem(name, f"template syntax error: {err.message}", err.lineno)
    return Problem(
        str(theme_dir / "templates" / page.template),
        f"template error while rendering {page.path}: {err}",
    )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_site(files: dict[str, bytes], output: Path) -> int:
    """Make output/ hold exactly `files`; return how many files were written.

    An output we built before is synced file by file (atomic renames, unchanged
    files untouched); otherwise the site is built beside it and swapped in whole.
    """
    manifest = {path: _digest(data) for path, data in sorted(files.items())}
    manifest_bytes = json.dumps(manifest, indent=0, sort_keys=True).encode()
    old_manifest_path = output / MANIFEST
    if old_manifest_path.is_file():
        try:
            old = json.loads(old_manifest_path.read_text())
        except (OSError, ValueError):
            old = {}
        written = 0
        for path, data in files.items():
            target = output / path
            if old.get(path) != manifest[path] or not target.is_file():
                write_bytes_atomic(target, data)
                written += 1
        for path in set(old) - set(files):
            with contextlib.suppress(FileNotFoundError):
                (output / path).unlink()
        write_bytes_atomic(old_manifest_path, manifest_bytes)
        return written
    if output.exists() and any(output.iterdir()):
        raise FileExistsError(
            f"{output} exists and was not made by Gloss; move it away or choose another --output"
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.tmp-"))
    try:
        for path, data in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (staging / MANIFEST).write_bytes(manifest_bytes)
        os.chmod(staging, 0o755)
        if output.exists():
            output.rmdir()
        os.replace(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(files)


def build_command(content: Path, output: Path, keep_going: bool = False) -> int:
    """`gloss build`: all-or-nothing unless --keep-going; every problem reported."""
    started = time.perf_counter()
    inputs = read_inputs(content)
    built = build_site(inputs)
    for problem in built.problems:
        print(f"error: {problem}", file=sys.stderr)
    if built.problems and not keep_going:
        print(
            f"build failed: {len(built.problems)} problem(s); {output}/ left as it was",
            file=sys.stderr,
        )
        return 1
    try:
        written = write_site(built.files, output)
    except OSError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(
        f"built {len(inputs.articles)} articles, {len(inputs.entities)} entities, "
        f"{built.pages} pages ({written} files written) in {elapsed:.2f} s"
    )
    print(f"open {(output / 'index.html').resolve()}")
    return 1 if built.problems else 0
