"""Saved HTML page → article: body blocks as Markdown, news furniture removed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from builder.ingest import Block
from builder.ingest.html import is_cross_link, is_furniture, read_html, restore
from builder.ingest.write import body_text, to_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def read(name: str):
    return read_html((FIXTURES / name).read_text(encoding="utf-8"))


def test_blocks_keep_structure():
    kinds = [b.kind for b in read("jsonld_article.html").blocks]
    assert kinds == ["p", "p", "p", "h2", "p", "quote", "p", "ul", "p"]


def test_markdown_keeps_http_links_and_emphasis_only():
    md = to_markdown(read("jsonld_article.html"))
    assert "[ferry’s history](https://ledger.example.com/ferry-history)" in md
    assert "*twenty years*" in md
    assert "javascript:" not in md and "[the official count]" not in md
    assert "according to the official count published" in md


def test_typography_and_letters_survive_unescaped():
    md = to_markdown(read("jsonld_article.html"))
    assert "“We are not against progress,” said the café owner Renée Dubois" in md
    assert "\\" not in md.split("---", 2)[2]


def test_lists_and_quotes_become_markdown():
    md = to_markdown(read("jsonld_article.html"))
    assert "- a second-hand vessel from a northern port;" in md
    assert "> The ferry is the town’s front door" in md
    assert "## What happens next" in md


def test_furniture_is_dropped():
    body = body_text(read("jsonld_article.html"))
    for furniture in ("Advertisement", "newsletter", "Related stories", "Bridge plan draws",
                      "All rights reserved", "Home", "Photo: J. Smith"):
        assert furniture not in body
    assert "Harbour town votes" not in body  # the headline is the title, not the body


def test_metadata_comes_through():
    article = read("og_only.html")
    assert article.title == "Night trains return to the valley"
    assert article.date == "2022-11-02T18:05:00+00:00"
    assert article.source == "Valley Post"
    assert len(article.blocks) == 4
    assert "Share this article" not in body_text(article)


def test_page_without_declared_date():
    article = read("no_date.html")
    assert article.date is None
    assert article.title == "Why the old mill matters"
    assert "1998" not in body_text(article)


@pytest.mark.parametrize("html", [
    "", "   ", "not html at all", "<html></html>", "<p>", "\x00\x01<<<>>>",
    "<html><body>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</body></html>",
    '<script type="application/ld+json">[[[</script>',
])
def test_odd_input_never_crashes(html):
    article = read_html(html)
    assert isinstance(article.blocks, tuple)


def test_fast_enough():
    html = (FIXTURES / "jsonld_article.html").read_text(encoding="utf-8")
    start = time.perf_counter()
    read_html(html)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("text", [
    "Advertisement", "Comments", "Related: Ferry breaks down again",
    "Like this story? Share it with a friend!", "(Reporting by A. Smith; Editing by B. Jones)",
    "Follow us on Twitter and Facebook for more news.",
    "Get the latest updates right in your inbox.",
])
def test_furniture_rules(text):
    assert is_furniture(Block("p", text), 0.0)


@pytest.mark.parametrize("text", [
    "The ad campaign was withdrawn after complaints.",
    "Comments made by the minister caused uproar in parliament on Tuesday.",
    "She said: “Sign up for what? Nobody told us anything.”",
])
def test_story_sentences_are_not_furniture(text):
    assert not is_furniture(Block("p", text), 0.0)


def test_cross_link_is_a_linked_headline_not_linked_prose():
    assert is_cross_link(Block("p", "Ferry breaks down for the third time"), 1.0)
    assert not is_cross_link(Block("p", "the council said on Friday."), 1.0)
    assert not is_cross_link(Block("p", "http://amzn.to/2hZfWFJ"), 1.0)
    assert not is_cross_link(Block("p", "Ferry breaks down for the third time"), 0.2)


def test_restore_puts_back_prose_after_agreed_paragraph():
    first = "The council met on Monday to discuss the ferry and its future in the town."
    lost = ("Nobody expected the vote to be so close, and several councillors said they "
            "would ask for a recount before the end of the week, citing irregularities.")
    blocks = [Block("p", first)]
    restored = restore(blocks, [(first, 0.0, "p"), (lost, 0.0, "p"), ("Share this", 0.0, "p")])
    assert [b.text for b in restored] == [first, lost]


def test_restore_replaces_a_block_missing_link_text():
    short = ("Officials have reported that for his role in the fight the player will be "
             "suspended for the rest of the season and fined.")
    full = ("Officials have reported that the league will fine the player for his role in the "
            "fight the player will be suspended for the rest of the season and fined.")
    restored = restore([Block("p", "Intro paragraph here."), Block("p", short)],
                       [("Intro paragraph here.", 0.0, "p"), (full, 0.0, "p")])
    assert [b.text for b in restored] == ["Intro paragraph here.", full]


def test_restore_ignores_text_before_the_article():
    lead = ("Top stories today: a long list of headlines from elsewhere on the site that is "
            "not part of this article at all, repeated on every page.")
    first = "The article starts here."
    paras = [(lead, 0.0, "p"), (first, 0.0, "p")]
    assert restore([Block("p", first)], paras) == [Block("p", first)]


def test_embedded_tweet_is_restored_in_place():
    paras = ["The governor launched the campaign on Monday and it quickly drew attention online.",
             "Critics were quick to point out the problem with the slogan; the state defended it.",
             "By Tuesday the slogan was trending across the country and the governor doubled down."]
    tweet = ('<blockquote class="twitter-tweet"><p>Yes this is real and the state paid for it'
             '</p>— A. Person (@someone) November 18, 2019</blockquote>')
    page = ("<html><body><article><h1>Slogan</h1>" + "".join(f"<p>{p}</p>" for p in paras[:2])
            + tweet + f"<p>{paras[2]}</p></article></body></html>")
    texts = [b.text for b in read_html(page).blocks]
    assert any("Yes this is real" in t for t in texts)
    tweet_at = next(i for i, t in enumerate(texts) if "Yes this is real" in t)
    assert texts[tweet_at - 1] == paras[1] and texts[tweet_at + 1] == paras[2]


def ferry_page(table: str) -> str:
    """An article long enough for any extractor, with `table` in the middle of it."""
    prose = "".join(
        f"<p>The council met on Tuesday evening to vote on the plan for the ferry, sentence "
        f"{n} of a report long enough to be read as the article by any extractor.</p>"
        for n in range(6))
    return ("<html><head><title>Ferry vote</title></head><body><nav><a href='/'>Home</a></nav>"
            "<article><h1>Ferry vote</h1>" + prose + table + prose + "</article></body></html>")


def test_a_table_in_the_article_becomes_a_table():
    html = ferry_page(
        "<table><tr><th>Member</th><th>Vote</th></tr>"
        "<tr><td>Ann Lee</td><td>For</td></tr><tr><td>Bob | Hart</td><td>Against</td></tr>"
        "</table>")
    [table] = [b for b in read_html(html).blocks if b.kind == "table"]
    assert table.text == "Member\tVote\nAnn Lee\tFor\nBob | Hart\tAgainst"
    assert "| Member | Vote |\n| --- | --- |\n| Ann Lee | For |\n| Bob \\| Hart | Against |" in (
        to_markdown(read_html(html)))


def test_a_tables_head_repeated_as_its_foot_is_read_once():
    html = ferry_page(
        "<table><thead><tr><th>Member</th><th>Vote</th></tr></thead>"
        "<tfoot><tr><th>Member</th><th>Vote</th></tr></tfoot><tbody>"
        "<tr><td>Ann Lee</td><td>For</td></tr><tr><td>Bob Hart</td><td>Against</td></tr>"
        "</tbody></table>")
    [table] = [b for b in read_html(html).blocks if b.kind == "table"]
    assert table.text == "Member\tVote\nAnn Lee\tFor\nBob Hart\tAgainst"


def test_metadata_of_a_page_without_a_charset_is_read_as_unicode():
    """No <meta charset> near the top: the page's text is still the text, not UTF-8 bytes
    read as Latin-1 ("Playâ\x80¦"); entities escaped once more in JSON-LD are resolved."""
    prose = "".join(f"<p>Второй абзац статьи номер {n}, достаточно длинный для извлечения "
                    f"текста, с кавычками «ёлочки» и многоточием… как в газете.</p>"
                    for n in range(6))
    html = (
        "<html><head><title>So Many Ways to Play…and Pay — Café’s Блог</title>"
        '<meta property="og:description" content="Here’s how to figure it out">'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "&#8216;The Medium&#8217; is the Message – Café"}</script>'
        "</head><body><article>" + prose + "</article></body></html>"
    )
    extracted = read_html(html)
    assert extracted.title == "‘The Medium’ is the Message – Café"
    assert extracted.dek == "Here’s how to figure it out"
    assert "«ёлочки» и многоточием…" in extracted.blocks[0].text


def test_reporting_credits_after_the_story_are_dropped():
    page = (FIXTURES / "jsonld_article.html").read_text(encoding="utf-8")
    last = read_html(page).blocks[-1].text
    note = "<p>Keith Bradsher contributed reporting from Hong Kong.</p>"
    marked = page.replace(last[-40:], last[-40:] + "</p>" + note + "<p>", 1)
    assert marked != page  # the note went in after the story's last words
    body = body_text(read_html(marked))
    assert last[-40:] in body and "contributed reporting" not in body


def test_a_hover_card_inside_a_paragraph_is_dropped():
    page = (FIXTURES / "jsonld_article.html").read_text(encoding="utf-8")
    first = read_html(page).blocks[0].text
    name = next(w for w in first.split()[3:] if w[:1].isupper() and w.isalpha())
    card = (f'<span class="rollover"><a href="/people/x">{name}</a><span class="card">'
            f'<img src="/x.jpg" alt=""><a class="name" href="/people/x">{name} Quill</a>'
            '<a href="/news/1">Harbour levy vote delayed | Ferry fares rise</a> '
            '<a href="/news/2">Council backs new pier</a> '
            '<a class="more" href="/people/x">MORE</a></span></span>')
    marked = page.replace(f" {name} ", f" {card} ", 1)
    assert marked != page
    text = read_html(marked).blocks[0].text
    assert text == first


def test_emphasis_on_punctuation_alone_leaves_no_stray_asterisks():
    page = (FIXTURES / "jsonld_article.html").read_text(encoding="utf-8")
    last = read_html(page).blocks[-1].text
    note = "<p><em>First published in </em><em>The Harbour Review</em><em>.</em></p>"
    marked = page.replace(last[-40:], last[-40:] + "</p>" + note + "<p>", 1)
    assert marked != page
    md = to_markdown(read_html(marked))
    assert "*First published in* *The Harbour Review*." in md and "**" not in md


def test_a_rule_drawn_in_underscores_is_no_heading():
    page = (FIXTURES / "jsonld_article.html").read_text(encoding="utf-8")
    last = read_html(page).blocks[-1].text
    marked = page.replace(last[-40:], last[-40:] + "</p><h2>______________</h2><p>", 1)
    assert marked != page
    assert all(any(c.isalnum() for c in b.text) for b in read_html(marked).blocks)
