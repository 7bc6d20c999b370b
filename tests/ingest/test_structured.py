"""Page metadata from JSON-LD, Open Graph and <meta>: what the publisher declares."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from builder.ingest.structured import iso_date, read_structured

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def structured(name: str):
    return read_structured(lxml_html.document_fromstring((FIXTURES / name).read_bytes()))


def page(head: str, body: str = "<p>x</p>"):
    doc = f"<html><head>{head}</head><body>{body}</body></html>"
    return read_structured(lxml_html.document_fromstring(doc))


def test_json_ld_graph_gives_article_metadata():
    meta = structured("jsonld_article.html")
    assert meta.title == "Harbour town votes to keep its ferry"
    assert meta.author == "Zoë Müller, Ana Ruiz"
    assert meta.date == "2021-03-14T09:30:00+01:00"
    assert meta.url == "https://ledger.example.com/2021/03/harbour-ferry-vote"
    assert meta.image_caption == "The ferry leaving the harbour at dawn."
    assert meta.image_credit == "Photo: J. Smith"
    assert meta.dek == "After a packed meeting, residents chose the old boat over a new bridge."


def test_site_name_wins_over_publisher_legal_name():
    assert structured("jsonld_article.html").source == "The Coastal Ledger"


def test_article_tags_in_page_order():
    assert structured("jsonld_article.html").tags == ("Transport", "Local politics")


def test_keywords_that_are_a_cms_s_own_tokens_are_no_tags():
    meta = page('<meta name="keywords" content="galaxies, channel_other, type_news, &quot;, '
                'id:4521, 2019, Science &amp; Technology, COVID-19">')
    assert meta.tags == ("galaxies", "Science & Technology", "COVID-19")


def test_keywords_that_are_the_storys_claims_and_people_are_no_tags():
    meta = page('<meta name="keywords" content="False, Syria, Human Rights, '
                'Russian and Syrian claims are false, a senior military analyst at Stratfor, '
                'a spokesperson for Inherent Resolve, United Nations spokesman Farhan Aziz Haq, '
                'House Permanent Select Committee on Intelligence, the we company, '
                'new york state attorney general">')
    assert meta.tags == ("Syria", "Human Rights", "House Permanent Select Committee on "
                         "Intelligence", "the we company", "new york state attorney general")


def test_an_author_given_as_a_byline_is_read_as_one():
    meta = page('<meta name="author" content="By TOM KRISHER, AP Auto Writer">')
    assert meta.author == "TOM KRISHER"


def test_open_graph_and_meta_only_page():
    meta = structured("og_only.html")
    assert meta.title == "Night trains return to the valley"
    assert meta.source == "Valley Post"
    assert meta.url == "https://valleypost.example.org/news/night-trains"
    assert meta.date == "2022-11-02T18:05:00+00:00"
    assert meta.author == "Kenji Sato"
    assert meta.tags == ("rail", "night trains", "tourism")


def test_no_declared_date_means_none():
    """A photo's date and a copyright year are not the publication date."""
    assert structured("no_date.html").date is None


def test_publisher_name_when_no_site_name():
    meta = page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
                ' "publisher": {"@type": "Organization", "name": "Daily Bugle"}}</script>')
    assert meta.source == "Daily Bugle"


def test_broken_json_ld_is_ignored():
    meta = page('<script type="application/ld+json">{"@type": "NewsArticle", </script>'
                '<meta property="og:title" content="From OG">')
    assert meta.title == "From OG"


def test_microdata_publication_date():
    meta = page("", '<time itemprop="datePublished" datetime="2020-05-01">May 1</time>')
    assert meta.date == "2020-05-01"


def test_microdata_date_among_several_properties():
    meta = page('<meta itemprop="datePublished dateCreated" content="2019-11-18T17:56:27Z">')
    assert meta.date == "2019-11-18T17:56:27+00:00"


def test_microdata_author_when_the_meta_tags_name_no_one():
    meta = page('<meta property="article:author" content="https://www.facebook.com/ana">',
                '<p itemprop="author" itemscope itemtype="http://schema.org/Person">By '
                '<span itemprop="name">Ana Swanson</span></p>'
                '<a itemprop="author" itemscope><span itemprop="name">jdadmin</span></a>')
    assert meta.author == "Ana Swanson"


def test_a_cms_account_is_no_author():
    jsonld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
              ' "author": {"@type": "Person", "name": "admin"}}</script>')
    assert page(jsonld).author is None
    assert page(jsonld + '<meta name="author" content="Ana Lima">').author == "Ana Lima"


def test_the_site_name_after_a_headline_is_not_part_of_it():
    assert page('<meta property="og:title" content="Wild beat Sabres | TheHill">'
                '<meta property="og:site_name" content="TheHill">').title == "Wild beat Sabres"
    assert page('<meta property="og:title" content="Nadal wins - Sportsnet.ca">'
                '<link rel="canonical" href="https://www.sportsnet.ca/tennis/nadal">'
                ).title == "Nadal wins"
    assert page('<meta property="og:title" content="Paris - Berlin talks stall">'
                '<meta property="og:site_name" content="Reuters">'
                ).title == "Paris - Berlin talks stall"


def test_an_outlet_after_the_author_is_not_part_of_the_name():
    assert page('<meta name="author" content="Amy Kuperinsky | NJ Advance Media for NJ.com">'
                ).author == "Amy Kuperinsky"


def test_relative_canonical_is_not_a_url():
    assert page('<link rel="canonical" href="/story">').url is None


def test_author_urls_are_dropped():
    meta = page('<script type="application/ld+json">{"@type": "Article", "headline": "H",'
                ' "author": ["https://x.example/people/a", {"name": "Ada Lovelace"}]}</script>')
    assert meta.author == "Ada Lovelace"


@pytest.mark.parametrize(("raw", "expected"), [
    ("2019-11-18", "2019-11-18"),
    ("2019-11-18T10:00:00Z", "2019-11-18T10:00:00+00:00"),
    ("2019-11-18T10:00:00-0500", "2019-11-18T10:00:00-05:00"),
    ("2019-11-18 10:00", "2019-11-18T10:00:00"),
    ("Mon, 18 Nov 2019 10:00:00 +0000", "2019-11-18T10:00:00+00:00"),
    ("2019", None),
    ("yesterday", None),
    ("", None),
    (None, None),
    ("0001-01-01", None),
    ("19 Nov 2019 07:09 GMT", "2019-11-19"),
    ("November 19, 2019, 07:47 PM EST", "2019-11-19"),
    ("01:38:07 PM IST Nov 20", None),
    ("1 Jan 0001", None),
])
def test_iso_date(raw, expected):
    assert iso_date(raw) == expected
