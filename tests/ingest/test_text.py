"""Pasted text → article: the cleaner on whole pages and on small shapes of page."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.ingest.text import read_text

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def seed():
    return read_text((FIXTURES / "seed_nysun.txt").read_text(encoding="utf-8"))


def test_seed_headline_block(seed):
    assert seed.title == "‘We Are Killing Civilians and Children’: Russian Soldier"
    assert seed.dek.startswith("To the Kremlin’s probable dismay,")
    assert seed.dek.endswith("in Ukraine.")
    assert seed.image_caption.startswith("Civilians walk past a tank")
    assert seed.image_caption.endswith("at Mariupol April 19, 2022.")
    assert seed.image_credit == "AP/Alexei Alexandrov"


def test_seed_source_from_masthead_and_no_date(seed):
    assert seed.source == "The New York Sun"
    assert seed.date is None, "a caption's date or a copyright year is not the publication date"


def test_seed_body_is_exactly_the_sixteen_paragraphs(seed):
    texts = [block.text for block in seed.blocks]
    assert len(texts) == 16, texts
    assert texts[0].startswith("A Russian soldier said")
    assert texts[-1].startswith("Fellow NATO-member Norway")
    assert all(block.kind == "p" for block in seed.blocks)
    # The body paragraph that repeats the dek's sentence stays in the body.
    assert any(t.startswith("To the Kremlin’s probable dismay,") for t in texts)


@pytest.mark.parametrize(
    "furniture",
    ["© 2024", "Terms of Use", "Sign in or", "By continuing you agree", "The New York Sun"],
)
def test_seed_body_has_no_footer(seed, furniture):
    body = "\n".join(block.text for block in seed.blocks)
    assert furniture not in body


PAGE = """Home
World
Politics
Sign In
Mayor opens the new river bridge after two years of work
The city’s second crossing is meant to ease traffic on the old span.
By Jane Doe
Published March 3, 2021 at 9:15 am
The mayor cut the ribbon on Tuesday morning in front of a crowd of several hundred people.
“It was worth the wait,” she said.
Advertisement
Engineers said the bridge would carry about 20,000 vehicles a day once the approach roads open.
Share this article
Facebook
Twitter
Most Popular
Council approves budget
Storm closes schools
© 2021 Riverside Daily Media Inc. All rights reserved.
"""


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "Mayor opens the new river bridge after two years of work"),
        ("dek", "The city’s second crossing is meant to ease traffic on the old span."),
        ("author", "Jane Doe"),
        ("date", "2021-03-03"),
        ("source", "Riverside Daily"),
    ],
)
def test_headline_block_fields(field, expected):
    assert getattr(read_text(PAGE), field) == expected


def test_short_quote_kept_and_ad_dropped():
    body = [block.text for block in read_text(PAGE).blocks]
    assert body == [
        "The mayor cut the ribbon on Tuesday morning in front of a crowd of several hundred "
        "people.",
        "“It was worth the wait,” she said.",
        "Engineers said the bridge would carry about 20,000 vehicles a day once the approach "
        "roads open.",
    ]


def test_collection_furniture_is_dropped_inside_the_body():
    text = PAGE.replace("Advertisement", "Our reporters are independent and so are you!")
    furniture = frozenset({"our reporters are independent and so are you!"})
    body = [block.text for block in read_text(text, furniture).blocks]
    assert not any("independent" in line for line in body)


def test_empty_text():
    extracted = read_text("  \n\n ")
    assert extracted.title is None and extracted.blocks == ()
