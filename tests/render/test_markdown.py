"""Article Markdown is CommonMark with tables; what news bodies rely on renders as expected."""

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
