"""Getting around the site with a keyboard, a phone, a printer, and from a static host's 404."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from support import static_host

ARTICLE = "articles/harbour-strike.html"


def test_home_is_newest_first_and_paginates_by_per_page(page, rich_site: Path):
    page.goto((rich_site / "index.html").as_uri())
    items = page.locator(".article-list > li")
    assert items.count() == 5
    assert "Dockworkers in Porto" in items.first.inner_text()
    dates = page.locator(".article-list time").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True)
    page.locator(".pagination a[rel=next]").click()
    page.wait_for_url("**/page/2.html")
    assert page.locator(".pagination a[aria-current=page]").inner_text() == "2"
    assert page.locator(".breadcrumbs a").first.inner_text() == "Articles"
    assert page.errors == []


def test_article_links_to_its_source_tags_month_and_related(page, rich_site: Path):
    page.goto((rich_site / ARTICLE).as_uri())
    crumbs = page.locator(".breadcrumbs li").all_inner_texts()
    assert crumbs[:3] == ["Articles", "Sources", "Harbour Times"]
    assert page.locator(".byline").inner_text() == "By Marta Silva"
    assert "min read" in page.locator(".article-header .meta").inner_text()
    assert page.locator(".credit").text_content() == "Harbour Times/Ana Costa"
    related = page.locator(".related-list a")
    assert 1 <= related.count() <= 5
    page.locator(".article-footer a", has_text="labour").click()
    page.wait_for_url("**/tags/labour.html")
    assert page.locator("h1").inner_text() == "Tag: labour"
    page.go_back()
    page.wait_for_url("**/" + ARTICLE)
    page.locator(".article-footer a", has_text="December 2025").click()
    page.wait_for_url("**/archive/2025-12.html")
    assert "Dockworkers in Porto" in page.locator(".article-list").inner_text()
    assert page.errors == []


def test_archive_lists_months_by_year(page, rich_site: Path):
    page.goto((rich_site / "archive.html").as_uri())
    years = page.locator(".year h2").all_inner_texts()
    assert years == sorted(years, reverse=True) and years[0] == "2025"
    page.locator(".year a", has_text="December 2025").click()
    page.wait_for_url("**/archive/2025-12.html")


def test_a_common_entity_paginates_its_mentions(page, rich_site: Path):
    second = sorted(rich_site.glob("entities/*/2.html"))[0]
    page.goto(second.as_uri())
    assert page.locator(".pagination a[aria-current=page]").inner_text() == "2"
    assert page.locator(".appearances > li").count() >= 1
    assert page.locator("blockquote.mention").count() >= 1
    page.locator(".pagination a[rel=prev]").click()
    page.wait_for_url(f"**/entities/{second.parent.name}.html")
    page.wait_for_load_state()
    assert page.locator(".appearances > li").count() == 5


def test_keyboard_reaches_every_control_in_order(page, rich_site: Path):
    """Tab from the top: skip link first, then the header controls, all visibly focused."""
    page.goto((rich_site / ARTICLE).as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").bounding_box()["x"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.goto((rich_site / ARTICLE).as_uri())
    seen = []
    for _ in range(10):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(
            "document.activeElement.textContent.trim() || document.activeElement.id"))
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", f"no focus ring on {seen[-1]!r}"
    assert seen[1:8] == ["Gloss", "Archive", "Sources", "Tags", "Glossary", "search-q",
                         "Dark theme"]


def test_theme_toggle_is_remembered_and_follows_the_system_otherwise(browser, rich_site: Path):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto((rich_site / ARTICLE).as_uri())
    toggle = page.locator(".theme-toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    toggle.press("Enter")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != background
    page.goto((rich_site / "glossary.html").as_uri())
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.locator(".theme-toggle").get_attribute("aria-pressed") == "true"
    page.locator(".theme-toggle").click()  # back to what the system says: forget the choice
    assert page.evaluate("localStorage.getItem('gloss-theme')") is None
    page.emulate_media(color_scheme="dark")
    expect(page.locator(".theme-toggle")).to_have_attribute("aria-pressed", "true")
    context.close()


def test_glossary_filter_works_with_the_keyboard(page, rich_site: Path):
    page.goto((rich_site / "glossary.html").as_uri())
    page.locator(".type-filter input[value='']").focus()
    page.keyboard.press("ArrowRight")  # radios: arrows move and select
    chosen = page.evaluate("document.activeElement.value")
    assert chosen
    visible = page.locator(".glossary-list li:visible")
    assert visible.count() > 0
    types = set(visible.evaluate_all("nodes => nodes.map(n => n.dataset.type)"))
    assert types == {chosen}
    assert chosen in page.locator(".filter-status").inner_text()
    hidden_letters = page.locator(".letters li[hidden]").count()
    hidden_sections = page.locator("section.letter[hidden]").count()
    assert hidden_letters == hidden_sections
    page.locator("a", has_text="Accra").first.wait_for(state="attached")


def test_print_hides_navigation_and_shows_link_urls(page, rich_site: Path):
    page.goto((rich_site / ARTICLE).as_uri())
    page.emulate_media(media="print")
    for selector in (".site-header", ".site-footer", ".breadcrumbs", ".prev-next"):
        assert not page.locator(selector).is_visible(), selector
    after = page.evaluate("""getComputedStyle(
        document.querySelector('.original a'), '::after').content""")
    assert "https://example.org/harbour-strike" in after


def test_narrow_phone_has_no_horizontal_scroll(browser, rich_site: Path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("index.html", ARTICLE, "glossary.html", "entities/kharkiv.html", "archive.html"):
        page.goto((rich_site / path).as_uri())
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width} px wide at 320 px"
    context.close()


def test_reading_measure_is_60_to_75_characters(browser, rich_site: Path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((rich_site / ARTICLE).as_uri())
    measure = page.evaluate("""() => {
        const p = document.querySelector('.article-body p');
        const probe = document.createElement('span');
        probe.textContent = p.textContent.slice(0, 400);
        probe.style.whiteSpace = 'nowrap';
        p.appendChild(probe);
        const perChar = probe.getBoundingClientRect().width / probe.textContent.length;
        probe.remove();
        return p.clientWidth / perChar;
    }""")
    context.close()
    assert 60 <= measure <= 75, f"{measure:.0f} characters per line"


@pytest.fixture
def hosted(built_site: Path) -> Iterator[str]:
    """The seed site (no base_url) served under /news/ on a loopback port."""
    with static_host(built_site, "news") as url:
        yield url.removesuffix("/news/")


def test_404_served_deep_under_a_sub_path_links_to_the_site(page, hosted: str):
    response = page.goto(hosted + "/news/articles/no/such/page.html")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    home = page.locator("main a", has_text="Latest articles")
    expect(home).to_have_attribute("href", "/news/index.html")  # waits for the rebase
    assert page.locator("form.site-search").get_attribute("action") == "/news/search.html"
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("Charter")
    page.locator(".theme-toggle:not([hidden])").wait_for()  # gloss.js loaded from the root
    home.click()
    page.wait_for_url(hosted + "/news/index.html")
    assert page.errors == [] or all("404" in e for e in page.errors), page.errors
