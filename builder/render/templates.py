"""The Jinja2 environment: autoescaped, and every URL relative to the page that holds it."""

from __future__ import annotations

import base64
import functools
import hashlib
import itertools
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import jinja2
import jinja2.compiler
import jinja2.ext
from jinja2 import nodes
from markupsafe import Markup

try:  # MarkupSafe 3: the C function that escape() wraps, returning a plain str
    from markupsafe import _escape_inner as _escape_str
except ImportError:  # MarkupSafe 2, whose escape() is itself written in C
    from markupsafe import escape as _escape_str

from builder.config import Config
from builder.render.pages import (
    MONTHS,
    Page,
    article_path,
    entity_path,
    group_path,
    reading_time,
    root_of,
    summary_of,
)

# The root of the page being rendered (render_page), for `url` in macros imported without
# the page's context: Jinja makes those once, where an import `with context` is made again
# for every page (rendering an entity page 275 -> 233 µs, an article page 131 -> 124).
_PAGE_ROOT: ContextVar[str] = ContextVar("page_root")


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, target: str) -> str:
    """A site-root path made relative to the page being rendered (100,000 calls in a build
    of 1,000 articles: `root` is looked up as Context.resolve_or_missing would, inline)."""
    if "://" in target or target.startswith(("#", "mailto:")):
        return target
    names = context.vars if "root" in context.vars else context.parent
    root = names.get("root")
    if root is None:  # in a macro imported without the page's context
        root = _PAGE_ROOT.get()
    return root + target.lstrip("/")


@jinja2.pass_context
def _absolute(context: jinja2.runtime.Context, target: str) -> str:
    """A site-root path as a full URL under base_url (feeds, sitemap, Open Graph)."""
    base = context["site"].base_url
    if target == "index.html":
        return base
    return base + target.lstrip("/")


@functools.lru_cache(maxsize=8192)
def human_date(date: str) -> str:
    """`2017-08-11…` → `11 August 2017`; anything else is shown as written.

    Remembered: listings and entity pages show the same dates again and again (38,000
    calls in a build of 1,000 articles)."""
    try:
        year, month, day = int(date[:4]), int(date[5:7]), int(date[8:10])
    except ValueError:
        return date[:10]
    if not (1 <= month <= 12 and date[4] == "-" and date[7] == "-"):
        return date[:10]
    return f"{day} {MONTHS[month - 1]} {year}"


def csp_hash(text: str) -> str:
    """A CSP source expression allowing exactly this inline script or style."""
    digest = hashlib.sha256(str(text).encode("utf-8")).digest()
    return Markup("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")


class StaticTextLoader(jinja2.BaseLoader):
    """Serves theme/static/*.css as `static/<name>` templates holding the text verbatim.

    The 404 page includes the stylesheet inline; as a template reference it is part of
    that page's template fingerprint, so an edit to the CSS re-renders the 404 page.
    """

    def __init__(self, static_dir: Path) -> None:
        self.static_dir = static_dir

    def get_source(self, environment: jinja2.Environment, template: str):
        name = template.removeprefix("static/")
        path = self.static_dir / name
        if not template.startswith("static/") or "/" in name or not path.is_file():
            raise jinja2.TemplateNotFound(template)
        text = path.read_text(encoding="utf-8")
        mtime = path.stat().st_mtime
        return "{% raw %}" + text + "{% endraw %}", str(path), lambda: _unchanged(path, mtime)

    def list_templates(self) -> list[str]:
        if not self.static_dir.is_dir():
            return []
        return sorted("static/" + p.name for p in self.static_dir.glob("*.css"))


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return path.stat().st_mtime == mtime
    except OSError:
        return False


