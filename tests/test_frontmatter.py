"""frontmatter.py: the front matter read without PyYAML is what PyYAML reads."""

from __future__ import annotations

import datetime

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.frontmatter import FrontMatterError, parse, plain_front_matter


def yaml_reads(lines: list[str]) -> object:
    try:
        return yaml.load("\n".join(lines), Loader=yaml.CSafeLoader) if any(lines) else {}
    except yaml.YAMLError:
        return "error"


EXAMPLES = [
    'title: "Economy reform evening"', "date: 2020-08-17", "source: Northern Post",
    "tags: [economy, sport]", "tags: []", "tags: [ ]", "title: 'It''s ‘quoted’: here'",
    "dek: To the Kremlin’s probable dismay, the world is refusing to stop.",
    "image_credit:", "title: C# and F#", "title: yes", "title: Yes please", "title: null",
    "title: NULL", "title: on", "title: off", "title: true story", "date: 2020-8-17",
    "date: 2021-02-30", "date: 2020-08-17T09:30", "count: 12", "version: 1.5", "title: .inf",
    "title: ~", "title: a: b", "title: a #comment", "title: ends:", "title: trailing ",
    'title: "a \\" b"', 'title: "back\\\\slash"', "title: 'lone ' quote'", "title: [a, b",
    "tags: [yes, no]", "tags: [a, , b]", "tags: [a,]", "tags: [New York, U.S.]",
    "tags: [it’s, e-mail]", "tags: [a - b]", "tags: [1990s]", "yes: key", "on: key",
    "title: !tag x", "title: &a x", "title: *a", "title: @x", "title: `x`", "title: %x",
    "title:x", "title:  two spaces", "title: no\u00a0break", "title: tab\there",
    "title: 'x' y", "title: \"x\" y", "title: É café", "title: > folded", "title: | literal",
    "- item", "# comment", "", " indented: x", "key with space: x", "title: x\r",
    "title: a, b, c", "title: [brackets] later", "title: {braces}", "title: x {y}",
]


@pytest.mark.parametrize("line", EXAMPLES)
def test_a_line_read_without_pyyaml_is_read_as_pyyaml_reads_it(line):
    mine = plain_front_matter([line])
    if mine is not None:
        assert mine == yaml_reads([line]) and type(mine) is dict
        for value in mine.values():
            assert type(value) is type(yaml_reads([line])[line.split(":")[0]])


def test_the_plain_kinds_are_read_without_pyyaml():
    lines = ['title: "A title"', "date: 2020-08-17", "source: Northern Post",
             "tags: [economy, sport]", "dek: A dek, with commas.", "image_credit:"]
    assert plain_front_matter(lines) == {
        "title": "A title", "date": datetime.date(2020, 8, 17), "source": "Northern Post",
        "tags": ["economy", "sport"], "dek": "A dek, with commas.", "image_credit": None}
    assert plain_front_matter([*lines, "title: again"]) is None  # a key twice: PyYAML's


VALUE = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=12),
    st.from_regex(r"[A-Za-z][A-Za-z0-9 ,.'’#:!-]{0,12}", fullmatch=True),
    st.from_regex(r"\[[A-Za-z0-9 ,.'’-]{0,14}\]", fullmatch=True),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    st.from_regex(r"['\"][A-Za-z '\"\\]{0,10}['\"]", fullmatch=True),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["title", "dek", "tags", "on", "x_1"]), VALUE),
                max_size=4))
def test_any_front_matter_read_without_pyyaml_is_read_as_pyyaml_reads_it(pairs):
    lines = [f"{key}: {value}" for key, value in pairs]
    mine = plain_front_matter(lines)
    if mine is not None:
        assert mine == yaml_reads(lines)


def test_what_pyyaml_must_read_still_reports_its_line():
    with pytest.raises(FrontMatterError) as err:
        parse("---\ntitle: ok\ntags: [unclosed\n---\nBody\n")
    assert err.value.line == 3
    assert parse("---\ntitle: ok\n---\nBody\n").meta == {"title": "ok"}
