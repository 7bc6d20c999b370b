"""Untrusted text never runs script: every vector built into a site and opened in Chromium.

A vector fails the test if it calls alert/prompt/confirm, sets window.__xss, or leaves
a javascript:/data: URL or an event-handler attribute in the page.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from support import ROOT, run_gloss, static_host

DANGEROUS_TAGS = {"iframe", "object", "embed", "base", "form", "svg", "math", "style", "link"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "background"}
SCRIPT_URL = re.compile(r"\s*(javascript|data|vbscript)\s*:", re.I)

VECTORS = [
    line for line in (ROOT / "tests/fixtures/xss_vectors.txt").read_text().splitlines()
    if line and not line.startswith("#")
]
FIELD_VECTORS = {  # payloads in front matter values
    "title": "</title><script>alert(1)</script>",
    "dek": "<img src=x onerror=alert(1)>",
    "source": '"><svg onload=alert(1)>',
    "author": "<script>alert(1)</script>",
    "image_caption": "<iframe src=javascript:alert(1)>",
    "image_credit": "'><img src=x onerror=alert(1)>",
}
GLOSSARY = """\
- name: "<img src=x onerror=alert(1)>"
  type: person
  aliases: ["<script>alert(1)</script>", "Evil Corp"]
  description: "<svg onload=alert(1)> [click](javascript:alert(1))"
"""
MARKER = """
window.__xss = 0;
for (const name of ['alert', 'prompt', 'confirm']) {
  window[name] = function () { window.__xss = (window.__xss || 0) + 1; };
}
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("xss")
    shutil.copytree(ROOT / "theme", base / "theme")
    articles = base / "content/articles"
    articles.mkdir(parents=True)
    for i, vector in enumerate(VECTORS):
        (articles / f"vector-{i:02d}.md").write_text(
            f"---\ntitle: Vector {i}\n---\n\nEvil Corp said:\n\n{vector}\n\nAfter.\n",
            encoding="utf-8")
    front = "".join(f"{key}: {json.dumps(value)}\n" for key, value in FIELD_VECTORS.items())
    (articles / "fields.md").write_text(f"---\n{front}---\n\nEvil Corp text.\n",
                                        encoding="utf-8")
    (base / "content/glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    result = run_gloss("build", cwd=base)
    assert result.returncode == 0, result.stderr
    return base / "output"


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def test_no_dangerous_markup_survives(hostile_site: Path):
    for page in pages(hostile_site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find("main").find_all(True):
            where = f"{page.name}: <{tag.name} {tag.attrs}>"
            assert tag.name not in DANGEROUS_TAGS, where
            if tag.name == "script":
                assert re.fullmatch(r"(\.\./)*static/[\w.-]+\.js", tag.get("src", "")), where
            for name, value in tag.attrs.items():
                assert not name.lower().startswith("on"), where
                if name in URL_ATTRIBUTES:
                    assert not SCRIPT_URL.match(str(value)), where


@pytest.fixture(scope="module")
def served(hostile_site: Path):
    """The hostile site over HTTP, under a sub-path, as a static host would serve it."""
    with static_host(hostile_site, "some/sub/site") as url:
        yield url


def run_vectors(browser, site: Path, url_of) -> list[str]:
    """Open every page of the site in one tab (the marker is installed on each load)."""
    failures: list[str] = []
    context = browser.new_context()
    context.add_init_script(MARKER)
    page = context.new_page()
    current = [""]
    page.on("dialog", lambda dialog: (failures.append(f"dialog in {current[0]}"),
                                      dialog.dismiss()))
    for page_path in pages(site):
        current[0] = str(page_path.relative_to(site))
        page.goto(url_of(page_path))
        page.mouse.move(200, 300)
        for href in page.eval_on_selector_all("main a", "links => links.map(a => a.href)"):
            if href.lower().lstrip().startswith(("javascript:", "data:", "vbscript:")):
                failures.append(f"{current[0]}: {href}")
        if page.evaluate("window.__xss"):
            failures.append(f"script ran in {current[0]}")
    context.close()
    return failures


def test_no_vector_runs_from_disk(browser, hostile_site: Path):
    assert run_vectors(browser, hostile_site, lambda p: p.as_uri()) == []


def test_no_vector_runs_over_http(browser, hostile_site: Path, served: str):
    url_of = lambda p: served + p.relative_to(hostile_site).as_posix()  # noqa: E731
    assert run_vectors(browser, hostile_site, url_of) == []


@pytest.mark.parametrize("query", [
    "<img src=x onerror=alert(1)>", '"><script>alert(1)</script>', "javascript:alert(1)",
    "Evil Corp <svg onload=alert(1)>", "{{7*7}}", "foo:", "~", "+", "-", "*", "^", '"unbalanced',
])
def test_hostile_search_queries_run_nothing(browser, hostile_site: Path, query: str):
    context = browser.new_context()
    context.add_init_script(MARKER)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("dialog", lambda dialog: (errors.append("dialog"), dialog.dismiss()))
    page.goto((hostile_site / "index.html").as_uri())
    page.fill("#search-q", query)
    page.wait_for_timeout(400)
    page.goto((hostile_site / "search.html").as_uri() + "?q=" + quote(query))
    page.wait_for_timeout(400)
    assert page.evaluate("window.__xss") == 0
    assert errors == []
    context.close()
