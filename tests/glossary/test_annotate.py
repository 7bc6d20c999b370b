"""Annotation wraps mentions in links, never elsewhere, and never changes the text."""

import re

from builder.glossary.annotate import Annotator
from builder.glossary.match import Matcher
from builder.model import Entity
from builder.render.markdown import BodyRenderer

ENTITIES = [
    Entity("Kremlin", "kremlin", "organization"),
    Entity("Olaf Scholz", "olaf-scholz", "person", aliases=("Scholz", "Mr. Scholz")),
]
URLS = {e.slug: f"../entities/{e.slug}.html" for e in ENTITIES}


def render(markdown: str, every: bool = False):
    return BodyRenderer(Annotator(Matcher(ENTITIES), URLS, every)).render(markdown)


def visible(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_first_mention_becomes_a_link():
    out = render("The Kremlin’s view. The Kremlin again.")
    assert out.html.count('class="gloss"') == 1
    assert 'href="../entities/kremlin.html"' in out.html
    assert [m.entity for m in out.mentions] == ["kremlin", "kremlin"]


def test_every_mention_when_configured():
    assert render("Kremlin and Kremlin.", every=True).html.count('class="gloss"') == 2


def test_links_headings_and_code_are_left_alone():
    out = render("# Kremlin\n\n[Kremlin](https://example.org) and `Kremlin` and Mr. Scholz.")
    assert out.html.count('class="gloss"') == 1
    assert 'data-entity="olaf-scholz"' in out.html
    assert [m.entity for m in out.mentions] == ["olaf-scholz"]


def test_mentions_carry_their_sentence():
    out = render("First sentence here. Then Mr. Scholz spoke. Last one.")
    assert out.mentions[0].sentence == "Then Mr. Scholz spoke."


def test_visible_text_is_unchanged():
    source = "The *Kremlin* said Olaf Scholz’s plan and Scholz agreed."
    plain = render(source, every=True)
    bare = BodyRenderer(None).render(source)
    assert visible(plain.html) == visible(bare.html)


def test_raw_html_is_sanitised():
    out = render('<script>alert(1)</script><img src=x onerror="alert(1)">'
                 '<a href="javascript:alert(1)">x</a>')
    assert "<script" not in out.html
    assert "onerror" not in out.html
    assert "javascript:" not in out.html


def test_raw_html_links_and_code_are_left_alone():
    out = render('<a href="https://example.org">Kremlin</a>, <kbd>Kremlin</kbd> and Scholz.')
    assert 'href="https://example.org" rel="noopener noreferrer nofollow">Kremlin</a>' in out.html
    assert out.html.count('class="gloss"') == 1
    assert [m.entity for m in out.mentions] == ["olaf-scholz"]


def test_sentences_are_the_visible_text():
    out = render("The <b>Kremlin</b> &amp; `code` said.\n\nThen Mr. Scholz<br>left.")
    assert [m.sentence for m in out.mentions] == ["The Kremlin & code said.",
                                                  "Then Mr. Scholz\nleft."]


def test_an_empty_body_has_no_mentions_of_the_article_before():
    renderer = BodyRenderer(Annotator(Matcher(ENTITIES), URLS))
    assert renderer.render("The Kremlin.").mentions
    assert renderer.render("").mentions == ()
    assert renderer.render("  \n").mentions == ()


def test_a_mention_over_a_line_break_is_linked_one_across_markup_only_recorded():
    out = render("Olaf\nScholz spoke. Then Olaf *Scholz* did.", every=True)
    assert out.html.count('class="gloss"') == 1
    assert '">Olaf\nScholz</a>' in out.html
    assert [m.text for m in out.mentions] == ["Olaf\nScholz", "Olaf Scholz"]


def test_list_items_tables_and_quotes_are_annotated():
    out = render("- the Kremlin\n- Scholz\n\n| who |\n| --- |\n| Kremlin |\n\n> Scholz", every=True)
    assert out.html.count('class="gloss"') == 4


def test_raw_html_paragraphs_are_annotated_but_not_their_attributes():
    out = render('<div><p title="the Kremlin &gt; Scholz">The Kremlin spoke.</p>\n'
                 '<img alt="Scholz" src="https://example.org/x.jpg"></div>', every=True)
    assert out.html.count('class="gloss"') == 1
    assert 'title="the Kremlin &gt; Scholz"' in out.html and 'alt="Scholz"' in out.html
    assert [m.entity for m in out.mentions] == ["kremlin"]


def test_raw_html_headings_abbreviations_and_code_are_left_alone():
    out = render("<h2>Kremlin</h2><abbr title='x'>Kremlin</abbr> <code>Scholz</code> Kremlin")
    assert out.html.count('class="gloss"') == 1
    assert out.html.endswith('<a class="gloss" data-entity="kremlin" '
                             'href="../entities/kremlin.html">Kremlin</a>')
    assert out.mentions[0].sentence == "Kremlin Scholz Kremlin"  # the block after the heading


def test_escaped_text_around_a_mention_stays_escaped():
    out = render("AT&T, \\<the Kremlin> & 1\u00a0<2 said.")
    assert "AT&amp;T, &lt;the " in out.html
    assert ">Kremlin</a>&gt; &amp; 1&nbsp;&lt;2 said." in out.html
    assert out.mentions[0].sentence == "AT&T, <the Kremlin> & 1\u00a0<2 said."


def test_a_list_item_is_one_block_its_lines_apart():
    out = render("- The Kremlin said\n\n  it would.\n  - Scholz agreed.\n- Next", every=True)
    assert [m.sentence for m in out.mentions] == ["The Kremlin said\nit would.",
                                                  "Scholz agreed."]


def test_raw_html_cannot_pass_for_a_gloss_link():
    out = render('<a class="gloss" data-entity="kremlin" href="https://example.org">x</a>')
    assert "gloss" not in out.html and "data-entity" not in out.html
    assert 'href="https://example.org"' in out.html


def test_a_tables_head_cells_are_not_annotated():
    annotator = Annotator(Matcher([Entity(slug="stats", name="Stats", type="other",
                                          description="")]), {"stats": "../entities/stats.html"},
                          every_mention=True)
    html = "<table><tr><th>Stats</th></tr><tr><td>Stats</td></tr></table>"
    out, mentions = annotator.annotate(html)
    assert "<th>Stats</th>" in out and out.count('class="gloss"') == 1 and len(mentions) == 1


def test_blocks_are_paragraphs_and_whole_outermost_list_items():
    from builder.glossary.annotate import _blocks

    html = ("<h2>Kremlin</h2>\n<p>One &amp; <a href=\"x\">two</a></p>\n"
            "<ul>\n<li>Item <em>a</em>\n<ul>\n<li>sub</li>\n</ul>\n</li>\n</ul>\n"
            "<p><code>x</code></p>tail")
    blocks = _blocks(html)
    # (a line each for the item and its sub-item; the HTML source's line breaks are text)
    assert [b.text for b in blocks] == ["One & two", "Item a\n\nsub\n", "tail"]
    one = blocks[0]
    assert [(s.text, s.editable) for s in one.segments] == [("One & ", True), ("two", False)]
    assert one.starts == [0, 6]
    assert html[one.segments[0].html_start : one.segments[0].html_end] == "One &amp; "
