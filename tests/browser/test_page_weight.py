"""Article pages stay light: HTML + CSS + JS under 60 KB; the search index loads only on use."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

BUDGET = 60 * 1024
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def page_weight(site: Path, page: Path) -> dict[str, int]:
    """Bytes of a page and of every stylesheet and script it links, by path."""
    html = page.read_text(encoding="utf-8")
    sizes = {page.relative_to(site).as_posix(): len(html.encode("utf-8"))}
    for target in ASSET.findall(html):
        asset = (page.parent / target).resolve()
        sizes[asset.relative_to(site.resolve()).as_posix()] = asset.stat().st_size
    return sizes


def test_every_article_page_is_under_budget(rich_site: Path, built_site: Path):
    for site in (rich_site, built_site):
        for article in sorted((site / "articles").glob("*.html")):
            sizes = page_weight(site, article)
            total = sum(sizes.values())
            assert total < BUDGET, f"{article.name}: {total} bytes ≥ {BUDGET}: {sizes}"


def test_an_article_loads_no_search_index_until_search_is_used(page, rich_site: Path):
    """What the browser really fetches: the page, style.css, gloss.js, search.js, favicon."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto((rich_site / "articles/harbour-strike.html").as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    names = [unquote(urlparse(url).path).rsplit("/", 1)[-1] for url in fetched]
    assert not [n for n in names if "search-index" in n or "lunr" in n], names
    code = [u for u in fetched if u.endswith((".html", ".css", ".js"))]
    total = sum(Path(unquote(urlparse(url).path)).stat().st_size for url in set(code))
    assert total < BUDGET, f"{total} bytes fetched: {code}"
    assert all(url.startswith("file://") for url in fetched), f"another host: {fetched}"
