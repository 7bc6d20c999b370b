"""The rendered site: metadata per page, feeds, links, and the 404 page's inline code."""

from __future__ import annotations

import base64
import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup

from builder.render.templates import csp_hash, human_date, reading_time, root_of

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def meta(doc: BeautifulSoup, key: str) -> str | None:
    tag = doc.find("meta", attrs={"property": key}) or doc.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_filters():
    assert human_date("2024-05-01T09:00:00Z") == "1 May 2024"
    assert human_date("2024") == "2024"
    assert reading_time(10) == 1 and reading_time(690) == 3
    assert root_of("entities/x/2.html") == "../../"
    assert csp_hash("a").startswith("'sha256-")


def test_every_page_has_a_description_and_open_graph(rich_site: Path):
    for page in rich_site.rglob("*.html"):
        doc = soup(rich_site, page.relative_to(rich_site).as_posix())
        where = page.relative_to(rich_site)
        assert meta(doc, "description"), f"{where}: no description"
        assert meta(doc, "og:title") and meta(doc, "og:description"), where
        url = meta(doc, "og:url")
        assert url and url.startswith("https://example.org/news/"), f"{where}: og:url {url}"


def test_article_metadata(rich_site: Path):
    doc = soup(rich_site, "articles/harbour-strike.html")
    assert meta(doc, "og:type") == "article"
    assert meta(doc, "description").startswith("A wage deal")
    assert meta(doc, "og:url") == "https://example.org/news/articles/harbour-strike.html"
    assert doc.find("link", rel="canonical")["href"] == meta(doc, "og:url")
    assert meta(doc, "article:published_time") == "2025-12-02T08:30:00+01:00"


def test_without_base_url_no_feed_sitemap_or_absolute_urls(built_site: Path):
    assert not (built_site / "atom.xml").exists()
    assert not (built_site / "sitemap.xml").exists()
    doc = soup(built_site, "index.html")
    assert meta(doc, "og:url") is None and doc.find("link", rel="canonical") is None
    assert meta(doc, "og:title") and meta(doc, "description")


def test_atom_feed_is_valid_and_absolute(rich_site: Path):
    feed = ET.parse(rich_site / "atom.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert 0 < len(entries) <= 50
    first = entries[0]
    assert first.find(f"{ATOM}title").text.startswith("Dockworkers in Porto")
    assert first.find(f"{ATOM}id").text == "https://example.org/news/articles/harbour-strike.html"
    assert first.find(f"{ATOM}updated").text == "2025-12-02T08:30:00+01:00"
    assert first.find(f"{ATOM}author/{ATOM}name").text == "Marta Silva"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/news/atom.xml"
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert entry.find(f"{ATOM}{tag}") is not None, tag


def test_sitemap_lists_the_html_pages(rich_site: Path):
    urls = [u.findtext(f"{SITEMAP}loc")
            for u in ET.parse(rich_site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")]
    assert "https://example.org/news/" in urls
    assert "https://example.org/news/articles/harbour-strike.html" in urls
    assert not [u for u in urls if u.endswith(("404.html", "search.html"))]
    pages = {p.relative_to(rich_site).as_posix() for p in rich_site.rglob("*.html")}
    assert len(urls) == len(pages) - 2


def test_every_internal_link_of_the_rich_site_resolves(rich_site: Path):
    for page in rich_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.findall(r'(?:href|src|action)="(/[^"]*)"', text), page
        for target in re.findall(r'(?:href|src)="([^"#]+)', text):
            if "://" in target or target.startswith("mailto:"):
                continue
            assert (page.parent / target).resolve().exists(), f"{page}: broken link {target}"


def test_404_inline_code_is_allowed_by_its_csp_and_nothing_else(built_site: Path):
    doc = soup(built_site, "404.html")
    csp = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    for tag in ("style", "script"):
        text = doc.find(tag).string
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp, tag
    assert "unsafe-inline" not in csp
    assert not doc.find("link", rel="stylesheet")


def test_other_pages_allow_no_inline_code(built_site: Path):
    doc = soup(built_site, "index.html")
    csp = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "sha256" not in csp and "unsafe-inline" not in csp
    assert not doc.find("style") and not [s for s in doc.find_all("script") if not s.get("src")]
