"""Screenshots of the main pages at phone and desktop widths, light and dark.

Written to tests/screenshots/ (git-ignored) for people to look at; the test checks only
that each page rendered without script errors and that the theme really changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

OUT = Path(__file__).resolve().parent.parent / "screenshots"
PAGES = {
    "home": "index.html",
    "article": "articles/harbour-strike.html",
    "entity": "entities/kharkiv.html",
    "glossary": "glossary.html",
    "search": "search.html?q=harbour",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots(browser, rich_site: Path, width: int, scheme: str):
    OUT.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  color_scheme=scheme, device_scale_factor=1)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    backgrounds = set()
    for name, path in PAGES.items():
        file, _, query = path.partition("?")
        page.goto((rich_site / file).as_uri() + (f"?{query}" if query else ""))
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)  # let search results and the theme settle
        page.screenshot(path=str(OUT / f"{name}-{width}-{scheme}.png"))
        backgrounds.add(page.evaluate("getComputedStyle(document.body).backgroundColor"))
    page.goto((rich_site / PAGES["article"]).as_uri())
    page.screenshot(path=str(OUT / f"article-full-{width}-{scheme}.png"), full_page=True)
    page.locator("a.gloss").first.focus()
    page.locator(".gloss-popover").wait_for()
    page.screenshot(path=str(OUT / f"popover-{width}-{scheme}.png"))
    context.close()
    assert errors == []
    dark = scheme == "dark"
    assert backgrounds == {"rgb(22, 23, 26)" if dark else "rgb(253, 252, 248)"}, backgrounds