def escape_output(value: object) -> str:
    """What `{{ value }}` writes: markupsafe.escape without wrapping the result in Markup.

    A template's output is joined into the page at once, so the Markup object escape()
    makes for every value is thrown away: making them was a third of the time spent
    rendering the 1,900 pages of a 1,000-article site (0.85 → 0.55 s)."""
    if type(value) is str:
        return _escape_str(value)
    html = getattr(value, "__html__", None)
    if html is not None:
        return html()
    return _escape_str(str(value))


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Compiles autoescaped `{{ value }}` to `environment.escape_output(value)` rather than
    `escape(value)`; everything else as Jinja does."""

    def _output_child_pre(self, node: jinja2.nodes.Expr, frame: jinja2.compiler.Frame,
                          finalize: jinja2.compiler._FinalizeInfo) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            self.write("environment.escape_output(")
            if finalize.src is not None:
                self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)


class FragmentCache(jinja2.ext.Extension):
    """`{% cache key, … %}…{% endcache %}`: a fragment rendered once per key and page pass.

    An article page lists the entities it names and an entity page the articles naming it:
    56,000 such items in a site of 1,000 articles, but only 1,300 different ones, and
    rendering them again was a third of the templates' time. The theme marks such a
    fragment with every value it depends on (`root` too, for relative links); the
    fragments are forgotten when a build renders its pages (clear_fragments), so a value
    that is the same all through one build need not be in the key.

    Compiled inline, as `{% set %}` and `{% if %}` are, the cache read through a filter
    (a direct call): a call block, Jinja's usual way, makes a macro at each use and cost
    as much as rendering the fragment again."""

    tags = {"cache"}

    def __init__(self, environment: jinja2.Environment) -> None:
        super().__init__(environment)
        self._blocks = itertools.count()  # each block parsed: its number
        fragments: dict[tuple, str] = {}
        environment.extend(fragments=fragments)
        environment.filters["_cached_fragment"] = fragments.get

        def keep(html: str, key: tuple) -> str:
            fragments[key] = html
            return html

        environment.filters["_keep_fragment"] = keep

    def parse(self, parser: jinja2.parser.Parser) -> list[nodes.Node]:
        lineno = next(parser.stream).lineno
        block = next(self._blocks)
        # the block is part of its key: two blocks may be keyed by the same values
        key = nodes.Tuple([nodes.Const((parser.name, block)), parser.parse_tuple()], "load")
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        cached, fresh = (f"_fragment_{block}", f"_fresh_{block}")

        def name(ident: str, ctx: str = "load") -> nodes.Name:
            return nodes.Name(ident, ctx)

        def filtered(value: nodes.Expr, filter_: str, *args: nodes.Expr) -> nodes.Filter:
            return nodes.Filter(value, filter_, list(args), [], None, None)

        return [
            nodes.Assign(name(cached, "store"), filtered(key, "_cached_fragment"))
            .set_lineno(lineno),
            nodes.If(name(cached), [nodes.Output([name(cached)])], [], [
                nodes.AssignBlock(name(fresh, "store"), None, body),
                nodes.Output([filtered(name(fresh), "_keep_fragment", key)]),
            ]).set_lineno(lineno),
        ]


def clear_fragments(env: jinja2.Environment) -> None:
    """Forget the cached fragments: the next pages may be of other data."""
    fragments = getattr(env, "fragments", None)
    if fragments is not None:
        fragments.clear()


class GlossEnvironment(jinja2.Environment):
    """A Jinja2 environment whose templates write their values through escape_output.

    Templates compiled by it differ from Jinja's own, so the bytecode cache keeps them
    apart (CODE_VERSION)."""

    code_generator_class = _CodeGenerator
    escape_output = staticmethod(escape_output)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # name → (source, its syntax tree), parsed already for another reason (the build
        # reads each template's references first) and taken by the template's compilation:
        # parsing the theme twice was 0.04 s of a first build. One a name: never more.
        self.parsed: dict[str | None, tuple[str, nodes.Template]] = {}

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        kept = self.parsed.get(name)
        if kept is not None and kept[0] == source:
            del self.parsed[name]
            return kept[1]
        return super()._parse(source, name, filename)


# Part of the folder name of the compiled templates' cache: change it with _CodeGenerator
# or FragmentCache (what they compile to).
CODE_VERSION = "escape-output-4"  # 3, 4: with FragmentCache


def make_environment(theme_dir: Path, bytecode_cache: jinja2.BytecodeCache | None = None,
                     auto_reload: bool = True) -> jinja2.Environment:
    """With auto_reload off, the caller clears env.cache when a template changes (Jinja
    would otherwise look at each template's modification time on every page)."""
    env = GlossEnvironment(
        bytecode_cache=bytecode_cache,
        auto_reload=auto_reload,
        loader=jinja2.ChoiceLoader([
            jinja2.FileSystemLoader(str(theme_dir / "templates")),
            StaticTextLoader(theme_dir / "static"),
        ]),
        autoescape=True,
        extensions=[FragmentCache],
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["url"] = _url
    env.filters["absolute"] = _absolute
    env.filters["human_date"] = human_date
    env.filters["reading_time"] = reading_time
    env.filters["csp_hash"] = csp_hash
    env.filters["markup"] = Markup  # only for HTML we produced and sanitised ourselves
    # Also a filter (`entity.slug | entity_path`): Jinja calls a filter directly, a function
    # through Context.call (27,000 entity links at 1,000 articles: 8 % of rendering)
    env.filters["entity_path"] = entity_path
    env.globals["article_path"] = article_path
    env.globals["entity_path"] = entity_path
    env.globals["group_path"] = group_path
    env.globals["summary_of"] = summary_of
    return env


def render_page(env: jinja2.Environment, page: Page, config: Config, extra: dict) -> str:
    """Render one page; a page asking for absolute links gets base_url as its root."""
    template = env.get_template(page.template)
    absolute = page.context.get("absolute_links") and config.base_url
    root = config.base_url if absolute else root_of(page.path)
    token = _PAGE_ROOT.set(root)
    try:
        return template.render(page.context, site=config, root=root, page_path=page.path,
                               **extra)
    finally:
        _PAGE_ROOT.reset(token)

