"""The built site in a real browser, opened straight from disk (file://)."""

from __future__ import annotations

from pathlib import Path

ARTICLE = "articles/we-are-killing-civilians-and-children-russian-soldier.html"


def test_search_from_disk_finds_the_seed_and_follows_it(page, built_site: Path):
    page.goto((built_site / "index.html").as_uri())
    page.fill("#search-q", "Scholz")
    result = page.locator("#search-suggestions a", has_text="Killing Civilians")
    result.first.wait_for(timeout=10_000)
    result.first.click()
    page.wait_for_url("**/" + ARTICLE)
    assert "Olaf Scholz" in page.inner_text("article")
    assert page.errors == []


def test_search_results_page_from_disk(page, built_site: Path):
    page.goto((built_site / "search.html").as_uri() + "?q=Scholz")
    page.locator("#search-page-results a", has_text="Killing Civilians").first.wait_for(
        timeout=10_000
    )
    # every result is listed already: no button to show more
    assert page.locator(".search-more").count() == 1
    assert not page.locator(".search-more").is_visible()
    assert page.errors == []


def test_entity_popover_on_hover_focus_and_escape(page, built_site: Path):
    page.goto((built_site / ARTICLE).as_uri())
    link = page.locator('a.gloss[data-entity="kremlin"]').first
    link.hover()
    popover = page.locator(".gloss-popover")
    popover.wait_for()
    assert "Moscow" in popover.inner_text()
    # how many articles name it, from entities/counts.js (read from disk, like the page)
    assert popover.locator(".count").inner_text() == "1 article"
    assert link.get_attribute("aria-describedby") == "gloss-popover"
    page.mouse.move(0, 0)
    popover.wait_for(state="detached")
    link.focus()
    popover.wait_for()
    page.keyboard.press("Escape")
    popover.wait_for(state="detached")
    assert page.errors == []


def test_tabbing_from_one_mention_to_the_next_explains_each(page, built_site: Path):
    page.goto((built_site / ARTICLE).as_uri())
    links = page.locator("article a.gloss")
    assert links.count() >= 3
    links.nth(0).focus()
    popover = page.locator(".gloss-popover")
    for n in (1, 2):
        page.evaluate("(n) => document.querySelectorAll('article a.gloss')[n].focus()", n)
        page.wait_for_timeout(300)  # past any hide the last link's blur scheduled
        assert popover.count() == 1, f"no explanation on mention {n + 1}"
        assert links.nth(n).get_attribute("aria-describedby") == "gloss-popover"
    page.locator("h1").click()  # focus leaves the mentions: the explanation goes
    popover.wait_for(state="detached")
    assert page.errors == []


def test_entity_popover_opens_on_tap(browser, built_site: Path):
    context = browser.new_context(has_touch=True, is_mobile=True,
                                  viewport={"width": 375, "height": 700})
    page = context.new_page()
    page.goto((built_site / ARTICLE).as_uri())
    link = page.locator('a.gloss[data-entity="kremlin"]').first
    link.tap()
    page.locator(".gloss-popover").wait_for()
    assert page.url.endswith(ARTICLE)
    page.locator("h1").tap()
    page.locator(".gloss-popover").wait_for(state="detached")
    context.close()


def test_mention_links_work_without_script(browser, built_site: Path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site / ARTICLE).as_uri())
    page.locator('a.gloss[data-entity="kremlin"]').first.click()
    page.wait_for_url("**/entities/kremlin.html")
    context.close()
