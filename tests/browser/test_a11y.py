"""axe-core on every kind of page, light and dark: no serious or critical violation.

axe is vendored in tests/vendor/ (test-only, never shipped). Pages are opened from
disk; the context bypasses the page's CSP only so that axe itself can be injected.
"""

from __future__ import annotations

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe.min.js"
PAGES = {
    "home": "index.html",
    "listing page 2": "page/2.html",
    "article": "articles/harbour-strike.html",
    "seed article": "articles/we-are-killing-civilians-and-children-russian-soldier.html",
    "entity": "entities/kharkiv.html",
    "entity page 2": "entities/*/2.html",
    "glossary": "glossary.html",
    "search": "search.html?q=harbour",
    "sources": "sources.html",
    "source": "sources/harbour-times.html",
    "tags": "tags.html",
    "tag": "tags/economy.html",
    "archive": "archive.html",
    "month": "archive/2025-12.html",
    "404": "404.html",
}


def serious_violations(page) -> list[str]:
    """Run axe on the page as it stands; describe each serious or critical violation."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {
             runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                             'wcag22aa', 'best-practice']},
             resultTypes: ['violations']})"""
    )
    found = []
    for violation in result["violations"]:
        if violation["impact"] not in ("serious", "critical"):
            continue
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
        found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — "
                     f"{len(violation['nodes'])} node(s), e.g. {targets}")
    return found


def open_page(browser, site: Path, path: str, scheme: str, **options):
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, **options)
    page = context.new_page()
    file, _, query = path.partition("?")
    if "*" in file:
        file = sorted(site.glob(file))[0].relative_to(site).as_posix()
    page.goto((site / file).as_uri() + (f"?{query}" if query else ""))
    page.wait_for_load_state("load")
    return context, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_axe_violation(browser, rich_site: Path, name: str, scheme: str):
    context, page = open_page(browser, rich_site, PAGES[name], scheme)
    try:
        found = serious_violations(page)
    finally:
        context.close()
    assert not found, f"{name} ({scheme}):\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_axe_violation_with_a_popover_open(browser, rich_site: Path, scheme: str):
    context, page = open_page(browser, rich_site, PAGES["article"], scheme)
    try:
        page.locator("a.gloss").first.focus()
        page.locator(".gloss-popover").wait_for()
        found = serious_violations(page)
    finally:
        context.close()
    assert not found, f"popover ({scheme}):\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_axe_violation_on_a_phone(browser, rich_site: Path, scheme: str):
    context, page = open_page(browser, rich_site, PAGES["article"], scheme,
                              viewport={"width": 320, "height": 640})
    try:
        found = serious_violations(page)
    finally:
        context.close()
    assert not found, f"article at 320 px ({scheme}):\n" + "\n".join(found)
