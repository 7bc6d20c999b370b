"""What ingest writes renders as the text it read: escapes are exactly what CommonMark needs."""

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.frontmatter import parse
from builder.ingest import Block, Extracted
from builder.ingest.write import escape_markdown, to_markdown
from builder.render.markdown import BodyRenderer, plain_text

RENDER = BodyRenderer(None)
TRICKY = ["- dash", "+ plus", "* star", "-", "*", "+", "1.", "1. one", "3) three",
          "2020. The year", "1.5 million", "# hash", "## two", "#hashtag", "> quoted", ">x",
          "===", "---", "***", "* * *", "- - -", "___", "~~~", "```", "ends with\\", "C:\\dir",
          "<div>", "<b>bold</b>", "AT&amp;T", "[1]: http://x.org", "[link](http://x.org)",
          "![img](x.png)", "*emph*", "**strong**", "a*b*c", "__init__", "snake_case", "_lead",
          "trail_", "`code`", "<http://x.org>", "2 * 3", "[expletive]", "= sign"]


def shown(markdown: str) -> str:
    return plain_text(RENDER.render(parse(markdown).body).html)


@pytest.mark.parametrize("kind", ["p", "quote", "ul", "ol", "h2"])
@pytest.mark.parametrize("line", TRICKY)
def test_a_block_renders_as_its_text(kind: str, line: str):
    for text in (line, f"Lead line\n{line}"):
        if kind == "h2":
            text = text.replace("\n", " ")
        assert shown(to_markdown(Extracted("T", (Block(kind, text),)))) == " ".join(text.split())


def test_escapes_stay_few_and_readable():
    assert escape_markdown("[expletive] 2 * 3 snake_case #hashtag 1.5") == (
        "[expletive] 2 * 3 snake_case #hashtag 1.5")
    assert escape_markdown("2020. The year") == "2020\\. The year"


MARKS = st.sampled_from(list("*_`[]()<>&#!\\-+=.~|: \t\n") + ["1.", "2)", "&amp;", "<b>",
                                                               "[x](y)", "**", "__", "Kyiv"])
# Readers turn every line ending into \n (decode.py).
TEXTS = st.one_of(st.lists(MARKS, max_size=30).map("".join),
                  st.text(alphabet=string.printable.replace("\r", "") + "“”’—é", max_size=60))


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(["p", "quote", "ul", "ol"]))
def test_any_text_renders_as_itself(text: str, kind: str):
    if not text.strip():
        return
    markdown = to_markdown(Extracted("T", (Block(kind, text),)))
    assert shown(markdown) == " ".join(text.split())


def test_a_table_block_is_a_gfm_table_with_its_first_row_as_head():
    table = Block("table", "Pos\tDriver\tPoints\n1\tKyle Busch\t5040\n2\tA | B")
    assert to_markdown(Extracted("T", (table,))).split("---\n\n", 1)[1] == (
        "| Pos | Driver | Points |\n| --- | --- | --- |\n| 1 | Kyle Busch | 5040 |\n"
        "| 2 | A \\| B |  |\n")
    html = RENDER.render(parse(to_markdown(Extracted("T", (table,)))).body).html
    assert "<th>Driver</th>" in html and "<td>Kyle Busch</td>" in html and "A | B" in html


CELLS = st.lists(st.one_of(MARKS, st.text(alphabet=string.printable.replace("\r", "")
                                          .replace("\n", "").replace("\t", "") + "é", max_size=12)),
                 max_size=4).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(CELLS.map(lambda c: " ".join(c.split())), min_size=2, max_size=4),
                min_size=2, max_size=4))
def test_any_table_renders_as_its_cells(rows: list[list[str]]):
    table = Block("table", "\n".join("\t".join(row) for row in rows))
    words = " ".join(" ".join(row) for row in rows).split()
    assert shown(to_markdown(Extracted("T", (table,)))).split() == words
