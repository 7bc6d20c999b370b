"""The template environment: values written through escape_output, as Jinja would."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from builder.config import Config
from builder.render.pages import Page
from builder.render.templates import (
    clear_fragments,
    escape_output,
    make_environment,
    render_page,
)

TEMPLATE = """\
{% macro item(x) %}<li title="{{ x }}">{{ x }}</li>{% endmacro %}
<h1>{{ title }}</h1>{{ body }}{{ count }}{{ none }}{{ title | upper }}
{% for x in items %}{{ item(x) }}{% endfor %}
{% set captured %}<b>{{ title }}</b>{% endset %}{{ captured }}
{% autoescape false %}{{ title }}{% endautoescape %}{{ title ~ "&" }}
"""
VALUES = {
    "title": '<script>alert("x")</script> & \'quoted\'',
    "body": Markup("<p>trusted &amp; sanitised</p>"),
    "count": 3,
    "none": None,
    "items": ["a<b", Markup("<i>c</i>"), 4.5],
}


def _theme(tmp_path: Path) -> Path:
    (tmp_path / "templates").mkdir()
    (tmp_path / "static").mkdir()
    (tmp_path / "templates/page.html").write_text(TEMPLATE, encoding="utf-8")
    return tmp_path


def test_pages_are_written_exactly_as_jinja_writes_them(tmp_path: Path):
    theme = _theme(tmp_path)
    ours = make_environment(theme).get_template("page.html").render(VALUES)
    jinjas = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(theme / "templates")), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    ).get_template("page.html").render(VALUES)
    assert ours == jinjas
    assert "<h1>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;quoted&#39;</h1>" in ours
    assert "<p>trusted &amp; sanitised</p>" in ours


def test_the_compiled_templates_use_escape_output(tmp_path: Path):
    code = make_environment(_theme(tmp_path)).compile("{{ x }}", raw=True)
    assert "environment.escape_output(" in code


def test_escape_output():
    assert escape_output("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&#34;"
    assert type(escape_output("plain")) is str
    assert escape_output(Markup("<b>kept</b>")) == "<b>kept</b>"
    assert escape_output(12) == "12"
    with pytest.raises(jinja2.UndefinedError):
        escape_output(jinja2.StrictUndefined(name="missing"))


def test_entity_path_is_a_filter_as_well_as_a_function(tmp_path: Path):
    env = make_environment(_theme(tmp_path))
    page = "{{ 'kyiv' | entity_path | url }} {{ entity_path('kyiv') | url }}"
    assert env.from_string(page).render(root="../") == (
        "../entities/kyiv.html ../entities/kyiv.html")


def test_links_in_macros_are_relative_to_the_page_with_or_without_its_context(tmp_path: Path):
    """A macro imported without the page's context (Jinja makes that import once, not again
    for every page) still links relative to the page rendered, as one imported with it."""
    theme = _theme(tmp_path)
    (theme / "templates/_m.html").write_text(
        "{% macro link(path) %}<a href=\"{{ path | url }}\">x</a>{% endmacro %}")
    for name, imports in (("plain.html", ""), ("with.html", " with context")):
        (theme / "templates" / name).write_text(
            f'{{% from "_m.html" import link{imports} %}}{{{{ link("tags.html") }}}}')
    env, config = make_environment(theme), Config()
    for template in ("plain.html", "with.html", "plain.html"):
        for path, expected in (("articles/a.html", "../tags.html"),
                               ("entities/x/2.html", "../../tags.html"),
                               ("index.html", "tags.html")):
            html = render_page(env, Page(path, template, {}), config, {})
            assert html == f'<a href="{expected}">x</a>'


def test_escaping_decided_while_rendering_is_jinjas(tmp_path: Path):
    """`{% autoescape flag %}` is decided per render: Jinja's own code path, unchanged."""
    env = make_environment(_theme(tmp_path))
    page = env.from_string("{% autoescape flag %}{{ x }}{% endautoescape %}|{{ x }}")
    assert page.render(flag=False, x="<b>") == "<b>|&lt;b&gt;"
    assert page.render(flag=True, x="<b>") == "&lt;b&gt;|&lt;b&gt;"


def _counting_env(tmp_path: Path) -> tuple[jinja2.Environment, list[str]]:
    env = make_environment(_theme(tmp_path))
    seen: list[str] = []
    env.filters["seen"] = lambda value: seen.append(value) or value
    return env, seen


def test_a_cached_fragment_is_rendered_once_per_key(tmp_path: Path):
    env, seen = _counting_env(tmp_path)
    page = env.from_string(
        "{% for x in items %}{% cache x, root %}<a href='{{ root }}{{ x | seen }}'>{{ x }}</a>"
        "{% endcache %}{% endfor %}")
    assert page.render(items=["a<", "b", "a<"], root="../") == (
        "<a href='../a&lt;'>a&lt;</a><a href='../b'>b</a><a href='../a&lt;'>a&lt;</a>")
    assert page.render(items=["a<"], root="") == "<a href='a&lt;'>a&lt;</a>"  # another key
    assert seen == ["a<", "b", "a<"]


def test_fragments_keyed_alike_in_two_places_stay_apart(tmp_path: Path):
    env, _ = _counting_env(tmp_path)
    page = env.from_string("{% cache x %}<i>{{ x }}</i>{% endcache %}\n"
                           "{% cache x %}<b>{{ x }}</b>{% endcache %}"
                           "{% cache x %}<u>{{ x }}</u>{% endcache %}")
    assert page.render(x="same") == "<i>same</i><b>same</b><u>same</u>"


def test_cleared_fragments_are_rendered_again(tmp_path: Path):
    """A build clears them before its pages: an entity's description may have changed."""
    env, seen = _counting_env(tmp_path)
    page = env.from_string("{% cache slug %}{{ text | seen }}{% endcache %}")
    assert page.render(slug="kyiv", text="Capital") == "Capital"
    assert page.render(slug="kyiv", text="Changed") == "Capital"  # within one build
    clear_fragments(env)
    assert page.render(slug="kyiv", text="Changed") == "Changed"
    assert seen == ["Capital", "Changed"]


def test_a_tree_parsed_ahead_is_compiled_once_and_only_for_its_own_source(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    theme = _theme(tmp_path)
    (theme / "templates/cached.html").write_text(
        "{% cache title %}<i>{{ title }}</i>{% endcache %}", encoding="utf-8")
    env = make_environment(theme)
    parses = []
    original = jinja2.parser.Parser.parse
    monkeypatch.setattr(jinja2.parser.Parser, "parse",
                        lambda self: parses.append(self.name) or original(self))
    for name in ("page.html", "cached.html"):
        source = env.loader.get_source(env, name)[0]
        env.parsed[name] = (source, env.parse(source, name))
    assert parses == ["page.html", "cached.html"]
    expected = make_environment(theme).get_template("page.html").render(VALUES)
    parses.clear()
    assert env.get_template("page.html").render(VALUES) == expected
    assert env.get_template("cached.html").render(title="T") == "<i>T</i>"
    assert parses == [] and env.parsed == {}, "compiled from the trees parsed ahead"
    # A tree of another source (the template edited since) is not used
    env.parsed["page.html"] = (env.loader.get_source(env, "page.html")[0], env.parse("stale"))
    (theme / "templates/page.html").write_text("<b>{{ title }}</b>", encoding="utf-8")
    env.cache.clear()
    parses.clear()
    assert env.get_template("page.html").render(title="new") == "<b>new</b>"
    assert parses == ["page.html"]
