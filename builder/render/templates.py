"""The Jinja2 environment: autoescaped, and every URL relative to the page that holds it."""

from __future__ import annotations

import posixpath
from pathlib import Path

import jinja2
from markupsafe import Markup

from builder.config import Config
from builder.render.pages import Page, article_path, entity_path


def root_of(path: str) -> str:
    """`articles/x.html` → `../`; `index.html` → `` (so links work from disk and any sub-path)."""
    depth = path.count("/")
    return "../" * depth


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, target: str) -> str:
    """A site-root path made relative to the page being rendered."""
    if "://" in target or target.startswith(("#", "mailto:")):
        return target
    return context["root"] + target.lstrip("/")


def make_environment(theme_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(theme_dir / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["url"] = _url
    env.globals["article_path"] = article_path
    env.globals["entity_path"] = entity_path
    env.filters["reading_time"] = lambda words: max(1, round(words / 230))
    env.filters["markup"] = Markup  # only for HTML we produced and sanitised ourselves
    return env


def render_page(env: jinja2.Environment, page: Page, config: Config, extra: dict) -> str:
    template = env.get_template(page.template)
    return template.render(
        page.context,
        site=config,
        root=root_of(page.path),
        page_path=page.path,
        **extra,
    )


def relative(from_path: str, to_path: str) -> str:
    """Relative link between two site paths."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
