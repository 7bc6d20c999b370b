"""Untrusted text never runs script: every vector built into a site and opened in Chromium.

A vector fails the test if it calls alert/prompt/confirm, sets window.__xss, or leaves
a javascript:/data: URL or an event-handler attribute in the page.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import ROOT, run_gloss

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


def test_no_vector_runs_in_chromium(browser, hostile_site: Path):
    failures = []
    for page_path in pages(hostile_site):
        context = browser.new_context()
        context.add_init_script(MARKER)
        page = context.new_page()
        name = page_path.name
        page.on("dialog", lambda dialog, name=name: (failures.append(f"dialog in {name}"),
                                                     dialog.dismiss()))
        page.goto(page_path.as_uri())
        page.wait_for_timeout(50)
        for link in page.locator("main a").all()[:5]:
            href = link.get_attribute("href") or ""
            if href.lower().lstrip().startswith(("javascript:", "data:", "vbscript:")):
                failures.append(f"{page_path.name}: {href}")
        page.mouse.move(200, 300)
        if page.evaluate("window.__xss"):
            failures.append(f"script ran in {page_path.relative_to(hostile_site)}")
        context.close()
    assert failures == []
