"""Search on a built site, from disk and over HTTP under a sub-path, as a reader uses it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import ROOT, run_gloss, static_host

SEED_TITLE = "Killing Civilians"
RAIL_TITLE = "Rail Disruption"
QUERIES = [
    ("delay", RAIL_TITLE),  # a word lunr.py alone would stem to "delai"
    ("railway", RAIL_TITLE),
    ("survey", RAIL_TITLE),
    ("Kiev", SEED_TITLE),  # an alias of Kyiv, which the article names
    ("Donbass", SEED_TITLE),
    ("jose andres", SEED_TITLE),  # the article writes José Andrés’s
    ("kremlin", SEED_TITLE),  # the article only writes Kremlin’s
    ("scholz", SEED_TITLE),
]
HOSTILE = ["foo:", "~", "+", "-", "*", "^", '"unbalanced', "a" * 500, "title:kremlin~2^"]


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("search-site")
    for name in ("seeds", "theme"):
        shutil.copytree(ROOT / name, base / name)
    shutil.copy(ROOT / "site.toml", base / "site.toml")
    (base / "content/articles").mkdir(parents=True)
    shutil.copy(ROOT / "content/glossary.yaml", base / "content/glossary.yaml")
    shutil.copy(ROOT / "tests/fixtures/search/rail-delays.md", base / "content/articles")
    for command in (("ingest",), ("build",)):
        result = run_gloss(*command, cwd=base)
        assert result.returncode == 0, result.stderr
    return base / "output"


@pytest.fixture(scope="module")
def sub_path_url(search_site: Path):
    """The site served over HTTP at /some/sub/path/, as on a static host."""
    with static_host(search_site, "some/sub/path") as url:
        yield url


def search_from(page, start: str, query: str, expected: str) -> None:
    page.goto(start)
    page.fill("#search-q", query)
    result = page.locator("#search-suggestions a", has_text=expected)
    result.first.wait_for(timeout=10_000)
    result.first.click()
    page.wait_for_load_state()
    assert expected in page.locator("h1").inner_text()


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_found_from_disk(page, search_site: Path, query: str, expected: str):
    search_from(page, (search_site / "glossary.html").as_uri(), query, expected)
    assert page.errors == []


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_found_over_http_under_a_sub_path(page, sub_path_url: str, query: str, expected: str):
    search_from(page, sub_path_url + "glossary.html", query, expected)
    assert page.url.startswith(sub_path_url)
    assert page.errors == []


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_are_calm_over_http(page, sub_path_url: str, query: str):
    page.goto(sub_path_url + "index.html")
    page.fill("#search-q", query)
    page.wait_for_timeout(300)
    page.goto(sub_path_url + "search.html?q=" + query.replace("+", "%2B"))
    page.locator("#search-page-results").wait_for()
    page.wait_for_timeout(300)
    assert page.errors == []


def test_the_snippet_shows_a_match_from_deep_in_the_article(page, search_site: Path):
    # "Scandinavian" is in the seed's last paragraph only, thousands of characters in.
    page.goto((search_site / "search.html").as_uri() + "?q=scandinavian")
    result = page.locator("#search-page-results li", has_text=SEED_TITLE)
    mark = result.locator(".search-snippet mark").first
    mark.wait_for(timeout=10_000)
    assert mark.inner_text().lower() == "scandinavian"
    snippet = result.locator(".search-snippet").inner_text()
    assert snippet.startswith("…") and len(snippet) < 400
    assert page.errors == []
