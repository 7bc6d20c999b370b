"""Slugs: readable in any script, safe as a file name and a URL path."""

from __future__ import annotations

import re

import pytest

from builder.slugs import slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("José Andrés’s kitchen", "jose-andress-kitchen"),
        ("Kraków and Ærø", "krakow-and-aero"),
        ("Straße", "strasse"),
        ("Андрей Рудьков", "andrei-rudkov"),
        ("Київ", "kiiv"),
        ("Αθήνα", "athina"),
        ("東京", "dongjing"),
        ("", "untitled"),
        ("—", "untitled"),
        ("../../etc/passwd", "etc-passwd"),
    ],
)
def test_slugs(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_names_in_other_scripts_get_slugs_of_their_own() -> None:
    """Names in Cyrillic all slugged to `untitled` once, told apart only by a number."""
    names = ["Андрея Рудькова", "Олега Ильина", "Кондитерская Олега Ильина"]
    assert len({slugify(n) for n in names}) == 3


def test_long_titles_are_cut_at_a_word_boundary_mark() -> None:
    slug = slugify("word " * 40, max_length=80)
    assert len(slug) <= 80 and not slug.endswith("-")
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)
