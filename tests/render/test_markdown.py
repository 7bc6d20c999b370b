"""Article Markdown is CommonMark with tables; what news bodies rely on renders as expected."""

import html as html_module
import re

from hypothesis import given
from hypothesis import strategies as st

from builder.render.markdown import BodyRenderer, plain_text

RENDER = BodyRenderer(None)


def html(markdown: str) -> str:
    return RENDER.render(markdown).html


def test_a_list_may_follow_a_paragraph_line():
    assert "<p>Demands:</p>\n<ul>\n<li>a ceasefire</li>" in html("Demands:\n- a ceasefire\n- talks")


def test_tables_and_fenced_code():
    out = html("| a | b |\n|---|--:|\n| 1 | 2 |\n\n```python\nx = 1 < 2\n```")
    assert "<th>a</th>" in out and "<td>1</td>" in out
    assert "<pre><code>x = 1 &lt; 2\n</code></pre>" in out


def test_a_heading_needs_a_space_after_the_hashes():
    assert html("#MeToo began in 2017.") == "<p>#MeToo began in 2017.</p>\n"
    assert html("## Background") == "<h2>Background</h2>\n"


def test_no_typographic_replacements():
    assert plain_text(html("\"Quotes\" -- and 'dashes' ...")) == "\"Quotes\" -- and 'dashes' ..."


def test_unsafe_markdown_links_lose_their_targets():
    out = html("[click](javascript:alert(1)) and ![x](data:text/html,hi)")
    assert "javascript" not in out and "data:" not in out
    assert "href" not in out and "src" not in out
    assert "click" in out


def test_links_keep_only_web_and_mail_targets_and_ask_for_no_referrer():
    out = html("[a](ftp://example.org/f) [b](tel:123) [c](https://example.org/c) "
               "[d](mailto:x@example.org)")
    assert "ftp:" not in out and "tel:" not in out
    assert '<a href="https://example.org/c" rel="noopener noreferrer nofollow">c</a>' in out
    assert 'href="mailto:x@example.org"' in out


def test_plain_text_leaves_single_spaces_so_words_are_spaces_plus_one():
    """build.py counts a body's words as the spaces of its plain text, plus one."""
    for source in ("<p>a\tb\n\nc&nbsp;d\u2009e</p><ul><li>f</li><li> g </li></ul>",
                   "<p>  </p>", "", "<p>x</p>\n<p>y &amp; z</p>"):
        text = plain_text(source)
        assert text == " ".join(text.split())
        assert (text.count(" ") + 1 if text else 0) == len(text.split())


def test_raw_html_in_capitals_still_parts_its_blocks_in_plain_text():
    """plain_text reads tag names in lower case, as the sanitiser writes them."""
    assert plain_text(html("one<BR>two\n\n<DIV>three</DIV><P>four</P>")) == "one two three four"


_BLOCK_TAG = re.compile(
    r"</?(?:p|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|div|br|hr|figure|figcaption|pre|table|tr|td"
    r"|th|thead|tbody|section|article)\b[^>]*>")


def plain_text_by_definition(html_text: str) -> str:
    """Every block tag a space, every other tag nothing, the text unescaped, white space
    written as single spaces."""
    text = html_module.unescape(re.sub(r"<[^>]+>", "", _BLOCK_TAG.sub(" ", html_text)))
    return " ".join(text.split())


_PIECES = st.sampled_from([
    "<p>", "</p>", "\n", " ", "  ", "\t", "<br />", "<li>", "</li>", "<ul>\n", "</ul>",
    "<em>", "</em>", '<a href="x">', "</a>", "<h2>", "</h2>", "&amp;", "&nbsp;", "&#10;",
    "\u00a0", "\u2009", "\u00ad", "\x85", "\u2028", "word", "Kremlin", "’s", ".", "<td>",
    "<pre><code>", "</code></pre>", "<hr />", "<div>", "<span>", "<p>\n", "<blockquote>\n",
])


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_plain_text_is_as_defined(source):
    assert plain_text(source) == plain_text_by_definition(source)


def test_plain_text_of_rendered_markdown_is_as_defined():
    for source in ("Para one.\n\nPara two, *with* [a link](https://x.org).\n",
                   "- item\n  - nested\n- next\n\n> quoted\n> on two lines\n",
                   "A hard  \nbreak and a soft\nbreak.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
                   "Tom &amp; Jerry&nbsp;&mdash; <b>bold</b>\n\n```\ncode  block\n```\n"):
        out = html(source)
        assert plain_text(out) == plain_text_by_definition(out)
