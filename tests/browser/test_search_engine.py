"""search.js and search-engine.js in Chromium, from disk, on the search files of a few docs.

The harness pages follow the templates' DOM contract (see builder/search.py) and carry the
site's Content-Security-Policy, so lazy <script> loading is checked under it too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.search import SearchDoc, build_search_files

pytestmark = pytest.mark.browser

STATIC = Path(__file__).resolve().parents[2] / "theme" / "static"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'")

DOCS = [
    SearchDoc(url="articles/chef.html", kind="article", title="Chef feeds a city under fire",
              body="José Andrés and his World Central Kitchen served meals in Kharkiv. "
                   "The Kremlin’s envoy said the delay was a key problem, a survey found.",
              dek="Kitchens near the front", source="Le Monde", date="2024-03-05",
              names=("José Andrés", "Kremlin")),
    SearchDoc(url="articles/bogota.html", kind="article", title="Rain returns to Bogotá",
              body="Farmers around Bogotá welcomed the first rain in months. " * 3,
              source="El País", date="2023-11-20"),
    SearchDoc(url="articles/xss.html", kind="article",
              title="<img src=x onerror=\"window.__xss=1\"> headline",
              body="<script>window.__xss=2</script> harmless words about harbours",
              source="<b>bold</b>", date="2022-01-01"),
    SearchDoc(url="entities/jose-andres.html", kind="entity", title="José Andrés",
              body="Spanish-American chef who founded World Central Kitchen.", dek="person",
              names=("Andrés",)),
    SearchDoc(url="articles/review.html", kind="article", title="A film of one tired cliché",
              body="The plot leans on every genre cliché.", date="2021-05-01"),
    SearchDoc(url="articles/match.html", kind="article", title="Quarterback leads late drive",
              body="Sean Clifford threw two touchdowns in the fourth quarter.",
              date="2021-05-02"),
]

FORM = """<form class="site-search" role="search" action="{root}search.html" method="get">
<label for="search-q">Search</label><input id="search-q" name="q" type="search"
autocomplete="off" aria-controls="search-suggestions">
<ul id="search-suggestions" role="listbox" hidden></ul></form>"""


def page_html(root: str, main: str = "") -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<title>t</title><script src="{root}static/search.js" defer></script></head>'
            f'<body data-root="{root}">{FORM.format(root=root)}<main>{main}</main></body></html>')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("searchsite")
    for rel, data in build_search_files(DOCS).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    (root / "static").mkdir()
    for name in ("search.js", "search-engine.js", "lunr.min.js"):
        shutil.copy(STATIC / name, root / "static" / name)
    for doc in DOCS:
        (root / doc.url).parent.mkdir(parents=True, exist_ok=True)
        (root / doc.url).write_text(page_html("../", "<h1>page</h1>"), "utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "page.html").write_text(page_html("../"), "utf-8")
    (root / "index.html").write_text(page_html(""), "utf-8")
    (root / "search.html").write_text(
        page_html("", '<div id="search-page-results" aria-live="polite"></div>'), "utf-8")
    return root


def suggestions(page) -> list[str]:
    page.locator("#search-suggestions li").first.wait_for()
    return page.locator("#search-suggestions li").all_inner_texts()


def type_query(page, text: str) -> None:
    page.fill("#search-q", "")
    page.evaluate("document.getElementById('search-suggestions').textContent = ''")
    page.fill("#search-q", text)


def test_nothing_heavy_loads_until_the_box_is_used(page, site):
    page.goto((site / "sub" / "page.html").as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.lunr + typeof window.GlossSearch") == "undefinedundefined"
    page.focus("#search-q")
    page.wait_for_function("() => typeof window.lunr === 'function' && !!window.GlossSearch")
    assert page.errors == []


def test_the_first_keystroke_is_answered_while_the_engine_loads(page, site):
    page.goto((site / "index.html").as_uri())
    page.wait_for_load_state("load")
    page.type("#search-q", "r")  # starts the load; the suggestions must follow by themselves
    page.keyboard.type("ain")
    page.locator("#search-suggestions li", has_text="Rain returns").wait_for()
    assert page.input_value("#search-q") == "rain"


def test_accent_free_typing_finds_names_with_highlights_and_meta(page, site):
    page.goto((site / "sub" / "page.html").as_uri())
    type_query(page, "jose andres")
    texts = suggestions(page)
    assert any("José Andrés" in t and "Spanish-American chef" in t for t in texts)
    assert any("Chef feeds a city" in t and "Le Monde · 2024-03-05" in t for t in texts)
    marks = page.locator("#search-suggestions mark").all_inner_texts()
    assert "José" in marks and "Andrés" in marks
    href = page.locator("#search-suggestions a").first.get_attribute("href")
    assert href.startswith("../") and href.endswith(".html")  # prefixed with data-root
    assert page.errors == []


def test_prefix_possessive_and_stemming(page, site):
    page.goto((site / "index.html").as_uri())
    type_query(page, "bogo")
    assert any("Rain returns to Bogotá" in t for t in suggestions(page))
    type_query(page, "kremlin's delays")
    assert any("Chef feeds a city" in t for t in suggestions(page))
    assert "Kremlin’s" in page.locator("#search-suggestions mark").all_inner_texts()


def test_keyboard_arrows_enter_and_escape(page, site):
    page.goto((site / "sub" / "page.html").as_uri())
    type_query(page, "rain")
    suggestions(page)
    page.keyboard.press("ArrowDown")
    first = page.locator("#search-suggestions li").first
    assert first.get_attribute("aria-selected") == "true"
    assert page.get_attribute("#search-q", "aria-activedescendant") == first.get_attribute("id")
    page.keyboard.press("Escape")
    assert page.locator("#search-suggestions").is_hidden()
    page.keyboard.press("ArrowDown")
    page.locator("#search-suggestions").wait_for(state="visible")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/bogota.html")


def test_untrusted_text_is_never_markup(page, site):
    page.goto((site / "index.html").as_uri())
    type_query(page, "harbours")
    texts = suggestions(page)
    assert any('<img src=x onerror="window.__xss=1"> headline' in t for t in texts)
    assert page.locator("#search-suggestions img, #search-suggestions script, "
                        "#search-suggestions b").count() == 0
    assert page.evaluate("window.__xss") is None


def test_hostile_queries_are_calm(page, site):
    page.goto((site / "index.html").as_uri())
    for q in ["foo:", "~", "+", "-", "*", "^", '"unbalanced', "title:rain", "rain~2", "+rain",
              "-rain", "ra*", "^3", "x" * 500, "rain " * 100, "(", "\\", "💥"]:
        type_query(page, q)
        suggestions(page)
    assert page.errors == []


def test_no_results_suggests_fewer_words(page, site):
    page.goto((site / "index.html").as_uri())
    type_query(page, "rain zzzzqqq ")
    text = " ".join(suggestions(page))
    assert "No results" in text and "Try fewer words" in text
    assert page.locator("#search-suggestions a", has_text="zzzzqqq").count() >= 1


def test_results_page_reads_q_and_is_shareable(page, site):
    page.goto((site / "search.html").as_uri() + "?q=Jos%C3%A9%20Andr%C3%A9s")
    results = page.locator("#search-page-results li.search-result")
    results.first.wait_for()
    assert results.count() == 2
    assert page.input_value("#search-q") == "José Andrés"
    assert "1 result" not in page.inner_text("#search-page-results")
    assert page.locator("#search-page-results mark").count() >= 2
    page.goto((site / "search.html").as_uri() + "?q=qqqzzz+rain")
    page.locator("#search-page-results .search-empty").wait_for()
    assert "Try fewer words" in page.inner_text("#search-page-results")
    assert page.errors == []


def test_a_sent_search_matches_its_words_and_only_then_their_beginnings(page, site):
    page.goto((site / "search.html").as_uri() + "?q=cliche")
    results = page.locator("#search-page-results li.search-result")
    results.first.wait_for()
    assert results.all_inner_texts() and results.count() == 1  # not `Clifford` (`cli…`)
    assert "cliché" in results.first.inner_text()
    assert page.locator("#search-page-results mark").all_inner_texts()[:2] == [
        "cliché", "cliché"], "a word's punctuation stays out of its highlight (`cliché.`)"
    page.goto((site / "search.html").as_uri() + "?q=Cliffo")  # unfinished: a prefix
    results.first.wait_for()
    assert "Clifford" in results.first.inner_text()
    page.goto((site / "search.html").as_uri() + "?q=said")
    page.locator("#search-page-results .search-empty").wait_for()
    assert "too common" in page.inner_text("#search-page-results")
    assert page.errors == []
