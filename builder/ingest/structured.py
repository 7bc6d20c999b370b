"""A page's own statements about itself: JSON-LD, Open Graph and <meta> tags.

Publishers put the headline, byline, publication date, canonical URL and
keywords in machine-readable form for search engines and social cards; that
is more reliable than any guess from the visible layout, so the HTML reader
asks here first and only falls back to heuristics for what is missing.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from lxml import html as lxml_html

from builder.ingest.metadata import byline_author, looks_like_name, parse_date
from builder.ingest.phrases import ACCOUNT_NAMES

ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
    "Report", "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "SocialMediaPosting",
})


@dataclass(frozen=True)
class PageMeta:
    """Metadata a page declares; every field None/empty when it declares nothing."""

    title: str | None = None
    dek: str | None = None
    author: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    image_caption: str | None = None
    image_credit: str | None = None
    article_body: str | None = None


def clean(value: object) -> str | None:
    """One-line text, or None when blank. HTML entities are resolved: JSON-LD and some
    pages' meta tags carry them escaped once more ("&#8216;The Medium&#8217;")."""
    if not isinstance(value, str):
        return None
    text = " ".join((html.unescape(value) if "&" in value else value).split())
    return text or None


# ---------------------------------------------------------------- JSON-LD

def _json_objects(doc: lxml_html.HtmlElement) -> Iterator[dict]:
    """Every JSON-LD object on the page, @graph and nested lists flattened."""
    for script in doc.xpath('//script[contains(@type, "ld+json")]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def article_object(doc: lxml_html.HtmlElement) -> dict | None:
    """The JSON-LD object describing the article itself (the longest body wins)."""
    found = [o for o in _json_objects(doc) if _types(o) & ARTICLE_TYPES]
    if not found:
        return None
    return max(found, key=lambda o: len(str(o.get("articleBody") or "")) + 1 if "headline" in o
               else 0)


def _names(value: object) -> list[str]:
    """Names out of a schema.org Person/Organization, a list of them, or a string."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def _keywords(value: object) -> list[str]:
    if isinstance(value, str):
        return [k for k in re.split(r"\s*[,;]\s*", value) if k.strip()]
    if isinstance(value, list):
        return [k for item in value for k in _keywords(item)]
    return []


# ---------------------------------------------------------------- <meta>

def meta_tags(doc: lxml_html.HtmlElement) -> dict[str, list[str]]:
    """<meta> content by lower-cased name/property/itemprop, in page order."""
    found: dict[str, list[str]] = {}
    for meta in doc.xpath("//meta[@content]"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        value = clean(meta.get("content"))
        if key and value:
            found.setdefault(key.strip().lower(), []).append(value)
    return found


def _first(meta: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key][0]
    return None


# ---------------------------------------------------------------- dates

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")


WRITTEN_DATE_MAX = 40  # characters: a date with its time, not a sentence that names one
NEWS_YEARS = range(1990, 2101)  # outside it, a placeholder ("0001-01-01") or a typo


def iso_date(value: str | None) -> str | None:
    """ISO 8601 form of a machine-readable date, or None when it is not one.

    Only full dates count: a bare year is as likely a copyright or photo year.
    """
    if not value:
        return None
    text = value.strip()
    if not _ISO.match(text):
        for fmt in ("%a, %d %b %Y %H:%M:%S %z", "%Y%m%d", "%Y/%m/%d", "%B %d, %Y"):
            try:
                return datetime.strptime(text, fmt).isoformat()
            except ValueError:
                continue
        # Written out, as some pages fill machine-readable fields: "19 Nov 2019 07:09 GMT",
        # "November 19, 2019, 07:47 PM EST" (the day only: their time zones vary).
        written = parse_date(text) if len(text) <= WRITTEN_DATE_MAX else None
        return written if written and int(written[:4]) in NEWS_YEARS else None
    text = text.replace(" ", "T", 1)
    if re.search(r"[+-]\d{4}$", text):
        text = text[:-2] + ":" + text[-2:]
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.year not in NEWS_YEARS:
        return None
    if "T" not in text:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _itemprop(name: str) -> str:
    """XPath for the elements whose itemprop names `name`: it holds a list of properties
    ("datePublished dateCreated")."""
    return f'//*[contains(concat(" ", normalize-space(@itemprop), " "), " {name} ")]'


def microdata_date(doc: lxml_html.HtmlElement) -> str | None:
    """A date marked up as the publication date (itemprop or <time pubdate>)."""
    for el in doc.xpath(_itemprop("datePublished") + " | //time[@pubdate]"):
        value = el.get("datetime") or el.get("content")
        if value and value.strip():
            return value.strip()
    return None


def microdata_authors(doc: lxml_html.HtmlElement) -> list[str]:
    """The names of the people marked up as the author (itemprop="author", its
    itemprop="name"); a CMS login ("jdadmin") is no name."""
    names = []
    for el in doc.xpath(_itemprop("author") + '//*[@itemprop="name"]'):
        name = el.get("content") or " ".join(el.text_content().split())
        if looks_like_name(name):
            names.append(name)
    return names


# ---------------------------------------------------------------- canonical

def canonical_url(doc: lxml_html.HtmlElement, meta: dict[str, list[str]]) -> str | None:
    """<link rel=canonical>, else og:url: the address the publisher wants cited."""
    for link in doc.xpath('//link[@href]'):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href.startswith(("http://", "https://")):
            return href
    url = _first(meta, "og:url", "twitter:url")
    return url if url and url.startswith(("http://", "https://")) else None


# A CMS's own tokens among the keywords (`channel_other`, `type_news`, `id:4521`, a URL)
_MACHINE_TOKEN = re.compile(r"[_=<>{}\\]|://|^\w+:\S")


_NOT_A_TAG = frozenset(["true", "false", "null", "none", "undefined", "nan", "n/a"])
_SMALL_WORDS = frozenset(["of", "on", "and", "the", "for", "in", "at", "to", "&", "de", "la"])
TAG_MAX_WORDS, NAME_TAG_MAX_WORDS = 5, 8


def _is_tag(text: str) -> bool:
    """A keyword a reader would browse by: some letters, no CMS token or value, and a
    topic or a name, not a phrase (some pages list the claims and people of the story as
    keywords: `a senior military analyst at Stratfor`, `Russian and Syrian claims are false`).
    A name may run longer: `House Permanent Select Committee on Intelligence`."""
    words = text.split()
    if (not re.search(r"[^\W\d_]", text) or _MACHINE_TOKEN.search(text)
            or text.casefold() in _NOT_A_TAG):
        return False
    if all(w[:1].isupper() or w.casefold() in _SMALL_WORDS for w in words):
        return len(words) <= NAME_TAG_MAX_WORDS
    return len(words) <= TAG_MAX_WORDS and not (  # `a spokesperson for …`, not `the we company`
        len(words) > 3 and words[0].casefold() in ("a", "an", "the"))


def _dedupe(items: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        text = clean(item)
        if text and len(text) <= 60 and text.lower() not in seen:
            seen[text.lower()] = text
    return tuple(seen.values())


def _author_text(names: list[str]) -> str | None:
    """Distinct human-looking names joined; drops URLs, a CMS's account names and site
    names posing as authors."""
    kept: list[str] = []
    for name in names:
        text = clean(name)
        if not text or text.startswith("http") or len(text) > 80:
            continue
        text = text.split(" | ")[0]  # `Amy Kuperinsky | NJ Advance Media for NJ.com`
        if text[:3].casefold() == "by ":  # `By TOM KRISHER, AP Auto Writer`: a byline's text
            text = byline_author(text) or text[3:].strip()
        if text.casefold() in ACCOUNT_NAMES:
            continue
        if text.lower() not in (k.lower() for k in kept):
            kept.append(text)
    return ", ".join(kept) or None


_SITE_AFTER = re.compile(r"^(?P<title>.*\S)\s+[|–—-]\s+(?P<site>[^|–—]{1,40})$")


def _bare(text: str) -> str:
    """Letters and digits only, case folded: `The Hill` and `TheHill`, `sportsnet.ca` and
    `Sportsnet.ca` compare equal."""
    return re.sub(r"[\W_]+", "", text).casefold()


def without_site_name(title: str | None, names: list[str | None]) -> str | None:
    """The headline without the site's name after it (`… | TheHill`, `… - IGN`), where the
    page names that site (its name, publisher or address): as a browser tab shows it."""
    match = _SITE_AFTER.match(title or "")
    if match is None:
        return title
    site = _bare(match["site"])
    if site and any(site == _bare(name) or len(site) >= 3  # (`IGN`; not a letter or two)
                    and site in _bare(name.split("//")[-1].split("/")[0])
                    for name in names if name):
        return match["title"]
    return title


def read_structured(doc: lxml_html.HtmlElement) -> PageMeta:
    """Everything the page declares about its article, JSON-LD first, then <meta>."""
    meta = meta_tags(doc)
    art = article_object(doc) or {}
    publisher = _names(art.get("publisher"))
    image = art.get("image")
    if isinstance(image, list) and image:
        image = image[0]
    caption = clean(image.get("caption")) if isinstance(image, dict) else None
    credit = None
    if isinstance(image, dict):
        credit = clean(next(iter(_names(image.get("creditText") or image.get("author")
                                        or image.get("copyrightHolder"))), None))
    # the first of these that names a person
    author = next(filter(None, map(_author_text, (
        _names(art.get("author")), meta.get("author", []), meta.get("article:author", []),
        meta.get("sailthru.author", []), meta.get("parsely-author", []),
        microdata_authors(doc)))), None)
    tags = (meta.get("article:tag", []) or _keywords(art.get("keywords"))
            or _keywords(meta.get("news_keywords", [""])[0])
            or _keywords(meta.get("keywords", [""])[0]))
    date = None
    for raw in (art.get("datePublished"), _first(meta, "article:published_time"),
                microdata_date(doc),
                _first(meta, "og:published_time", "datepublished", "date", "pubdate",
                       "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued",
                       "dc.date", "citation_publication_date")):
        date = iso_date(raw if isinstance(raw, str) else None)
        if date:
            break
    body = art.get("articleBody")
    source = (_first(meta, "og:site_name") or clean(next(iter(publisher), None))
              or _first(meta, "application-name"))
    url = canonical_url(doc, meta)
    title = clean(art.get("headline")) or _first(meta, "og:title", "twitter:title")
    return PageMeta(
        title=without_site_name(title, [source, *publisher, url or ""]),
        dek=clean(art.get("description")) or _first(meta, "og:description", "description",
                                                        "twitter:description"),
        author=author,
        date=date,
        source=source,
        url=url,
        tags=tuple(t for t in _dedupe(tags) if _is_tag(t)),
        image_caption=caption,
        image_credit=credit,
        article_body=body if isinstance(body, str) and body.strip() else None,
    )
